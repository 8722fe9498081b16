/**
 * A short message card: refusals ("Stage 2 is owned by the line managers; you are the
 * raiser."), confirmations, and who to contact by other means when someone cannot be reached
 * in Teams. Pure.
 */
import type { PersonRef } from '../../src/workflow/types';
import { personInWords } from './people';

export type NoticeTone = 'default' | 'good' | 'warning' | 'attention';

/**
 * What a card says about the press that produced it: done (a confirmation, in a quiet good
 * style), refused (the workflow's reason) or a problem (input or storage), both in attention.
 */
export type CardNotice = { tone: 'done' | 'refused' | 'problem'; text: string };

/** The container style a notice is drawn in. */
export const noticeStyle = (notice: CardNotice | undefined): 'good' | 'attention' | 'default' =>
  notice === undefined ? 'default' : notice.tone === 'done' ? 'good' : 'attention';

export interface NoticeInput {
  text: string;
  title?: string;
  details?: readonly string[];
  tone?: NoticeTone;
}

export function toNoticeCardData({ text, title = '', details = [], tone = 'default' }: NoticeInput) {
  return { title, text, style: tone, details: details.map((line) => ({ line })) };
}
export type NoticeCardData = ReturnType<typeof toNoticeCardData>;

/** "Tom Brown (Social Worker, Leeds City Council) cannot be reached in Teams: contact them by other means". */
export function toUnreachableNoticeData(caseReference: string, unreachable: readonly PersonRef[]) {
  return toNoticeCardData({
    title: `${caseReference}: please contact by other means`,
    text:
      unreachable.length === 1
        ? `${personInWords(unreachable[0] as PersonRef)} cannot be reached in Teams: contact them by other means.`
        : 'These people cannot be reached in Teams: contact them by other means.',
    details: unreachable.map((p) => {
      const ways = [p.email && `email ${p.email}`, p.phone && `phone ${p.phone}`].filter(Boolean).join(', ');
      return `${personInWords(p)}: ${ways || 'no email or phone in the directory'}`;
    }),
    tone: 'warning',
  });
}
