/**
 * What a viewer can do on the stage card, as sub-forms: each button the workflow allows them,
 * its inputs (with what they sent and why it was not accepted, when a press comes back), and
 * which one or two are the next step the procedure expects of them (the primary buttons); the
 * rest go under "More actions". Pure.
 */
import { stageOf } from '../../src/procedures/lookup';
import type { Procedure, Stage } from '../../src/procedures/schema';
import { describeOwners } from '../../src/workflow/roles';
import type { Challenge } from '../../src/workflow/types';
import { datasetName } from '../datasets';
import { INPUT_LIMITS } from '../limits';
import { COMMAND_VERBS, type CommandVerb } from '../verbs';
import { formatWhen } from './format';
import { fieldInputs, fieldsFor, input, type FieldInput, type Kept } from './form-fields';
import { capitalise, personChoices, type DirectoryPerson } from './people';
import { quote } from './stage-situation';
import type { Viewer } from './viewer';
import { roleInWords } from './wording';

/** The commands a stage card offers as buttons, in the order "More actions" lists them: every command verb (cards/verbs.ts). */
export const BUTTON_VERBS = COMMAND_VERBS;
export type ButtonVerb = CommandVerb;

/** A press that came back: its sub-form is shown open, the input kept, each error beside its field. */
export interface FormErrors {
  verb: ButtonVerb;
  errors: Record<string, string>;
  values: Record<string, unknown>;
}

export interface SubForm {
  verb: ButtonVerb;
  /** The button that opens it. */
  title: string;
  style: 'positive' | 'default';
  intro: string;
  fields: FieldInput[];
  /** False for a button that acts at once (Resume). */
  hasForm: boolean;
  submit: string;
  data: Record<string, unknown>;
  /** Errors that belong to no field of the form, in words. */
  problem: string;
}

const TITLES: Record<ButtonVerb, [button: string, submit: string]> = {
  recordOutcome: ['Record outcome', 'Save outcome'],
  escalate: ['Escalate', 'Escalate'],
  resolve: ['Resolve', 'Resolve'],
  requestExtension: ['Ask for more time', 'Ask'],
  agreeExtension: ['Agree more time', 'Agree'],
  declineExtension: ['Decline more time', 'Decline'],
  pause: ['Pause', 'Pause'],
  resume: ['Resume', 'Resume'],
  handOver: ['Hand over', 'Hand over'],
  recordMeeting: ['Record meeting', 'Save meeting'],
  recordNotification: ['Partnership form', 'Send to the partnership'],
  assignLogId: ['Assign log ID', 'Assign'],
};

export interface StageActionsInput {
  procedure: Procedure;
  challenge: Challenge;
  viewer: Viewer;
  /** "Hand over to": everyone it may name, or a short list when `morePeople` (cards/pickers.ts). */
  people?: readonly DirectoryPerson[];
  /** There are more than `people`: "Hand over to" is a typeahead that finds them. */
  morePeople?: boolean;
  /** The forms' 'agencies' fields: the partnership's agencies, or a short list of them when `moreAgencies`. */
  agencies?: readonly string[];
  /** The partnership has more agencies than `agencies`: the fields are a typeahead that finds the rest. */
  moreAgencies?: boolean;
  formErrors?: FormErrors;
}

function escalateFields(procedure: Procedure, stage: Stage, viewer: Viewer, kept: Kept): FieldInput[] {
  const targets = stage.escalateTo
    .map((id) => stageOf(procedure, id))
    .map((s) => ({ title: `${s.label}: ${s.title}`, value: s.id }));
  const route = procedure.immediateRoute;
  const immediate = route ? stageOf(procedure, route.stage) : undefined;
  const routes = viewer.escalateRoutes.map((r) =>
    r === 'next'
      ? { title: 'The next stage', value: 'next' }
      : { title: `Immediate route: ${immediate ? `${immediate.label}, ${immediate.title}` : ''}`, value: 'immediate' },
  );
  const fields = [input('escalate', 'reason', 'Why it needs to go further', { required: true, multiline: true }, kept)];
  // Where to go is asked only when there is a choice on the ordinary ladder.
  if (viewer.escalateRoutes.includes('next') && targets.length > 1) {
    fields.push(
      input(
        'escalate',
        'to',
        'Escalate to',
        { input: 'choice', choices: targets, value: targets[0]?.value ?? '' },
        kept,
      ),
    );
  }
  // Shown whenever the immediate route is open, even alone, so the person sees which route it is.
  if (viewer.escalateRoutes.includes('immediate')) {
    fields.push(
      input(
        'escalate',
        'route',
        'Route',
        { input: 'choice', choices: routes, value: routes[0]?.value ?? 'next' },
        kept,
      ),
    );
  }
  return fields;
}

