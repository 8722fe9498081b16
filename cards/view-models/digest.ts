/**
 * The daily digest for a lead (issue 5): due today, overdue, new, awaiting your action and
 * resolved yesterday, each item named by its case reference only (a digest holds no name of a
 * child or adult) with a button to open it. Long sections are cut to keep under 40 KB. Pure.
 */
import { formatDay } from './format';
import { openData, summaryOf } from './summary';

import { DIGEST_SECTIONS, type DigestEntry, type DigestSection } from '../../src/scheduler/digest';

export { DIGEST_SECTIONS, type DigestEntry, type DigestSection };

/** Red only for what is overdue. */
const HEADINGS: Record<DigestSection, [heading: string, color: string]> = {
  overdue: ['Overdue', 'attention'],
  dueToday: ['Due today', 'warning'],
  awaitingYou: ['Awaiting your action', 'accent'],
  new: ['New', 'default'],
  resolvedYesterday: ['Resolved yesterday', 'good'],
};

/** At most this many items a section; the rest are counted. */
export const MAX_ITEMS_PER_SECTION = 12;

export interface DigestInput {
  /** The day the digest is for (London), e.g. '2027-01-08'. */
  day: string;
  now: Date;
  sections: Partial<Record<DigestSection, readonly DigestEntry[]>>;
}

export function toDigestCardData(input: DigestInput) {
  const sections = DIGEST_SECTIONS.filter((k) => (input.sections[k]?.length ?? 0) > 0).map((k) => {
    const entries = input.sections[k] ?? [];
    const [heading, color] = HEADINGS[k];
    const hidden = entries.length - MAX_ITEMS_PER_SECTION;
    return {
      key: k,
      heading,
      color,
      total: entries.length,
      items: entries.slice(0, MAX_ITEMS_PER_SECTION).map(({ procedure, challenge, awaitingYou }) => {
        const s = summaryOf(procedure, challenge, input.now);
        const due =
          challenge.status === 'resolved' ? 'Resolved' : `${s.deadline.overdue ? 'Was due' : 'Due'} ${s.deadline.text}`;
        return {
          caseReference: s.caseReference,
          procedure: s.procedure,
          stage: s.stage,
          deadline: k !== 'awaitingYou' && awaitingYou ? `${due} · waiting for you` : due,
          data: openData(challenge),
        };
      }),
      more: hidden > 0 ? `and ${hidden} more: see the Challenges tab.` : '',
    };
  });
  const count = (k: DigestSection) => input.sections[k]?.length ?? 0;
  const waiting = DIGEST_SECTIONS.flatMap((k) => input.sections[k] ?? []).filter(
    (e) => e.awaitingYou || input.sections.awaitingYou?.includes(e),
  ).length;
  return {
    title: `Professional challenges: ${formatDay(input.day)}`,
    summary: `${waiting} waiting for you; ${count('overdue')} overdue, ${count('dueToday')} due today.`,
    sections,
    empty: sections.length === 0,
  };
}
export type DigestCardData = ReturnType<typeof toDigestCardData>;
