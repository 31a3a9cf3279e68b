import { afterEach, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gh, useEmulator, restartEmulator, file, labels, issue, botComments, body, OPEN, SINGLE, mutations } from './harness.ts';
import { cal, runAt, workspaceWith } from './time-helpers.ts';
import { labelSpec } from '../../src/core/labels.ts';

/** Abuse limits (docs/security.md, "Abuse limits"), end to end: the bundled action against the emulator. */
useEmulator({ now: () => cal.now() });

let ws: { dir: string; remove: () => void } | undefined;
afterEach(() => ws?.remove());
const workspace = (abuse: Record<string, unknown>, blocklist?: string) => {
  ws = workspaceWith({ abuse });
  if (blocklist !== undefined) writeFileSync(join(ws.dir, 'blocklist.yml'), blocklist);
  return ws.dir;
};
const intakeText = (n: number) => botComments(n).find((c) => c.body.includes('<!-- mentorkit:intake:'))?.body ?? '';

describe('abuse limits through the bundled action', () => {
  test('requests per 7 days: closed ones count, the refusal says when, and an edit on that day passes', async () => {
    const dir = workspace({ max_requests_per_week: 2 });
    cal.goTo('2027-01-04');
    const a = await file('wren', { mentor: OPEN });
    await runAt(a.event, { workspace: dir });
    // The mentee withdraws it (a maintainer closes it): it still counts as filed this week.
    await gh.as('program-chair').closeIssue(a.number, 'not_planned');
    cal.goTo('2027-01-06');
    const b = await file('wren', { mentor: SINGLE });
    await runAt(b.event, { workspace: dir });
    expect(labels(b.number)).toContain('status:pending');
    cal.goTo('2027-01-07');
    const c = await file('wren', { mentor: 'andres-villalobos' });
    gh.resetCalls();
    await runAt(c.event, { workspace: dir });
    expect(labels(c.number)).toEqual(['request', 'status:invalid']);
    expect(intakeText(c.number)).toContain(`you filed 2 requests in the last 7 days (#${a.number}, #${b.number}), closed ones included; the program takes at most 2 per 7 days`);
    expect(intakeText(c.number)).toContain('Edit this issue on or after 2027-01-11');
    // One list call for the mentee's recent requests, filtered on GitHub's side.
    expect(gh.calls.filter((x) => x.method === 'GET' && /creator=wren/.test(x.path)).length).toBe(1);

    cal.goTo('2027-01-10');
    await runAt(await gh.as('wren').editIssue(c.number, { body: body({ mentor: 'andres-villalobos', goals: 'Trying again.' }) }), { workspace: dir });
    expect(labels(c.number)).toContain('status:invalid');
    cal.goTo('2027-01-11');
    await runAt(await gh.as('wren').editIssue(c.number, { body: body({ mentor: 'andres-villalobos', goals: 'Trying again, a day later.' }) }), { workspace: dir });
    expect(labels(c.number)).toContain('status:pending');
    // The request that was within the quota stays valid when edited after the third was filed.
    await runAt(await gh.as('wren').editIssue(b.number, { body: body({ mentor: SINGLE, goals: 'New goals.' }) }), { workspace: dir });
    expect(labels(b.number)).toContain('status:pending');
  }, 60_000);

  test('minimum account age: a young account is refused with the day to retry; an old one passes; one users call', async () => {
    cal.goTo('2027-01-04');
    await restartEmulator({ now: () => cal.now(), users: [{ login: 'old-hand', createdAt: '2019-05-01T10:00:00Z' }, { login: 'fresh-face', createdAt: '2026-12-30T08:00:00Z' }] });
    const dir = workspace({ min_account_age_days: 30 });
    const young = await file('fresh-face');
    gh.resetCalls();
    await runAt(young.event, { workspace: dir });
    expect(gh.calls.filter((c) => c.method === 'GET' && /\/users\/fresh-face$/.test(c.path)).length).toBe(1);
    expect(labels(young.number)).toEqual(['request', 'status:invalid']);
    expect(intakeText(young.number)).toContain('**Your account**: your GitHub account is 5 days old; this program accepts requests from accounts at least 30 days old');
    expect(intakeText(young.number)).toContain('on or after 2027-01-29');

    const old = await file('old-hand');
    await runAt(old.event, { workspace: dir });
    expect(labels(old.number)).toContain('status:pending');
    // Pending already: an edit reads neither the account nor the recent requests again.
    gh.resetCalls();
    await runAt(await gh.as('old-hand').editIssue(old.number, { body: body({ goals: 'Sharper goals.' }) }), { workspace: dir });
    expect(gh.calls.some((c) => /\/users\/|creator=/.test(c.path))).toBe(false);
  }, 60_000);

  test('blocklist: a blocked mentee’s request is closed at once, also when reopened; a blocked mentor is refused', async () => {
    const dir = workspace({}, `- login: Spam-Bot-9\n  reason: "mass requests"\n  since: 2027-01-01\n  by: program-chair\n- login: ${SINGLE}\n  reason: "paused by the moderators"\n`);
    const spam = await file('spam-bot-9');
    gh.resetCalls();
    await runAt(spam.event, { workspace: dir });
    expect(issue(spam.number).state).toBe('closed');
    expect(issue(spam.number).state_reason).toBe('not_planned');
    expect(labels(spam.number)).toEqual(['request', 'status:invalid']);
    expect(intakeText(spam.number)).toContain('this program’s moderators have paused requests from your account');
    expect(intakeText(spam.number)).not.toContain('mass requests');
    // No read is spent on a blocked mentee: the open list, the thread, then the writes.
    expect(gh.calls.some((c) => /\/users\/|creator=/.test(c.path))).toBe(false);

    await runAt(await gh.as('spam-bot-9').reopenIssue(spam.number), { workspace: dir });
    expect(issue(spam.number).state).toBe('closed');
    expect(botComments(spam.number)).toHaveLength(1);

    const toBlocked = await file('nora', { mentor: SINGLE });
    await runAt(toBlocked.event, { workspace: dir });
    expect(labels(toBlocked.number)).toEqual(['request', 'status:invalid']);
    expect(intakeText(toBlocked.number)).toContain(`@${SINGLE} is not taking requests in this program right now`);
  }, 60_000);

  test('a broken blocklist entry is named in the run’s log and skipped; the others still apply', async () => {
    const dir = workspace({}, '- login: not a login\n- login: spam-bot-9\n');
    const spam = await file('spam-bot-9');
    const r = await runAt(spam.event, { workspace: dir });
    expect(r.stdout).toContain('::warning::blocklist.yml: entry 1: login is not a GitHub login');
    expect(issue(spam.number).state).toBe('closed');
  });

  test('field length and mentions: each problem names the field; fixing them makes the request pending', async () => {
    const { event, number } = await file('lena', { goals: `Work with @stranger-danger on ${'x'.repeat(2000)}`, about: 'cc @amara-okafor' });
    await runAt(event);
    const text = intakeText(number);
    expect(labels(number)).toEqual(['request', 'status:invalid']);
    expect(text).toMatch(/\*\*Your goals\*\*: is 2,0\d\d characters long; the program allows 2,000\./);
    expect(text).toContain('**Your goals**: mentions @stranger-danger. A request may mention only the mentors it names');
    expect(text).not.toContain('@amara-okafor.'); // the named mentor may be mentioned
    await runAt(await gh.as('lena').editIssue(number, { body: body({ goals: 'Work with stranger-danger on a paper.', about: 'cc @amara-okafor' }) }));
    expect(labels(number)).toContain('status:pending');
  }, 60_000);

  test('cost: a new request with every limit on costs at most 7 calls, 6 with the default limits', async () => {
    await restartEmulator({ now: () => cal.now(), labels: [labelSpec('request')], users: [{ login: 'cost-check', createdAt: '2020-01-01T00:00:00Z' }] });
    const warm = await file('warm-up');
    await runAt(warm.event); // labels exist now, as in a running program
    const dir = workspace({ min_account_age_days: 30 });
    const a = await file('cost-check', { mentor: SINGLE });
    gh.resetCalls();
    await runAt(a.event, { workspace: dir });
    expect(labels(a.number)).toContain('status:pending');
    expect(gh.calls.length).toBeLessThanOrEqual(7);
    const b = await file('other-one', { mentor: 'andres-villalobos' });
    gh.resetCalls();
    await runAt(b.event);
    expect(labels(b.number)).toContain('status:pending');
    expect(gh.calls.length).toBeLessThanOrEqual(6);
    expect(mutations().length).toBeGreaterThan(0);
  }, 60_000);
});
