/**
 * The partnership's other records over the sample challenges: the repeat-agency watch
 * (DUR-11), learning themes (NEW-9), the record of the stages the partnership owns (DUD-7),
 * each partnership's own form filled from a challenge's record (LEE-11, DAR-7, DAR-5, DUR-10,
 * DUD-6), the tab's view of one challenge, and the subject access record.
 */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import type { Procedure } from '../../../src/procedures/schema';
import { eventsForViewer, forViewer, partnershipAccessOf, viewOf } from '../../../src/reports/access';
import { challengeView } from '../../../src/reports/challenge-view';
import { learningThemes } from '../../../src/reports/learning';
import { partnershipOutcomes } from '../../../src/reports/partnership-outcomes';
import { yearOf } from '../../../src/reports/periods';
import { printableDocuments, printableForm, type PrintedForm } from '../../../src/reports/printable-form';
import { repeatAgencyWatch } from '../../../src/reports/repeat-agency';
import { subjectAccessRecord } from '../../../src/reports/subject-access';
import { calendarOf } from '../../../src/workflow';
import { byReference, sampleDirectory, sampleEntries } from './sample-entries';

const now = new Date('2026-12-01T10:00:00Z');
const rowOf = (form: PrintedForm, label: string) => {
  const row = form.sections.flatMap((s) => s.rows).find((r) => r.label === label);
  if (!row) throw new Error(`no row "${label}" in ${form.title}`);
  return row;
};
const headings = (form: PrintedForm) => form.sections.map((s) => s.heading);

