import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { programSchema } from '../../src/core/program.ts';
import { programDocs } from '../../src/core/program-docs.ts';
import { validateProgram } from '../../src/core/validate.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('program.yml', () => {
  test('the repository program.yml is valid', () => {
    const r = validateProgram('program.yml', readFileSync(resolve(ROOT, 'program.yml'), 'utf8'));
    expect(r.diagnostics).toEqual([]);
    expect(r.program?.site.base).toBe('/mentorkit/');
  });

  test('documented defaults fill in a minimal file', () => {
    const p = programSchema.parse({ name: 'P', repository: 'o/r', maintainers: ['m'], taxonomy: { topics: [{ id: 'a', label: 'A' }] } });
    expect(p.limits).toEqual({
      max_open_requests: 2,
      max_active_partnerships: 1,
      max_mentor_capacity: 2,
      request_reminder_days: 7,
      request_last_notice_days: 23,
      request_expiry_days: 30,
      save_for_later_days: 30,
      checkin_interval_days: 30,
      notice_days: 30,
      save_notice_days: 7,
      invalid_close_days: 30,
      freshness_days: 180,
      freshness_answer_days: 14,
    });
    expect(p.terms).toEqual([3, 6, 9, 12]);
    expect(p.site.base).toBe('/');
    expect(p.taxonomy.formats.map((f) => f.id)).toEqual(['video', 'chat', 'email', 'in-person']);
    expect(p.taxonomy.kinds.map((f) => f.id)).toEqual(['one-on-one', 'peer-group', 'industry']);
  });

  test('a synonym may belong to one topic only', () => {
    const r = validateProgram(
      'program.yml',
      'name: P\nrepository: o/r\nmaintainers: [m]\ntaxonomy:\n  topics:\n    - { id: a, label: A, synonyms: [x] }\n    - { id: b, label: B, synonyms: [x] }\n',
    );
    expect(r.diagnostics.map((d) => `${d.line}: ${d.field}: ${d.message}`)).toEqual([
      '7: taxonomy.topics[1].synonyms: "x" is already used by topic "a"; a tag may belong to one topic only',
    ]);
  });

  test('reminder < last notice < expiry', () => {
    const r = validateProgram(
      'program.yml',
      'name: P\nrepository: o/r\nmaintainers: [m]\nlimits:\n  request_last_notice_days: 40\ntaxonomy:\n  topics: [{ id: a, label: A }]\n',
    );
    expect(r.diagnostics.map((d) => `${d.line}: ${d.field}`)).toEqual(['5: limits.request_last_notice_days']);
  });

  test('the saved-request notice comes before its expiry', () => {
    const r = validateProgram(
      'program.yml',
      'name: P\nrepository: o/r\nmaintainers: [m]\nlimits:\n  save_for_later_days: 7\n  save_notice_days: 7\ntaxonomy:\n  topics: [{ id: a, label: A }]\n',
    );
    expect(r.diagnostics.map((d) => `${d.line}: ${d.field}`)).toEqual(['6: limits.save_notice_days']);
  });

  test('feedback_url must be https, the old key end_notice_days points to notice_days', () => {
    const r = validateProgram(
      'program.yml',
      'name: P\nrepository: o/r\nmaintainers: [m]\nfeedback_url: http://forms.example.org/f\nlimits:\n  end_notice_days: 30\ntaxonomy:\n  topics: [{ id: a, label: A }]\n',
    );
    const out = r.diagnostics.map((d) => `${d.line}: ${d.field}: ${d.message}`);
    expect(out).toContainEqual(expect.stringMatching(/^4: feedback_url: must be an https URL/));
    expect(out).toContainEqual(expect.stringMatching(/^6: limits.end_notice_days: unknown field; did you mean "notice_days"\?/));
  });

  test('the base path must start and end with a slash', () => {
    const r = validateProgram('program.yml', 'name: P\nrepository: o/r\nmaintainers: [m]\nsite:\n  base: mentoring\ntaxonomy:\n  topics: [{ id: a, label: A }]\n');
    expect(r.diagnostics.map((d) => `${d.line}: ${d.field}: ${d.message}`)).toEqual([
      '5: site.base: must start and end with "/", e.g. "/" or "/mentoring/"',
    ]);
  });

  test('docs/program-yml.md is generated from the schema and up to date (run npm run docs)', () => {
    expect(readFileSync(resolve(ROOT, 'docs/program-yml.md'), 'utf8')).toBe(programDocs());
  });

  test('every key of the schema appears in the docs table', () => {
    const docs = programDocs();
    for (const key of Object.keys(programSchema.shape)) expect(docs).toContain(`| \`${key}\``);
  });
});
