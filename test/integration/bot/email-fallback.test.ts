/**
 * Over HTTP: a challenge raised with an external professional who has an email address sends
 * them the notice by email (Azure Communication Services, here a local stand-in), from what
 * the raise owes: the case reference, what is asked and by when, whom to contact; never the
 * family name or anything typed. Teams notices to the raising side still go.
 */
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../../support/bot-harness';
import { MailStandIn } from '../../support/mail-stand-in';
import { installPartnership, Walk } from './support';

describe('email notice to someone Teams cannot reach (COM-2)', function () {
  this.timeout(60_000);
  const mail = new MailStandIn();
  let h: Harness;
  before(async () => {
    await mail.start();
    h = await startHarness('emailfallback', {
      now: '2026-11-24T10:00:00Z',
      env: {
        MAIL_NOTICES: '1',
        MAIL_SENDER: 'DoNotReply@challenge.example.org',
        MAIL_CONNECTION_STRING: mail.connectionString,
      },
      app: { through: (_conversationId, send) => send() },
    });
    await installPartnership(h, 'leeds');
  });
  after(async () => {
    await h.stop();
    await mail.stop();
  });

  it('the external professional named on the raise form gets the notice by email, with no case details', async () => {
    const external = {
      name: 'Dr Sam Patel',
      role: 'GP',
      agency: 'Chapel Allerton Surgery',
      email: 'sam.patel@nhs.example.net',
    };
    const w = new Walk(h);
    const o = await w.raise({ raiser: 'Amira Khan', caseReference: 'LCC-MAIL-1', raisedWith: { external } });
    await mail.waitFor(1);
    assert.equal(mail.received.length, 1, 'one email');
    const got = mail.received[0]!;
    assert.deepEqual(got.to, [{ address: external.email, displayName: external.name }]);
    assert.match(got.subject, /LCC-MAIL-1/);
    assert.match(got.plainText, /What is asked of you: /);
    assert.match(got.plainText, /By when: /);
    assert.match(got.plainText, /Whom to contact: Amira Khan/);
    const typed = 'The referral was closed with no assessment';
    for (const body of [got.subject, got.plainText, got.html]) assert.ok(!body.includes(typed), 'nothing typed');
    assert.equal(o.noticesTo('Amira Khan').length, 1, 'the raiser is still told in Teams');
  });
});
