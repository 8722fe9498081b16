/**
 * The stage card's data (cards/templates/stage-card.json): one person's view of a challenge,
 * laid out to be acted on in ten seconds. A header (case reference, stage, status), why it is
 * with you (who sent it, when, their words), when it is due, the timeline, then the next step
 * as one or two primary buttons with the rest under "More actions"; the case details, the
 * records and the history fold away behind "Show details". Buttons are exactly the commands
 * the workflow would not refuse the viewer (allowedCommands). Details are shown only because
 * the viewer is on the challenge (anyone else gets the minimal card). Pure.
 */
import type { WorkingCalendar } from '../../src/calendar';
import { stageOf } from '../../src/procedures/lookup';
import type { Procedure } from '../../src/procedures/schema';
import { calendarOf } from '../../src/workflow/calendar-of';
import { isStale } from '../../src/workflow/stale';
import { timelineOf } from '../../src/workflow/timeline';
import type { Challenge, ChallengeEvent, PersonRef } from '../../src/workflow/types';
import { formatDay } from './format';
import { noticeView, type CardNotice } from './notice';
import { MAX_REFRESH_USERS, ownerLines, peopleOnChallenge, personInWords, type DirectoryPerson } from './people';
import { BUTTON_VERBS, stageActions, type ButtonVerb, type FormErrors } from './stage-actions';
import { challengeDetails, stageHistory } from './stage-details';
import { quote, timelineRows, whenDue, whyWithYou } from './stage-situation';
import type { Viewer } from './viewer';
import { MOVED_ON, SAFETY_REMINDER } from './wording';

export { BUTTON_VERBS, type ButtonVerb, type FormErrors };
export type { Viewer };

export interface StageCardInput {
  procedure: Procedure;
  challenge: Challenge;
  viewer: Viewer;
  now: Date;
  /** The version of the card the viewer pressed or refreshed: older than the challenge → "moved on". */
  seenVersion?: number;
  /** Candidates for a hand-over: all, or a short list when `morePeople` (cards/pickers.ts). */
  people?: readonly DirectoryPerson[];
  /** There are more candidates than `people`: the hand-over searches for them. */
  morePeople?: boolean;
  /** Agency names for 'agencies' fields of the partnership's forms (all, or a short list when `moreAgencies`). */
  agencies?: readonly string[];
  /** The partnership has more agencies than `agencies`: its 'agencies' fields search for the rest. */
  moreAgencies?: boolean;
  /** What the press that produced this card came to: a confirmation, a refusal, a problem. */
  notice?: CardNotice;
  /** A press whose input was not accepted: its sub-form comes back open, input kept, errors beside fields. */
  formErrors?: FormErrors;
  /** The procedure's working calendar (bank holidays, closure days); built from the procedure when not given. */
  calendar?: WorkingCalendar;
  /** The stored history, for the paused spans of the timeline. */
  events?: readonly ChallengeEvent[];
  /** Teams wants user MRIs in refresh.userIds; the default is the person's id as stored. */
  userIdOf?: (p: PersonRef) => string;
}

const MAX_ACTIONS_PER_ROW = 5;

function rowsOf<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

const STATUS = {
  open: ['Open', 'accent'],
  overdue: ['Overdue', 'attention'],
  paused: ['Paused', 'warning'],
  resolved: ['Resolved', 'good'],
} as const;

function resolution(procedure: Procedure, challenge: Challenge) {
  const r = challenge.resolution;
  if (challenge.status !== 'resolved' || !r)
    return { show: false, headline: '', agreedOutcome: '', outstandingIssues: '' };
  const at = stageOf(procedure, r.stageId);
  const by = peopleOnChallenge(challenge).find((p) => p.id === r.resolvedBy);
  return {
    show: true,
    headline: `Resolved at ${at.label}, ${at.title}, on ${formatDay(r.resolvedAt)}${by ? ` by ${personInWords(by)}` : ''}.`,
    agreedOutcome: quote(r.agreedOutcome),
    outstandingIssues: quote(r.outstandingIssues),
  };
}

export function toStageCardData(input: StageCardInput) {
  const { procedure, challenge, viewer, now } = input;
  const calendar = input.calendar ?? calendarOf(procedure);
  const stage = stageOf(procedure, challenge.stageId);
  const resolved = challenge.status === 'resolved';
  const timeline = timelineOf({
    procedure,
    challenge,
    now,
    calendar,
    ...(input.events ? { events: input.events } : {}),
  });
  const when = whenDue({ procedure, challenge, now, calendar, timeline });
  const why = whyWithYou(procedure, challenge, viewer.id);
  const actions = stageActions({
    procedure,
    challenge,
    viewer,
    ...(input.people ? { people: input.people } : {}),
    ...(input.agencies ? { agencies: input.agencies } : {}),
    ...(input.morePeople ? { morePeople: true } : {}),
    ...(input.moreAgencies ? { moreAgencies: true } : {}),
    ...(input.formErrors ? { formErrors: input.formErrors } : {}),
  });
  const status = resolved
    ? STATUS.resolved
    : challenge.status === 'paused'
      ? STATUS.paused
      : when.overdue
        ? STATUS.overdue
        : STATUS.open;
  const decides = actions.primary.length + actions.more.length > 0 || Boolean(actions.inline);
  const hidden = (verb: string) => ({ verb, challengeId: challenge.id, version: challenge.version });
  const userIdOf = input.userIdOf ?? ((p: PersonRef) => p.id);
  const pending = challenge.pendingExtension;

  return {
    caseReference: challenge.caseReference,
    title: resolved
      ? `${challenge.caseReference}: resolved at ${stageOf(procedure, challenge.resolution?.stageId ?? stage.id).label}`
      : `${challenge.caseReference}: ${stage.label}, ${stage.title}`,
    procedure: procedure.partnership,
    status: { text: status[0], color: status[1] },
    movedOn: challenge.status !== 'resolved' && isStale(challenge, input.seenVersion),
    movedOnText: MOVED_ON,
    notice: noticeView(input.notice),
    resolution: resolution(procedure, challenge),
    why: { show: !resolved, ...why },
    when: { show: !resolved, ...when },
    pendingExtension: pending
      ? `${personInWords(peopleOnChallenge(challenge).find((p) => p.id === pending.requestedBy) ?? { name: 'An owner' })} asked for more time, until ${formatDay(pending.until)}: ${quote(pending.reason)}`
      : '',
    timeline: timelineRows(timeline),
    // COM-1: on every card that asks for a decision, as one quiet line.
    safety: { show: decides, text: SAFETY_REMINDER },
    actions: {
      primary: actions.primary,
      // An ActionSet holds at most five actions (the hosts' maxActions): the rest go in rows of five.
      moreRows: rowsOf(actions.more, MAX_ACTIONS_PER_ROW).map((row) => ({ row })),
      hasMore: actions.more.length > 0,
      inline: actions.inline ?? { show: false },
      hasInline: Boolean(actions.inline),
    },
    details: {
      ...challengeDetails(procedure, challenge),
      stageSummary: `${stage.label}, ${stage.title}: ${stage.summary}`,
      owners: ownerLines(challenge, stage.owners),
      history: stageHistory(procedure, challenge),
    },
    data: { refresh: hidden('refresh') },
    refreshUserIds: peopleOnChallenge(challenge)
      .filter((p) => p.reachable)
      .slice(0, MAX_REFRESH_USERS)
      .map(userIdOf),
  };
}
export type StageCardData = ReturnType<typeof toStageCardData>;
