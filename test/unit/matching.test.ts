import { describe, expect, test } from 'vitest';
import { assign, blockingPairs, buildProblem, solveGreedy, solveOptimal, type AssignInput } from '../../src/core/matching/assign.ts';
import { makeScorer, menteeSchema, timezoneGapHours, utcOffsetMinutes, type Mentee, type MentorSlots } from '../../src/core/matching/score.ts';
import type { Profile } from '../../src/core/profile.ts';
import { programSchema, type Program, type ProgramInput } from '../../src/core/program.ts';
import { Rng } from '../../src/testing/random.ts';
import { benchProgram, generateCohort } from '../../scripts/bench/matching.ts';

const AT = new Date('2026-07-01T12:00:00Z');
const WINTER = new Date('2026-01-15T12:00:00Z');

function program(matching: ProgramInput['matching'] = {}, capacity = 3): Program {
  return programSchema.parse({
    name: 'Test',
    repository: 'o/r',
    maintainers: ['chair'],
    limits: { max_mentor_capacity: capacity },
    taxonomy: {
      topics: [
        { id: 'data-science', label: 'Data science', synonyms: ['statistics', 'analytics'] },
        { id: 'open-source', label: 'Open source', synonyms: ['oss'] },
        { id: 'hpc', label: 'HPC' },
        { id: 'teaching', label: 'Teaching' },
      ],
    },
    matching,
  });
}

/** Only topic overlap counts: scores are easy to work out by hand. */
const topicsOnly = (extra: ProgramInput['matching'] = {}) =>
  program({ weights: { topics: 1, language: 0, timezone: 0, stage: 0, format: 0, kind: 0, slots: 0 }, ...extra });

function mentor(login: string, free: number, p: Partial<Profile> = {}): MentorSlots {
  return {
    free,
    profile: {
      name: login,
      github: login,
      headline: 'h',
      location: { country: 'DE', timezone: 'Europe/Berlin' },
      languages: ['en'],
      topics: ['data-science'],
      stages: ['phd'],
      formats: ['video'],
      kinds: ['one-on-one'],
      availability: { status: 'open', capacity: 3 },
      terms: [6],
      last_confirmed: '2026-01-01',
      ...p,
    },
  };
}

function mentee(login: string, p: Partial<Mentee> = {}): Mentee {
  return menteeSchema.parse({ login, languages: ['en'], topics: ['data-science'], ...p });
}

const run = (input: Omit<AssignInput, 'at'>) => assign({ at: AT, ...input });

