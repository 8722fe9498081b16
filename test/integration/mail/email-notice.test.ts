/**
 * Email notices for people Teams cannot reach, through the real Communication Services client
 * against a local stand-in: the case reference, what is asked and by when, whom to contact;
 * never the child's or adult's name nor anything a practitioner typed.
 */
import assert from 'node:assert/strict';
import { createAcsMailer, createMailer } from '../../../src/mail/acs-mailer';
import { reachedByEmail } from '../../../src/mail/mailer';
import { emailNotice, noticeFacts } from '../../../src/mail/notice';
import { loadConfig } from '../../../src/config';
import { getProcedure } from '../../../src/procedures';
import { formatInstant } from '../../../src/calendar';
import { MailStandIn } from '../../support/mail-stand-in';
import { castFor, Run } from '../../unit/workflow/helpers';

const FAMILY = 'Zyxwortley';
const TYPED = 'SENTINEL the plan ignores the new partner';

describe('email notice to an external professional (COM-2)', () => {
  const mail = new MailStandIn();
  before(() => mail.start());
  after(() => mail.stop());

  const durham = getProcedure('durham');
  const run = new Run(durham);
  const external = {
    id: 'external:pat.kerr@police.example.org',
    name: 'Pat Kerr',
    role: 'Detective Sergeant',
    agency: 'Durham Constabulary',
    email: 'pat.kerr@police.example.org',
    reachable: false,
    external: true,
  };

  before(() => {
    run.raise('2027-01-04T10:00:00Z', {
      familyName: FAMILY,
      concern: TYPED,
      desiredOutcome: TYPED,
      evidence: TYPED,
      raisedWith: external,
      participants: { ...castFor(durham), 'receiving.practitioner': [external] },
    });
  });

  it('is received with the case reference, what is asked and by when, and whom to contact; no name, no typed text', async () => {
    const challenge = run.c;
    const mailer = createAcsMailer({
      sender: 'DoNotReply@challenge.example.org',
      connectionString: mail.connectionString,
      pollIntervalMs: 10,
    });
    assert.ok(reachedByEmail(external));
    const notice = emailNotice(external, noticeFacts(durham, challenge));
    const delivery = await mailer.send(notice);
    assert.equal(delivery.sent, true, JSON.stringify(delivery));

    assert.equal(mail.received.length, 1);
    const got = mail.received[0]!;
    assert.equal(got.authorization, 'HMAC-SHA256', 'signed by the real client');
    assert.equal(got.senderAddress, 'DoNotReply@challenge.example.org');
    assert.deepEqual(got.to, [{ address: 'pat.kerr@police.example.org', displayName: 'Pat Kerr' }]);
    const stage = durham.stages.find((s) => s.id === challenge.stageId)!;
    for (const text of [got.subject, got.plainText]) assert.match(text, new RegExp(challenge.caseReference));
    assert.ok(got.plainText.includes(`What is asked of you: ${stage.summary}`), 'what is asked');
    const deadline = challenge.stages.at(-1)!.deadline!;
    assert.ok(got.plainText.includes(`By when: ${formatInstant(deadline)}`), 'by when');
    const raiser = challenge.raisedBy;
    assert.ok(got.plainText.includes(`Whom to contact: ${raiser.name}`), 'whom to contact');
    for (const body of [got.subject, got.plainText, got.html]) {
      assert.ok(!body.includes(FAMILY), 'no family name');
      assert.ok(!body.includes('SENTINEL'), 'nothing a practitioner typed');
    }
    assert.doesNotMatch(got.plainText, /What the disagreement is about/, 'no areas unless the partnership allows them');
  });

  it('adds the areas of disagreement only where the partnership allows it', () => {
    const notice = emailNotice(external, noticeFacts(durham, run.c, { detail: 'areas' }));
    assert.ok(notice.plainText.includes(`What the disagreement is about: ${run.c.areas.join('; ')}.`));
  });

  it('is off unless configured, and then needs a sender and an endpoint', async () => {
    const off = createMailer(loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).mail);
    assert.equal(off.enabled, false);
    assert.deepEqual(await off.send(emailNotice(external, noticeFacts(durham, run.c))), { sent: false, reason: 'off' });
    assert.throws(
      () => loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', MAIL_NOTICES: '1' }),
      /MAIL_SENDER: required when MAIL_NOTICES=1[\s\S]*MAIL_ENDPOINT: required/,
    );
    const on = loadConfig({
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      MAIL_NOTICES: '1',
      MAIL_SENDER: 'DoNotReply@challenge.example.org',
      MAIL_ENDPOINT: 'https://challenge.uk.communication.azure.com',
    }).mail;
    assert.deepEqual(on, {
      enabled: true,
      sender: 'DoNotReply@challenge.example.org',
      endpoint: 'https://challenge.uk.communication.azure.com',
    });
  });

  it('reaches by email the people Teams cannot: external, not in Teams, or in a shared channel only', () => {
    const base = { id: 'p', name: 'P', email: 'p@x.example.org', reachable: false };
    assert.equal(reachedByEmail({ ...base, reach: 'email' }), true);
    assert.equal(reachedByEmail({ ...base, reach: 'sharedChannel' }), true);
    assert.equal(reachedByEmail({ ...base, reach: 'guest' }), false);
    assert.equal(reachedByEmail(base), false);
    assert.equal(reachedByEmail({ ...base, external: true, email: undefined }), false, 'no address, no email');
  });
});
