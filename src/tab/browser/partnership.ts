/**
 * The partnership view, for its business unit, executive and leads: the quarterly scorecard
 * (headline figures, charts and the same figures as a table), the repeat-agency watch
 * (DUR-11), the challenge log (DAR-6) with CSV exports, the record of the stages the
 * partnership owns (DUD-7) and the year's learning themes (NEW-9). A row opens the challenge.
 */
import type { Chart } from 'chart.js';
import { formatDay } from '../../../cards/view-models/format';
import type { PartnershipAccess } from '../../reports/access';
import type { ChallengeView } from '../../reports/challenge-view';
import type { LogRow } from '../../reports/challenge-log';
import type { LearningTheme } from '../../reports/learning';
import type { PartnershipOutcome } from '../../reports/partnership-outcomes';
import type { RepeatWatch } from '../../reports/repeat-agency';
import type { Scorecard } from '../../reports/scorecard';
import type { Api } from './api';
import { scorecardCharts } from './charts';
import { h, replace } from './dom';
import type { Host } from './host';
import { challengeCard } from './mine';
import { showPrintable } from './print';

interface Overview {
  procedure: { id: string; partnership: string; hasLogIds: boolean };
  now: string;
  quarters: { id: string; label: string }[];
  scorecard: Scorecard;
  log: LogRow[];
  repeats: RepeatWatch | null;
  learning: { year: { id: string; label: string }; themes: LearningTheme[] };
  outcomes: PartnershipOutcome[];
  handOvers: { challengeId: string; caseReference: string; personName: string; roles: string[]; flaggedAt: string }[];
}

const percent = (x: number | null) => (x === null ? 'None' : `${Math.round(x * 100)}%`);
const day = (iso: string) => (iso ? formatDay(iso) : '');

function tile(label: string, value: string, detail: string, testId: string): HTMLElement {
  return h(
    'div',
    { class: 'tile', 'data-figure': testId },
    h('div', { class: 'tile-value' }, value),
    h('div', { class: 'tile-label' }, label),
    h('div', { class: 'tile-detail' }, detail),
  );
}

function figuresTable(card: Scorecard): HTMLElement {
  const row = (figure: string, value: string | number) =>
    h('tr', {}, h('th', { scope: 'row' }, figure), h('td', {}, String(value)));
  return h(
    'table',
    { class: 'figures', 'data-table': 'figures' },
    h('caption', {}, `Figures: ${card.period.label}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col' }, 'Value'))),
    h(
      'tbody',
      {},
      row('Raised', card.raised),
      row('Resolved', card.resolved),
      card.resolvedAtStage.map((s) => row(`Resolved at ${s.label}`, s.count)),
      row('Median working days to resolve', card.medianWorkingDaysToResolve ?? 'None resolved'),
      row(
        `Share resolved at ${card.resolvedAtFirstTwoStages.stages.join(' or ')}`,
        percent(card.resolvedAtFirstTwoStages.share),
      ),
      row('Stage deadlines due', card.deadlines.due),
      row('Stage deadlines missed', `${card.deadlines.missed} (${percent(card.deadlines.rate)})`),
      card.byArea.map((a) => row(`Area: ${a.name}`, a.count)),
      card.byAgencyRaisedBy.map((a) => row(`Raised by: ${a.name}`, a.count)),
      card.byAgencyRaisedWith.map((a) => row(`Raised with: ${a.name}`, a.count)),
    ),
  );
}

/** Challenges held by people who have left (the directory import flags them): each needs a hand-over. */
function handOversSection(rows: Overview['handOvers']): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'handovers-h' },
    h('h2', { id: 'handovers-h' }, 'Needs a hand-over: held by people who have left'),
    h(
      'p',
      { class: 'sub' },
      'The directory no longer lists these people. Ask their agency who takes the role on, then hand it over from the challenge card.',
    ),
    h(
      'table',
      { class: 'log', 'data-testid': 'handovers' },
      h(
        'thead',
        {},
        h('tr', {}, ...['Case reference', 'Held by', 'Role', 'Flagged'].map((t) => h('th', { scope: 'col' }, t))),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            {},
            h('td', {}, r.caseReference),
            h('td', {}, r.personName),
            h('td', {}, r.roles.join('; ')),
            h('td', {}, day(r.flaggedAt)),
          ),
        ),
      ),
    ),
  );
}

function repeatsSection(watch: RepeatWatch): HTMLElement {
  const flagged = watch.agencies.filter((a) => a.flagged);
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'repeats-h' },
    h('h2', { id: 'repeats-h' }, `Repeated challenges to one agency${watch.rule ? ` (${watch.rule})` : ''}`),
    h(
      'p',
      { class: 'sub' },
      `Flagged at ${watch.threshold} or more challenges to the same agency within ${watch.withinDays} days, for ${watch.tell.join(' and ')} to consider escalating.`,
    ),
    flagged.length === 0 ? h('p', {}, 'No agency is at the threshold.') : null,
    h(
      'table',
      { class: 'log' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Agency raised with', 'Challenges in the window', 'Case references', ''].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        watch.agencies.map((a) =>
          h(
            'tr',
            { class: a.flagged ? 'flagged' : '' },
            h('td', {}, a.agency),
            h('td', {}, String(a.count)),
            h('td', {}, a.challenges.map((c) => c.logId || c.caseReference).join(', ')),
            h('td', {}, a.flagged ? h('strong', { class: 'overdue' }, 'Flagged') : ''),
          ),
        ),
      ),
    ),
  );
}

function logTable(log: LogRow[], onOpen: (row: LogRow) => void): HTMLElement {
  const headings = [
    'Log ID',
    'Case reference',
    'Raised',
    'Resolved',
    'Raised by',
    'Raised with',
    'Area of disagreement',
    'Stage reached',
    'Resolved at',
    'Outcome',
    'Working days overdue',
  ];
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'log', 'data-table': 'log' },
      h('caption', {}, `Challenge log: ${log.length} challenge${log.length === 1 ? '' : 's'}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headings.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        log.map((r) =>
          h(
            'tr',
            { 'data-case': r.caseReference, class: r.overdueNow ? 'is-overdue' : '' },
            h('td', {}, r.logId),
            h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => onOpen(r) }, r.caseReference)),
            h('td', {}, day(r.raisedAt)),
            h('td', {}, r.resolvedAt ? day(r.resolvedAt) : r.status),
            h('td', {}, r.raisedByAgency),
            h('td', {}, r.raisedWithAgency),
            h('td', {}, r.areas.join('; ')),
            h('td', {}, r.stageReached),
            h('td', {}, r.stageResolvedAt),
            h('td', { class: 'outcome' }, r.outcome),
            h(
              'td',
              { class: r.overdueWorkingDays > 0 || r.overdueNow ? 'overdue num' : 'num' },
              `${r.overdueWorkingDays}${r.overdueNow ? ' (overdue now)' : ''}`,
            ),
          ),
        ),
      ),
    ),
  );
}

