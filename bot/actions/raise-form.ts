/** Renders the raise form for a person: their partnership's procedure by default, input kept on a re-render. */
import { randomUUID } from 'node:crypto';
import { renderCard, type AdaptiveCard } from '../../cards/render';
import { toRaiseFormCardData, type RaiseField } from '../../cards/view-models/raise-form';
import { newChallengeId } from '../../src/workflow/ids';
import type { Procedure } from '../../src/procedures/schema';
import type { Services } from '../services';

export async function defaultProcedureFor(services: Services, personId: string): Promise<Procedure> {
  const directory = await services.directory.snapshot();
  const agency = directory.agency(directory.person(personId)?.agencyId ?? '');
  const partnership = agency ? directory.partnership(agency.partnershipId) : undefined;
  return services.procedures.find((p) => p.id === partnership?.procedureId) ?? services.procedures[0]!;
}

export async function raiseFormCard(
  services: Services,
  personId: string,
  options: {
    procedure?: Procedure;
    challengeId?: string;
    values?: Partial<Record<RaiseField, string | string[] | undefined>>;
    errors?: Record<string, string>;
  } = {},
): Promise<AdaptiveCard> {
  const procedure = options.procedure ?? (await defaultProcedureFor(services, personId));
  const pickers = await services.views.raisePickers(procedure.id, personId, options.values);
  return renderCard(
    'raise-form',
    toRaiseFormCardData({
      procedures: services.procedures,
      procedure,
      challengeId: options.challengeId ?? newChallengeId(randomUUID),
      ...pickers,
      values: options.values,
      errors: options.errors,
    }),
  );
}
