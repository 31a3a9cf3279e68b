import { afterAll, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { programSchema } from '../../src/core/program.ts';
import { cohortFormYaml } from '../../src/core/cohort-forms.ts';
import { runScript } from '../support/run-script.ts';

/** npm run forms with cohorts: one pair of forms per open cohort; a closed cohort's generated forms are removed. */

const ROOT = resolve(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'mentorkit-forms-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run forms', () => {
  test('writes the open cohorts’ forms and removes those it wrote for a cohort now closed, nothing else', async () => {
    const raw = parse(readFileSync(join(ROOT, 'program.yml'), 'utf8')) as Record<string, unknown>;
    raw.cohorts = [
      { id: 'spring', name: 'Spring', term: 6, open: true },
      { id: 'peers', name: 'Peers', term: 3, open: true, kind: 'groups' },
      { id: 'autumn', name: 'Autumn', term: 6, open: false },
    ];
    writeFileSync(join(root, 'program.yml'), stringify(raw));
    const dir = join(root, '.github/ISSUE_TEMPLATE');
    mkdirSync(dir, { recursive: true });
    // Last year's generated form of the closed cohort, and a hand-written file that merely looks like one.
    writeFileSync(join(dir, 'cohort-autumn-mentee.yml'), '# Generated from program.yml (cohort autumn) by `npm run forms`; edit program.yml, not this file.\nname: old\n');
    writeFileSync(join(dir, 'cohort-handmade-mentor.yml'), 'name: Written by hand\n');
    copyFileSync(join(ROOT, '.github/ISSUE_TEMPLATE/report-a-concern.yml'), join(dir, 'report-a-concern.yml'));

    const r = await runScript(resolve(ROOT, 'scripts/forms.ts'), [], { MENTORKIT_ROOT: root });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'become-a-mentor.yml',
      'cohort-handmade-mentor.yml',
      'cohort-peers-mentee.yml',
      'cohort-spring-mentee.yml',
      'cohort-spring-mentor.yml',
      'config.yml',
      'report-a-concern.yml',
      'request-a-mentor.yml',
    ]);
    const program = programSchema.parse(raw);
    expect(readFileSync(join(dir, 'cohort-spring-mentor.yml'), 'utf8')).toBe(cohortFormYaml(program, program.cohorts[0]!, 'mentor'));
    expect(r.stdout).toContain('cohort-spring-mentee.yml, cohort-spring-mentor.yml, cohort-peers-mentee.yml');
    expect(r.stdout).toContain('removed cohort-autumn-mentee.yml (cohort closed)');
  });
});
