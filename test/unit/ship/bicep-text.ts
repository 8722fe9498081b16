/**
 * Test helper: just enough reading of Bicep source text to check, offline, what the app
 * and the manifest need from it (no Bicep compiler can run here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

export interface BicepFile {
  path: string;
  text: string;
  params: Map<string, BicepParam>;
  outputs: Map<string, string>;
}

/** Drops line and block comments, leaving '...' strings (which may hold "https://") alone. */
function withoutComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = (end < 0 ? text.length : end + 2) - 1;
    } else out += c;
  }
  return out;
}

export function readBicep(path: string): BicepFile {
  const text = withoutComments(readFileSync(path, 'utf8'));
  const params = new Map<string, BicepParam>();
  for (const m of text.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=)?/gm)) {
    params.set(m[1] as string, { name: m[1] as string, type: m[2] as string, hasDefault: Boolean(m[3]) });
  }
  const outputs = new Map<string, string>();
  for (const m of text.matchAll(/^output\s+(\w+)\s+\w+\s*=\s*(.+)$/gm))
    outputs.set(m[1] as string, (m[2] as string).trim());
  return { path, text, params, outputs };
}

export function bicepFilesUnder(root: string): BicepFile[] {
  const found: BicepFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.bicep')) found.push(readBicep(full));
    }
  };
  walk(root);
  return found.sort((a, b) => relative(root, a.path).localeCompare(relative(root, b.path)));
}

/** Bracket depth change of a line, not counting brackets inside '...' strings. */
function depthChange(line: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
    } else if (c === "'") inString = true;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
  }
  return depth;
}

/**
 * The `{ ... }` block that follows the first match of `start` (the match must end just
 * before or at its opening brace), as its top-level `key: value` pairs, in order.
 */
export function objectAfter(text: string, start: RegExp): Map<string, string> {
  const m = start.exec(text);
  if (!m) throw new Error(`no ${start} in the Bicep`);
  const open = text.indexOf('{', m.index + m[0].length - 1);
  const lines = text.slice(open + 1).split('\n');
  const pairs = new Map<string, string>();
  let depth = 0;
  for (const line of lines) {
    if (depth === 0) {
      if (/^\s*}/.test(line)) break;
      const kv = /^\s*([A-Za-z_]\w*)\s*:\s*(.*)$/.exec(line);
      if (kv) pairs.set(kv[1] as string, (kv[2] as string).trim());
    }
    depth += depthChange(line);
  }
  return pairs;
}
