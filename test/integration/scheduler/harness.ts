/**
 * The scheduler over real tables (the shared test Azurite): challenges raised through the real
 * workflow, a fake messenger that records what each person received, and a SettableClock.
 */
import { OverridableClock, SettableClock } from '../../../src/clock';
import { createSchedulerDeps, type SchedulerDeps } from '../../../src/functions/scheduler-deps';
import { silentLogger } from '../../../src/logger';
import { getProcedure } from '../../../src/procedures';
import { createStores, type ChallengeThread, type Stores, type TableConfig } from '../../../src/store';
import { createTurnKit, type ChannelTarget, type Delivery, type Messenger } from '../../../src/turn';
import type { Challenge } from '../../../src/workflow';
import { raiseCommand } from '../../unit/workflow/helpers';

export interface Received {
  personId: string;
  card: object;
}

/** Records every card to a person; `answer` scripts a delivery (default: delivered). Thread posts are counted apart. */
export class FakeMessenger implements Messenger {
  readonly received: Received[] = [];
  readonly threadPosts: object[] = [];
  answer: (personId: string, card: object) => Promise<Delivery> = async () => ({ delivered: true });

  async sendToPerson(personId: string, card: object): Promise<Delivery> {
    const delivery = await this.answer(personId, card);
    if (delivery.delivered) this.received.push({ personId, card });
    return delivery;
  }

  async startThread(challengeId: string, target: ChannelTarget, card: object): Promise<ChallengeThread> {
    this.threadPosts.push(card);
    return {
      challengeId,
      conversationId: `${target.channelId};messageid=1`,
      rootActivityId: '1',
      serviceUrl: target.serviceUrl,
    };
  }

  async replyInThread(_thread: ChallengeThread, card: object): Promise<Delivery> {
    this.threadPosts.push(card);
    return { delivered: true };
  }

  async updateThreadRoot(_thread: ChallengeThread, card: object): Promise<Delivery> {
    this.threadPosts.push(card);
    return { delivered: true };
  }

  /** "personId: headline" for each card received. */
  lines(): string[] {
    return this.received.map((r) => `${r.personId}: ${headline(r.card)}`);
  }
}

function headline(card: object): string {
  const text = JSON.stringify(card);
  return /"text":"([^"]*(?:due|overdue|next level|Professional challenges)[^"]*)"/.exec(text)?.[1] ?? '?';
}

export function storesOver(config: TableConfig, clock: SettableClock): Stores {
  return createStores(config, { clock });
}

export function depsOver(
  stores: Stores,
  clock: SettableClock,
  messenger: Messenger,
  options: { leaseMs?: number; onUndelivered?: SchedulerDeps['onUndelivered'] } = {},
): SchedulerDeps {
  return createSchedulerDeps({ stores, messenger, clock, ...options });
}

/** Raises a challenge through the real workflow and indexes it, as the bot does after a commit. */
export async function raise(
  stores: Stores,
  clock: SettableClock | OverridableClock,
  input: { id: string; procedureId?: string; at: string; caseReference?: string; familyName?: string },
): Promise<Challenge> {
  const procedure = getProcedure(input.procedureId ?? 'leeds');
  clock.set(input.at);
  // The raise's own cards go nowhere here: the tests watch what the scheduler sends.
  const { turns } = createTurnKit({ stores, messenger: new FakeMessenger(), clock, logger: silentLogger });
  const command = raiseCommand(procedure, {
    challengeId: input.id,
    ...(input.caseReference ? { caseReference: input.caseReference } : {}),
    ...(input.familyName ? { familyName: input.familyName } : {}),
  });
  const result = await turns.execute({
    challengeId: input.id,
    procedure,
    command,
    actor: { id: command.raisedBy.id, name: 'Raiser' },
    idempotencyKey: `raise-${input.id}`,
    sends: 'await',
  });
  if (result.kind !== 'done') throw new Error(`raise of ${input.id} not done: ${result.kind}`);
  return result.challenge;
}

/** The reminder keys recorded in a challenge's history (ReminderSent events). */
export async function recordedKeys(stores: Stores, challengeId: string): Promise<string[]> {
  const events = await stores.challenges.events(challengeId);
  return events.flatMap((e) => (e.type === 'ReminderSent' ? [e.data.reminderKey] : []));
}
