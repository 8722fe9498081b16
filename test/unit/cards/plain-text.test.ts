/**
 * Text from users is shown as text: whatever a person types (a case reference, a reason, a
 * name) reads on every card exactly as typed, never as a link or formatting. Judged by a real
 * markdown renderer (markdown-it, with bare-URL linking on, as a Teams client would link them).
 */
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { describe, it } from 'mocha';
import { plainText } from '../../../cards/plain-text';
import { renderCard, type TemplateName } from '../../../cards/render';
import { toDigestCardData } from '../../../cards/view-models/digest';
import { toFeedbackCardData } from '../../../cards/view-models/feedback';
import { toMinimalCardData } from '../../../cards/view-models/minimal-card';
import { toMyChallengesCardData } from '../../../cards/view-models/my-challenges';
import { toReminderCardData } from '../../../cards/view-models/reminder';
import { toThreadEventCardData } from '../../../cards/view-models/thread-event';
import { toThreadRootCardData } from '../../../cards/view-models/thread-root';
import { stageCardFor } from '../../../cards/stage-card-for';
import type { Challenge } from '../../../src/workflow';
import { walks } from './fixtures';
import { walk } from './validate-card';

const md = new MarkdownIt({ linkify: true });
md.linkify.set({ fuzzyLink: false });

const HOSTILE = [
  '[Sign in to view](https://evil.example/x)',
  '**urgent** _now_ ~~struck~~ `code`',
  '<https://evil.example/y> and https://evil.example/z and www.evil.example',
  '![img](https://evil.example/p.png)',
  '# heading\n- a list\n1. numbered\n> quote',
  'A&amp;B \\*escaped\\* [x][ref]\n\n[ref]: https://evil.example/r',
];

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** What a markdown client makes of a text: the HTML, and the words a person reads. */
function asShown(text: string) {
  const html = md.render(text);
  return {
    html,
    reads: decode(html)
      .replace(/\u2060/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

const FORMATTING = /<(a|em|strong|s|code|img|h\d|ul|ol|li|blockquote|hr)\b/;

function displayTexts(card: object): string[] {
  const texts: string[] = [];
  for (const o of walk(card)) {
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') texts.push(o.text);
    if (o.type === 'FactSet')
      for (const f of o.facts as { title: string; value: string }[]) texts.push(f.title, f.value);
  }
  return texts;
}

describe('text from users is shown as text (COM-2)', () => {
  for (const hostile of HOSTILE) {
    it(`plainText: ${JSON.stringify(hostile.slice(0, 40))} reads as typed, with no link or formatting`, () => {
      const shown = asShown(plainText(hostile));
      assert.doesNotMatch(shown.html, FORMATTING, shown.html);
      assert.equal(shown.reads, hostile.replace(/\s+/g, ' ').trim());
    });
  }

  it('takes hostile runs of markup in its stride (no pattern that backtracks)', () => {
    const hostile = '[<*_\n  -1. '.repeat(20_000);
    assert.ok(plainText(hostile).length > hostile.length, 'it escaped');
    assert.ok(plainText(' '.repeat(100_000) + 'x').endsWith('x'));
  });

  it('every card that shows a case reference or free text shows it as text, in a channel and 1:1', () => {
    const { procedure, atStage, events } = walks.find((w) => w.procedure.id === 'leeds') ?? assert.fail();
    const now = new Date('2027-01-20T10:00:00Z');
    const base = atStage[1]!;
    const hostile = HOSTILE[0]!;
    const challenge: Challenge = {
      ...base,
      caseReference: hostile,
      concern: HOSTILE[1]!,
      desiredOutcome: HOSTILE[2]!,
      evidence: HOSTILE[3]!,
      stages: base.stages.map((s) => ({ ...s, entryReason: HOSTILE[4]! })),
    };
    const owner = challenge.participants['raising.lineManager']![0]!;
    const entry = { procedure, challenge };
    const cards: [TemplateName | string, object][] = [
      ['thread-root', renderCard('thread-root', toThreadRootCardData(procedure, challenge, now))],
      ...events
        .slice(0, 6)
        .map((e): [string, object] => [
          `thread-event ${e.type}`,
          renderCard('thread-event', toThreadEventCardData(procedure, challenge, e)),
        ]),
      [
        'digest',
        renderCard(
          'digest',
          toDigestCardData({ day: '2027-01-20', now, sections: { overdue: [entry], new: [entry] } }),
        ),
      ],
      ['minimal-card', renderCard('minimal-card', toMinimalCardData(procedure, challenge, now))],
      ['stage-card', stageCardFor({ procedure, challenge, personId: owner.id, now })],
      ['feedback', renderCard('feedback', toFeedbackCardData({ procedure, challenge, change: hostile, now }))],
      ['reminder', renderCard('reminder', toReminderCardData({ procedure, challenge, level: 'overdue', now }))],
      [
        'my-challenges',
        renderCard(
          'my-challenges',
          toMyChallengesCardData([{ procedure, challenge, roles: ['raising.lineManager'], awaitingYou: true }], now),
        ),
      ],
    ];
    for (const [name, card] of cards) {
      const texts = displayTexts(card);
      assert.ok(
        texts.some((t) => asShown(t).reads.includes(hostile)),
        `${name} shows the case reference as typed`,
      );
      for (const t of texts) assert.doesNotMatch(asShown(t).html, FORMATTING, `${name}: ${t}`);
    }
  });
});
