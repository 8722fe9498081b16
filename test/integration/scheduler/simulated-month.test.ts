/**
 * Issue 5, done when: a simulated month for each of the five procedures, through the real bot
 * over HTTP. Raised on Mon 15 Mar 2027, the clock moved day by day (and within each day) to
 * Fri 16 Apr, over Good Friday and Easter Monday and the 28 Mar clock change, the scheduler
 * ticked at each step: every reminder, nag, escalation offer and digest each person received
 * is asserted exactly; nothing goes out on a weekend, a bank holiday or outside the window,
 * nothing twice; the next level takes up the escalation offer with one press.
 */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import { calendarOf } from '../../../src/workflow';
import { DIGEST_LATEST, DIGEST_TIME } from '../../../src/scheduler';
import { expectedMonth } from './month-expected';
import { line, type Received } from './month';
import { plans } from './month-plans';
import { simulateMonth, type SimulatedMonth } from './simulate-month';

const sorted = (lines: string[]) => [...lines].sort();
const lines = (received: readonly Received[], kind: Received['kind']) =>
  sorted(received.filter((r) => r.kind === kind).map(line));

describe('scheduler: a simulated month through the real bot, for each procedure', function () {
  this.timeout(60_000);

  for (const plan of plans) {
    const procedure = getProcedure(plan.procedureId);
    const calendar = calendarOf(procedure);
    const expected = expectedMonth(plan.procedureId);

    describe(`${procedure.code} (${procedure.id})`, () => {
      let month: SimulatedMonth;
      before(async () => {
        month = await simulateMonth(plan);
      });

      it(`${procedure.code}: each person receives exactly the reminders, nags and escalation offers of the policy`, () => {
        assert.deepEqual(lines(month.received, 'reminder'), sorted(expected.reminders));
      });

      it(`${procedure.code}: each lead and owner receives exactly the morning digests with something to see`, () => {
        assert.deepEqual(lines(month.received, 'digest'), sorted(expected.digests));
      });

      it(`${procedure.code}: nothing on weekends, Good Friday, Easter Monday or outside the London windows; nothing twice`, () => {
        assert.ok(month.ticks.every((t) => t.report.errors.length === 0 && t.report.undelivered.length === 0));
        for (const r of month.received) {
          assert.ok(calendar.isWorkingDay(r.day), `${line(r)}: not a working day`);
          const [from, to] =
            r.kind === 'digest'
              ? [DIGEST_TIME, DIGEST_LATEST]
              : [procedure.reminders.window.from, procedure.reminders.window.to];
          assert.ok(r.time >= from && r.time < to, `${line(r)}: outside ${from}-${to}`);
        }
        for (const day of ['2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29']) {
          assert.deepEqual(month.received.filter((r) => r.day === day).map(line), [], day);
        }
        const all = month.received.map(line);
        assert.equal(new Set(all).size, all.length, 'no card twice');
        const digestsADay = month.received.filter((r) => r.kind === 'digest').map((r) => `${r.day} ${r.name}`);
        assert.equal(new Set(digestsADay).size, digestsADay.length, 'one digest a person a day');
      });

      it(`${procedure.code}: London times hold over the clock change: UTC+0 before 28 Mar, UTC+1 (BST) after`, () => {
        const utc = (r: Received) => {
          const [hh = 0, mm = 0] = r.time.split(':').map(Number);
          const minutes = hh * 60 + mm - (r.day > '2027-03-28' ? 60 : 0);
          return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        };
        assert.ok(month.received.some((r) => r.day < '2027-03-28') && month.received.some((r) => r.day > '2027-03-28'));
        for (const r of month.received) {
          assert.equal(r.at.slice(11, 16), utc(r), line(r));
          assert.equal(r.at.slice(0, 10), r.day, line(r));
        }
      });

      it(`${procedure.code}: every reminder is recorded in the challenge's history once, to the people who got it`, () => {
        const sent = month.events.flatMap((e) => (e.type === 'ReminderSent' ? [e.data] : []));
        const keys = sent.map((s) => s.reminderKey);
        assert.equal(new Set(keys).size, keys.length, 'each reminder key once');
        const recorded = sorted(sent.flatMap((s) => s.to.map((id) => `${s.level}→${id}`)));
        const levelOf = (text: string) =>
          /next level$/.test(text)
            ? 'escalationOffer'
            : /^Your challenge/.test(text)
              ? 'raiserOverdue'
              : / is due /.test(text)
                ? 'dueSoon'
                : 'overdue';
        const received = sorted(
          month.received.filter((r) => r.kind === 'reminder').map((r) => `${levelOf(r.text)}→${month.idOf(r.name)}`),
        );
        assert.deepEqual(recorded, received);
      });

      it(`${procedure.code}: the next level takes up the escalation offer with one press on its card, and the challenge moves`, () => {
        const offer = month.offer;
        assert.ok(offer, `${plan.offerTakenBy} was offered the escalation`);
        assert.equal(offer.taken.name, plan.offerTakenBy);
        const moved = offer.outcome.events.filter((e) => e.type !== 'ReminderSent');
        assert.deepEqual(
          moved.map((e) => e.type),
          ['Escalated', 'StageEntered'],
        );
        const escalated = moved[0];
        assert.ok(escalated?.type === 'Escalated');
        assert.equal(escalated.by.id, month.idOf(plan.offerTakenBy));
        assert.equal(escalated.data.to, procedure.stages.find((s) => s.id === escalated.data.from)?.escalateTo[0]);
        assert.match(escalated.data.reason, /working days? overdue/, 'the reason the card filled in');
      });

      it(`${procedure.code}: ${plan.resolve ? 'once resolved nothing more is sent' : 'the month ends open, still nagged'}`, () => {
        if (!plan.resolve) {
          assert.equal(month.challenge.status, 'open');
          return;
        }
        assert.equal(month.challenge.status, 'resolved');
        const resolvedOn = plan.resolve.day;
        const after = month.received.filter(
          (r) => r.day > resolvedOn && !(r.kind === 'digest' && /^digest: Resolved yesterday$/.test(r.text)),
        );
        assert.deepEqual(after.map(line), []);
      });
    });
  }
});
