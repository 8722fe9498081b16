/**
 * How much the bench does, from the environment, with defaults that keep the whole run under
 * ten minutes on two cores. BENCH_PARTS picks parts (comma-separated) for a quick look.
 */
export const PARTS = ['presses', 'timer', 'digest', 'startup', 'cards'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchSettings {
  parts: Part[];
  /** Presses of each kind per concurrency and pass. */
  n: number;
  /** Echo messages and transactions per concurrency (the floors). */
  echoN: number;
  /** No new press starts after this long in one phase. */
  capMs: number;
  /** Longest wait for a phase's sends to drain. */
  drainMaxMs: number;
  /** How long the faulty connector holds a hung send before dropping it. */
  hangMs: number;
  /** Open challenges per timer measurement. */
  timerSizes: number[];
  timerDue: number;
  digestLeads: number;
  /** Directory sizes for the card sizes. */
  cardPeople: number[];
  meetings: number;
  /** Also profile the bot under a short press load (node --cpu-prof). */
  profile: boolean;
}

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};
const list = (name: string, fallback: number[]) =>
  process.env[name] ? process.env[name]!.split(',').map(Number) : fallback;

export function benchSettings(argv: string[]): BenchSettings {
  const parts = (process.env.BENCH_PARTS?.split(',') ?? [...PARTS]).filter((p): p is Part =>
    (PARTS as readonly string[]).includes(p),
  );
  return {
    parts,
    n: num('BENCH_N', 40),
    echoN: num('BENCH_ECHO_N', 200),
    capMs: num('BENCH_PHASE_SECONDS', 12) * 1000,
    drainMaxMs: num('BENCH_DRAIN_SECONDS', 30) * 1000,
    hangMs: num('BENCH_HANG_MS', 6_000),
    timerSizes: list('BENCH_TIMER_SIZES', [1_000, 10_000, 100_000]),
    timerDue: num('BENCH_TIMER_DUE', 100),
    digestLeads: num('BENCH_DIGEST_LEADS', 1_000),
    cardPeople: list('BENCH_CARD_PEOPLE', [100, 1_000, 10_000]),
    meetings: num('BENCH_MEETINGS', 50),
    profile: argv.includes('--profile') || process.env.BENCH_PROFILE === '1',
  };
}
