/**
 * The top of a stage card in words: why the challenge is with this viewer (who sent it, when,
 * and their reason in their own words), when it is due (working days left, the whole
 * process's limit, a start-by date where the procedure has one), and the timeline of every
 * stage with its dates, those to come projected by the workflow's own deadline rules. Pure.
 */
import { londonDate, type WorkingCalendar } from '../../src/calendar';
import { stageOf } from '../../src/procedures/lookup';
import type { Procedure } from '../../src/procedures/schema';
import { peopleIn, rolesOf } from '../../src/workflow/roles';
import type { Timeline } from '../../src/workflow/timeline';
import type { Challenge, PersonRef } from '../../src/workflow/types';
import { formatDay, formatInstant } from './format';
import { peopleOnChallenge, personInWords } from './people';
import { roleInWords } from './wording';

/** Someone's own words quoted on a card, cut so the card stays short (the whole text is in the details). */
const QUOTE = 280;
export const quote = (s: string) => `“${s.length > QUOTE ? `${s.slice(0, QUOTE - 1).trimEnd()}…` : s.trim()}”`;

const joinAnd = (parts: readonly string[]) =>
  parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

function person(challenge: Challenge, id: string | undefined, fallback?: PersonRef): string {
  const p = peopleOnChallenge(challenge).find((x) => x.id === id) ?? fallback;
  return p ? personInWords(p) : 'someone no longer on it';
}

export interface Why {
  /** "Amira Khan (Class Teacher, Parkside Primary School) escalated it to you from Step 1 on Wed 2 Dec 2026:" */
  lead: string;
  /** Their words, quoted; '' when there are none to show. */
  words: string;
  /** "It is with you (the raising agency's line manager) and Harry Walsh." */
  with: string;
}

/** Why the challenge is with this viewer, from the current stage's record. */
export function whyWithYou(procedure: Procedure, challenge: Challenge, viewerId: string): Why {
  const stage = stageOf(procedure, challenge.stageId);
  const record = challenge.stages.at(-1);
  const owners = peopleIn(challenge.participants, stage.owners);
  const viewerOwns = owners.some((p) => p.id === viewerId);
  const yourPart = rolesOf(challenge, viewerId).map(roleInWords);
  const others = owners.filter((p) => p.id !== viewerId).map((p) => p.name);
  const withWhom = viewerOwns
    ? `It is with you (${joinAnd(yourPart.filter((r) => stage.owners.some((o) => roleInWords(o) === r)))})${others.length ? ` and ${joinAnd(others)}` : ''}.`
    : `It is with ${joinAnd(owners.map((p) => p.name)) || describeNobody()}; you are on it as ${joinAnd(yourPart)}.`;

  const when = record ? formatDay(record.startedAt) : formatDay(challenge.raisedAt);
  if (!record?.enteredFrom) {
    const raiser = challenge.raisedBy;
    const withYou = challenge.raisedWith.id === viewerId;
    if (raiser.id === viewerId) {
      return {
        lead: `You raised it with ${personInWords(challenge.raisedWith)} on ${when}.`,
        words: '',
        with: withWhom,
      };
    }
    return {
      lead: `${person(challenge, raiser.id, raiser)} raised it with ${withYou ? 'you' : challenge.raisedWith.name} on ${when}:`,
      words: quote(challenge.concern),
      with: withWhom,
    };
  }
  const from = stageOf(procedure, record.enteredFrom).label;
  const by = record.enteredBy;
  const who =
    by?.id === viewerId
      ? 'You'
      : person(challenge, by?.id, by ? { id: by.id, name: by.name, reachable: false } : undefined);
  const to = viewerOwns ? ' to you' : '';
  const route = stage.immediate ? ' by the immediate route' : '';
  return {
    lead: `${who} escalated it${to} from ${from}${route} on ${when}${record.entryReason ? ':' : '.'}`,
    words: record.entryReason ? quote(record.entryReason) : '',
    with: withWhom,
  };
}

const describeNobody = () => 'nobody yet (the directory names no one for this stage)';

