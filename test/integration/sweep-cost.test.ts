import { describe, expect, test } from 'vitest';
import { startEmulator, BOT_LOGIN, type Emulator } from '../../src/testing/emulator/index.ts';
import { runAction } from '../../src/testing/run-action.ts';
import { plusDays, withoutClock } from '../../src/core/clock.ts';
import {
  checkNotices,
  loadWorld,
  mixShapes,
  programLabels,
  seedRequests,
  sweepBudget,
  type Replays,
  type Seeded,
  type Shape,
} from '../../scripts/bench/sweep-calls.ts';
import { gh, useEmulator } from './harness.ts';

/**
 * What one daily sweep costs, guarded here as well as in `npm run bench`: seeded repositories of 300 open
 * requests (scripts/bench/sweep-calls.ts replays each request's history through the core and seeds the
 * result), and first a check that a seeded request is what the real bot leaves behind.
 *
 * The budget (docs/performance.md): with nothing due, ⌈N/100⌉ + 2 calls, and a second sweep the same day costs
 * the same. With d requests due, at most ⌈N/100⌉ list pages + 1 page of peer groups (none here) + 1 page of labels + 3 per due
 * request (read its thread, post the one notice, one PATCH for labels, clock and state) + 1 per partnership that
 * closes (its card is edited in place).
 */

const world = loadWorld();
const TODAY = '2027-06-15';
let clock = Date.parse(`${TODAY}T05:23:00Z`);
const [owner, repo] = world.program.repository.split('/') as [string, string];

useEmulator({ now: () => new Date(clock), labels: programLabels(world) });

async function sweep(on: Emulator, day: string) {
  clock = Date.parse(`${day}T05:23:00Z`);
  on.resetCalls();
  const r = await runAction({
    apiUrl: on.url,
    token: on.botToken,
    repository: world.program.repository,
    workspace: world.root,
    event: { name: 'schedule', payload: { schedule: '23 5 * * *' } },
    extraEnv: { MENTORKIT_NOW: new Date(clock).toISOString() },
  });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return on.calls.length;
}

/** An issue as the bot and the people left it; comment ids in keys become the comment's place in the thread. */
function portrait(on: Emulator, n: number) {
  const i = on.state.issues.find((x) => x.number === n)!;
  const place = new Map(i.comments.map((c, k) => [c.id, k]));
  return {
    title: i.title,
    author: i.user.login,
    created: i.created_at,
    body: i.body,
    state: i.state,
    labels: i.labels.map((l) => `${l.name} ${l.color}`).sort(),
    comments: i.comments.map((c) => ({
      by: c.user.login,
      created: c.created_at,
      updated: c.updated_at,
      body: c.body.replace(/\bc(\d+)-/g, (_, id: string) => `c[${place.get(Number(id)) ?? id}]-`),
    })),
  };
}

