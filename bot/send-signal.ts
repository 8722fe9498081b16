/**
 * One attempt at a proactive send is one HTTP request, and the outbound queue is the one place
 * that retries. The Bot Framework client retries on its own, below the queue (after a 429's
 * Retry-After, a 5xx, a dropped connection); an attempt the queue had given up on (it took
 * longer than SEND_TIMEOUT_SECONDS) could then still deliver after the queue's own retry did,
 * and the card arrived twice. So within an attempt, a failure the client would retry goes
 * straight up to the queue (which keeps Teams' limits and honours Retry-After), and the
 * attempt's signal, aborted when the queue gives up on it, cuts its request.
 *
 * botbuilder replaces any request policy a bot passes, so the hook is the client's transport:
 * the SDK's own default HTTP client. Outside an attempt (a reply within a turn) requests go
 * through it unchanged, retries and all.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { toCompatResponse, type CompatResponse, type WebResourceLike } from '@azure/core-http-compat';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { ConnectorClientOptions } from 'botframework-connector';

const attempt = new AsyncLocalStorage<AbortSignal>();

/** Runs one attempt: its requests are not retried below the queue, and stop when `signal` aborts. */
export function inAttempt<T>(signal: AbortSignal | undefined, send: () => Promise<T>): Promise<T> {
  return signal ? attempt.run(signal, send) : send();
}

/**
 * What the client's retry policy would try again: a timeout, throttling, a server error. Not
 * a RestError, so that policy hands it up at once; it keeps the status and the headers the
 * queue reads (retry-policy.ts), or the network error's code.
 */
class AttemptFailed extends Error {
  override readonly name = 'AttemptFailed';
  readonly statusCode: number | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly code: string | undefined;
  constructor(failure: { response: PipelineResponse } | { error: unknown }) {
    const status = 'response' in failure ? failure.response.status : undefined;
    super(status ? `The channel answered ${status}` : 'The request to the channel failed');
    this.statusCode = status;
    this.headers = 'response' in failure ? failure.response.headers.toJSON() : undefined;
    const code = 'error' in failure ? (failure.error as { code?: unknown } | undefined)?.code : undefined;
    this.code = typeof code === 'string' ? code : undefined;
  }
}

const retriedByClient = (status: number) =>
  status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);

const transport = createDefaultHttpClient();

async function send(request: WebResourceLike, signal?: AbortSignal): Promise<PipelineResponse> {
  return transport.sendRequest(
    createPipelineRequest({
      url: request.url,
      method: request.method,
      headers: createHttpHeaders(request.headers.toJson({ preserveCase: true })),
      body: request.body,
      timeout: request.timeout,
      withCredentials: request.withCredentials,
      requestId: request.requestId,
      // As botbuilder's own client decides it: from the service URL it was made for.
      allowInsecureConnection: request.url.toLowerCase().startsWith('http:'),
      ...(signal ? { abortSignal: signal } : request.abortSignal ? { abortSignal: request.abortSignal } : {}),
      ...(request.agent ? { agent: request.agent } : {}),
      ...(request.proxySettings ? { proxySettings: request.proxySettings } : {}),
      ...(request.streamResponseStatusCodes ? { streamResponseStatusCodes: request.streamResponseStatusCodes } : {}),
      disableKeepAlive: request.keepAlive === false,
    }),
  );
}

/** The response as the client's pipeline takes it back: tied to its own request, where it keeps what the call expects. */
const answer = (request: WebResourceLike, response: PipelineResponse): CompatResponse => ({
  ...toCompatResponse(response),
  request,
});

const httpClient = {
  async sendRequest(request: WebResourceLike): Promise<CompatResponse> {
    const signal = attempt.getStore();
    if (!signal) return answer(request, await send(request));
    signal.throwIfAborted();
    let response: PipelineResponse;
    try {
      response = await send(request, signal);
    } catch (error) {
      throw signal.aborted ? signal.reason : new AttemptFailed({ error });
    }
    if (retriedByClient(response.status)) throw new AttemptFailed({ response });
    return answer(request, response);
  },
};

/** The connector client's options: what the adapter gives botbuilder for every client it makes. */
export const connectorClientOptions: ConnectorClientOptions = { httpClient };
