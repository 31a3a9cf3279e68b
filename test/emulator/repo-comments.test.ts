import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { seedIssues, type Emulator } from '../../src/testing/emulator/index.ts';
import { client, manualClock, repo, start } from './helpers.ts';

let gh: Emulator;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock('2027-03-15T06:00:00Z');
  gh = await start({ now: clock.now });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const ROUTE = '/repos/{owner}/{repo}/issues/comments';

describe('GET /repos/{owner}/{repo}/issues/comments', () => {
  test('every issue’s comments in one list, oldest first, paginated with a Link header octokit follows', async () => {
    // Seeded out of creation order across issues: the list is by creation time, not by issue.
    seedIssues(gh, [
      { author: 'mia-mentee', title: 'a', body: null, createdAt: '2027-01-01T00:00:00Z', comments: [
        { author: 'github-actions[bot]', body: 'a1', createdAt: '2027-01-03T00:00:00Z' },
        { author: 'mia-mentee', body: 'a2', createdAt: '2027-01-05T00:00:00Z' },
      ] },
      { author: 'mia-mentee', title: 'b', body: null, createdAt: '2027-01-01T00:00:00Z', comments: [
        { author: 'github-actions[bot]', body: 'b1', createdAt: '2027-01-02T00:00:00Z' },
        { author: 'amara-mentor', body: 'b2', createdAt: '2027-01-04T00:00:00Z' },
      ] },
    ]);
    const bot = client(gh, gh.botToken);
    const all = await bot.paginate(bot.rest.issues.listCommentsForRepo, { ...repo, per_page: 3 });
    expect(all.map((c) => c.body)).toEqual(['b1', 'a1', 'b2', 'a2']);
    expect(all.map((c) => [c.user?.login, c.issue_url.split('/').pop()])).toEqual([
      ['github-actions[bot]', '2'],
      ['github-actions[bot]', '1'],
      ['amara-mentor', '2'],
      ['mia-mentee', '1'],
    ]);
    // The bot's comments carry the Actions app, as comments written with GITHUB_TOKEN do.
    expect(all[0]!.performed_via_github_app?.slug).toBe('github-actions');
    expect(all[2]!.performed_via_github_app).toBeNull();
    expect(gh.countCalls({ method: 'GET', route: ROUTE })).toBe(2);
    const first = gh.calls.find((c) => c.route === ROUTE)!;
    expect(first.operationId).toBe('issues/list-comments-for-repo');
  });

  test('comments made over HTTP are listed too; sort with direction=desc turns the list round; since filters by update', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    const bot = client(gh, gh.botToken);
    const c1 = await bot.rest.issues.createComment({ ...repo, issue_number: 1, body: 'one' });
    clock.advance(60_000);
    await bot.rest.issues.createComment({ ...repo, issue_number: 1, body: 'two' });
    clock.advance(60_000);
    await bot.rest.issues.updateComment({ ...repo, comment_id: c1.data.id, body: 'one, edited' });

    const bodies = async (q: Record<string, string>) => (await bot.rest.issues.listCommentsForRepo({ ...repo, ...q })).data.map((c) => c.body);
    expect(await bodies({})).toEqual(['one, edited', 'two']);
    expect(await bodies({ direction: 'desc' })).toEqual(['one, edited', 'two']); // ignored without sort
    expect(await bodies({ sort: 'created', direction: 'desc' })).toEqual(['two', 'one, edited']);
    expect(await bodies({ sort: 'updated', direction: 'desc' })).toEqual(['one, edited', 'two']);
    expect(await bodies({ since: '2027-03-15T06:02:00Z' })).toEqual(['one, edited']);
  });

  test('an empty repository answers []; bad query values are 422 and recorded', async () => {
    const bot = client(gh, gh.botToken);
    expect((await bot.rest.issues.listCommentsForRepo(repo)).data).toEqual([]);
    const res = await fetch(`${gh.url}/repos/mentorkit/mentorkit/issues/comments?sort=oldest`, { headers: { authorization: `token ${gh.botToken}` } });
    expect(res.status).toBe(422);
    expect(gh.violations.map((v) => [v.kind, v.operationId])).toEqual([['request', 'issues/list-comments-for-repo']]);
    gh.violations.length = 0;
  });

  test('a fault on the route answers before the handler (a rate limit seen by an anonymous client)', async () => {
    gh.fault({ route: ROUTE, status: 403, message: 'API rate limit exceeded for 127.0.0.1.' });
    const res = await fetch(`${gh.url}/repos/mentorkit/mentorkit/issues/comments?per_page=100`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe('API rate limit exceeded for 127.0.0.1.');
  });
});
