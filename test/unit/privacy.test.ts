import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findContactData, type PrivacyKind } from '../../src/core/privacy.ts';
import { programPrivacy, validateContentFile } from '../../src/core/validate.ts';
import { checkRepository } from '../../src/files/content.ts';
import { checkProfiles } from '../../src/files/content-check-run.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';

/** No e-mail addresses or phone numbers anywhere published (docs/security.md, "Privacy checks"). */

const ROOT = resolve(import.meta.dirname, '../..');

const kinds = (text: string, country?: string) => findContactData(text, country).map((f) => f.kind);

describe('what counts as contact data', () => {
  const POSITIVES: [string, PrivacyKind, string?][] = [
    ['Write to ada.lovelace@uni.example.ac.uk any time.', 'email'],
    ['ADA@EXAMPLE.ORG', 'email'],
    ['ada+mentoring@example.org', 'email'],
    ['ada [at] example [dot] org', 'obfuscated-email'],
    ['ada(at)example.org', 'obfuscated-email'],
    ['ada (at) example (dot) org', 'obfuscated-email'],
    ['ada{at}uni{dot}ac{dot}uk', 'obfuscated-email'],
    ['ada <at> example <dot> org', 'obfuscated-email'],
    ['ada[@]example.org', 'obfuscated-email'],
    ['ada@example[dot]org', 'obfuscated-email'],
    ['ada @ example.org', 'obfuscated-email'],
    ['ada at example dot org', 'obfuscated-email'],
    ['ADA AT EXAMPLE DOT CO DOT UK', 'obfuscated-email'],
    ['[Mail me](mailto:ada@example.org)', 'mailto'],
    ['<a href="mailto:ada@example.org">mail</a>', 'mailto'],
    ['[mail](MAILTO:someone)', 'mailto'],
    ['[Call](tel:+442079460958)', 'tel'],
    ['<a href="tel:5551234567">call</a>', 'tel'],
    ['+44 20 7946 0958', 'phone'],
    ['+1 (415) 555-0100', 'phone'],
    ['+49 (0)30 1234567', 'phone'],
    ['+254 712 345678', 'phone'],
    ['(555) 123-4567', 'phone'],
    ['555.123.4567', 'phone'],
    ['555-123-4567', 'phone'],
    ['020 7946 0958', 'phone', 'GB'],
    ['Phone: 07700 900123', 'phone', 'GB'],
    ['mobile: 0151 234 5678', 'phone', 'DE'],
    ['WhatsApp 0049 30 1234567', 'phone', 'DE'],
    // A number written for the author's country, whatever the country: the international shapes still catch it.
    ['Call me on +1 415 555 0100', 'phone', 'JP'],
  ];
  test.each(POSITIVES)('%j is found as %s', (text, kind, country) => {
    expect(kinds(text, country)).toEqual([kind]);
    // The excerpt is masked: never the whole thing.
    for (const f of findContactData(text, country)) {
      expect(f.excerpt).toContain('…');
      expect(f.excerpt.length).toBeLessThanOrEqual(5);
      expect(text).not.toBe(f.excerpt);
    }
  });

  const NEGATIVES: [string, string?][] = [
    ['Let us look at the data together.'],
    ['I work at github.com and at CERN.'],
    ['We meet at noon (at the latest at 12:30).'],
    ['I worked at a dot com startup.'],
    ['ORCID 0000-0002-1825-0097'],
    ['https://orcid.org/0000-0002-1825-0097'],
    ['doi: 10.1234/abcd.5678'],
    ['https://doi.org/10.5281/zenodo.1234567'],
    ['10.1103/PhysRevLett.123.456789'],
    ['arXiv:2101.12345v2'],
    ['ISBN 978-3-16-148410-0'],
    ['Version 1.22.3333, v2.10.4 and 10.2.1'],
    ['2019-2024, 2019–2024 and 1998 — 2007'],
    ['From 2026-10-01 to 2027-01-01'],
    ['last_confirmed: 2026-09-01'],
    ['2024-03-12T14:30:00Z and 2024-03-12T14:30:00+01:00'],
    ['12/03/2024 14:30, 12.03.2024'],
    ['Office hours 10:30-11:45 and 14:00–15:30 (UTC+01:00)'],
    ['https://github.com/ada-example/12345678'],
    ['github.com/ada-example/repo/pull/1234567'],
    ['See #1234567 on GitHub.'],
    ['Funded by EU grant agreement 101057388.'],
    ['Proceedings, pp. 1234-1240, page 123-4567'],
    ['1,234,567 downloads and 2,345,678 citations'],
    ['@ada-example on GitHub, and @org/team'],
    ['Follow @ada@mastodon.social'],
    ['git clone git@github.com:ada-example/repo.git'],
    ['![me](avatar@2x.png)'],
    ['Room 3.14, building 12345'],
    ['A Work–life balance, a 3-month term, 2 mentees'],
  ];
  test.each(NEGATIVES)('%j is not contact data', (text, country) => {
    expect(findContactData(text, country ?? 'DE')).toEqual([]);
    expect(findContactData(text, 'US')).toEqual([]);
  });

  test('each finding has its line; two on one line are both found', () => {
    const text = 'Hello\n\nMail ada@example.org or call +44 20 7946 0958\nBye\n[x](tel:123)';
    expect(findContactData(text)).toEqual([
      { line: 3, kind: 'email', excerpt: 'ad…rg' },
      { line: 3, kind: 'phone', excerpt: '+4…58' },
      { line: 5, kind: 'tel', excerpt: 'te…23' },
    ]);
  });

  test('a mailto: link is one finding, not also an address', () => {
    expect(findContactData('[m](mailto:ada@example.org)')).toEqual([{ line: 1, kind: 'mailto', excerpt: 'ma…rg' }]);
  });
});

