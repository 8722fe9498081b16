/**
 * One plan's month through the real bot: install the partnership, raise over HTTP, then
 * move the clock and tick (month.ts), taking up the escalation offer with one press on its
 * card and resolving when the plan says. The harness sends at once (`through`): the outbound
 * queue's limiter runs on real time and is the subject of its own tests; here it would only
 * make a month of ticks wait on the wall clock.
 */
import { getProcedure } from '../../../src/procedures';
import type { Challenge, ChallengeEvent } from '../../../src/workflow';
import { dataFor, installPartnership, startBot, Walk, type Outcome } from '../bot/support';
import { runMonth, type MonthRun, type Received } from './month';
import { MONTH_FROM, MONTH_TO, RAISED_AT, type MonthPlan } from './month-plans';

export interface SimulatedMonth extends MonthRun {
  /** The press on the escalation offer, and the offer it was pressed on. */
  offer?: { taken: Received; outcome: Outcome };
  resolved?: Outcome;
  events: ChallengeEvent[];
  challenge: Challenge;
  idOf(name: string): string;
}

export async function simulateMonth(plan: MonthPlan): Promise<SimulatedMonth> {
  const h = await startBot(`month-${plan.procedureId}`, RAISED_AT);
  try {
    await installPartnership(h, plan.procedureId);
    const w = new Walk(h);
    await w.raise(plan.raise);
    let offer: SimulatedMonth['offer'];
    let resolved: Outcome | undefined;
    const run = await runMonth(h, getProcedure(plan.procedureId), {
      from: MONTH_FROM,
      to: MONTH_TO,
      step: async ({ day, time, received }) => {
        if (time !== '10:00') return;
        const taken = offer
          ? undefined
          : received.find((r) => r.day === day && r.name === plan.offerTakenBy && /next level$/.test(r.text));
        if (taken) {
          // One press: the card's own button, with the reason it fills in.
          const data = dataFor(taken.card, 'escalate', {}, plan.offerTakenBy);
          offer = { taken, outcome: await w.send(plan.offerTakenBy, 'escalate', data) };
        }
        if (plan.resolve?.day === day) {
          resolved = await w.press(plan.resolve.by, 'resolve', {
            agreedOutcome: 'A strategy discussion is arranged.',
            outstandingIssues: 'None.',
          });
        }
      },
    });
    const loaded = await h.app.stores.challenges.load(w.challengeId);
    if (!loaded) throw new Error('the challenge is gone');
    const events = await h.app.stores.challenges.events(w.challengeId);
    const idOf = (name: string) => h.user(name).aadObjectId;
    return {
      ...run,
      ...(offer ? { offer } : {}),
      ...(resolved ? { resolved } : {}),
      events,
      challenge: loaded.challenge,
      idOf,
    };
  } finally {
    await h.stop();
  }
}
