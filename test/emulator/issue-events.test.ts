import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator, StateIssueEvent } from '../../src/testing/emulator/index.ts';
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

const BOT = 'github-actions[bot]';
/** An event as a short tuple: issue, event, label (or state_reason / rename), actor, made via GITHUB_TOKEN. */
const brief = (e: StateIssueEvent) => [e.issue_number, e.event, e.label?.name ?? e.state_reason ?? (e.rename && `${e.rename.from} → ${e.rename.to}`), e.actor.login, e.via_actions];
const increasing = (ids: number[]) => ids.every((id, k) => k === 0 || id > ids[k - 1]!);

describe('labels: every way a label goes on or off an issue is in its events', () => {
  test('issue form, POST/PUT/DELETE /issues/{n}/labels, labels passed to POST and PATCH /issues', async () => {
    const bot = client(gh, gh.botToken);
    // 1: a mentee through the issue form (its existing labels apply; unknown ones are dropped, and not recorded).
    await gh.as('mia-mentee').openIssue({ title: 'request', labels: ['request', 'not-set-up'] });
    clock.advance(1000);
    await bot.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['status:pending', 'mentor:amara', 'request'] });
    clock.advance(1000);
    await gh.as('triager').removeLabel(1, 'request');
    await bot.rest.issues.setLabels({ ...repo, issue_number: 1, labels: ['mentor:amara', 'status:active'] });
    await bot.rest.issues.removeAllLabels({ ...repo, issue_number: 1 });
    // 2: labels at creation through the API need push access.
    await client(gh, gh.tokenFor('writer')).rest.issues.create({ ...repo, title: 'by writer', labels: ['request', 'status:pending'] });
    await client(gh, gh.tokenFor('chair')).rest.issues.update({ ...repo, issue_number: 2, labels: ['request', 'status:active'] });
    // Without push access GitHub drops labels silently: no change, so no event.
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    await mia.rest.issues.create({ ...repo, title: 'via API', labels: ['request'] });
    await mia.rest.issues.update({ ...repo, issue_number: 2, labels: [] });

    const events = gh.issueEvents();
    expect(events.map(brief)).toEqual([
      [1, 'labeled', 'request', 'mia-mentee', false],
      [1, 'labeled', 'status:pending', BOT, true],
      [1, 'labeled', 'mentor:amara', BOT, true],
      [1, 'unlabeled', 'request', 'triager', false],
      // set-labels: what goes first, then what comes.
      [1, 'unlabeled', 'status:pending', BOT, true],
      [1, 'labeled', 'status:active', BOT, true],
      [1, 'unlabeled', 'mentor:amara', BOT, true],
      [1, 'unlabeled', 'status:active', BOT, true],
      [2, 'labeled', 'request', 'writer', false],
      [2, 'labeled', 'status:pending', 'writer', false],
      [2, 'unlabeled', 'status:pending', 'chair', false],
      [2, 'labeled', 'status:active', 'chair', false],
    ]);
    expect(increasing(events.map((e) => e.id))).toBe(true);
    // Labels created on demand carry GitHub's default colour in the event too.
    expect(events.find((e) => e.label?.name === 'status:pending')!.label).toEqual({ name: 'status:pending', color: 'ededed' });
    expect(events[0]!.label).toEqual({ name: 'request', color: '0052cc' });
    expect(events.map((e) => e.created_at).slice(0, 4)).toEqual(['2025-03-03T09:00:00Z', '2025-03-03T09:00:01Z', '2025-03-03T09:00:01Z', '2025-03-03T09:00:02Z']);

    // One issue event per labeled/unlabeled webhook delivery, in the same order, by the same actor.
    const deliveries = gh.events
      .filter((e) => e.name === 'issues' && (e.action === 'labeled' || e.action === 'unlabeled'))
      .map((e) => [e.payload.issue!.number, e.action, e.payload.label!.name, e.actor, e.viaBotToken]);
    expect(events.map(brief)).toEqual(deliveries);
    // gh.state carries the same events per issue.
    expect(gh.state.issues.map((i) => i.events)).toEqual([gh.issueEvents(1), gh.issueEvents(2), []]);
  });

  test('deleting a repository label takes it off issues without an unlabeled event (no webhook either)', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't', labels: ['request'] });
    await client(gh, gh.botToken).rest.issues.deleteLabel({ ...repo, name: 'request' });
    expect(gh.issueEvents(1).map(brief)).toEqual([[1, 'labeled', 'request', 'mia-mentee', false]]);
    expect(gh.events.filter((e) => e.action === 'unlabeled')).toEqual([]);
  });
});

