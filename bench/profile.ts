/**
 * `npm run bench -- --profile`: the bot under a short press load with `node --cpu-prof`, and
 * the top of the profile by self time, by function and by package, for the report.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { teamsLimits } from './connector';
import { round } from './load';
import { pressRound } from './presses';
import { installPeople, partnershipPeople, startBot } from './world';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface ProfileSummary {
  file: string;
  sampledMs: number;
  topFunctions: { frame: string; selfPercent: number }[];
  byPackage: { where: string; selfPercent: number }[];
}

export function summariseProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
  };
  const total = profile.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0) || 1;
  const byFrame = new Map<string, number>();
  const byWhere = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url
      .replace(/^file:\/\//, '')
      .replace(/^.*\/(node_modules\/)/, '$1')
      .replace(/^.*\/wt-[^/]+\//, '');
    const frame = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`.trim();
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + hits);
    const where =
      /node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(short)?.[1] ??
      (short.startsWith('node:')
        ? 'node (built-in)'
        : short
          ? short.split('/').slice(0, 1).join('/') + '/'
          : functionName);
    byWhere.set(where, (byWhere.get(where) ?? 0) + hits);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, round((v / total) * 100)] as const);
  return {
    file,
    sampledMs: Math.round((profile.endTime - profile.startTime) / 1000),
    topFunctions: rank(byFrame).map(([frame, selfPercent]) => ({ frame, selfPercent })),
    byPackage: rank(byWhere).map(([where, selfPercent]) => ({ where, selfPercent })),
  };
}

export async function profileBench(
  connectionString: string,
  n: number,
  log: (line: string) => void,
): Promise<ProfileSummary> {
  const dir = join(__dirname, 'results', 'profiles', String(Date.now()));
  mkdirSync(dir, { recursive: true });
  const world = await startBot('profile', connectionString, { cpuProfileDir: dir });
  try {
    await installPeople(world, partnershipPeople(world, 'leeds'));
    const limits = teamsLimits(false);
    world.channel.gate = limits.gate;
    log(`profile: ${n} of each press at concurrency 16 under node --cpu-prof`);
    await pressRound(world, {
      pass: 9,
      concurrency: 16,
      n,
      capMs: 60_000,
      drain: { busy: limits.busy, quietMs: 1500, maxMs: 60_000 },
    });
  } finally {
    await world.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no CPU profile was written');
  return summariseProfile(join(dir, file));
}
