/**
 * The quarterly scorecard (DAR-6: "the log feeds quarterly scorecards and the annual report"):
 * raised, resolved at each stage, median working days to resolve, the share resolved at the
 * first two stages, the rate of missed stage deadlines, and counts by area of disagreement and
 * by agency raised by and raised with. Pure.
 */
import type { WorkingCalendar } from '../calendar';
import type { Procedure } from '../procedures/schema';
import {
  countBy,
  ladderOf,
  latenessOf,
  stagesInOrder,
  within,
  workingDaysToResolve,
  type ReportEntry,
} from './entries';
import type { Period } from './periods';

export interface Count {
  name: string;
  count: number;
}

export interface Scorecard {
  period: { id: string; label: string; from: string; to: string };
  /** Raised in the quarter. */
  raised: number;
  /** Resolved in the quarter. */
  resolved: number;
  /** Resolved in the quarter, by the stage resolved at, every stage of the procedure in order. */
  resolvedAtStage: { stageId: string; label: string; count: number }[];
  /** Median whole working days from the day raised to the day resolved, over those resolved in the quarter. */
  medianWorkingDaysToResolve: number | null;
  /** Resolved in the quarter at the procedure's first two stages, and that as a share of all resolved. */
  resolvedAtFirstTwoStages: { count: number; share: number | null; stages: string[] };
  /** Stage deadlines falling in the quarter, whose outcome is known, and how many were missed. */
  deadlines: { due: number; missed: number; rate: number | null };
  /** Raised in the quarter, by area of disagreement (a challenge with several areas counts in each). */
  byArea: Count[];
  byAgencyRaisedBy: Count[];
  byAgencyRaisedWith: Count[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function quarterlyScorecard(
  procedure: Procedure,
  entries: readonly ReportEntry[],
  period: Period,
  now: Date,
  calendar: WorkingCalendar,
): Scorecard {
  const { from, to } = period;
  const mine = entries.filter((e) => e.challenge.procedureId === procedure.id);
  const raised = mine.filter((e) => within(e.challenge.raisedAt, from, to));
  const resolved = mine.filter((e) => within(e.challenge.resolution?.resolvedAt, from, to));
  const firstTwo = ladderOf(procedure)
    .slice(0, 2)
    .map((s) => s.id);
  const atFirstTwo = resolved.filter((e) => firstTwo.includes(e.challenge.resolution!.stageId)).length;

  // A deadline counts once its outcome is known: met or missed by the end of the quarter (or now, if sooner).
  const asOf = new Date(Math.min(now.getTime(), to.getTime()));
  let due = 0;
  let missed = 0;
  for (const e of mine) {
    for (const l of latenessOf(e.challenge, asOf, calendar)) {
      if (!within(l.deadline, from, to) || !l.decided) continue;
      due++;
      if (l.missed) missed++;
    }
  }

  return {
    period: { id: period.id, label: period.label, from: from.toISOString(), to: to.toISOString() },
    raised: raised.length,
    resolved: resolved.length,
    resolvedAtStage: stagesInOrder(procedure).map((stage) => ({
      stageId: stage.id,
      label: stage.label,
      count: resolved.filter((e) => e.challenge.resolution!.stageId === stage.id).length,
    })),
    medianWorkingDaysToResolve: median(resolved.map((e) => workingDaysToResolve(e.challenge, calendar)!)),
    resolvedAtFirstTwoStages: {
      count: atFirstTwo,
      share: share(atFirstTwo, resolved.length),
      stages: firstTwo.map((id) => procedure.stages.find((s) => s.id === id)!.label),
    },
    deadlines: { due, missed, rate: share(missed, due) },
    byArea: countBy(raised.flatMap((e) => e.challenge.areas)),
    byAgencyRaisedBy: countBy(raised.map((e) => e.challenge.raisedBy.agency ?? 'Unknown agency')),
    byAgencyRaisedWith: countBy(raised.map((e) => e.challenge.raisedWith.agency ?? 'Unknown agency')),
  };
}

/** The scorecard's figures as rows of (figure, value): the CSV export and the screen-reader table. */
export function scorecardRows(card: Scorecard): [figure: string, value: string][] {
  const percent = (x: number | null) => (x === null ? 'none' : `${Math.round(x * 100)}%`);
  return [
    ['Quarter', card.period.label],
    ['Raised', String(card.raised)],
    ['Resolved', String(card.resolved)],
    ...card.resolvedAtStage.map((s): [string, string] => [`Resolved at ${s.label}`, String(s.count)]),
    [
      'Median working days to resolve',
      card.medianWorkingDaysToResolve === null ? 'none resolved' : String(card.medianWorkingDaysToResolve),
    ],
    [
      `Resolved at ${card.resolvedAtFirstTwoStages.stages.join(' or ')}`,
      `${card.resolvedAtFirstTwoStages.count} (${percent(card.resolvedAtFirstTwoStages.share)})`,
    ],
    ['Stage deadlines due', String(card.deadlines.due)],
    ['Stage deadlines missed', `${card.deadlines.missed} (${percent(card.deadlines.rate)})`],
    ...card.byArea.map((c): [string, string] => [`Area: ${c.name}`, String(c.count)]),
    ...card.byAgencyRaisedBy.map((c): [string, string] => [`Raised by: ${c.name}`, String(c.count)]),
    ...card.byAgencyRaisedWith.map((c): [string, string] => [`Raised with: ${c.name}`, String(c.count)]),
  ];
}
