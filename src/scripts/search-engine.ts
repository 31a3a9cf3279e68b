import MiniSearch from 'minisearch';
import { FACETS, FacetIndex, type FacetValues, type Filters } from '../core/directory.ts';
import { decodePostings } from '../core/postings.ts';
import { leadingLetters, processTerm, shardFor, tokenize } from '../core/search-text.ts';
import type { BioShard, SearchIndexFile } from '../site/model.ts';

/**
 * Full-text search over the index files. Runs in the browser and in the
 * benchmark, so query timings measure the code users run.
 *
 * Every word of a query must match (AND). A word matches a mentor through the
 * main index (name, headline, affiliation, region, topics: prefix and typo
 * tolerant via MiniSearch) or through the bio shard of its first letter or two
 * (prefix and typo tolerant too, once the first two letters are right).
 */

export type ShardLoader = (key: string) => Promise<BioShard>;

export interface SearchEngine {
  /** Positions (list order) of the mentors that match, best match first. */
  search(q: string): Promise<number[]>;
  /** Apply the facet filters to search results and count every facet value (see FacetIndex). */
  count(candidates: readonly number[], filters: Filters): ReturnType<FacetIndex['count']>;
  facets: FacetValues[];
  size: number;
}

// Typo tolerance from five letters on: for shorter words one edit matches half the vocabulary and costs the most.
const OPTIONS = { prefix: true, fuzzy: (term: string) => (term.length >= 5 ? 0.2 : 0) };
/**
 * Bio matches count, but less than a match in a name or headline. A shard's own MiniSearch scores a match by how many
 * terms the shard holds (BM25's inverse document frequency of a term that is one of N documents), which says nothing
 * about the mentors and changes with how terms were split into shards: that factor is divided out (shardScale), so a
 * bio match is worth the same in any shard, and BIO_WEIGHT is its worth. 1.2 is what the former two-letter shards
 * gave on average (0.4 times a factor of about 3).
 */
const BIO_WEIGHT = 1.2;

/** MiniSearch's inverse document frequency for a term found in one of `n` documents (its calcBM25Score). */
export const shardScale = (n: number): number => Math.log(1 + (n - 0.5) / 1.5);

interface LoadedShard {
  ms: MiniSearch<{ id: number; term: string }>;
  terms: string[];
  postings: string[];
  decoded: Map<number, number[]>;
  /** BIO_WEIGHT over shardScale of the shard's size. */
  weight: number;
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
  function shard(word: string): Promise<LoadedShard> | undefined {
    const key = shardFor(word, available);
    if (key === undefined) return undefined;
    let s = shards.get(key);
    if (!s) {
      s = loadShard(key).then((raw) => {
        const sms = new MiniSearch<{ id: number; term: string }>({ fields: ['term'], storeFields: [], tokenize: (t) => [t], processTerm: (t) => t });
        sms.addAll(raw.terms.map((term, id) => ({ id, term })));
        return { ms: sms, terms: raw.terms, postings: raw.postings, decoded: new Map(), weight: BIO_WEIGHT / shardScale(raw.terms.length) };
      });
      shards.set(key, s);
      s.catch(() => shards.delete(key));
    }
    return s;
  }

  const facetIndex = new FacetIndex(facets);

  /** Scores of one query word per document (0: no match), and the documents it matched. */
  async function wordScores(word: string): Promise<{ scores: Float64Array; hits: number[] }> {
    const scores = new Float64Array(n);
    const hits: number[] = [];
    for (const r of ms.search(word)) {
      const d = r.id as number;
      scores[d] = r.score;
      hits.push(d);
    }
    const pending = word.length >= 3 ? shard(word) : undefined;
    if (pending) {
      const s = await pending;
      const lead = leadingLetters(word, 2);
      // A three-letter prefix in bios expands to hundreds of words and most documents; completion starts at four.
      for (const r of s.ms.search(word, { ...OPTIONS, prefix: word.length >= 4 })) {
        const t = r.id as number;
        // Typo tolerance in bios keeps the first two letters, whether the word's letter has a shard of its own or
        // is split by two letters: the results must not change when a growing directory splits a letter.
        if (!s.terms[t]!.startsWith(lead)) continue;
        let docs = s.decoded.get(t);
        if (!docs) s.decoded.set(t, (docs = decodePostings(s.postings[t]!)));
        const add = r.score * s.weight;
        for (const d of docs) {
          if (scores[d] === 0) hits.push(d);
          scores[d]! += add;
        }
      }
    }
    return { scores, hits };
  }

  const everyone = facets.map((_, i) => i);
  return {
    facets,
    size: n,
    count: (candidates, filters) => facetIndex.count(candidates, filters),
    async search(q: string) {
      const words = [...new Set(tokenize(q).map(processTerm).filter((w): w is string => !!w))];
      if (words.length === 0) return everyone;
      const perWord = await Promise.all(words.map(wordScores));
      perWord.sort((a, b) => a.hits.length - b.hits.length);
      const [first, ...rest] = perWord;
      // Rank by score, ties in list order, with one native numeric sort: each key packs the score
      // (to a thousandth) above the document number.
      const span = 2 ** Math.ceil(Math.log2(n + 1));
      const keys: number[] = [];
      for (const d of first!.hits) {
        let sum = first!.scores[d]!;
        let all = true;
        for (const w of rest) {
          const x = w.scores[d]!;
          if (x === 0) {
            all = false;
            break;
          }
          sum += x;
        }
        if (all) keys.push(Math.round(sum * 1000) * span + (span - 1 - d));
      }
      const sorted = Float64Array.from(keys).sort();
      const ids = new Array<number>(sorted.length);
      for (let i = 0; i < sorted.length; i++) ids[i] = span - 1 - (sorted[sorted.length - 1 - i]! % span);
      return ids;
    },
  };
}
