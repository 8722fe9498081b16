/**
 * docs/procedures.md from the procedure data: what each partnership's ladder looks like,
 * in plain words, so a safeguarding lead can check it against their own document. Pure.
 */
import { describeDeadline, describeRoles } from './describe';
import type { Form, Notification, Procedure, Stage } from './schema';

export function renderProceduresMarkdown(procedures: readonly Procedure[]): string {
  const head = [
    '# Procedures',
    '',
    'Generated from `src/procedures/data/` by `npm run docs:procedures`: do not edit by hand.',
    'Rule IDs refer to the numbered rules of the procedures (`DUD-1`, `LEE-3`, ...). "Day N of the challenge"',
    'counts the day it was raised as day 1; a deadline falls at the end of the working day (17:00 Europe/London).',
    '',
    ...procedures.map((p) => `- [${p.partnership}](#${p.id})`),
  ];
  return [...head, ...procedures.flatMap(renderProcedure)].join('\n') + '\n';
}

function renderProcedure(p: Procedure): string[] {
  const label = (id: string) => p.stages.find((s) => s.id === id)?.label ?? id;
  const formTitle = (id: string) => p.forms.find((f) => f.id === id)?.title ?? id;
  const notification = (n: Notification) =>
    [describeRoles(n.to), n.form ? `with the ${formTitle(n.form)}` : '', n.rule ? `(${n.rule})` : '']
      .filter(Boolean)
      .join(' ');
  const extras = [
    p.raiseForm.familyName && 'the family name',
    p.raiseForm.conferenceDissent && 'dissent at a child protection conference',
  ];

  const lines = [
    '',
    `<a id="${p.id}"></a>`,
    '',
    `## ${p.partnership}`,
    '',
    `- **Procedure:** ${p.title} (id \`${p.id}\`, rules ${p.code}-n)`,
    `- **Source:** ${p.source}`,
    `- **Subjects:** ${p.subjects.map((s) => (s === 'child' ? 'children' : 'adults at risk')).join(' and ')}`,
    ...(p.raisedBy ? [`- **Raised by:** ${p.raisedBy.join(', ')}`] : []),
    ...(extras.some(Boolean) ? [`- **The raise form also asks for:** ${extras.filter(Boolean).join('; ')}`] : []),
    `- **Starts at:** ${label(p.firstStage)}`,
    `- **A pause stops the clock:** ${p.pauseStopsClock ? 'yes' : 'no'}`,
    '',
    '### Stages',
    '',
    '| Stage | Title | Owners | Deadline | Escalates to | Escalated by | Told on entry | Record | Rules |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...p.stages.map((s) => stageRow(s, label, formTitle, notification)),
  ];
  if (p.caps.length > 0) {
    lines.push('', '### Caps', '');
    for (const c of p.caps) {
      const rule = c.rule_id ? ` (${c.rule_id})` : '';
      lines.push(`- ${c.label}: ${describeDeadline(c.rule)}, over ${c.stages.map(label).join(', ')}${rule}`);
    }
  }
  if (p.immediateRoute) {
    const r = p.immediateRoute;
    lines.push('', '### Immediate route', '');
    lines.push(`- Starts at ${label(r.stage)}, agreed by ${describeRoles(r.agreedBy)}${r.rule ? ` (${r.rule})` : ''}`);
  }
  const partnership = [
    ...p.copyOnRaise.map((n) => `- Copied on every challenge: ${notification(n)}`),
    ...(p.log
      ? [
          `- Partnership log: an ID from ${label(p.log.fromStage)}, given by ${describeRoles(p.log.assignedBy)}${p.log.rule ? ` (${p.log.rule})` : ''}`,
        ]
      : []),
    ...(p.repeatPattern
      ? [
          `- Repeat pattern: ${p.repeatPattern.threshold} challenges to the same agency within ${p.repeatPattern.withinDays} days are flagged to ${describeRoles(p.repeatPattern.tell)}${p.repeatPattern.rule ? ` (${p.repeatPattern.rule})` : ''}`,
        ]
      : []),
  ];
  if (partnership.length > 0) lines.push('', '### Partnership oversight', '', ...partnership);
  lines.push('', `### Areas of disagreement (${p.multipleAreas ? 'one or more' : 'one'})`, '');
  lines.push(...p.areasOfDisagreement.map((a) => `- ${a}`));
  lines.push('', '### Forms', '', ...p.forms.flatMap(renderForm));
  lines.push(
    '### Retention',
    '',
    `- A resolved challenge is purged ${p.retention.monthsAfterResolved} months after the day it was resolved, with its whole record. ${p.retention.basis}`,
    '',
  );
  if (p.readings.length > 0) lines.push('### Readings', '', ...p.readings.map((r) => `- ${r}`));
  return lines;
}

function stageRow(
  s: Stage,
  label: (id: string) => string,
  formTitle: (id: string) => string,
  notification: (n: Notification) => string,
): string {
  const deadline = [
    s.startBy ? `starts ${describeDeadline(s.startBy)}; ` : '',
    s.deadline.kind === 'none' ? describeDeadline(s.deadline) : `due ${describeDeadline(s.deadline)}`,
  ].join('');
  const cells = [
    s.immediate ? `${s.label} (immediate route)` : s.label,
    s.title,
    describeRoles(s.owners),
    deadline,
    s.escalateTo.length > 0 ? s.escalateTo.map(label).join(' or ') : 'last stage',
    s.escalateTo.length === 0 ? '' : s.escalatedBy ? describeRoles(s.escalatedBy) : 'the owners on the raising side',
    s.notifyOnEntry.length > 0 ? s.notifyOnEntry.map(notification).join('; ') : '',
    formTitle(s.record),
    s.rules.join(', '),
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function renderForm(f: Form): string[] {
  return [
    `#### ${f.title} (\`${f.id}\`)`,
    '',
    ...(f.document ? [`From: ${f.document}`, ''] : []),
    '| Field | Kind | Required | Rule |',
    '| --- | --- | --- | --- |',
    ...f.fields.map((x) => {
      const label = [x.label, x.hint ? ` (${x.hint})` : '', x.choices ? `: ${x.choices.join('; ')}` : ''].join('');
      const who = x.completedBy ? `, ${describeRoles(x.completedBy)} only` : '';
      return `| ${cell(label)} | ${x.kind}${who} | ${x.required ? 'yes' : 'no'} | ${x.rule ?? ''} |`;
    }),
    '',
  ];
}

/** A table cell: pipes escaped, no line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
