/** A small seeded PRNG and sampling helpers, so every benchmark run sees the same data. */

/** FNV-1a: a 32-bit seed from any string. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  #state: number;

  constructor(seed: number | string) {
    this.#state = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
  }

  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Pick with the given weights (need not sum to 1). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }

  /** `k` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], k: number, pickOne: (rest: readonly T[]) => T = (rest) => this.pick(rest)): T[] {
    const rest = [...items];
    const out: T[] = [];
    while (out.length < k && rest.length > 0) {
      // pickOne may draw from a wider list (a Zipf ranking): redraw until it lands in what is left.
      let at = -1;
      for (let tries = 0; at < 0 && tries < 64; tries++) at = rest.indexOf(pickOne(rest));
      if (at < 0) at = Math.floor(this.next() * rest.length);
      out.push(rest[at]!);
      rest.splice(at, 1);
    }
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
}

/**
 * Zipf-like sampling: a list is shuffled once with a fixed seed to set each
 * item's rank, then item k is drawn with weight 1/(k+1)^s. Natural text has a
 * few very common words and a long tail; uniform sampling would not.
 */
export class Zipf<T> {
  readonly items: T[];
  readonly #cumulative: number[];

  constructor(items: readonly T[], s = 0.9, seed = 'zipf') {
    this.items = new Rng(`${seed}:${items.length}:${String(items[0])}`).shuffle(items);
    let sum = 0;
    this.#cumulative = this.items.map((_, k) => (sum += 1 / (k + 1) ** s));
  }

  draw(rng: Rng): T {
    const total = this.#cumulative[this.#cumulative.length - 1]!;
    const r = rng.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
