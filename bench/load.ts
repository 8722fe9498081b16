/**
 * Load and its statistics: `concurrency` workers take items in turn until the items or the
 * time run out (bounded in count and time), each press timed from request to HTTP answer.
 */
export interface Figures {
  n: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
  /** Answered presses per second over the phase's wall time. */
  throughput: number;
  wallMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function figures(latencies: readonly number[], failures: number, wallMs: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n: sorted.length,
    failures,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
    throughput: round((sorted.length / wallMs) * 1000),
    wallMs: Math.round(wallMs),
  };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Runs `press` over `items` with `concurrency` workers; no new press starts after `capMs`.
 * `press` resolves true when the answer was the one expected. Returns the figures and, per
 * item that was pressed, its result.
 */
export async function load<T, R>(
  items: readonly T[],
  concurrency: number,
  capMs: number,
  press: (item: T) => Promise<{ ok: boolean; result?: R }>,
): Promise<{ figures: Figures; results: (R | undefined)[]; done: T[] }> {
  const latencies: number[] = [];
  const results: (R | undefined)[] = [];
  const done: T[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length && performance.now() - started < capMs) {
        const i = next++;
        const t0 = performance.now();
        let outcome: { ok: boolean; result?: R };
        try {
          outcome = await press(items[i]!);
        } catch {
          outcome = { ok: false };
        }
        latencies.push(performance.now() - t0);
        if (!outcome.ok) failures++;
        results[i] = outcome.result;
        done.push(items[i]!);
      }
    }),
  );
  return { figures: figures(latencies, failures, performance.now() - started), results, done };
}

/** POSTs JSON; resolves with the status and the parsed body (keep-alive: Node's fetch pools). */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}
