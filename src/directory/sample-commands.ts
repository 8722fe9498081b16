/**
 * The sample challenges as the commands the real workflow is given: the raise with its
 * participants resolved from the directory exactly as the raise form's handler does, then
 * each press as its person. Pure: callers run them (in memory, or through storage).
 */
import { londonInstant } from '../calendar';
import { getProcedure } from '../procedures';
import type { CommandEnvelope } from '../workflow/types';
import type { DirectoryDocument } from './import-directory';
import { resolveParticipants, rolesToResolve } from './resolve-participants';
import { SAMPLE_NOW, sampleChallenges, type SampleChallenge } from './sample-challenges';

export interface TimedCommand {
  challengeId: string;
  procedureId: string;
  at: Date;
  envelope: CommandEnvelope;
}

const DAY_MS = 86_400_000;

/** A London wall-clock 'YYYY-MM-DD HH:MM' as an instant, moved by whole days. */
export function sampleInstant(wallClock: string, shiftDays = 0): Date {
  const [day, time] = wallClock.split(' ') as [string, string];
  return new Date(londonInstant(day, time).getTime() + shiftDays * DAY_MS);
}

/** Whole weeks from the plan's moment to `now` (so weekdays stay weekdays), as days. */
export function sampleShiftDays(now: Date): number {
  const weeks = Math.floor((now.getTime() - sampleInstant(SAMPLE_NOW).getTime()) / (7 * DAY_MS));
  return weeks * 7;
}

export function commandsOf(sample: SampleChallenge, directory: DirectoryDocument, shiftDays = 0): TimedCommand[] {
  const person = (name: string) => {
    const found = directory.people.find((p) => p.name === name);
    if (!found) throw new Error(`sample challenge ${sample.caseReference}: no "${name}" in the directory`);
    return found;
  };
  const procedure = getProcedure(sample.procedureId);
  const partnership = directory.partnerships.find((p) => p.procedureId === procedure.id);
  if (!partnership) throw new Error(`sample challenge ${sample.caseReference}: no partnership runs ${procedure.id}`);
  const raiser = person(sample.raiser);
  const receiving = person(sample.raisedWith);
  const view = {
    person: (id: string) => directory.people.find((p) => p.id === id),
    agency: (id: string) => directory.agencies.find((a) => a.id === id),
  };
  const { participants, raisedBy, raisedWithRef } = resolveParticipants(
    rolesToResolve(procedure),
    view,
    partnership,
    raiser,
    { kind: 'person', personId: receiving.id },
  );
  const timed = (at: string, by: string, i: number, command: CommandEnvelope['command']): TimedCommand => {
    const actor = person(by);
    return {
      challengeId: sample.id,
      procedureId: procedure.id,
      at: sampleInstant(at, shiftDays),
      envelope: { actor: { id: actor.id, name: actor.name }, idempotencyKey: `sample:${sample.id}:${i}`, command },
    };
  };
  return [
    timed(sample.raisedAt, sample.raiser, 0, {
      type: 'raise',
      challengeId: sample.id,
      caseReference: sample.caseReference,
      ...(sample.familyName ? { familyName: sample.familyName } : {}),
      subject: sample.subject,
      kind: 'decision',
      areas: sample.areas,
      concern: sample.concern,
      desiredOutcome: sample.desiredOutcome,
      evidence: sample.evidence,
      urgency: 'standard',
      raisedBy,
      raisedWith: raisedWithRef,
      participants,
    }),
    ...sample.steps.map((step, i) => timed(step.at, step.by, i + 1, step.command)),
  ];
}

/** Every sample's commands, in time order across challenges. */
export function sampleCommands(directory: DirectoryDocument, shiftDays = 0, only?: readonly string[]): TimedCommand[] {
  return sampleChallenges
    .filter((s) => !only || only.includes(s.caseReference))
    .flatMap((s) => commandsOf(s, directory, shiftDays))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
