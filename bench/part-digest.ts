/**
 * Issue 14, the digest against Teams' limits: the morning digest to 1,000 leads, run by the
 * bot process's scheduler through its outbound queue, with the connector keeping Teams'
 * per-app (50 a second) and per-conversation limits and answering 429 beyond them. Each lead
 * is the only person on one challenge (a clone of the template), so 1,000 messages are owed.
 * Also the bot's peak memory during the digest.
 */
import type { Challenge, PersonRef } from '../src/workflow';
import { teamsLimits, TEAMS_PER_APP, type LimitCounts } from './connector';
import { inParallel } from './batches';
import { cloneActions, newId, type Template } from './clone';
import { round } from './load';
import { TableClient } from '@azure/data-tables';
import { tableNames } from '../src/store';
import { doubles } from './presses';
import type { BenchSettings } from './settings';
import { installPeople, startBot, syntheticId } from './world';

export interface DigestFigures {
  leads: number;
  /** The digest run's own wall time, in the bot process. */
  wallMs: number;
  /** messages / the per-app rate. */
  idealMs: number;
  delivered: number;
  lost: number;
  sentTwice: number;
  limits: LimitCounts;
  peakRssMiB: number;
  idleRssMiB: number;
  sentByRun: number;
  undeliveredByRun: number;
}

/** Tuesday after the presses' Monday, 08:00 London: digest time. */
const DIGEST_AT = '2026-11-24T08:00:00Z';

export async function digestBench(
  s: BenchSettings,
  connectionString: string,
  template: Template,
  log: (line: string) => void,
): Promise<DigestFigures> {
  const world = await startBot('digest', connectionString, { extraPeople: s.digestLeads });
  try {
    const leads = Array.from({ length: s.digestLeads }, (_, i) => ({
      aadObjectId: syntheticId(i),
      name: `Practitioner ${String(i + 1).padStart(5, '0')}`,
    }));
    log(`digest: ${leads.length} leads install the bot`);
    await installPeople(world, leads);
    log(`digest: ${leads.length} challenges, one lead on each`);
    const challenges = TableClient.fromConnectionString(connectionString, tableNames(world.prefix).challenges, {
      allowInsecureConnection: true,
    });
    const onlyLead =
      (i: number) =>
      (c: Challenge): Challenge => {
        const lead = (p: PersonRef): PersonRef => ({
          ...p,
          id: leads[i]!.aadObjectId,
          name: leads[i]!.name,
          reachable: true,
        });
        const participants = Object.fromEntries(
          Object.entries(c.participants).map(([role, people]) => [role, (people ?? []).map(lead)]),
        );
        return { ...c, raisedBy: lead(c.raisedBy), participants };
      };
    await inParallel(
      leads.map((_, i) => i),
      16,
      (i) =>
        challenges.submitTransaction(
          cloneActions(template, newId(), {
            caseReference: `BENCH-D-${String(i).padStart(5, '0')}`,
            edit: onlyLead(i),
            snapshotOnly: true,
          }),
        ),
    );
    const limits = teamsLimits(true);
    world.channel.clear();
    world.channel.gate = limits.gate;
    const idleRssMiB = round(world.child.rss());
    log('digest: run');
    const peak = world.child.sampleRss();
    const run = (await world.child.ask({ type: 'digest', now: DIGEST_AT })) as {
      ms: number;
      sent: number;
      undelivered: number;
    };
    const peakRssMiB = round(peak());
    const received = world.channel.received.filter((r) => r.conversationId.startsWith('a:personal-'));
    const reached = new Set(received.map((r) => r.conversationId.slice('a:personal-'.length)));
    const figures: DigestFigures = {
      leads: leads.length,
      wallMs: Math.round(run.ms),
      idealMs: Math.round((leads.length / TEAMS_PER_APP[0]!.limit) * TEAMS_PER_APP[0]!.windowMs),
      delivered: received.length,
      lost: leads.filter((l) => !reached.has(l.aadObjectId)).length,
      sentTwice: doubles(received),
      limits: { ...limits.counts },
      peakRssMiB,
      idleRssMiB,
      sentByRun: run.sent,
      undeliveredByRun: run.undelivered,
    };
    log(
      `  ${figures.wallMs} ms for ${figures.delivered} (ideal ${figures.idealMs} ms); lost ${figures.lost}, twice ${figures.sentTwice}, 429s ${figures.limits.throttled}`,
    );
    return figures;
  } finally {
    await world.stop();
  }
}
