import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../src/testing/emulator/index.ts';
import { client, manualClock, repo, start } from './helpers.ts';

let gh: Emulator;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock();
  gh = await start({ now: clock.now });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

describe('issues', () => {
  test('create, get and update with the full REST shape, timestamps from now()', async () => {
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    const created = await mia.rest.issues.create({ ...repo, title: 'Request', body: 'Please mentor me' });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${gh.url}/repos/mentorkit/mentorkit/issues/1`);
    const i = created.data;
    expect(i).toMatchObject({
      number: 1,
      title: 'Request',
      body: 'Please mentor me',
      state: 'open',
      state_reason: null,
      locked: false,
      comments: 0,
      labels: [],
      assignees: [],
      created_at: '2025-03-03T09:00:00Z',
      updated_at: '2025-03-03T09:00:00Z',
      closed_at: null,
      closed_by: null,
      author_association: 'NONE',
      html_url: 'https://github.com/mentorkit/mentorkit/issues/1',
      url: `${gh.url}/repos/mentorkit/mentorkit/issues/1`,
      performed_via_github_app: null,
    });
    expect(i.user).toMatchObject({ login: 'mia-mentee', type: 'User', html_url: 'https://github.com/mia-mentee' });

    clock.advance(60_000);
    const bot = client(gh, gh.botToken);
    const closed = await bot.rest.issues.update({ ...repo, issue_number: 1, state: 'closed', state_reason: 'not_planned' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'not_planned', closed_at: '2025-03-03T09:01:00Z', updated_at: '2025-03-03T09:01:00Z' });
    expect(closed.data.closed_by?.login).toBe('github-actions[bot]');

    clock.advance(60_000);
    const reopened = await mia.rest.issues.update({ ...repo, issue_number: 1, state: 'open' });
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null });
    expect((await mia.rest.issues.get({ ...repo, issue_number: 1 })).data.title).toBe('Request');
  });

  test('ids and numbers increase deterministically', async () => {
    const bot = client(gh, gh.botToken);
    const a = await bot.rest.issues.create({ ...repo, title: 'a' });
    const b = await bot.rest.issues.create({ ...repo, title: 'b' });
    expect([a.data.number, b.data.number]).toEqual([1, 2]);
    expect(b.data.id).toBe(a.data.id + 1);
    expect(a.data.user?.login).toBe('github-actions[bot]');
    expect(a.data.user?.id).toBe(41898282);
    expect(a.data.performed_via_github_app?.slug).toBe('github-actions');
  });

  test('an unknown issue is 404 with GitHub’s body', async () => {
    const res = await fetch(`${gh.url}/repos/mentorkit/mentorkit/issues/99`, { headers: { authorization: `token ${gh.botToken}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ message: 'Not Found', status: '404' });
  });

  test('another repository does not exist', async () => {
    const bot = client(gh, gh.botToken);
    await expect(bot.rest.issues.get({ owner: 'someone', repo: 'else', issue_number: 1 })).rejects.toMatchObject({ status: 404 });
  });

  test('labels at creation need push access; the issue-form helper applies existing ones for anyone', async () => {
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    const api = await mia.rest.issues.create({ ...repo, title: 'via API', labels: ['request'] });
    expect(api.data.labels).toEqual([]);
    // An issue form drops labels the repository does not have, silently, as GitHub does.
    const form = await gh.as('mia-mentee').openIssue({ title: 'via form', body: 'b', labels: ['request', 'not-set-up'] });
    expect(form.payload.issue!.labels.map((l) => l.name)).toEqual(['request']);
    expect(gh.state.labels.map((l) => l.name)).toEqual(['request']);
    const writer = client(gh, gh.tokenFor('writer'));
    const pushed = await writer.rest.issues.create({ ...repo, title: 'by writer', labels: ['request', { name: 'status:pending' }] });
    expect(pushed.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['request', 'status:pending']);
  });

  test('authors edit their own issue; others without write access get 403', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't', body: 'b' });
    const other = client(gh, gh.tokenFor('amara-mentor'));
    await expect(other.rest.issues.update({ ...repo, issue_number: 1, body: 'hijack' })).rejects.toMatchObject({ status: 403 });
    await expect(other.rest.issues.update({ ...repo, issue_number: 1, state: 'closed' })).rejects.toMatchObject({ status: 403 });
    const triager = client(gh, gh.tokenFor('triager'));
    await expect(triager.rest.issues.update({ ...repo, issue_number: 1, state: 'closed' })).resolves.toMatchObject({ status: 200 });
    expect(gh.state.issues[0]).toMatchObject({ body: 'b', state: 'closed', state_reason: 'completed', closed_by: { login: 'triager' } });
  });

  test('PATCH labels replaces them (push access), and a non-pusher’s labels are dropped silently', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't', labels: ['request', 'status:pending'] });
    const bot = client(gh, gh.botToken);
    const res = await bot.rest.issues.update({ ...repo, issue_number: 1, labels: ['request', 'status:active'] });
    expect(res.data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['request', 'status:active']);
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    await mia.rest.issues.update({ ...repo, issue_number: 1, labels: [] });
    expect(gh.state.issues[0]!.labels.map((l) => l.name)).toEqual(['request', 'status:active']);
  });
});