function escalateIntro(procedure: Procedure, stage: Stage, viewer: Viewer): string {
  const next = stage.escalateTo[0] ? stageOf(procedure, stage.escalateTo[0]) : undefined;
  if (!next || !viewer.escalateRoutes.includes('next'))
    return 'Say why, in your own words: the next owners read it first.';
  return `It goes to ${next.label}, ${next.title} (${describeOwners(next.owners)}), who read your reason first; the raiser is told.`;
}

/** Every sub-form the viewer may open, in BUTTON_VERBS order. */
function subForms(input_: StageActionsInput): SubForm[] {
  const { procedure, challenge, viewer, formErrors } = input_;
  const stage = stageOf(procedure, challenge.stageId);
  const record = challenge.stages.filter((s) => s.stageId === stage.id).at(-1);
  const allowed = new Set(viewer.allowed);
  const recordForm = procedure.forms.find((f) => f.id === stage.record);
  const notificationForm = procedure.forms.find((f) => f.id === viewer.notificationForms[0]);
  const pending = challenge.pendingExtension
    ? `More time is asked for, until ${formatWhen(challenge.pendingExtension.until)}: ${quote(challenge.pendingExtension.reason)}`
    : '';
  const keptFor = (verb: ButtonVerb): Kept =>
    formErrors?.verb === verb ? { values: formErrors.values, errors: formErrors.errors } : {};
  const hidden = (verb: string) => ({ verb, challengeId: challenge.id, version: challenge.version });
  const agencies = {
    names: input_.agencies ?? [],
    ...(input_.moreAgencies ? { dataset: datasetName({ kind: 'agencies', challengeId: challenge.id }) } : {}),
  };
  const handOverTo = personChoices((input_.people ?? []).filter((p) => p.id !== viewer.id));
  const text = (verb: ButtonVerb, id: string, label: string, multiline = true) =>
    input(verb, id, label, { required: true, multiline }, keptFor(verb));

  const forms: Partial<Record<ButtonVerb, { intro: string; fields: FieldInput[] }>> = {
    recordOutcome: recordForm && {
      intro: recordForm.title,
      fields: fieldInputs('recordOutcome', fieldsFor(recordForm, viewer.roles), agencies, {
        values: formErrors?.verb === 'recordOutcome' ? formErrors.values : record?.outcome,
        errors: keptFor('recordOutcome').errors,
      }),
    },
    escalate: {
      intro: escalateIntro(procedure, stage, viewer),
      fields: escalateFields(procedure, stage, viewer, keptFor('escalate')),
    },
    resolve: {
      intro: 'Record what was agreed; the raiser is told the outcome.',
      fields: [
        text('resolve', 'agreedOutcome', 'Agreed outcome'),
        text('resolve', 'outstandingIssues', 'How outstanding issues will be pursued'),
      ],
    },
    requestExtension: {
      intro: `Another owner of ${stage.label} agrees or declines it.`,
      fields: [
        input(
          'requestExtension',
          'until',
          'New deadline',
          { required: true, input: 'date' },
          keptFor('requestExtension'),
        ),
        text('requestExtension', 'reason', 'Reason'),
      ],
    },
    agreeExtension: {
      intro: pending,
      fields: [input('agreeExtension', 'reason', 'Comment (optional)', { multiline: true }, keptFor('agreeExtension'))],
    },
    declineExtension: { intro: pending, fields: [text('declineExtension', 'reason', 'Reason')] },
    pause: {
      intro: procedure.pauseStopsClock
        ? 'Pausing stops the clock until it is resumed (for example sickness or a cancelled meeting).'
        : 'Pausing holds the challenge until it is resumed; its deadlines stand.',
      fields: [text('pause', 'reason', 'Reason')],
    },
    resume: { intro: '', fields: [] },
    // Offered only when the directory has someone to hand over to (a choice list is never empty).
    handOver:
      handOverTo.length === 0
        ? undefined
        : {
            intro: 'Hand your part in this challenge to someone else (for example during sickness or leave).',
            fields: [
              input(
                'handOver',
                'role',
                'Your role to hand over',
                {
                  input: 'choice',
                  choices: viewer.roles.map((r) => ({ title: capitalise(roleInWords(r)), value: r })),
                  value: viewer.roles[0] ?? '',
                },
                keptFor('handOver'),
              ),
              // Everyone it may name, or a typeahead: a short list on the card, the bot finds the rest.
              input(
                'handOver',
                'toPersonId',
                'Hand over to',
                input_.morePeople
                  ? {
                      required: true,
                      input: 'lookup',
                      dataset: datasetName({ kind: 'handOver', challengeId: challenge.id }),
                      choices: handOverTo,
                      placeholder: 'Start typing a name, role or agency',
                    }
                  : {
                      required: true,
                      input: 'choice',
                      style: 'filtered',
                      choices: handOverTo,
                      placeholder: 'Start typing a name',
                    },
                keptFor('handOver'),
              ),
            ],
          },
    recordMeeting: {
      intro: '',
      fields: [
        input(
          'recordMeeting',
          'date',
          'Date of the meeting',
          { required: true, input: 'date' },
          keptFor('recordMeeting'),
        ),
        text('recordMeeting', 'attendees', 'Who attended (names, separated by commas)', false),
        input('recordMeeting', 'familyAttended', 'The family attended', { input: 'toggle' }, keptFor('recordMeeting')),
        text('recordMeeting', 'outcome', 'Outcome'),
        text('recordMeeting', 'actions', 'Actions agreed, with timescales'),
      ],
    },
    recordNotification: notificationForm && {
      intro: notificationForm.document ?? notificationForm.title,
      fields: fieldInputs(
        'recordNotification',
        fieldsFor(notificationForm, viewer.roles),
        agencies,
        keptFor('recordNotification'),
      ),
    },
    assignLogId: {
      intro: `The ${procedure.partnership} Professional Challenge Log ID.`,
      fields: [
        input(
          'assignLogId',
          'logId',
          'Professional Challenge Log ID',
          { required: true, maxLength: INPUT_LIMITS.logId },
          keptFor('assignLogId'),
        ),
      ],
    },
  };

  return BUTTON_VERBS.filter((verb) => allowed.has(verb) && forms[verb]).map((verb): SubForm => {
    const form = forms[verb]!;
    const fieldIds = new Set(form.fields.map((f) => f.id.slice(verb.length + 1)));
    const stray = Object.entries(keptFor(verb).errors ?? {})
      .filter(([field]) => !fieldIds.has(field.startsWith(`${verb}.`) ? field.slice(verb.length + 1) : field))
      .map(([, message]) => message);
    return {
      verb,
      title: TITLES[verb][0],
      style: 'default',
      intro: form.intro,
      fields: form.fields,
      hasForm: form.fields.length > 0,
      submit: TITLES[verb][1],
      data: verb === 'recordNotification' ? { ...hidden(verb), formId: notificationForm?.id ?? '' } : hidden(verb),
      problem: [...new Set(stray)].join(' '),
    };
  });
}

