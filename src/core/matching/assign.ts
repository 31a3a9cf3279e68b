import type { Program } from '../program.ts';
import { MinCostFlow } from './flow.ts';
import { tieOrder } from './order.ts';
import {
  makeScorer,
  round,
  type Constraint,
  type Matching,
  type Mentee,
  type MentorSlots,
  type PreparedMentee,
  type PreparedMentor,
  type Score,
} from './score.ts';

/**
 * Cohort assignment: which mentee goes to which mentor. Three methods over the same pair scores (score.ts):
 *
 * - `optimal`: the assignment with the largest total score, by min-cost flow (source → mentees → mentors → sink,
 *   a mentor's arc capacity = its free slots, cost = −score in thousandths). Among assignments with the same
 *   total it makes the most pairs. With `max_pairs` the objective becomes: as many pairs as allowed, the
 *   higher priorities first, then the total score.
 * - `greedy`: the baseline: pairs by score, highest first (with `max_pairs`: by priority, then score).
 * - `stable`: mentee-proposing deferred acceptance with capacities; mentees rank mentors by score, mentors rank
 *   mentees by score (then priority). No pair would both rather have each other: no blocking pair.
 *
 * Hard constraints (a pair failing any is never matched): not oneself, a shared language when required, the
 * time-zone gap, the `different` fields, and a mentor with a free slot.
 */

export type Method = 'optimal' | 'greedy' | 'stable';

export interface AssignInput {
  program: Program;
  mentees: readonly Mentee[];
  mentors: readonly MentorSlots[];
  /** The instant time-zone offsets are taken at (e.g. the cohort's start). */
  at: Date;
  method?: Method;
  /** Overrides program.matching (e.g. from command-line flags). */
  matching?: Matching;
}

export interface Pair {
  mentee: string;
  mentor: string;
  score: Score;
}

export type UnmatchedReason =
  | { kind: 'constraints'; failed: Partial<Record<Constraint, number>>; message: string }
  | { kind: 'capacity'; eligible: number; message: string }
  | { kind: 'max-pairs'; eligible: number; message: string };

export interface Unmatched {
  mentee: string;
  reason: UnmatchedReason;
}

export interface BlockingPair {
  mentee: string;
  mentor: string;
}

export interface AssignResult {
  method: Method;
  pairs: Pair[];
  unmatched: Unmatched[];
  summary: {
    mentees: number;
    mentors: number;
    slots: number;
    pairs: number;
    total: number;
    greedyTotal: number;
    /** total / greedyTotal; 1 when both are 0. */
    ratioToGreedy: number;
    blockingPairs: number;
  };
}

/** Scores are compared in thousandths, so the optimum is exact and float noise cannot change a result. */
export const SCALE = 1000;

/** The scored, constraint-checked pairs of one input, with mentees and mentors in tie-breaking order. */
export interface Problem {
  mentees: PreparedMentee[];
  mentors: PreparedMentor[];
  /** Feasible mentors of mentee i (indices into `mentors`), best first, and their scores in thousandths. */
  options: { mentor: Int32Array; score: Int32Array }[];
  /** Per mentee: how many mentors fail each constraint (only filled when it has no feasible mentor). */
  failed: Partial<Record<Constraint, number>>[];
  maxPairs: number | undefined;
  /** Priority level of each mentee: 1 for the lowest priority present. */
  level: Int32Array;
  scoreOf(i: number, j: number): Score;
}

export function buildProblem(input: AssignInput): Problem {
  const matching = input.matching ?? input.program.matching;
  const scorer = makeScorer(input.program, input.at, matching);
  const seen = new Set<string>();
  for (const m of input.mentees) {
    if (seen.has(m.login.toLowerCase())) throw new Error(`mentee ${m.login} is listed twice`);
    seen.add(m.login.toLowerCase());
  }
  const mentees = tieOrder(input.mentees.map(scorer.prepareMentee), (m) => m.key, matching.seed, 'mentees');
  const mentors = tieOrder(input.mentors.map(scorer.prepareMentor), (m) => m.key, matching.seed, 'mentors');
  const options: Problem['options'] = [];
  const failed: Problem['failed'] = [];
  for (const e of mentees) {
    const js: number[] = [];
    const ss: number[] = [];
    const fails: Partial<Record<Constraint, number>> = {};
    mentors.forEach((r, j) => {
      const v = scorer.violations(e, r);
      if (v.length === 0) {
        js.push(j);
        ss.push(Math.round(scorer.total(e, r) * SCALE));
      } else for (const c of v) fails[c] = (fails[c] ?? 0) + 1;
    });
    const order = js.map((_, k) => k).sort((a, b) => ss[b]! - ss[a]! || js[a]! - js[b]!);
    options.push({ mentor: Int32Array.from(order, (k) => js[k]!), score: Int32Array.from(order, (k) => ss[k]!) });
    failed.push(js.length === 0 ? fails : {});
  }
  const priorities = [...new Set(mentees.map((m) => m.priority))].sort((a, b) => a - b);
  const level = Int32Array.from(mentees, (m) => priorities.indexOf(m.priority) + 1);
  return {
    mentees,
    mentors,
    options,
    failed,
    maxPairs: matching.max_pairs,
    level,
    scoreOf: (i, j) => scorer.score(mentees[i]!, mentors[j]!),
  };
}

