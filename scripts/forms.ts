#!/usr/bin/env node
// npm run forms: regenerate the issue forms from program.yml (terms, formats and topics come from there; the
// mentor application's stages, kinds, languages and capacity too).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProgram } from '../src/files/content.ts';
import { formatDiagnostic } from '../src/core/diagnostics.ts';
import { FORM_FILE, issueConfigYaml, requestFormYaml } from '../src/core/request-form.ts';
import { APPLICATION_FORM_FILE, applicationFormYaml } from '../src/core/onboarding.ts';

const root = resolve(import.meta.dirname, '..');
const { program, diagnostics } = loadProgram(root);
if (!program) {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  process.exit(1);
}
const dir = resolve(root, '.github/ISSUE_TEMPLATE');
mkdirSync(dir, { recursive: true });
writeFileSync(resolve(dir, FORM_FILE), requestFormYaml(program));
writeFileSync(resolve(dir, 'config.yml'), issueConfigYaml(program));
writeFileSync(resolve(dir, APPLICATION_FORM_FILE), applicationFormYaml(program));
console.log(`wrote ${FORM_FILE}, ${APPLICATION_FORM_FILE} and config.yml in .github/ISSUE_TEMPLATE`);
