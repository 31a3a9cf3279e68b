#!/usr/bin/env node
// npm run validate: check program.yml and every profile, print every problem at once.
import { parseArgs } from 'node:util';
import { loadContent } from '../src/files/content.ts';
import { formatDiagnostic } from '../src/core/diagnostics.ts';

const usage = 'usage: npm run validate [-- --root <dir>] [--mentors <dir>]';
let values: { root?: string; mentors?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { root: { type: 'string' }, mentors: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }));
} catch (e) {
  console.error(`validate: ${(e as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const root = values.root ?? process.cwd();
const { mentors, diagnostics } = loadContent(root, values.mentors);
for (const d of diagnostics) console.error(formatDiagnostic(d));
if (diagnostics.length) {
  console.error(`\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found. Fix them and run npm run validate again.`);
  process.exit(1);
}
console.log(`program.yml and ${mentors.length} mentor profiles are valid.`);
