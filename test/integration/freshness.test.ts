import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOT_LOGIN } from '../../src/testing/emulator/index.ts';
import { deliver, gh, program, restartEmulator, ROOT, useEmulator, type Event } from './harness.ts';

/**
 * Mentor freshness through the bundled bot (`task: freshness`) and the emulator, on a calendar shared by both:
 * MENTORKIT_NOW for the bot, `now` for the emulator's timestamps. The workspace is a checkout of the emulated
 * repository's default branch: the same program.yml and profiles.
 */

const STALE = 'amara-okafor'; // confirmed 2027-09-01: due on 2028-02-28 (180 days)
const FRESH = 'aino-koskinen'; // confirmed 2028-01-15
const PAUSED = 'chen-yuhan'; // paused, and stale too: not asked
const MAINTAINER = 'program-chair';
const OTHER = 'otto-other';
const PATH = `content/mentors/${STALE}.md`;
const DUE = '2028-02-28';

const workspace = mkdtempSync(join(tmpdir(), 'mentorkit-freshness-'));
mkdirSync(join(workspace, 'content/mentors'), { recursive: true });
copyFileSync(join(ROOT, 'program.yml'), join(workspace, 'program.yml'));
const profileText = (login: string, confirmed: string) => readFileSync(join(ROOT, 'content/mentors', `${login}.md`), 'utf8').replace(/^last_confirmed: .*$/m, `last_confirmed: ${confirmed}`);
const ORIGINAL = profileText(STALE, '2027-09-01');
function resetWorkspace() {
  writeFileSync(join(workspace, PATH), ORIGINAL);
  writeFileSync(join(workspace, `content/mentors/${FRESH}.md`), profileText(FRESH, '2028-01-15'));
  writeFileSync(join(workspace, `content/mentors/${PAUSED}.md`), profileText(PAUSED, '2027-01-01'));
}
resetWorkspace();
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

let t = Date.parse(`${DUE}T05:23:00Z`);
const clock = () => new Date(t);
const at = (date: string, time = '05:23:00') => {
  t = Date.parse(`${date}T${time}Z`);
};

beforeEach(() => {
  resetWorkspace();
  at(DUE);
});
// The emulator's main branch holds the same files as the workspace, so the bot's pull requests start from them.
useEmulator({ now: clock, files: workspace });

const SCHEDULE: Event = { name: 'schedule', payload: { schedule: '37 6 * * *' } };

const bot = (event: Event, opts: { dryRun?: boolean; expectCode?: number } = {}) =>
  deliver(event, workspace, { task: 'freshness', now: clock().toISOString(), dryRun: opts.dryRun, code: opts.expectCode });
const sweep = (date: string, opts: { dryRun?: boolean } = {}) => {
  at(date);
  return bot(SCHEDULE, opts);
};
/** Someone comments on an issue and the freshness workflow runs on it. */
async function say(login: string, n: number, text: string, opts: { dryRun?: boolean; expectCode?: number } = {}) {
  const event = await gh.as(login).comment(n, text);
  const run = await bot(event, opts);
  return { event, run };
}

const checkins = () => gh.state.issues.filter((i) => i.labels.some((l) => l.name === 'freshness'));
const checkinsOf = (login: string) => checkins().filter((i) => i.labels.some((l) => l.name === `mentor:${login}`));
const issue = (n: number) => gh.state.issues.find((i) => i.number === n)!;
const botComments = (n: number) => issue(n).comments.filter((c) => c.user.login === BOT_LOGIN).map((c) => c.body);
const botWrites = () => gh.calls.filter((c) => c.user === BOT_LOGIN && c.method !== 'GET');
/** What differs between two texts, as [before, after] line pairs. */
function changedLines(a: string, b: string): Array<[string, string]> {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.flatMap((l, i) => (l === y[i] ? [] : [[l, y[i]!] as [string, string]]));
}

/** The stale mentor's check-in, opened by the sweep on the due day. */
async function openCheckin(): Promise<number> {
  await sweep(DUE);
  const [c] = checkins();
  expect(c, 'a check-in was opened').toBeDefined();
  return c!.number;
}

describe('the sweep', () => {
  test('a stale profile gets exactly one check-in; a fresh and a paused one get none; a second sweep changes nothing', async () => {
    await sweep('2028-02-27');
    expect(checkins()).toEqual([]);

    await sweep(DUE);
    expect(checkins()).toHaveLength(1);
    const c = checkins()[0]!;
    expect(c.title).toBe(`Are you still mentoring? (@${STALE})`);
    expect(c.user.login).toBe(BOT_LOGIN);
    expect(c.labels.map((l) => l.name).sort()).toEqual(['freshness', `mentor:${STALE}`]);
    expect(c.body).toContain(`@${STALE}, your mentor profile`);
    expect(c.body).toContain('`/confirm`');
    expect(c.body).toContain('`/pause`');
    expect(c.body).toContain('Without an answer by 2028-03-13');
    // Labels GitHub created on first use got their colour and description.
    expect(gh.state.labels.find((l) => l.name === 'freshness')).toMatchObject({ color: 'c2e0c6', description: 'Asks a mentor to confirm or pause their profile' });

    const writes = botWrites().length;
    await sweep(DUE);
    await sweep('2028-03-01');
    expect(checkins()).toHaveLength(1);
    expect(botWrites()).toHaveLength(writes);
    expect(gh.state.pulls).toEqual([]);
  });

  test('dry run: the sweep prints the check-in it would open and writes nothing', async () => {
    const r = await sweep(DUE, { dryRun: true });
    expect(r.stdout).toContain(`[dry-run] open a check-in for @${STALE}: "Are you still mentoring? (@${STALE})"`);
    expect(botWrites()).toEqual([]);
    expect(gh.state.issues).toEqual([]);
  });
});

