import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { startEmulator, type Emulator } from '../../src/testing/emulator/index.ts';
import { loadProgram } from '../../src/files/content.ts';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL, labelSpec } from '../../src/core/labels.ts';
import { matchesFileSchema, type MatchesFile } from '../../src/core/matching/matches-file.ts';
import type { Role } from '../../src/core/cohort-forms.ts';
import { cohortBody, type CohortFields } from '../../src/testing/cohort-application-body.ts';
import { main, runMatch, withOptionalGroupSize, type MatchOptions } from '../../scripts/match.ts';
import { runScript as runScriptAt } from '../support/run-script.ts';

/**
 * npm run match: the applications from an exported JSON file or through REST (the emulator), the file it writes,
 * what it refuses, and the pull request it opens. The content root is a copy of the repository's program.yml and
 * profiles, so nothing is written into the checkout.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = resolve(ROOT, 'scripts/match.ts');
const program = loadProgram(ROOT).program!;
const COHORT = program.cohorts[0]!;
const LABEL = `cohort:${COHORT.id}`;
const [owner, repo] = program.repository.split('/') as [string, string];

const root = mkdtempSync(join(tmpdir(), 'mentorkit-match-'));
mkdirSync(join(root, 'content/mentors'), { recursive: true });
copyFileSync(join(ROOT, 'program.yml'), join(root, 'program.yml'));
for (const f of readdirSync(join(ROOT, 'content/mentors'))) copyFileSync(join(ROOT, 'content/mentors', f), join(root, 'content/mentors', f));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let gh: Emulator | undefined;
afterEach(async () => {
  if (!gh) return;
  expect(gh.violations, 'every request and response matches the OpenAPI description').toEqual([]);
  await gh.close();
  gh = undefined;
});
async function emulator(extra: Partial<Parameters<typeof startEmulator>[0]> = {}): Promise<Emulator> {
  gh = await startEmulator({
    owner,
    repo,
    collaborators: { 'program-chair': 'admin' },
    labels: [labelSpec('request'), labelSpec(LABEL), labelSpec(COHORT_MENTEE_LABEL), labelSpec(COHORT_MENTOR_LABEL), labelSpec('cohort:other')],
    files: { 'program.yml': readFileSync(join(ROOT, 'program.yml'), 'utf8'), 'README.md': '# mentoring\n' },
    ...extra,
  });
  return gh;
}

const run = (argv: string[], env: Record<string, string> = {}) => runScriptAt(SCRIPT, argv, { MENTORKIT_ROOT: root, ...env });

/** main() or runMatch() in this process, with its output captured. */
async function inProcess(argv: string[] | MatchOptions, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const code = Array.isArray(argv) ? await main(argv, env, io) : await runMatch({ root, ...argv }, io, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

// ── An exported file ─────────────────────────────────────────────────────────────────────────────────────

let number = 0;
type Issue = { number: number; user: { login: string; type: string }; labels: { name: string }[]; body: string; created_at: string; state: string };
function issue(login: string, role: Role, f: Partial<CohortFields> = {}, labels: string[] = [LABEL, role === 'mentee' ? COHORT_MENTEE_LABEL : COHORT_MENTOR_LABEL]): Issue {
  number++;
  return { number, user: { login, type: 'User' }, labels: labels.map((name) => ({ name })), body: cohortBody(program, COHORT, role, f), created_at: new Date(Date.UTC(2027, 1, 1, 0, number)).toISOString(), state: 'open' };
}
function exported(name: string, issues: unknown[]): string {
  const path = join(root, name);
  writeFileSync(path, JSON.stringify(issues, null, 2));
  return path;
}
const readMatches = (path: string): MatchesFile => matchesFileSchema.parse(parse(readFileSync(path, 'utf8')));

/** A small cohort: three mentees (one without a shared language), two mentors (one with a directory profile), one invalid. */
function cohortIssues(): Issue[] {
  return [
    issue('mia-mentee', 'mentee', { topics: ['data-science'] }),
    issue('noa-mentee', 'mentee', { topics: ['machine-learning'], timezone: 'America/New_York' }),
    issue('ola-mentee', 'mentee', { topics: ['teaching'], languages: ['fr'] }),
    issue('pia-mentee', 'mentee', { topics: [] }),
    issue('ada-mentor', 'mentor', { capacity: 1 }),
    issue('amara-okafor', 'mentor', { topics: [], languages: [], stages: [], formats: [], kinds: [], timezone: '', affiliation: '', capacity: 2 }),
  ];
}

describe('from an exported JSON file', () => {
  test('writes matches/<id>.yaml, prints the summary and lists the invalid applications with issue and field', async () => {
    const issues = cohortIssues();
    const out = join(root, 'out/json.yaml');
    const r = await run(['--cohort', COHORT.id, '--from', exported('apps.json', issues), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const file = readMatches(out);
    if (file.kind !== 'pairs') throw new Error('pairs expected');
    expect(file.pairs.map((p) => `${p.mentee}→${p.mentor}`)).toEqual(['mia-mentee→amara-okafor', 'noa-mentee→ada-mentor']);
    expect(file.pairs[0]).toMatchObject({ mentee_application: issues[0]!.number, mentor_application: issues[5]!.number });
    expect(file.unmatched).toEqual([{ login: 'ola-mentee', reason: 'no mentor passes the hard constraints: language (2 mentors)', application: issues[2]!.number }]);
    expect(file.unmatched_mentors).toEqual([]);
    expect(file.at).toBe(`${COHORT.starts}T00:00:00Z`);
    expect(r.stdout).toContain(`match: 6 issues read from ${join(root, 'apps.json')}`);
    expect(r.stdout).toMatch(/ {2}pairs +2 of 3 mentees \(3 slots from 2 mentors\)/);
    expect(r.stdout).toMatch(/ {2}blocking pairs +0\n/);
    expect(r.stdout).toContain(`  #${issues[3]!.number} @pia-mentee (mentee):\n    - Topics: is empty. Choose at least one topic you would like guidance on.`);
    expect(r.stdout).toContain('match: wrote out/json.yaml');
    expect(r.stderr).toContain('applications to 2027-spring are still open');
  });

  test('the same input and seed give a byte-identical file, whatever the order of the issues', async () => {
    const issues = cohortIssues();
    const outs = ['a', 'b', 'c'].map((x) => join(root, `out/det-${x}.yaml`));
    const results = await Promise.all([
      run(['--cohort', COHORT.id, '--from', exported('det1.json', issues), '--out', outs[0]!, '--seed', 'spring', '--method', 'stable']),
      run(['--cohort', COHORT.id, '--from', exported('det2.json', [...issues].reverse()), '--out', outs[1]!, '--seed', 'spring', '--method', 'stable']),
      run(['--cohort', COHORT.id, '--from', exported('det3.json', issues), '--out', outs[2]!, '--seed', 'autumn', '--method', 'stable']),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const [a, b, c] = outs.map((o) => readFileSync(o));
    expect(b!.equals(a!)).toBe(true);
    expect(a!.toString()).toContain('seed: spring');
    expect(c!.toString()).toContain('seed: autumn');
    // And once more in this process: the same bytes again.
    const again = await inProcess({ cohort: COHORT.id, from: exported('det1.json', issues), seed: 'spring', method: 'stable', out: join(root, 'out/det-d.yaml') });
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(root, 'out/det-d.yaml')).equals(a!)).toBe(true);
  });

  test('gh issue list --json output is read as it is written', async () => {
    const gh = cohortIssues().map((i) => ({ number: i.number, author: { login: i.user.login, is_bot: false }, body: i.body, labels: i.labels, createdAt: i.created_at, state: 'OPEN' }));
    const r = await inProcess({ cohort: COHORT.id, from: exported('gh.json', gh), dryRun: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('mentee: mia-mentee\n    mentor: amara-okafor');
  });
});

describe('confidentiality', () => {
  // A unique string in every free-text field of every application, valid and invalid.
  const plant = (what: string, i: number) => `PLANTED-${what}-${i}-c0nf1dential`;
  function planted(): { issues: Issue[]; secrets: string[]; confidential: string[] } {
    const secrets: string[] = [];
    const confidential: string[] = [];
    const keep = (s: string, conf = false) => {
      secrets.push(s);
      if (conf) confidential.push(s);
      return s;
    };
    const issues: Issue[] = [];
    ['ann', 'bob', 'cyd', 'dee', 'eli'].forEach((l, i) => {
      // Two of them from the same institution, so the groups run has a pair it cannot separate.
      const affiliation = i < 2 ? keep(plant('SAME-INSTITUTE', 0)) : keep(plant('AFFILIATION', i));
      issues.push(issue(`${l}-mentee`, 'mentee', { motivation: keep(plant('MOTIVATION', i), true), affiliation, topics: ['data-science'] }));
    });
    issues.push(issue('fox-mentee', 'mentee', { motivation: keep(plant('MOTIVATION', 9), true), timezone: keep(plant('TIMEZONE', 9)), affiliation: keep(plant('AFFILIATION', 9)) }));
    ['gil', 'hua'].forEach((l, i) => issues.push(issue(`${l}-mentor`, 'mentor', { notes: keep(plant('NOTES', i), true), affiliation: keep(plant('MENTOR-AFFILIATION', i)), capacity: 2 })));
    issues.push(issue('ivo-mentor', 'mentor', { notes: keep(plant('NOTES', 7), true), affiliation: keep(plant('MENTOR-AFFILIATION', 7)), timezone: keep(plant('MENTOR-TIMEZONE', 7)) }));
    return { issues, secrets, confidential };
  }

  test.each([
    ['pairs', [] as string[]],
    ['peer groups', ['--groups', '2']],
  ])('%s: no planted string reaches the file; the confidential ones reach no output at all', async (_, extra) => {
    const { issues, secrets, confidential } = planted();
    const out = join(root, `out/planted-${extra.length}.yaml`);
    const r = await run(['--cohort', COHORT.id, '--from', exported(`planted-${extra.length}.json`, issues), '--out', out, ...extra]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    // The run did match the people whose text was planted.
    expect(text).toContain('ann-mentee');
    for (const s of secrets) expect(text, s).not.toContain(s);
    expect(text.toLowerCase()).not.toContain('c0nf1dential');
    for (const s of confidential) {
      expect(r.stdout, s).not.toContain(s);
      expect(r.stderr, s).not.toContain(s);
    }
    // The invalid ones were left out and said so.
    expect(r.stdout).toContain(`@fox-mentee (mentee):`);
  });
});

// ── Through REST ─────────────────────────────────────────────────────────────────────────────────────────

async function file(g: Emulator, login: string, role: Role, f: Partial<CohortFields> = {}, labels = [LABEL, role === 'mentee' ? COHORT_MENTEE_LABEL : COHORT_MENTOR_LABEL]) {
  const e = await g.as(login).openIssue({ title: `Cohort application: ${role}`, body: cohortBody(program, COHORT, role, f), labels });
  return (e.payload as { issue: { number: number } }).issue.number;
}
const restEnv = (g: Emulator, token = g.botToken) => ({ GITHUB_API_URL: g.url, GITHUB_TOKEN: token, GITHUB_REPOSITORY: program.repository, MENTORKIT_WRITE_PACING_MS: '0' });

describe('through REST', () => {
  test('every page of open issues labelled cohort:<id>: closed ones, other cohorts and requests are not applications', async () => {
    const g = await emulator();
    const mentees: string[] = [];
    for (let i = 0; i < 103; i++) {
      const login = `mentee-${String(i).padStart(3, '0')}`;
      mentees.push(login);
      await file(g, login, 'mentee', { topics: [i % 2 ? 'data-science' : 'machine-learning'] });
    }
    await file(g, 'ada-mentor', 'mentor', { capacity: 2 });
    await file(g, 'amara-okafor', 'mentor', { capacity: 1, topics: [], languages: [], stages: [] });
    const closed = await file(g, 'cyd-mentee', 'mentee');
    await g.as('cyd-mentee').closeIssue(closed);
    await file(g, 'dee-mentee', 'mentee', {}, ['cohort:other', COHORT_MENTEE_LABEL]);
    await file(g, 'eve-mentee', 'mentee', { topics: [] });
    const before = g.calls.length;
    const out = join(root, 'out/rest.yaml');
    const r = await run(['--cohort', COHORT.id, '--out', out], restEnv(g));
    expect(r.code, r.stderr).toBe(0);
    const reads = g.calls.slice(before).filter((c) => c.method === 'GET');
    expect(reads).toHaveLength(2); // 106 open issues with the label: two pages of 100
    expect(reads.map((c) => c.operationId)).toEqual(['issues/list-for-repo', 'issues/list-for-repo']);
    expect(reads.every((c) => c.path.includes(`labels=${encodeURIComponent(LABEL)}`) && c.path.includes('state=open'))).toBe(true);
    const f = readMatches(out);
    if (f.kind !== 'pairs') throw new Error('pairs expected');
    expect(f.summary).toMatchObject({ mentees: 103, mentors: 2, slots: 3, pairs: 3 });
    expect(f.unmatched).toHaveLength(100);
    expect(f.unmatched[0]!.reason).toMatch(/^every slot of the 2 eligible mentors went to others$/);
    expect(r.stdout).toContain(`match: 106 issues read from ${program.repository} (open issues labelled ${LABEL})`);
    expect(r.stdout).toMatch(/@eve-mentee \(mentee\):\n {4}- Topics: is empty/);
    expect(r.stdout).not.toContain('cyd-mentee');
    expect(r.stdout).not.toContain('dee-mentee');
  }, 60_000);

  test('GitHub unreachable or the repository unknown: one line, exit 1', async () => {
    const g = await emulator();
    const missing = await inProcess({ cohort: COHORT.id, repo: 'someone/else', dryRun: true }, restEnv(g));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('match: someone/else was not found (404); check repository in program.yml (or --repo) and that the token can see it.');
    const url = g.url;
    await g.close();
    gh = undefined;
    const down = await inProcess({ cohort: COHORT.id, dryRun: true }, { GITHUB_API_URL: url, GITHUB_REPOSITORY: program.repository });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^match: could not reach http:\/\/127\.0\.0\.1:\d+/);
    expect(down.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the pull request (--pr)', () => {
  async function cohortOnGitHub(g: Emulator) {
    await file(g, 'mia-mentee', 'mentee', { topics: ['data-science'] });
    await file(g, 'noa-mentee', 'mentee', { topics: ['machine-learning'] });
    await file(g, 'ada-mentor', 'mentor', { capacity: 2 });
  }
  const PATH = `matches/${COHORT.id}.yaml`;
  const BRANCH = `mentorkit/matches-${COHORT.id}`;

  test('opens one from mentorkit/matches-<id>; a rerun updates it, or leaves it when nothing changed', async () => {
    const g = await emulator();
    await cohortOnGitHub(g);
    const first = await run(['--cohort', COHORT.id, '--pr'], restEnv(g));
    expect(first.code, first.stderr).toBe(0);
    expect(g.state.pulls).toHaveLength(1);
    const pull = g.state.pulls[0]!;
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', state: 'open', title: `Matches for ${COHORT.name} (cohort ${COHORT.id})` });
    const written = readFileSync(join(root, PATH), 'utf8');
    expect(g.file(PATH, BRANCH)).toBe(written);
    expect(g.file(PATH)).toBeUndefined();
    expect(first.stdout).toContain(`match: pull request #${pull.number} opened`);
    expect(pull.body).toContain('Proposed matches for **Spring 2027**');

    const again = await run(['--cohort', COHORT.id, '--pr'], restEnv(g));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`match: pull request #${pull.number} unchanged`);

    await file(g, 'ola-mentee', 'mentee', { topics: ['data-science'] });
    const updated = await run(['--cohort', COHORT.id, '--pr', '--method', 'greedy'], restEnv(g));
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain(`match: pull request #${pull.number} updated`);
    expect(g.state.pulls).toHaveLength(1);
    expect(readMatches(join(root, PATH))).toMatchObject({ method: 'greedy', summary: { mentees: 3 } });
    expect(parse(g.file(PATH, BRANCH)!)).toMatchObject({ method: 'greedy' });
  });

  test('refuses once the file is on the default branch: that cohort was merged', async () => {
    const g = await emulator();
    await cohortOnGitHub(g);
    expect((await run(['--cohort', COHORT.id, '--pr'], restEnv(g))).code).toBe(0);
    g.mergePull(g.state.pulls[0]!.number, 'program-chair');
    const r = await run(['--cohort', COHORT.id, '--pr'], restEnv(g));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`match: ${PATH} is on main already: this cohort's matches were merged`);
    expect(g.state.pulls).toHaveLength(1);
  });

  test('when Actions may not open pull requests, says which setting to turn on', async () => {
    const g = await emulator({ actionsCanCreatePullRequests: false });
    await cohortOnGitHub(g);
    const r = await run(['--cohort', COHORT.id, '--pr'], restEnv(g));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Allow GitHub Actions to create and approve pull requests');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('without a token: a clear message, nothing requested', async () => {
    const g = await emulator();
    const r = await inProcess({ cohort: COHORT.id, pr: true }, { GITHUB_API_URL: g.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^match: --pr needs GITHUB_TOKEN/);
    expect(g.calls).toEqual([]);
  });
});

describe('flags', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['--cohort', COHORT.id, '--fast'], /^match: Unknown option '--fast'/],
    ['no cohort', [], /^match: --cohort is required: name the cohort to match, e.g. --cohort 2027-spring/],
    ['a method that is not one', ['--cohort', COHORT.id, '--method', 'best'], /^match: --method "best" is not a method; use --method optimal, greedy or stable/],
    ['a group size that is not one', ['--cohort', COHORT.id, '--groups', 'five'], /^match: --groups "five" is not a group size; write a whole number from 2 to 100/],
    ['a group size of one', ['--cohort', COHORT.id, '--groups', '1'], /^match: --groups "1" is not a group size/],
    ['a date that is not one', ['--cohort', COHORT.id, '--at', '2027-02-30'], /^match: --at "2027-02-30" is not a date; write 2027-03-01 or 2027-03-01T12:00:00Z/],
    ['an empty seed', ['--cohort', COHORT.id, '--seed', ' '], /^match: --seed needs a value/],
    ['--pr with --dry-run', ['--cohort', COHORT.id, '--pr', '--dry-run'], /^match: --pr and --dry-run exclude each other/],
    ['--pr with --out', ['--cohort', COHORT.id, '--pr', '--out', 'x.yaml'], /^match: --pr proposes matches\/<id>\.yaml, the file the bot reads on merge; leave out --out/],
  ];
  test.each(cases)('%s: exit 2, what is wrong and the usage', async (_, argv, message) => {
    const r = await inProcess(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: npm run match -- --cohort <id>');
  });

  test('an unknown cohort names the ones there are', async () => {
    const r = await inProcess({ cohort: 'autumn', dryRun: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`match: there is no cohort "autumn" in program.yml; the cohorts are ${program.cohorts.map((c) => c.id).join(', ')}.`);
  });

  test('a file that is missing or not an export: exit 1, the item and field named', async () => {
    const missing = await inProcess({ cohort: COHORT.id, from: 'nowhere.json' });
    expect([missing.code, missing.stderr]).toEqual([1, 'match: cannot read nowhere.json: there is no such file.']);
    const bad = await inProcess({ cohort: COHORT.id, from: exported('bad.json', [{ number: 1, body: 'x', labels: [], created_at: '2027-01-01T00:00:00Z' }]) });
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')).toEqual([
      `${join(root, 'bad.json')}: item 1 (issue #1): user: is missing: each issue needs its author as user.login (REST) or author.login (gh issue list)`,
      `match: ${join(root, 'bad.json')} is not an export of issues; see docs/matching.md ("The JSON format").`,
    ]);
  });

  test('--groups alone takes the configured size; followed by a flag it takes no value', () => {
    expect(withOptionalGroupSize(['--groups'])).toEqual(['--groups=']);
    expect(withOptionalGroupSize(['--groups', '--dry-run'])).toEqual(['--groups=', '--dry-run']);
    expect(withOptionalGroupSize(['--groups', '4'])).toEqual(['--groups', '4']);
  });

  test('--groups alone: peer groups of matching.group_size; --method is ignored with a note', async () => {
    const issues = Array.from({ length: 10 }, (_, i) => issue(`peer-${i}`, 'mentee', { affiliation: `Lab ${i % 3}` }));
    const r = await inProcess(['--cohort', COHORT.id, '--from', exported('peers.json', issues), '--groups', '--method', 'stable', '--dry-run'], { MENTORKIT_ROOT: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('match: --method stable is for pairs; peer groups have one method, so it is ignored.');
    const text = r.stdout.slice(r.stdout.indexOf('# Spring 2027'));
    const f = matchesFileSchema.parse(parse(text));
    expect(f).toMatchObject({ kind: 'groups', summary: { people: 10, groups: 2, size: program.matching.group_size } });
  });

  test('a bad flag through the script itself: the message and usage, no stack trace', async () => {
    const r = await run(['--cohort']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^match: Option '--cohort <value>' argument missing/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  test('--help prints the usage, exit 0; --dry-run writes nothing', async () => {
    const help = await inProcess(['--help']);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'usage: npm run match -- --cohort <id> [--method optimal|greedy|stable] [--groups [size]]']);
    const fresh = mkdtempSync(join(tmpdir(), 'mentorkit-match-dry-'));
    try {
      copyFileSync(join(ROOT, 'program.yml'), join(fresh, 'program.yml'));
      const dry = await inProcess({ cohort: COHORT.id, from: exported('dry.json', cohortIssues()), dryRun: true, root: fresh });
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('match: --dry-run: matches/2027-spring.yaml would be:');
      expect(readdirSync(fresh)).toEqual(['program.yml']);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
