/**
 * The challenge as plain data: its state (a snapshot folded from events), the commands
 * people give it, and the events that record what happened. Pure types, no I/O.
 */
import type { OwnerRole } from '../procedures/schema';

/** A person as the challenge knows them. Ids are Entra (AAD) object ids for directory people. */
export interface PersonRef {
  id: string;
  name: string;
  role?: string;
  agency?: string;
  email?: string;
  phone?: string;
  /** False for external professionals and people who have not installed the bot. */
  reachable: boolean;
  external?: boolean;
  /** How they take part when it is not as a member of the host tenant (docs/tenancy.md). */
  reach?: 'guest' | 'sharedChannel' | 'email';
}

/** The actor the scheduler gives its commands as (recordReminder). */
export const SYSTEM_ACTOR_ID = 'system';

/** Who holds which role on this challenge, resolved from the directory when it is raised. */
export type Participants = Partial<Record<OwnerRole, PersonRef[]>>;

export type ChallengeStatus = 'open' | 'paused' | 'resolved';

export interface StageRecord {
  stageId: string;
  startedAt: string; // ISO instant
  /** Latest deadline in force (after pauses and extensions); undefined when the stage has none. */
  deadline?: string;
  /** Bumped whenever the deadline moves, so a reminder is keyed to the deadline it was about. */
  deadlineVersion: number;
  /** The latest the stage could start without being late, when it has a startBy rule (DUD-2, DUD-6). */
  startBy?: string;
  /** A late start against the stage's startBy rule (e.g. DUD-2, DUD-6); set only when the stage has one. */
  startedLate?: boolean;
  /** Agreed changes of this stage's deadline, with who asked and who agreed (LEE-8). */
  extensions?: ExtensionRecord[];
  endedAt?: string;
  /** How the stage ended. */
  endedBy?: 'escalated' | 'resolved';
  /** The stage's outcome record: values of the stage's form fields. */
  outcome?: Record<string, unknown>;
  outcomeRecordedAt?: string;
  outcomeRecordedBy?: string;
  /** The stage it was escalated from; absent for the stage a challenge starts at. */
  enteredFrom?: string;
  /** Why it was escalated here, in the words of whoever escalated it (DUD-3, NEW-3, LEE-9). */
  entryReason?: string;
  /** Who moved it here: whoever escalated it, or the raiser for the first stage. */
  enteredBy?: Actor;
}

export interface ExtensionRecord {
  from?: string;
  until: string;
  reason: string;
  requestedBy: string;
  agreedBy: string;
  agreedAt: string;
}

export interface Challenge {
  id: string;
  /** Number of events applied; the snapshot's version. */
  version: number;
  /**
   * The version after the last event that changed what a card shows: every event but the
   * scheduler's ReminderSent. A card rendered at or after it is not stale (a reminder sent
   * meanwhile does not make the practitioner's buttons "move on").
   */
  movedAtVersion?: number;
  procedureId: string;
  /** The agency's case reference: the only name a case has in channels and digests (COM-2). */
  caseReference: string;
  /** Durham's form asks for the family name (DUR-10): held, shown only to people on the challenge. */
  familyName?: string;
  subject: 'child' | 'adult';
  kind: 'decision' | 'conferenceDissent';
  conferenceDate?: string;
  areas: string[];
  concern: string;
  desiredOutcome: string;
  evidence: string;
  urgency: 'standard' | 'immediate';
  raisedAt: string;
  raisedBy: PersonRef;
  raisedWith: PersonRef;
  participants: Participants;
  status: ChallengeStatus;
  stageId: string;
  stages: StageRecord[];
  pausedAt?: string;
  pauseReason?: string;
  /** Working days the clock has been stopped in all (LEE-7): rules anchored on the day raised move by it. */
  pausedWorkingDays: number;
  /** `until` is the ISO instant the deadline would move to. */
  pendingExtension?: { requestedBy: string; requestedAt: string; until: string; reason: string };
  meetings: MeetingRecord[];
  notifications: NotificationRecord[];
  logId?: string;
  resolution?: Resolution;
  /** Idempotency keys of commands already applied (most recent few), so a repeat gives the same answer. */
  appliedKeys: string[];
  /** Keys of the reminders already sent, so the scheduler never sends one twice. */
  reminderKeys: string[];
}

export interface MeetingRecord {
  date: string;
  attendees: string[];
  familyAttended: boolean;
  outcome: string;
  actions: string;
  recordedBy: string;
  stageId: string;
}

export interface NotificationRecord {
  formId: string;
  stageId: string;
  values: Record<string, unknown>;
  recordedBy: string;
  recordedAt: string;
}

export interface Resolution {
  agreedOutcome: string;
  outstandingIssues: string;
  stageId: string;
  resolvedAt: string;
  resolvedBy: string;
}

/** The person giving a command, identified by their id; their roles come from the challenge's participants. */
export interface Actor {
  id: string;
  name: string;
}

