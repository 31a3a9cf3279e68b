import { afterEach, describe, expect, test } from 'vitest';
import type { Emulator, LatencyFn } from '../../src/testing/emulator/index.ts';
import { client, repo, start } from './helpers.ts';

let gh: Emulator;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const LABELS = '/repos/{owner}/{repo}/issues/{issue_number}/labels';
const names = () => gh.state.issues[0]!.labels.map((l) => l.name);

/** A small seeded generator, so a round's delays are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('latency', () => {
  test('a slow request started first finishes after a fast one started second, and changes nothing until it runs', async () => {
    gh = await start();
    await gh.as('mia-mentee').openIssue({ title: 't' });
    gh.resetCalls();
    // set-labels waits 300 ms; everything else goes straight through.
    gh.setLatency(({ method, route }) => (method === 'PUT' && route === LABELS ? 300 : 0));
    const bot = client(gh, gh.botToken);
    const done: string[] = [];
    const slow = bot.rest.issues.setLabels({ ...repo, issue_number: 1, labels: ['b'] }).then(() => done.push('PUT b'));
    const fast = bot.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['a'] }).then(() => done.push('POST a'));
    await fast;
    // Answered while the slow request still waits: the wait comes before its handler, so nothing of it shows yet.
    expect(names()).toEqual(['a']);
    await slow;
    expect(done).toEqual(['POST a', 'PUT b']);
    expect(gh.calls.map((c) => c.method)).toEqual(['POST', 'PUT']);
    // Handled in the order they were sent, the issue would end with a and b.
    expect(names()).toEqual(['b']);
    expect(gh.issueEvents(1).map((e) => `${e.event} ${e.label!.name}`)).toEqual(['labeled a', 'unlabeled a', 'labeled b']);
    expect(gh.calls[1]!.ms).toBeGreaterThanOrEqual(290);
  });

  test('the option is asked once per request, with the method and the route template (null when unrouted)', async () => {
    const seen: Array<{ method: string; route: string | null }> = [];
    gh = await start({
      latency: (call) => {
        seen.push(call);
        return 0;
      },
    });
    const bot = client(gh, gh.botToken);
    await bot.rest.issues.create({ ...repo, title: 't' });
    await bot.rest.issues.listEvents({ ...repo, issue_number: 1 });
    const res = await fetch(`${gh.url}/repos/mentorkit/mentorkit/nonsense`, { headers: { authorization: `token ${gh.botToken}` } });
    expect(res.status).toBe(404);
    expect(seen).toEqual([
      { method: 'POST', route: '/repos/{owner}/{repo}/issues' },
      { method: 'GET', route: '/repos/{owner}/{repo}/issues/{issue_number}/events' },
      { method: 'GET', route: null },
    ]);
    expect(seen).toHaveLength(gh.calls.length);
    // The unknown route is recorded as always; the delay changes nothing about that.
    expect(gh.violations.map((v) => v.kind)).toEqual(['route']);
    gh.violations.length = 0;
  });

  test('unset, nothing is delayed and the function is no longer asked', async () => {
    let asked = 0;
    const tenSeconds: LatencyFn = () => {
      asked++;
      return 10_000;
    };
    gh = await start({ latency: tenSeconds });
    expect(gh.latency).toBe(tenSeconds);
    gh.setLatency(undefined);
    expect(gh.latency).toBeUndefined();
    const bot = client(gh, gh.botToken);
    const t0 = performance.now();
    await bot.rest.issues.create({ ...repo, title: 't' });
    await Promise.all([1, 2, 3].map(() => bot.rest.issues.get({ ...repo, issue_number: 1 })));
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(asked).toBe(0);
    expect(gh.calls.every((c) => c.ms < 2_000)).toBe(true);
    // Set again at runtime, it applies to the next request; 0 (or less) means no delay.
    gh.setLatency(() => (asked++, 0));
    await bot.rest.issues.get({ ...repo, issue_number: 1 });
    expect(asked).toBe(1);
  });

  test('random latencies interleave concurrent bot runs differently each round; each request stays atomic', async () => {
    gh = await start();
    const random = seeded(20250303);
    gh.setLatency(() => Math.floor(random() * 25));
    const orders = new Set<string>();
    const ROUNDS = 6;
    for (let round = 1; round <= ROUNDS; round++) {
      await gh.as('mia-mentee').openIssue({ title: `round ${round}` });
      // Three bot runs at once, each doing its own sequence of requests on the same issue.
      const run = async (p: string) => {
        const bot = client(gh, gh.botToken);
        await bot.rest.issues.addLabels({ ...repo, issue_number: round, labels: [`${p}:a`, `${p}:b`] });
        await bot.rest.issues.removeLabel({ ...repo, issue_number: round, name: `${p}:a` });
        await bot.rest.issues.addLabels({ ...repo, issue_number: round, labels: [`${p}:c`] });
      };
      await Promise.all(['x', 'y', 'z'].map(run));

      const steps = gh.issueEvents(round).map((e) => `${e.event === 'labeled' ? '+' : '-'}${e.label!.name}`);
      orders.add(steps.join(' '));
      for (const p of ['x', 'y', 'z']) {
        // Each run's own requests keep their order, and one request's two labels are never split by another.
        expect(steps.filter((s) => s.slice(1).startsWith(`${p}:`))).toEqual([`+${p}:a`, `+${p}:b`, `-${p}:a`, `+${p}:c`]);
        expect(steps.indexOf(`+${p}:b`)).toBe(steps.indexOf(`+${p}:a`) + 1);
      }
      // Replaying the events in id order gives exactly the labels the issue ended with.
      const replay = new Set<string>();
      for (const e of gh.issueEvents(round)) {
        if (e.event === 'labeled') replay.add(e.label!.name);
        else replay.delete(e.label!.name);
      }
      expect([...replay].sort()).toEqual(gh.state.issues[round - 1]!.labels.map((l) => l.name));
    }
    console.info(`${orders.size} different interleavings in ${ROUNDS} rounds`);
    expect(orders.size).toBeGreaterThan(1);
    // Webhook deliveries of one request are contiguous too: no handler ran in the middle of another.
    const requestIds = gh.events.map((e) => e.requestId);
    for (const id of new Set(requestIds)) {
      const first = requestIds.indexOf(id);
      const last = requestIds.lastIndexOf(id);
      expect(requestIds.slice(first, last + 1).every((x) => x === id)).toBe(true);
    }
  });
});
