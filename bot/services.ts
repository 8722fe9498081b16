/**
 * What the handlers need, wired once by the composition root (app.ts): the clock, storage,
 * the command runner bound to the real workflow, and the messenger. No module-level state.
 */
import { createWorkingCalendar, type WorkingCalendar } from '../src/calendar';
import type { Clock } from '../src/clock';
import type { Logger } from '../src/logger';
import { getProcedure, procedures } from '../src/procedures';
import type { Procedure } from '../src/procedures/schema';
import { createCommandRunner, type CommandResult, type Stores } from '../src/store';
import { apply, decide, type CommandEnvelope } from '../src/workflow';
import type { Messenger } from './messenger';

export interface Services {
  clock: Clock;
  logger: Logger;
  stores: Stores;
  messenger: Messenger;
  procedures: readonly Procedure[];
  calendarOf(procedure: Procedure): WorkingCalendar;
  /** Load, decide, save: one transition at most, guarded by ETag and idempotency key. */
  run(procedure: Procedure, challengeId: string, envelope: CommandEnvelope): Promise<CommandResult>;
  /** Called after every transition (deadline index, etc.); failures are logged, a reconcile repairs them. */
  afterCommit?: (result: CommandResult) => Promise<void>;
}

export function createServices(deps: {
  clock: Clock;
  logger: Logger;
  stores: Stores;
  messenger: Messenger;
  afterCommit?: Services['afterCommit'];
}): Services {
  const calendars = new Map<string, WorkingCalendar>();
  const calendarOf = (procedure: Procedure): WorkingCalendar => {
    let calendar = calendars.get(procedure.id);
    if (!calendar) {
      calendar = createWorkingCalendar({ closureDays: procedure.closureDays });
      calendars.set(procedure.id, calendar);
    }
    return calendar;
  };
  return {
    ...deps,
    procedures,
    calendarOf,
    async run(procedure, challengeId, envelope) {
      const runner = createCommandRunner({
        challenges: deps.stores.challenges,
        audit: deps.stores.audit,
        personIndex: deps.stores.personIndex,
        clock: deps.clock,
        apply,
        decide: (challenge, env, now) => decide(getProcedure(procedure.id), challenge, env, now, calendarOf(procedure)),
        onIndexError: (error) => deps.logger.warn('person index update failed', { error: String(error) }),
      });
      const result = await runner(challengeId, envelope);
      if (result.transitioned && deps.afterCommit) {
        await deps
          .afterCommit(result)
          .catch((error: unknown) =>
            deps.logger.warn('after-commit hook failed', { challengeId, error: String(error) }),
          );
      }
      return result;
    },
  };
}
