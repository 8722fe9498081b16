/**
 * Issue 9's press benchmark and the press half of the memory figures: the echo floor, one
 * transaction and the bot's four presses at concurrency 1 and 16 (pass 1, a connector that
 * answers at once), then the same with 429s and hangs (pass 2): p99 against pass 1, every
 * owed message delivered once.
 */
import { FakeChannel } from '../test/support/fake-channel';
import { faults, teamsLimits } from './connector';
import { round, type Figures } from './load';
import { deliveriesByCase, doubles, helpPhase, pressRound, PRESSES, type Phase, type PressKind } from './presses';
import { transactionFloor } from './transaction';
import type { BenchSettings } from './settings';
import { installPeople, partnershipPeople, startBot, startEcho } from './world';

export interface PressPassFigures {
  concurrency: number;
  echo?: Figures;
  transaction?: Figures;
  presses: Partial<Record<PressKind, Figures>>;
  /** Per press kind: presses made, messages owed, delivered (distinct), missing, doubles, drain timed out. */
  deliveries: Partial<Record<PressKind, DeliveryCheck>>;
}

export interface DeliveryCheck {
  pressed: number;
  owed: number;
  delivered: number;
  missing: number;
  doubles: number;
  drainTimedOut: boolean;
}

export interface PressResults {
  pass1: PressPassFigures[];
  pass2: PressPassFigures[];
  faults?: { sends: number; throttled: number; hung: number; hangMs: number };
  memory: { botPeakMiB: number; echoPeakMiB: number; botIdleMiB: number; echoIdleMiB: number };
  /** Per press kind, messages a press owes (from pass 1 at concurrency 1). */
  owedPerPress: Partial<Record<PressKind, number>>;
  /** Warnings and errors the bot logged, by message. */
  botLogs?: Record<string, unknown>;
}

/** Pass-1 messages per press, per case reference (help: per press). */
function owedFrom(channel: FakeChannel, phases: Phase[]): Partial<Record<PressKind, number>> {
  const owed: Partial<Record<PressKind, number>> = {};
  for (const phase of phases) {
    const byCase = deliveriesByCase(channel, phase);
    if (phase.kind === 'help') {
      owed.help = round((byCase.get('')?.length ?? 0) / Math.max(1, phase.figures.n), 2);
      continue;
    }
    const counts = phase.caseReferences.map((ref) => byCase.get(ref)?.length ?? 0);
    // The most common count: what one press of this kind owes.
    const tally = new Map<number, number>();
    for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
    owed[phase.kind] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  }
  return owed;
}

function check(channel: FakeChannel, phase: Phase, perPress: number): DeliveryCheck {
  const byCase = deliveriesByCase(channel, phase);
  const pressed = phase.kind === 'help' ? phase.figures.n : phase.caseReferences.length;
  const all = phase.kind === 'help' ? (byCase.get('') ?? []) : phase.caseReferences.flatMap((r) => byCase.get(r) ?? []);
  const twice = doubles(all);
  let missing = 0;
  if (phase.kind === 'help') missing = Math.max(0, Math.round(perPress * pressed) - (all.length - twice));
  else
    for (const ref of phase.caseReferences) {
      const got = byCase.get(ref) ?? [];
      missing += Math.max(0, perPress - (got.length - doubles(got)));
    }
  return {
    pressed,
    owed: Math.round(perPress * pressed),
    delivered: all.length - twice,
    missing,
    doubles: twice,
    drainTimedOut: phase.drainTimedOut,
  };
}

