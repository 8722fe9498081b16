/** Virtual time for the queue and scheduler tests: `sleep` waits on a fake clock that `run` moves, so nothing really waits. */
import { SettableClock } from '../../../src/clock';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export class VirtualTime {
  readonly clock: SettableClock;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(start = '2026-11-16T10:00:00Z') {
    this.clock = new SettableClock(start);
  }

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.clock.now().getTime() + Math.max(0, ms), seq: this.seq++, resolve });
    });

  /** Runs `work` to the end, moving the clock to each sleeper's wake time in turn. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const watched = work.finally(() => {
      settled = true;
    });
    watched.catch(() => undefined);
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) break;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('virtual time: the work waits for something that is not a sleep');
      if (next.at > this.clock.now().getTime()) this.clock.set(new Date(next.at));
      next.resolve();
    }
    return watched;
  }
}
