/** Renders the raise form for a person: their partnership's procedure by default, input kept on a re-render. */
import { randomUUID } from 'node:crypto';
import { renderCard, type AdaptiveCard } from '../../cards/render';
import { toRaiseFormCardData, type RaiseField } from '../../cards/view-models/raise-form';
import { newChallengeId } from '../../src/workflow/ids';
import type { Procedure } from '../../src/procedures/schema';
import { directoryPeople } from '../card-views';
import type { Services } from '../services';

export async function defaultProcedureFor(services: Services, personId: string): Promise<Procedure> {
  const { directory } = services.stores;
  const person = await directory.people.get(personId);
  const agency = person ? await directory.agencies.get(person.agencyId) : undefined;
  const partnership = agency ? await directory.partnerships.get(agency.partnershipId) : undefined;
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
  const people = (await directoryPeople(services, procedure.id)).filter((p) => p.id !== personId);
  return renderCard(
    'raise-form',
    toRaiseFormCardData({
      procedures: services.procedures,
      procedure,
      challengeId: options.challengeId ?? newChallengeId(randomUUID),
      people,
      values: options.values,
      errors: options.errors,
    }),
  );
}