describe('pages and program.yml', () => {
  test('a page: file, line, field (front matter key or body), what and how to fix', () => {
    const page = '---\ntitle: Contact ada@example.org\n---\n\nAsk us.\n\nOr call (555) 123-4567.\n';
    expect(validateContentFile('content/pages/about.mdx', page).map(formatDiagnostic)).toEqual([
      'content/pages/about.mdx:2: title: looks like an e-mail address ("ad…rg"); everything under content/ is published, so remove it (point readers to the request form, or to the private "Report a concern" channel that program.yml sets under safety.report)',
      'content/pages/about.mdx:7: body: looks like a phone number ("(5…67"); everything under content/ is published, so remove it (point readers to the request form, or to the private "Report a concern" channel that program.yml sets under safety.report)',
    ]);
  });

  test('program.yml: any text field or comment, except the moderators’ safety.report.email', () => {
    const text = readFileSync(join(ROOT, 'program.yml'), 'utf8');
    expect(programPrivacy('program.yml', text)).toEqual([]);
    const withReport = `${text}\nsafety:\n  report:\n    email: conduct@example.org\n`;
    expect(programPrivacy('program.yml', withReport)).toEqual([]);
    const leaked = withReport
      .replace(/^description: .*$/m, 'description: Questions? chair [at] example [dot] org')
      .replace(/^# Run `npm run validate`.*$/m, '# Ask the chair, +44 20 7946 0958');
    expect(programPrivacy('program.yml', leaked).map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^program\.yml:2: \(comment\): looks like a phone number \("\+4…58"\); program\.yml is public, so remove it/),
      expect.stringMatching(/^program\.yml:5: description: looks like an e-mail address spelled out to dodge scrapers .*\("ch…rg"\); program\.yml is public/),
    ]);
  });
});

describe('npm run validate on content with contact data planted', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorkit-privacy-'));
    cpSync(join(ROOT, 'program.yml'), join(dir, 'program.yml'));
    cpSync(join(ROOT, 'blocklist.yml'), join(dir, 'blocklist.yml'));
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Put `line` into the file after its `after`-th line, returning the 1-based line it lands on. */
  function plant(file: string, after: number, line: string): number {
    const path = join(dir, file);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.splice(after, 0, line);
    writeFileSync(path, lines.join('\n'));
    return after + 1;
  }

  test('front matter, body and page: exit 1, each as file:line: field: message, nothing else, no stack trace', () => {
    const profilePath = join(dir, 'content/mentors/amara-okafor.md');
    writeFileSync(profilePath, readFileSync(profilePath, 'utf8').replace(/^affiliation: .*$/m, 'affiliation: "ada.example@uni.example.edu"'));
    const front = readFileSync(profilePath, 'utf8').split('\n').findIndex((l) => l.startsWith('affiliation:')) + 1;
    expect(front).toBeGreaterThan(1);
    const profile = readFileSync(join(dir, 'content/mentors/amara-okafor.md'), 'utf8').split('\n');
    const bodyLine = plant('content/mentors/amara-okafor.md', profile.length - 1, 'Or e-mail me: amara (at) example (dot) org');
    const pageLine = plant('content/pages/guide.mdx', 8, 'Questions? Write to [the chair](mailto:chair@example.org).');
    writeFileSync(join(dir, 'content/pages/notes.yml'), 'contact:\n  phone: +44 20 7946 0958\n');

    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/validate.ts'), '--root', dir], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const fix = 'profiles are public, so remove it (mentees reach you through the request issue)';
    const page = 'everything under content/ is published, so remove it (point readers to the request form, or to the private "Report a concern" channel that program.yml sets under safety.report)';
    expect(r.stderr).toBe(
      [
        `content/mentors/amara-okafor.md:${front}: affiliation: looks like an e-mail address ("ad…du"); ${fix}`,
        `content/mentors/amara-okafor.md:${bodyLine}: body: looks like an e-mail address spelled out to dodge scrapers (people and scrapers read it alike) ("am…rg"); ${fix}`,
        `content/pages/guide.mdx:${pageLine}: body: is a mailto: link, an e-mail address ("ma…rg"); ${page}`,
        `content/pages/notes.yml:2: phone: looks like a phone number ("+4…58"); ${page}`,
        '',
        '4 problems found. Fix them and run npm run validate again.',
        '',
      ].join('\n'),
    );
    // The site build's check finds the same (the blocklist aside), so a page cannot be published with them either.
    expect(checkProfiles(dir).diagnostics.map(formatDiagnostic)).toEqual(r.stderr.split('\n').slice(0, 4));
  });

  test('a file that is not text (an image) is not read; the clean copy passes', () => {
    writeFileSync(join(dir, 'content/pages/photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x35, 0x35, 0x35, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37]));
    expect(checkRepository(dir, { blocklist: true }).diagnostics).toEqual([]);
  });
});

test('the shipped sample content, program.yml and blocklist are clean', () => {
  const r = checkRepository(ROOT, { blocklist: true });
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(r.mentors.length).toBeGreaterThan(0);
});
