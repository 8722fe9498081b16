/**
 * Text from users shown as text (COM-2, security review): Teams and the Adaptive Cards
 * renderers read a TextBlock's text and a fact's title and value as markdown, so a case
 * reference of "[Sign in](https://evil.example)" would become a link in a channel. Markdown
 * punctuation is escaped with CommonMark's backslash (it then shows as typed), and a URL
 * scheme or "www." gets an invisible word joiner so no client turns it into a link.
 * renderCard applies this to every card's display text, so no field can be forgotten. Pure,
 * and linear in the text's length.
 */
const WORD_JOINER = '\u2060';

/** Anywhere in a line: emphasis, code, links, images, autolinks, entities, escapes. */
const INLINE = /[\\`*_~[\]<>&|]/g;
/** At the start of a line (after spaces): headings, quotes, list markers, rules. */
const LINE_START = /^([ \t]*)([#>+=-]|\d{1,9}(?=[.)]))/gm;
/** "https://", "javascript:", "www.": broken up so no client links them. */
const LINKISH = /\b(https?|ftp|file|mailto|javascript|data|vbscript|tel|sms|msteams)(:)|\b(www)(\.)/gi;

export function plainText(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_m, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    )
    .replace(LINKISH, (_m, scheme?: string, colon?: string, www?: string, dot?: string) =>
      scheme ? `${scheme}${WORD_JOINER}${colon}` : `${www}${WORD_JOINER}${dot}`,
    );
}
