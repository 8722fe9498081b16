/**
 * Who is looking at a stage card, worked out by the workflow: their roles on the challenge,
 * the commands it would not refuse them now (the card's buttons), which escalation routes
 * they may take and which partnership forms they may fill in. Pure.
 */
import type { OwnerRole, Procedure } from '../../src/procedures/schema';
import { allowedCommands, mayTakeImmediateRoute } from '../../src/workflow/allowed';
import { guard } from '../../src/workflow/guards';
import { recordableNotifications } from '../../src/workflow/notifications';
import { isOnChallenge, rolesOf } from '../../src/workflow/roles';
import type { Challenge, Command } from '../../src/workflow/types';

export interface Viewer {
  id: string;
  roles: readonly OwnerRole[];
  /** Exactly the workflow's allowedCommands: the card shows these as buttons. */
  allowed: readonly Command['type'][];
  /** The escalation routes open to them (NEW-8's immediate route is agreed by its own roles). */
  escalateRoutes: readonly ('next' | 'immediate')[];
  /** Ids of the partnership forms they may fill in now, the ones not yet sent first. */
  notificationForms: readonly string[];
}

export function viewerOf(procedure: Procedure, challenge: Challenge, personId: string, now: Date): Viewer {
  const allowed = allowedCommands(procedure, challenge, personId, now);
  const routes: ('next' | 'immediate')[] = [];
  if (allowed.includes('escalate')) {
    if (!guard(procedure, challenge, 'escalate', personId, { route: 'next', now })) routes.push('next');
    if (mayTakeImmediateRoute(procedure, challenge, personId)) routes.push('immediate');
  }
  const sent = new Set(challenge.notifications.map((n) => n.formId));
  const forms = recordableNotifications(procedure, challenge, personId).map((o) => o.notification.form);
  return {
    id: personId,
    roles: rolesOf(challenge, personId),
    allowed,
    escalateRoutes: routes,
    notificationForms: [...forms.filter((f) => !sent.has(f)), ...forms.filter((f) => sent.has(f))],
  };
}

export { isOnChallenge };
