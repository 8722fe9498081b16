/**
 * Cards as the bot sends them: the pure view models of cards/ fed with what only the shell
 * knows (the directory for pickers, the user ids Teams wants for refresh). One function a card.
 */
import { renderCard, type AdaptiveCard } from '../cards/render';
import { toFeedbackCardData } from '../cards/view-models/feedback';
import { toNoticeCardData, toUnreachableNoticeData, type NoticeInput } from '../cards/view-models/notice';
import type { DirectoryPerson } from '../cards/view-models/people';
import { stageCardFor, type CardNotice, type FormErrors } from '../cards/stage-card-for';
import { toThreadEventCardData } from '../cards/view-models/thread-event';
import { toThreadRootCardData } from '../cards/view-models/thread-root';
import type { Procedure } from '../src/procedures/schema';
import { isOnChallenge, type Challenge, type ChallengeEvent, type PersonRef } from '../src/workflow';
import type { Services } from './services';

/** Directory people of the challenge's partnership, as pickers offer them. */
export async function directoryPeople(services: Services, procedureId: string): Promise<DirectoryPerson[]> {
  const { directory } = services.stores;
  const partnerships = (await directory.partnerships.list()).filter((p) => p.procedureId === procedureId);
  const agencies = (await Promise.all(partnerships.map((p) => directory.agencies.inPartnership(p.id)))).flat();
  const people = (await Promise.all(agencies.map((a) => directory.people.inAgency(a.id)))).flat();
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  return people.map((p) => ({ id: p.id, name: p.name, role: p.role, agency: agencyName.get(p.agencyId) }));
}

/** Teams wants the users' chat ids in refresh.userIds: taken from their stored conversations. */
async function chatIds(services: Services, challenge: Challenge): Promise<Map<string, string>> {
  const people = [challenge.raisedBy, ...Object.values(challenge.participants).flat()].filter(Boolean) as PersonRef[];
  const ids = [...new Set(people.map((p) => p.id))];
  const refs = await Promise.all(ids.map((id) => services.stores.conversations.getUserReference(id)));
  return new Map(ids.flatMap((id, i) => (refs[i]?.user?.id ? [[id, refs[i]!.user!.id]] : [])));
}

/**
 * The card a person sees (cards/stage-card-for.ts): their own view if they are on the
 * challenge, the minimal card otherwise, fed with the directory and their chat ids.
 */
export async function cardFor(
  services: Services,
  procedure: Procedure,
  challenge: Challenge,
  personId: string,
  options: { seenVersion?: number; notice?: CardNotice; formErrors?: FormErrors } = {},
): Promise<AdaptiveCard> {
  const now = services.clock.now();
  if (!isOnChallenge(challenge, personId)) return stageCardFor({ procedure, challenge, personId, now, ...options });
  const [people, chat] = await Promise.all([directoryPeople(services, procedure.id), chatIds(services, challenge)]);
  const agencies = [...new Set(people.map((p) => p.agency).filter((a): a is string => Boolean(a)))];
  return stageCardFor({
    procedure,
    challenge,
    personId,
    now,
    people,
    agencies,
    calendar: services.calendarOf(procedure),
    ...options,
    userIdOf: (p) => chat.get(p.id) ?? p.id,
  });
}

export const noticeCard = (input: NoticeInput): AdaptiveCard => renderCard('notice', toNoticeCardData(input));

export const unreachableCard = (caseReference: string, unreachable: readonly PersonRef[]): AdaptiveCard =>
  renderCard('notice', toUnreachableNoticeData(caseReference, unreachable));

export const threadRootCard = (services: Services, procedure: Procedure, challenge: Challenge): AdaptiveCard =>
  renderCard('thread-root', toThreadRootCardData(procedure, challenge, services.clock.now()));

export const threadEventCard = (procedure: Procedure, challenge: Challenge, event: ChallengeEvent): AdaptiveCard =>
  renderCard('thread-event', toThreadEventCardData(procedure, challenge, event));

export const feedbackCard = (
  services: Services,
  procedure: Procedure,
  challenge: Challenge,
  change: string,
): AdaptiveCard =>
  renderCard('feedback', toFeedbackCardData({ procedure, challenge, change, now: services.clock.now() }));
