/**
 * The Challenge tab. `?view=mine` (the personal tab "My challenges"), `?view=partnership`
 * (the partnership view, as a personal or team tab) or `?view=config` (the team tab's
 * configuration page). In a browser on a local bot, `?as=<person id>` and `?theme=` stand in
 * for what Teams would give.
 */
import { ApiError, createApi, type Api } from './api';
import { h, replace } from './dom';
import { detectHost, type Host } from './host';
import { myChallengesView } from './mine';
import { partnershipView } from './partnership';
import { applyTheme } from './theme';
import type { PartnershipAccess } from '../../reports/access';

interface Session {
  mode: 'local' | 'production';
  person: { id: string; name: string; role: string; agency: string };
  inDirectory: boolean;
  partnerships: PartnershipAccess[];
  chatUrl?: string;
}

const root = () => document.getElementById('app')!;

function problem(error: unknown): HTMLElement {
  if (error instanceof ApiError && error.status === 403) {
    return h(
      'p',
      { class: 'empty', 'data-refused': '403' },
      'This view is for people with a role in the partnership. You do not have access to it.',
    );
  }
  if (error instanceof ApiError && error.status === 401) {
    return h(
      'p',
      { class: 'empty', 'data-refused': '401' },
      'You are not signed in. Open this tab in Teams, or pick a person below when running locally.',
    );
  }
  return h('p', { class: 'empty' }, 'This could not be loaded just now. Try again in a moment.');
}

async function localPicker(api: Api, params: URLSearchParams): Promise<HTMLElement> {
  const { people } = await api.json<{ people: { id: string; name: string; role: string; agency: string }[] }>(
    '/tab/api/local/people',
  );
  const select = h(
    'select',
    { id: 'person' },
    people.map((p) => h('option', { value: p.id }, `${p.name}, ${p.role} (${p.agency})`)),
  );
  const go = () => {
    sessionStorage.setItem('challenge.as', select.value);
    const url = new URL(location.href);
    url.searchParams.set('as', select.value);
    location.assign(url);
  };
  return h(
    'section',
    { class: 'view picker' },
    h('h1', {}, 'Challenge tab, local mode'),
    h(
      'p',
      {},
      'The bot runs without Microsoft Entra ID sign-in, so pick the directory person to look as. Production refuses this.',
    ),
    h('label', { for: 'person' }, 'Look as '),
    select,
    ' ',
    h('button', { type: 'button', class: 'primary', onclick: go }, 'Open'),
    params.get('view')
      ? null
      : h('p', { class: 'sub' }, 'Add ?view=partnership to the address for the partnership view.'),
  );
}

function navigation(view: string, session: Session, params: URLSearchParams): HTMLElement {
  const link = (to: string, text: string) => {
    const url = new URL(location.href);
    url.searchParams.set('view', to);
    url.searchParams.delete('quarter');
    return h(
      'a',
      {
        href: url.pathname + url.search,
        class: to === view ? 'active' : '',
        'aria-current': to === view ? 'page' : undefined,
      },
      text,
    );
  };
  return h(
    'nav',
    { class: 'tabs', 'aria-label': 'Views' },
    link('mine', 'My challenges'),
    session.partnerships.length > 0 || view === 'partnership' ? link('partnership', 'Partnership') : null,
    h('span', { class: 'spacer' }),
    session.mode === 'local'
      ? h(
          'span',
          { class: 'who' },
          `Local mode: ${session.person.name || 'unknown person'}`,
          ' ',
          h(
            'a',
            { href: `?view=${view}&pick=1${params.get('theme') ? `&theme=${params.get('theme')}` : ''}` },
            'change',
          ),
        )
      : null,
  );
}

async function render(host: Host, api: Api, params: URLSearchParams): Promise<void> {
  const view = params.get('view') ?? 'mine';
  if (view === 'config') {
    host.configure?.(`${location.origin}/tab/?view=partnership`);
    replace(
      root(),
      h(
        'section',
        { class: 'view' },
        h('h1', {}, 'Partnership view'),
        h(
          'p',
          {},
          "Adds the partnership's challenge log, quarterly scorecard and forms to this team. Each person sees only what their role allows.",
        ),
      ),
    );
    return;
  }
  if (
    host.kind === 'browser' &&
    (params.get('pick') === '1' || !(params.get('as') ?? sessionStorage.getItem('challenge.as')))
  ) {
    if (params.get('pick') === '1') sessionStorage.removeItem('challenge.as');
    replace(root(), await localPicker(api, params));
    return;
  }
  const session = await api.json<Session>('/tab/api/session');
  const content = h('div', { class: 'content' });
  replace(root(), navigation(view, session, params), content);
  try {
    if (view === 'partnership') {
      const chosen =
        session.partnerships.find((p) => p.partnershipId === params.get('partnership')) ?? session.partnerships[0];
      if (!chosen) throw new ApiError(403, 'not a partnership lead');
      replace(content, await partnershipView(api, host, chosen, session, params.get('quarter') ?? undefined));
    } else {
      replace(content, await myChallengesView(api, host, session));
    }
  } catch (error) {
    replace(content, problem(error));
  }
  document.body.dataset.ready = 'true';
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const host = await detectHost(params);
  applyTheme(host.theme);
  host.onThemeChange((theme) => {
    applyTheme(theme);
    // The charts are drawn in the theme's colours: draw the page again.
    void render(host, api, new URLSearchParams(location.search));
  });
  const api = createApi(host.credentials);
  try {
    await render(host, api, params);
  } catch (error) {
    replace(root(), problem(error));
    document.body.dataset.ready = 'true';
  }
}

void main();
