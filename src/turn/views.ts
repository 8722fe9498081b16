/**
 * Every card the turn answers with or owes, drawn by the pure view models of cards/ with what
 * only the shell knows: the directory (pickers, agencies), from its cache, and the chat ids
 * Teams wants in refresh.userIds, from a cache of the people's conversation references. So
 * drawing a card reads storage at most once, and usually not at all.
 */
import { raisePickers, stagePickers, type PeoplePicker } from '../../cards/pickers';
import { renderCard, type AdaptiveCard } from '../../cards/render';
import { stageCardFor, type FormErrors } from '../../cards/stage-card-for';
import { toFeedbackCardData } from '../../cards/view-models/feedback';
import {
  toNoticeCardData,
  toUnreachableNoticeData,
  type CardNotice,
  type NoticeInput,
} from '../../cards/view-models/notice';
import { toReminderCardData } from '../../cards/view-models/reminder';
import { toThreadEventCardData } from '../../cards/view-models/thread-event';
import { toThreadRootCardData } from '../../cards/view-models/thread-root';
import type { Clock } from '../clock';
import type { DirectoryCache } from '../directory/directory-cache';
import type { Procedure } from '../procedures/schema';
import type { ConversationStore } from '../store';
import { calendarOf } from '../workflow/calendar-of';
import { workingDaysOverdue } from '../workflow/escalation-offer';
import { peopleOnChallenge } from '../workflow/roles';
import type { Challenge, ChallengeEvent, PersonRef, ReminderLevel } from '../workflow/types';

export interface PersonCardOptions {
  notice?: CardNotice;
  /** A press whose input was not accepted: its sub-form comes back open, input kept, errors beside fields. */
  formErrors?: FormErrors;
  /** The version of the card pressed or refreshed: an older one is "moved on". */
  seenVersion?: number;
}

export interface CardViews {
  /** The card a person sees: their own view when they are on the challenge, the minimal card otherwise. */
  personCard(
    procedure: Procedure,
    challenge: Challenge,
    personId: string,
    options?: PersonCardOptions,
  ): Promise<AdaptiveCard>;
  threadRoot(procedure: Procedure, challenge: Challenge): AdaptiveCard;
  threadEvent(procedure: Procedure, challenge: Challenge, event: ChallengeEvent): AdaptiveCard;
  feedback(procedure: Procedure, challenge: Challenge, change: string): AdaptiveCard;
  reminder(procedure: Procedure, challenge: Challenge, level: ReminderLevel): AdaptiveCard;
  unreachable(caseReference: string, unreachable: readonly PersonRef[]): AdaptiveCard;
  notice(input: NoticeInput): AdaptiveCard;
  /** "Raised with" on the raise form: the short list it carries for this raiser (cards/pickers.ts). */
  raisePickers(
    procedureId: string,
    raiserId: string,
    values?: Readonly<Record<string, unknown>>,
  ): Promise<PeoplePicker>;
  /** A person installed the bot in this process: their chat id is known at once. */
  noteChatId(personId: string, chatId: string): void;
}

/** How long a person's chat id is trusted: a missing one only means no automatic refresh for them. */
const CHAT_ID_MAX_AGE_MS = 5 * 60_000;

export function createCardViews(deps: {
  clock: Clock;
  directory: DirectoryCache;
  conversations: Pick<ConversationStore, 'userReferences'>;
}): CardViews {
  const chatIds = new Map<string, { chatId: string | undefined; at: number }>();

  const chatIdsOf = async (challenge: Challenge): Promise<Map<string, string>> => {
    const ids = peopleOnChallenge(challenge).map((p) => p.id);
    const t = performance.now();
    const missing = ids.filter((id) => {
      const known = chatIds.get(id);
      return !known || t - known.at > CHAT_ID_MAX_AGE_MS;
    });
    if (missing.length > 0) {
      const found = await deps.conversations.userReferences(missing);
      for (const id of missing) chatIds.set(id, { chatId: found.get(id)?.user?.id, at: t });
    }
    return new Map(
      ids.flatMap((id) => {
        const chatId = chatIds.get(id)?.chatId;
        return chatId ? [[id, chatId] as const] : [];
      }),
    );
  };

  return {
    async personCard(procedure, challenge, personId, options = {}) {
      const now = deps.clock.now();
      const onIt = peopleOnChallenge(challenge).some((p) => p.id === personId);
      const [choices, chat] = onIt
        ? await Promise.all([
            deps.directory
              .snapshot()
              .then((d) => stagePickers(d, procedure, challenge, personId, options.formErrors?.values)),
            chatIdsOf(challenge),
          ])
        : [{ people: [], morePeople: false, agencies: [], moreAgencies: false }, new Map<string, string>()];
      return stageCardFor({
        procedure,
        challenge,
        personId,
        now,
        ...choices,
        calendar: calendarOf(procedure),
        ...options,
        userIdOf: (p) => chat.get(p.id) ?? p.id,
      });
    },
    threadRoot: (procedure, challenge) =>
      renderCard('thread-root', toThreadRootCardData(procedure, challenge, deps.clock.now())),
    threadEvent: (procedure, challenge, event) =>
      renderCard('thread-event', toThreadEventCardData(procedure, challenge, event)),
    feedback: (procedure, challenge, change) =>
      renderCard('feedback', toFeedbackCardData({ procedure, challenge, change, now: deps.clock.now() })),
    reminder(procedure, challenge, level) {
      const now = deps.clock.now();
      const overdue = Math.max(0, workingDaysOverdue(challenge, now, calendarOf(procedure)));
      return renderCard(
        'reminder',
        toReminderCardData({ procedure, challenge, level, now, workingDaysOverdue: overdue }),
      );
    },
    unreachable: (caseReference, unreachable) =>
      renderCard('notice', toUnreachableNoticeData(caseReference, unreachable)),
    notice: (input) => renderCard('notice', toNoticeCardData(input)),
    raisePickers: async (procedureId, raiserId, values) =>
      raisePickers(await deps.directory.snapshot(), procedureId, raiserId, values),
    noteChatId(personId, chatId) {
      chatIds.set(personId, { chatId, at: performance.now() });
    },
  };
}
