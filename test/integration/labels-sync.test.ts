import { afterEach, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulator, type Emulator } from '../../src/testing/emulator/index.ts';
import { loadContent } from '../../src/files/content.ts';
import { labelSpec, programLabels } from '../../src/core/labels.ts';
import { FRESHNESS_LABEL_SPEC } from '../../src/core/freshness.ts';
import { main } from '../../scripts/labels.ts';
import { runScript as runScriptAt } from '../support/run-script.ts';

/** npm run labels against the offline GitHub: creates every label once, then changes nothing; never deletes. */

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = resolve(ROOT, 'scripts/labels.ts');
const { program, mentors } = loadContent(ROOT);
const [owner, repo] = program!.repository.split('/') as [string, string];
const wanted = programLabels(program!, mentors);

let gh: Emulator | undefined;
afterEach(async () => {
  if (!gh) return;
  expect(gh.violations, 'every request and response matches the OpenAPI description').toEqual([]);
  await gh.close();
  gh = undefined;
});

async function emulator(labels: { name: string; color?: string; description?: string }[] = []): Promise<Emulator> {
  gh = await startEmulator({ owner, repo, collaborators: { 'program-chair': 'admin' }, labels });
  return gh;
}
const env = (g: Emulator, login = 'program-chair') => ({ GITHUB_API_URL: g.url, GITHUB_TOKEN: g.tokenFor(login), MENTORKIT_WRITE_PACING_MS: '0' });
const writes = (g: Emulator) => g.calls.filter((c) => c.method !== 'GET');
const repoLabels = (g: Emulator) => g.state.labels.map((l) => ({ name: l.name, color: l.color, description: l.description ?? '' }));

/** main() in this process, with its output captured. */
async function runMain(argv: string[], e: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, e, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const runScript = (argv: string[], env: Record<string, string>) => runScriptAt(SCRIPT, argv, env);

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

describe('the definition', () => {
  test('one label per status, the fixed labels, one cohort:<id> per cohort and one mentor:<login> per profile', () => {
    const names = wanted.map((l) => l.name);
    expect(names.slice(0, 17 + program!.cohorts.length + 1)).toEqual([
      'request',
      ...['pending', 'saved', 'invalid', 'active', 'declined', 'withdrawn', 'expired', 'completed', 'ended'].map((s) => `status:${s}`),
      'ending',
      'freshness',
      'report',
      'mentor-application',
      'peer-group',
      'cohort-mentee',
      'cohort-mentor',
      ...program!.cohorts.map((c) => `cohort:${c.id}`),
      `mentor:${mentors.map((m) => m.github.toLowerCase()).sort()[0]}`,
    ]);
    expect(program!.cohorts.length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('mentor:'))).toHaveLength(mentors.length);
    expect(new Set(names).size).toBe(names.length);
    for (const l of wanted) {
      expect(l.color, l.name).toMatch(/^[0-9a-f]{6}$/);
      expect(l.description.length, l.name).toBeGreaterThan(0);
      expect(l.description.length, l.name).toBeLessThanOrEqual(100); // GitHub's limit
    }
  });

  test('the bot colours a label exactly as the sync does (one definition)', () => {
    for (const l of wanted) expect(labelSpec(l.name)).toEqual(l);
    expect(FRESHNESS_LABEL_SPEC).toEqual(wanted.find((l) => l.name === 'freshness'));
  });
});

