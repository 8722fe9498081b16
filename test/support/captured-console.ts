/**
 * Captures what libraries print to the console during a suite (botbuilder prints every refused
 * token, with the channel's public key), so that an expected error does not read as a failure.
 * The lines are kept for the suite to assert on.
 */
export interface CapturedConsole {
  readonly lines: string[];
}

/** Call inside a `describe`: console.error and console.warn are captured from its `before` to its `after`. */
export function captureConsole(): CapturedConsole {
  const captured: CapturedConsole = { lines: [] };
  const original = { error: console.error, warn: console.warn };
  before(() => {
    const keep = (...args: unknown[]) =>
      void captured.lines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
    console.error = keep;
    console.warn = keep;
  });
  after(() => Object.assign(console, original));
  return captured;
}