export async function pressBench(s: BenchSettings, connectionString: string, log: (line: string) => void) {
  const echo = await startEcho();
  const echoChannel = new FakeChannel();
  await echoChannel.start();
  const world = await startBot('press', connectionString);
  const results: PressResults = {
    pass1: [],
    pass2: [],
    memory: { botPeakMiB: 0, echoPeakMiB: 0, botIdleMiB: round(world.child.rss()), echoIdleMiB: round(echo.rss()) },
    owedPerPress: {},
  };
  try {
    await installPeople(world, partnershipPeople(world, 'leeds'));
    const amira = world.user('Amira Khan');
    const limits = teamsLimits(false);
    world.channel.gate = limits.gate;
    const drainSettings = { busy: limits.busy, quietMs: 1500, maxMs: s.drainMaxMs };

    for (const concurrency of [1, 16]) {
      log(`press pass 1, concurrency ${concurrency}: echo floor`);
      const echoPeak = echo.sampleRss();
      const echoLoad = await helpPhase(
        `${echo.url}/api/messages`,
        echoChannel.url,
        amira,
        s.echoN,
        concurrency,
        s.capMs,
      );
      results.memory.echoPeakMiB = round(Math.max(results.memory.echoPeakMiB, echoPeak()));
      log(`press pass 1, concurrency ${concurrency}: one transaction`);
      const transaction = await transactionFloor(connectionString, s.echoN, concurrency, s.capMs);
      log(`press pass 1, concurrency ${concurrency}: the bot's presses (n=${s.n})`);
      const botPeak = world.child.sampleRss();
      const phases = await pressRound(world, { pass: 1, concurrency, n: s.n, capMs: s.capMs, drain: drainSettings });
      results.memory.botPeakMiB = round(Math.max(results.memory.botPeakMiB, botPeak()));
      if (concurrency === 1) results.owedPerPress = owedFrom(world.channel, phases);
      results.pass1.push({
        concurrency,
        echo: echoLoad.figures,
        transaction,
        presses: Object.fromEntries(phases.map((p) => [p.kind, p.figures])),
        deliveries: Object.fromEntries(
          phases.map((p) => [p.kind, check(world.channel, p, results.owedPerPress[p.kind] ?? 0)]),
        ),
      });
      log(`  ${summaryLine(results.pass1.at(-1)!)}`);
    }

    const fault = faults({ throttleShare: 0.3, hangEvery: 50, hangMs: s.hangMs, retryAfterSeconds: 1 });
    world.channel.gate = fault.gate;
    for (const concurrency of [1, 16]) {
      log(`press pass 2 (429 to 30% of sends, 1 in 50 hung for ${s.hangMs} ms), concurrency ${concurrency}`);
      const owed = (kind: PressKind, refs: string[]) =>
        Math.round((results.owedPerPress[kind] ?? 0) * (kind === 'help' ? s.n : refs.length));
      const phases = await pressRound(world, {
        pass: 2,
        concurrency,
        n: s.n,
        capMs: s.capMs,
        // A send left for later goes out with the scheduler's next sweep, as in production (here every 10 s).
        drain: {
          busy: () => false,
          quietMs: 1500,
          maxMs: s.drainMaxMs,
          sweep: { everyMs: 10_000, run: () => world.child.ask({ type: 'sweep' }) },
        },
        owed: (kind, refs) => (kind === 'help' ? undefined : owed(kind, refs)),
      });
      results.pass2.push({
        concurrency,
        presses: Object.fromEntries(phases.map((p) => [p.kind, p.figures])),
        deliveries: Object.fromEntries(
          phases.map((p) => [p.kind, check(world.channel, p, results.owedPerPress[p.kind] ?? 0)]),
        ),
      });
      log(`  ${summaryLine(results.pass2.at(-1)!)}`);
    }
    results.faults = { ...fault.counts, hangMs: s.hangMs };
    results.botLogs = await world.child.ask({ type: 'logs' });
  } finally {
    await world.stop();
    await echo.stop();
    await echoChannel.stop();
  }
  return results;
}

function summaryLine(p: PressPassFigures): string {
  const parts = PRESSES.map((k) => {
    const f = p.presses[k];
    const d = p.deliveries[k];
    return f
      ? `${k} p50 ${f.p50} p99 ${f.p99} ms (${f.n}, ${f.failures} failed${d ? `, ${d.delivered}/${d.owed} delivered, ${d.doubles} twice` : ''})`
      : '';
  });
  const floor = p.echo ? `echo p99 ${p.echo.p99}, txn p99 ${p.transaction?.p99}; ` : '';
  return floor + parts.filter(Boolean).join('; ');
}
