#!/usr/bin/env node
// npm run validate: check program.yml, every profile, every other file under content/ (contact data) and the
// blocklist; print every problem at once.
// With --format github (the pull-request workflow), each problem is a GitHub annotation on its file and line.
import { parseArgs } from 'node:util';
import { relative, resolve, sep } from 'node:path';
import { checkRepository } from '../src/files/content.ts';
import { formatDiagnostic, type Diagnostic } from '../src/core/diagnostics.ts';

const FORMATS = ['text', 'github'] as const;
const usage = 'usage: npm run validate [-- --root <dir>] [--mentors <dir>] [--format text|github]';
let values: { root?: string; mentors?: string; format?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { root: { type: 'string' }, mentors: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
const format = values.format ?? 'text';
if (!(FORMATS as readonly string[]).includes(format)) {
  console.error(`validate: --format must be "text" (file:line: field: message) or "github" (annotations for GitHub Actions), not "${format}"\n${usage}`);
  process.exit(2);
}

/** GitHub's workflow-command escaping: data loses %, CR and LF; property values also `:` and `,`. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const root = values.root ?? process.cwd();
/** An annotation's file is relative to the repository (the working directory), wherever --root points. */
function annotation(d: Diagnostic): string {
  const file = relative(process.cwd(), resolve(root, d.file)).split(sep).join('/');
  return `::error file=${escapeProperty(file)},line=${d.line},title=${escapeProperty(d.field)}::${escapeData(d.message)}`;
}

const { mentors, diagnostics } = checkRepository(root, { ...(values.mentors ? { mentorsDir: values.mentors } : {}), blocklist: true });
if (format === 'github') for (const d of diagnostics) console.log(annotation(d));
else for (const d of diagnostics) console.error(formatDiagnostic(d));
if (diagnostics.length) {
  console.error(`\n${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found. Fix them and run npm run validate again.`);
  process.exit(1);
}
console.log(`program.yml and ${mentors.length} mentor profiles are valid.`);
