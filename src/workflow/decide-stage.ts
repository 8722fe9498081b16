/**
 * Moving through the stages: recording a stage's outcome (COM-3), escalating (to the
 * next stage, a named later one: LEE-10, or the immediate route: NEW-8) and resolving
 * at any stage (COM-5). Pure.
 */
import { blankFields, eventBase, type DecideContext, type Verdict } from './context';
import { stageTiming } from './deadlines';
import { formProblems, keptValues } from './forms';
import { refusal } from './refusal';
import { joinAnd, rolesOf } from './roles';
import { currentStage, findForm, findStage, stageById } from './stages';
import type { Command } from './types';

type Of<T extends Command['type']> = DecideContext<Extract<Command, { type: T }>>;

export function decideRecordOutcome({ procedure, challenge, command, envelope, now }: Of<'recordOutcome'>): Verdict {
  const stage = currentStage(procedure, challenge);
  const form = findForm(procedure, stage.record);
  if (!form) return refusal('invalid', `${stage.label} has no outcome form in the ${procedure.partnership} procedure.`);
  const problems = formProblems(form, command.values, rolesOf(challenge, envelope.actor.id));
  if (problems.length > 0) return refusal('invalid', `Please check: ${problems.join('; ')}.`);
  return [
    {
      ...eventBase(envelope, now),
      type: 'StageOutcomeRecorded',
      data: { stageId: stage.id, values: keptValues(form, command.values) },
    },
  ];
}

export function decideEscalate({ procedure, challenge, command, envelope, now, calendar }: Of<'escalate'>): Verdict {
  const stage = currentStage(procedure, challenge);
  const blank = blankFields({ 'Why it is escalated': command.reason });
  if (blank.length > 0) return refusal('invalid', `Please check: ${blank.join('; ')}.`);
  let to: string;
  let route: 'next' | 'immediate' | 'skip';
  if (command.route === 'immediate') {
    // The guard has checked that the procedure has an immediate route.
    to = procedure.immediateRoute?.stage ?? '';
    if (command.to !== undefined && command.to !== to) {
      return refusal('invalid', `The immediate route goes to ${findStage(procedure, to)?.label ?? to}.`);
    }
    route = 'immediate';
  } else {
    to = command.to ?? stage.escalateTo[0] ?? '';
    if (!stage.escalateTo.includes(to)) {
      const labels = stage.escalateTo.map((id) => findStage(procedure, id)?.label ?? id);
      return refusal('notAllowed', `From ${stage.label} a challenge goes to ${joinAnd(labels)}.`);
    }
    route = to === stage.escalateTo[0] ? 'next' : 'skip';
  }
  const next = stageById(procedure, to);
  const base = eventBase(envelope, now);
  const timing = stageTiming(procedure, next, new Date(challenge.raisedAt), now, challenge.pausedWorkingDays, calendar);
  return [
    { ...base, type: 'Escalated', data: { from: stage.id, to, reason: command.reason, route } },
    {
      ...base,
      type: 'StageEntered',
      data: { stageId: to, startedAt: base.at, deadlineVersion: 1, ...timing, from: stage.id, reason: command.reason },
    },
  ];
}

export function decideResolve({ procedure, challenge, command, envelope, now }: Of<'resolve'>): Verdict {
  const blank = blankFields({
    'Agreed outcome': command.agreedOutcome,
    'How outstanding issues will be pursued': command.outstandingIssues,
  });
  if (blank.length > 0) return refusal('invalid', `Please check: ${blank.join('; ')}.`);
  const base = eventBase(envelope, now);
  return [
    {
      ...base,
      type: 'Resolved',
      data: {
        agreedOutcome: command.agreedOutcome,
        outstandingIssues: command.outstandingIssues,
        stageId: currentStage(procedure, challenge).id,
        resolvedAt: base.at,
        resolvedBy: envelope.actor.id,
      },
    },
  ];
}