function outcomesSection(outcomes: PartnershipOutcome[]): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'outcomes-h' },
    h('h2', { id: 'outcomes-h' }, 'Outcomes of the stages the partnership owns'),
    outcomes.length === 0
      ? h('p', {}, 'No challenge has reached a stage the partnership owns.')
      : h(
          'ul',
          { class: 'outcomes' },
          outcomes.map((o) =>
            h(
              'li',
              {},
              h('strong', {}, `${o.logId || o.caseReference}, ${o.stage}`),
              ` from ${day(o.enteredAt)}${o.endedAt ? ` to ${day(o.endedAt)} (${o.endedBy})` : ', in progress'}`,
              o.answers.length
                ? h(
                    'dl',
                    {},
                    o.answers.flatMap((a) => [h('dt', {}, a.label), h('dd', {}, a.value)]),
                  )
                : null,
              o.agreedOutcome ? h('p', {}, `Agreed outcome: ${o.agreedOutcome}`) : null,
            ),
          ),
        ),
  );
}

function learningSection(learning: Overview['learning']): HTMLElement {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'learning-h' },
    h('h2', { id: 'learning-h' }, `Learning themes for the annual report, ${learning.year.label}`),
    learning.themes.length === 0
      ? h('p', {}, 'No challenge has been resolved this year.')
      : h(
          'ul',
          { class: 'themes' },
          learning.themes.map((t) =>
            h(
              'li',
              {},
              h('strong', {}, t.area),
              `: ${t.resolved} resolved`,
              t.learning.length
                ? h(
                    'ul',
                    {},
                    t.learning.map((l) => h('li', {}, `${l.text} (${l.caseReference}, ${l.stage})`)),
                  )
                : null,
            ),
          ),
        ),
  );
}

