/**
 * A short message card: refusals ("Stage 2 is owned by the line managers; you are the
 * raiser."), confirmations, and who to contact by other means when someone cannot be reached
 * in Teams. Pure.
 */
import type { PersonRef } from '../../src/workflow/types';
import { personInWords } from './people';

export type NoticeTone = 'default' | 'good' | 'warning' | 'attention';

/**
 * What a card says at its top about the press that produced it: 'done' (a confirmation, in
 * the good, quiet style), 'refused' (not the presser's to do, or the challenge moved on) or
 * 'problem' (what was sent could not be used): those two in the attention style.
 */
export type CardNotice = { tone: 'done' | 'refused' | 'problem'; text: string };

/** A notice as a card binds it: shown or not, its words, the container style of its tone. */
export function noticeView(notice: CardNotice | undefined) {
  if (!notice || notice.text.trim() === '') return { show: false, text: '', style: 'default', color: 'default' };
  const style = notice.tone === 'done' ? 'good' : 'attention';
  return { show: true, text: notice.text, style, color: notice.tone === 'done' ? 'default' : 'attention' };
}
export type NoticeView = ReturnType<typeof noticeView>;

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
