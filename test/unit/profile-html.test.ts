import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateProfile } from '../../src/core/validate.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { findProfileHtml } from '../../src/core/profile-html.ts';
import { profileFile, repoProgram, validProfile } from '../support/profiles.ts';
import { buildSite } from '../support/build-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FILE = 'content/mentors/ada-example.md';

/** The diagnostics of a profile with `body`, and the file line each body line lands on. */
function check(body: string) {
  const text = profileFile(validProfile(), body);
  const first = text.split('\n').length - body.split('\n').length + 1;
  return { lines: validateProfile(FILE, 'ada-example', text, repoProgram).diagnostics.map(formatDiagnostic), first };
}

const SCRIPTISH = 'it could run code, load another page or restyle the site; use Markdown instead of HTML; the site removes HTML';

describe('validate: HTML and unsafe links in a profile body', () => {
  test('script-ish HTML, event attributes, unsafe links and images are errors at their line, saying how to fix them', () => {
    const body = [
      '## About me', // +0
      '',
      '<script>alert(1)</script>', // +2
      'Look <img src="https://tracker.example/x.png" onerror="steal()"> here.', // +3
      '<iframe src="https://evil.example/"></iframe>', // +4
      '<style>body { display: none }</style>', // +5
      '[click](javascript:alert(1)) and [b](&#106;avascript:alert(1))', // +6
      '<a href="JaVa&#9;Script:alert(1)">x</a>', // +7
      '![pixel](https://tracker.example/p.png)', // +8
      '<div align="center">Centered</div>', // +9
      '[ref]: data:text/html;base64,PHNjcmlwdD4=', // +10
      '<object data="x"></object><embed src="y">', // +11
      '<p', // +12
      '  onclick="go()">Multi-line tag</p>', // +13
      '<vbscript:msgbox(1)>', // +14
    ].join('\n');
    const { lines, first } = check(body);
    const at = (n: number) => `${FILE}:${first + n}: body: `;
    expect(lines).toEqual([
      `${at(2)}raw HTML <script> is not allowed in a profile: ${SCRIPTISH}`,
      `${at(3)}an HTML <img> is not published: an image in a profile's text would load from another site, which then learns who reads the profile; put your picture in the avatar field, or link to the image instead (the site removes images)`,
      `${at(3)}raw HTML with an onerror= attribute is not allowed in a profile: it runs code in the visitor's browser; use Markdown instead of HTML; the site removes HTML`,
      `${at(4)}raw HTML <iframe> is not allowed in a profile: ${SCRIPTISH}`,
      `${at(5)}raw HTML <style> is not allowed in a profile: ${SCRIPTISH}`,
      `${at(6)}a javascript: link is not allowed in a profile: it could run code or hide content; link to an https:// address instead (the site removes such links)`,
      `${at(7)}a javascript: link is not allowed in a profile: it could run code or hide content; link to an https:// address instead (the site removes such links)`,
      `${at(8)}an image is not published: an image in a profile's text would load from another site, which then learns who reads the profile; put your picture in the avatar field, or link to the image instead (the site removes images)`,
      `${at(9)}raw HTML <div> is removed from the published page (its text stays); use Markdown instead of HTML; the site removes HTML`,
      `${at(10)}a data: link is not allowed in a profile: it could run code or hide content; link to an https:// address instead (the site removes such links)`,
      `${at(11)}raw HTML <object> is not allowed in a profile: ${SCRIPTISH}`,
      `${at(11)}raw HTML <embed> is not allowed in a profile: ${SCRIPTISH}`,
      `${at(13)}raw HTML with an onclick= attribute is not allowed in a profile: it runs code in the visitor's browser; use Markdown instead of HTML; the site removes HTML`,
      `${at(14)}a vbscript: link is not allowed in a profile: it could run code or hide content; link to an https:// address instead (the site removes such links)`,
    ]);
  });

  test('harmless tags the site keeps, code, comments and prose are not HTML problems', () => {
    const body = [
      'Line one<br>line two, x<sup>2</sup>, H<sub>2</sub>O, <kbd>Ctrl</kbd>, <b>bold</b>.',
      '<details><summary>More</summary>Details.</details>',
      'Write `<script>` or ``<img onerror=x>`` in code, never in HTML.',
      '<!-- <script>a note for reviewers</script> -->',
      '```html',
      '<iframe src="https://example.org/"></iframe>',
      '[x](javascript:void(0))',
      '```',
      '~~~',
      '<style></style>',
      '~~~',
      'When a<b and b > c, 3 <5; data: pipelines and scripts: my topics. I work on JavaScript: mostly tests.',
      '[site](https://example.org/) and [rel](/about/) and <https://example.org/auto>.',
      'Turn on=off switches; onboarding = fun.',
    ].join('\n');
    expect(check(body).lines).toEqual([]);
  });

  test('HTML in the front matter is not the body: the templates show it as text', () => {
    const data = validProfile();
    data.headline = 'Helping with <b>tests</b>';
    expect(validateProfile(FILE, 'ada-example', profileFile(data), repoProgram).diagnostics).toEqual([]);
  });

  test('a body with nothing that could be HTML or a link scheme skips the line scan', () => {
    expect(findProfileHtml('## About me\n\nPlain words, [a link](https://example.org/), `code`.\n')).toEqual([]);
  });
});

describe('a site build on a profile with HTML', () => {
  // One build for everything here: the build takes 15-20 s. What the content check lets through (harmless tags,
  // any link scheme it does not know) still goes through the sanitiser, and that is what the built page shows.
  test('the content check stops script-ish HTML with validate\'s message; allowed HTML is published sanitised', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentorkit-html-'));
    const root = join(dir, 'root');
    const out = join(dir, 'out');
    try {
      mkdirSync(join(root, 'content/mentors'), { recursive: true });
      cpSync(join(ROOT, 'program.yml'), join(root, 'program.yml'));
      const body = [
        '## About me',
        '',
        'Press <kbd id="request-link" class="evil" title="keys">Ctrl</kbd>, x<sup style="position:fixed">2</sup>.',
        '',
        '[chat](irc://irc.example.org/mentors) and [site](https://example.org/ada).',
        '',
      ].join('\n');
      writeFileSync(join(root, 'content/mentors/ada-example.md'), profileFile(validProfile(), body));

      const hostile = join(dir, 'hostile');
      mkdirSync(hostile);
      writeFileSync(join(hostile, 'ada-example.md'), profileFile(validProfile(), '<script>alert(1)</script>\n'));
      const v = spawnSync(process.execPath, [resolve(ROOT, 'scripts/validate.ts'), '--root', root, '--mentors', hostile], { encoding: 'utf8', cwd: ROOT });
      expect(v.status).toBe(1);
      expect(v.stderr).toMatch(/ada-example\.md:\d+: body: raw HTML <script> is not allowed in a profile: .*use Markdown instead of HTML; the site removes HTML/);

      const r = buildSite(out, root);
      expect(r.stderr).not.toContain('Error');
      expect(r.status).toBe(0);
      const page = readFileSync(join(out, 'mentors/ada-example/index.html'), 'utf8');
      const bio = page.slice(page.indexOf('<div class="bio">'), page.indexOf('<aside'));
      expect(bio).toContain('<h2 id="about-me">About me</h2>');
      expect(bio).toContain('Press <kbd id="user-content-request-link" title="keys">Ctrl</kbd>, x<sup>2</sup>.');
      expect(bio).toContain('<a>chat</a> and <a href="https://example.org/ada">site</a>.');
      // The page's own request link keeps its id; the profile's copy was renamed.
      expect(page.match(/id="request-link"/g)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
