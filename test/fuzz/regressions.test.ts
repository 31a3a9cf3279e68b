import { describe, expect, test } from 'vitest';
import { validateProfile, validateProgram } from '../../src/core/validate.ts';
import { viaKey } from '../../src/core/commands.ts';
import { commentActionSchema } from '../../src/core/decision.ts';
import { profileFile, repoProgram, validProfile } from '../support/profiles.ts';

/** Crashes and broken properties the fuzzing found (test/fuzz/pure.test.ts), each kept as a plain test. */

describe('found by fuzzing', () => {
  test('program.yml with an alias whose anchor is missing is a diagnostic at the alias, not an exception', () => {
    const r = validateProgram('program.yml', 'repository: a/b\nmaintainers:\n  - *chair\n');
    expect(r.program).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'program.yml', line: 3, field: '(yaml)', message: expect.stringMatching(/define each anchor \(&name\) before its alias/) })]);
  });

  test('a profile whose front matter has an unresolved alias is a diagnostic too', () => {
    const text = profileFile(validProfile()).replace('pronouns: she/her', 'pronouns: *who');
    const r = validateProfile('content/mentors/ada-example.md', 'ada-example', text, repoProgram);
    expect(r.mentor).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ field: '(yaml)', line: text.split('\n').indexOf('pronouns: *who') + 1 })]);
  });

  test('an unknown blank key is named quoted, so every diagnostic names a field', () => {
    const r = validateProgram('program.yml', `${'" ": 1\n'}repository: a/b\n`);
    const blank = r.diagnostics.find((d) => d.message.startsWith('unknown field'));
    expect(blank).toEqual(expect.objectContaining({ field: '" "', line: 1 }));
  });

  test('a label set by an app account (name[bot]) still gets a marker-safe key', () => {
    const key = `12.${viaKey({ kind: 'label', label: 'status:active' }, 'renovate[bot]')}`;
    expect(key).toBe('12.label-status-active-renovate-bot-');
    expect(commentActionSchema.safeParse({ kind: 'refused', key, body: '', mode: 'upsert' }).success).toBe(true);
  });
});
