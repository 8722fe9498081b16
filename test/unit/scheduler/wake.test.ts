/**
 * The deadline index wakes a challenge at nextWakeAt only. This proves that is enough: for each
 * procedure, over weeks with Christmas or the March clock change, a scheduler that looks only when
 * woken sends exactly what one looking every 15 minutes sends.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { procedures } from '../../../src/procedures';
import { calendarOf } from '../../../src/workflow';
import { nextWakeAt, planReminders } from '../../../src/scheduler';
import { Run } from '../workflow/helpers';

const QUARTER_HOUR = 15 * 60_000;

function simulate(run: Run, from: string, days: number, onlyWhenWoken: boolean): string[] {
  const procedure = run.procedure;
  const calendar = calendarOf(procedure);
  const challenge = run.c;
  const sent: string[] = [];
  const log: string[] = [];
  let wake: Date | undefined = new Date(from);
  for (let t = new Date(from).getTime(); t < new Date(from).getTime() + days * 86_400_000; t += QUARTER_HOUR) {
    const now = new Date(t);
    if (onlyWhenWoken && (!wake || wake > now)) continue;
    for (const r of planReminders({ challenge, procedure, calendar, now, sent })) {
      sent.push(r.key);
      log.push(`${now.toISOString()} ${r.level}#${r.occurrence}`);
    }
    wake = nextWakeAt({ challenge, procedure, calendar, now, sent });
  }
  return log;
}

describe('scheduler: waking only at nextWakeAt misses nothing', () => {
  for (const procedure of procedures) {
    for (const [raised, why] of [
      ['2026-12-14T10:00', 'over Christmas'],
      ['2027-03-15T10:00', 'over the March clock change and Easter'],
    ] as const) {
      it(`${procedure.id}: ${why}`, () => {
        const run = new Run(procedure);
        run.raise(raised);
        const everyTick = simulate(run, `${raised}:00Z`, 35, false);
        assert.ok(everyTick.length >= 4, `expected several reminders, got ${everyTick.join(', ')}`);
        assert.deepEqual(simulate(run, `${raised}:00Z`, 35, true), everyTick);
      });
    }
  }
});
