/**
 * `npm start` connects each person's Agents Playground to the bot at start: their stored chat
 * is the new playground's (a restart leaves no reference to a chat that no longer exists),
 * they are reachable, and threads of an earlier run's playgrounds are dropped.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import sample from '../../../src/directory/sample-directory.json';
import {
  configFor,
  connectPlaygrounds,
  loadPlaygroundConfig,
  playgroundPeople,
  playgroundServiceUrl,
} from '../../../src/cli/playgrounds';
import { checkDirectory, writeDirectory } from '../../../src/directory/import-directory';
import { freshStores } from '../../support/azurite';

const root = join(__dirname, '..', '..', '..');

describe('npm start: the playgrounds, connected at start', () => {
  const config = loadPlaygroundConfig(root);
  const people = playgroundPeople(config);

  it('names people of the sample directory, each with their own configuration and 1:1 chat', () => {
    assert.ok(people.length >= 6);
    const ids = new Set(sample.people.map((p) => p.id));
    for (const p of people) assert.ok(ids.has(p.aadObjectId), `${p.name} is in the sample directory`);
    const ben = parse(configFor('Ben Ortiz', config)) as typeof config;
    assert.equal(ben.currentUser.name, 'Ben Ortiz');
    assert.equal(ben.personalChat?.id, `a:personal-${ben.currentUser.aadObjectId}`);
    assert.deepEqual(
      ben.users!.map((u) => u.name).sort(),
      people
        .map((p) => p.name)
        .filter((n) => n !== 'Ben Ortiz')
        .sort(),
    );
    assert.deepEqual(
      ben.team,
      parse(readFileSync(join(root, '.m365agentsplayground.yml'), 'utf8')).team,
      'the same team',
    );
  });

  it("replaces an earlier run's chats, makes everyone reachable, and drops the old run's threads", async () => {
    const stores = await freshStores('playgrounds');
    const checked = checkDirectory(sample);
    assert.ok(checked.ok);
    await writeDirectory(stores.directory, checked.directory);
    const amira = people[0]!;
    // What a run on other ports left behind.
    await stores.conversations.saveUserReference(amira.aadObjectId, {
      serviceUrl: playgroundServiceUrl(40000),
      channelId: 'msteams',
      conversation: { id: 'a:personal-old' },
    });
    await stores.conversations.saveThread({
      challengeId: 'old-challenge',
      conversationId: '19:leeds-challenges@thread.tacv2;messageid=123',
      rootActivityId: '123',
      serviceUrl: playgroundServiceUrl(40000),
    });
    await stores.conversations.saveThread({
      challengeId: 'teams-challenge',
      conversationId: '19:real@thread.tacv2;messageid=9',
      rootActivityId: '9',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
    });

    const running = people.map((person, i) => ({ person, port: 51000 + i }));
    const result = await connectPlaygrounds(stores, config, running);
    assert.deepEqual(result, { connected: people.length, threadsDropped: 1 });

    for (const { person, port } of running) {
      const ref = await stores.conversations.getUserReference(person.aadObjectId);
      assert.equal(ref?.serviceUrl, playgroundServiceUrl(port), person.name);
      assert.equal(ref?.conversation.id, `a:personal-${person.aadObjectId}`);
      assert.equal((await stores.directory.people.get(person.aadObjectId))?.reachable, true, person.name);
    }
    assert.equal(await stores.conversations.getThread('old-challenge'), undefined, "the old run's thread is gone");
    assert.ok(await stores.conversations.getThread('teams-challenge'), 'a real Teams thread is kept');
  });
});
