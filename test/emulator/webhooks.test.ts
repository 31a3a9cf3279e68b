import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator, EmulatorEvent } from '../../src/testing/emulator/index.ts';
import { client, manualClock, repo, start, topKeys } from './helpers.ts';

const require = createRequire(import.meta.url);
type Example = Record<string, unknown> & { action: string };
const EXAMPLES = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Example[] }>;
const examplesOf = (name: string, action: string) => EXAMPLES.find((g) => g.name === name)!.examples.filter((e) => e.action === action);

/**
 * Fields GitHub has added to issues and comments since the community examples were recorded. Every one of them
 * is in the current OpenAPI description (the response validation in the emulator checks that).
 */
const NEWER_ISSUE_KEYS = ['type', 'sub_issues_summary', 'issue_dependencies_summary', 'timeline_url', 'performed_via_github_app', 'state_reason', 'reactions'];
const NEWER_COMMENT_KEYS = ['reactions', 'performed_via_github_app'];
const NEWER_USER_KEYS = ['user_view_type'];

/** The emulator's keys cover every key of the closest real delivery; anything extra is a known newer field. */
function expectKeysLike(actual: unknown, example: unknown, newer: string[] = []) {
  const a = topKeys(actual);
  const e = topKeys(example);
  expect(e.filter((k) => !a.includes(k)), 'keys the real payload has and ours lacks').toEqual([]);
  expect(a.filter((k) => !e.includes(k) && !newer.includes(k)), 'keys ours has and the real payload lacks').toEqual([]);
}

/** Top-level keys of the example deliveries the emulator is based on (no App installation in Actions runs). */
function expectEnvelopeLike(ev: EmulatorEvent, extra: string[] = []) {
  const candidates = examplesOf(ev.name, ev.action === 'closed' ? 'reopened' : ev.action);
  const plain = candidates.find((e) => !('installation' in e) && !('organization' in e)) ?? candidates[0]!;
  const expected = topKeys(plain).filter((k) => k !== 'installation');
  expect(topKeys(ev.payload)).toEqual([...expected, ...extra].sort());
}

let gh: Emulator;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock();
  // A user-owned repository, so deliveries carry no `organization`, like the plain examples.
  gh = await start({ owner: 'mentorkit', orgMembers: {}, teams: {}, now: clock.now });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

describe('issues events', () => {
  test('opened (then labeled for form labels): example envelope, current issue, sender is the actor', async () => {
    const ev = await gh.as('mia-mentee').openIssue({ title: 'Request', body: 'hello', labels: ['request'] });
    expect(ev.events.map((e) => `${e.name}.${e.action}`)).toEqual(['issues.opened', 'issues.labeled']);
    expect(ev).toMatchObject({ name: 'issues', action: 'opened', actor: 'mia-mentee', viaBotToken: false });
    expectEnvelopeLike(ev);
    const issue = ev.payload.issue!;
    expect(issue).toMatchObject({ number: 1, title: 'Request', body: 'hello', state: 'open', user: { login: 'mia-mentee' } });
    expect(issue.labels.map((l) => l.name)).toEqual(['request']);
    expectKeysLike(issue, examplesOf('issues', 'opened')[0]!.issue, NEWER_ISSUE_KEYS);
    expectKeysLike(issue.user, (examplesOf('issues', 'opened')[0]!.issue as { user: unknown }).user, NEWER_USER_KEYS);
    expect(ev.payload.sender).toMatchObject({ login: 'mia-mentee', type: 'User' });
    expectKeysLike(ev.payload.sender, examplesOf('issues', 'opened')[0]!.sender, NEWER_USER_KEYS);
    expect(ev.payload.repository).toMatchObject({ full_name: 'mentorkit/mentorkit', name: 'mentorkit', owner: { login: 'mentorkit' } });
    expect(topKeys(ev.payload.repository)).toEqual(topKeys(examplesOf('issues', 'opened')[0]!.repository));

    const labeled = ev.events[1]!;
    expectEnvelopeLike(labeled);
    expect(labeled.payload.label).toMatchObject({ name: 'request', color: '0052cc' });
    expectKeysLike(labeled.payload.label, examplesOf('issues', 'labeled')[0]!.label);
  });

  test('edited carries changes.body.from (and title.from); an edit that changes nothing sends nothing', async () => {
    await gh.as('mia-mentee').openIssue({ title: 'Request', body: 'v1' });
    clock.advance(5000);
    const ev = await gh.as('mia-mentee').editIssue(1, { body: 'v2' });
    expectEnvelopeLike(ev);
    expect(ev.payload.changes).toEqual({ body: { from: 'v1' } });
    expect(ev.payload.issue).toMatchObject({ body: 'v2', updated_at: '2025-03-03T09:00:05Z' });
    const both = await gh.as('mia-mentee').editIssue(1, { body: 'v3', title: 'Better' });
    expect(both.payload.changes).toEqual({ title: { from: 'Request' }, body: { from: 'v2' } });
    await expect(gh.as('mia-mentee').editIssue(1, { body: 'v3' })).rejects.toThrow(/changed nothing/);
  });

  test('labeled / unlabeled by a person with triage, closed and reopened with state_reason', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    const labeled = await gh.as('triager').addLabels(1, ['status:active']);
    expect(labeled.payload.sender.login).toBe('triager');
    expect(labeled.payload.label!.name).toBe('status:active');
    const unlabeled = await gh.as('triager').removeLabel(1, 'status:active');
    expectEnvelopeLike(unlabeled);
    expect(unlabeled.payload.issue!.labels).toEqual([]);
    const closed = await gh.as('chair').closeIssue(1, 'not_planned');
    expectEnvelopeLike(closed);
    expect(closed.payload.issue).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    const reopened = await gh.as('mia-mentee').reopenIssue(1);
    expectEnvelopeLike(reopened);
    expect(reopened.payload.issue).toMatchObject({ state: 'open', state_reason: 'reopened' });
  });

  test('what GITHUB_TOKEN does is recorded with viaBotToken (on GitHub it starts no workflow)', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    gh.takeEvents();
    const bot = client(gh, gh.botToken);
    await bot.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['status:pending'] });
    await bot.rest.issues.createComment({ ...repo, issue_number: 1, body: 'Welcome <!-- mentorkit:welcome:1 -->' });
    const events = gh.takeEvents();
    expect(events.map((e) => [`${e.name}.${e.action}`, e.actor, e.viaBotToken])).toEqual([
      ['label.created', 'github-actions[bot]', true],
      ['issues.labeled', 'github-actions[bot]', true],
      ['issue_comment.created', 'github-actions[bot]', true],
    ]);
    expect(events[2]!.payload.sender).toMatchObject({ login: 'github-actions[bot]', type: 'Bot', id: 41898282 });
    expect(events[2]!.payload.comment).toMatchObject({ performed_via_github_app: { slug: 'github-actions' }, user: { login: 'github-actions[bot]' } });
    expect(gh.events).toEqual([]);
  });
});