export interface When {
  /** Label and words, e.g. ['Due', 'Wed 16 Dec 2026, 5pm: 3 working days left']. */
  facts: { title: string; value: string }[];
  overdue: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Wed 16 Dec 2026, 5pm: 3 working days left", or how overdue it is. */
function dueWords(deadline: string, now: Date, calendar: WorkingCalendar): { text: string; overdue: boolean } {
  const today = londonDate(now);
  const day = londonDate(new Date(deadline));
  if (new Date(deadline) < now) {
    const late = calendar.workingDaysBetween(day, today);
    return {
      text: `${formatInstant(deadline)}: overdue${late > 0 ? ` by ${plural(late, 'working day')}` : ''}`,
      overdue: true,
    };
  }
  const left = calendar.workingDaysBetween(today, day);
  return {
    text: `${formatInstant(deadline)}: ${left === 0 ? 'today' : `${plural(left, 'working day')} left`}`,
    overdue: false,
  };
}

export function whenDue(input: {
  procedure: Procedure;
  challenge: Challenge;
  now: Date;
  calendar: WorkingCalendar;
  timeline: Timeline;
}): When {
  const { procedure, challenge, now, calendar, timeline } = input;
  const stage = stageOf(procedure, challenge.stageId);
  const record = challenge.stages.at(-1);
  const facts: When['facts'] = [];
  let overdue = false;
  if (challenge.status === 'paused') {
    const clock = procedure.pauseStopsClock
      ? 'The clock is stopped: the deadline moves on when it resumes.'
      : 'Its deadline stands.';
    const since = challenge.pausedAt ? `Since ${formatDay(challenge.pausedAt)}: ` : '';
    facts.push({ title: 'Paused', value: `${since}${quote(challenge.pauseReason ?? 'no reason given')} ${clock}` });
  } else if (record?.deadline) {
    const due = dueWords(record.deadline, now, calendar);
    overdue = due.overdue;
    facts.push({ title: 'Due', value: due.text });
  } else {
    facts.push({ title: 'Due', value: stage.deadline.kind === 'none' ? stage.deadline.guidance : 'No fixed deadline' });
  }
  if (record?.startBy) {
    facts.push({
      title: 'Start by',
      value: `${formatInstant(record.startBy)}; ${record.startedLate ? 'it started late' : 'it started'} on ${formatDay(record.startedAt)}`,
    });
  }
  // The whole process's limit, where the stages it covers are still to be concluded.
  for (const limit of timeline.limits.filter((l) => l.stages.includes(stage.id))) {
    facts.push({
      title: 'Whole process',
      value: `${formatInstant(limit.deadline)}: ${sentenceCase(limit.label)}${limit.rule ? ` (${limit.rule})` : ''}`,
    });
  }
  const next = timeline.stages.find((s) => s.state === 'toCome');
  if (next?.startBy && challenge.status !== 'paused') {
    facts.push({ title: `${next.label} starts by`, value: `${formatInstant(next.startBy)}, if it goes further` });
  }
  return { facts, overdue };
}

const sentenceCase = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The timeline as a card's rows: "Step 1: done, Mon 23 Nov to Tue 24 Nov 2026". */
export function timelineRows(timeline: Timeline): { title: string; value: string }[] {
  return timeline.stages.map((s) => {
    const due = s.deadline ? `due ${formatInstant(s.deadline)}` : 'no fixed deadline';
    if (s.state === 'done') {
      const how = s.endedBy === 'resolved' ? 'resolved' : 'escalated';
      return { title: s.label, value: `${how} ${s.endedAt ? formatDay(s.endedAt) : ''}` };
    }
    if (s.state === 'now') return { title: s.label, value: `now, ${due}` };
    if (!s.startedAt) {
      const why = timeline.undatedBecause === 'paused' ? 'dated when it resumes' : 'no date yet';
      return { title: s.label, value: why };
    }
    // A stage to come starts when the one before it runs out: its own deadline is the date that
    // matters (the next stage's start-by date is among the card's dates above).
    return { title: s.label, value: s.deadline ? `would be ${due}` : 'no fixed deadline' };
  });
}
