/**
 * The repeat-agency flag (DUR-11): repeated challenges to the same agency are a pattern for
 * the procedure's named role to consider escalating. Threshold, window and who is told are the
 * procedure's `repeatPattern` data; a procedure without one keeps no such watch. Pure.
 */
import type { Procedure } from '../procedures/schema';
import { describeRole } from '../workflow/roles';
import type { ReportEntry } from './entries';

const DAY_MS = 86_400_000;

export interface RepeatAgency {
  agency: string;
  /** Challenges raised with the agency within the window. */
  count: number;
  flagged: boolean;
  challenges: { challengeId: string; caseReference: string; logId: string; raisedAt: string }[];
}

export interface RepeatWatch {
  threshold: number;
  withinDays: number;
  /** Who considers escalating a flagged pattern, in words. */
  tell: string[];
  rule?: string;
  /** From when challenges count: `withinDays` days before now. */
  since: string;
  /** Every agency challenges were raised with in the window, most first; `flagged` at or over the threshold. */
  agencies: RepeatAgency[];
}

export function repeatAgencyWatch(
  procedure: Procedure,
  entries: readonly ReportEntry[],
  now: Date,
): RepeatWatch | undefined {
  const pattern = procedure.repeatPattern;
  if (!pattern) return undefined;
  const since = new Date(now.getTime() - pattern.withinDays * DAY_MS);
  const byAgency = new Map<string, RepeatAgency['challenges']>();
  for (const { challenge } of entries) {
    if (challenge.procedureId !== procedure.id) continue;
    const raisedAt = new Date(challenge.raisedAt);
    if (raisedAt < since || raisedAt > now) continue;
    const agency = challenge.raisedWith.agency ?? 'Unknown agency';
    const list = byAgency.get(agency) ?? [];
    list.push({
      challengeId: challenge.id,
      caseReference: challenge.caseReference,
      logId: challenge.logId ?? '',
      raisedAt: challenge.raisedAt,
    });
    byAgency.set(agency, list);
  }
  const agencies = [...byAgency]
    .map(([agency, challenges]) => ({
      agency,
      count: challenges.length,
      flagged: challenges.length >= pattern.threshold,
      challenges: challenges.sort((a, b) => a.raisedAt.localeCompare(b.raisedAt)),
    }))
    .sort((a, b) => b.count - a.count || a.agency.localeCompare(b.agency));
  return {
    threshold: pattern.threshold,
    withinDays: pattern.withinDays,
    tell: pattern.tell.map(describeRole),
    ...(pattern.rule ? { rule: pattern.rule } : {}),
    since: since.toISOString(),
    agencies,
  };
}