describe('score', () => {
  test('topics through synonyms, with a breakdown entry per component and reasons', () => {
    const s = makeScorer(program(), AT);
    const e = s.prepareMentee(mentee('ann', { topics: ['statistics', 'OSS', 'hpc', 'knitting'], timezone: 'America/New_York', stage: 'phd', formats: ['video', 'chat'], kinds: ['one-on-one'] }));
    expect(e.topics).toEqual(['data-science', 'open-source', 'hpc']);
    expect(e.unknownTopics).toEqual(['knitting']);
    const r = s.prepareMentor(mentor('max', 1, { topics: ['open-source', 'data-science'] }));
    const score = s.score(e, r);
    expect(score.breakdown.map((b) => b.component)).toEqual(['topics', 'language', 'timezone', 'stage', 'format', 'kind', 'slots']);
    const part = Object.fromEntries(score.breakdown.map((b) => [b.component, b]));
    expect(part.topics).toMatchObject({ raw: 0.6667, weight: 5, contribution: 3.3333, reason: '2 shared topics of 3: data-science, open-source' });
    expect(part.language).toMatchObject({ raw: 1, weight: 0, contribution: 0, reason: 'shared language: en (a requirement, not scored)' });
    // New York (UTC−4) and Berlin (UTC+2) in July: 6 hours.
    expect(part.timezone).toMatchObject({ raw: 0.5, weight: 2, contribution: 1, reason: '6 hours apart' });
    // London (UTC+1) and Berlin (UTC+2) in July: one hour, said so.
    const london = s.score(s.prepareMentee(mentee('amy', { timezone: 'Europe/London' })), r);
    expect(london.breakdown.find((b) => b.component === 'timezone')!.reason).toBe('1 hour apart');
    expect(part.stage).toMatchObject({ raw: 1, contribution: 2, reason: 'mentors phd' });
    expect(part.format).toMatchObject({ raw: 0.5, contribution: 0.5, reason: 'formats: video' });
    expect(part.kind).toMatchObject({ raw: 1, contribution: 1 });
    expect(part.slots).toMatchObject({ raw: 0.3333, weight: 0.5, reason: '1 of 3 slots free' });
    expect(score.total).toBeCloseTo(3.3333 + 1 + 2 + 0.5 + 1 + 0.5 / 3, 3);
    expect(s.total(e, r)).toBeCloseTo(score.total, 3);
  });

  test('UTC offsets come from Intl at the reference instant, and the gap goes around the clock', () => {
    expect(utcOffsetMinutes('Europe/London', AT)).toBe(60);
    expect(utcOffsetMinutes('Europe/London', WINTER)).toBe(0);
    expect(utcOffsetMinutes('Asia/Kolkata', AT)).toBe(330);
    expect(utcOffsetMinutes('UTC', AT)).toBe(0);
    expect(utcOffsetMinutes('Not/AZone', AT)).toBeUndefined();
    // Kiritimati is UTC+14, Honolulu UTC−10: the same clock time.
    expect(timezoneGapHours(utcOffsetMinutes('Pacific/Kiritimati', AT)!, utcOffsetMinutes('Pacific/Honolulu', AT)!)).toBe(0);
    expect(timezoneGapHours(330, -240)).toBe(9.5);
    expect(timezoneGapHours(600, -600)).toBe(4);
  });

  test('a shared language is a weighted component when it is not required; pt-BR shares pt', () => {
    const s = makeScorer(program({ require_shared_language: false, weights: { language: 3 } }), AT);
    const r = s.prepareMentor(mentor('max', 1, { languages: ['pt'] }));
    const withPt = s.score(s.prepareMentee(mentee('ann', { languages: ['pt-BR'] })), r);
    const withoutPt = s.score(s.prepareMentee(mentee('bob', { languages: ['de'] })), r);
    expect(withPt.breakdown[1]).toMatchObject({ raw: 1, weight: 3, contribution: 3, reason: 'shared language: pt' });
    expect(withoutPt.breakdown[1]).toMatchObject({ raw: 0, contribution: 0, reason: 'no shared language' });
    expect(s.violations(s.prepareMentee(mentee('bob', { languages: ['de'] })), r)).toEqual([]);
  });

  test('the mentee schema rejects a bad login and an unknown time zone', () => {
    expect(menteeSchema.safeParse({ login: '-x', languages: ['en'] }).success).toBe(false);
    expect(menteeSchema.safeParse({ login: 'x', languages: ['en'], timezone: 'Mars/Olympus' }).success).toBe(false);
    expect(menteeSchema.parse({ login: 'x', languages: ['en'] })).toMatchObject({ topics: [], formats: [], kinds: [] });
  });
});

