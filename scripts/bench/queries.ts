import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Program } from '../../src/core/program.ts';
import { emptyFilters } from '../../src/core/directory.ts';
import { createEngine } from '../../src/scripts/search-engine.ts';
import { Rng } from '../../src/testing/random.ts';

/**
 * Query latency as the browser sees it: the built search index, the engine
 * the page uses (createEngine, with bio shards read from dist/ where the
 * browser would fetch them), then for each query `await engine.search(q)`
 * plus `engine.count` (the counts next to every filter): one keystroke's work.
 * A warm-up pass first, so shard loading, JIT compilation and lazy decoding
 * are not in the timings; network time is not either (see the shard sizes).
 *
 * Queries come from the generated profiles, not from the index, so they do
 * not depend on the index format and are the words visitors would type.
 */

export type QueryKind = 'word' | 'prefix' | 'two words' | 'typo';
export interface Query {
  q: string;
  kind: QueryKind;
}

type IndexFile = Parameters<typeof createEngine>[0];
type ShardLoader = Parameters<typeof createEngine>[1];

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// Function words nobody types into a mentor search.
const STOP = new Set(
  `about after again also and any are because been before being both but can could did does during each few for from further had has have
  her here him his how into its just more most not now off once only other our out over own same she should some such than that the their
  them then there these they this those through too under until very was were what when where which while who why will with would you your`.split(/\s+/),
);

/** Per mentor, the words of the fields search covers: name, headline, affiliation, region, topic labels and synonyms, bio. */
export function contentWords(contentRoot: string, program: Program): string[][] {
  const topicText = new Map(program.taxonomy.topics.map((t) => [t.id, [t.label, ...t.synonyms].join(' ')]));
  const dir = join(contentRoot, 'content/mentors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const { data, content } = matter(readFileSync(join(dir, f), 'utf8'), {});
      const d = data as { name?: string; headline?: string; affiliation?: string; location?: { region?: string }; topics?: string[] };
      const text = [d.name, d.headline, d.affiliation, d.location?.region, ...(d.topics ?? []).map((t) => topicText.get(t) ?? t), content.replace(/^#.*$/gm, '')].join(' ');
      return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));
    });
}

function typo(r: Rng, w: string): string {
  const i = r.int(1, w.length - 1);
  switch (r.int(0, 3)) {
    case 0:
      return w.slice(0, i) + r.pick([...LETTERS].filter((c) => c !== w[i])) + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + w.slice(i + 1);
    case 2:
      return w.slice(0, i) + r.pick([...LETTERS]) + w.slice(i);
    default:
      return i < w.length - 1 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + r.pick([...LETTERS]);
  }
}

/**
 * `perKind` queries of each kind: a single word, a 3–5 letter prefix of a
 * longer word, two words from the same profile (so AND can match), and a word
 * of 5+ letters with one typo (substitution, deletion, insertion or swap, never
 * in the first letter). Deterministic for given content and seed.
 */
export function makeQueries(docs: readonly string[][], perKind = 75, seed = 'queries'): Query[] {
  const r = new Rng(seed);
  const nonEmpty = docs.filter((d) => d.length > 0);
  if (nonEmpty.length === 0) throw new Error('no words in the generated profiles to build queries from');
  const word = (min: number) => {
    for (let tries = 0; tries < 200; tries++) {
      const w = r.pick(r.pick(nonEmpty));
      if (w.length >= min) return w;
    }
    return r.pick(r.pick(nonEmpty));
  };
  const out: Query[] = [];
  for (let k = 0; k < perKind; k++) {
    out.push({ q: word(3), kind: 'word' });
    out.push({ q: word(6).slice(0, r.int(3, 5)), kind: 'prefix' });
    const d = r.pick(nonEmpty);
    const a = r.pick(d);
    const others = d.filter((x) => x !== a);
    out.push({ q: `${a} ${others.length ? r.pick(others) : a}`, kind: 'two words' });
    out.push({ q: typo(r, word(5)), kind: 'typo' });
  }
  return out;
}

/** Where the build put the search index (the path changed over time; the first that exists wins). */
export const INDEX_PATHS = ['search/index.json', 'search-index.json'];
export const BIO_SHARD_DIR = 'search/bio';

export function findIndexFile(distDir: string): string {
  for (const p of INDEX_PATHS) if (existsSync(join(distDir, p))) return p;
  throw new Error(`no search index in ${distDir} (looked for ${INDEX_PATHS.join(', ')})`);
}

export interface Stats {
  p50: number;
  p95: number;
}

export interface LatencyResult {
  queries: number;
  /** JSON.parse of the index plus createEngine, ms: paid once, before the first search. */
  loadMs: number;
  total: Stats & { max: number };
  search: Stats;
  facets: Stats;
  byKind: Record<string, Stats & { emptyResults: number; medianResults: number }>;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95) };
};

export async function measureQueries(distDir: string, queries: readonly Query[], warmupRounds = 1): Promise<LatencyResult> {
  const indexPath = join(distDir, findIndexFile(distDir));
  const loadShard: ShardLoader = async (key: string) =>
    JSON.parse(readFileSync(join(distDir, BIO_SHARD_DIR, `${encodeURIComponent(key)}.json`), 'utf8')) as Awaited<ReturnType<ShardLoader>>;

  const t0 = performance.now();
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexFile;
  const engine = createEngine(index, loadShard);
  const loadMs = performance.now() - t0;

  const filters = emptyFilters();
  for (let w = 0; w < warmupRounds; w++) {
    for (const { q } of queries) engine.count(await engine.search(q), filters);
  }

  const total: number[] = [];
  const search: number[] = [];
  const facets: number[] = [];
  const kinds = new Map<string, { times: number[]; results: number[] }>();
  for (const { q, kind } of queries) {
    const s = performance.now();
    const ids = await engine.search(q);
    const m = performance.now();
    const n = engine.count(ids, filters).results.length;
    const e = performance.now();
    total.push(e - s);
    search.push(m - s);
    facets.push(e - m);
    const k = kinds.get(kind) ?? { times: [], results: [] };
    k.times.push(e - s);
    k.results.push(n);
    kinds.set(kind, k);
  }
  const byKind: LatencyResult['byKind'] = {};
  for (const [kind, k] of kinds) {
    const res = [...k.results].sort((a, b) => a - b);
    byKind[kind] = { ...stats(k.times), emptyResults: res.filter((n) => n === 0).length, medianResults: quantile(res, 0.5) };
  }
  return {
    queries: queries.length,
    loadMs,
    total: { ...stats(total), max: Math.max(...total) },
    search: stats(search),
    facets: stats(facets),
    byKind,
  };
}