describe('seeded requests', () => {
  test('are what the real bot leaves behind, and the sweep treats them alike', async () => {
    // Filed on distinct days in this order, so the real issues get the same numbers as the seeded ones.
    const shapes: Shape[] = [
      { kind: 'active', age: 45, months: 6, checkins: [5] }, // one check-in reminder sent, 40 quiet days
      { kind: 'active', age: 40, months: 6, checkins: [10, 30], endGiven: 35 }, // the mentee's /end 5 days ago
      { kind: 'pending', age: 27 }, // reminded on day 7, last notice on day 23
      { kind: 'invalid', age: 26 },
      { kind: 'saved', age: 24, waited: 1 }, // saved, its notice sent yesterday
      { kind: 'pending', age: 3, alternates: 1 },
    ];
    const twin = await startEmulator({ owner, repo, now: () => new Date(clock), labels: programLabels(world) });
    try {
      const replays: Replays = new Map();
      const seeded = seedRequests(twin, world, TODAY, shapes, { replays });
      expect(seeded.map((s) => [s.number, s.status, s.due])).toEqual([
        [1, 'active', undefined],
        [2, 'active', undefined],
        [3, 'pending', undefined],
        [4, 'invalid', undefined],
        [5, 'saved', undefined],
        [6, 'pending', undefined],
      ]);
      const sims = seeded.map((s) => replays.get(s.number)!.sim);

      // The same history, played by the people through the emulator's API and answered by the bundled bot:
      // the filings and commands at the times the replay chose, and a sweep on each day the replay's sweep
      // posted something (on the other days the bot, like the replay, only lists the requests).
      type Step = { at: string; act: () => Promise<{ name: string; payload: unknown } | 'sweep'> };
      const steps: Step[] = [];
      for (const sim of sims) {
        steps.push({ at: sim.createdAt, act: () => gh.as(sim.author).openIssue({ title: 'Mentorship request', body: withoutClock(sim.body), labels: ['request'] }) });
        for (const c of sim.comments) {
          if (c.author !== BOT_LOGIN) steps.push({ at: c.createdAt, act: () => gh.as(c.author).comment(sim.number, c.body) });
          else if (c.createdAt.endsWith('T05:23:00Z')) steps.push({ at: c.createdAt, act: async () => 'sweep' });
        }
      }
      steps.sort((a, b) => a.at.localeCompare(b.at));
      let lastSweep = '';
      for (const s of steps) {
        if (s.at === lastSweep) continue;
        clock = Date.parse(s.at);
        const event = await s.act();
        if (event === 'sweep') {
          lastSweep = s.at;
          await sweep(gh, s.at.slice(0, 10));
          continue;
        }
        const r = await runAction({ apiUrl: gh.url, token: gh.botToken, repository: world.program.repository, workspace: world.root, event, extraEnv: { MENTORKIT_NOW: s.at } });
        expect(r.code, r.stdout + r.stderr).toBe(0);
      }
      for (const s of seeded) expect(portrait(twin, s.number), `#${s.number} (${s.shape.kind})`).toEqual(portrait(gh, s.number));

      // Three days on, the pending request of day 27 expires, in both repositories alike.
      const day = plusDays(TODAY, 3);
      expect(await sweep(twin, day)).toBe(await sweep(gh, day));
      for (const s of seeded) expect(portrait(twin, s.number), `#${s.number} after the sweep`).toEqual(portrait(gh, s.number));
      expect(gh.state.issues.find((i) => i.number === 3)!.labels.map((l) => l.name)).toContain('status:expired');
      expect(gh.state.issues.find((i) => i.number === 2)!.labels.map((l) => l.name)).toContain('ending');
      expect(twin.violations).toEqual([]);
    } finally {
      await twin.close();
    }
  }, 90_000);
});

describe('one daily sweep over 300 open requests', () => {
  const N = 300;
  // Both repositories hold the same 270 requests that are not due; their replays are shared.
  const replays: Replays = new Map();
  const seed = (due: number): Seeded[] => seedRequests(gh, world, TODAY, mixShapes(world.program, N, due, TODAY).map((m) => m.shape), { replays });
  const since = `${TODAY}T05:23:00Z`;

  test(`nothing due: at most ⌈N/100⌉ + 2 calls, and the same again on a second sweep that day`, async () => {
    const seeded = seed(0);
    expect(seeded.filter((s) => s.due)).toEqual([]);
    expect(new Set(seeded.map((s) => s.status))).toEqual(new Set(['pending', 'saved', 'invalid', 'active']));
    const first = await sweep(gh, TODAY);
    expect(first).toBeLessThanOrEqual(sweepBudget(N));
    // Only reads: the lists of requests and peer groups, and one page of the repository's labels (labels-repair.ts).
    expect(gh.countCalls({ method: 'GET', route: '/repos/{owner}/{repo}/issues' }) + gh.countCalls({ method: 'GET', route: '/repos/{owner}/{repo}/labels' })).toBe(first);
    expect(gh.countCalls({ method: 'GET', route: '/repos/{owner}/{repo}/labels' })).toBe(1);
    expect(await sweep(gh, TODAY)).toBe(first);
    expect(checkNotices(gh, seeded, since)).toEqual([]);
  }, 60_000);

  test('10 % due: each due request gets its one notice, at most ⌈N/100⌉ + 2 + 3 per due request + 1 per closing partnership', async () => {
    const seeded = seed(N / 10);
    const due = seeded.filter((s) => s.due);
    expect(due).toHaveLength(N / 10);
    const closing = due.filter((s) => s.due === 'complete' || s.due === 'end').length;
    expect(closing).toBeGreaterThan(0);
    const calls = await sweep(gh, TODAY);
    expect(checkNotices(gh, seeded, since)).toEqual([]);
    // The + 2: the list of open peer groups (an empty page here) and one page of the repository's labels.
    expect(calls).toBeLessThanOrEqual(Math.ceil(N / 100) + 2 + 3 * due.length + closing);

    // Everything due was done: the same day's second sweep finds nothing to do and posts nothing.
    const open = gh.store.issues.filter((i) => i.state === 'open').length;
    expect(await sweep(gh, TODAY)).toBeLessThanOrEqual(sweepBudget(open));
    // Only reads: the lists, and the one page of labels.
    expect(gh.countCalls({ method: 'GET', route: '/repos/{owner}/{repo}/issues' }) + gh.countCalls({ method: 'GET', route: '/repos/{owner}/{repo}/labels' })).toBe(gh.calls.length);
  }, 60_000);
});
