/**
 * Checks one procedure at load: the schema first, then that every reference inside it
 * (stages, forms, caps, the log, the immediate route) points at something that exists.
 * Pure: returns the parsed procedure or throws a ProcedureError naming the bad field.
 */
import { ProcedureSchema, type Procedure } from './schema';

export class ProcedureError extends Error {
  constructor(
    readonly procedureId: string,
    readonly problems: readonly string[],
  ) {
    super(`Procedure "${procedureId}" is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ProcedureError';
  }
}

export function checkProcedure(input: unknown): Procedure {
  const parsed = ProcedureSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
    throw new ProcedureError(idOf(input), problems);
  }
  const problems = crossReferenceProblems(parsed.data);
  if (problems.length > 0) throw new ProcedureError(parsed.data.id, problems);
  return parsed.data;
}

/** Every dangling or duplicated reference, as "field: what is wrong". Empty when the procedure hangs together. */
export function crossReferenceProblems(p: Procedure): string[] {
  const problems: string[] = [];
  const stageIds = new Set(p.stages.map((s) => s.id));
  const formIds = new Set(p.forms.map((f) => f.id));
  const stage = (field: string, id: string) => {
    if (!stageIds.has(id)) problems.push(`${field}: no stage "${id}" (stages are ${list(stageIds)})`);
  };
  const form = (field: string, id: string | undefined) => {
    if (id !== undefined && !formIds.has(id)) problems.push(`${field}: no form "${id}" (forms are ${list(formIds)})`);
  };
  const rule = (field: string, id: string | undefined) => {
    // A rule ID belongs to this partnership or to the common rules, e.g. "DUR-4" or "COM-2".
    if (id !== undefined && !new RegExp(`^(${p.code}|COM)-\\d+$`).test(id)) {
      problems.push(`${field}: "${id}" is not a ${p.code}-n or COM-n rule ID`);
    }
  };

  duplicates(p.stages.map((s) => s.id)).forEach((id) => problems.push(`stages: stage id "${id}" is used twice`));
  duplicates(p.forms.map((f) => f.id)).forEach((id) => problems.push(`forms: form id "${id}" is used twice`));
  p.forms.forEach((f, i) => {
    duplicates(f.fields.map((x) => x.id)).forEach((id) =>
      problems.push(`forms[${i}] ("${f.id}"): field id "${id}" is used twice`),
    );
    f.fields.forEach((x, j) => {
      const where = `forms[${i}].fields[${j}] ("${x.id}")`;
      const needsChoices = x.kind === 'choice' || x.kind === 'multiChoice';
      if (needsChoices && !x.choices?.length) problems.push(`${where}: a ${x.kind} field needs choices`);
      rule(`${where}.rule`, x.rule);
    });
  });

  stage('firstStage', p.firstStage);
  if (p.stages.find((s) => s.id === p.firstStage)?.immediate) {
    problems.push(`firstStage: "${p.firstStage}" is on the immediate route, not the ordinary ladder`);
  }
  p.stages.forEach((s, i) => {
    const at = `stages[${i}] ("${s.id}")`;
    form(`${at}.record`, s.record);
    s.escalateTo.forEach((to, j) => {
      stage(`${at}.escalateTo[${j}]`, to);
      if (to === s.id) problems.push(`${at}.escalateTo[${j}]: a stage cannot escalate to itself`);
    });
    const raisingOwner = s.owners.some((o) => o.startsWith('raising.'));
    if (s.escalateTo.length > 0 && !s.escalatedBy && !raisingOwner) {
      problems.push(`${at}.escalatedBy: no one can escalate (no owner on the raising side, so name who may)`);
    }
    if (s.escalateTo.length === 0 && s.escalatedBy) {
      problems.push(`${at}.escalatedBy: set, but the stage escalates nowhere`);
    }
    s.notifyOnEntry.forEach((n, j) => {
      form(`${at}.notifyOnEntry[${j}].form`, n.form);
      rule(`${at}.notifyOnEntry[${j}].rule`, n.rule);
    });
    s.rules.forEach((r, j) => rule(`${at}.rules[${j}]`, r));
  });
  p.caps.forEach((c, i) => {
    c.stages.forEach((id, j) => stage(`caps[${i}].stages[${j}]`, id));
    rule(`caps[${i}].rule_id`, c.rule_id);
  });
  p.copyOnRaise.forEach((n, i) => {
    form(`copyOnRaise[${i}].form`, n.form);
    rule(`copyOnRaise[${i}].rule`, n.rule);
  });
  duplicates(p.areasOfDisagreement).forEach((a) => problems.push(`areasOfDisagreement: "${a}" is listed twice`));
  if (p.log) {
    stage('log.fromStage', p.log.fromStage);
    rule('log.rule', p.log.rule);
  }
  rule('repeatPattern.rule', p.repeatPattern?.rule);
  rule('immediateRoute.rule', p.immediateRoute?.rule);
  if (p.immediateRoute) {
    const { stage: id } = p.immediateRoute;
    stage('immediateRoute.stage', id);
    if (stageIds.has(id) && !p.stages.find((s) => s.id === id)?.immediate) {
      problems.push(`immediateRoute.stage: "${id}" is not marked immediate`);
    }
  }
  return problems;
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(procedure)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

function idOf(input: unknown): string {
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id : '(no id)';
}

function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

function list(ids: ReadonlySet<string>): string {
  return [...ids].map((id) => `"${id}"`).join(', ');
}
