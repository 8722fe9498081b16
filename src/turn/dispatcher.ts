/**
 * Carries out what committed transitions owe (owed.ts): started right after a commit, behind
 * the presser's answer, and by the scheduler's sweep for what a crashed or slow process left.
 * Each row is claimed by ETag (so two bot instances and the Function App never carry out the
 * same row at once), carried out, then deleted. A thread's posts keep their order, and so do
 * one person's cards; different conversations go at once, so a hung send holds up nothing
 * else. A send that finally fails is recorded and the raising side is told who to contact
 * by other means, as it was when the bot sent inline.
 */
import { systemClock } from '../clock';
import { errorCode, type Logger } from '../logger';
import { getProcedure } from '../procedures';
import type { Procedure } from '../procedures/schema';
import type {
  ChallengeStore,
  ChallengeThread,
  ConversationStore,
  OwedRow,
  Outbox,
  OutboxEntry,
  PersonIndex,
} from '../store';
import type { OwedStore } from '../store/owed-store';
import { sideOf } from '../workflow/roles';
import type { Challenge, PersonRef } from '../workflow/types';
import type { OwnerRole } from '../procedures/schema';
import { mailOff, type Mailer } from '../mail/mailer';
import { emailNotice, noticeFacts, type EmailDetail } from '../mail/notice';
import { laneOf, OwedSchema, type Owed } from './owed';
import type { Delivery, Messenger, Undelivered } from './ports';
import type { CardViews } from './views';

export interface DispatchReport {
  /** Rows carried out (sent, or settled as not deliverable). */
  done: number;
  /** Rows left for a later attempt (a passing failure, or held by someone else). */
  left: number;
  /** Person ids a card reached, by the key of what was sent (reminder keys for reminders). */
  delivered: { personId: string; kind: Owed['kind']; reminderKey?: string }[];
  undelivered: Undelivered[];
}

export interface Dispatcher {
  /**
   * Carries out `rows` of `challenge`; settles `entry` when nothing is left. `held`: the rows
   * were born claimed by this process (just committed), so they are not claimed again.
   */
  deliver(
    challenge: Challenge,
    rows: readonly OwedRow[],
    entry?: OutboxEntry,
    options?: { held?: boolean },
  ): Promise<DispatchReport>;
  /** As deliver, started on the next turn of the event loop: behind the answer being sent now. */
  deliverSoon(challenge: Challenge, rows: readonly OwedRow[], entry?: OutboxEntry): Promise<DispatchReport>;
  /** When rows committed now are claimed until: this process carries them out first. */
  claimUntil(): string;
  /** What orphaned entries still owe (older than `graceMs`); returns the reports of what it found. */
  sweep(options?: { graceMs?: number; limit?: number }): Promise<DispatchReport>;
  /** Resolves once every delivery under way has finished: for a clean shutdown, and for tests. */
  idle(): Promise<void>;
}

export interface DispatcherDeps {
  challenges: Pick<ChallengeStore, 'load'>;
  owed: OwedStore;
  outbox: Outbox;
  conversations: Pick<ConversationStore, 'getThread'>;
  personIndex: Pick<PersonIndex, 'update'>;
  messenger: Messenger;
  views: CardViews;
  logger: Logger;
  /** How long a claim holds a row: longer than a send can take with its retries. */
  leaseMs?: number;
  /** Attempts of a passing failure before it counts as final. */
  maxAttempts?: number;
  onUndelivered?: (what: Undelivered) => void | Promise<void>;
  /** Email for people Teams cannot reach: off unless configured. */
  mailer?: Mailer;
  /** How much of a case the partnership lets an email carry. */
  emailDetailOf?: (procedureId: string) => Promise<EmailDetail | undefined>;
}

const emptyReport = (): DispatchReport => ({ done: 0, left: 0, delivered: [], undelivered: [] });