/** A solution as mentee → mentor index (−1 unmatched). */
type Solution = Int32Array;

export function assign(input: AssignInput): AssignResult {
  const method = input.method ?? 'optimal';
  const problem = buildProblem(input);
  const greedy = solveGreedy(problem);
  const chosen = method === 'greedy' ? greedy : method === 'stable' ? solveStable(problem) : solveOptimal(problem);
  return report(problem, method, chosen, greedy);
}

function scoreAt(p: Problem, i: number, j: number): number {
  const o = p.options[i]!;
  for (let k = 0; k < o.mentor.length; k++) if (o.mentor[k] === j) return o.score[k]!;
  throw new Error('not a feasible pair');
}

function totalOf(p: Problem, s: Solution): number {
  let t = 0;
  for (let i = 0; i < s.length; i++) if (s[i]! >= 0) t += scoreAt(p, i, s[i]!);
  return t;
}

// ---------------------------------------------------------------- optimal

/**
 * Arc values. Without max_pairs: score × (n + 1) + 1, so the total score decides and the number of pairs only
 * breaks ties. With max_pairs = k: level × D + score, D = k × max score + 1, so (by the matroid exchange
 * property of the sets of mentees that can be matched together) the chosen mentees are the best possible by
 * priority, and among those the score decides.
 */
function arcValues(p: Problem): { value: (i: number, k: number) => number; limit: number } {
  const n = p.mentees.length;
  let maxScore = 0;
  for (const o of p.options) for (const s of o.score) maxScore = Math.max(maxScore, s);
  if (p.maxPairs === undefined) {
    check(n * (maxScore * (n + 1) + 1) * 4);
    return { value: (i, k) => p.options[i]!.score[k]! * (n + 1) + 1, limit: Infinity };
  }
  const k = p.maxPairs;
  const D = Math.min(k, n) * maxScore + 1;
  const levels = Math.max(1, ...p.level);
  check(n * (levels * D + maxScore) * 4);
  return { value: (i, x) => p.level[i]! * D + p.options[i]!.score[x]!, limit: k };
}

function check(bound: number) {
  if (!(bound < Number.MAX_SAFE_INTEGER)) {
    throw new Error('matching: scores too large for exact integer arithmetic; lower the weights or use fewer priority levels');
  }
}

/** Mentors kept per mentee before the dual check; more are added where the check finds they could help. */
export const INITIAL_TOP_K = 12;

/** What the optimal solver did, for the bench and the docs. */
export interface OptimalStats {
  rounds: number;
  arcs: number;
  addedByDualCheck: number;
}