describe('assignment: cases known by hand', () => {
  test('greedy takes the best pair first and loses; the optimal method finds the better total', () => {
    // ann: X 1, Y 0.5; bob: X 1, Y 0. Greedy: ann–X, bob–Y = 1. Optimal: ann–Y, bob–X = 1.5.
    const input = {
      program: topicsOnly(),
      mentees: [mentee('ann', { topics: ['data-science', 'hpc'] }), mentee('bob', { topics: ['data-science'] })],
      mentors: [mentor('xena', 1, { topics: ['data-science', 'hpc'] }), mentor('yuri', 1, { topics: ['hpc'] })],
    };
    const greedy = run({ ...input, method: 'greedy' });
    expect(greedy.pairs.map((p) => [p.mentee, p.mentor])).toEqual([['ann', 'xena'], ['bob', 'yuri']]);
    expect(greedy.summary.total).toBe(1);
    const optimal = run(input);
    expect(optimal.pairs.map((p) => [p.mentee, p.mentor])).toEqual([['ann', 'yuri'], ['bob', 'xena']]);
    expect(optimal.summary).toMatchObject({ total: 1.5, greedyTotal: 1, ratioToGreedy: 1.5, pairs: 2 });
    expect(optimal.pairs[0]!.score.breakdown[0]!.reason).toBe('1 shared topic of 2: hpc');
  });

  test('mentor capacity: two slots take two mentees, the third is unmatched for capacity', () => {
    const r = run({
      program: topicsOnly(),
      mentees: [mentee('ann'), mentee('bob'), mentee('cat')],
      mentors: [mentor('max', 2)],
    });
    expect(r.pairs.map((p) => p.mentee)).toHaveLength(2);
    expect(r.unmatched).toHaveLength(1);
    expect(r.unmatched[0]!.reason).toMatchObject({ kind: 'capacity', eligible: 1 });
    expect(r.summary).toMatchObject({ slots: 2, pairs: 2, blockingPairs: 0 });
  });

  test('every hard constraint keeps a pair apart and is named in the reason', () => {
    const p = topicsOnly({ max_timezone_gap_hours: 3, different: ['affiliation'] });
    const r = run({
      program: p,
      mentees: [
        mentee('lang', { languages: ['fr'] }),
        mentee('far', { timezone: 'Asia/Tokyo' }),
        mentee('same', { affiliation: ' ATLAS ' }),
        mentee('max'),
      ],
      mentors: [mentor('max', 3, { affiliation: 'atlas' }), mentor('full', 0)],
    });
    expect(r.pairs).toEqual([]);
    const why = Object.fromEntries(r.unmatched.map((u) => [u.mentee, u.reason]));
    expect(why.lang).toMatchObject({ kind: 'constraints', failed: { language: 2, 'no-free-slot': 1 } });
    expect(why.lang!.message).toBe('no mentor passes the hard constraints: language (2 mentors), no-free-slot (1 mentor)');
    expect(why.far).toMatchObject({ failed: { timezone: 2 } });
    expect(why.same).toMatchObject({ failed: { 'different:affiliation': 1 } });
    expect(why.max).toMatchObject({ failed: { self: 1 } });
  });

  test('constraints switched off: the same people are matched', () => {
    const r = run({
      program: topicsOnly({ require_shared_language: false }),
      mentees: [mentee('lang', { languages: ['fr'] }), mentee('far', { timezone: 'Asia/Tokyo' }), mentee('same', { affiliation: 'ATLAS' })],
      mentors: [mentor('max', 3, { affiliation: 'atlas' })],
    });
    expect(r.pairs).toHaveLength(3);
  });

  test('a time zone gap exactly at the limit passes; an unknown zone passes', () => {
    const r = run({
      program: topicsOnly({ max_timezone_gap_hours: 6 }),
      mentees: [mentee('ny', { timezone: 'America/New_York' }), mentee('nowhere')],
      mentors: [mentor('max', 2, { location: { country: 'DE', timezone: 'Europe/Berlin' } })],
    });
    expect(r.pairs).toHaveLength(2);
  });

  test('max_pairs: higher priority first, then score, for every method', () => {
    const mentees = [
      mentee('ann', { topics: ['data-science'], priority: 0 }), // the best score, the lowest priority
      mentee('bob', { topics: ['data-science', 'hpc'], priority: 2 }),
      mentee('cat', { topics: ['teaching', 'hpc'], priority: 1 }),
      mentee('dan', { topics: ['teaching', 'open-source'], priority: 1 }),
    ];
    const mentors = [mentor('max', 1, { topics: ['data-science'] }), mentor('mia', 1, { topics: ['teaching'] }), mentor('moe', 1, { topics: ['hpc'] })];
    for (const method of ['optimal', 'greedy', 'stable'] as const) {
      const r = run({ program: topicsOnly({ max_pairs: 2 }), mentees, mentors, method });
      expect(r.pairs.map((p) => p.mentee), method).toEqual(['bob', 'cat']);
      expect(r.unmatched.map((u) => [u.mentee, u.reason.kind]), method).toEqual([['ann', 'max-pairs'], ['dan', 'max-pairs']]);
    }
    // Without the limit, everyone who can be matched is.
    expect(run({ program: topicsOnly(), mentees, mentors }).summary.pairs).toBe(3);
  });

  test('max_pairs counts pairs, not mentees: more pairs than allowed are never made', () => {
    const r = run({ program: topicsOnly({ max_pairs: 1 }), mentees: [mentee('ann'), mentee('bob')], mentors: [mentor('max', 2)] });
    expect(r.summary.pairs).toBe(1);
  });

  test('a pair with nothing in common is still better than none', () => {
    const r = run({ program: topicsOnly(), mentees: [mentee('ann', { topics: ['teaching'] })], mentors: [mentor('max', 1)] });
    expect(r.pairs).toHaveLength(1);
    expect(r.summary.total).toBe(0);
  });

  test('duplicate mentee logins are refused', () => {
    expect(() => run({ program: topicsOnly(), mentees: [mentee('ann'), mentee('ANN')], mentors: [] })).toThrow(/listed twice/);
  });

  test('stable: mentee-proposing deferred acceptance, and blocking pairs of the optimal result', () => {
    // ann: X 1, Y 0.5; bob: X 1, Y 0 (as above). The optimum ann–Y, bob–X is stable only if X prefers bob:
    // X scores ann and bob the same, so no one blocks. Make X like ann more: then ann–X blocks the optimum.
    const input = {
      program: topicsOnly(),
      mentees: [mentee('ann', { topics: ['data-science'] }), mentee('bob', { topics: ['data-science', 'teaching'] })],
      mentors: [mentor('xena', 1, { topics: ['data-science'] }), mentor('yuri', 1, { topics: ['teaching'] })],
    };
    // scores: ann–X 1, ann–Y 0; bob–X 0.5, bob–Y 0.5. Optimal: ann–X 1 + bob–Y 0.5 = 1.5, also stable.
    const stable = run({ ...input, method: 'stable' });
    expect(stable.pairs.map((p) => [p.mentee, p.mentor])).toEqual([['ann', 'xena'], ['bob', 'yuri']]);
    expect(stable.summary.blockingPairs).toBe(0);
    const swapped = { pairs: [{ mentee: 'ann', mentor: 'yuri' }, { mentee: 'bob', mentor: 'xena' }], unmatched: [] } as never;
    expect(blockingPairs(swapped, { ...input, at: AT })).toEqual([{ mentee: 'ann', mentor: 'xena' }]);
  });
});

