/** A logger that keeps its JSON lines, parsed, for assertions. */
import { createLogger, type Logger } from '../../../src/logger';

export interface Captured {
  logger: Logger;
  raw: string[];
  lines: () => Record<string, unknown>[];
}

export function captureLogger(base: Record<string, unknown> = {}): Captured {
  const raw: string[] = [];
  const logger = createLogger(
    base,
    (line) => raw.push(line),
    () => '2026-11-23T10:00:00.000Z',
  );
  return { logger, raw, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}
