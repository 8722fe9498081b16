/**
 * Time is an input. The domain never asks the system for "now": it is handed a Clock.
 * This file is the only place in src/ allowed to read the system time.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};

/** A clock that only moves when told to: tests and the local test-clock endpoint. */
export class SettableClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Follows the system time until set, then stays where it was put (local runs with CHALLENGE_TEST_CLOCK=1). */
export class OverridableClock implements Clock {
  private fixed: Date | undefined;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  set(to: Date | string | undefined): void {
    this.fixed = to === undefined ? undefined : new Date(to);
  }
}
