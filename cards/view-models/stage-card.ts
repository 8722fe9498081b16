/**
 * The stage card's data (cards/templates/stage-card.json): one person's view of a challenge.
 * Buttons are exactly the commands the viewer may give (the workflow's allowedCommands);
 * details of the case are shown only because the viewer is on the challenge (a person who is
 * not gets the minimal card). Pure: `now` and the viewer are passed in.
 */
import { COMMAND_VERBS } from '../verbs';
import { stageOf } from '../../src/procedures/lookup';
import type { Procedure, Stage } from '../../src/procedures/schema';
import type { Challenge, Command, PersonRef } from '../../src/workflow/types';
import { deadlineView, formatWhen } from './format';
import { fieldInputs, fieldsFor } from './form-fields';
import {
  capitalise,
  MAX_REFRESH_USERS,
  ownerLines,
  peopleOnChallenge,
  personChoices,
  type DirectoryPerson,
} from './people';
import { challengeDetails, stageHistory, statusLine } from './stage-details';
import { noticeStyle, type CardNotice } from './notice';
import type { Viewer } from './viewer';
import { isStale } from '../../src/workflow/stale';
import { MOVED_ON, roleInWords, SAFETY_REMINDER } from './wording';

export type CommandType = Command['type'];
export type { Viewer };

/** The commands a stage card offers as buttons, in the order they appear. */
export const BUTTON_VERBS = COMMAND_VERBS;
export type ButtonVerb = (typeof BUTTON_VERBS)[number];

export interface StageCardInput {
  procedure: Procedure;
  challenge: Challenge;
  viewer: Viewer;
  now: Date;
  /** The version of the card the viewer pressed or refreshed: older than the challenge → "moved on". */
  seenVersion?: number;
  /** Candidates for a hand-over (the directory, cut to a size a card can carry). */
  people?: readonly DirectoryPerson[];
  /** Agency names for 'agencies' fields of the partnership's forms. */
  agencies?: readonly string[];
  /** What the press that produced this card came to: shown at the top, in its tone. */
  notice?: CardNotice;
  /** Teams wants user MRIs in refresh.userIds; the default is the person's id as stored. */
  userIdOf?: (p: PersonRef) => string;
}

function escalateData(procedure: Procedure, stage: Stage, viewer: Viewer) {
  const targets = stage.escalateTo
    .map((id) => stageOf(procedure, id))
    .map((s) => ({ title: `${s.label}: ${s.title}`, value: s.id }));
  const route = procedure.immediateRoute;
  const immediateStage = route ? stageOf(procedure, route.stage) : undefined;
  const routes = viewer.escalateRoutes.map((r) =>
    r === 'next'
      ? { title: 'The next stage', value: 'next' }
      : {
          title: `Immediate route: ${immediateStage ? `${immediateStage.label}, ${immediateStage.title}` : ''}`,
          value: 'immediate',
        },
  );
  const onlyImmediate = !viewer.escalateRoutes.includes('next');
  return {
    // Where to go is asked only when there is a choice on the ordinary ladder.
    showTarget: !onlyImmediate && targets.length > 1,
    targets,
    target: targets[0]?.value ?? '',
    // Shown whenever the immediate route is open, even alone, so the person sees which route it is.
    showRoute: viewer.escalateRoutes.includes('immediate'),
    routes,
    route: routes[0]?.value ?? 'next',
  };
}

export function toStageCardData(input: StageCardInput) {
  const { procedure, challenge, viewer, now } = input;
  const stage = stageOf(procedure, challenge.stageId);
  const record = challenge.stages.filter((s) => s.stageId === stage.id).at(-1);
  const allowed = new Set(viewer.allowed);
  const recordForm = procedure.forms.find((f) => f.id === stage.record);
  const notificationForm = procedure.forms.find((f) => f.id === viewer.notificationForms[0]);
  const can = Object.fromEntries(BUTTON_VERBS.map((v) => [v, allowed.has(v)])) as Record<ButtonVerb, boolean>;
  can.recordOutcome &&= Boolean(recordForm);
  can.recordNotification &&= Boolean(notificationForm);
  const hidden = (verb: string) => ({ verb, challengeId: challenge.id, version: challenge.version });
  const userIdOf = input.userIdOf ?? ((p: PersonRef) => p.id);
  const live = challenge.status === 'open';
  const deadline = deadlineView(
    record?.deadline,
    now,
    live,
    stage.deadline.kind === 'none' ? stage.deadline.guidance : undefined,
  );
  const owners = ownerLines(challenge, stage.owners);

  return {
    caseReference: challenge.caseReference,
    procedure: procedure.partnership,
    stage: { label: stage.label, title: stage.title, summary: stage.summary },
    movedOn: isStale(challenge, input.seenVersion),
    movedOnText: MOVED_ON,
    problem: input.notice?.text ?? '',
    noticeStyle: noticeStyle(input.notice),
    safety: SAFETY_REMINDER,
    status: statusLine(procedure, challenge),
    deadline,
    owners,
    you: viewer.roles.length
      ? `You are on this challenge as ${viewer.roles.map((r) => roleInWords(r)).join(' and ')}.`
      : 'You are on this challenge.',
    details: challengeDetails(procedure, challenge),
    history: stageHistory(procedure, challenge),
    pendingExtension: challenge.pendingExtension
      ? `More time asked for, until ${formatWhen(challenge.pendingExtension.until)}: ${challenge.pendingExtension.reason}`
      : '',
    can,
    groups: {
      decide: can.recordOutcome || can.escalate || can.resolve,
      time: can.requestExtension || can.agreeExtension || can.declineExtension || can.pause || can.resume,
      record: can.handOver || can.recordMeeting || can.recordNotification || can.assignLogId,
    },
    outcomeForm: {
      title: recordForm?.title ?? '',
      fields: recordForm
        ? fieldInputs('recordOutcome', fieldsFor(recordForm, viewer.roles), input.agencies, record?.outcome)
        : [],
    },
    notificationForm: {
      formId: notificationForm?.id ?? '',
      title: notificationForm ? (notificationForm.document ?? notificationForm.title) : '',
      fields: notificationForm
        ? fieldInputs('recordNotification', fieldsFor(notificationForm, viewer.roles), input.agencies)
        : [],
    },
    escalate: escalateData(procedure, stage, viewer),
    handOver: {
      roles: viewer.roles.map((r) => ({ title: capitalise(roleInWords(r)), value: r })),
      role: viewer.roles[0] ?? '',
      people: personChoices((input.people ?? []).filter((p) => p.id !== viewer.id)),
    },
    data: {
      ...Object.fromEntries(BUTTON_VERBS.map((v) => [v, hidden(v)])),
      recordNotification: { ...hidden('recordNotification'), formId: notificationForm?.id ?? '' },
      refresh: hidden('refresh'),
    },
    refreshUserIds: peopleOnChallenge(challenge)
      .filter((p) => p.reachable)
      .slice(0, MAX_REFRESH_USERS)
      .map(userIdOf),
  };
}
export type StageCardData = ReturnType<typeof toStageCardData>;