describe('reports: the partnership records', () => {
  const entries = sampleEntries();
  const directory = sampleDirectory();
  const idOf = (name: string) => directory.people.find((p) => p.name === name)!.id;

  describe('DUR-11 repeat-agency watch', () => {
    const durham = getProcedure('durham');

    it('DUR-11 flags the third challenge to the same agency within the window, threshold and window from the procedure', () => {
      const watch = repeatAgencyWatch(durham, entries, now)!;
      assert.equal(watch.threshold, 3);
      assert.equal(watch.withinDays, 365);
      assert.equal(watch.rule, 'DUR-11');
      assert.deepEqual(watch.tell, ["the raising agency's oversight service manager"]);
      assert.deepEqual(
        watch.agencies.map((a) => [a.agency, a.count, a.flagged]),
        [['County Durham and Darlington NHS Foundation Trust', 3, true]],
      );
      assert.deepEqual(
        watch.agencies[0]!.challenges.map((c) => c.caseReference),
        ['DCC-LAC-0101', 'DCC-LAC-0102', 'DCC-LAC-0103'],
      );
    });

    it('DUR-11 the threshold and window are data: a higher threshold or a shorter window clears the flag', () => {
      const stricter: Procedure = { ...durham, repeatPattern: { ...durham.repeatPattern!, threshold: 4 } };
      assert.equal(repeatAgencyWatch(stricter, entries, now)!.agencies[0]!.flagged, false);
      // 60 days back from 1 Dec is 2 Oct: the September challenge drops out of the window.
      const shorter: Procedure = { ...durham, repeatPattern: { ...durham.repeatPattern!, withinDays: 60 } };
      const [agency] = repeatAgencyWatch(shorter, entries, now)!.agencies;
      assert.deepEqual([agency!.count, agency!.flagged], [2, false]);
    });

    it('DUR-11 a procedure without a repeat pattern keeps no watch', () => {
      assert.equal(repeatAgencyWatch(getProcedure('leeds'), entries, now), undefined);
    });
  });

  it('NEW-9 learning themes for the annual report: resolved challenges by area, with the learning recorded', () => {
    const newcastle = getProcedure('newcastle');
    const themes = learningThemes(newcastle, entries, yearOf(now));
    assert.deepEqual(
      themes.map((t) => [t.area, t.resolved, t.learning.length]),
      [
        ['A decision, action or lack of action about a referral', 1, 1],
        ['A decision, action or lack of action in an enquiry', 1, 0],
      ],
    );
    assert.deepEqual(themes[0]!.learning[0], {
      challengeId: byReference(entries, 'NPOL-2026-0101').challenge.id,
      caseReference: 'NPOL-2026-0101',
      stage: 'Step 6',
      text: 'Police must be invited to strategy discussions when a child has gone missing twice.',
      recordedAt: '2026-10-14T09:00:00.000Z',
    });
    assert.deepEqual(learningThemes(newcastle, entries, yearOf(new Date('2025-06-01T00:00:00Z'))), []);
  });

  it('DUD-7 the partnership keeps the record of every stage 4 outcome (the stages it owns)', () => {
    const dudley = getProcedure('dudley');
    const outcomes = partnershipOutcomes(dudley, entries);
    assert.equal(outcomes.length, 1);
    const [outcome] = outcomes;
    assert.equal(outcome!.stage, 'Stage 4');
    assert.equal(outcome!.endedBy, 'resolved');
    assert.equal(outcome!.agreedOutcome, 'The recommendation was accepted by both agencies.');
    assert.deepEqual(
      outcome!.answers.map((a) => a.label),
      [
        'Written representations received',
        'Date of meeting (if one was called)',
        'Recommendation: most appropriate action and resolution',
      ],
    );
  });

  describe('the partnerships own forms, filled from the record', () => {
    it('LEE-11 Leeds Appendix 3 under its own headings, as notified at step 3a, the outcome still blank', () => {
      const entry = byReference(entries, 'LCC-2026-0101');
      const form = printableForm(entry, 'stage-3-notification', { seesFamilyName: true })!;
      assert.equal(
        form.title,
        'Appendix 3: Professional Concerns Resolution Process; Stage 3 Notifications and Outcomes Form',
      );
      assert.deepEqual(headings(form), [
        'Notification: details of person providing notification',
        'Summary of notification',
        'Outcome of process and next steps',
      ]);
      assert.deepEqual(rowOf(form, 'Name').value, ['Eleanor Price']);
      assert.deepEqual(rowOf(form, 'Email and telephone').value, ['eleanor.price@parkside.example, 0113 496 0001']);
      assert.deepEqual(rowOf(form, 'Date of notification').value, ['2026-11-27']);
      assert.deepEqual(rowOf(form, 'Agencies involved').value, [
        'Parkside Primary School',
        'Leeds Children and Families Social Work Service',
      ]);
      assert.equal(rowOf(form, 'Steps taken to date').source, 'form');
      assert.equal(rowOf(form, 'Outcome and any Next Steps').source, 'blank');
      assert.equal(rowOf(form, 'Date of outcome').source, 'blank');
      assert.equal(form.returnTo, 'To be returned to lscp.info@leeds.gov.uk FAO LSCP Business Manager');
    });

    it('DAR-7 the recording tool as recorded at stage 3, the business unit box filled from the log (DAR-6)', () => {
      const entry = byReference(entries, 'DAR-ASC-0201');
      const form = printableForm(entry, 'recording-tool', { seesFamilyName: true })!;
      assert.equal(form.title, 'Appendix 1: Professional Challenge Recording Tool (Level 3)');
      assert.match(form.notes[0]!, /Only to be used at Stage 3/);
      assert.deepEqual(rowOf(form, 'Date Challenge raised').value, ['2026-10-12']);
      assert.deepEqual(rowOf(form, 'Challenge initiated by: Organisation').value, ['Darlington Adult Social Care']);
      assert.deepEqual(rowOf(form, 'What do you see as the barriers towards reaching a resolution?').value, [
        'Different readings of consent to share the medication review.',
      ]);
      assert.equal(headings(form).at(-1), 'To be completed by DSP Business Unit only');
      assert.deepEqual([rowOf(form, 'ID Number').value, rowOf(form, 'ID Number').source], [['DSP-2026-014'], 'record']);
      assert.deepEqual(rowOf(form, 'Date recorded').value, ['2026-10-20T09:00:00.000Z']);
      const stage = rowOf(form, 'Details of the stage of the process this issue was resolved');
      assert.deepEqual(stage.checklist, [
        { label: 'Stage 3', checked: true },
        { label: 'Stage 4', checked: false },
        { label: 'Stage 5', checked: false },
      ]);
    });

    it('DAR-7 before stage 3 is recorded, the tool is filled from the challenge where it can be', () => {
      const entry = byReference(entries, 'DAR-GP-0103');
      const form = printableForm(entry, 'recording-tool', { seesFamilyName: true })!;
      assert.deepEqual(
        [rowOf(form, 'Challenge initiated by: Name').value, rowOf(form, 'Challenge initiated by: Name').source],
        [['Gail Young'], 'record'],
      );
      assert.deepEqual(rowOf(form, 'What is the area of disagreement').value, ['Response to a safeguarding concern']);
      assert.equal(rowOf(form, 'What do you see as the barriers towards reaching a resolution?').source, 'blank');
    });

    it('DAR-5 the stage 5 report to the statutory safeguarding partners with its five questions', () => {
      const form = printableForm(byReference(entries, 'DAR-GP-0103'), 'stage-5-report', { seesFamilyName: true })!;
      assert.deepEqual(
        form.sections.flatMap((s) => s.rows.map((r) => r.label)),
        [
          'What was the challenge?',
          'What was done to address the challenge?',
          'What was the outcome of these actions?',
          'How was the issue resolved?',
          'Are the professionals involved satisfied with the outcome?',
        ],
      );
      assert.deepEqual(rowOf(form, 'Are the professionals involved satisfied with the outcome?').value, ['No.']);
    });

    it('DUR-10 the compliance challenge form runs across its stage records; the family name only for people on it', () => {
      const entry = byReference(entries, 'DCC-LAC-0103');
      const form = printableForm(entry, 'compliance-challenge-form', { seesFamilyName: true })!;
      assert.deepEqual(headings(form), [
        'Information',
        'Identified Issue',
        "The IRO's concern and what we would like to see happening",
        "Stage 2: Line Manager's Response (3 Working Days)",
        'Stage 3 (5 Working Days)',
        'Stage 4 (7 Working Days)',
        'Stage 5: Reasons for escalation to DSCP',
      ]);
      assert.deepEqual(rowOf(form, 'Family name').value, ['Quartermaine']);
      assert.deepEqual(
        rowOf(form, 'Identified Issue')
          .checklist!.filter((c) => c.checked)
          .map((c) => c.label),
        ['Reports not sent to QRT within timescales to be shared with professional', 'Lack of report'],
      );
      assert.deepEqual(form.signatures, ['IRO signature']);
      const withheld = printableForm(entry, 'compliance-challenge-form', { seesFamilyName: false })!;
      assert.deepEqual([rowOf(withheld, 'Family name').value, rowOf(withheld, 'Family name').source], [[], 'withheld']);
      assert.doesNotMatch(JSON.stringify(withheld), /Quartermaine/);
    });

    it('DUD-6 Dudley has its Professional Challenge and Resolution Template; a procedure lists only its own documents', () => {
      assert.deepEqual(
        printableDocuments(getProcedure('dudley')).map((d) => d.title),
        ['Professional Challenge and Resolution Template'],
      );
      assert.deepEqual(
        printableDocuments(getProcedure('darlington')).map((d) => d.id),
        ['recording-tool', 'stage-5-report'],
      );
      assert.equal(
        printableForm(byReference(entries, 'NPA-2026-0101'), 'recording-tool', { seesFamilyName: true }),
        undefined,
      );
    });
  });

  describe('who sees what (DUR-10)', () => {
    it('DUR-10 partnership leads see their partnership only; the family name stays with the people on the challenge', () => {
      const entry = byReference(entries, 'DCC-LAC-0103');
      const access = partnershipAccessOf(directory.partnerships, idOf('Pia Ward'));
      assert.deepEqual(
        access.map((a) => [a.partnershipId, a.roles, a.subjectAccess]),
        [['durham', ['businessUnit'], true]],
      );
      assert.equal(viewOf(entry.challenge, idOf('Pia Ward'), access), 'onChallenge');
      assert.equal(
        viewOf(entry.challenge, idOf('Tess Wynn'), partnershipAccessOf(directory.partnerships, idOf('Tess Wynn'))),
        undefined,
      );
      assert.equal(viewOf(entry.challenge, idOf('Amira Khan'), []), undefined);
      // A lead of the partnership who is not on the challenge (here: a coordinator added to Durham).
      const coordinatorAccess = [
        {
          partnershipId: 'durham',
          name: 'Durham',
          procedureId: 'durham',
          roles: ['coordinator' as const],
          subjectAccess: false,
        },
      ];
      assert.equal(viewOf(entry.challenge, 'someone-else', coordinatorAccess), 'partnership');
      const seen = forViewer(entry.procedure, entry.challenge, 'someone-else');
      const history = eventsForViewer(entry.procedure, entry.challenge, entry.events, 'someone-else');
      assert.match(JSON.stringify(entry.challenge), /Quartermaine/);
      assert.doesNotMatch(JSON.stringify(seen), /Quartermaine/);
      assert.doesNotMatch(JSON.stringify(history), /Quartermaine/);
      assert.match(JSON.stringify(forViewer(entry.procedure, entry.challenge, idOf('Jade Fox'))), /Quartermaine/);
    });
  });

  it('LEE-6 the tab shows the timeline: stages done and to come with their deadlines, working days left, paused spans', () => {
    const entry = byReference(entries, 'LCC-2026-0101');
    const view = challengeView({
      ...entry,
      viewerId: idOf('Amira Khan'),
      now,
      calendar: calendarOf(entry.procedure),
    });
    assert.deepEqual(
      view.timeline.stages.map((s) => [s.label, s.state, s.deadline, s.late]),
      [
        ['Step 1', 'done', '2026-11-16T17:00:00.000Z', false],
        ['Step 2', 'done', '2026-11-25T17:00:00.000Z', true],
        ['Step 3a', 'now', '2026-12-02T17:00:00.000Z', false],
        ['Step 3b', 'toCome', '2026-12-02T17:00:00.000Z', false],
        ['Stage 4', 'toCome', '2026-12-02T17:00:00.000Z', false],
      ],
    );
    assert.equal(view.timeline.stages[2]!.workingDaysLeft, 1);
    assert.deepEqual(
      view.heldBy.map((p) => p.name),
      ['Eleanor Price', 'Kemi Adeyemi'],
    );
    assert.deepEqual(view.yourRoles, ['the raiser']);
    const paused = byReference(entries, 'LCC-2026-0103');
    const pausedView = challengeView({
      ...paused,
      viewerId: idOf('Amira Khan'),
      now,
      calendar: calendarOf(paused.procedure),
    });
    assert.deepEqual(pausedView.timeline.paused, [
      { from: '2026-11-18T09:00:00.000Z', until: '2026-11-23T09:00:00.000Z' },
    ]);
    const later = challengeView({
      ...entry,
      viewerId: idOf('Amira Khan'),
      now: new Date('2026-12-04T10:00:00Z'),
      calendar: calendarOf(entry.procedure),
    });
    assert.deepEqual([later.timeline.stages[2]!.overdue, later.timeline.stages[2]!.workingDaysOverdue], [true, 2]);
  });

  it('the subject access record holds the whole history in words and as stored', () => {
    const entry = byReference(entries, 'DAR-ASC-0201');
    const record = subjectAccessRecord({
      ...entry,
      refusals: [
        {
          at: '2026-10-14T09:00:00Z',
          actor: { id: 'x', name: 'Gail Young' },
          commandType: 'escalate',
          code: 'notOwner',
          reason: 'Only the raiser.',
        },
      ],
      now,
      requestedBy: { id: idOf('Tess Wynn'), name: 'Tess Wynn' },
    });
    assert.equal(record.events.length, entry.events.length);
    assert.deepEqual(
      record.history.map((h) => h.what),
      [
        'Challenge raised',
        'Stage entered',
        'Escalated',
        'Stage entered',
        'Escalated',
        'Stage entered',
        'Log ID given',
        'Stage outcome recorded',
        'Resolved',
      ],
    );
    const recorded = record.history.find((h) => h.what === 'Stage outcome recorded')!;
    assert.ok(
      recorded.details.some((d) => d.label === 'What do you see as the barriers towards reaching a resolution?'),
    );
    assert.equal(record.refusals.length, 1);
    assert.ok(record.people.some((p) => p.name === 'Tess Wynn' && p.role === 'the partnership business unit'));
  });
});