describe('state and title', () => {
  test('closed (with state_reason) and reopened; a new reason or a repeated close records nothing', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    const bot = client(gh, gh.botToken);
    clock.advance(60_000);
    await bot.rest.issues.update({ ...repo, issue_number: 1, state: 'closed', state_reason: 'not_planned' });
    await bot.rest.issues.update({ ...repo, issue_number: 1, state: 'closed', state_reason: 'duplicate' });
    await bot.rest.issues.update({ ...repo, issue_number: 1, state: 'closed' });
    clock.advance(60_000);
    await gh.as('mia-mentee').reopenIssue(1);
    await gh.as('triager').closeIssue(1);
    const events = gh.issueEvents(1);
    expect(events.map(brief)).toEqual([
      [1, 'closed', 'not_planned', BOT, true],
      [1, 'reopened', 'reopened', 'mia-mentee', false],
      [1, 'closed', 'completed', 'triager', false],
    ]);
    expect(events.map((e) => e.created_at)).toEqual(['2025-03-03T09:01:00Z', '2025-03-03T09:02:00Z', '2025-03-03T09:02:00Z']);
    expect(increasing(events.map((e) => e.id))).toBe(true);
    const listed = (await bot.rest.issues.listEvents({ ...repo, issue_number: 1 })).data as unknown as Array<Record<string, unknown>>;
    expect(listed.map((e) => [e.id, e.event, e.state_reason])).toEqual(events.map((e) => [e.id, e.event, e.state_reason]));
  });

  test('a new title is `renamed`; a new body is not an event; PATCH records title, labels, then state', async () => {
    await gh.as('mia-mentee').openIssue({ title: 'Old title', body: 'b' });
    await gh.as('mia-mentee').editIssue(1, { body: 'new body' });
    expect(gh.issueEvents(1)).toEqual([]);
    await client(gh, gh.tokenFor('chair')).rest.issues.update({ ...repo, issue_number: 1, title: 'New title', labels: ['request'], state: 'closed' });
    expect(gh.issueEvents(1).map(brief)).toEqual([
      [1, 'renamed', 'Old title → New title', 'chair', false],
      [1, 'labeled', 'request', 'chair', false],
      [1, 'closed', 'completed', 'chair', false],
    ]);
    const [renamed] = (await client(gh, gh.botToken).rest.issues.listEvents({ ...repo, issue_number: 1 })).data as unknown as Array<Record<string, unknown>>;
    expect(renamed).toMatchObject({ event: 'renamed', rename: { from: 'Old title', to: 'New title' }, actor: { login: 'chair' }, performed_via_github_app: null });
  });

  test('a refused change records nothing', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    await expect(gh.as('amara-mentor').closeIssue(1)).rejects.toMatchObject({ status: 403 });
    await expect(gh.as('amara-mentor').addLabels(1, ['x'])).rejects.toMatchObject({ status: 403 });
    await expect(client(gh, gh.tokenFor('amara-mentor')).rest.issues.update({ ...repo, issue_number: 1, title: 'hijack' })).rejects.toMatchObject({ status: 403 });
    expect(gh.issueEvents()).toEqual([]);
  });

  test('event ids are one sequence across issues: they order every change', async () => {
    await gh.as('mia-mentee').openIssue({ title: 'a' });
    await gh.as('mia-mentee').openIssue({ title: 'b' });
    const bot = client(gh, gh.botToken);
    await bot.rest.issues.addLabels({ ...repo, issue_number: 2, labels: ['x'] });
    await bot.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['y'] });
    await bot.rest.issues.update({ ...repo, issue_number: 2, state: 'closed' });
    await bot.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'y' });
    const all = gh.issueEvents();
    expect(all.map((e) => [e.issue_number, e.event])).toEqual([
      [2, 'labeled'],
      [1, 'labeled'],
      [2, 'closed'],
      [1, 'unlabeled'],
    ]);
    expect(increasing(all.map((e) => e.id))).toBe(true);
    const merged = [...gh.issueEvents(1), ...gh.issueEvents(2)].sort((a, b) => a.id - b.id);
    expect(merged).toEqual(all);
  });
});

