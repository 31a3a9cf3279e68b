import MiniSearch from 'minisearch';
import { FACETS, type FacetValues } from '../core/directory.ts';
import { decodePostings } from '../core/postings.ts';
import { processTerm, shardKey, tokenize } from '../core/search-text.ts';
import type { BioShard, SearchIndexFile } from '../site/model.ts';

/**
 * Full-text search over the index files. Runs in the browser and in the
 * benchmark, so query timings measure the code users run.
 *
 * Every word of a query must match (AND). A word matches a mentor through the
 * main index (name, headline, affiliation, region, topics: prefix and typo
 * tolerant via MiniSearch) or through the bio shard for its first two letters
 * (prefix and typo tolerant too, once those two letters are right).
 */

export type ShardLoader = (key: string) => Promise<BioShard>;

export interface SearchEngine {
  /** Positions (list order) of the mentors that match, best match first. */
  search(q: string): Promise<number[]>;
  facets: FacetValues[];
  size: number;
}

const OPTIONS = { prefix: true, fuzzy: 0.2 } as const;
/** Bio matches count, but less than a match in a name or headline. */
const BIO_WEIGHT = 0.4;

interface LoadedShard {
  ms: MiniSearch<{ id: number; term: string }>;
  postings: string[];
  decoded: Map<number, number[]>;
}

export function createEngine(index: SearchIndexFile, loadShard: ShardLoader): SearchEngine {
  const n = index.n;
  const facets: FacetValues[] = Array.from({ length: n }, () => Object.fromEntries(FACETS.map((f) => [f, [] as string[]])) as unknown as FacetValues);
  for (const f of FACETS) {
    const { values, docs } = index.facets[f];
    values.forEach((v, i) => {
      for (const d of decodePostings(docs[i]!)) (facets[d]![f] as string[]).push(v);
    });
  }

  const fieldText = (field: { terms: string[]; postings: string[] }) => {
    const out: string[][] = Array.from({ length: n }, () => []);
    field.terms.forEach((t, i) => {
      for (const d of decodePostings(field.postings[i]!)) out[d]!.push(t);
    });
    return out;
  };
  const names = fieldText(index.name);
  const texts = fieldText(index.text);

  const ms = new MiniSearch<{ id: number; name: string; text: string; topics: string }>({
    fields: ['name', 'text', 'topics'],
    storeFields: [],
    tokenize,
    processTerm,
    searchOptions: { ...OPTIONS, boost: { name: 3, topics: 1.5 } },
  });
  ms.addAll(
    facets.map((f, id) => ({
      id,
      name: names[id]!.join(' '),
      text: texts[id]!.join(' '),
      topics: f.topic.map((t) => index.topicText[t] ?? t).join(' '),
    })),
  );

  const available = new Set(index.bioShards);
  const shards = new Map<string, Promise<LoadedShard>>();
  function shard(key: string): Promise<LoadedShard> | undefined {
    if (!available.has(key)) return undefined;
    let s = shards.get(key);
    if (!s) {
      s = loadShard(key).then((raw) => {
        const sms = new MiniSearch<{ id: number; term: string }>({ fields: ['term'], storeFields: [], tokenize: (t) => [t], processTerm: (t) => t });
        sms.addAll(raw.terms.map((term, id) => ({ id, term })));
        return { ms: sms, postings: raw.postings, decoded: new Map() };
      });
      shards.set(key, s);
      s.catch(() => shards.delete(key));
    }
    return s;
  }

  async function wordScores(word: string): Promise<Map<number, number>> {
    const scores = new Map<number, number>();
    for (const r of ms.search(word)) scores.set(r.id as number, r.score);
    const pending = word.length >= 3 ? shard(shardKey(word)) : undefined;
    if (pending) {
      const s = await pending;
      for (const r of s.ms.search(word, OPTIONS)) {
        const t = r.id as number;
        let docs = s.decoded.get(t);
        if (!docs) s.decoded.set(t, (docs = decodePostings(s.postings[t]!)));
        const add = r.score * BIO_WEIGHT;
        for (const d of docs) scores.set(d, (scores.get(d) ?? 0) + add);
      }
    }
    return scores;
  }

  return {
    facets,
    size: n,
    async search(q: string) {
      const words = [...new Set(tokenize(q).map(processTerm).filter((w): w is string => !!w))];
      if (words.length === 0) return facets.map((_, i) => i);
      const perWord = await Promise.all(words.map(wordScores));
      perWord.sort((a, b) => a.size - b.size);
      const [first, ...rest] = perWord;
      const total: [number, number][] = [];
      for (const [d, s] of first!) {
        let sum = s;
        let all = true;
        for (const m of rest) {
          const x = m.get(d);
          if (x === undefined) {
            all = false;
            break;
          }
          sum += x;
        }
        if (all) total.push([d, sum]);
      }
      total.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return total.map(([d]) => d);
    },
  };
}