export function solveOptimal(p: Problem, topK = INITIAL_TOP_K, stats?: OptimalStats): Solution {
  const n = p.mentees.length;
  const m = p.mentors.length;
  const { value, limit } = arcValues(p);
  // Mentee i keeps its first kept[i] options (best first) plus any extra ones the dual check asked for.
  const kept = p.options.map((o) => Math.min(topK, o.mentor.length));
  const extra: number[][] = p.options.map(() => []);
  for (let pass = 1; ; pass++) {
    const T = n + m + 2, P = n + m + 1;
    const g = new MinCostFlow(n + m + 3);
    const arcs: { i: number; k: number; id: number }[] = [];
    const h0 = new Float64Array(n + m + 3);
    for (let i = 0; i < n; i++) {
      g.addEdge(1 + i, T, 1, 0);
      const ks = [...Array(kept[i]).keys(), ...extra[i]!];
      for (const k of ks) {
        const j = p.options[i]!.mentor[k]!;
        const c = -value(i, k);
        arcs.push({ i, k, id: g.addEdge(1 + i, 1 + n + j, 1, c) });
        h0[1 + n + j] = Math.min(h0[1 + n + j]!, c);
      }
    }
    let slots = 0;
    let hp = 0;
    for (let j = 0; j < m; j++) {
      g.addEdge(1 + n + j, P, p.mentors[j]!.free, 0);
      slots += p.mentors[j]!.free;
      hp = Math.min(hp, h0[1 + n + j]!);
    }
    g.addEdge(P, T, Math.min(slots, limit === Infinity ? slots : limit), 0);
    h0[P] = hp;
    h0[T] = Math.min(hp, 0);
    // Hungarian order: one unit of supply per mentee, each routed by a shortest path from that mentee (the arc
    // to T is "unmatched", so every mentee is routed). Each step keeps the flow optimal for the mentees so far.
    g.setPotentials(h0);
    for (let i = 0; i < n; i++) g.augment(1 + i, T, 1);
    // Dual check: an arc left out with a negative reduced cost could improve the flow; add those and solve again.
    const h = g.potential;
    let added = 0;
    for (let i = 0; i < n; i++) {
      const o = p.options[i]!;
      const inGraph = new Set(extra[i]);
      for (let k = kept[i]!; k < o.mentor.length; k++) {
        if (inGraph.has(k)) continue;
        const rc = -value(i, k) + h[1 + i]! - h[1 + n + o.mentor[k]!]!;
        if (rc < 0) {
          extra[i]!.push(k);
          added++;
        }
      }
    }
    if (stats) {
      stats.rounds = pass;
      stats.arcs = arcs.length;
      stats.addedByDualCheck += added;
    }
    if (added === 0) {
      const sol = new Int32Array(n).fill(-1);
      for (const a of arcs) if (g.flow(a.id) > 0) sol[a.i] = p.options[a.i]!.mentor[a.k]!;
      return sol;
    }
  }
}

// ---------------------------------------------------------------- greedy

export function solveGreedy(p: Problem): Solution {
  const n = p.mentees.length;
  const all: { i: number; j: number; s: number }[] = [];
  p.options.forEach((o, i) => o.mentor.forEach((j, k) => all.push({ i, j, s: o.score[k]! })));
  const prioritised = p.maxPairs !== undefined;
  all.sort((a, b) => (prioritised ? p.level[b.i]! - p.level[a.i]! : 0) || b.s - a.s || a.i - b.i || a.j - b.j);
  const free = Int32Array.from(p.mentors, (r) => r.free);
  const sol = new Int32Array(n).fill(-1);
  let pairs = 0;
  const limit = p.maxPairs ?? Infinity;
  for (const { i, j } of all) {
    if (pairs >= limit) break;
    if (sol[i]! >= 0 || free[j]! <= 0) continue;
    sol[i] = j;
    free[j]!--;
    pairs++;
  }
  return sol;
}

// ---------------------------------------------------------------- stable

/**
 * Mentee-proposing deferred acceptance. Mentee i proposes down its list (score, then mentor order); a mentor
 * holds its best `free` proposals (score, then priority, then mentee order) and rejects the rest. With max_pairs,
 * the lowest-ranked pairs (priority, then score) are cut afterwards.
 */
export function solveStable(p: Problem): Solution {
  const n = p.mentees.length;
  const m = p.mentors.length;
  const held: number[][] = Array.from({ length: m }, () => []);
  const nextChoice = new Int32Array(n);
  const sol = new Int32Array(n).fill(-1);
  const worse = (j: number, a: number, b: number) => {
    // true if mentor j ranks mentee a below mentee b
    const sa = scoreAt(p, a, j), sb = scoreAt(p, b, j);
    return sa < sb || (sa === sb && (p.level[a]! < p.level[b]! || (p.level[a] === p.level[b] && a > b)));
  };
  const queue: number[] = [];
  for (let i = n - 1; i >= 0; i--) queue.push(i);
  while (queue.length > 0) {
    const i = queue.pop()!;
    const o = p.options[i]!;
    if (nextChoice[i]! >= o.mentor.length) continue;
    const j = o.mentor[nextChoice[i]!++]!;
    const h = held[j]!;
    h.push(i);
    sol[i] = j;
    if (h.length > p.mentors[j]!.free) {
      let w = 0;
      for (let x = 1; x < h.length; x++) if (worse(j, h[x]!, h[w]!)) w = x;
      const out = h.splice(w, 1)[0]!;
      sol[out] = -1;
      queue.push(out);
    }
  }
  if (p.maxPairs !== undefined) {
    const matched = [...sol.keys()].filter((i) => sol[i]! >= 0);
    matched.sort((a, b) => p.level[b]! - p.level[a]! || scoreAt(p, b, sol[b]!) - scoreAt(p, a, sol[a]!) || a - b);
    for (const i of matched.slice(p.maxPairs)) sol[i] = -1;
  }
  return sol;
}

// ---------------------------------------------------------------- blocking pairs and the report