function merge(into: DispatchReport, more: DispatchReport): DispatchReport {
  into.done += more.done;
  into.left += more.left;
  into.delivered.push(...more.delivered);
  into.undelivered.push(...more.undelivered);
  return into;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const maxAttempts = deps.maxAttempts ?? 5;
  const recordRetryMaxMs = 2_000;
  // A challenge's thread never moves once started: read once per process.
  const threads = new Map<string, ChallengeThread>();
  /** Thread starts under way in this process: a later press's posts wait for them. */
  const starting = new Map<string, Promise<unknown>>();
  const threadOf = async (challengeId: string): Promise<ChallengeThread | undefined> => {
    await starting.get(challengeId)?.catch(() => undefined);
    const known = threads.get(challengeId);
    if (known) return known;
    const thread = await deps.conversations.getThread(challengeId);
    if (thread) threads.set(challengeId, thread);
    return thread;
  };
  /** Challenges that will never have a thread (no channel, or its start was given up): their posts are no-ops. */
  const threadless = new Set<string>();
  /** The thread's start is still owed (it failed for now, or another process holds it): its posts wait. */
  const threadStillOwed = async (challengeId: string): Promise<boolean> => {
    if (threadless.has(challengeId)) return false;
    const rows = await deps.owed.list(challengeId);
    const owed = rows.some((row) => OwedSchema.safeParse(row.value).data?.kind === 'threadStart');
    if (!owed) threadless.add(challengeId);
    return owed;
  };

  /** One row: what it owes, done. Returns the delivery to a person, when it was one. */
  async function carryOut(
    procedure: Procedure,
    challenge: Challenge,
    owed: Owed,
    /** Carried out by the process that committed it, for the first time: nothing can have been sent yet. */
    fresh: boolean,
  ): Promise<Delivery | undefined> {
    const { views, messenger } = deps;
    switch (owed.kind) {
      case 'personIndex':
        await deps.personIndex.update(challenge, owed.formerIds);
        return undefined;
      case 'threadStart': {
        // A retry, or a sweep after a crash or a lost settle, must not open a second thread: one
        // that went through and was saved is there.
        if (!fresh && (await threadOf(challenge.id))) return undefined;
        const started = messenger.startThread(challenge.id, owed.channel, views.threadRoot(procedure, challenge));
        starting.set(challenge.id, started);
        try {
          threads.set(challenge.id, await started);
        } finally {
          starting.delete(challenge.id);
        }
        return undefined;
      }
      case 'threadReply':
      case 'threadRoot': {
        const thread = await threadOf(challenge.id);
        if (!thread) {
          // Not started yet: the post waits for the sweep. Never started (no channel, or given up): nothing to post.
          if (await threadStillOwed(challenge.id)) throw new PassingFailure('threadNotStarted');
          return undefined;
        }
        const card =
          owed.kind === 'threadReply'
            ? views.threadEvent(procedure, challenge, owed.event)
            : views.threadRoot(procedure, challenge);
        const sent =
          owed.kind === 'threadReply'
            ? await messenger.replyInThread(thread, card)
            : await messenger.updateThreadRoot(thread, card);
        // A channel post that cannot be made tells nobody: there is no one person to tell.
        if (!sent.delivered && sent.reason === 'failed') throw new PassingFailure(sent.detail);
        return undefined;
      }
      case 'stageCard':
        return messenger.sendToPerson(owed.to.id, await views.personCard(procedure, challenge, owed.to.id));
      case 'feedback':
        return messenger.sendToPerson(owed.to.id, views.feedback(procedure, challenge, owed.message));
      case 'unreachableNotice':
        return messenger.sendToPerson(owed.to.id, views.unreachable(challenge.caseReference, owed.unreachable));
      case 'reminder':
        return messenger.sendToPerson(owed.to.id, views.reminder(procedure, challenge, owed.level));
      case 'emailNotice': {
        const mailer = deps.mailer ?? mailOff;
        if (!mailer.enabled || !owed.to.email) return undefined; // nothing to do: the raising side is told in Teams
        const detail = await deps.emailDetailOf?.(procedure.id);
        const notice = emailNotice(
          { name: owed.to.name, email: owed.to.email },
          noticeFacts(procedure, challenge, detail ? { detail } : {}),
        );
        const mailed = await mailer.send(notice);
        if (mailed.sent || mailed.reason !== 'failed') return undefined;
        throw new PassingFailure(mailed.detail ?? 'mail-failed');
      }
    }
  }

  /**
   * What became of a row reaches storage while this process still holds it: a row carried out
   * and not settled would be carried out again (the card sent twice), one not released would
   * wait out its claim. So a settle or a release that storage did not take is tried again
   * until the claim is nearly spent; only an outage longer than that leaves the row to the
   * sweep as it stood.
   */
  async function record(row: OwedRow, write: () => Promise<void>): Promise<void> {
    const holdsUntil = row.claimedUntil ? Date.parse(row.claimedUntil) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        const wait = Math.min(recordRetryMaxMs, 50 * 2 ** attempt);
        if (systemClock.now().getTime() + wait >= holdsUntil - recordRetryMaxMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** One lane's rows in order; a row held by someone else, or failing for now, is left. */
  async function lane(
    procedure: Procedure,
    challenge: Challenge,
    rows: readonly { row: OwedRow; owed: Owed }[],
    report: DispatchReport,
    unreachable: PersonRef[],
    held: boolean,
  ): Promise<void> {
    for (const { row, owed } of rows) {
      const claimed = held ? row : await deps.owed.claim(challenge.id, row, leaseMs);
      if (!claimed) {
        report.left += 1;
        continue;
      }
      let delivery: Delivery | undefined;
      try {
        delivery = await carryOut(procedure, challenge, owed, held && claimed.attempts === 0);
      } catch (error) {
        const code = error instanceof PassingFailure ? (error.code ?? 'failed') : errorCode(error);
        delivery = { delivered: false, reason: 'failed', detail: code };
        if (!('to' in owed)) deps.logger.warn('owed send failed', { challengeId: challenge.id, kind: owed.kind, code });
      }
      const to = 'to' in owed ? owed.to : undefined;
      if (!delivery || delivery.delivered) {
        await record(claimed, () => deps.owed.settle(challenge.id, claimed));
        report.done += 1;
        if (to)
          report.delivered.push({
            personId: to.id,
            kind: owed.kind,
            ...(owed.kind === 'reminder' ? { reminderKey: owed.reminderKey } : {}),
          });
        continue;
      }
      const final = delivery.reason !== 'failed' || claimed.attempts + 1 >= maxAttempts;
      if (!final) {
        await record(claimed, () => deps.owed.release(challenge.id, claimed));
        report.left += 1;
        continue;
      }
      await record(claimed, () => deps.owed.settle(challenge.id, claimed));
      report.done += 1;
      if (!to) continue;
      const what: Undelivered = {
        challengeId: challenge.id,
        key: owed.kind === 'reminder' ? owed.reminderKey : `${owed.kind}:${row.rowKey}`,
        personId: to.id,
        reason: delivery.reason,
        ...(delivery.detail ? { detail: delivery.detail } : {}),
      };
      report.undelivered.push(what);
      await deps.onUndelivered?.(what);
      // The raising side learns who could not be reached with their card, as the stage cards go out.
      if (owed.kind === 'stageCard' && !to.external) unreachable.push(to);
    }
  }

  const underWay = new Set<Promise<unknown>>();
  function tracked<T>(work: Promise<T>): Promise<T> {
    underWay.add(work);
    void work.then(
      () => underWay.delete(work),
      () => underWay.delete(work),
    );
    return work;
  }

  async function deliver(
    challenge: Challenge,
    rows: readonly OwedRow[],
    entry?: OutboxEntry,
    held = false,
  ): Promise<DispatchReport> {
    const report = emptyReport();
    const procedure = getProcedure(challenge.procedureId);
    const lanes = new Map<string, { row: OwedRow; owed: Owed }[]>();
    for (const row of rows) {
      const parsed = OwedSchema.safeParse(row.value);
      if (!parsed.success) {
        // Not ours to carry out (a row of a newer version of the code?): left, and said so.
        deps.logger.error('owed row not understood', { challengeId: challenge.id, rowKey: row.rowKey });
        report.left += 1;
        continue;
      }
      const key = laneOf(parsed.data);
      lanes.set(key, [...(lanes.get(key) ?? []), { row, owed: parsed.data }]);
    }
    const unreachable: PersonRef[] = [];
    // The index first: "my challenges" is right before anyone is told.
    const index = lanes.get('index');
    if (index) await lane(procedure, challenge, index, report, unreachable, held);
    await Promise.all(
      [...lanes]
        .filter(([key]) => key !== 'index')
        .map(([, rowsOfLane]) => lane(procedure, challenge, rowsOfLane, report, unreachable, held)),
    );
    if (unreachable.length > 0) await tellRaisingSide(challenge, unreachable);
    if (entry && report.left === 0) await deps.outbox.settle(entry);
    return report;
  }

  async function tellRaisingSide(challenge: Challenge, unreachable: PersonRef[]): Promise<void> {
    const raising = (Object.keys(challenge.participants) as OwnerRole[])
      .filter((role) => sideOf(role) === 'raising')
      .flatMap((role) => challenge.participants[role] ?? []);
    // The raising side as it stands now: someone who handed over is not told.
    const tell = dedupe(raising).filter((p) => !unreachable.some((u) => u.id === p.id));
    const card = deps.views.unreachable(challenge.caseReference, dedupe(unreachable));
    await Promise.all(tell.slice(0, 5).map((p) => deps.messenger.sendToPerson(p.id, card)));
    deps.logger.info('people not reachable in Teams', { challengeId: challenge.id, count: unreachable.length });
  }

  return {
    deliver: (challenge, rows, entry, options = {}) => tracked(deliver(challenge, rows, entry, options.held)),
    deliverSoon: (challenge, rows, entry) =>
      tracked(new Promise<void>((resolve) => setImmediate(resolve)).then(() => deliver(challenge, rows, entry, true))),
    claimUntil: () => new Date(systemClock.now().getTime() + leaseMs).toISOString(),
    async idle() {
      while (underWay.size > 0) await Promise.allSettled([...underWay]);
    },
    sweep: (options = {}) => tracked(sweep(options)),
  };

  async function sweep(options: { graceMs?: number; limit?: number }): Promise<DispatchReport> {
    const report = emptyReport();
    for (const entry of await deps.outbox.orphans(options.graceMs ?? 60_000, options.limit)) {
      try {
        const loaded = await deps.challenges.load(entry.challengeId);
        const rows = loaded ? await deps.owed.list(entry.challengeId) : [];
        if (!loaded || rows.length === 0) {
          await deps.outbox.settle(entry); // never committed, or already carried out
          continue;
        }
        merge(report, await deliver(loaded.challenge, rows, entry));
      } catch (error) {
        deps.logger.warn('outbox sweep failed for a challenge; kept for the next sweep', {
          challengeId: entry.challengeId,
          code: errorCode(error),
        });
      }
    }
    return report;
  }
}

class PassingFailure extends Error {
  override readonly name = 'PassingFailure';
  constructor(readonly code: string | undefined) {
    super('send failed for now');
  }
}

function dedupe(people: PersonRef[]): PersonRef[] {
  return [...new Map(people.map((p) => [p.id, p])).values()];
}
