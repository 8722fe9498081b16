/**
 * Puts the sample challenges (src/directory/sample-challenges.ts) into storage through the real
 * workflow: each command runs load, decide, commit at its own time, with the person index and
 * the deadline index kept as after any turn. Nothing is sent to anyone. Idempotent: run again,
 * every command is answered by its stored idempotency key and nothing changes.
 */
import { SettableClock } from '../clock';
import type { DirectoryDocument } from '../directory/import-directory';
import { sampleCommands } from '../directory/sample-commands';
import { silentLogger } from '../logger';
import { getProcedure } from '../procedures';
import type { Stores } from '../store';
import { createTurnKit, type Messenger } from '../turn';

/** Samples are history, not news: what their transitions owe is carried out to nobody. */
const nobody: Messenger = {
  sendToPerson: async () => ({ delivered: true }),
  startThread: async (challengeId, target) => ({
    challengeId,
    conversationId: `sample-${challengeId}`,
    rootActivityId: 'sample',
    serviceUrl: target.serviceUrl,
  }),
  replyInThread: async () => ({ delivered: true }),
  updateThreadRoot: async () => ({ delivered: true }),
};

export async function seedSampleChallenges(
  stores: Stores,
  directory: DirectoryDocument,
  /** `only`: case references to seed, when not all of them. */
  options: { shiftDays?: number; only?: readonly string[] } = {},
): Promise<{ commands: number; transitions: number }> {
  let transitions = 0;
  const commands = sampleCommands(directory, options.shiftDays ?? 0, options.only);
  // Challenges are independent: each runs its own commands in order, the challenges side by side.
  const byChallenge = new Map<string, typeof commands>();
  for (const c of commands) byChallenge.set(c.challengeId, [...(byChallenge.get(c.challengeId) ?? []), c]);
  await Promise.all(
    [...byChallenge.values()].map(async (list) => {
      const clock = new SettableClock(new Date(0));
      const { turns } = createTurnKit({ stores, messenger: nobody, clock, logger: silentLogger });
      for (const { challengeId, procedureId, at, envelope } of list) {
        clock.set(at);
        const result = await turns.execute({
          challengeId,
          procedure: getProcedure(procedureId),
          command: envelope.command,
          actor: envelope.actor,
          idempotencyKey: envelope.idempotencyKey,
          ...(envelope.expectedVersion !== undefined ? { expectedVersion: envelope.expectedVersion } : {}),
          sends: 'await',
        });
        if (result.kind === 'refused' || result.kind === 'invalid' || result.kind === 'notFound') {
          const why = result.kind === 'refused' ? result.refusal.reason : result.kind;
          throw new Error(`Sample challenge ${challengeId}: ${envelope.command.type} refused: ${why}`);
        }
        if (result.kind === 'unavailable') throw new Error('Storage did not answer while seeding the samples.');
        if (result.kind === 'done' && !result.repeat) transitions++;
      }
    }),
  );
  return { commands: commands.length, transitions };
}
