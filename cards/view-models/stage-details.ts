/**
 * The parts of a challenge only people on it may see: what is challenged, the family name
 * where the procedure holds one (DUR-10), and the history of its stages (COM-3). Pure.
 */
import type { Procedure } from '../../src/procedures/schema';
import type { Challenge, PersonRef } from '../../src/workflow/types';
import { formatDay } from './format';
import { peopleOnChallenge, personInWords } from './people';

/** Long entries are cut so a card with a long history stays well under Teams' size limit. */
const MAX_ENTRY = 400;
const cut = (s: string) => (s.length > MAX_ENTRY ? `${s.slice(0, MAX_ENTRY - 1)}…` : s);
/** Meetings shown on a card, the latest; the earlier ones are counted. */
export const MAX_MEETINGS = 5;

function nameOf(challenge: Challenge, id: string | undefined, known?: string): string {
  if (!id) return 'someone';
  return peopleOnChallenge(challenge).find((p: PersonRef) => p.id === id)?.name ?? known ?? 'someone no longer on it';
}

export function challengeDetails(procedure: Procedure, challenge: Challenge) {
  const facts = [
    { title: 'Raised by', value: personInWords(challenge.raisedBy) },
    { title: 'Raised with', value: personInWords(challenge.raisedWith) },
    { title: 'Raised on', value: formatDay(challenge.raisedAt) },
    { title: 'About', value: challenge.subject === 'child' ? 'A child' : 'An adult' },
    {
      title: 'Challenged',
      value:
        challenge.kind === 'conferenceDissent'
          ? `Dissent from a child protection conference decision${challenge.conferenceDate ? ` (conference on ${formatDay(challenge.conferenceDate)})` : ''}`
          : 'A decision or practice',
    },
    {
      title: challenge.areas.length > 1 ? 'Areas of disagreement' : 'Area of disagreement',
      value: challenge.areas.join('; '),
    },
    { title: 'Urgency', value: challenge.urgency === 'immediate' ? 'Immediate route' : 'Standard' },
  ];
  if (challenge.logId) facts.push({ title: `${procedure.partnership} log ID`, value: challenge.logId });
  return {
    familyName: challenge.familyName ?? '',
    facts,
    concern: cut(challenge.concern),
    desiredOutcome: cut(challenge.desiredOutcome),
    evidence: cut(challenge.evidence),
  };
}

function valueText(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v);
  return String(v ?? '');
}

/** One entry per stage reached, with its outcome record; then the latest meetings held. */
export function stageHistory(procedure: Procedure, challenge: Challenge) {
  const stages = challenge.stages.map((record) => {
    const stage = procedure.stages.find((s) => s.id === record.stageId);
    const form = procedure.forms.find((f) => f.id === stage?.record);
    const ended = record.endedAt
      ? `; ${record.endedBy === 'resolved' ? 'resolved' : 'escalated'} ${formatDay(record.endedAt)}`
      : '';
    const outcome = Object.entries(record.outcome ?? {})
      .filter(([, v]) => valueText(v) !== '')
      .map(([id, v]) => ({ title: form?.fields.find((f) => f.id === id)?.label ?? id, value: cut(valueText(v)) }));
    const from = record.enteredFrom ? procedure.stages.find((s) => s.id === record.enteredFrom)?.label : undefined;
    const sentBy = record.enteredBy ? nameOf(challenge, record.enteredBy.id, record.enteredBy.name) : undefined;
    return {
      heading: `${stage?.label ?? record.stageId}: ${stage?.title ?? ''}`,
      entry:
        from && sentBy
          ? `Escalated from ${from} by ${sentBy}${record.entryReason ? `: “${cut(record.entryReason)}”` : ''}`
          : '',
      line: `Started ${formatDay(record.startedAt)}${record.startedLate ? ' (later than the procedure allows)' : ''}${ended}`,
      recorded: record.outcomeRecordedAt
        ? `Outcome recorded by ${nameOf(challenge, record.outcomeRecordedBy)} on ${formatDay(record.outcomeRecordedAt)}`
        : '',
      outcome,
    };
  });
  // The latest few: a challenge can hold many meetings, and a card has a size limit.
  const shown = challenge.meetings.slice(-MAX_MEETINGS);
  const earlier = challenge.meetings.length - shown.length;
  const meetings = shown.map((m) => ({
    line: `Meeting on ${formatDay(m.date)} (${m.familyAttended ? 'family attended' : 'family did not attend'}): ${cut(m.outcome)}`,
  }));
  const earlierMeetings =
    earlier > 0
      ? `${earlier} earlier ${earlier === 1 ? 'meeting is' : 'meetings are'} kept in the challenge's record.`
      : '';
  return { stages, meetings, earlierMeetings };
}
