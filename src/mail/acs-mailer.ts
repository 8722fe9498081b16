/**
 * The mail port over Azure Communication Services Email (@azure/communication-email): in
 * Azure by the app's managed identity (MAIL_ENDPOINT with DefaultAzureCredential), locally
 * and in tests by a connection string (MAIL_CONNECTION_STRING) pointing at a stand-in.
 */
import type { TokenCredential } from '@azure/identity';
import { defaultAzureCredential } from '../azure-credential';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { mailOff, type Mailer } from './mailer';

export interface AcsMailConfig {
  sender: string;
  endpoint?: string;
  connectionString?: string;
  /** How often to ask whether the message has gone (the service answers at once or within seconds). */
  pollIntervalMs?: number;
}

export function createAcsMailer(config: AcsMailConfig, logger?: Logger, credential?: TokenCredential): Mailer {
  // Only a local stand-in is plain http; the client refuses it unless told (as the table client does).
  const options = {
    allowInsecureConnection: /(^|endpoint=)http:/i.test(config.connectionString ?? config.endpoint ?? ''),
  };
  // The SDK is loaded with the first notice: most runs send none, and it is not small.
  const connect = async () => {
    const { EmailClient } = await import('@azure/communication-email');
    return config.connectionString
      ? new EmailClient(config.connectionString, options)
      : new EmailClient(config.endpoint!, credential ?? defaultAzureCredential(), options);
  };
  let client: ReturnType<typeof connect> | undefined;
  const clientOf = () => (client ??= connect());
  return {
    enabled: true,
    async send(notice) {
      if (!notice.to.address) return { sent: false, reason: 'noAddress' };
      try {
        const poller = await (
          await clientOf()
        ).beginSend(
          {
            senderAddress: config.sender,
            recipients: { to: [{ address: notice.to.address, displayName: notice.to.displayName }] },
            content: { subject: notice.subject, plainText: notice.plainText, html: notice.html },
          },
          { updateIntervalInMs: config.pollIntervalMs ?? 2000 },
        );
        const result = await poller.pollUntilDone();
        if (result.status !== 'Succeeded') return { sent: false, reason: 'failed', detail: result.status };
        return { sent: true, id: result.id };
      } catch (error) {
        const e = error as { statusCode?: number; code?: string; message?: string };
        // Ids and codes only: the message holds the recipient's address.
        logger?.warn('email notice failed', { statusCode: e.statusCode, code: e.code });
        return { sent: false, reason: 'failed', detail: e.code ?? String(e.statusCode ?? 'error') };
      }
    },
  };
}

/** The mailer the configuration asks for: off, or Communication Services Email. */
export function createMailer(config: Config['mail'], logger?: Logger): Mailer {
  return config.enabled ? createAcsMailer(config, logger) : mailOff;
}
