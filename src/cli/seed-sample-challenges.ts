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
  options: { shiftDays?: number } = {},
): Promise<{ commands: number; transitions: number }> {
  const clock = new SettableClock(new Date(0));
  let transitions = 0;
  const commands = sampleCommands(directory, options.shiftDays ?? 0);
  for (const { challengeId, procedureId, at, envelope } of commands) {
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
  return { commands: commands.length, transitions };
}
