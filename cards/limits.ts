/**
 * How much a person may type, in one place: the cards' `maxLength` (bound in the templates as
 * `${$root.limits.…}`, see render.ts), the parser of card data (verbs.ts, form-values.ts), the
 * typed-command edge and the contract (docs/card-actions.md, checked by a test) all read these.
 * Pure.
 */
export const INPUT_LIMITS = {
  /** Free text: a concern, a reason, an outcome, a form's text field, a typed message. */
  text: 4000,
  /** The agency's case reference. */
  caseReference: 100,
  /** One line: a family name, an external professional's name, role or agency. */
  line: 100,
  email: 200,
  /** Darlington's Professional Challenge Log ID (DAR-6). */
  logId: 50,
  /** An id in card data other than the challenge's own (a procedure, a person, a form, a role). */
  id: 200,
  /** Entries of a list (attendees, agencies, several choices). */
  listItems: 100,
} as const;

/** 4000 → "4,000", as the cards' messages and the contract write it. */
export const formatLimit = (n: number): string => n.toLocaleString('en-GB');

/** A lone surrogate (half of a UTF-16 pair) cannot be encoded, in a URL or a table key. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isWellFormed(s: string): boolean {
  return !loneSurrogate.test(s);
}

/** Control characters other than tab, line feed and carriage return, and lone surrogates. */
const unprintable =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Free text as stored and shown: control characters dropped, a lone surrogate replaced by
 * U+FFFD. Nothing a keyboard types is changed. Linear: each alternative reads one or two characters.
 */
export function cleanText(s: string): string {
  return s.replace(unprintable, (c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : ''));
}
