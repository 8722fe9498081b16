/**
 * The tab's API under /tab/api: a thin shell over the pure reports (src/reports). Every
 * request is authenticated first (bot/tab-auth.ts: 401 without a valid identity) and every
 * answer is filtered by role (src/reports/access.ts: 403 outside it): a person sees the
 * challenges they are on; a partnership's business unit, executive, coordinators and board
 * representatives see their own partnership's, never another's; the family name only reaches
 * people on the challenge; the subject access export is the business unit's alone.
 * Answers are never cached; errors are logged by code, never with case text.
 */
import type restify from 'restify';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Config } from '../src/config';
import { findProcedure } from '../src/procedures';
import type { Procedure } from '../src/procedures/schema';
import {
  accessTo,
  eventsForViewer,
  forViewer,
  partnershipAccessOf,
  seesFamilyName,
  viewOf,
  type PartnershipAccess,
} from '../src/reports/access';
import { challengeLog, logCells, LOG_COLUMNS } from '../src/reports/challenge-log';
import { challengeView } from '../src/reports/challenge-view';
import type { ReportEntry } from '../src/reports/entries';
import { learningThemes } from '../src/reports/learning';
import { partnershipOutcomes } from '../src/reports/partnership-outcomes';
import { quarterById, quarterOf, quartersBetween, yearOf } from '../src/reports/periods';
import { printableForm } from '../src/reports/printable-form';
import { repeatAgencyWatch } from '../src/reports/repeat-agency';
import { quarterlyScorecard, scorecardRows } from '../src/reports/scorecard';
import { subjectAccessRecord } from '../src/reports/subject-access';
import { createChallengeReportsStore, type ChallengeWithHistory } from '../src/store/challenge-reports-store';
import { printedFormHtml, subjectAccessHtml } from '../src/tab/print-html';
import { londonDate } from '../src/calendar';
import { calendarOf } from '../src/workflow/calendar-of';
import { describeRole } from '../src/workflow/roles';
import type { OwnerRole } from '../src/procedures/schema';

/** "raiser", "raisedWith" or an owner role, in words. */
const roleWords = (role: string): string =>
  role === 'raiser'
    ? 'the raiser'
    : role === 'raisedWith'
      ? 'the professional it is raised with'
      : describeRole(role as OwnerRole);
import type { Services } from './services';
import type { TabAuthenticator } from './tab-auth';

/** Challenges resolved this long ago still show under "My challenges". */
const RECENT_DAYS = 60;
const DAY_MS = 86_400_000;

const IdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/);
const FormatSchema = z.enum(['json', 'html']);

type Answer = { status: number; json: unknown } | { status: 200; body: string; type: string; filename?: string };

/** The query string's values (the server has no query parser plugin). */
const queryOf = (req: restify.Request): URLSearchParams => new URL(req.url ?? '/', 'http://tab.invalid').searchParams;

const fail = (status: number, error: string): Answer => ({ status, json: { error } });
const notAllowed = fail(403, 'You do not have access to this.');
const notFound = fail(404, 'Not found.');

interface Caller {
  personId: string;
  access: PartnershipAccess[];
}

export interface TabApiDeps {
  services: Services;
  config: Config;
  auth: TabAuthenticator;
}

