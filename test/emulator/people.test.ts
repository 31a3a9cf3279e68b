import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Octokit } from 'octokit';
import type { Emulator } from '../../src/testing/emulator/index.ts';
import { client, repo, start } from './helpers.ts';

let gh: Emulator;
beforeEach(async () => {
  gh = await start();
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const status = (p: Promise<{ status: number }>) => p.then((r) => r.status, (e: { status: number }) => e.status);

describe('repository roles', () => {
  test('permission level: legacy `permission` plus the real `role_name`', async () => {
    const bot = client(gh, gh.botToken);
    const level = async (username: string) => {
      const { data } = await bot.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
      return [data.permission, data.role_name, data.user?.permissions?.push];
    };
    expect(await level('chair')).toEqual(['admin', 'admin', true]);
    expect(await level('keeper')).toEqual(['write', 'maintain', true]);
    expect(await level('writer')).toEqual(['write', 'write', true]);
    expect(await level('triager')).toEqual(['read', 'triage', false]);
    expect(await level('reader')).toEqual(['read', 'read', false]);
    // Not a collaborator, but the repository is public: read.
    expect(await level('mia-mentee')).toEqual(['read', 'read', false]);
    expect(await status(bot.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'ghost-user' }))).toBe(404);
  });

  test('check collaborator: 204 or 404, and only for people with push access', async () => {
    const bot = client(gh, gh.botToken);
    expect(await status(bot.rest.repos.checkCollaborator({ ...repo, username: 'triager' }))).toBe(204);
    expect(await status(bot.rest.repos.checkCollaborator({ ...repo, username: 'mia-mentee' }))).toBe(404);
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    expect(await status(mia.rest.repos.checkCollaborator({ ...repo, username: 'chair' }))).toBe(403);
  });

  test('the repository shows the viewer’s permissions', async () => {
    const { data } = await client(gh, gh.tokenFor('triager')).rest.repos.get(repo);
    expect(data).toMatchObject({ full_name: 'mentorkit/mentorkit', permissions: { triage: true, push: false, admin: false }, owner: { type: 'Organization' } });
  });
});

describe('organisation membership', () => {
  const member = (o: Octokit, username: string) => status(o.rest.orgs.checkMembershipForUser({ org: 'mentorkit', username }));

  test('GITHUB_TOKEN sees public members only (it is redirected to public_members)', async () => {
    const bot = client(gh, gh.botToken);
    expect(await member(bot, 'pub-member')).toBe(204);
    expect(await member(bot, 'priv-member')).toBe(404);
    expect(await member(bot, 'mia-mentee')).toBe(404);
    expect(gh.calls.map((c) => `${c.status} ${c.route}`).slice(0, 2)).toEqual(['302 /orgs/{org}/members/{username}', '204 /orgs/{org}/public_members/{username}']);
  });

  test('an organisation member sees private members too; an outsider does not', async () => {
    expect(await member(client(gh, gh.tokenFor('pub-member')), 'priv-member')).toBe(204);
    expect(await member(client(gh, gh.tokenFor('keeper')), 'priv-member')).toBe(204);
    expect(await member(client(gh, gh.tokenFor('keeper')), 'mia-mentee')).toBe(404);
    expect(await member(client(gh, gh.tokenFor('mia-mentee')), 'priv-member')).toBe(404);
    expect(await member(client(gh, gh.tokenFor('mia-mentee')), 'pub-member')).toBe(204);
  });

  test('public membership endpoint', async () => {
    const bot = client(gh, gh.botToken);
    expect(await status(bot.rest.orgs.checkPublicMembershipForUser({ org: 'mentorkit', username: 'chair' }))).toBe(204);
    expect(await status(bot.rest.orgs.checkPublicMembershipForUser({ org: 'mentorkit', username: 'keeper' }))).toBe(404);
  });

  test('team membership is visible to organisation members, not to GITHUB_TOKEN', async () => {
    const get = (o: Octokit, username: string) => o.rest.teams.getMembershipForUserInOrg({ org: 'mentorkit', team_slug: 'committee', username });
    const chair = client(gh, gh.tokenFor('chair'));
    const { data } = await get(chair, 'priv-member');
    expect(data).toMatchObject({ role: 'member', state: 'active' });
    expect(await status(get(chair, 'keeper'))).toBe(404);
    expect(await status(get(client(gh, gh.botToken), 'priv-member'))).toBe(404);
    expect(await status(get(client(gh, gh.tokenFor('mia-mentee')), 'priv-member'))).toBe(404);
  });

  test('author_association: MEMBER for public members; private members look like collaborators or nobody to outsiders', async () => {
    await gh.as('pub-member').openIssue({ title: 'a' });
    await gh.as('priv-member').openIssue({ title: 'b' });
    await gh.as('keeper').openIssue({ title: 'c' });
    await gh.as('mia-mentee').openIssue({ title: 'd' });
    const assoc = async (o: Octokit) => (await o.rest.issues.listForRepo({ ...repo, direction: 'asc' })).data.map((i) => i.author_association);
    expect(await assoc(client(gh, gh.botToken))).toEqual(['MEMBER', 'NONE', 'COLLABORATOR', 'NONE']);
    expect(await assoc(client(gh, gh.tokenFor('chair')))).toEqual(['MEMBER', 'MEMBER', 'MEMBER', 'NONE']);
    expect(gh.events.map((e) => e.payload.issue?.author_association)).toEqual(['MEMBER', 'NONE', 'COLLABORATOR', 'NONE']);
  });
});

