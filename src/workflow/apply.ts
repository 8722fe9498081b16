/**
 * Folding events into the challenge snapshot. Pure: the snapshot given is never changed;
 * replay(events) equals the snapshot built one event at a time (rehydration).
 */
import type { Challenge, ChallengeEvent, StageRecord } from './types';

/** How many idempotency keys a snapshot remembers; older repeats fall to the store's own check. */
export const APPLIED_KEYS_KEPT = 50;
/** Reminder keys kept: enough for every reminder of a long-running challenge. */
export const REMINDER_KEYS_KEPT = 500;

function lastRecord(c: Challenge): StageRecord {
  const record = c.stages[c.stages.length - 1];
  if (!record) throw new Error(`Challenge ${c.id} has not entered a stage`);
  return record;
}

function raised(event: Extract<ChallengeEvent, { type: 'ChallengeRaised' }>): Challenge {
  const d = event.data;
  return {
    id: d.challengeId,
    version: 0,
    procedureId: d.procedureId,
    caseReference: d.caseReference,
    ...(d.familyName !== undefined ? { familyName: d.familyName } : {}),
    subject: d.subject,
    kind: d.kind,
    ...(d.conferenceDate !== undefined ? { conferenceDate: d.conferenceDate } : {}),
    areas: [...d.areas],
    concern: d.concern,
    desiredOutcome: d.desiredOutcome,
    evidence: d.evidence,
    urgency: d.urgency,
    raisedAt: event.at,
    raisedBy: structuredClone(d.raisedBy),
    raisedWith: structuredClone(d.raisedWith),
    participants: structuredClone(d.participants),
    status: 'open',
    stageId: '',
    stages: [],
    pausedWorkingDays: 0,
    meetings: [],
    notifications: [],
    appliedKeys: [],
    reminderKeys: [],
  };
}

/** Changes the (already copied) challenge in place for one event. */
function fold(c: Challenge, event: ChallengeEvent): void {
  switch (event.type) {
    case 'ChallengeRaised':
      throw new Error(`Challenge ${c.id} is already raised`);
    case 'StageEntered': {
      // Who sent it here and why stay on the record, so the next owners' cards can say so.
      const { from, reason, ...record } = event.data;
      c.stages.push({
        ...record,
        ...(from !== undefined ? { enteredFrom: from } : {}),
        ...(reason !== undefined ? { entryReason: reason } : {}),
        enteredBy: { id: event.by.id, name: event.by.name },
      });
      c.stageId = record.stageId;
      delete c.pendingExtension;
      return;
    }
    case 'StageOutcomeRecorded': {
      const record = lastRecord(c);
      record.outcome = structuredClone(event.data.values);
      record.outcomeRecordedAt = event.at;
      record.outcomeRecordedBy = event.by.id;
      return;
    }
    case 'Escalated':
      Object.assign(lastRecord(c), { endedAt: event.at, endedBy: 'escalated' });
      return;
    case 'Resolved':
      Object.assign(lastRecord(c), { endedAt: event.at, endedBy: 'resolved' });
      c.status = 'resolved';
      c.resolution = { ...event.data };
      delete c.pendingExtension;
      return;
    case 'Paused':
      c.status = 'paused';
      c.pausedAt = event.at;
      c.pauseReason = event.data.reason;
      return;
    case 'Resumed': {
      c.status = 'open';
      delete c.pausedAt;
      delete c.pauseReason;
      if (event.data.clockStopped) c.pausedWorkingDays += event.data.pausedFor.workingDays;
      if (event.data.deadline !== undefined) {
        const record = lastRecord(c);
        record.deadline = event.data.deadline;
        record.deadlineVersion += 1;
      }
      return;
    }
    case 'ExtensionRequested':
      c.pendingExtension = { requestedBy: event.by.id, requestedAt: event.at, ...event.data };
      return;
    case 'ExtensionAgreed': {
      const record = lastRecord(c);
      const extension = {
        ...(record.deadline !== undefined ? { from: record.deadline } : {}),
        until: event.data.until,
        reason: event.data.reason,
        requestedBy: event.data.requestedBy,
        agreedBy: event.data.agreedBy,
        agreedAt: event.at,
      };
      record.extensions = [...(record.extensions ?? []), extension];
      record.deadline = event.data.until;
      record.deadlineVersion += 1;
      delete c.pendingExtension;
      return;
    }
    case 'ExtensionDeclined':
      delete c.pendingExtension;
      return;
    case 'HandedOver': {
      const { role, from, to } = event.data;
      const kept = (c.participants[role] ?? []).filter((p) => p.id !== from && p.id !== to.id);
      c.participants[role] = [...kept, structuredClone(to)];
      return;
    }
    case 'MeetingRecorded':
      c.meetings.push(structuredClone(event.data));
      return;
    case 'PartnershipNotified':
      c.notifications.push(structuredClone(event.data));
      return;
    case 'LogIdAssigned':
      c.logId = event.data.logId;
      return;
    case 'ReminderSent':
      c.reminderKeys = [...c.reminderKeys, event.data.reminderKey].slice(-REMINDER_KEYS_KEPT);
      return;
  }
}

/** The challenge after one more event; version counts the events applied. */
export function apply(challenge: Challenge | undefined, event: ChallengeEvent): Challenge {
  let next: Challenge;
  if (event.type === 'ChallengeRaised') {
    if (challenge) throw new Error(`Challenge ${challenge.id} is already raised`);
    next = raised(event);
  } else {
    if (!challenge) throw new Error(`${event.type} before the challenge was raised`);
    next = structuredClone(challenge);
    fold(next, event);
  }
  next.version += 1;
  if (event.type !== 'ReminderSent') next.movedAtVersion = next.version;
  if (!next.appliedKeys.includes(event.idempotencyKey)) {
    next.appliedKeys = [...next.appliedKeys, event.idempotencyKey].slice(-APPLIED_KEYS_KEPT);
  }
  return next;
}

/** The snapshot the events make, from nothing. */
export function replay(events: readonly ChallengeEvent[]): Challenge {
  const challenge = events.reduce<Challenge | undefined>(apply, undefined);
  if (!challenge) throw new Error('No events to replay');
  return challenge;
}
