import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateBlocklist } from '../../src/core/validate.ts';
import { parseBlocklist } from '../../src/core/abuse.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';

/** npm run validate checks the blocklist the bot reads (program.yml abuse.blocklist, blocklist.yml by default). */

const ROOT = resolve(import.meta.dirname, '../..');
const check = (text: string) => validateBlocklist('blocklist.yml', text).map(formatDiagnostic);
const SKIPPED = 'the bot skips this entry until it is fixed, so that person is not blocked (write each entry as "- login: someone", optionally with reason, since (YYYY-MM-DD) and by (a login))';

describe('validateBlocklist', () => {
  test.each(['', '[]', '# nobody yet\n', '- login: spam-account-42\n  reason: mass requests\n  since: 2027-01-05\n  by: program-chair\n- "@Other-Login"\n- plain-login\n'])(
    '%j is a valid blocklist',
    (text) => {
      expect(check(text)).toEqual([]);
    },
  );

  test('the shipped blocklist.yml is valid', () => {
    expect(check(readFileSync(join(ROOT, 'blocklist.yml'), 'utf8'))).toEqual([]);
  });

  test('YAML that does not parse: the line, and that nobody is blocked until it does', () => {
    expect(check('- login: a\n- login: b\n  login: c\n')).toEqual([
      'blocklist.yml:3: (yaml): Map keys must be unique; check indentation, quotes and the colon after each key; until it parses, the bot blocks nobody',
    ]);
  });

  test('not a list', () => {
    expect(check('# header\nlogin: someone\n')).toEqual([
      'blocklist.yml:2: (file): must be a list of entries, not a mapping; until it is, the bot blocks nobody. Write each entry as "- login: someone", optionally with reason, since (YYYY-MM-DD) and by (a login), or write [] to block nobody',
    ]);
    expect(check('spammer')).toEqual([expect.stringMatching(/^blocklist\.yml:1: \(file\): must be a list of entries, not string "spammer"; /)]);
  });

  test('every broken entry at once, at its line, counted from 1 as the bot counts them', () => {
    const text = [
      '# header',
      '- login: good-one',
      '- login: "not a login!"',
      '- reson: typo',
      '  login: typo-person',
      '- by: program-chair',
      '- 42',
      '- login: dated',
      '  since: 27-1-1',
      '- login: impossible',
      '  since: 2027-02-30',
      '- login: ok',
      '  reason: wrote to ada@example.org',
    ].join('\n');
    expect(check(text)).toEqual([
      `blocklist.yml:3: entry 2.login: is not a GitHub login; ${SKIPPED}`,
      `blocklist.yml:4: entry 3.reson: unknown field; did you mean "reason"? allowed here: login, reason, since, by; ${SKIPPED}`,
      `blocklist.yml:6: entry 4.login: is required (string); ${SKIPPED}`,
      `blocklist.yml:7: entry 5: must be a mapping of keys, not number 42; ${SKIPPED}`,
      `blocklist.yml:9: entry 6.since: must be a date written YYYY-MM-DD; ${SKIPPED}`,
      'blocklist.yml:11: entry 7.since: 2027-02-30 is not a day of the calendar; correct the date (YYYY-MM-DD)',
      'blocklist.yml:13: reason: looks like an e-mail address ("ad…rg"); the blocklist is public, so remove it (keep reasons short and factual; details belong in the private report)',
    ]);
    // The bot's reader (abuse.ts) skips exactly the entries validate reports as skipped.
    expect(parseBlocklist(text).problems.map((p) => Number(/entry (\d+)/.exec(p)?.[1]))).toEqual([2, 3, 4, 5, 6]);
  });

  test('whatever the bot warns about, validate reports', () => {
    const samples = ['- login: a\n  reason: "unclosed\n', 'just: a map', '- *alias\n', '- login: -bad-\n', '- login: x\n  extra: 1\n', '- [nested]\n', '- login: x\n  since: yesterday\n'];
    for (const s of samples) {
      expect(parseBlocklist(s).problems.length, s).toBeGreaterThan(0);
      expect(check(s).length, s).toBeGreaterThan(0);
    }
  });
});

describe('npm run validate checks the blocklist', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorkit-blocklist-'));
    cpSync(join(ROOT, 'program.yml'), join(dir, 'program.yml'));
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const validate = () => spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts'), '--root', dir], { encoding: 'utf8', cwd: ROOT });

  test('no blocklist file: nobody is blocked, valid', () => {
    const r = validate();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('a broken blocklist.yml: exit 1, file:line: field: message, no stack trace', () => {
    writeFileSync(join(dir, 'blocklist.yml'), '- login: spam-account-42\n- logn: typo\n');
    const r = validate();
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `blocklist.yml:2: entry 2.login: is required (string); ${SKIPPED}\n` +
        `blocklist.yml:2: entry 2.logn: unknown field; did you mean "login"? allowed here: login, reason, since, by; ${SKIPPED}\n\n2 problems found. Fix them and run npm run validate again.\n`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('the file program.yml names under abuse.blocklist, under content/: checked once, contact data included', () => {
    writeFileSync(join(dir, 'program.yml'), `${readFileSync(join(dir, 'program.yml'), 'utf8')}\nabuse:\n  blocklist: content/moderation/blocked.yml\n`);
    mkdirSync(join(dir, 'content/moderation'));
    writeFileSync(join(dir, 'content/moderation/blocked.yml'), '- login: someone\n  reason: called +44 20 7946 0958\n- login: "bad login"\n');
    // The root blocklist.yml is no longer the one read, so a broken one there is not reported.
    writeFileSync(join(dir, 'blocklist.yml'), 'not: a list');
    const r = validate();
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('content/'))).toEqual([
      'content/moderation/blocked.yml:2: reason: looks like a phone number ("+4…58"); everything under content/ is published, so remove it (point readers to the request form, or to the private "Report a concern" channel that program.yml sets under safety.report)',
      `content/moderation/blocked.yml:3: entry 2.login: is not a GitHub login; ${SKIPPED}`,
    ]);
    expect(r.stderr).toContain('\n2 problems found.');
  });
});