describe('npm run labels', () => {
  test('the first run creates every label; a second run makes no writes', async () => {
    const g = await emulator([labelSpec('request')]);
    const first = await runScript([], env(g));
    expect(first.code, first.stderr).toBe(0);
    expect(repoLabels(g)).toEqual([...wanted].sort(byName));
    expect(writes(g).map((c) => c.method)).toEqual(Array(wanted.length - 1).fill('POST'));
    expect(first.stdout).not.toContain('unchanged  request'); // a real run lists what it changes
    expect(first.stdout).toMatch(/^ {2}created {4}status:pending +#fbca04 {2}Request waiting for the mentor to answer$/m);
    expect(first.stdout).toContain(`Created ${wanted.length - 1}, updated 0; 1 unchanged.`);

    g.resetCalls();
    const second = await runMain([], env(g));
    expect(second.code, second.stderr).toBe(0);
    expect(writes(g)).toHaveLength(0);
    expect(g.calls.length).toBeGreaterThan(0);
    expect(second.stdout).toContain(`Created 0, updated 0; ${wanted.length} unchanged.`);
    expect(second.stdout.split('\n')).toEqual([`${owner}/${repo}: ${wanted.length} labels in the definition, ${wanted.length} in the repository.`, `Created 0, updated 0; ${wanted.length} unchanged.`]);
  });

  test('a wrong colour, description or letter case is updated; labels not in the definition are left alone', async () => {
    const g = await emulator([
      ...wanted.filter((l) => l.name !== 'status:active' && l.name !== 'ending'),
      { name: 'status:active', color: 'ededed', description: 'Accepted: an active mentoring partnership' },
      { name: 'Ending', color: 'f9d0c4', description: 'old words' },
      { name: 'mentor:someone-without-profile', color: 'bfdadc', description: 'Requests addressed to @someone-without-profile' },
      { name: 'status:archived', color: '000000' },
      { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
    ]);
    const r = await runMain([], env(g));
    expect(r.code, r.stderr).toBe(0);
    expect(writes(g).map((c) => `${c.method} ${decodeURIComponent(c.path)}`)).toEqual([
      `PATCH /repos/${owner}/${repo}/labels/status:active`,
      `PATCH /repos/${owner}/${repo}/labels/Ending`,
    ]);
    expect(r.stdout).toMatch(/^ {2}updated {4}status:active +colour #ededed → #0e8a16$/m);
    expect(r.stdout).toMatch(/^ {2}updated {4}ending +name Ending → ending, description "old words" → "Partnership ending: notice given with \/end"$/m);
    expect(r.stdout).toMatch(/^ {2}left alone mentor:someone-without-profile +not in the definition, left alone$/m);
    expect(r.stdout).toMatch(/^ {2}left alone status:archived +not in the definition, left alone$/m);
    expect(r.stdout).not.toContain('bug');
    expect(r.stdout).toContain(`Created 0, updated 2; ${wanted.length - 2} unchanged; 2 not in the definition, left alone.`);
    // Nothing it does not own is touched.
    expect(repoLabels(g)).toEqual(
      [...wanted, { name: 'mentor:someone-without-profile', color: 'bfdadc', description: 'Requests addressed to @someone-without-profile' }, { name: 'status:archived', color: '000000', description: '' }, { name: 'bug', color: 'd73a4a', description: "Something isn't working" }].sort(byName),
    );

    g.resetCalls();
    expect((await runMain([], env(g))).code).toBe(0);
    expect(writes(g)).toHaveLength(0);
  });

  test('--dry-run prints the diff and writes nothing', async () => {
    const g = await emulator([
      { name: 'request', color: '0052cc', description: 'A mentee’s request for a mentor' },
      { name: 'status:pending', color: 'ededed' },
      { name: 'mentor:someone-without-profile', color: 'bfdadc' },
    ]);
    const before = repoLabels(g);
    const r = await runScript(['--dry-run'], env(g));
    expect(r.code, r.stderr).toBe(0);
    expect(writes(g)).toHaveLength(0);
    expect(repoLabels(g)).toEqual(before);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Dry run: nothing is changed. ${owner}/${repo}: ${wanted.length} labels in the definition, 3 in the repository.`);
    expect(lines).toContain('  unchanged  request');
    expect(r.stdout).toMatch(/^ {2}update {5}status:pending +colour #ededed → #fbca04, description "" → "Request waiting for the mentor to answer"$/m);
    expect(r.stdout).toMatch(/^ {2}create {5}status:saved +#c5def5 {2}Mentor saved the request for later$/m);
    expect(lines.filter((l) => l.startsWith('  create '))).toHaveLength(wanted.length - 2);
    expect(r.stdout).toMatch(/^ {2}left alone mentor:someone-without-profile +not in the definition, left alone$/m);
    expect(lines.at(-1)).toBe(`Would create ${wanted.length - 2}, update 1; 1 unchanged; 1 not in the definition, left alone. Run without --dry-run to apply.`);
  });

  test('--repo overrides program.yml', async () => {
    gh = await startEmulator({ owner: 'my-org', repo: 'mentoring', collaborators: { 'program-chair': 'admin' } });
    const r = await runMain(['--repo', 'my-org/mentoring'], env(gh));
    expect(r.code, r.stderr).toBe(0);
    expect(gh.state.labels).toHaveLength(wanted.length);
    expect(new Set(gh.calls.map((c) => c.path.split('/').slice(0, 4).join('/')))).toEqual(new Set(['/repos/my-org/mentoring']));
  });

  test('a token that may not write labels gets a clear message, exit 1', async () => {
    const g = await emulator();
    const r = await runMain([], env(g, 'mia-mentee'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^labels: GitHub did not allow creating the label "request" \(403: .*\)\. The token needs permission to write issues in mentorkit\/mentorkit/);
    expect(g.state.labels).toEqual([]);
  });

  test('an unknown repository is named, exit 1', async () => {
    const g = await emulator();
    const r = await runMain(['--repo', 'someone/elsewhere'], env(g));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('labels: someone/elsewhere was not found while reading the labels of someone/elsewhere (404). Check repository in program.yml (or --repo) and that the token can see it.');
  });

  test('a bad flag exits 2 with the usage, without a stack trace', async () => {
    const r = await runScript(['--colour', 'red'], {});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^labels: Unknown option '--colour'\.?\n\nusage: npm run labels \[-- --dry-run\] \[--repo owner\/name\]/);
    expect(r.stderr).not.toMatch(/^\s+at /m);

    const bad = await runMain(['--repo', 'not-a-repo'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^labels: --repo "not-a-repo" is not a repository; write it as owner\/name/);
    expect(bad.stderr).toContain('usage: npm run labels');
  });

  test('no GITHUB_TOKEN: a clear message, exit 1, nothing requested', async () => {
    const g = await emulator();
    const r = await runScript([], { GITHUB_API_URL: g.url });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'labels: GITHUB_TOKEN is not set. It needs a token that may write issues in mentorkit/mentorkit.\n' +
        'In GitHub Actions, run the setup workflow, which passes one for you. On your computer, for example:\n' +
        '  GITHUB_TOKEN=$(gh auth token) npm run labels\n',
    );
    expect(g.calls).toHaveLength(0);
  });

  test('an invalid profile stops it before anything is requested, with the validation messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentorkit-labels-'));
    try {
      mkdirSync(join(dir, 'content/mentors'), { recursive: true });
      copyFileSync(join(ROOT, 'program.yml'), join(dir, 'program.yml'));
      writeFileSync(join(dir, 'content/mentors/ada-example.md'), '---\nname: Ada\n---\n');
      const g = await emulator();
      const r = await runScript([], { ...env(g), MENTORKIT_ROOT: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^content\/mentors\/ada-example\.md:\d+: /);
      expect(r.stderr).toContain('labels: a profile is invalid; fix it first (npm run validate)');
      expect(g.calls).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--help prints the usage, exit 0', async () => {
    const r = await runMain(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run labels/);
  });
});
