/** Raising a challenge: what it must record, who may raise it, where it starts. */
import assert from 'node:assert/strict';
import { getProcedure } from '../../../src/procedures';
import type { ChallengeEvent } from '../../../src/workflow';
import { castFor, person, raiseCommand, Run } from './helpers';

const when = '2026-12-23T10:00';

describe('workflow: raising a challenge', () => {
  it('COM-2 the challenge records who raised it, with whom, the area, concern, desired outcome, evidence and case reference', () => {
    const run = new Run(getProcedure('dudley'));
    run.raise(when);
    const c = run.c;
    assert.equal(c.raisedBy.id, 'raising.practitioner');
    assert.equal(c.raisedWith.id, 'receiving.practitioner');
    assert.deepEqual(c.areas, [getProcedure('dudley').areasOfDisagreement[0]]);
    assert.equal(c.caseReference, 'CR-2026-0042');
    assert.ok(c.concern && c.desiredOutcome && c.evidence);
    assert.equal(c.raisedAt, '2026-12-23T10:00:00.000Z');
    assert.equal(c.stageId, 'stage-1');
    assert.equal(c.status, 'open');
    assert.equal(c.version, 2);
  });

  const missing: [string, Partial<ReturnType<typeof raiseCommand>>, RegExp][] = [
    ['a blank case reference', { caseReference: ' ' }, /Case reference/],
    ['a blank concern', { concern: '' }, /The concern/],
    ['no desired outcome', { desiredOutcome: '' }, /What you want to happen/],
    ['no evidence', { evidence: '' }, /evidence-based reason/],
    ['no area', { areas: [] }, /area of disagreement/],
    ['an area not on the list', { areas: ['Parking'] }, /"Parking" is not one of/],
  ];
  for (const [what, overrides, reason] of missing) {
    it(`COM-2 a raise with ${what} is refused`, () => {
      const run = new Run(getProcedure('dudley'));
      const command = raiseCommand(run.procedure, overrides);
      const refusal = run.refused(command.raisedBy.id, command, when);
      assert.equal(refusal.code, 'invalid');
      assert.match(refusal.reason, reason);
    });
  }

  it('COM-2 a challenge is raised in your own name, with someone else', () => {
    const run = new Run(getProcedure('dudley'));
    const command = raiseCommand(run.procedure);
    assert.equal(run.refused('raising.lineManager', command, when).code, 'notAllowed');
    const self = raiseCommand(run.procedure, { raisedWith: command.raisedBy });
    assert.match(run.refused(self.raisedBy.id, self, when).reason, /someone else/);
  });

  it('COM-2 the raiser and the professional it is raised with hold the practitioner roles even if the cast left them out', () => {
    const run = new Run(getProcedure('dudley'));
    const participants = castFor(run.procedure);
    delete participants['receiving.practitioner'];
    const command = raiseCommand(run.procedure, {
      participants,
      raisedWith: person('other', { name: 'Other professional' }),
    });
    run.ok(command.raisedBy.id, command, when);
    assert.deepEqual(
      run.c.participants['receiving.practitioner']?.map((p) => p.id),
      ['other'],
    );
  });

  it('DUR-1 only an Independent Reviewing Officer may raise a Durham challenge', () => {
    const run = new Run(getProcedure('durham'));
    const social = raiseCommand(run.procedure);
    const notIro = { ...social, raisedBy: { ...social.raisedBy, role: 'Social worker' } };
    const refusal = run.refused(notIro.raisedBy.id, notIro, when);
    assert.equal(refusal.code, 'notAllowed');
    assert.match(refusal.reason, /raised by an Independent Reviewing Officer; your role is Social worker/);
    for (const role of ['Independent Reviewing Officer', 'Senior IRO', 'IRO']) {
      const r = new Run(getProcedure('durham'));
      const command = { ...social, raisedBy: { ...social.raisedBy, role } };
      r.ok(command.raisedBy.id, command, when);
    }
  });

  it("DUD-4 a Dudley (unlimited) challenge may be raised whatever the raiser's role", () => {
    const run = new Run(getProcedure('dudley'));
    const command = raiseCommand(run.procedure);
    run.ok(command.raisedBy.id, { ...command, raisedBy: { ...command.raisedBy, role: 'Volunteer coordinator' } }, when);
  });

  it('DUR-9 a Durham challenge may name one or more identified issues; a Dudley one only one', () => {
    const durham = new Run(getProcedure('durham'));
    const areas = durham.procedure.areasOfDisagreement.slice(0, 3);
    durham.raise(when, { areas });
    assert.deepEqual(durham.c.areas, areas);
    const dudley = new Run(getProcedure('dudley'));
    const command = raiseCommand(dudley.procedure, { areas: dudley.procedure.areasOfDisagreement.slice(0, 2) });
    assert.match(dudley.refused(command.raisedBy.id, command, when).reason, /choose one area/);
  });

  it("DAR-8 a Darlington challenge takes an area from the partnership's own list", () => {
    const run = new Run(getProcedure('darlington'));
    const area = run.procedure.areasOfDisagreement.find((a) => /mental capacity/i.test(a));
    assert.ok(area);
    run.raise(when, { areas: [area] });
    const other = raiseCommand(getProcedure('darlington'), {
      areas: ['Lack of attendance at core groups/care team meetings/conference'],
    });
    assert.equal(new Run(getProcedure('darlington')).refused(other.raisedBy.id, other, when).code, 'invalid');
  });

  it('DUR-10 Durham holds the family name; no other procedure takes one', () => {
    const run = new Run(getProcedure('durham'));
    const decision = run.raise(when, { familyName: 'Smithson' });
    assert.equal(run.c.familyName, 'Smithson');
    assert.ok(decision.ok);
    const named = raiseCommand(getProcedure('durham'), { familyName: 'Smithson', caseReference: 'SMITHSON-1' });
    assert.match(
      new Run(getProcedure('durham')).refused(named.raisedBy.id, named, when).reason,
      /agency reference, not the family name/,
    );
    const leeds = raiseCommand(getProcedure('leeds'), { familyName: 'Smithson' });
    assert.match(
      new Run(getProcedure('leeds')).refused(leeds.raisedBy.id, leeds, when).reason,
      /does not ask for the family name/,
    );
  });

  it('NEW-10 Newcastle takes a challenge to a child protection conference outcome, with the conference date', () => {
    const run = new Run(getProcedure('newcastle'));
    run.raise(when, { kind: 'conferenceDissent', conferenceDate: '2026-12-21' });
    assert.equal(run.c.kind, 'conferenceDissent');
    assert.equal(run.c.conferenceDate, '2026-12-21');
    const noDate = raiseCommand(getProcedure('newcastle'), { kind: 'conferenceDissent' });
    assert.match(
      new Run(getProcedure('newcastle')).refused(noDate.raisedBy.id, noDate, when).reason,
      /date of the conference/,
    );
    const future = raiseCommand(getProcedure('newcastle'), { kind: 'conferenceDissent', conferenceDate: '2027-01-04' });
    assert.match(new Run(getProcedure('newcastle')).refused(future.raisedBy.id, future, when).reason, /future/);
    const leeds = raiseCommand(getProcedure('leeds'), { kind: 'conferenceDissent', conferenceDate: '2026-12-21' });
    assert.match(
      new Run(getProcedure('leeds')).refused(leeds.raisedBy.id, leeds, when).reason,
      /no challenge to a conference outcome/,
    );
  });

  it('DAR-9 Darlington and Dudley cover adults at risk; Leeds covers children only', () => {
    new Run(getProcedure('darlington')).raise(when, { subject: 'adult' });
    new Run(getProcedure('dudley')).raise(when, { subject: 'adult' });
    const leeds = raiseCommand(getProcedure('leeds'), { subject: 'adult' });
    assert.match(new Run(getProcedure('leeds')).refused(leeds.raisedBy.id, leeds, when).reason, /covers children only/);
  });

  it('NEW-8 an immediate challenge starts on the immediate route when the raiser is the safeguarding lead who agrees it', () => {
    const procedure = getProcedure('newcastle');
    const participants = castFor(procedure);
    const lead = participants['raising.safeguardingLead']?.[0];
    assert.ok(lead);
    participants['raising.practitioner'] = [lead];
    const run = new Run(procedure);
    run.raise(when, { urgency: 'immediate', participants, raisedBy: lead });
    assert.equal(run.c.stageId, 'immediate');
    assert.equal(run.c.urgency, 'immediate');
    const byPractitioner = raiseCommand(procedure, { urgency: 'immediate' });
    const refusal = new Run(procedure).refused(byPractitioner.raisedBy.id, byPractitioner, when);
    assert.match(refusal.reason, /agreed by the raising agency's safeguarding lead: raise it as standard/);
  });

  it('NEW-8 the immediate route is refused where the procedure has none', () => {
    const command = raiseCommand(getProcedure('leeds'), { urgency: 'immediate' });
    const refusal = new Run(getProcedure('leeds')).refused(command.raisedBy.id, command, when);
    assert.equal(refusal.code, 'notAllowed');
    assert.match(refusal.reason, /no immediate route/);
  });

  it('a raise makes ChallengeRaised then StageEntered, both carrying who, when and the idempotency key', () => {
    const run = new Run(getProcedure('leeds'));
    const decision = run.raise(when);
    assert.ok(decision.ok);
    assert.deepEqual(
      decision.events.map((e: ChallengeEvent) => e.type),
      ['ChallengeRaised', 'StageEntered'],
    );
    for (const e of decision.events) {
      assert.equal(e.at, '2026-12-23T10:00:00.000Z');
      assert.equal(e.by.id, 'raising.practitioner');
      assert.equal(e.idempotencyKey, 'k1');
    }
  });
});
