/** What the scheduler's runs need, and the wiring of them from the stores. Shell. */
import { renderCard } from '../../cards/render';
import { toReminderCardData } from '../../cards/view-models/reminder';
import type { WorkingCalendar } from '../calendar';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { getProcedure } from '../procedures';
import type { Procedure } from '../procedures/schema';
import { calendarFor, type PlannedReminder } from '../scheduler';
import { createCommandRunner, type CommandResult, type Stores } from '../store';
import type { ChallengeStore } from '../store/challenge-store';
import type { DeadlineIndex } from '../store/deadline-index';
import type { PersonIndex } from '../store/person-index';
import type { ReminderClaims } from '../store/reminder-claims';
import type { RetentionStore } from '../store/retention';
import { apply, decide, type Challenge, type CommandEnvelope } from '../workflow';
import type { SchedulerMessenger, Undelivered } from './messenger';

export interface SchedulerDeps {
  challenges: Pick<ChallengeStore, 'load' | 'snapshots'>;
  deadlineIndex: DeadlineIndex;
  claims: ReminderClaims;
  personIndex?: Pick<PersonIndex, 'update'>;
  /** Purges resolved challenges past their retention period (the nightly reconcile). */
  retention?: RetentionStore;
  messenger: SchedulerMessenger;
  /** Records a command on a challenge (the command runner bound to the workflow). */
  record(challengeId: string, envelope: CommandEnvelope): Promise<CommandResult>;
  procedureOf(procedureId: string): Procedure;
  calendarOf(procedure: Procedure): WorkingCalendar;
  reminderCard(reminder: PlannedReminder, challenge: Challenge, procedure: Procedure, now: Date): object;
  onUndelivered?: (what: Undelivered) => void | Promise<void>;
  logger?: Logger;
  /** Rows one tick takes from the index; the rest wait for the next tick. */
  maxDuePerTick?: number;
}

export function defaultReminderCard(
  reminder: PlannedReminder,
  challenge: Challenge,
  procedure: Procedure,
  now: Date,
): object {
  const workingDaysOverdue = Math.max(0, reminder.workingDaysOverdue);
  return renderCard(
    'reminder',
    toReminderCardData({ procedure, challenge, level: reminder.level, now, workingDaysOverdue }),
  );
}

/** The production wiring: the stores, the real workflow, the messenger bot/ provides. */
export function createSchedulerDeps(input: {
  stores: Stores;
  messenger: SchedulerMessenger;
  clock: Clock;
  logger?: Logger;
  onUndelivered?: SchedulerDeps['onUndelivered'];
}): SchedulerDeps {
  const { stores, clock, logger } = input;
  const calendars = new Map<string, WorkingCalendar>();
  const calendarOf = (procedure: Procedure): WorkingCalendar => {
    const found = calendars.get(procedure.id) ?? calendarFor(procedure);
    calendars.set(procedure.id, found);
    return found;
  };
  const record = createCommandRunner({
    challenges: stores.challenges,
    audit: stores.audit,
    personIndex: stores.personIndex,
    clock,
    apply,
    decide: (challenge, envelope, now) => {
      if (!challenge) return { ok: false, refusal: { code: 'invalid', reason: 'There is no such challenge.' } };
      const procedure = getProcedure(challenge.procedureId);
      return decide(procedure, challenge, envelope, now, calendarOf(procedure));
    },
    onIndexError: (error) => logger?.warn('person index update failed', { error: String(error) }),
  });
  return {
    challenges: stores.challenges,
    deadlineIndex: stores.deadlineIndex,
    claims: stores.reminderClaims,
    personIndex: stores.personIndex,
    retention: stores.retention,
    messenger: input.messenger,
    record,
    procedureOf: getProcedure,
    calendarOf,
    reminderCard: defaultReminderCard,
    ...(input.onUndelivered ? { onUndelivered: input.onUndelivered } : {}),
    ...(logger ? { logger } : {}),
  };
}