describe('listing issues', () => {
  async function seed() {
    const bot = client(gh, gh.botToken);
    for (const name of ['status:pending', 'status:active', 'mentor:m0', 'mentor:m1', 'mentor:m2']) await bot.rest.issues.createLabel({ ...repo, name });
    for (let n = 1; n <= 7; n++) {
      clock.advance(1000);
      const labels = ['request', n % 2 ? 'status:pending' : 'status:active', `mentor:m${n % 3}`];
      await gh.as(n <= 4 ? 'mia-mentee' : 'amara-mentor').openIssue({ title: `issue ${n}`, labels });
    }
    clock.advance(1000);
    await bot.rest.issues.update({ ...repo, issue_number: 2, state: 'closed' });
    gh.takeEvents();
    return bot;
  }

  test('state, label (all must match, case-insensitive), creator filters; newest first by default', async () => {
    const bot = await seed();
    const numbers = async (q: Record<string, string | number>) =>
      (await bot.rest.issues.listForRepo({ ...repo, ...q })).data.map((i) => i.number);
    expect(await numbers({})).toEqual([7, 6, 5, 4, 3, 1]);
    expect(await numbers({ state: 'closed' })).toEqual([2]);
    expect(await numbers({ state: 'all', direction: 'asc' })).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await numbers({ labels: 'request,status:pending' })).toEqual([7, 5, 3, 1]);
    expect(await numbers({ labels: 'Status:Pending,mentor:m1' })).toEqual([7, 1]);
    expect(await numbers({ labels: 'status:pending,nope' })).toEqual([]);
    expect(await numbers({ creator: 'amara-mentor' })).toEqual([7, 6, 5]);
    expect(await numbers({ state: 'all', sort: 'updated' })).toEqual([2, 7, 6, 5, 4, 3, 1]);
    expect(await numbers({ state: 'all', since: '2025-03-03T09:00:06Z' })).toEqual([7, 6, 2]);
    expect(await numbers({ assignee: 'none' })).toEqual([7, 6, 5, 4, 3, 1]);
    expect(await numbers({ assignee: 'chair' })).toEqual([]);
  });

  test('pagination: per_page, page and a Link header octokit.paginate follows', async () => {
    const bot = await seed();
    const first = await bot.rest.issues.listForRepo({ ...repo, state: 'all', per_page: 3 });
    expect(first.data.map((i) => i.number)).toEqual([7, 6, 5]);
    const base = `${gh.url}/repos/mentorkit/mentorkit/issues?state=all&per_page=3`;
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    const middle = await bot.rest.issues.listForRepo({ ...repo, state: 'all', per_page: 3, page: 2 });
    expect(middle.headers.link).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    );
    const last = await bot.rest.issues.listForRepo({ ...repo, state: 'all', per_page: 3, page: 3 });
    expect(last.data.map((i) => i.number)).toEqual([1]);
    expect(last.headers.link).toBe(`<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`);

    gh.resetCalls();
    const all = await bot.paginate(bot.rest.issues.listForRepo, { ...repo, state: 'all', per_page: 2, labels: 'request' });
    expect(all.map((i) => i.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(gh.countCalls({ route: '/repos/{owner}/{repo}/issues' })).toBe(4);
    const single = await bot.rest.issues.listForRepo({ ...repo, per_page: 100 });
    expect(single.headers.link).toBeUndefined();
  });

  test('per_page above 100 is capped, like GitHub', async () => {
    const bot = client(gh, gh.botToken);
    for (let n = 0; n < 102; n++) await bot.rest.issues.create({ ...repo, title: `n${n}` });
    const res = await bot.rest.issues.listForRepo({ ...repo, per_page: 500 });
    expect(res.data).toHaveLength(100);
    expect(res.headers.link).toContain('rel="next"');
  });
});

