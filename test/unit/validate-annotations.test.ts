import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * `npm run validate -- --format github`: every problem as a GitHub workflow-command annotation, so the pull
 * request's "Files changed" tab shows it at the line. The format is exact: GitHub silently drops what it can't parse.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => resolve(ROOT, 'test/fixtures', name);

function validate(...args: string[]) {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'scripts/validate.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const F = 'test/fixtures/invalid-profiles/content/mentors';
const PROFILE_ANNOTATIONS = `::error file=${F}/broken-mentor.md,line=4,title=avatar::must be an https:// URL
::error file=${F}/broken-mentor.md,line=5,title=headline::is longer than 80 characters; shorten it
::error file=${F}/broken-mentor.md,line=7,title=location.country::is not an ISO 3166-1 alpha-2 country code; use two capital letters such as DE, BR or KE
::error file=${F}/broken-mentor.md,line=8,title=location.timezone::is not an IANA time zone; use a name such as Europe/Berlin or America/Sao_Paulo
::error file=${F}/broken-mentor.md,line=9,title=languages[1]::language "fr" is not offered by this program; use one of en, es, de or add it to taxonomy.languages in program.yml
::error file=${F}/broken-mentor.md,line=10,title=topics[0]::"statistics" is a synonym; use the canonical topic "data-science"
::error file=${F}/broken-mentor.md,line=10,title=topics[1]::unknown topic "astrology"; topics are listed in program.yml under taxonomy.topics
::error file=${F}/broken-mentor.md,line=16,title=availability.capacity::is above the program's maximum of 2 (limits.max_mentor_capacity)
::error file=${F}/broken-mentor.md,line=17,title=terms[1]::5 months is not a term this program offers; choose from 3, 6, 9, 12
::error file=${F}/broken-mentor.md,line=20,title=body::looks like an e-mail address ("br…rg"); profiles are public, so remove it (mentees reach you through the request issue)
::error file=${F}/wrong-name.md,line=2,title=last_confirmed::is required: a date written YYYY-MM-DD
::error file=${F}/wrong-name.md,line=3,title=github::"right-name" does not match the file name "wrong-name.md"; rename the file to right-name.md or correct the login
::error file=${F}/wrong-name.md,line=7,title=topics[0]::"oss" is a synonym; use the canonical topic "open-source"
`;

describe('npm run validate -- --format github', () => {
  test('prints one ::error annotation per problem (file relative to the repository, line, field as title) and exits 1', () => {
    const r = validate('--root', fixture('invalid-profiles'), '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.out).toBe(PROFILE_ANNOTATIONS);
    expect(r.err).toBe('\n13 problems found. Fix them and run npm run validate again.\n');
  });

  test('program.yml errors too', () => {
    const r = validate('--root', fixture('invalid-program'), '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('::error file=test/fixtures/invalid-program/program.yml,line=2,title=repository::must be "owner/repo", the GitHub repository that holds requests');
    expect(r.out.trimEnd().split('\n')).toHaveLength(5);
  });

  test('valid content: no annotation, the usual message, exit 0', () => {
    const r = validate('--format', 'github');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^program\.yml and \d+ mentor profiles are valid\.\n$/);
    expect(r.err).toBe('');
  });

  describe('escaping, as GitHub’s workflow commands require', () => {
    // A root whose path holds `,` `%` and `:`, and a profile whose key and login hold `%`, `:`, `,`, CR and LF.
    const dir = mkdtempSync(join(tmpdir(), 'mk,50%:x-'));
    mkdirSync(join(dir, 'content/mentors'), { recursive: true });
    copyFileSync(fixture('invalid-profiles/program.yml'), join(dir, 'program.yml'));
    const good = readFileSync(fixture('invalid-profiles/content/mentors/good-mentor.md'), 'utf8');
    writeFileSync(join(dir, 'content/mentors/odd.md'), good.replace('github: good-mentor', 'github: "50%\\r\\nodd"\n"a:b,100%\\nc": 1'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('data: % CR LF; properties also : and ,', () => {
      const r = validate('--root', dir, '--format', 'github');
      expect(r.code).toBe(1);
      const file = relative(ROOT, join(dir, 'content/mentors/odd.md')).replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
      expect(file).toContain('mk%2C50%25%3Ax-');
      expect(r.out.trimEnd().split('\n')).toEqual([
        `::error file=${file},line=3,title=github::is not a GitHub login (letters, digits and single hyphens, at most 39 characters)`,
        `::error file=${file},line=3,title=github::"50%25%0D%0Aodd" does not match the file name "odd.md"; rename the file to 50%25%0D%0Aodd.md or correct the login`,
        expect.stringMatching(new RegExp(`^::error file=${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=4,title=a%3Ab%2C100%25%0Ac::unknown field; allowed here: name, github, `)),
      ]);
      // Every line is one annotation: nothing a message holds can start a line of its own.
      for (const line of r.out.trimEnd().split('\n')) expect(line).toMatch(/^::error file=[^,:]+,line=\d+,title=[^,:]+::/);
    });
  });

  test('a bad --format value gets a clear message, the usage line and exit code 2', () => {
    const r = validate('--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('validate: --format must be "text" (file:line: field: message) or "github" (annotations for GitHub Actions), not "xml"\nusage: npm run validate [-- --root <dir>] [--mentors <dir>] [--format text|github]\n');
    expect(validate('--format').err).toContain("validate: Option '--format <value>' argument missing");
  });

  test('the pull-request workflow runs it on content and program.yml changes, read-only', () => {
    const wf = parse(readFileSync(resolve(ROOT, '.github/workflows/validate.yml'), 'utf8')) as Record<string, any>;
    expect(wf.on.pull_request.paths).toEqual(['content/**', 'program.yml']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const runs = Object.values(wf.jobs as Record<string, { steps: { run?: string }[] }>).flatMap((j) => j.steps.map((s) => s.run).filter(Boolean));
    expect(runs).toEqual(['npm ci', 'npm run validate -- --format github']);
  });
});