describe('determinism', () => {
  const p = benchProgram();
  const cohort = generateCohort(p, 'determinism', 60, 20);

  test('the same input gives the same output, whatever the input order', () => {
    const a = assign({ program: p, ...cohort, at: AT });
    const b = assign({ program: p, mentees: [...cohort.mentees].reverse(), mentors: [...cohort.mentors].reverse(), at: AT });
    expect(b).toEqual(a);
  });

  test('a seed changes only how ties break, never the optimal total; the same seed repeats the result', () => {
    const seeded = { ...p, matching: { ...p.matching, seed: 'committee-2026' } };
    const a = assign({ program: seeded, ...cohort, at: AT });
    expect(assign({ program: seeded, mentees: [...cohort.mentees].reverse(), mentors: cohort.mentors, at: AT })).toEqual(a);
    expect(a.summary.total).toBe(assign({ program: p, ...cohort, at: AT }).summary.total);
    for (const method of ['greedy', 'stable'] as const) {
      expect(assign({ program: seeded, ...cohort, at: AT, method })).toEqual(assign({ program: seeded, ...cohort, at: AT, method }));
    }
  });
});

/** The best total by trying every assignment; with max_pairs, the best (counts per priority level, highest first, then total). */
function bruteForce(input: AssignInput): number[] {
  const prob = buildProblem(input);
  const free = prob.mentors.map((r) => r.free);
  const levels = Math.max(1, ...prob.level);
  let best: number[] | undefined;
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
    return false;
  };
  const walk = (i: number, key: number[], pairs: number) => {
    if (i === prob.mentees.length) {
      if (!best || better(key, best)) best = [...key];
      return;
    }
    walk(i + 1, key, pairs);
    if (prob.maxPairs !== undefined && pairs >= prob.maxPairs) return;
    const o = prob.options[i]!;
    for (let k = 0; k < o.mentor.length; k++) {
      const j = o.mentor[k]!;
      if (free[j]! <= 0) continue;
      free[j]!--;
      const next = [...key];
      if (prob.maxPairs !== undefined) next[levels - prob.level[i]!]!++;
      next[next.length - 1]! += o.score[k]!;
      walk(i + 1, next, pairs + 1);
      free[j]!++;
    }
  };
  walk(0, prob.maxPairs === undefined ? [0] : [...Array(levels).fill(0), 0], 0);
  return best!;
}

