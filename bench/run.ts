/**
 * `npm run bench`: the press benchmark (issue 9) and the benchmarks beyond it (issue 14) in
 * one bounded run, on loopback: one Azurite, fake Bot Connectors, the bot and an echo floor
 * as child processes. Writes bench/results/latest.json (raw figures) and docs/benchmarks.md.
 * Every target is a ratio to a floor measured in the same run. Not part of `npm test`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAzurite } from '../src/cli/azurite';
import { raiseTemplate, type Template } from './clone';
import { cardBench } from './part-cards';
import { digestBench } from './part-digest';
import { pressBench } from './part-presses';
import { startupBench } from './part-startup';
import { timerBench } from './part-timer';
import { profileBench } from './profile';
import { machine, renderReport, type BenchResults } from './report';
import { benchSettings } from './settings';

const root = join(__dirname, '..');

async function main(): Promise<void> {
  const settings = benchSettings(process.argv.slice(2));
  const started = performance.now();
  const log = (line: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const azurite = await startAzurite({ port: 0, inMemory: true });
  const results: BenchResults = {
    date: new Date().toISOString(),
    command: `npm run bench${settings.profile ? ' -- --profile' : ''}`,
    machine: machine(),
    settings,
    errors: {},
  };
  let template: Template | undefined;
  const templateOnce = async () => (template ??= await raiseTemplate(azurite.connectionString));
  const part = async (name: string, run: () => Promise<void>) => {
    const t0 = performance.now();
    try {
      await run();
    } catch (error) {
      results.errors[name] = String((error as Error).stack ?? error);
      log(`${name} failed: ${String(error)}`);
    }
    log(`${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  try {
    const { parts } = settings;
    if (parts.includes('presses'))
      await part(
        'presses',
        async () => void (results.presses = await pressBench(settings, azurite.connectionString, log)),
      );
    if (parts.includes('timer'))
      await part(
        'timer',
        async () =>
          void (results.timer = await timerBench(settings, azurite.connectionString, await templateOnce(), log)),
      );
    if (parts.includes('digest'))
      await part(
        'digest',
        async () =>
          void (results.digest = await digestBench(settings, azurite.connectionString, await templateOnce(), log)),
      );
    if (parts.includes('cards'))
      await part(
        'cards',
        async () =>
          void (results.cards = await cardBench(settings, azurite.connectionString, await templateOnce(), log)),
      );
    if (parts.includes('startup'))
      await part('startup', async () => void (results.startup = await startupBench(azurite.connectionString, 2, log)));
    if (settings.profile)
      await part('profile', async () => void (results.profile = await profileBench(azurite.connectionString, 20, log)));
  } finally {
    await azurite.stop();
  }
  results.wallSeconds = Math.round((performance.now() - started) / 1000);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  const report = renderReport(results);
  writeFileSync(join(root, 'docs', 'benchmarks.md'), report.markdown);
  console.log(
    '\n' +
      report.targets
        .map((t) => `${t.met === undefined ? 'shown ' : t.met ? 'met   ' : 'MISSED'}  ${t.what}: ${t.figure}`)
        .join('\n'),
  );
  console.log(`\nWrote docs/benchmarks.md and bench/results/latest.json in ${results.wallSeconds} s.`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
