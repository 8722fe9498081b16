/**
 * "my challenges": the challenges a person is on, open ones first, each with their part in it
 * and a button to open their card. Pure.
 */
import type { OwnerRole, Procedure } from '../../src/procedures/schema';
import type { Challenge } from '../../src/workflow/types';
import { capitalise } from './people';
import { openData, summaryOf } from './summary';
import { roleInWords } from './wording';

export const MAX_MY_CHALLENGES = 20;

export interface MyChallengeEntry {
  procedure: Procedure;
  challenge: Challenge;
  /** The person's roles on it (the workflow's rolesOf). */
  roles: readonly OwnerRole[];
  /** Whether the current stage waits for them (they own it). */
  awaitingYou: boolean;
}

export function toMyChallengesCardData(entries: readonly MyChallengeEntry[], now: Date) {
  const order = (e: MyChallengeEntry) => (e.challenge.status === 'resolved' ? 2 : e.awaitingYou ? 0 : 1);
  const sorted = [...entries].sort((a, b) => order(a) - order(b));
  const items = sorted.slice(0, MAX_MY_CHALLENGES).map((e) => {
    const s = summaryOf(e.procedure, e.challenge, now);
    const part = e.roles.map((r) => roleInWords(r)).join(', ');
    return {
      caseReference: s.caseReference,
      procedure: s.procedure,
      stage: s.stage,
      status: s.status,
      deadline:
        e.challenge.status === 'resolved'
          ? 'Resolved'
          : `${s.deadline.overdue ? 'Overdue: was due' : 'Due'} ${s.deadline.text}`,
      deadlineColor: s.deadline.overdue ? 'attention' : 'default',
      yourPart: `${part ? `${capitalise(part)}.` : ''}${e.awaitingYou ? ' Waiting for you.' : ''}`.trim(),
      data: openData(e.challenge),
    };
  });
  const open = entries.filter((e) => e.challenge.status !== 'resolved').length;
  const hidden = entries.length - items.length;
  return {
    summary: `${open} open, ${entries.filter((e) => e.awaitingYou).length} waiting for you.`,
    items,
    more: hidden > 0 ? `and ${hidden} more: see the Challenges tab.` : '',
    empty: entries.length === 0,
  };
}
export type MyChallengesCardData = ReturnType<typeof toMyChallengesCardData>;