function randomInput(seed: number, maxPairs?: number): AssignInput {
  const rng = new Rng(seed);
  const base = benchProgram();
  const prog = {
    ...base,
    matching: {
      ...base.matching,
      max_pairs: maxPairs,
      max_timezone_gap_hours: rng.chance(0.5) ? 6 : undefined,
      require_shared_language: rng.chance(0.7),
    },
  };
  const cohort = generateCohort(prog, `tiny-${seed}`, rng.int(1, 6), rng.int(1, 4), [0, 2]);
  return { program: prog, ...cohort, at: AT };
}

describe('properties on random inputs (seeded)', () => {
  test('optimal equals a brute-force optimum on tiny instances, and is never below greedy', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const input = randomInput(seed);
      const r = assign(input);
      expect(Math.round(r.summary.total * 1000), `seed ${seed}`).toBe(bruteForce(input).at(-1));
      expect(r.summary.total).toBeGreaterThanOrEqual(r.summary.greedyTotal);
    }
  });

  test('with max_pairs, optimal equals brute force by priority counts, then total', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const input = randomInput(seed, 1 + (seed % 3));
      const prob = buildProblem(input);
      const sol = solveOptimal(prob, 1); // top-1 pruning forces the dual check to add arcs back
      const levels = Math.max(1, ...prob.level);
      const key = [...Array(levels).fill(0), 0];
      sol.forEach((j, i) => {
        if (j < 0) return;
        key[levels - prob.level[i]!]!++;
        key[levels]! += prob.options[i]!.score[prob.options[i]!.mentor.indexOf(j)]!;
      });
      expect(key, `seed ${seed}`).toEqual(bruteForce(input));
    }
  });

  test('pruning to the top mentor per mentee still finds the optimum (the dual check adds arcs back)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const prob = buildProblem(randomInput(seed));
      const total = (s: Int32Array) => [...s].reduce((t, j, i) => (j < 0 ? t : t + prob.options[i]!.score[prob.options[i]!.mentor.indexOf(j)]!), 0);
      expect(total(solveOptimal(prob, 1)), `seed ${seed}`).toBe(total(solveOptimal(prob, 1000)));
      expect(total(solveOptimal(prob, 1))).toBeGreaterThanOrEqual(total(solveGreedy(prob)));
    }
  });

  test('optimal ≥ greedy, and stable has no blocking pairs, on larger random cohorts', () => {
    const p = benchProgram();
    for (let seed = 1; seed <= 12; seed++) {
      const cohort = generateCohort(p, `medium-${seed}`, 150, 40);
      const optimal = assign({ program: p, ...cohort, at: AT });
      expect(optimal.summary.total).toBeGreaterThanOrEqual(optimal.summary.greedyTotal);
      const stable = assign({ program: p, ...cohort, at: AT, method: 'stable' });
      expect(stable.summary.blockingPairs, `seed ${seed}`).toBe(0);
      expect(blockingPairs(stable, { program: p, ...cohort, at: AT })).toEqual([]);
      expect(blockingPairs(optimal, { program: p, ...cohort, at: AT })).toHaveLength(optimal.summary.blockingPairs);
      // Every mentee is paired or has a reason; no mentor is over capacity.
      expect(optimal.pairs.length + optimal.unmatched.length).toBe(150);
      const load = new Map<string, number>();
      for (const pair of optimal.pairs) load.set(pair.mentor, (load.get(pair.mentor) ?? 0) + 1);
      for (const m of cohort.mentors) expect(load.get(m.profile.github) ?? 0).toBeLessThanOrEqual(m.free);
    }
  });
});