describe('comments', () => {
  test('create, list with since and pagination, get, edit, delete', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    const bot = client(gh, gh.botToken);
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) {
      clock.advance(1000);
      ids.push((await (n % 2 ? bot : mia).rest.issues.createComment({ ...repo, issue_number: 1, body: `c${n}` })).data.id);
    }
    const c = (await bot.rest.issues.getComment({ ...repo, comment_id: ids[1]! })).data;
    expect(c).toMatchObject({
      body: 'c1',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      author_association: 'NONE',
      performed_via_github_app: { slug: 'github-actions', id: 15368 },
      issue_url: `${gh.url}/repos/mentorkit/mentorkit/issues/1`,
      html_url: `https://github.com/mentorkit/mentorkit/issues/1#issuecomment-${ids[1]}`,
    });
    const mine = (await bot.rest.issues.getComment({ ...repo, comment_id: ids[0]! })).data;
    expect(mine.performed_via_github_app).toBeNull();

    const all = await bot.paginate(bot.rest.issues.listComments, { ...repo, issue_number: 1, per_page: 2 });
    expect(all.map((x) => x.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    const page = await bot.rest.issues.listComments({ ...repo, issue_number: 1, per_page: 2 });
    expect(page.headers.link).toContain('rel="next"');
    const since = await bot.rest.issues.listComments({ ...repo, issue_number: 1, since: '2025-03-03T09:00:04Z' });
    expect(since.data.map((x) => x.body)).toEqual(['c3', 'c4']);
    expect((await bot.rest.issues.get({ ...repo, issue_number: 1 })).data.comments).toBe(5);

    clock.advance(1000);
    const edited = await bot.rest.issues.updateComment({ ...repo, comment_id: ids[1]!, body: 'c1 edited' });
    expect(edited.data).toMatchObject({ body: 'c1 edited', updated_at: clock.iso() });
    // Authors edit their own comments; the bot (write) may edit anyone's; others may not.
    await mia.rest.issues.updateComment({ ...repo, comment_id: ids[0]!, body: 'mine' });
    const stranger = client(gh, gh.tokenFor('amara-mentor'));
    await expect(stranger.rest.issues.updateComment({ ...repo, comment_id: ids[0]!, body: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(stranger.rest.issues.deleteComment({ ...repo, comment_id: ids[0]! })).rejects.toMatchObject({ status: 403 });
    expect((await bot.rest.issues.deleteComment({ ...repo, comment_id: ids[0]! })).status).toBe(204);
    await expect(bot.rest.issues.getComment({ ...repo, comment_id: ids[0]! })).rejects.toMatchObject({ status: 404 });
    expect(gh.state.issues[0]!.comments.map((x) => x.body)).toEqual(['c1 edited', 'c2', 'c3', 'c4']);
  });

  test('commenting bumps the issue’s updated_at', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    clock.advance(3_600_000);
    await gh.as('amara-mentor').comment(1, '/accept');
    expect(gh.state.issues[0]!.updated_at).toBe('2025-03-03T10:00:00Z');
  });
});
