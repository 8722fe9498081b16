/**
 * Notification forms a challenge may record (PartnershipNotified): those named by a
 * notification of a stage it has entered, or by the procedure's copy on raise. Pure.
 */
import type { Notification, Procedure } from '../procedures/schema';
import { holdsAny } from './roles';
import { currentStage, findStage } from './stages';
import type { Challenge } from './types';

export interface OpenNotification {
  notification: Notification & { form: string };
  stageId: string;
}

const withForm = (n: Notification): n is Notification & { form: string } => n.form !== undefined;

/** Every notification with a form, latest stage first, each form once. */
export function openNotifications(procedure: Procedure, challenge: Challenge): OpenNotification[] {
  const found: OpenNotification[] = [];
  const entered = [...new Set(challenge.stages.map((s) => s.stageId))].reverse();
  for (const stageId of entered) {
    for (const n of findStage(procedure, stageId)?.notifyOnEntry ?? []) {
      if (withForm(n)) found.push({ notification: n, stageId });
    }
  }
  const first = challenge.stages[0]?.stageId ?? procedure.firstStage;
  for (const n of procedure.copyOnRaise) if (withForm(n)) found.push({ notification: n, stageId: first });
  return found.filter((o, i) => found.findIndex((x) => x.notification.form === o.notification.form) === i);
}

/** The ones this person may record: the current stage's owners, the owners of the stage that sends it, or its recipients. */
export function recordableNotifications(
  procedure: Procedure,
  challenge: Challenge,
  personId: string,
): OpenNotification[] {
  const current = currentStage(procedure, challenge);
  return openNotifications(procedure, challenge).filter(
    ({ notification, stageId }) =>
      holdsAny(challenge, personId, current.owners) ||
      holdsAny(challenge, personId, findStage(procedure, stageId)?.owners ?? []) ||
      holdsAny(challenge, personId, notification.to),
  );
}
