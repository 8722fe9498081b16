/**
 * The scheduler over real tables (the shared test Azurite): challenges raised through the real
 * workflow, a fake messenger that records what each person received, and a SettableClock.
 */
import { OverridableClock, SettableClock } from '../../../src/clock';
import { createSchedulerDeps, type SchedulerDeps } from '../../../src/functions/scheduler-deps';
import type { Delivery, SchedulerMessenger } from '../../../src/functions/messenger';
import { getProcedure } from '../../../src/procedures';
import { calendarFor } from '../../../src/scheduler';
import { createCommandRunner, createStores, type Stores, type TableConfig } from '../../../src/store';
import { apply, decide, type Challenge } from '../../../src/workflow';
import { raiseCommand } from '../../unit/workflow/helpers';

export interface Received {
  personId: string;
  card: object;
}

/** Records every card; `answer` scripts a delivery (default: delivered). */
export class FakeMessenger implements SchedulerMessenger {
  readonly received: Received[] = [];
  answer: (personId: string, card: object) => Promise<Delivery> = async () => ({ delivered: true });

  async sendToPerson(personId: string, card: object): Promise<Delivery> {
    const delivery = await this.answer(personId, card);
    if (delivery.delivered) this.received.push({ personId, card });
    return delivery;
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

export function depsOver(stores: Stores, clock: SettableClock, messenger: SchedulerMessenger): SchedulerDeps {
  return createSchedulerDeps({ stores, messenger, clock });
}

/** Raises a challenge through the real workflow and indexes it, as the bot does after a commit. */
export async function raise(
  stores: Stores,
  clock: SettableClock | OverridableClock,
  input: { id: string; procedureId?: string; at: string; caseReference?: string; familyName?: string },
): Promise<Challenge> {
  const procedure = getProcedure(input.procedureId ?? 'leeds');
  clock.set(input.at);
  const run = createCommandRunner({
    challenges: stores.challenges,
    audit: stores.audit,
    personIndex: stores.personIndex,
    clock,
    apply,
    decide: (challenge, envelope, now) => decide(procedure, challenge, envelope, now, calendarFor(procedure)),
  });
  const command = raiseCommand(procedure, {
    challengeId: input.id,
    ...(input.caseReference ? { caseReference: input.caseReference } : {}),
    ...(input.familyName ? { familyName: input.familyName } : {}),
  });
  const result = await run(input.id, {
    command,
    actor: { id: command.raisedBy.id, name: 'Raiser' },
    idempotencyKey: `raise-${input.id}`,
  });
  if (!result.challenge) throw new Error(`raise of ${input.id} refused: ${JSON.stringify(result.decision)}`);
  await stores.deadlineIndex.update(result.challenge);
  return result.challenge;
}

/** The reminder keys recorded in a challenge's history (ReminderSent events). */
export async function recordedKeys(stores: Stores, challengeId: string): Promise<string[]> {
  const events = await stores.challenges.events(challengeId);
  return events.flatMap((e) => (e.type === 'ReminderSent' ? [e.data.reminderKey] : []));
}
