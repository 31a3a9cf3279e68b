import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../../src/testing/emulator/index.ts';
import { client, keyPaths, repo, start } from './helpers.ts';

/**
 * Our responses against responses GitHub really sent, recorded by @octokit/fixtures: the recursive key sets
 * must agree. Fields GitHub added after the recordings (all present in the current OpenAPI description,
 * against which every response is validated as well) are the only extras allowed.
 */
const require = createRequire(import.meta.url);
const SCENARIOS = join(dirname(require.resolve('@octokit/fixtures/package.json')), 'scenarios/api.github.com');
type Recorded = { method: string; path: string; status: number; response: unknown };
const scenario = (name: string) => JSON.parse(readFileSync(join(SCENARIOS, name, 'normalized-fixture.json'), 'utf8')) as Recorded[];
const recorded = (name: string, method: string, path: RegExp) => scenario(name).find((r) => r.method === method && path.test(r.path))!;

/** Path prefixes (or final segments) of fields newer than the recordings. */
const NEWER = ['type', 'sub_issues_summary', 'issue_dependencies_summary', 'user_view_type', 'has_discussions', 'custom_properties'];
const isNewer = (p: string) => NEWER.some((n) => p === n || p.startsWith(`${n}.`) || p.endsWith(`.${n}`) || p.includes(`.${n}.`));

function expectSameKeys(ours: unknown, real: unknown, alsoNewer: string[] = []) {
  const a = keyPaths(ours);
  const r = keyPaths(real);
  expect([...r].filter((k) => !a.has(k)).sort(), 'recorded keys we lack').toEqual([]);
  expect([...a].filter((k) => !r.has(k) && !isNewer(k) && !alsoNewer.includes(k)).sort(), 'keys GitHub did not send').toEqual([]);
}

let gh: Emulator;
beforeAll(async () => {
  gh = await start();
});
afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

describe('key sets match recorded GitHub responses', () => {
  test('POST /issues then POST /issues/{n}/labels (add-labels-to-issue)', async () => {
    const chair = client(gh, gh.tokenFor('chair'));
    const created = await chair.rest.issues.create({ ...repo, title: 'Issue without a label' });
    expectSameKeys(created.data, recorded('add-labels-to-issue', 'post', /\/issues$/).response);
    const labels = await chair.rest.issues.addLabels({ ...repo, issue_number: created.data.number, labels: ['Foo', 'bAr', 'baZ'] });
    const real = recorded('add-labels-to-issue', 'post', /\/labels$/);
    expectSameKeys(labels.data, real.response);
    // Same order as GitHub returned them.
    expect(labels.data.map((l) => l.name)).toEqual((real.response as Array<{ name: string }>).map((l) => l.name));
    expect(labels.data.every((l) => l.color === 'ededed' && l.description === null && l.default === false)).toBe(true);
  });

  test('GET /issues (paginate-issues), Link header format', async () => {
    const chair = client(gh, gh.tokenFor('chair'));
    for (let n = 0; n < 4; n++) await chair.rest.issues.create({ ...repo, title: `Test issue ${n}` });
    const page = await chair.rest.issues.listForRepo({ ...repo, per_page: 3 });
    const real = recorded('paginate-issues', 'get', /per_page=3$/);
    expectSameKeys(page.data, real.response);
    const shape = (link: string) => link.replace(/<[^>]*[?&]page=(\d+)[^>]*>/g, '<page=$1>').replace(/<page=\d+>/g, '<>');
    expect(shape(page.headers.link!)).toBe(shape(String((scenario('paginate-issues')[0] as unknown as { headers: { link: string } }).headers.link)));
  });

  test('labels scenario: list, create, get, update', async () => {
    const chair = client(gh, gh.tokenFor('chair'));
    const created = await chair.rest.issues.createLabel({ ...repo, name: 'test-label', color: '663399' });
    expectSameKeys(created.data, recorded('labels', 'post', /\/labels$/).response);
    expectSameKeys((await chair.rest.issues.getLabel({ ...repo, name: 'test-label' })).data, recorded('labels', 'get', /test-label$/).response);
    const updated = await chair.rest.issues.updateLabel({ ...repo, name: 'test-label', new_name: 'test-label-updated', color: 'BADA55' });
    expectSameKeys(updated.data, recorded('labels', 'patch', /test-label$/).response);
    expectSameKeys((await chair.rest.issues.listLabelsForRepo(repo)).data, recorded('labels', 'get', /\/labels$/).response);
  });

  test('errors scenario: 422 for an invalid label colour', async () => {
    const chair = client(gh, gh.tokenFor('chair'));
    const err = (await chair.rest.issues.createLabel({ ...repo, name: 'foo', color: 'invalid' }).catch((e: unknown) => e)) as { response: { data: unknown } };
    const real = recorded('errors', 'post', /\/labels$/);
    // GitHub now adds `status` to error bodies.
    expectSameKeys(err.response.data, real.response, ['status']);
    expect((err.response.data as { errors: unknown }).errors).toEqual((real.response as { errors: unknown }).errors);
  });

  test('get-repository, seen by an administrator', async () => {
    const { data } = await client(gh, gh.tokenFor('chair')).rest.repos.get(repo);
    const real = recorded('get-repository', 'get', /hello-world$/).response as Record<string, unknown>;
    expectSameKeys(data, real);
  });

  test('issue events against the real timeline GitHub’s description quotes (@octokit/fixtures records no issue events)', async () => {
    // The example of "list timeline events" is github/roadmap#493 as GitHub sent it (real ids, LE_/RTE_ node ids);
    // its labeled and renamed entries have the same shape in "list issue events".
    const full = require('@octokit/openapi/generated/api.github.com.json') as { components: { examples: Record<string, { value: Array<{ event: string }> }> } };
    const timeline = full.components.examples['timeline-issue-events']!.value;
    const real = (event: string) => timeline.find((e) => e.event === event)!;
    const chair = client(gh, gh.tokenFor('chair'));
    const { data: issue } = await chair.rest.issues.create({ ...repo, title: 'Before' });
    await chair.rest.issues.addLabels({ ...repo, issue_number: issue.number, labels: ['beta'] });
    await chair.rest.issues.update({ ...repo, issue_number: issue.number, title: 'After' });
    const { data } = await chair.rest.issues.listEvents({ ...repo, issue_number: issue.number });
    const ours = (event: string) => (data as unknown as Array<{ event: string }>).find((e) => e.event === event)!;
    for (const event of ['labeled', 'renamed']) {
      expectSameKeys(ours(event), real(event));
      // Key order too: the event's own field (label, rename) comes just before performed_via_github_app.
      expect(Object.keys(ours(event))).toEqual(Object.keys(real(event)));
    }
  });

  test('REST comments against the newest real comment delivery (no comment was recorded as a fixture)', async () => {
    const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<{ action: string; comment?: unknown }> }>;
    const real = examples.find((g) => g.name === 'issue_comment')!.examples.find((e) => e.action === 'created' && (e.comment as object) && 'reactions' in (e.comment as object))!.comment;
    const bot = client(gh, gh.botToken);
    const { data } = await bot.rest.issues.createComment({ ...repo, issue_number: 1, body: 'hi' });
    // The example's comment was made by a person; ours by GITHUB_TOKEN, which adds the app object.
    const ours = { ...data, performed_via_github_app: null };
    expectSameKeys(ours, real);
  });
});
