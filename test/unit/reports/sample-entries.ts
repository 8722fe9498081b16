/**
 * The sample challenges (src/directory/sample-challenges.ts) run in memory through the real
 * workflow (decide, apply), as report fixtures: real histories, no storage. A refusal is a
 * fault in the plan and throws.
 */
import sample from '../../../src/directory/sample-directory.json';
import { checkDirectory, type DirectoryDocument } from '../../../src/directory/import-directory';
import { sampleCommands } from '../../../src/directory/sample-commands';
import { getProcedure } from '../../../src/procedures';
import type { ReportEntry } from '../../../src/reports/entries';
import { apply, decide, calendarOf, type Challenge, type ChallengeEvent } from '../../../src/workflow';

export function sampleDirectory(): DirectoryDocument {
  const checked = checkDirectory(sample);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return checked.directory;
}

/** Every sample challenge with its history, as it stands once the last press is made. */
export function sampleEntries(): ReportEntry[] {
  const state = new Map<string, { challenge?: Challenge; events: ChallengeEvent[] }>();
  for (const { challengeId, procedureId, at, envelope } of sampleCommands(sampleDirectory())) {
    const procedure = getProcedure(procedureId);
    const held = state.get(challengeId) ?? { events: [] };
    const decision = decide(procedure, held.challenge, envelope, at, calendarOf(procedure));
    if (!decision.ok) {
      throw new Error(`${challengeId} ${envelope.command.type} by ${envelope.actor.name}: ${decision.refusal.reason}`);
    }
    const challenge = decision.events.reduce<Challenge | undefined>(apply, held.challenge);
    state.set(challengeId, { challenge, events: [...held.events, ...decision.events] });
  }
  return [...state.values()].map(({ challenge, events }) => ({
    procedure: getProcedure(challenge!.procedureId),
    challenge: challenge!,
    events,
  }));
}

export const byReference = (entries: readonly ReportEntry[], caseReference: string): ReportEntry => {
  const found = entries.find((e) => e.challenge.caseReference === caseReference);
  if (!found) throw new Error(`no sample challenge ${caseReference}`);
  return found;
};
