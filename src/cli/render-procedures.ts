/**
 * Writes docs/procedures.md from the procedure data: `npm run docs:procedures`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { procedures } from '../procedures/index';
import { renderProceduresMarkdown } from '../procedures/render-markdown';

const target = join(__dirname, '..', '..', 'docs', 'procedures.md');
writeFileSync(target, renderProceduresMarkdown(procedures));
console.log(`Wrote ${target} (${procedures.length} procedures)`);
