/**
 * Learning themes for the annual report (NEW-9: "learning is shared with the partnership"):
 * the challenges resolved in the year grouped by area of disagreement, with the learning
 * recorded in the procedure's form fields marked `learning`. Pure.
 */
import type { Procedure } from '../procedures/schema';
import { stageLabel, within, type ReportEntry } from './entries';
import type { Period } from './periods';

export interface LearningItem {
  challengeId: string;
  caseReference: string;
  stage: string;
  text: string;
  recordedAt: string;
}

export interface LearningTheme {
  area: string;
  /** Challenges resolved in the period with this area. */
  resolved: number;
  learning: LearningItem[];
}

/** Learning recorded on a challenge: every answer to a field marked `learning`, in stage order. */
export function learningOf(procedure: Procedure, entry: ReportEntry): LearningItem[] {
  const learningFields = new Map(
    procedure.forms.map((form) => [form.id, form.fields.filter((f) => f.learning).map((f) => f.id)]),
  );
  const { challenge } = entry;
  const fromStages = challenge.stages.flatMap((record) => {
    const stage = procedure.stages.find((s) => s.id === record.stageId);
    const ids = stage ? (learningFields.get(stage.record) ?? []) : [];
    return ids.flatMap((id) => {
      const text = record.outcome?.[id];
      return typeof text === 'string' && text.trim()
        ? [
            {
              challengeId: challenge.id,
              caseReference: challenge.caseReference,
              stage: stageLabel(procedure, record.stageId),
              text: text.trim(),
              recordedAt: record.outcomeRecordedAt ?? '',
            },
          ]
        : [];
    });
  });
  const fromNotifications = challenge.notifications.flatMap((n) =>
    (learningFields.get(n.formId) ?? []).flatMap((id) => {
      const text = n.values[id];
      return typeof text === 'string' && text.trim()
        ? [
            {
              challengeId: challenge.id,
              caseReference: challenge.caseReference,
              stage: stageLabel(procedure, n.stageId),
              text: text.trim(),
              recordedAt: n.recordedAt,
            },
          ]
        : [];
    }),
  );
  return [...fromStages, ...fromNotifications];
}

export function learningThemes(procedure: Procedure, entries: readonly ReportEntry[], period: Period): LearningTheme[] {
  const resolved = entries.filter(
    (e) =>
      e.challenge.procedureId === procedure.id && within(e.challenge.resolution?.resolvedAt, period.from, period.to),
  );
  const themes = new Map<string, LearningTheme>();
  for (const entry of resolved) {
    const learning = learningOf(procedure, entry);
    for (const area of entry.challenge.areas) {
      const theme = themes.get(area) ?? { area, resolved: 0, learning: [] };
      theme.resolved++;
      theme.learning.push(...learning);
      themes.set(area, theme);
    }
  }
  const order = (area: string) => {
    const i = procedure.areasOfDisagreement.indexOf(area);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...themes.values()].sort((a, b) => b.resolved - a.resolved || order(a.area) - order(b.area));
}
