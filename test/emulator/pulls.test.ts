import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { blobSha, type Emulator } from '../../src/testing/emulator/index.ts';
import { client, keyPaths, manualClock, repo, start } from './helpers.ts';

let gh: Emulator;
let clock: ReturnType<typeof manualClock>;
const PROFILE = 'content/mentors/ada.md';
const TEXT = '---\nname: Ada\navailability:\n  status: open\n---\nHello\n';
beforeEach(async () => {
  clock = manualClock();
  gh = await start({ now: clock.now, files: { [PROFILE]: TEXT } });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
async function failure(p: Promise<unknown>): Promise<{ status: number; message: string; errors?: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { status: number; response: { data: { message: string; errors?: unknown } } };
    return { status: err.status, message: err.response.data.message, ...(err.response.data.errors ? { errors: err.response.data.errors } : {}) };
  }
  throw new Error('the request succeeded');
}

/** A branch off main with one commit that changes the profile. */
async function branchWithChange(name: string, text = TEXT.replace('status: open', 'status: paused')) {
  const bot = client(gh, gh.botToken);
  const main = await bot.rest.git.getRef({ ...repo, ref: 'heads/main' });
  await bot.rest.git.createRef({ ...repo, ref: `refs/heads/${name}`, sha: main.data.object.sha });
  await bot.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, branch: name, message: 'Pause', content: b64(text), sha: blobSha(TEXT) });
}

describe('POST /repos/{owner}/{repo}/pulls', () => {
  test('opens a pull request: full shape, number from the issue sequence, diff counted', async () => {
    const bot = client(gh, gh.botToken);
    await bot.rest.issues.create({ ...repo, title: 'An issue first' });
    await branchWithChange('mentorkit/pause-ada');
    clock.advance(60_000);
    const pr = await bot.rest.pulls.create({ ...repo, title: 'Pause @ada', head: 'mentorkit/pause-ada', base: 'main', body: 'Why' });
    expect(pr.status).toBe(201);
    expect(pr.headers.location).toBe(`${gh.url}/repos/mentorkit/mentorkit/pulls/2`);
    expect(pr.data).toMatchObject({
      number: 2,
      state: 'open',
      title: 'Pause @ada',
      body: 'Why',
      draft: false,
      merged: false,
      html_url: 'https://github.com/mentorkit/mentorkit/pull/2',
      created_at: '2025-03-03T09:01:00Z',
      head: { ref: 'mentorkit/pause-ada', label: 'mentorkit:mentorkit/pause-ada' },
      base: { ref: 'main', label: 'mentorkit:main' },
      commits: 1,
      additions: 1,
      deletions: 1,
      changed_files: 1,
    });
    expect(pr.data.user.login).toBe('github-actions[bot]');
    expect(pr.data.head.sha).toBe(gh.state.branches.find((b) => b.name === 'mentorkit/pause-ada')!.sha);
    // The next issue takes the number after the pull request's.
    expect((await bot.rest.issues.create({ ...repo, title: 'Next' })).data.number).toBe(3);
    expect(gh.state.pulls).toEqual([
      expect.objectContaining({ number: 2, head: 'mentorkit/pause-ada', base: 'main', state: 'open', merged: false, files: [PROFILE], user: { login: 'github-actions[bot]', type: 'Bot' } }),
    ]);
  });

  test('422: no commits between, an open one for the same branch, unknown head or base, a fork’s head', async () => {
    const bot = client(gh, gh.botToken);
    const main = await bot.rest.git.getRef({ ...repo, ref: 'heads/main' });
    await bot.rest.git.createRef({ ...repo, ref: 'refs/heads/empty', sha: main.data.object.sha });
    expect(await failure(bot.rest.pulls.create({ ...repo, title: 't', head: 'empty', base: 'main' }))).toMatchObject({
      status: 422,
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom', message: 'No commits between main and empty' }],
    });
    await branchWithChange('b');
    await bot.rest.pulls.create({ ...repo, title: 't', head: 'mentorkit:b', base: 'main' });
    expect(await failure(bot.rest.pulls.create({ ...repo, title: 't', head: 'b', base: 'main' }))).toMatchObject({
      status: 422,
      errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for mentorkit:b.' }],
    });
    expect(await failure(bot.rest.pulls.create({ ...repo, title: 't', head: 'nope', base: 'main' }))).toMatchObject({ status: 422, errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] });
    expect(await failure(bot.rest.pulls.create({ ...repo, title: 't', head: 'b', base: 'nope' }))).toMatchObject({ status: 422, errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }] });
    expect(await failure(bot.rest.pulls.create({ ...repo, title: 't', head: 'someone:b', base: 'main' }))).toMatchObject({ status: 422, errors: [{ field: 'head' }] });
    expect(gh.state.pulls).toHaveLength(1);
  });

  test('403 for GITHUB_TOKEN when the repository does not allow Actions to create pull requests; people still can', async () => {
    await gh.close();
    gh = await start({ now: clock.now, files: { [PROFILE]: TEXT }, actionsCanCreatePullRequests: false });
    await branchWithChange('b');
    expect(await failure(client(gh, gh.botToken).rest.pulls.create({ ...repo, title: 't', head: 'b', base: 'main' }))).toEqual({
      status: 403,
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
    });
    expect((await client(gh, gh.tokenFor('writer')).rest.pulls.create({ ...repo, title: 't', head: 'b', base: 'main' })).status).toBe(201);
  });
});