export async function partnershipView(
  api: Api,
  host: Host,
  access: PartnershipAccess,
  session: { chatUrl?: string },
  quarterId: string | undefined,
): Promise<HTMLElement> {
  const base = `/tab/api/partnerships/${access.partnershipId}`;
  const data = await api.json<Overview>(
    `${base}/overview${quarterId ? `?quarter=${encodeURIComponent(quarterId)}` : ''}`,
  );
  const card = data.scorecard;
  const root = h('section', { class: 'view partnership', 'data-partnership': access.partnershipId });
  const detail = h('div', { class: 'detail' });
  let charts: Chart[] = [];

  const openChallenge = async (row: LogRow) => {
    const view = await api.json<ChallengeView>(`/tab/api/challenges/${row.challengeId}`);
    const exports = access.subjectAccess
      ? h(
          'div',
          { class: 'actions' },
          h('span', {}, 'Subject access request:'),
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void showPrintable(
                  api,
                  `/tab/api/challenges/${row.challengeId}/subject-access?format=html`,
                  `Subject access record: ${row.caseReference}`,
                ),
            },
            'Read the full record',
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void api.download(
                  `/tab/api/challenges/${row.challengeId}/subject-access?format=html`,
                  'subject-access.html',
                ),
            },
            'Save readable (HTML)',
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void api.download(
                  `/tab/api/challenges/${row.challengeId}/subject-access?format=json`,
                  'subject-access.json',
                ),
            },
            'Save JSON',
          ),
        )
      : null;
    replace(detail, h('h2', {}, `Challenge ${row.caseReference}`), challengeCard(view, api, host, session), exports);
    detail.scrollIntoView({ block: 'start' });
  };

  const quarterSelect = h(
    'select',
    {
      id: 'quarter',
      onchange: (e: Event) => {
        const url = new URL(location.href);
        url.searchParams.set('quarter', (e.target as HTMLSelectElement).value);
        history.replaceState(null, '', url);
        void partnershipView(api, host, access, session, (e.target as HTMLSelectElement).value).then((next) => {
          charts.forEach((c) => c.destroy());
          root.replaceWith(next);
        });
      },
    },
    data.quarters.map((q) => h('option', { value: q.id, selected: q.id === card.period.id }, q.label)),
  );
  const { element: chartElement, draw } = scorecardCharts(card);
  replace(
    root,
    h(
      'div',
      { class: 'view-head' },
      h('h1', {}, data.procedure.partnership),
      h(
        'p',
        { class: 'sub' },
        `Partnership view for ${access.roles.map((r) => ({ businessUnit: 'the business unit', executive: 'the executive', coordinator: 'the coordinator', boardRepresentative: 'board representatives' })[r]).join(', ')}. Case references only; no names of children or adults.`,
      ),
      h(
        'div',
        { class: 'toolbar' },
        h('label', { for: 'quarter' }, 'Quarter'),
        quarterSelect,
        h(
          'button',
          { type: 'button', onclick: () => void api.download(`${base}/log.csv`, 'challenge-log.csv') },
          'Download the log (CSV)',
        ),
        h(
          'button',
          {
            type: 'button',
            onclick: () => void api.download(`${base}/scorecard.csv?quarter=${card.period.id}`, 'scorecard.csv'),
          },
          'Download the figures (CSV)',
        ),
      ),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'scorecard-h' },
      h('h2', { id: 'scorecard-h' }, `Quarterly scorecard: ${card.period.label}`),
      h(
        'div',
        { class: 'tiles' },
        tile('Raised', String(card.raised), 'in the quarter', 'raised'),
        tile('Resolved', String(card.resolved), 'in the quarter', 'resolved'),
        tile(
          'Median working days',
          card.medianWorkingDaysToResolve === null ? 'None' : String(card.medianWorkingDaysToResolve),
          'from raised to resolved',
          'median',
        ),
        tile(
          `Resolved at ${card.resolvedAtFirstTwoStages.stages.join(' or ')}`,
          percent(card.resolvedAtFirstTwoStages.share),
          `${card.resolvedAtFirstTwoStages.count} of ${card.resolved}`,
          'early',
        ),
        tile(
          'Stage deadlines missed',
          percent(card.deadlines.rate),
          `${card.deadlines.missed} of ${card.deadlines.due} due`,
          'missed',
        ),
      ),
      chartElement,
      figuresTable(card),
    ),
    data.handOvers.length > 0 ? handOversSection(data.handOvers) : null,
    data.repeats ? repeatsSection(data.repeats) : null,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'log-h' },
      h(
        'h2',
        { id: 'log-h' },
        `Challenge log${data.procedure.hasLogIds ? ' (log IDs given by the business unit)' : ''}`,
      ),
      logTable(data.log, (row) => void openChallenge(row)),
    ),
    detail,
    outcomesSection(data.outcomes),
    learningSection(data.learning),
  );
  // Charts measure their boxes: draw once the view is in the page.
  requestAnimationFrame(() => {
    charts = draw();
  });
  return root;
}
