/**
 * The test clock API, for local runs and external tests only: the composition root registers it
 * when CHALLENGE_TEST_CLOCK=1, which src/config.ts refuses in production mode.
 *   POST /api/test/clock {"now": "2026-11-16T08:00:00Z"} sets the time the bot and the scheduler
 *     see ({"now": null} goes back to the system time); answers {"now": ISO}.
 *   POST /api/test/tick runs the scheduler once at that time; answers what it sent, as JSON.
 */
import type restify from 'restify';
import { z } from 'zod';
import type { OverridableClock } from '../src/clock';

export interface TestApiDeps {
  clock: OverridableClock;
  tick(now: Date): Promise<unknown>;
}

const ClockBody = z.object({
  now: z.union([z.iso.datetime({ offset: true }), z.null()]),
});

export function registerTestApi(server: restify.Server, deps: TestApiDeps): void {
  server.post('/api/test/clock', async (req, res) => {
    const parsed = ClockBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.send(400, {
        error:
          'Send {"now": "<ISO-8601 instant with a Z or an offset>"}, e.g. {"now": "2026-11-16T08:00:00Z"}, or {"now": null} for the system time.',
        problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
      });
      return;
    }
    deps.clock.set(parsed.data.now ?? undefined);
    res.send(200, { now: deps.clock.now().toISOString(), fixed: parsed.data.now !== null });
  });

  server.post('/api/test/tick', async (_req, res) => {
    try {
      const result = await deps.tick(deps.clock.now());
      res.send(200, result);
    } catch (error) {
      res.send(500, { error: `The scheduler tick failed: ${(error as Error).message}` });
    }
  });
}