describe('answers', () => {
  test('/confirm by the mentor: a pull request that changes only last_confirmed, to that day; the link in the check-in, closed', async () => {
    const n = await openCheckin();
    at('2028-03-02', '14:10:00');
    const { event } = await say(STALE, n, 'Still here!\n\n/confirm');

    expect(gh.state.pulls).toHaveLength(1);
    const pr = gh.state.pulls[0]!;
    expect(pr).toMatchObject({ state: 'open', base: 'main', head: `mentorkit/confirm-${STALE}-${DUE}`, files: [PATH], user: { login: BOT_LOGIN, type: 'Bot' } });
    expect(pr.title).toBe(`Confirm @${STALE}'s mentor profile (last_confirmed: 2028-03-02)`);
    expect(changedLines(ORIGINAL, gh.file(PATH, pr.head)!)).toEqual([['last_confirmed: 2027-09-01', 'last_confirmed: 2028-03-02']]);
    expect(gh.file(PATH)).toBe(ORIGINAL);

    expect(issue(n)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    const [answer] = botComments(n);
    expect(answer).toContain('<!-- mentorkit:freshness:answer -->');
    expect(answer).toContain(`[#${pr.number}](https://github.com/${program.repository}/pull/${pr.number})`);

    // The same delivery again, and the next sweeps: nothing new.
    const writes = botWrites().length;
    await bot(event);
    await sweep('2028-03-03');
    await sweep('2028-03-20');
    expect(botWrites()).toHaveLength(writes);
    expect(gh.state.pulls).toHaveLength(1);
    expect(checkins()).toHaveLength(1);

    // Merged and checked out again: the profile is current, and the next check-in is a full period away
    // (180 days after 2028-03-02). Meanwhile the other mentor's turn has come (confirmed 2028-01-15).
    gh.mergePull(pr.number, MAINTAINER);
    writeFileSync(join(workspace, PATH), gh.file(PATH)!);
    await sweep('2028-08-28');
    expect(checkinsOf(STALE)).toHaveLength(1);
    expect(checkinsOf(FRESH)).toHaveLength(1);
    await sweep('2028-08-29');
    expect(checkinsOf(STALE)).toHaveLength(2);
  });

  test('/pause by the mentor: a pull request that sets availability.status: paused and nothing else', async () => {
    const n = await openCheckin();
    at('2028-03-05');
    await say(STALE, n, '/pause');
    const pr = gh.state.pulls[0]!;
    expect(pr).toMatchObject({ head: `mentorkit/pause-${STALE}-${DUE}`, title: `Pause @${STALE}'s mentor profile`, files: [PATH] });
    expect(changedLines(ORIGINAL, gh.file(PATH, pr.head)!)).toEqual([['  status: open', '  status: paused']]);
    expect(issue(n)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(botComments(n)[0]).toContain('to pause your profile (`availability.status: paused`)');
  });

  test('a maintainer may answer for the mentor', async () => {
    const n = await openCheckin();
    at('2028-03-06');
    await say(MAINTAINER, n, '/confirm');
    const pr = gh.state.pulls[0]!;
    expect(changedLines(ORIGINAL, gh.file(PATH, pr.head)!)).toEqual([['last_confirmed: 2027-09-01', 'last_confirmed: 2028-03-06']]);
    expect(issue(n).state).toBe('closed');
    expect(botComments(n)[0]).toContain(`@${STALE}, @${MAINTAINER} (a program maintainer) answered for you.`);
  });

  test('anyone else is refused with who may answer; the check-in stays open; a re-run posts nothing twice', async () => {
    const n = await openCheckin();
    at('2028-03-02');
    const { event } = await say(OTHER, n, '/confirm');
    expect(gh.state.pulls).toEqual([]);
    expect(gh.state.branches.map((b) => b.name)).toEqual(['main']);
    expect(issue(n).state).toBe('open');
    expect(botComments(n)).toEqual([
      expect.stringContaining(`@${OTHER}, I can’t do \`/confirm\` here: only @${STALE} or a program maintainer can answer this check-in. Nothing was changed.`),
    ]);
    await bot(event);
    expect(botComments(n)).toHaveLength(1);
  });

  test('an unknown command gets a short help reply', async () => {
    const n = await openCheckin();
    await say(STALE, n, '/yes');
    expect(botComments(n)).toHaveLength(1);
    expect(botComments(n)[0]).toContain('I don’t know the command `/yes`.');
    expect(botComments(n)[0]).toContain('- `/confirm`:');
    expect(issue(n).state).toBe('open');
  });

  test('dry run: a /confirm prints the pull request and the answer, and writes nothing', async () => {
    const n = await openCheckin();
    const writes = botWrites().length;
    const { run } = await say(STALE, n, '/confirm', { dryRun: true });
    expect(run.stdout).toContain(`[dry-run] pull request "Confirm @${STALE}'s mentor profile (last_confirmed: ${DUE})" from mentorkit/confirm-${STALE}-${DUE}`);
    expect(run.stdout).toContain('[dry-run]   close as completed');
    expect(botWrites()).toHaveLength(writes);
    expect(gh.state.pulls).toEqual([]);
    expect(gh.state.branches.map((b) => b.name)).toEqual(['main']);
  });
});

describe('silence', () => {
  test('no answer for 14 days: the bot opens the pause pull request, comments and closes the check-in as not planned', async () => {
    const n = await openCheckin();
    await sweep('2028-03-12');
    expect(gh.state.pulls).toEqual([]);
    expect(issue(n).state).toBe('open');

    const dry = await sweep('2028-03-13', { dryRun: true });
    expect(dry.stdout).toContain(`[dry-run] pull request "Pause @${STALE}'s mentor profile"`);
    expect(gh.state.pulls).toEqual([]);

    await sweep('2028-03-13');
    expect(gh.state.pulls).toHaveLength(1);
    const pr = gh.state.pulls[0]!;
    expect(pr).toMatchObject({ head: `mentorkit/pause-${STALE}-${DUE}`, user: { login: BOT_LOGIN } });
    expect(pr.body).toContain(`@${STALE} did not answer the check-in opened on ${DUE} within 14 days`);
    expect(changedLines(ORIGINAL, gh.file(PATH, pr.head)!)).toEqual([['  status: open', '  status: paused']]);
    expect(issue(n)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(botComments(n)[0]).toContain(`I haven’t heard from you since this check-in opened on ${DUE}, so I opened [#${pr.number}]`);

    // Re-runs: the same day, the next days; the unmerged pull request does not bring a new check-in either.
    const writes = botWrites().length;
    await sweep('2028-03-13');
    await sweep('2028-03-14');
    await sweep('2028-06-01');
    expect(botWrites()).toHaveLength(writes);
    expect(checkins()).toHaveLength(1);
    expect(gh.state.pulls).toHaveLength(1);
  });

  test('a run interrupted after the pull request (the comment failed) is finished by the next sweep, with no second pull request', async () => {
    const n = await openCheckin();
    at('2028-03-13');
    gh.fault({ method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/comments', status: 500, times: 3 });
    await bot(SCHEDULE, { expectCode: 1 });
    expect(gh.state.pulls).toHaveLength(1);
    expect(issue(n).state).toBe('open');
    await sweep('2028-03-14');
    expect(gh.state.pulls).toHaveLength(1);
    expect(issue(n)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(botComments(n)).toHaveLength(1);
  });
});

describe('interrupted answers', () => {
  test('a /confirm whose pull request failed to open is finished by the next sweep, as a confirmation, before the deadline', async () => {
    const n = await openCheckin();
    at('2028-03-02');
    gh.fault({ method: 'POST', route: '/repos/{owner}/{repo}/pulls', status: 502, times: 3 });
    const { event } = await say(STALE, n, '/confirm', { expectCode: 1 });
    expect(gh.state.pulls).toEqual([]);
    expect(gh.state.branches.map((b) => b.name).sort()).toEqual(['main', `mentorkit/confirm-${STALE}-${DUE}`]);
    expect(issue(n).state).toBe('open');

    await sweep('2028-03-03');
    expect(gh.state.pulls).toHaveLength(1);
    const pr = gh.state.pulls[0]!;
    expect(pr.head).toBe(`mentorkit/confirm-${STALE}-${DUE}`);
    // The answer's own day stands: the branch's commit is kept, not redone with the sweep's date.
    expect(changedLines(ORIGINAL, gh.file(PATH, pr.head)!)).toEqual([['last_confirmed: 2027-09-01', 'last_confirmed: 2028-03-02']]);
    expect(issue(n)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(botComments(n)).toHaveLength(1);

    // The original delivery, re-run by hand: nothing more.
    const writes = botWrites().length;
    await bot(event);
    expect(botWrites()).toHaveLength(writes);
  });
});

describe('repository settings', () => {
  test('without "Allow GitHub Actions to create and approve pull requests" the run fails saying where to turn it on; the check-in stays open', async () => {
    await restartEmulator({ now: clock, files: workspace, actionsCanCreatePullRequests: false });
    const n = await openCheckin();
    const { run } = await say(STALE, n, '/confirm', { expectCode: 1 });
    expect(run.stdout).toContain('Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests"');
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(gh.state.pulls).toEqual([]);
    expect(issue(n).state).toBe('open');
  });
});
