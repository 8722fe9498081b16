/**
 * Puts the sample challenges (src/directory/sample-challenges.ts) into storage through the real
 * workflow: each command runs load, decide, commit at its own time, with the person index and
 * the deadline index kept as after any turn. Nothing is sent to anyone. Idempotent: run again,
 * every command is answered by its stored idempotency key and nothing changes.
 */
import { SettableClock } from '../clock';
import type { DirectoryDocument } from '../directory/import-directory';
import { sampleCommands } from '../directory/sample-commands';
import { getProcedure } from '../procedures';
import { createCommandRunner, type Stores } from '../store';
import { apply, decide, procedureCalendar } from '../workflow';

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
      for (const { challengeId, procedureId, at, envelope } of list) {
        const procedure = getProcedure(procedureId);
        const calendar = procedureCalendar(procedure);
        clock.set(at);
        const run = createCommandRunner({
          challenges: stores.challenges,
          audit: stores.audit,
          personIndex: stores.personIndex,
          clock,
          apply,
          decide: (challenge, env, now) => decide(procedure, challenge, env, now, calendar),
        });
        const result = await run(challengeId, envelope);
        if (!result.decision.ok) {
          throw new Error(
            `Sample challenge ${challengeId}: ${envelope.command.type} refused: ${result.decision.refusal.reason}`,
          );
        }
        if (result.transitioned && result.challenge) {
          transitions++;
          await stores.deadlineIndex.update(result.challenge);
        }
      }
    }),
  );
  return { commands: commands.length, transitions };
}
