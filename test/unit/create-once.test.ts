import { describe, expect, test } from 'vitest';
import { createClient } from '../../src/github/client.ts';

/**
 * src/github/create-once.ts through the bot's own client, with a fetch that answers as told: a create that fails is
 * looked up before it is sent again, and nothing of that leaks into the retries of other requests.
 */
type Answer = { status: number; body: unknown };
function client(answers: (method: string, url: string) => Answer) {
  const calls: string[] = [];
  const gh = createClient({
    token: 't',
    baseUrl: 'https://api.github.test',
    writePacingMs: 0,
    retryDelayMs: 0,
    fetch: async (input, init) => {
      const method = init?.method ?? 'GET';
      const url = String(input).replace('https://api.github.test', '');
      calls.push(`${method} ${url}`);
      const a = answers(method, url);
      return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
    },
  });
  return { gh, calls };
}
const r = { owner: 'o', repo: 'r' };
const comment = (id: number, body: string) => ({ id, body, url: `https://api.github.test/repos/o/r/issues/comments/${id}`, created_at: '2027-01-04T09:00:00Z', user: { login: 'github-actions[bot]' } });
const FAIL = { status: 502, body: { message: 'Server Error' } };

describe('a create answered with a 5xx', () => {
  test('is looked up, and what GitHub made is the answer: no second POST', async () => {
    const { gh, calls } = client((m) => (m === 'POST' ? FAIL : { status: 200, body: [comment(1, 'hello'), comment(7, '<!-- mentorkit:welcome:1 -->\nHi')] }));
    const { data } = await gh.rest.issues.createComment({ ...r, issue_number: 1, body: '<!-- mentorkit:welcome:1 -->\nHi' });
    expect(data.id).toBe(7);
    expect(calls).toEqual(['POST /repos/o/r/issues/1/comments', 'GET /repos/o/r/issues/1/comments?per_page=100']);
  });

  test('not found, it is sent again, three times in all, looking before each repeat', async () => {
    const { gh, calls } = client((m) => (m === 'POST' ? FAIL : { status: 200, body: [] }));
    await expect(gh.rest.issues.createComment({ ...r, issue_number: 1, body: 'x' })).rejects.toMatchObject({ status: 502 });
    expect(calls.filter((c) => c.startsWith('POST'))).toHaveLength(3);
    expect(calls.filter((c) => c.startsWith('GET'))).toHaveLength(2);
  });

  test('an issue is found among the newest by title and body', async () => {
    const issue = { number: 9, title: 'Report on #3', body: 'b', url: 'https://api.github.test/repos/o/r/issues/9' };
    const { gh, calls } = client((m) => (m === 'POST' ? FAIL : { status: 200, body: [{ number: 10, title: 'Other', body: 'b' }, issue] }));
    const { data } = await gh.rest.issues.create({ ...r, title: 'Report on #3', body: 'b' });
    expect(data.number).toBe(9);
    expect(calls).toEqual(['POST /repos/o/r/issues', 'GET /repos/o/r/issues?state=all&sort=created&direction=desc&per_page=30']);
  });

  test('a 4xx is an answer, not a fault: no look-up, no repeat', async () => {
    const { gh, calls } = client(() => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    await expect(gh.rest.issues.createComment({ ...r, issue_number: 1, body: 'x' })).rejects.toMatchObject({ status: 403 });
    expect(calls).toEqual(['POST /repos/o/r/issues/1/comments']);
  });

  test('other requests keep the retry plugin’s retries, also after a create', async () => {
    const { gh, calls } = client((m) => (m === 'GET' ? { status: 200, body: [comment(7, 'x')] } : FAIL));
    await gh.rest.issues.createComment({ ...r, issue_number: 1, body: 'x' });
    calls.length = 0;
    await expect(gh.rest.issues.update({ ...r, issue_number: 1, body: 'y' })).rejects.toMatchObject({ status: 502 });
    expect(calls).toEqual(Array(3).fill('PATCH /repos/o/r/issues/1'));
  });
});
