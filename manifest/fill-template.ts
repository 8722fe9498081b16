/** Fills `${{NAME}}` placeholders in the manifest template (the Agents Toolkit's syntax). */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a template uses, each once, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Replaces every placeholder; throws naming any placeholder without a value. Values are
 * JSON-string-escaped, as every placeholder sits inside a JSON string.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const missing = placeholdersIn(template).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new Error(`No value for template placeholder(s): ${missing.join(', ')}`);
  return template.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(values[name]).slice(1, -1));
}