/**
 * Pairs (mentee, mentor) that pass the hard constraints, are not matched together, and would both rather be:
 * the mentee is unmatched or scores the mentor strictly higher than its own, and the mentor has a slot left or
 * scores the mentee strictly higher than one it has. Mentees cut by max_pairs are left out: the program's
 * limit, not anyone's preference, keeps them apart.
 */
export function blockingPairs(result: Pick<AssignResult, 'pairs' | 'unmatched'>, input: AssignInput): BlockingPair[] {
  const p = buildProblem(input);
  const mentorIndex = new Map(p.mentors.map((r, j) => [r.key, j]));
  const menteeIndex = new Map(p.mentees.map((e, i) => [e.key, i]));
  const sol = new Int32Array(p.mentees.length).fill(-1);
  for (const pair of result.pairs) sol[menteeIndex.get(pair.mentee.toLowerCase())!] = mentorIndex.get(pair.mentor.toLowerCase())!;
  const cut = new Set(result.unmatched.filter((u) => u.reason.kind === 'max-pairs').map((u) => menteeIndex.get(u.mentee.toLowerCase())!));
  return findBlocking(p, sol, cut).map(([i, j]) => ({ mentee: p.mentees[i]!.login, mentor: p.mentors[j]!.login }));
}

function findBlocking(p: Problem, sol: Solution, cut: Set<number>): [number, number][] {
  const m = p.mentors.length;
  const used = new Int32Array(m);
  const worst = new Int32Array(m).fill(2 ** 31 - 1);
  sol.forEach((j, i) => {
    if (j < 0) return;
    used[j]!++;
    worst[j] = Math.min(worst[j]!, scoreAt(p, i, j));
  });
  const out: [number, number][] = [];
  p.options.forEach((o, i) => {
    if (cut.has(i)) return;
    const own = sol[i]! >= 0 ? scoreAt(p, i, sol[i]!) : -1;
    for (let k = 0; k < o.mentor.length; k++) {
      const j = o.mentor[k]!, s = o.score[k]!;
      if (s <= own) break; // options are best first
      if (j === sol[i]) continue;
      if (used[j]! < p.mentors[j]!.free || s > worst[j]!) out.push([i, j]);
    }
  });
  return out;
}

function report(p: Problem, method: Method, sol: Solution, greedy: Solution): AssignResult {
  const n = p.mentees.length;
  const pairs: Pair[] = [];
  const unmatched: Unmatched[] = [];
  let count = 0;
  for (const j of sol) if (j >= 0) count++;
  const full = p.maxPairs !== undefined && count >= p.maxPairs;
  for (let i = 0; i < n; i++) {
    const e = p.mentees[i]!;
    const j = sol[i]!;
    if (j >= 0) {
      pairs.push({ mentee: e.login, mentor: p.mentors[j]!.login, score: p.scoreOf(i, j) });
      continue;
    }
    const eligible = p.options[i]!.mentor.length;
    if (eligible === 0) {
      const failed = p.failed[i]!;
      const list = Object.entries(failed)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([c, k]) => `${c} (${k} mentor${k === 1 ? '' : 's'})`)
        .join(', ');
      unmatched.push({
        mentee: e.login,
        reason: { kind: 'constraints', failed, message: p.mentors.length === 0 ? 'there are no mentors' : `no mentor passes the hard constraints: ${list}` },
      });
    } else if (full) {
      unmatched.push({
        mentee: e.login,
        reason: { kind: 'max-pairs', eligible, message: `cut by max_pairs (${p.maxPairs}): other mentees came first by priority and score` },
      });
    } else {
      unmatched.push({
        mentee: e.login,
        reason: { kind: 'capacity', eligible, message: `every slot of the ${eligible} eligible mentor${eligible === 1 ? '' : 's'} went to others` },
      });
    }
  }
  const byLogin = (a: { mentee: string }, b: { mentee: string }) => (a.mentee.toLowerCase() < b.mentee.toLowerCase() ? -1 : 1);
  pairs.sort(byLogin);
  unmatched.sort(byLogin);
  const total = totalOf(p, sol) / SCALE;
  const greedyTotal = totalOf(p, greedy) / SCALE;
  const cut = new Set<number>();
  if (full) sol.forEach((j, i) => j < 0 && p.options[i]!.mentor.length > 0 && cut.add(i));
  return {
    method,
    pairs,
    unmatched,
    summary: {
      mentees: n,
      mentors: p.mentors.length,
      slots: p.mentors.reduce((s, r) => s + r.free, 0),
      pairs: count,
      total: round(total),
      greedyTotal: round(greedyTotal),
      ratioToGreedy: greedyTotal === 0 ? (total === 0 ? 1 : Infinity) : round(total / greedyTotal),
      blockingPairs: findBlocking(p, sol, cut).length,
    },
  };
}
