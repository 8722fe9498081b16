/** The challenge state machine: pure decide / apply / effects over plain data. */
export * from './types';
export { decide, preflight, type Press } from './decide';
export { isStale, staleRefusal, MOVED_ON_REASON } from './stale';
export { apply, replay, APPLIED_KEYS_KEPT, REMINDER_KEYS_KEPT } from './apply';
export { effectsOf } from './effects';
export { allowedCommands, mayTakeImmediateRoute } from './allowed';
export { guard, extensionDeciders, type ChallengeCommandType, type GuardOptions } from './guards';
export { mayEscalateAsNextLevel, workingDaysOverdue } from './escalation-offer';
export { calendarOf, bankHolidayCalendar } from './calendar-of';
export {
  rolesOf,
  isOnChallenge,
  holdsAny,
  peopleIn,
  isReachable,
  sideOf,
  roleNameOf,
  describeOwners,
  describeRole,
  describeActor,
  peopleOnChallenge,
} from './roles';
export { currentStage, currentRecord, findStage, findForm, escalatorsOf, hasReached } from './stages';
export { stageTiming, ruleDeadline, type StageTiming } from './deadlines';
export { formProblems, keptValues } from './forms';
export { openNotifications, recordableNotifications, type OpenNotification } from './notifications';
export { roleMatches, type RaiseCommand } from './decide-raise';
export { timelineOf, type Timeline, type TimelineStage, type ProcessLimit, type PausedSpan } from './timeline';