export function registerTabApi(server: restify.Server, deps: TabApiDeps): void {
  const { services, config, auth } = deps;
  const { stores, clock, logger } = services;
  const reads = createChallengeReportsStore({ challenges: stores.challenges, personIndex: stores.personIndex });
  const chatUrl = config.bot.appId ? `https://teams.microsoft.com/l/chat/0/0?users=28:${config.bot.appId}` : undefined;

  const entryOf = (loaded: ChallengeWithHistory): ReportEntry | undefined => {
    const procedure = findProcedure(loaded.challenge.procedureId);
    return procedure ? { procedure, ...loaded } : undefined;
  };

  /** One challenge the caller may see, with how: or the answer to give instead. */
  const visibleChallenge = async (caller: Caller, rawId: string | undefined) => {
    const id = IdSchema.safeParse(rawId);
    if (!id.success) return { answer: notFound };
    const loaded = await reads.one(id.data);
    const entry = loaded ? entryOf(loaded) : undefined;
    if (!entry) return { answer: notFound };
    const view = viewOf(entry.challenge, caller.personId, caller.access);
    if (!view) return { answer: notAllowed };
    return { entry, view };
  };

  const viewFor = (caller: Caller, entry: ReportEntry) =>
    challengeView({
      procedure: entry.procedure,
      challenge: entry.challenge,
      events: entry.events,
      viewerId: caller.personId,
      now: clock.now(),
      calendar: calendarOf(entry.procedure),
    });

  /** The partnership's reports, for its leads only. */
  const partnershipEntries = async (caller: Caller, rawId: string | undefined) => {
    const id = IdSchema.safeParse(rawId);
    const access = id.success ? accessTo(caller.access, id.data) : undefined;
    if (!access) return { answer: notAllowed };
    const procedure = findProcedure(access.procedureId);
    if (!procedure) return { answer: notFound };
    const loaded = await reads.forProcedure(procedure.id);
    // What a lead reads of each: never the family name of a challenge they are not on.
    const entries = loaded.map(({ challenge, events }) => ({
      procedure,
      challenge: forViewer(procedure, challenge, caller.personId),
      events: eventsForViewer(procedure, challenge, events, caller.personId),
    }));
    return { access, procedure, entries };
  };

  const quarterParam = (req: restify.Request) => {
    const raw = queryOf(req).get('quarter') ?? undefined;
    if (raw === undefined || raw === '') return { quarter: quarterOf(clock.now()) };
    const parsed = QuarterSchema.safeParse(raw);
    const quarter = parsed.success ? quarterById(parsed.data) : undefined;
    return quarter ? { quarter } : { answer: fail(400, 'The quarter is given as YYYY-Qn, e.g. 2026-Q3.') };
  };

  const overview = async (procedure: Procedure, entries: ReportEntry[], quarterId: string) => {
    const now = clock.now();
    const calendar = calendarOf(procedure);
    const quarter = quarterById(quarterId)!;
    const year = yearOf(quarter.from);
    const first = entries.reduce((min, e) => Math.min(min, new Date(e.challenge.raisedAt).getTime()), now.getTime());
    return {
      procedure: { id: procedure.id, partnership: procedure.partnership, hasLogIds: !!procedure.log },
      now: now.toISOString(),
      quarters: quartersBetween(new Date(first), now).map((q) => ({ id: q.id, label: q.label })),
      scorecard: quarterlyScorecard(procedure, entries, quarter, now, calendar),
      log: challengeLog(entries, now, () => calendar),
      repeats: repeatAgencyWatch(procedure, entries, now) ?? null,
      learning: { year: { id: year.id, label: year.label }, themes: learningThemes(procedure, entries, year) },
      outcomes: partnershipOutcomes(procedure, entries),
      // People who left (retired by a directory import) and still hold a role: the business unit hands it over.
      handOvers: (await stores.directory.handOvers.list())
        .filter((f) => f.procedureId === procedure.id)
        .map((f) => ({
          challengeId: f.challengeId,
          caseReference: f.caseReference,
          personName: f.personName,
          roles: f.roles.map(roleWords),
          flaggedAt: f.flaggedAt,
        })),
    };
  };

  const csv = (rows: string[][], filename: string): Answer => ({
    status: 200,
    // A byte order mark, so spreadsheet programs read the file as UTF-8.
    body: `\uFEFF${stringify(rows)}`,
    type: 'text/csv; charset=utf-8',
    filename,
  });
  const day = (iso: string) => londonDate(new Date(iso));

  const routes: [
    method: 'get' | 'post',
    path: string,
    handler: (req: restify.Request, caller: Caller) => Promise<Answer>,
  ][] = [
    [
      'get',
      '/tab/api/session',
      async (_req, caller) => {
        const person = await stores.directory.people.get(caller.personId);
        const agency = person ? await stores.directory.agencies.get(person.agencyId) : undefined;
        return {
          status: 200,
          json: {
            mode: config.mode,
            person: person
              ? { id: person.id, name: person.name, role: person.role, agency: agency?.name ?? '' }
              : { id: caller.personId, name: '', role: '', agency: '' },
            inDirectory: !!person,
            partnerships: caller.access,
            ...(chatUrl ? { chatUrl } : {}),
          },
        };
      },
    ],
    [
      'get',
      '/tab/api/my-challenges',
      async (_req, caller) => {
        const now = clock.now();
        const recent = now.getTime() - RECENT_DAYS * DAY_MS;
        const views = (await reads.forPerson(caller.personId))
          .flatMap((loaded) => {
            const entry = entryOf(loaded);
            return entry && viewOf(entry.challenge, caller.personId, []) === 'onChallenge' ? [entry] : [];
          })
          .filter((e) => !e.challenge.resolution || new Date(e.challenge.resolution.resolvedAt).getTime() >= recent)
          .map((e) => viewFor(caller, e));
        const order = (v: (typeof views)[number]) => (v.status === 'resolved' ? 2 : v.awaitingYou ? 0 : 1);
        views.sort((a, b) => order(a) - order(b) || b.raisedAt.localeCompare(a.raisedAt));
        return { status: 200, json: { now: now.toISOString(), challenges: views } };
      },
    ],
    [
      'get',
      '/tab/api/challenges/:id',
      async (req, caller) => {
        const found = await visibleChallenge(caller, req.params?.id);
        return 'answer' in found ? found.answer! : { status: 200, json: viewFor(caller, found.entry) };
      },
    ],
    [
      'post',
      '/tab/api/challenges/:id/open',
      async (req, caller) => {
        const found = await visibleChallenge(caller, req.params?.id);
        if ('answer' in found) return found.answer!;
        if (found.view !== 'onChallenge') return notAllowed;
        const card = await services.views.personCard(found.entry.procedure, found.entry.challenge, caller.personId);
        const delivery = await services.messenger.sendToPerson(caller.personId, card);
        return { status: 200, json: { delivered: delivery.delivered, ...(chatUrl ? { chatUrl } : {}) } };
      },
    ],
    [
      'get',
      '/tab/api/challenges/:id/forms/:document',
      async (req, caller) => {
        const found = await visibleChallenge(caller, req.params?.id);
        if ('answer' in found) return found.answer!;
        const document = IdSchema.safeParse(req.params?.document);
        const form = document.success
          ? printableForm(found.entry, document.data, {
              seesFamilyName: seesFamilyName(found.entry.challenge, caller.personId),
            })
          : undefined;
        if (!form) return notFound;
        return { status: 200, body: printedFormHtml(form, clock.now()), type: 'text/html; charset=utf-8' };
      },
    ],
    [
      'get',
      '/tab/api/challenges/:id/subject-access',
      async (req, caller) => {
        const found = await visibleChallenge(caller, req.params?.id);
        if ('answer' in found) return found.answer!;
        const { procedure, challenge, events } = found.entry;
        const businessUnit = caller.access.some((a) => a.subjectAccess && a.procedureId === procedure.id);
        if (!businessUnit) return notAllowed;
        const format = FormatSchema.safeParse(queryOf(req).get('format') ?? 'json');
        if (!format.success) return fail(400, 'The format is json or html.');
        const person = await stores.directory.people.get(caller.personId);
        const record = subjectAccessRecord({
          procedure,
          challenge: forViewer(procedure, challenge, caller.personId),
          events: eventsForViewer(procedure, challenge, events, caller.personId),
          refusals: await stores.audit.list(challenge.id),
          now: clock.now(),
          requestedBy: { id: caller.personId, name: person?.name ?? caller.personId },
        });
        const name = `subject-access-${challenge.caseReference.replace(/[^A-Za-z0-9-]/g, '_')}`;
        return format.data === 'json'
          ? {
              status: 200,
              body: JSON.stringify(record, null, 2),
              type: 'application/json; charset=utf-8',
              filename: `${name}.json`,
            }
          : {
              status: 200,
              body: subjectAccessHtml(record),
              type: 'text/html; charset=utf-8',
              filename: `${name}.html`,
            };
      },
    ],
    [
      'get',
      '/tab/api/partnerships/:id/overview',
      async (req, caller) => {
        const found = await partnershipEntries(caller, req.params?.id);
        if ('answer' in found) return found.answer!;
        const q = quarterParam(req);
        if ('answer' in q) return q.answer!;
        return { status: 200, json: await overview(found.procedure, found.entries, q.quarter.id) };
      },
    ],
    [
      'get',
      '/tab/api/partnerships/:id/log.csv',
      async (req, caller) => {
        const found = await partnershipEntries(caller, req.params?.id);
        if ('answer' in found) return found.answer!;
        const calendar = calendarOf(found.procedure);
        const log = challengeLog(found.entries, clock.now(), () => calendar);
        return csv(
          [LOG_COLUMNS.map((c) => c.heading), ...log.map((row) => logCells(row, day))],
          `challenge-log-${found.access.partnershipId}.csv`,
        );
      },
    ],
    [
      'get',
      '/tab/api/partnerships/:id/scorecard.csv',
      async (req, caller) => {
        const found = await partnershipEntries(caller, req.params?.id);
        if ('answer' in found) return found.answer!;
        const q = quarterParam(req);
        if ('answer' in q) return q.answer!;
        const card = quarterlyScorecard(
          found.procedure,
          found.entries,
          q.quarter,
          clock.now(),
          calendarOf(found.procedure),
        );
        return csv(
          [['Figure', 'Value'], ...scorecardRows(card)],
          `scorecard-${found.access.partnershipId}-${q.quarter.id}.csv`,
        );
      },
    ],
  ];

  if (config.mode === 'local') {
    // Local mode only: the people a developer may pick to look as (production has no such list).
    server.get('/tab/api/local/people', async (_req: restify.Request, res: restify.Response) => {
      const [people, agencies] = await Promise.all([stores.directory.people.list(), stores.directory.agencies.list()]);
      const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
      res.setHeader('cache-control', 'no-store');
      res.send(200, {
        people: people
          .map((p) => ({ id: p.id, name: p.name, role: p.role, agency: agencyName.get(p.agencyId) ?? '' }))
          .sort((a, b) => a.agency.localeCompare(b.agency) || a.name.localeCompare(b.name)),
      });
    });
  }

  for (const [method, path, handler] of routes) {
    server[method](path, async (req: restify.Request, res: restify.Response) => {
      let answer: Answer;
      try {
        const identity = await auth.identify(req.headers);
        if (!identity) {
          answer = fail(401, 'Sign in to Teams to see this.');
        } else {
          const partnerships = await stores.directory.partnerships.list();
          answer = await handler(req, {
            personId: identity.personId,
            access: partnershipAccessOf(partnerships, identity.personId),
          });
        }
      } catch (error) {
        logger.warn('tab api failed', { route: path, error: (error as Error).name });
        answer = fail(500, 'This could not be loaded just now; try again.');
      }
      res.setHeader('cache-control', 'no-store');
      if ('json' in answer) {
        res.send(answer.status, answer.json);
        return;
      }
      const headers: Record<string, string> = { 'content-type': answer.type };
      if (answer.filename) headers['content-disposition'] = `attachment; filename="${answer.filename}"`;
      res.writeHead(answer.status, headers);
      res.end(answer.body);
    });
  }
}
