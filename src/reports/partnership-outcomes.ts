/**
 * The partnership's record of the outcomes of the stages it owns (DUD-7: "the partnership
 * keeps the record of every stage 4 outcome"; for the others, the stages their business unit,
 * executive or coordinator own). Each with the outcome form's answers under their labels. Pure.
 */
import type { Procedure } from '../procedures/schema';
import { sideOf } from '../workflow/roles';
import { stageLabel, type ReportEntry } from './entries';

export interface PartnershipOutcome {
  challengeId: string;
  caseReference: string;
  logId: string;
  stage: string;
  enteredAt: string;
  endedAt: string;
  endedBy: '' | 'escalated' | 'resolved';
  /** The stage's outcome form, answered fields only, under the form's labels. */
  answers: { label: string; value: string }[];
  /** The agreed outcome when the challenge was resolved at this stage. */
  agreedOutcome: string;
}

/** The stages whose owners include a partnership role. */
export function partnershipStages(procedure: Procedure): string[] {
  return procedure.stages.filter((s) => s.owners.some((r) => sideOf(r) === 'partnership')).map((s) => s.id);
}

export function answerText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(answerText).filter(Boolean).join('; ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value).trim();
}

export function partnershipOutcomes(procedure: Procedure, entries: readonly ReportEntry[]): PartnershipOutcome[] {
  const stages = partnershipStages(procedure);
  return entries
    .filter((e) => e.challenge.procedureId === procedure.id)
    .flatMap(({ challenge }) =>
      challenge.stages
        .filter((record) => stages.includes(record.stageId))
        .map((record): PartnershipOutcome => {
          const stage = procedure.stages.find((s) => s.id === record.stageId)!;
          const form = procedure.forms.find((f) => f.id === stage.record);
          const answers = (form?.fields ?? [])
            .map((field) => ({ label: field.label, value: answerText(record.outcome?.[field.id]) }))
            .filter((a) => a.value !== '');
          const resolvedHere = record.endedBy === 'resolved' ? (challenge.resolution?.agreedOutcome ?? '') : '';
          return {
            challengeId: challenge.id,
            caseReference: challenge.caseReference,
            logId: challenge.logId ?? '',
            stage: stageLabel(procedure, record.stageId),
            enteredAt: record.startedAt,
            endedAt: record.endedAt ?? '',
            endedBy: record.endedBy ?? '',
            answers,
            agreedOutcome: resolvedHere,
          };
        }),
    )
    .sort((a, b) => a.enteredAt.localeCompare(b.enteredAt));
}
