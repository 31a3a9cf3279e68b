import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSite } from '../support/build-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => resolve(ROOT, 'test/fixtures', name);

function validate(...args: string[]) {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'scripts/validate.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PROFILE_ERRORS = `content/mentors/broken-mentor.md:4: avatar: must be an https:// URL
content/mentors/broken-mentor.md:5: headline: is longer than 80 characters; shorten it
content/mentors/broken-mentor.md:7: location.country: is not an ISO 3166-1 alpha-2 country code; use two capital letters such as DE, BR or KE
content/mentors/broken-mentor.md:8: location.timezone: is not an IANA time zone; use a name such as Europe/Berlin or America/Sao_Paulo
content/mentors/broken-mentor.md:9: languages[1]: language "fr" is not offered by this program; use one of en, es, de or add it to taxonomy.languages in program.yml
content/mentors/broken-mentor.md:10: topics[0]: "statistics" is a synonym; use the canonical topic "data-science"
content/mentors/broken-mentor.md:10: topics[1]: unknown topic "astrology"; topics are listed in program.yml under taxonomy.topics
content/mentors/broken-mentor.md:16: availability.capacity: is above the program's maximum of 2 (limits.max_mentor_capacity)
content/mentors/broken-mentor.md:17: terms[1]: 5 months is not a term this program offers; choose from 3, 6, 9, 12
content/mentors/broken-mentor.md:20: body: looks like an e-mail address ("br…rg"); profiles are public, so remove it (mentees reach you through the request issue)
content/mentors/wrong-name.md:2: last_confirmed: is required: a date written YYYY-MM-DD
content/mentors/wrong-name.md:3: github: "right-name" does not match the file name "wrong-name.md"; rename the file to right-name.md or correct the login
content/mentors/wrong-name.md:7: topics[0]: "oss" is a synonym; use the canonical topic "open-source"
`;

const PROGRAM_ERRORS = `program.yml:2: repository: must be "owner/repo", the GitHub repository that holds requests
program.yml:3: maintainers: needs at least one maintainer login
program.yml:5: limits.max_open_requests: must be at least 1
program.yml:7: limits.reminder_days: unknown field; did you mean "request_reminder_days"? allowed here: max_open_requests, max_active_partnerships, max_mentor_capacity, request_reminder_days, request_last_notice_days, request_expiry_days, save_for_later_days, checkin_interval_days, notice_days, save_notice_days, invalid_close_days, freshness_days, freshness_answer_days
program.yml:10: taxonomy.topics[0].id: must be lowercase words joined by hyphens, e.g. data-science
`;

describe('npm run validate', () => {
  test('prints every profile error at once, as path:line: field: message, and exits 1', () => {
    const r = validate('--root', fixture('invalid-profiles'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${PROFILE_ERRORS}\n13 problems found. Fix them and run npm run validate again.\n`);
    expect(r.out).toBe('');
  });

  test('reports program.yml errors with the line of the offending key', () => {
    const r = validate('--root', fixture('invalid-program'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${PROGRAM_ERRORS}\n5 problems found. Fix them and run npm run validate again.\n`);
  });

  test('passes the sample content and says how many profiles it checked', () => {
    const r = validate();
    const count = readdirSync(resolve(ROOT, 'content/mentors')).filter((f) => f.endsWith('.md')).length;
    expect(r.err).toBe('');
    expect(r.out).toBe(`program.yml and ${count} mentor profiles are valid.\n`);
    expect(r.code).toBe(0);
  });

  test('a bad flag gets a usage message and exit code 2, not a stack trace', () => {
    const r = validate('--bogus');
    expect(r.code).toBe(2);
    expect(r.err).toContain("validate: Unknown option '--bogus'");
    expect(r.err).toContain('usage: npm run validate');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('astro build on invalid content', () => {
  test('fails with the same messages as validate and no stack trace', () => {
    const out = mkdtempSync(join(tmpdir(), 'mentorkit-bad-'));
    try {
      const r = buildSite(out, fixture('invalid-profiles'));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(PROFILE_ERRORS);
      expect(r.stderr).toContain('The site was not built: 13 problem(s)');
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at \S+ \(/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  // The profiles are checked in a worker thread while Astro starts, and the mentors collection's loader waits for
  // that check. Front matter that is not YAML at all is where the order shows: read first by Astro's loader, it
  // would stop the build with a YAML exception and its stack trace.
  test('front matter that is not YAML stops the build before Astro reads it: validate\'s message, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentorkit-bad-yaml-'));
    const root = join(dir, 'root');
    const out = join(dir, 'out');
    try {
      mkdirSync(join(root, 'content/mentors'), { recursive: true });
      cpSync(fixture('invalid-profiles/program.yml'), join(root, 'program.yml'));
      cpSync(fixture('invalid-profiles/content/mentors/good-mentor.md'), join(root, 'content/mentors/good-mentor.md'));
      writeFileSync(join(root, 'content/mentors/bad-yaml.md'), '---\nname: "Unclosed quote\ngithub: bad-yaml\n---\nBio.\n');
      const expected = validate('--root', root);
      expect(expected.err).toContain('content/mentors/bad-yaml.md:4: (yaml): Missing closing "quote');

      const r = buildSite(out, root);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${expected.err.split('\n\n')[0]}\n\nThe site was not built: 1 problem(s)`);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at \S+ \(/);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('astro sync on invalid content', () => {
  // Commands other than build (sync, dev, preview) wait for the check before anything else runs.
  test('stops with the same messages as validate', () => {
    const r = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
      cwd: ROOT,
      env: { ...process.env, MENTORKIT_ROOT: fixture('invalid-profiles'), ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(PROFILE_ERRORS);
    expect(r.stderr).toContain('The site was not built: 13 problem(s)');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at \S+ \(/);
  }, 60_000);
});
