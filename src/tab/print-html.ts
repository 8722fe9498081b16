/**
 * Standalone HTML pages the tab prints or saves: a partnership's own form filled from a
 * challenge (src/reports/printable-form.ts) and a subject access record. Every value is
 * escaped: text from users is shown as text. Pure.
 */
import { formatDay, formatInstant } from '../../cards/view-models/format';
import type { PrintedForm, PrintedRow } from '../reports/printable-form';
import type { SubjectAccessRecord } from '../reports/subject-access';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const PRINT_CSS = `
  body { font: 11pt/1.45 "Segoe UI", system-ui, sans-serif; color: #111; margin: 1.5cm; }
  h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 12pt; margin: 1.2em 0 .3em; border-bottom: 1px solid #555; }
  .meta { color: #333; margin: 0 0 1em; } .note { font-style: italic; margin: .3em 0; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #777; padding: .35em .5em; vertical-align: top; text-align: left; }
  th { width: 38%; font-weight: 600; background: #f2f2f2; } td.blank { height: 2.2em; }
  .hint { display: block; font-weight: 400; font-style: italic; font-size: 9.5pt; color: #333; }
  .from-record { font-size: 8.5pt; color: #555; } ul.checklist { list-style: none; padding: 0; margin: 0; }
  .withheld { font-style: italic; color: #555; } .sign { margin-top: 2em; } .sign div { border-bottom: 1px solid #111; width: 60%; height: 2em; }
  footer { margin-top: 1.5em; font-weight: 600; } pre { white-space: pre-wrap; font: inherit; margin: 0; }
  @media print { body { margin: 0; } }
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
}

/** An ISO instant as London time; anything else as it is. */
const readable = (v: string) => (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) ? formatInstant(v) : v);

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v);

function valueHtml(row: PrintedRow): string {
  if (row.source === 'withheld') return '<span class="withheld">Shown only to the people on this challenge.</span>';
  if (row.checklist) {
    return `<ul class="checklist">${row.checklist
      .map((c) => `<li>${c.checked ? '&#9746;' : '&#9744;'} ${escapeHtml(c.label)}</li>`)
      .join('')}</ul>`;
  }
  const text = row.value.map((v) => (row.kind === 'date' && isDay(v) ? formatDay(v) : v));
  const shown = row.kind === 'people' || row.kind === 'agencies' ? [text.join(', ')] : text;
  const from = row.source === 'record' ? ' <span class="from-record">(from the challenge record)</span>' : '';
  return shown.map((t) => `<pre>${escapeHtml(t)}</pre>`).join('') + from;
}

export function printedFormHtml(form: PrintedForm, printedAt: Date): string {
  const sections = form.sections
    .map((section) => {
      const rows = section.rows
        .map((row) => {
          const hint = row.hint ? `<span class="hint">${escapeHtml(row.hint)}</span>` : '';
          const blank = row.value.length === 0 && !row.checklist && row.source !== 'withheld';
          const label = row.label === section.heading ? '' : escapeHtml(row.label);
          return `<tr><th scope="row">${label}${hint}</th><td${blank ? ' class="blank"' : ''}>${blank ? '' : valueHtml(row)}</td></tr>`;
        })
        .join('');
      return `${section.heading ? `<h2>${escapeHtml(section.heading)}</h2>` : ''}<table>${rows}</table>`;
    })
    .join('');
  const recorded = form.recorded.length
    ? `<p class="meta">Recorded: ${form.recorded.map((r) => `${escapeHtml(r.form)}, ${escapeHtml(formatInstant(r.at))} by ${escapeHtml(r.by)}`).join('; ')}.</p>`
    : '<p class="meta">Not yet recorded on the form: the answers shown are filled from the challenge record.</p>';
  const body = [
    `<h1>${escapeHtml(form.title)}</h1>`,
    `<p class="meta">${escapeHtml(form.partnership)}. Case reference ${escapeHtml(form.caseReference)}${form.logId ? `, log ID ${escapeHtml(form.logId)}` : ''}. Printed ${escapeHtml(formatInstant(printedAt.toISOString()))}.</p>`,
    ...form.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`),
    recorded,
    sections,
    ...form.signatures.map((s) => `<div class="sign">${escapeHtml(s)}<div></div></div>`),
    form.returnTo ? `<footer>${escapeHtml(form.returnTo)}</footer>` : '',
  ].join('');
  return page(`${form.title}: ${form.caseReference}`, body);
}

export function subjectAccessHtml(record: SubjectAccessRecord): string {
  const rows = (pairs: { label: string; value: string }[]) =>
    `<table>${pairs.map((p) => `<tr><th scope="row">${escapeHtml(p.label)}</th><td><pre>${escapeHtml(readable(p.value))}</pre></td></tr>`).join('')}</table>`;
  const history = record.history
    .map(
      (h) =>
        `<h2>${escapeHtml(formatInstant(h.at))}: ${escapeHtml(h.what)} (${escapeHtml(h.by)})</h2>${h.details.length ? rows(h.details) : ''}`,
    )
    .join('');
  const refusals = record.refusals.length
    ? record.refusals
        .map(
          (r) =>
            `<li>${escapeHtml(formatInstant(r.at))}: ${escapeHtml(r.actor.name)} asked to ${escapeHtml(r.commandType)}; refused: ${escapeHtml(r.reason)}</li>`,
        )
        .join('')
    : '<li>None.</li>';
  const body = [
    `<h1>Subject access record: challenge ${escapeHtml(record.caseReference)}</h1>`,
    `<p class="meta">${escapeHtml(record.partnership)}: ${escapeHtml(record.procedure.title)}. Exported ${escapeHtml(formatInstant(record.generatedAt))} by ${escapeHtml(record.generatedBy.name)}. Everything held on this challenge: the people on it, every entry of its history (never rewritten) and every refused request. The same record as stored is in the JSON export.</p>`,
    '<h2>People on the challenge</h2>',
    `<table>${record.people.map((p) => `<tr><th scope="row">${escapeHtml(p.role)}</th><td>${escapeHtml([p.name, p.jobRole, p.agency, p.email].filter(Boolean).join(', '))}</td></tr>`).join('')}</table>`,
    history,
    '<h2>Refused requests</h2>',
    `<ul>${refusals}</ul>`,
  ].join('');
  return page(`Subject access record: ${record.caseReference}`, body);
}
