import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../src/testing/emulator/index.ts';
import { client, repo, start } from './helpers.ts';

let gh: Emulator;
beforeEach(async () => {
  gh = await start();
});
afterEach(async () => {
  await gh.close();
});

/** Octokit's request without its types: these tests send what the types would rightly refuse. */
const loose = (gh: Emulator) => client(gh, gh.botToken).request as unknown as (route: string, params: Record<string, unknown>) => Promise<unknown>;

function raw(method: string, path: string, body?: string) {
  return fetch(gh.url + path, {
    method,
    headers: { authorization: `Bearer ${gh.botToken}`, 'content-type': 'application/json' },
    body,
  });
}

describe('requests are validated against the OpenAPI description', () => {
  test('well-formed requests produce no violations', async () => {
    const bot = client(gh, gh.botToken);
    await bot.rest.issues.create({ ...repo, title: 'ok', body: 'fine', labels: ['a'] });
    await bot.rest.issues.listForRepo({ ...repo, state: 'all', labels: 'a', sort: 'updated', direction: 'asc', since: '2020-01-01T00:00:00.000Z', per_page: 5, page: 1 });
    await bot.rest.issues.update({ ...repo, issue_number: 1, title: 'still ok', state: 'closed', state_reason: 'completed' });
    expect(gh.violations).toEqual([]);
  });

  test('an issue without a title: 422 Validation Failed, recorded as a violation, nothing created', async () => {
    const err = await loose(gh)('POST /repos/{owner}/{repo}/issues', { ...repo, body: 'no title' }).catch((e: { status: number; response: { data: unknown } }) => e);
    expect(err).toMatchObject({ status: 422 });
    expect((err as { response: { data: unknown } }).response.data).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field', message: "requestBody must have required property 'title'" }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
      status: '422',
    });
    expect(gh.violations).toEqual([
      expect.objectContaining({ kind: 'request', method: 'POST', operationId: 'issues/create', where: 'requestBody' }),
    ]);
    expect(gh.state.issues).toEqual([]);
    expect(gh.events).toEqual([]);
  });

  test('query parameters: wrong type, value outside the enum, unknown name', async () => {
    const request = loose(gh);
    const bad = [
      request('GET /repos/{owner}/{repo}/issues', { ...repo, per_page: 'many' }),
      request('GET /repos/{owner}/{repo}/issues', { ...repo, state: 'pending' }),
      request('GET /repos/{owner}/{repo}/issues', { ...repo, status: 'open' }),
      request('GET /repos/{owner}/{repo}/issues', { ...repo, since: 'yesterday' }),
    ];
    for (const p of bad) await expect(p).rejects.toMatchObject({ status: 422 });
    expect(gh.violations.map((v) => [v.where, v.message])).toEqual([
      ['query', '/query/per_page must be integer'],
      ['query', '/query/state must be equal to one of the allowed values'],
      ['query', '/query must NOT have additional properties: status'],
      ['query', '/query/since must match format "date-time"'],
    ]);
  });

  test('path parameters and bodies of the wrong shape', async () => {
    expect((await raw('GET', '/repos/mentorkit/mentorkit/issues/abc')).status).toBe(422);
    expect((await raw('POST', '/repos/mentorkit/mentorkit/labels', JSON.stringify({ color: 'ffffff' }))).status).toBe(422);
    expect((await raw('POST', '/repos/mentorkit/mentorkit/issues/1/labels', JSON.stringify({ labels: [] }))).status).toBe(422);
    expect((await raw('PATCH', '/repos/mentorkit/mentorkit/issues/1', JSON.stringify({ state: 'done' }))).status).toBe(422);
    const broken = await raw('POST', '/repos/mentorkit/mentorkit/issues', '{"title": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ message: 'Problems parsing JSON' });
    expect(gh.violations.map((v) => `${v.operationId} ${v.where}`)).toEqual([
      'issues/get path',
      'issues/create-label requestBody',
      'issues/add-labels requestBody',
      'issues/update requestBody',
      'issues/create requestBody',
    ]);
  });

  test('routes: GitHub operations the emulator lacks and paths GitHub does not have are 404 and violations', async () => {
    const lock = await raw('POST', '/repos/mentorkit/mentorkit/issues/1/assignees');
    expect(lock.status).toBe(404);
    expect(await lock.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    expect((await raw('GET', '/repos/mentorkit/mentorkit/not-a-thing')).status).toBe(404);
    // Would fit /issues/{issue_number}, but GitHub has a more specific operation for it.
    expect((await raw('GET', '/repos/mentorkit/mentorkit/issues/events')).status).toBe(404);
    expect(gh.violations.map((v) => [v.kind, v.message])).toEqual([
      ['route', 'POST /repos/mentorkit/mentorkit/issues/1/assignees is a GitHub operation the emulator does not implement'],
      ['route', 'GET /repos/mentorkit/mentorkit/not-a-thing is not a GitHub REST operation'],
      ['route', 'GET /repos/mentorkit/mentorkit/issues/events is a GitHub operation the emulator does not implement'],
    ]);
    expect(gh.calls.map((c) => c.route)).toEqual([null, null, null]);
  });

  test('validate: false turns validation off (routing still applies)', async () => {
    await gh.close();
    gh = await start({ validate: false });
    expect((await raw('GET', '/repos/mentorkit/mentorkit/issues?per_page=many')).status).toBe(200);
    expect(gh.violations).toEqual([]);
  });
});

describe('responses are validated too', () => {
  test('every response in a busy session conforms (the emulator checks each one as it sends it)', async () => {
    const bot = client(gh, gh.botToken);
    const chair = client(gh, gh.tokenFor('chair'));
    await gh.as('mia-mentee').openIssue({ title: 'r', body: 'b', labels: ['request'] });
    await bot.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['status:pending'] });
    await bot.rest.issues.createComment({ ...repo, issue_number: 1, body: 'hi' });
    await bot.rest.issues.listComments({ ...repo, issue_number: 1 });
    await bot.rest.issues.listLabelsForRepo(repo);
    await bot.rest.repos.get(repo);
    await chair.rest.repos.get(repo);
    await bot.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'chair' });
    await chair.rest.users.getAuthenticated();
    await bot.rest.users.getByUsername({ username: 'mia-mentee' });
    await bot.rest.rateLimit.get();
    await chair.rest.teams.getMembershipForUserInOrg({ org: 'mentorkit', team_slug: 'committee', username: 'chair' });
    await bot.rest.issues.update({ ...repo, issue_number: 1, state: 'closed', state_reason: 'not_planned' });
    expect(gh.calls.every((c) => c.status < 400)).toBe(true);
    expect(gh.violations).toEqual([]);
  });
});
