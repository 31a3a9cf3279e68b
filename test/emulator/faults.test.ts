import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Octokit } from 'octokit';
import type { Emulator } from '../../src/testing/emulator/index.ts';
import { client, repo, start } from './helpers.ts';

let gh: Emulator;
beforeEach(async () => {
  gh = await start();
  await gh.as('mia-mentee').openIssue({ title: 't' });
  gh.resetCalls();
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

describe('fault injection', () => {
  test('a 500 is answered before the handler: nothing changes; @octokit/plugin-retry retries into success', async () => {
    gh.fault({ method: 'POST', route: COMMENTS, status: 500, times: 2 });
    gh.fault({ method: 'POST', route: COMMENTS, status: 502 });
    const octokit = new Octokit({ auth: gh.botToken, baseUrl: gh.url, retry: { retryAfterBaseValue: 5 }, throttle: { enabled: false } });
    const res = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'hello' });
    expect(res.status).toBe(201);
    expect(gh.calls.map((c) => [c.status, c.fault])).toEqual([
      [500, true],
      [500, true],
      [502, true],
      [201, false],
    ]);
    expect(gh.state.issues[0]!.comments.map((c) => c.body)).toEqual(['hello']);
    expect(gh.countCalls({ method: 'POST', route: COMMENTS, status: 201 })).toBe(1);
  });

  test('without retries the fault surfaces with GitHub’s error body', async () => {
    gh.fault({ route: /\/issues\/1$/, status: 500 });
    await expect(client(gh, gh.botToken).rest.issues.get({ ...repo, issue_number: 1 })).rejects.toMatchObject({
      status: 500,
      response: { data: { message: 'Server Error' } },
    });
    await expect(client(gh, gh.botToken).rest.issues.get({ ...repo, issue_number: 1 })).resolves.toMatchObject({ status: 200 });
  });

  test('403 secondary rate limit looks like GitHub’s and @octokit/plugin-throttling honours retry-after', async () => {
    // A read, so the plugin's own pacing of writes (1 s) and of notifying writes like comments (3 s) stays out of it.
    gh.fault({ method: 'GET', route: COMMENTS, status: 403, secondaryRateLimit: true, retryAfter: 1 });
    const seen: number[] = [];
    const octokit = new Octokit({
      auth: gh.botToken,
      baseUrl: gh.url,
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(retryAfter);
          return true;
        },
      },
    });
    const t0 = Date.now();
    const res = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 });
    const waited = Date.now() - t0;
    expect(res.status).toBe(200);
    expect(seen).toEqual([1]);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2500);
    expect(gh.calls.map((c) => c.status)).toEqual([403, 200]);
  });

  test('the secondary-rate-limit response itself', async () => {
    gh.fault({ status: 403, secondaryRateLimit: true, retryAfter: 60 });
    const res = await fetch(`${gh.url}/repos/mentorkit/mentorkit/issues`, { headers: { authorization: `token ${gh.botToken}` } });
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(res.headers.get('x-ratelimit-remaining')).not.toBeNull();
    const body = (await res.json()) as { message: string; documentation_url: string };
    expect(body.message).toMatch(/^You have exceeded a secondary rate limit\. Please wait a few minutes before you try again\./);
    expect(body.message).toContain(res.headers.get('x-github-request-id')!);
    expect(body.documentation_url).toBe('https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits');
  });

  test('faults match by method and route and are consumed in order', async () => {
    gh.fault({ method: 'GET', route: '/repos/{owner}/{repo}/labels', status: 404 });
    gh.fault({ method: 'GET', route: '/repos/{owner}/{repo}/labels', status: 422 });
    const bot = client(gh, gh.botToken);
    await expect(bot.rest.issues.get({ ...repo, issue_number: 1 })).resolves.toMatchObject({ status: 200 });
    await expect(bot.rest.issues.listLabelsForRepo(repo)).rejects.toMatchObject({ status: 404 });
    await expect(bot.rest.issues.listLabelsForRepo(repo)).rejects.toMatchObject({ status: 422 });
    await expect(bot.rest.issues.listLabelsForRepo(repo)).resolves.toMatchObject({ status: 200 });
  });

  test('delayMs slows a request (alone, or before a fault)', async () => {
    gh.fault({ route: '/repos/{owner}/{repo}/issues/{issue_number}', delayMs: 150 });
    const bot = client(gh, gh.botToken);
    const t0 = Date.now();
    await bot.rest.issues.get({ ...repo, issue_number: 1 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(gh.calls[0]!.ms).toBeGreaterThanOrEqual(140);
    expect(gh.calls[0]!.fault).toBe(false);
  });

  test('calls record method, path, route, status, user; countCalls filters them', async () => {
    const bot = client(gh, gh.botToken);
    await bot.rest.issues.get({ ...repo, issue_number: 1 });
    await client(gh, gh.tokenFor('chair')).rest.issues.listForRepo({ ...repo, labels: 'request' });
    expect(gh.calls).toEqual([
      expect.objectContaining({ method: 'GET', path: '/repos/mentorkit/mentorkit/issues/1', route: '/repos/{owner}/{repo}/issues/{issue_number}', operationId: 'issues/get', status: 200, user: 'github-actions[bot]', fault: false }),
      expect.objectContaining({ method: 'GET', path: '/repos/mentorkit/mentorkit/issues?labels=request', route: '/repos/{owner}/{repo}/issues', status: 200, user: 'chair' }),
    ]);
    expect(gh.countCalls()).toBe(2);
    expect(gh.countCalls({ user: 'chair' })).toBe(1);
    expect(gh.countCalls({ route: /\/issues$/ })).toBe(1);
    expect(gh.countCalls((c) => c.ms >= 0)).toBe(2);
    gh.resetCalls();
    expect(gh.calls).toEqual([]);
  });
});
