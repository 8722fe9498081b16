/**
 * The privacy statement and terms of use the Teams manifest links to (developer.privacyUrl,
 * termsOfUseUrl). Served by the bot so the links work wherever it is deployed; the text says
 * what the product actually stores and who sees it.
 */
import type restify from 'restify';

const page = (title: string, body: string) => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - Challenge</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.6rem}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;

export const privacyPage = page(
  'Privacy statement',
  `<p>Challenge runs professional challenge and escalation between safeguarding partners. It is
operated by your safeguarding partnership, which is the data controller; this statement says
what the app itself stores.</p>
<h2>What is stored</h2>
<ul>
<li>For each challenge: the agency's case reference, whether it concerns a child or an adult, the
area of disagreement, the concern, what the raiser wants to happen, the evidence-based reason,
and the record of every stage (outcomes, meetings, notifications, resolution), with who did what
and when. The history is never rewritten: corrections are new entries.</li>
<li>A family name only where the partnership's form asks for it (Durham's compliance challenge form);
it is shown only to the people on that challenge.</li>
<li>The partnership directory: professionals' names, job titles, work email and phone, agency and
line manager; and, once someone installs the app, the Teams conversation it uses to reach them.</li>
</ul>
<h2>Who sees it</h2>
<ul>
<li>A challenge's details are shown only to the people who hold a role on it (the professionals
involved, their managers and leads named by the procedure, and the partnership business unit
where the procedure involves it).</li>
<li>Posts in partnership channels and daily digests name a case only by its agency reference, its
stage and its owners: never the child's or adult's name or the concern.</li>
<li>Application logs hold identifiers and codes only; case text and names are never logged.</li>
</ul>
<h2>Where it is kept</h2>
<p>In your partnership's own Azure subscription (Azure Table Storage, reached by managed identity),
in the region it chose. Nothing is sent to the app's makers.</p>
<h2>How long it is kept</h2>
<p>A resolved challenge is kept for the period your partnership set (its retention schedule), then
deleted with its whole history; a record that it was deleted, and when, is kept without any case
details.</p>
<h2>Your rights</h2>
<p>Requests about personal data go to your partnership's data protection officer, who can export or
correct records through the partnership business unit.</p>`,
);

export const termsPage = page(
  'Terms of use',
  `<p>Challenge supports, and never replaces, your partnership's published procedure for resolving
professional disagreements. It is not a complaints process.</p>
<p><strong>Safety first:</strong> if a child or adult is at risk of significant harm, refer them now
through your agency's own safeguarding route (MASH, Duty and Advice, or the child's social worker).
A challenge never delays that.</p>
<p>Use it only for professional challenges within your partnership, name cases by your agency's
reference, and record what the procedure asks for at each stage. Deadlines and reminders follow
the procedure as your partnership has configured it; the procedure document remains the authority.</p>`,
);

export function registerLegalPages(server: restify.Server): void {
  const serve = (html: string) => async (_req: restify.Request, res: restify.Response) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  };
  server.get('/privacy', serve(privacyPage));
  server.get('/terms', serve(termsPage));
}