describe('GET /repos/{owner}/{repo}/issues/{issue_number}/events', () => {
  test('GitHub’s shape and key order; the app only on GITHUB_TOKEN changes; anyone may read', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't', labels: ['request'] });
    clock.advance(1000);
    await client(gh, gh.botToken).rest.issues.update({ ...repo, issue_number: 1, state: 'closed', state_reason: 'not_planned' });
    // amara has no role at all: reading a public repository's issue events needs none.
    const { data, status, headers } = await client(gh, gh.tokenFor('amara-mentor')).rest.issues.listEvents({ ...repo, issue_number: 1 });
    expect(status).toBe(200);
    expect(headers.link).toBeUndefined();
    const [labeled, closed] = data as unknown as Array<Record<string, unknown>>;
    const ids = gh.issueEvents(1).map((e) => e.id);
    expect(labeled).toEqual({
      id: ids[0],
      node_id: Buffer.from(`012:LabeledEvent${ids[0]}`).toString('base64'),
      url: `${gh.url}/repos/mentorkit/mentorkit/issues/events/${ids[0]}`,
      actor: expect.objectContaining({ login: 'mia-mentee', type: 'User' }),
      event: 'labeled',
      commit_id: null,
      commit_url: null,
      created_at: '2025-03-03T09:00:00Z',
      label: { name: 'request', color: '0052cc' },
      performed_via_github_app: null,
    });
    expect(Object.keys(labeled!)).toEqual(['id', 'node_id', 'url', 'actor', 'event', 'commit_id', 'commit_url', 'created_at', 'label', 'performed_via_github_app']);
    expect(closed).toMatchObject({
      id: ids[1],
      event: 'closed',
      actor: { login: BOT, type: 'Bot' },
      created_at: '2025-03-03T09:00:01Z',
      state_reason: 'not_planned',
      performed_via_github_app: { slug: 'github-actions', id: 15368 },
    });
    expect(Object.keys(closed!).slice(-2)).toEqual(['state_reason', 'performed_via_github_app']);
    expect(gh.countCalls({ route: '/repos/{owner}/{repo}/issues/{issue_number}/events', status: 200 })).toBe(1);
  });

  test('oldest first, per_page/page with a Link header octokit.paginate follows; only this issue’s events', async () => {
    await gh.as('mia-mentee').openIssue({ title: 'one' });
    await gh.as('mia-mentee').openIssue({ title: 'two' });
    const bot = client(gh, gh.botToken);
    for (let n = 0; n < 5; n++) {
      clock.advance(1000);
      await bot.rest.issues.addLabels({ ...repo, issue_number: 1, labels: [`l${n}`] });
      await bot.rest.issues.addLabels({ ...repo, issue_number: 2, labels: [`other${n}`] });
    }
    const first = await bot.rest.issues.listEvents({ ...repo, issue_number: 1, per_page: 2 });
    expect(first.data.map((e) => (e as { label?: { name: string } }).label?.name)).toEqual(['l0', 'l1']);
    const base = `${gh.url}/repos/mentorkit/mentorkit/issues/1/events?per_page=2`;
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    const last = await bot.rest.issues.listEvents({ ...repo, issue_number: 1, per_page: 2, page: 3 });
    expect(last.data.map((e) => (e as { label?: { name: string } }).label?.name)).toEqual(['l4']);
    expect(last.headers.link).toBe(`<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`);

    gh.resetCalls();
    const all = await bot.paginate(bot.rest.issues.listEvents, { ...repo, issue_number: 1, per_page: 2 });
    expect(all.map((e) => (e as { label?: { name: string } }).label?.name)).toEqual(['l0', 'l1', 'l2', 'l3', 'l4']);
    expect(all.map((e) => e.id)).toEqual(gh.issueEvents(1).map((e) => e.id));
    expect(all.map((e) => e.created_at)).toEqual(['09:00:01', '09:00:02', '09:00:03', '09:00:04', '09:00:05'].map((t) => `2025-03-03T${t}Z`));
    expect(gh.countCalls({ route: '/repos/{owner}/{repo}/issues/{issue_number}/events' })).toBe(3);
  });

  test('an issue without events is an empty list; an unknown issue is 404', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    const bot = client(gh, gh.botToken);
    expect((await bot.rest.issues.listEvents({ ...repo, issue_number: 1 })).data).toEqual([]);
    await expect(bot.rest.issues.listEvents({ ...repo, issue_number: 99 })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/events#list-issue-events' } },
    });
    await expect(bot.rest.issues.listEvents({ owner: 'someone', repo: 'else', issue_number: 1 })).rejects.toMatchObject({ status: 404 });
  });

  test('a bad query is 422 and recorded like every other route', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    const res = await fetch(`${gh.url}/repos/mentorkit/mentorkit/issues/1/events?per_page=lots`, { headers: { authorization: `token ${gh.botToken}` } });
    expect(res.status).toBe(422);
    expect(gh.violations.map((v) => [v.kind, v.operationId, v.where])).toEqual([['request', 'issues/list-events', 'query']]);
    gh.violations.length = 0;
  });
});
