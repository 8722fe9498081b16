/** Recognises the typed commands: case-insensitive, tolerant of "raise a challenge", "please help". */
export type TextCommand = 'raiseChallenge' | 'myChallenges' | 'help';

const patterns: [TextCommand, RegExp][] = [
  ['raiseChallenge', /\b(raise|open|start|new)\s+(a\s+|new\s+)?(professional\s+)?challenge\b/],
  ['myChallenges', /\b(my|list|show)\s+(open\s+)?challenges\b/],
  ['help', /^(\/)?(help|\?|commands|hi|hello)\b/],
];

/** `text` has had the bot's @mention removed already. */
export function parseTextCommand(text: string | undefined): TextCommand | undefined {
  const t = (text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return patterns.find(([, re]) => re.test(t))?.[0];
}