/**
 * The next step the procedure expects of this viewer, most pressing first: resume a paused
 * challenge, answer a request for more time, send a partnership form that is due, give a log
 * ID, record the stage's outcome, then move it on (escalate) or close it (resolve, for owners).
 */
function nextSteps(input_: StageActionsInput): ButtonVerb[] {
  const { procedure, challenge, viewer } = input_;
  const stage = stageOf(procedure, challenge.stageId);
  const record = challenge.stages.at(-1);
  const owns = viewer.roles.some((r) => stage.owners.includes(r));
  const sent = new Set(challenge.notifications.map((n) => n.formId));
  const steps: [ButtonVerb, boolean][] = [
    ['resume', challenge.status === 'paused'],
    ['agreeExtension', Boolean(challenge.pendingExtension)],
    ['declineExtension', Boolean(challenge.pendingExtension)],
    ['recordNotification', viewer.notificationForms.some((f) => !sent.has(f))],
    ['assignLogId', !challenge.logId],
    ['recordOutcome', owns && !record?.outcomeRecordedAt],
    ['escalate', true],
    ['resolve', owns],
  ];
  return steps.filter(([, expected]) => expected).map(([verb]) => verb);
}

export function stageActions(input_: StageActionsInput): { primary: SubForm[]; more: SubForm[]; inline?: SubForm } {
  const forms = subForms(input_);
  const open = input_.formErrors && forms.find((f) => f.verb === input_.formErrors!.verb);
  const rest = forms.filter((f) => f !== open);
  const wanted = nextSteps(input_)
    .filter((verb) => rest.some((f) => f.verb === verb))
    .slice(0, 2);
  const primary = wanted.map((verb) => ({ ...rest.find((f) => f.verb === verb)!, style: 'positive' as const }));
  return {
    primary,
    more: rest.filter((f) => !wanted.includes(f.verb)),
    ...(open ? { inline: { ...open, style: 'positive' as const } } : {}),
  };
}
