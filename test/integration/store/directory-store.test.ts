import assert from 'node:assert/strict';
import { describe, it, before } from 'mocha';
import type { Stores } from '../../../src/store';
import { freshStores } from '../../support/azurite';

describe('directory and conversation stores (Azurite)', () => {
  let stores: Stores;
  before(async () => {
    stores = await freshStores('directory');
  });

  it('round-trips people, agencies and partnerships, with defaults filled by the schema', async () => {
    const { people, agencies, partnerships } = stores.directory;
    const partnership = await partnerships.upsert({
      id: 'leeds',
      name: 'Leeds Safeguarding Children Partnership',
      procedureId: 'leeds-children',
      businessUnitIds: ['p-bu'],
      challengeChannel: {
        teamId: 'team-1',
        channelId: '19:abc@thread.tacv2',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
      },
    });
    assert.deepEqual(partnership.executiveIds, []);
    await agencies.upsert({
      id: 'police',
      name: 'West Yorkshire Police',
      partnershipId: 'leeds',
      safeguardingLeadIds: ['p-lead'],
    });
    await agencies.upsert({ id: 'school', name: 'A School', partnershipId: 'elsewhere' });
    await people.upsert({
      id: 'p-1',
      name: 'Ann Able',
      email: 'ann@example.org',
      role: 'Detective Sergeant',
      agencyId: 'police',
      lineManagerId: 'p-2',
    });
    await people.upsert({
      id: 'p-2',
      name: 'Bob Boss',
      email: 'bob@example.org',
      role: 'Inspector',
      agencyId: 'police',
      reachable: true,
    });
    await people.upsert({
      id: 'p-3',
      name: 'Cat Class',
      email: 'cat@example.org',
      role: 'Teacher',
      agencyId: 'school',
    });

    assert.deepEqual(await partnerships.get('leeds'), partnership);
    assert.equal((await people.get('p-1'))?.reachable, false);
    assert.equal((await people.get('p-1'))?.lineManagerId, 'p-2');
    assert.deepEqual((await people.inAgency('police')).map((p) => p.id).sort(), ['p-1', 'p-2']);
    assert.deepEqual(
      (await agencies.inPartnership('leeds')).map((a) => a.id),
      ['police'],
    );
    assert.equal((await people.list()).length, 3);
    assert.equal(await people.get('nobody'), undefined);
  });

  it('replaces a person on upsert and removes one', async () => {
    const { people } = stores.directory;
    await people.upsert({ id: 'p-4', name: 'Dee', email: 'dee@example.org', role: 'Nurse', agencyId: 'health' });
    await people.upsert({
      id: 'p-4',
      name: 'Dee',
      email: 'dee@example.org',
      role: 'Nurse',
      agencyId: 'health',
      reachable: true,
    });
    assert.equal((await people.get('p-4'))?.reachable, true);
    assert.equal(await people.remove('p-4'), true);
    assert.equal(await people.remove('p-4'), false);
    assert.equal(await people.get('p-4'), undefined);
  });

  it('refuses a person that fails the schema, storing nothing', async () => {
    await assert.rejects(
      stores.directory.people.upsert({ id: 'p-bad', name: 'Bad', email: 'not-an-email', role: 'x', agencyId: 'a' }),
    );
    assert.equal(await stores.directory.people.get('p-bad'), undefined);
  });

  it('round-trips a conversation reference per user and a thread per challenge', async () => {
    const reference = {
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      channelId: 'msteams',
      conversation: { id: 'a:1xyz', conversationType: 'personal', tenantId: 't-1' },
      user: { id: '29:abc', aadObjectId: 'p-1' },
      bot: { id: '28:bot', name: 'Challenge' },
      locale: 'en-GB',
    };
    await stores.conversations.saveUserReference('p-1', reference);
    assert.deepEqual(await stores.conversations.getUserReference('p-1'), reference);
    assert.equal(await stores.conversations.getUserReference('p-2'), undefined);

    const thread = {
      challengeId: 'c-1',
      conversationId: '19:abc@thread.tacv2;messageid=1700000000000',
      rootActivityId: '1700000000000',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      teamId: 'team-1',
      channelId: '19:abc@thread.tacv2',
    };
    await stores.conversations.saveThread(thread);
    assert.deepEqual(await stores.conversations.getThread('c-1'), thread);
    await stores.conversations.saveThread({ ...thread, rootActivityId: '1700000000001' });
    assert.equal((await stores.conversations.getThread('c-1'))?.rootActivityId, '1700000000001');
  });

  it('keeps ids with characters a RowKey forbids (/ # ?)', async () => {
    await stores.conversations.saveUserReference('odd/id#1?', {
      serviceUrl: 'https://x.example/',
      channelId: 'msteams',
      conversation: { id: 'a:odd' },
    });
    assert.equal((await stores.conversations.getUserReference('odd/id#1?'))?.conversation.id, 'a:odd');
  });
});