export type Command =
  | {
      type: 'raise';
      challengeId: string;
      caseReference: string;
      familyName?: string;
      subject: 'child' | 'adult';
      kind: 'decision' | 'conferenceDissent';
      conferenceDate?: string;
      areas: string[];
      concern: string;
      desiredOutcome: string;
      evidence: string;
      urgency: 'standard' | 'immediate';
      raisedBy: PersonRef;
      raisedWith: PersonRef;
      participants: Participants;
    }
  | { type: 'recordOutcome'; values: Record<string, unknown> }
  | { type: 'escalate'; to?: string; reason: string; route?: 'next' | 'immediate' }
  | { type: 'resolve'; agreedOutcome: string; outstandingIssues: string }
  | { type: 'pause'; reason: string }
  | { type: 'resume' }
  /** `until`: the new due day, 'YYYY-MM-DD' (London); the deadline falls at its end of working day. */
  | { type: 'requestExtension'; until: string; reason: string }
  | { type: 'agreeExtension' }
  | { type: 'declineExtension'; reason: string }
  | { type: 'handOver'; role: OwnerRole; from: string; to: PersonRef }
  | {
      type: 'recordMeeting';
      date: string;
      attendees: string[];
      familyAttended: boolean;
      outcome: string;
      actions: string;
    }
  | { type: 'recordNotification'; formId: string; values: Record<string, unknown> }
  | { type: 'assignLogId'; logId: string }
  | { type: 'recordReminder'; reminderKey: string; level: ReminderLevel; to: string[] };

export type ReminderLevel = 'dueSoon' | 'overdue' | 'escalationOffer' | 'raiserOverdue';

export interface CommandEnvelope {
  command: Command;
  actor: Actor;
  /** Same key twice → same answer, one transition. */
  idempotencyKey: string;
  /** The version the actor saw (from the card); a stale one is refused as "moved on". */
  expectedVersion?: number;
}

/** Every event carries who did it and when; `data` is the event's own payload. */
export interface EventBase {
  at: string;
  by: Actor;
  idempotencyKey: string;
}

export type ChallengeEvent = EventBase &
  (
    | { type: 'ChallengeRaised'; data: Extract<Command, { type: 'raise' }> & { procedureId: string } }
    | {
        type: 'StageEntered';
        data: Omit<StageRecord, 'enteredFrom' | 'entryReason' | 'enteredBy'> & { from?: string; reason?: string };
      }
    | { type: 'StageOutcomeRecorded'; data: { stageId: string; values: Record<string, unknown> } }
    | { type: 'Escalated'; data: { from: string; to: string; reason: string; route: 'next' | 'immediate' | 'skip' } }
    | { type: 'Resolved'; data: Resolution }
    | { type: 'Paused'; data: { reason: string } }
    | {
        type: 'Resumed';
        /** clockStopped: the procedure's pause stops the clock, so the pause counts against every deadline (LEE-7). */
        data: { pausedFor: { workingDays: number; calendarDays: number }; clockStopped: boolean; deadline?: string };
      }
    | { type: 'ExtensionRequested'; data: { until: string; reason: string } }
    | { type: 'ExtensionAgreed'; data: { until: string; reason: string; requestedBy: string; agreedBy: string } }
    | { type: 'ExtensionDeclined'; data: { reason: string } }
    | { type: 'HandedOver'; data: { role: OwnerRole; from: string; to: PersonRef } }
    | { type: 'MeetingRecorded'; data: MeetingRecord }
    | { type: 'PartnershipNotified'; data: NotificationRecord }
    | { type: 'LogIdAssigned'; data: { logId: string } }
    | { type: 'ReminderSent'; data: { reminderKey: string; level: ReminderLevel; to: string[] } }
  );

export type EventType = ChallengeEvent['type'];

/** Something the shell must do because of the events: plain data, carried out by bot/ and src/store. */
export type Effect =
  | { type: 'sendStageCard'; to: PersonRef[]; stageId: string }
  | { type: 'feedbackToRaiser'; to: PersonRef; message: string } // COM-4, LEE-9
  | { type: 'notifyPartnership'; to: PersonRef[]; roles: OwnerRole[]; formId?: string; stageId: string; rule?: string }
  | { type: 'contactByOtherMeans'; tell: PersonRef[]; unreachable: PersonRef[]; stageId: string }
  /** The scheduler's reminder, nag or escalation offer (recorded as ReminderSent), to each of `to`. */
  | { type: 'sendReminder'; to: PersonRef[]; level: ReminderLevel; reminderKey: string };

export type Decision =
  | {
      ok: true;
      events: ChallengeEvent[];
      effects: Effect[];
      /** The challenge after the events (absent when there are none). */
      after?: Challenge;
    }
  | { ok: false; refusal: Refusal };

export interface Refusal {
  code: 'notOwner' | 'notAllowed' | 'invalid' | 'stale' | 'closed' | 'paused';
  /** Words a practitioner understands: "Stage 2 is owned by the line managers; you are the raiser." */
  reason: string;
}
