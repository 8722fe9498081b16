/**
 * Someone who installs the bot after their stage began gets the card waiting for them in the
 * chat they have just opened (a late install, or locally a playground opened late), with the
 * greeting; someone who owns nothing gets the greeting alone.
 */
import assert from 'node:assert/strict';
import { isStageCard, startBot, Walk, type Card } from './support';
import type { Harness } from '../../support/bot-harness';

describe('the cards waiting for someone who installs the bot', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startBot('waiting', '2027-01-04T10:00:00Z');
  });
  after(() => h.stop());

  it('gives Grace, who installs after Amira raised a challenge with her, her step 1 card (LEE-1)', async () => {
    await h.install('Amira Khan');
    const walk = new Walk(h);
    await walk.raise({ raiser: 'Amira Khan', caseReference: 'LCC-2027-0011', raisedWith: 'Grace Liu' });
    const grace = h.user('Grace Liu');
    assert.equal(
      h.channel.received.filter((r) => r.conversationId.includes(grace.aadObjectId)).length,
      0,
      'nothing reached her before she installed',
    );

    h.channel.clear();
    await h.install('Grace Liu');
    const cards = h.channel.received
      .map((r) => r.activity?.attachments?.[0]?.content as Card | undefined)
      .filter(isStageCard);
    assert.equal(cards.length, 1, 'one stage card');
    assert.match(JSON.stringify(cards[0]), /LCC-2027-0011: Step 1/);
    assert.ok(
      h.channel.received.some((r) => /I am \*\*Challenge\*\*/.test(r.activity?.text ?? '')),
      'and the greeting',
    );
  });

  it('gives Chloe, who owns no stage yet, only the greeting', async () => {
    h.channel.clear();
    await h.install('Chloe Brennan');
    assert.equal(h.channel.received.length, 1);
    assert.match(h.channel.received[0]!.activity.text, /I am \*\*Challenge\*\*/);
  });
});
