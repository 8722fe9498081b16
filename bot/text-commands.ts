/** Recognises the typed commands: case-insensitive, tolerant of "raise a challenge", "please help". */
export type TextCommand = 'raiseChallenge' | 'myChallenges' | 'help';

const patterns: [TextCommand, RegExp][] = [
  ['raiseChallenge', /\b(raise|open|start|new)\s+(a\s+|new\s+)?(professional\s+)?challenge\b/],
  ['myChallenges', /\b(my|list|show)\s+(open\s+)?challenges\b/],
  ['help', /^(\/)?(help|\?|commands|hi|hello)\b/],
];

/**
 * A tag: `<`, anything but angle brackets, `>`. Excluding `<` as well as `>` keeps this linear on
 * hostile text: a run of `<` with no `>` is read once, where `/<[^>]*>/` re-read it from every `<`.
 */
const tag = /<[^<>]*>/g;

/**
 * `text` has had the bot's @mention removed already, and is at most INPUT_LIMITS.text long
 * (challenge-bot.ts). Every pattern here reads each character a bounded number of times.
 */
export function parseTextCommand(text: string | undefined): TextCommand | undefined {
  const t = (text ?? '').replace(tag, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return patterns.find(([, re]) => re.test(t))?.[0];
}
