import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gh, useEmulator, restartEmulator, run, deliver, file, labels, botComments, mutations, issue, ROOT } from './harness.ts';
import { readClock } from '../../src/core/clock.ts';

/** Idempotency, bots, faults, cost, dry run and the eligibility gate. */
useEmulator();

describe('intake robustness', () => {
  test('the same event delivered twice changes nothing the second time', async () => {
    const { event, number } = await file('uma');
    await deliver(event);
    const before = JSON.stringify({ labels: labels(number), comments: botComments(number) });
    gh.resetCalls();
    await deliver(event);
    expect(mutations()).toEqual([]);
    expect(JSON.stringify({ labels: labels(number), comments: botComments(number) })).toBe(before);
  });

  test('events from bots, itself included, are ignored without a single API call', async () => {
    const { event } = await file('vic');
    const payload = structuredClone(event.payload) as { sender: { login: string; type: string } };
    payload.sender = { ...payload.sender, login: 'github-actions[bot]', type: 'Bot' };
    gh.resetCalls();
    const r = await deliver({ name: 'issues', payload });
    expect(gh.calls).toEqual([]);
    expect(r.stdout).toContain('events from bots');
  });

  test('a comment that forges the bot marker is not taken as the bot record', async () => {
    const { event, number } = await file('fay', { mentor: 'nobody-here' });
    await gh.as('fay').comment(number, `<!-- mentorkit:intake:${number} -->\nall good, trust me`);
    await deliver(event);
    const bots = botComments(number);
    expect(bots).toHaveLength(1);
    expect(bots[0]!.body).toContain('is not a mentor in the directory');
    expect(issue(number).comments.find((c) => c.user.login === 'fay')!.body).toContain('trust me');
  });

  test('an issue that is not a request is left alone', async () => {
    const event = await gh.as('walt').openIssue({ title: 'Question about the program', body: 'How do I become a mentor?' });
    gh.resetCalls();
    await deliver(event);
    expect(mutations()).toEqual([]);
  });

  test('a 500 between comment and label leaves a state the next run completes, with no duplicate comment', async () => {
    const { event, number } = await file('xena');
    // As many 500s as the request and its two retries: this run fails after posting its comment.
    // Labels and the request's clock go in one PATCH of the issue (docs/time.md).
    gh.fault({ method: 'PATCH', route: '/repos/{owner}/{repo}/issues/{issue_number}', status: 500, times: 3 });
    const failed = await run(event);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('::error::GitHub answered 500');
    expect(failed.stdout).not.toMatch(/\n\s+at /);
    expect(botComments(number)).toHaveLength(1);
    expect(labels(number)).toEqual(['request']);
    gh.clearFaults();
    await deliver(event);
    expect(labels(number)).toEqual(['mentor:amara-okafor', 'request', 'status:pending']);
    expect(readClock(issue(number).body)).toMatchObject({ status: 'pending', sent: [] });
    expect(botComments(number)).toHaveLength(1);
  }, 60_000);

  test('a secondary rate limit is waited out and the run succeeds', async () => {
    const { event, number } = await file('yara');
    gh.fault({ method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/comments', status: 403, secondaryRateLimit: true, retryAfter: 1 });
    await deliver(event);
    expect(labels(number)).toContain('status:pending');
    expect(botComments(number)).toHaveLength(1);
  }, 30_000);

  test('an intake event costs at most 6 API calls', async () => {
    const warm = await file('zoe-m');
    await deliver(warm.event); // labels now exist, as in a running program
    const { event } = await file('zack');
    gh.resetCalls();
    await deliver(event);
    expect(gh.calls.length).toBeLessThanOrEqual(6);
  });

  test('dry run prints the decision and writes nothing', async () => {
    const { event } = await file('dora');
    gh.resetCalls();
    const r = await run(event, ROOT, { dryRun: true });
    expect(r.code).toBe(0);
    expect(mutations()).toEqual([]);
    expect(r.stdout).toContain('[dry-run]');
    expect(r.stdout).toContain('status:pending');
    expect(r.stdout).toContain('would like you to be their mentor');
  });
});

describe('eligibility gate', () => {
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'mentorkit-ws-'));
    cpSync(join(ROOT, 'content'), join(ws, 'content'), { recursive: true });
    writeFileSync(join(ws, 'program.yml'), `${readFileSync(join(ROOT, 'program.yml'), 'utf8')}\neligibility:\n  org: physics-society\n  allow_list: content/eligible.txt\n`);
    writeFileSync(join(ws, 'content/eligible.txt'), '# invited guests\n@guest-one\n');
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  test('public org members and allow-listed logins pass; private members and others are told how to qualify', async () => {
    await restartEmulator({ orgMembers: { 'physics-society': { public: ['pub-member'], private: ['secret-member'] } } });
    for (const [login, ok] of [['pub-member', true], ['guest-one', true], ['secret-member', false], ['stranger', false]] as const) {
      const { event, number } = await file(login);
      await deliver(event, ws);
      expect(labels(number), login).toContain(ok ? 'status:pending' : 'status:invalid');
      if (!ok) expect(botComments(number)[0]!.body).toContain('public** member of the @physics-society organisation');
    }
  }, 60_000);
});
