/**
 * Activities shaped as Teams sends them to a bot's /api/messages: message (1:1, group chat,
 * channel with @mention), invoke adaptiveCard/action, installationUpdate, conversationUpdate.
 */
import { randomUUID } from 'node:crypto';

export const tenantId = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
export const botId = '28:7a1b2c3d-0000-4000-8000-00000000b07';

export interface TestUser {
  /** Entra object id (the directory key). */
  aadObjectId: string;
  name: string;
}

/** A directory person, by name, as a test user; `which` names the directory in the error. */
export function userIn(
  people: readonly { id: string; name: string }[],
  personName: string,
  which = 'the directory',
): TestUser {
  const person = people.find((p) => p.name === personName);
  if (!person) throw new Error(`no person "${personName}" in ${which}`);
  return { aadObjectId: person.id, name: person.name };
}

export function teamsUserId(user: TestUser): string {
  return `29:${user.aadObjectId}`;
}

export interface Where {
  conversationId?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  teamId?: string;
  channelId?: string;
}

function base(serviceUrl: string, user: TestUser, where: Where = {}) {
  const conversationType = where.conversationType ?? 'personal';
  const conversationId = where.conversationId ?? `a:personal-${user.aadObjectId}`;
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: teamsUserId(user), name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: botId, name: 'Challenge' },
    conversation: {
      id: conversationId,
      conversationType,
      tenantId,
      ...(conversationType === 'personal' ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: tenantId },
      ...(where.teamId ? { team: { id: where.teamId } } : {}),
      ...(where.channelId ? { channel: { id: where.channelId } } : {}),
    },
    locale: 'en-GB',
  };
}

export function message(serviceUrl: string, user: TestUser, text: string, where?: Where) {
  const mentioned = where && where.conversationType && where.conversationType !== 'personal';
  return {
    ...base(serviceUrl, user, where),
    type: 'message',
    text: mentioned ? `<at>Challenge</at> ${text}` : text,
    textFormat: 'plain',
    ...(mentioned
      ? { entities: [{ type: 'mention', text: '<at>Challenge</at>', mentioned: { id: botId, name: 'Challenge' } }] }
      : {}),
  };
}

/** An Action.Submit press (clients without Universal Actions): a message with a value and no text. */
export function submit(
  serviceUrl: string,
  user: TestUser,
  value: Record<string, unknown>,
  replyToId?: string,
  where?: Where,
) {
  return { ...base(serviceUrl, user, where), type: 'message', value, ...(replyToId ? { replyToId } : {}) };
}

/** An Action.Execute press: invoke adaptiveCard/action. */
export function invokeAction(
  serviceUrl: string,
  user: TestUser,
  verb: string,
  data: Record<string, unknown>,
  where?: Where,
  trigger: 'manual' | 'automatic' = 'manual',
) {
  return {
    ...base(serviceUrl, user, where),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger },
  };
}

export function installationUpdate(
  serviceUrl: string,
  user: TestUser,
  action: 'add' | 'remove' = 'add',
  where?: Where,
) {
  return { ...base(serviceUrl, user, where), type: 'installationUpdate', action };
}

export function botAdded(serviceUrl: string, user: TestUser, where?: Where) {
  return { ...base(serviceUrl, user, where), type: 'conversationUpdate', membersAdded: [{ id: botId }] };
}

/** A typeahead search (invoke application/search), as Teams sends it while someone types into a Data.Query input. */
export function searchInvoke(
  serviceUrl: string,
  user: TestUser,
  dataset: unknown,
  queryText: unknown,
  queryOptions: unknown = { skip: 0, top: 15 },
) {
  return {
    ...base(serviceUrl, user),
    type: 'invoke',
    name: 'application/search',
    value: { queryText, queryOptions, dataset },
  };
}
