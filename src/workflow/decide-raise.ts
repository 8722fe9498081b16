/**
 * Raising a challenge (COM-2): who may raise it, what it must say, where it starts.
 * Pure: the procedure's data decides everything (DUR-1, DUR-10, NEW-8, NEW-10).
 */
import { isLocalDate, londonDate, type WorkingCalendar } from '../calendar';
import type { OwnerRole, Procedure } from '../procedures/schema';
import { blankFields, eventBase, type Verdict } from './context';
import { stageTiming } from './deadlines';
import { refusal } from './refusal';
import { describeOwners, joinAnd } from './roles';
import { stageById } from './stages';
import type { ChallengeEvent, Command, CommandEnvelope, Participants, PersonRef } from './types';

export type RaiseCommand = Extract<Command, { type: 'raise' }>;

const words = (s: string): string =>
  ` ${s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/** A job title matches a limit when it contains it as whole words ("Senior IRO" matches "IRO"). */
export function roleMatches(role: string | undefined, allowed: readonly string[]): boolean {
  if (!role) return false;
  return allowed.some((a) => words(role).includes(words(a)) || words(role).includes(words(initials(a))));
}

/** "Independent Reviewing Officer" → "IRO", so either way of writing the role matches. */
function initials(name: string): string {
  const parts = name.split(/[^A-Za-z]+/).filter(Boolean);
  return parts.length > 1 ? parts.map((p) => p[0]).join('') : name;
}

/** The participants with the raiser and the professional it is raised with in their practitioner roles. */
function withPractitioners(command: RaiseCommand): Participants {
  const participants = structuredClone(command.participants);
  const ensure = (role: OwnerRole, person: PersonRef) => {
    const people = participants[role] ?? [];
    if (!people.some((p) => p.id === person.id)) participants[role] = [person, ...people];
  };
  ensure('raising.practitioner', command.raisedBy);
  ensure('receiving.practitioner', command.raisedWith);
  return participants;
}

/** "an Independent Reviewing Officer": a job title as a person. */
const withArticle = (title: string): string => `${/^[aeiou]/i.test(title) ? 'an' : 'a'} ${title}`;

const subjectWords = { child: 'children', adult: 'adults at risk' } as const;

function problemsOf(procedure: Procedure, c: RaiseCommand, today: string): string[] {
  const problems = blankFields({
    'Case reference': c.caseReference,
    'The concern': c.concern,
    'What you want to happen': c.desiredOutcome,
    'The evidence-based reason': c.evidence,
  });
  if (!procedure.subjects.includes(c.subject)) {
    problems.push(`this procedure covers ${joinAnd(procedure.subjects.map((s) => subjectWords[s]))} only`);
  }
  if (c.areas.length === 0) problems.push('choose the area of disagreement');
  if (c.areas.length > 1 && !procedure.multipleAreas) problems.push('choose one area of disagreement');
  for (const area of c.areas.filter((a) => !procedure.areasOfDisagreement.includes(a))) {
    problems.push(`"${area}" is not one of the partnership's areas of disagreement`);
  }
  const family = c.familyName?.trim();
  if (family && !procedure.raiseForm.familyName) {
    problems.push('this procedure does not ask for the family name: the case is named by its agency reference only');
  }
  if (family && c.caseReference.toLowerCase().includes(family.toLowerCase())) {
    problems.push('the case reference must be an agency reference, not the family name');
  }
  if (c.kind === 'conferenceDissent') {
    if (!procedure.raiseForm.conferenceDissent)
      problems.push('this procedure has no challenge to a conference outcome');
    else if (!isLocalDate(c.conferenceDate)) problems.push('give the date of the conference');
    else if (c.conferenceDate > today) problems.push('the conference date cannot be in the future');
  }
  if (c.raisedWith.id === c.raisedBy.id) problems.push('a challenge is raised with someone else');
  return problems;
}

export function decideRaise(
  procedure: Procedure,
  command: RaiseCommand,
  envelope: CommandEnvelope,
  now: Date,
  calendar: WorkingCalendar,
): Verdict {
  if (envelope.actor.id !== command.raisedBy.id) {
    return refusal('notAllowed', 'A challenge is raised in your own name.');
  }
  if (procedure.raisedBy && !roleMatches(command.raisedBy.role, procedure.raisedBy)) {
    const role = command.raisedBy.role ? `your role is ${command.raisedBy.role}` : 'your role is not recorded';
    return refusal(
      'notAllowed',
      `In ${procedure.partnership} a challenge is raised by ${joinAnd(procedure.raisedBy.map(withArticle))}; ${role}.`,
    );
  }
  const problems = problemsOf(procedure, command, londonDate(now));
  if (problems.length > 0) return refusal('invalid', `Please check: ${problems.join('; ')}.`);

  const participants = withPractitioners(command);
  let startAt = procedure.firstStage;
  if (command.urgency === 'immediate') {
    const route = procedure.immediateRoute;
    if (!route)
      return refusal(
        'notAllowed',
        `The ${procedure.partnership} procedure has no immediate route: raise it as standard.`,
      );
    const agreed = route.agreedBy.some((role) => participants[role]?.some((p) => p.id === command.raisedBy.id));
    if (!agreed) {
      return refusal(
        'notAllowed',
        `The immediate route is agreed by ${describeOwners(route.agreedBy)}: raise it as standard and ask them to take the immediate route.`,
      );
    }
    startAt = route.stage;
  }

  const stage = stageById(procedure, startAt);
  const { familyName, conferenceDate, ...rest } = command;
  const base = eventBase(envelope, now);
  const events: ChallengeEvent[] = [
    {
      ...base,
      type: 'ChallengeRaised',
      data: {
        ...rest,
        ...(familyName?.trim() ? { familyName: familyName.trim() } : {}),
        ...(command.kind === 'conferenceDissent' && conferenceDate ? { conferenceDate } : {}),
        participants,
        procedureId: procedure.id,
      },
    },
    {
      ...base,
      type: 'StageEntered',
      data: {
        stageId: stage.id,
        startedAt: base.at,
        deadlineVersion: 1,
        ...stageTiming(procedure, stage, now, now, 0, calendar),
      },
    },
  ];
  return events;
}
