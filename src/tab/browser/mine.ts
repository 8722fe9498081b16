/** "My challenges": each open and recent challenge the person is on, with its timeline, who holds it and a way into the chat. */
import { formatDay } from '../../../cards/view-models/format';
import type { ChallengeView } from '../../reports/challenge-view';
import type { Api } from './api';
import { h } from './dom';
import type { Host } from './host';
import { showPrintable } from './print';
import { timelineView } from './timeline';

const STATUS = { open: 'Open', paused: 'Paused', resolved: 'Resolved' } as const;

export function challengeCard(view: ChallengeView, api: Api, host: Host, session: { chatUrl?: string }): HTMLElement {
  const status = h('span', { class: `badge status-${view.status}` }, STATUS[view.status]);
  const note = h('span', { class: 'note', role: 'status' });
  const open = async () => {
    note.textContent = 'Sending the card to your chat…';
    try {
      const result = await api.json<{ delivered: boolean; chatUrl?: string }>(
        `/tab/api/challenges/${view.challengeId}/open`,
        {
          method: 'POST',
        },
      );
      const chat = result.chatUrl ?? session.chatUrl;
      note.textContent = result.delivered
        ? 'The card is in your chat with Challenge.'
        : 'Install Challenge in your chat first; then try again.';
      if (result.delivered && chat) await host.openLink(chat);
    } catch {
      note.textContent = 'The card could not be sent just now; try again.';
    }
  };
  const documents = view.documents.map((d) =>
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => void showPrintable(api, `/tab/api/challenges/${view.challengeId}/forms/${d.id}`, d.title),
      },
      `Print: ${d.title}`,
    ),
  );
  return h(
    'article',
    { class: 'challenge', 'data-challenge': view.caseReference, 'aria-label': `Challenge ${view.caseReference}` },
    h(
      'header',
      {},
      h('h2', {}, view.caseReference),
      status,
      view.awaitingYou ? h('span', { class: 'badge waiting' }, 'Waiting for you') : null,
      view.logId ? h('span', { class: 'badge' }, `Log ID ${view.logId}`) : null,
    ),
    h(
      'dl',
      { class: 'facts' },
      view.familyName ? [h('dt', {}, 'Family name'), h('dd', {}, view.familyName)] : null,
      h('dt', {}, 'Partnership'),
      h('dd', {}, view.partnership),
      h('dt', {}, 'Raised'),
      h('dd', {}, `${formatDay(view.raisedAt)} by ${view.raisedBy}, with ${view.raisedWith}`),
      h('dt', {}, 'Area'),
      h('dd', {}, view.areas.join('; ')),
      h('dt', {}, view.status === 'resolved' ? 'Resolved' : 'Held by'),
      h(
        'dd',
        {},
        view.resolution
          ? `At ${view.resolution.stage}, ${formatDay(view.resolution.resolvedAt)}: ${view.resolution.agreedOutcome}`
          : view.heldBy.map((p) => `${p.name} (${[p.role, p.agency].filter(Boolean).join(', ')})`).join('; ') ||
              'Nobody named',
      ),
      view.yourRoles.length ? [h('dt', {}, 'Your part'), h('dd', {}, view.yourRoles.join(', '))] : null,
    ),
    timelineView(view),
    h(
      'div',
      { class: 'actions' },
      view.yourRoles.length
        ? h('button', { type: 'button', class: 'primary', onclick: () => void open() }, 'Open its card in the chat')
        : null,
      ...documents,
      note,
    ),
  );
}

export async function myChallengesView(api: Api, host: Host, session: { chatUrl?: string; person: { name: string } }) {
  const { challenges } = await api.json<{ challenges: ChallengeView[] }>('/tab/api/my-challenges');
  const open = challenges.filter((c) => c.status !== 'resolved').length;
  const waiting = challenges.filter((c) => c.awaitingYou).length;
  return h(
    'section',
    { class: 'view mine' },
    h(
      'div',
      { class: 'view-head' },
      h('h1', {}, 'My challenges'),
      h(
        'p',
        { class: 'sub' },
        `${session.person.name}: ${open} open, ${waiting} waiting for you. Resolved challenges stay here for 60 days.`,
      ),
    ),
    challenges.length === 0
      ? h(
          'p',
          { class: 'empty' },
          'You are not on any challenge. Type "raise challenge" in your chat with Challenge to raise one.',
        )
      : challenges.map((c) => challengeCard(c, api, host, session)),
  );
}
