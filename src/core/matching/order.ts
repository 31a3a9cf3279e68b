/**
 * The order in which ties are broken: by login, or, with a seed, a permutation drawn from it (mulberry32 seeded
 * with FNV-1a of the seed). The same logins and seed always give the same order.
 */

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function seededRandom(seed: string): () => number {
  let state = hash(seed);
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Items sorted by key (lower-cased login), then shuffled by the seed if there is one. */
export function tieOrder<T>(items: readonly T[], key: (x: T) => string, seed: string | undefined, salt: string): T[] {
  const sorted = [...items].sort((a, b) => byKey(key(a), key(b)));
  if (seed === undefined) return sorted;
  const next = seededRandom(`${seed}:${salt}`);
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
  }
  return sorted;
}
