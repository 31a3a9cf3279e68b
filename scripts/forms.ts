#!/usr/bin/env node
// npm run forms: regenerate the issue forms from program.yml (terms, formats and topics come from there; the
// mentor application's stages, kinds, languages and capacity too; and one pair of cohort application forms per
// open cohort, whose old forms are removed once the cohort closes).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProgram } from '../src/files/content.ts';
import { formatDiagnostic } from '../src/core/diagnostics.ts';
import { FORM_FILE, issueConfigYaml, requestFormYaml } from '../src/core/request-form.ts';
import { APPLICATION_FORM_FILE, applicationFormYaml } from '../src/core/onboarding.ts';
import { COHORT_FORM_FILE, cohortForms } from '../src/core/cohort-forms.ts';
import { contentRoot } from '../src/files/root.ts';

// The checkout this script is in, or MENTORKIT_ROOT (tests point it at a copy).
const root = process.env.MENTORKIT_ROOT ? contentRoot() : resolve(import.meta.dirname, '..');
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
const cohorts = cohortForms(program);
for (const [file, text] of cohorts) writeFileSync(resolve(dir, file), text);
// A closed or removed cohort's forms go: only files this script wrote (named like one, with its header) are touched.
const removed = readdirSync(dir).filter(
  (f) => COHORT_FORM_FILE.test(f) && !cohorts.has(f) && readFileSync(resolve(dir, f), 'utf8').startsWith('# Generated from program.yml'),
);
for (const f of removed) rmSync(resolve(dir, f));
console.log(
  `wrote ${[FORM_FILE, APPLICATION_FORM_FILE, ...cohorts.keys()].join(', ')} and config.yml in .github/ISSUE_TEMPLATE` +
    (removed.length ? `; removed ${removed.join(', ')} (cohort closed)` : ''),
);