describe('GET /repos/{owner}/{repo}/pulls', () => {
  test('filters by state and by owner:branch; a bare branch name is ignored as GitHub ignores it', async () => {
    const bot = client(gh, gh.botToken);
    await branchWithChange('a');
    await branchWithChange('b', 'other\n');
    await bot.rest.pulls.create({ ...repo, title: 'A', head: 'a', base: 'main' });
    clock.advance(1000);
    await bot.rest.pulls.create({ ...repo, title: 'B', head: 'b', base: 'main' });
    const titles = async (q: Omit<NonNullable<Parameters<typeof bot.rest.pulls.list>[0]>, 'owner' | 'repo'>) => (await bot.rest.pulls.list({ ...repo, ...q })).data.map((p) => p.title);
    expect(await titles({})).toEqual(['B', 'A']);
    expect(await titles({ direction: 'asc' })).toEqual(['A', 'B']);
    expect(await titles({ head: 'mentorkit:a' })).toEqual(['A']);
    expect(await titles({ head: 'someone-else:a' })).toEqual([]);
    expect(await titles({ head: 'a' })).toEqual(['B', 'A']);
    expect(await titles({ base: 'nope' })).toEqual([]);
    gh.mergePull(1, 'chair');
    expect(await titles({ state: 'open' })).toEqual(['B']);
    expect(await titles({ state: 'closed' })).toEqual(['A']);
    expect(await titles({ state: 'all', head: 'mentorkit:a' })).toEqual(['A']);
    const merged = (await bot.rest.pulls.list({ ...repo, state: 'closed' })).data[0]!;
    expect(merged).toMatchObject({ state: 'closed', merged_at: '2025-03-03T09:00:01Z' });
    expect(merged.merge_commit_sha).toMatch(/^[0-9a-f]{40}$/);
  });

  test('paginates with a Link header', async () => {
    const bot = client(gh, gh.botToken);
    for (const n of [1, 2, 3]) {
      await branchWithChange(`p${n}`, `v${n}\n`);
      await bot.rest.pulls.create({ ...repo, title: `P${n}`, head: `p${n}`, base: 'main' });
    }
    const first = await bot.rest.pulls.list({ ...repo, per_page: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.headers.link).toContain('rel="next"');
    expect((await bot.paginate(bot.rest.pulls.list, { ...repo, per_page: 2 })).map((p) => p.title).sort()).toEqual(['P1', 'P2', 'P3']);
  });
});

describe('mergePull (test helper)', () => {
  test('applies the pull request’s files to main with a merge commit; a conflict throws', async () => {
    await branchWithChange('a');
    const bot = client(gh, gh.botToken);
    await bot.rest.pulls.create({ ...repo, title: 'A', head: 'a', base: 'main' });
    gh.mergePull(1);
    expect(gh.file(PROFILE)).toBe(TEXT.replace('status: open', 'status: paused'));
    expect(gh.state.pulls[0]).toMatchObject({ state: 'closed', merged: true, files: [PROFILE] });
    expect(() => gh.mergePull(1)).toThrow('#1 is merged already');

    // Two branches off the same main, both changing the profile: the second conflicts once the first is in.
    const main = await bot.rest.git.getRef({ ...repo, ref: 'heads/main' });
    await bot.rest.git.createRef({ ...repo, ref: 'refs/heads/x', sha: main.data.object.sha });
    await bot.rest.git.createRef({ ...repo, ref: 'refs/heads/y', sha: main.data.object.sha });
    const current = gh.file(PROFILE)!;
    await bot.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, branch: 'x', message: 'x', content: b64('x\n'), sha: blobSha(current) });
    await bot.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, branch: 'y', message: 'y', content: b64('y\n'), sha: blobSha(current) });
    const x = await bot.rest.pulls.create({ ...repo, title: 'X', head: 'x', base: 'main' });
    const y = await bot.rest.pulls.create({ ...repo, title: 'Y', head: 'y', base: 'main' });
    gh.mergePull(x.data.number);
    expect(() => gh.mergePull(y.data.number)).toThrow(`conflicts with main in ${PROFILE}`);
  });
});

describe('shape against a real delivery (@octokit/fixtures records no pull request)', () => {
  test('the REST pull request has the keys of the newest pull_request.opened example', async () => {
    const require = createRequire(import.meta.url);
    const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<{ action: string; pull_request?: unknown }> }>;
    const opened = examples.find((g) => g.name === 'pull_request')!.examples.filter((e) => e.action === 'opened');
    const real = opened[opened.length - 1]!.pull_request;
    await branchWithChange('a');
    const { data } = await client(gh, gh.botToken).rest.pulls.create({ ...repo, title: 'A', head: 'a', base: 'main' });
    const ours = keyPaths(data);
    const theirs = keyPaths(real);
    // Fields GitHub added after the example was recorded (all in the current OpenAPI description, which validates every response).
    const newer = /(^|\.)(user_view_type|has_discussions|allow_forking)$/;
    // Inside lists that are empty and objects that are null in ours (no assignees, labels or milestone here).
    const unset = /^(assignees|labels|requested_reviewers|requested_teams)\[\]|^(milestone|assignee|merged_by|auto_merge)\./;
    expect([...theirs].filter((k) => !ours.has(k) && !unset.test(k) && !/custom_properties/.test(k)).sort(), 'keys of the delivery we lack').toEqual([]);
    expect([...ours].filter((k) => !theirs.has(k) && !newer.test(k)).sort(), 'keys the delivery lacks').toEqual([]);
  });
});
