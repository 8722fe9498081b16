import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';

const ROOT = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
};

describe('ship: the supported Node runtime', () => {
  it('is Node 22 LTS, and every runtime dependency in the lock accepts its lowest version (no EBADENGINE)', () => {
    const lowest = semver.minVersion(pkg.engines.node)?.version;
    assert.equal(semver.major(lowest ?? '0.0.0'), 22, `engines.node is ${pkg.engines.node}`);
    const refusing = Object.entries(lock.packages)
      .filter(([path, info]) => path !== '' && !info.dev)
      .flatMap(([path, info]) => {
        const wants = Array.isArray(info.engines) ? undefined : info.engines?.node;
        return wants && !semver.satisfies(lowest!, wants) ? [`${path}@${info.version}: node ${wants}`] : [];
      });
    assert.deepEqual(refusing, []);
  });
});