describe('issue_comment events', () => {
  test('created: the issue as it is at that moment, the comment, the commenter as sender', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't', labels: ['request'] });
    await client(gh, gh.botToken).rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['status:pending'] });
    const ev = await gh.as('amara-mentor').comment(1, '/accept');
    expect(ev).toMatchObject({ name: 'issue_comment', action: 'created', actor: 'amara-mentor' });
    expectEnvelopeLike(ev);
    expect(ev.payload.issue!.labels.map((l) => l.name)).toEqual(['request', 'status:pending']);
    expect(ev.payload.issue!.comments).toBe(1);
    expect(ev.payload.comment).toMatchObject({ body: '/accept', user: { login: 'amara-mentor' }, author_association: 'NONE' });
    expectKeysLike(ev.payload.comment, examplesOf('issue_comment', 'created')[2]!.comment, NEWER_COMMENT_KEYS);
    expect(ev.payload.sender.login).toBe('amara-mentor');
  });

  test('edited carries changes.body.from; deleted is delivered too', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    const created = await gh.as('amara-mentor').comment(1, '/later');
    const id = created.payload.comment!.id;
    const edited = await gh.as('amara-mentor').editComment(id, '/accept');
    expectEnvelopeLike(edited);
    expect(edited.payload.changes).toEqual({ body: { from: '/later' } });
    expect(edited.payload.comment!.body).toBe('/accept');
    const deleted = await gh.as('amara-mentor').deleteComment(id);
    expectEnvelopeLike(deleted);
    expect(deleted.payload.issue!.comments).toBe(0);
  });
});

describe('label events and organisations', () => {
  test('label created/edited/deleted', async () => {
    const bot = client(gh, gh.botToken);
    await bot.rest.issues.createLabel({ ...repo, name: 'x', color: 'ffffff' });
    await bot.rest.issues.updateLabel({ ...repo, name: 'x', color: '000000' });
    await bot.rest.issues.deleteLabel({ ...repo, name: 'x' });
    const events = gh.takeEvents();
    expect(events.map((e) => e.action)).toEqual(['created', 'edited', 'deleted']);
    for (const e of events) expectEnvelopeLike(e);
    expect(events[1]!.payload.changes).toEqual({ color: { from: 'ffffff' } });
  });

  test('an organisation’s repository adds `organization` to every delivery', async () => {
    await gh.close();
    gh = await start({ now: clock.now });
    const ev = await gh.as('mia-mentee').openIssue({ title: 't' });
    expectEnvelopeLike(ev, ['organization']);
    expect(ev.payload.organization).toMatchObject({ login: 'mentorkit' });
    expect(ev.payload.repository).toMatchObject({ owner: { login: 'mentorkit', type: 'Organization' } });
  });
});
