import { topicResolver } from '../profile.ts';
import type { Program } from '../program.ts';
import { tieOrder } from './order.ts';

/**
 * Peer groups (e-Alliances: about 5 people from different institutions).
 *
 * The people are split into round(n / size) groups (at most n / 2, so nobody is alone) whose sizes differ by at most one. The objective, in order:
 * 1. as few pairs in one group from the same institution (affiliation, compared case-insensitively) as possible,
 * 2. then as many shared interests as possible: the number of topics (synonyms resolved) each pair in a group
 *    has in common, summed over the group's pairs.
 * Both are folded into one pair weight: shared topics − P × same institution, with P larger than any change in
 * shared topics one swap can make, so the first goal always wins.
 *
 * Method: greedy placement (people whose institution is most common first, then those with most topics; each goes
 * to the open group where it adds most), then local search: swap two people of different groups whenever that
 * raises the objective, until no swap does (or 200 passes). Deterministic: the order is by login, or drawn from
 * the seed, and the first improving swap in that order is taken. O(passes × n² × size).
 */

export interface GroupMember {
  login: string;
  topics: readonly string[];
  affiliation?: string | undefined;
}

export interface Group {
  members: string[];
  /** Topics at least two members share, most shared first. */
  sharedTopics: { topic: string; members: number }[];
  /** Pairs from the same institution the search could not separate. */
  sameInstitution: { a: string; b: string; affiliation: string }[];
  /** Sum over the group's pairs of topics in common. */
  sharedPairs: number;
}

export interface GroupsResult {
  groups: Group[];
  summary: { people: number; groups: number; size: number; sharedPairs: number; sameInstitutionPairs: number; passes: number };
}

export function formGroups(
  program: Program,
  people: readonly GroupMember[],
  options: { size?: number; seed?: string } = {},
): GroupsResult {
  const size = options.size ?? program.matching.group_size;
  if (!(Number.isInteger(size) && size >= 2)) throw new Error('group size must be a whole number of at least 2');
  const seed = options.seed ?? program.matching.seed;
  const { canonical } = topicResolver(program);
  const prepared = tieOrder(
    people.map((p) => ({
      login: p.login,
      topics: [...new Set(p.topics.map((t) => canonical.get(t) ?? canonical.get(t.toLowerCase())).filter((t): t is string => t !== undefined))],
      affiliation: p.affiliation?.trim().toLowerCase().replace(/\s+/g, ' ') || undefined,
      shown: p.affiliation?.trim(),
    })),
    (p) => p.login.toLowerCase(),
    seed,
    'groups',
  );
  const n = prepared.length;
  if (n === 0) return { groups: [], summary: { people: 0, groups: 0, size, sharedPairs: 0, sameInstitutionPairs: 0, passes: 0 } };
  // A group of one is no group: with size 2 and an odd n, round(n / 2) would leave one person alone.
  const g = Math.max(1, Math.min(Math.round(n / size), Math.floor(n / 2)));
  const capacity = Array.from({ length: g }, (_, k) => Math.floor(n / g) + (k < n % g ? 1 : 0));
  const maxSize = Math.max(...capacity);

  const topicSets = prepared.map((p) => new Set(p.topics));
  const shared = (a: number, b: number) => {
    let c = 0;
    for (const t of prepared[a]!.topics) if (topicSets[b]!.has(t)) c++;
    return c;
  };
  const maxTopics = Math.max(1, ...prepared.map((p) => p.topics.length));
  const P = 2 * maxSize * maxTopics + 1;
  const w = (a: number, b: number) => shared(a, b) - (prepared[a]!.affiliation !== undefined && prepared[a]!.affiliation === prepared[b]!.affiliation ? P : 0);
  const W = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) W[a * n + b] = W[b * n + a] = w(a, b);

  // Greedy placement.
  const freq = new Map<string, number>();
  for (const p of prepared) if (p.affiliation) freq.set(p.affiliation, (freq.get(p.affiliation) ?? 0) + 1);
  const order = [...prepared.keys()].sort(
    (a, b) =>
      (freq.get(prepared[b]!.affiliation ?? '') ?? 0) - (freq.get(prepared[a]!.affiliation ?? '') ?? 0) ||
      prepared[b]!.topics.length - prepared[a]!.topics.length ||
      a - b,
  );
  const groups: number[][] = Array.from({ length: g }, () => []);
  const groupOf = new Int32Array(n);
  for (const x of order) {
    let best = -1;
    let bestGain = -Infinity;
    for (let k = 0; k < g; k++) {
      if (groups[k]!.length >= capacity[k]!) continue;
      let gain = 0;
      for (const y of groups[k]!) gain += W[x * n + y]!;
      if (gain > bestGain) {
        bestGain = gain;
        best = k;
      }
    }
    groups[best]!.push(x);
    groupOf[x] = best;
  }

  // Local search by swaps.
  const gainWith = (x: number, k: number, except: number) => {
    let s = 0;
    for (const y of groups[k]!) if (y !== x && y !== except) s += W[x * n + y]!;
    return s;
  };
  let passes = 0;
  for (let improved = true; improved && passes < 200; ) {
    improved = false;
    passes++;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const ka = groupOf[a]!, kb = groupOf[b]!;
        if (ka === kb) continue;
        const delta = gainWith(b, ka, a) - gainWith(a, ka, a) + gainWith(a, kb, b) - gainWith(b, kb, b);
        if (delta > 0) {
          const ga = groups[ka]!, gb = groups[kb]!;
          ga[ga.indexOf(a)] = b;
          gb[gb.indexOf(b)] = a;
          groupOf[a] = kb;
          groupOf[b] = ka;
          improved = true;
        }
      }
    }
  }

  const out: Group[] = groups.map((members) => {
    const sorted = [...members].sort((a, b) => cmp(prepared[a]!.login.toLowerCase(), prepared[b]!.login.toLowerCase()));
    const count = new Map<string, number>();
    for (const x of sorted) for (const t of prepared[x]!.topics) count.set(t, (count.get(t) ?? 0) + 1);
    const sameInstitution: Group['sameInstitution'] = [];
    let sharedPairs = 0;
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = prepared[sorted[i]!]!, b = prepared[sorted[j]!]!;
        sharedPairs += shared(sorted[i]!, sorted[j]!);
        if (a.affiliation !== undefined && a.affiliation === b.affiliation) sameInstitution.push({ a: a.login, b: b.login, affiliation: a.shown! });
      }
    }
    return {
      members: sorted.map((x) => prepared[x]!.login),
      sharedTopics: [...count]
        .filter(([, c]) => c >= 2)
        .sort((x, y) => y[1] - x[1] || cmp(x[0], y[0]))
        .map(([topic, members]) => ({ topic, members })),
      sameInstitution,
      sharedPairs,
    };
  });
  out.sort((x, y) => cmp(x.members[0]!.toLowerCase(), y.members[0]!.toLowerCase()));
  return {
    groups: out,
    summary: {
      people: n,
      groups: g,
      size,
      sharedPairs: out.reduce((s, x) => s + x.sharedPairs, 0),
      sameInstitutionPairs: out.reduce((s, x) => s + x.sameInstitution.length, 0),
      passes,
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