describe('users', () => {
  test('GET /users/{username}: public profile, 404 for nobody', async () => {
    const bot = client(gh, gh.botToken);
    const { data } = await bot.rest.users.getByUsername({ username: 'mia-mentee' });
    expect(data).toMatchObject({ login: 'mia-mentee', name: 'Mia', type: 'User' });
    expect((await bot.rest.users.getByUsername({ username: 'github-actions[bot]' })).data).toMatchObject({ id: 41898282, type: 'Bot' });
    expect((await bot.rest.users.getByUsername({ username: 'renovate[bot]' })).data.type).toBe('Bot');
    expect(await status(bot.rest.users.getByUsername({ username: 'nobody-at-all' }))).toBe(404);
  });

  test('GET /users/{username}: created_at is when the emulator met the account, or as seeded', async () => {
    await gh.close();
    gh = await start({ now: () => new Date('2027-01-04T09:00:00Z'), users: [{ login: 'old-timer', createdAt: '2015-03-02T10:11:12Z' }] });
    const bot = client(gh, gh.botToken);
    expect((await bot.rest.users.getByUsername({ username: 'old-timer' })).data.created_at).toBe('2015-03-02T10:11:12Z');
    await gh.as('newcomer').openIssue({ title: 'hi', body: 'hello' });
    expect((await bot.rest.users.getByUsername({ username: 'newcomer' })).data.created_at).toBe('2027-01-04T09:00:00Z');
  });

  test('GET /user: the token’s user; GITHUB_TOKEN is refused as on GitHub', async () => {
    const { data } = await client(gh, gh.tokenFor('chair')).rest.users.getAuthenticated();
    expect(data.login).toBe('chair');
    await expect(client(gh, gh.botToken).rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } },
    });
  });

  test('tokenFor makes unknown people exist; a made-up token is 401 Bad credentials, none is 401 too', async () => {
    expect((await client(gh, gh.tokenFor('newcomer')).rest.users.getAuthenticated()).data.login).toBe('newcomer');
    await expect(client(gh, 'ghp_madeup').rest.issues.listForRepo(repo)).rejects.toMatchObject({ status: 401, response: { data: { message: 'Bad credentials' } } });
    const anon = await fetch(`${gh.url}/repos/mentorkit/mentorkit/issues`);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ message: 'Requires authentication' });
  });

  test('rate limit endpoint and headers', async () => {
    const bot = client(gh, gh.botToken);
    const first = await bot.rest.issues.listForRepo(repo);
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '999', 'x-ratelimit-used': '1', 'x-ratelimit-resource': 'core' });
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['x-github-request-id']).toMatch(/^[0-9A-F]{4}:/);
    const { data } = await bot.rest.rateLimit.get();
    expect(data.rate).toMatchObject({ limit: 1000, used: 1, remaining: 999 });
    const human = await client(gh, gh.tokenFor('chair')).rest.issues.listForRepo(repo);
    expect(human.headers['x-ratelimit-limit']).toBe('5000');
  });
});
