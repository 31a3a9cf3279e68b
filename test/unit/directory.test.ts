import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { FacetIndex, FACETS, emptyFilters, isEmptyState, parseState, serializeState, type FacetKey, type FacetValues, type Filters } from '../../src/core/directory.ts';
import { bioTerms, leadingLetters, normalizeTerm, shardFor, terms, tokenize } from '../../src/core/search-text.ts';
import { decodePostings, encodePostings, invert } from '../../src/core/postings.ts';
import { createEngine, shardScale } from '../../src/scripts/search-engine.ts';
import { loadContent } from '../../src/files/content.ts';
import { resolve } from 'node:path';
import { bioShards, searchIndex, shardLayout, sortMentors, facetOptions, SHARD_SPLIT_CHARS, type BioShard, type MentorEntry } from '../../src/site/model.ts';
import type { Program } from '../../src/core/program.ts';
import { renderCard } from '../../src/site/card.ts';
import { makeProfileSchema } from '../../src/core/profile.ts';
import { repoProgram, validProfile } from '../support/profiles.ts';

/** A search engine over `entries` whose bio shards are `layout` (any way of splitting them), noting each shard fetched. */
function engineOver(entries: MentorEntry[], program: Program, layout: Record<string, BioShard>, fetched: string[] = []) {
  return createEngine({ ...searchIndex(entries, program), bioShards: Object.keys(layout).sort() }, async (key) => {
    fetched.push(key);
    return layout[key]!;
  });
}

const doc = (over: Partial<Record<keyof FacetValues, string[]>>): FacetValues => ({
  topic: [], stage: [], language: [], country: [], format: [], kind: [], availability: ['open'], slots: [], ...over,
});

describe('directory state in the URL', () => {
  test('round trip, stable order, unknown keys ignored', () => {
    const s = parseState('?topic=hpc&q=%20data%20&topic=ai&foo=bar&language=de');
    expect(s.q).toBe('data');
    expect(s.filters.topic).toEqual(['hpc', 'ai']);
    expect(serializeState(s)).toBe('?q=data&topic=ai&topic=hpc&language=de');
    expect(parseState(serializeState(s))).toEqual({ ...s, filters: { ...s.filters, topic: ['ai', 'hpc'] } });
  });
  test('empty state serializes to nothing', () => {
    expect(serializeState(parseState(''))).toBe('');
    expect(isEmptyState(parseState('?q=%20'))).toBe(true);
    expect(isEmptyState(parseState('?kind=industry'))).toBe(false);
  });
});

/** A plain reference implementation of the faceted-search rule, to check FacetIndex against. */
function referenceCounts(docs: readonly FacetValues[], candidates: readonly number[], filters: Filters) {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<FacetKey, Map<string, number>>;
  const results: number[] = [];
  const bump = (f: FacetKey, doc: FacetValues) => {
    for (const v of doc[f]) counts[f].set(v, (counts[f].get(v) ?? 0) + 1);
  };
  for (const i of candidates) {
    const doc = docs[i]!;
    const failing = FACETS.filter((f) => filters[f].length > 0 && !filters[f].some((v) => doc[f].includes(v)));
    if (failing.length === 0) {
      results.push(i);
      for (const f of FACETS) bump(f, doc);
    } else if (failing.length === 1) bump(failing[0]!, doc);
  }
  return { results, counts };
}

describe('facet counts', () => {
  const docs = [
    doc({ topic: ['hpc'], language: ['en'] }),
    doc({ topic: ['hpc', 'ml'], language: ['de'] }),
    doc({ topic: ['ml'], language: ['en'], availability: ['paused'] }),
  ];
  const all = [0, 1, 2];
  const index = new FacetIndex(docs);
  test('no filters: every value counted', () => {
    const { results, counts } = index.count(all, emptyFilters());
    expect(results).toEqual([0, 1, 2]);
    expect(Object.fromEntries(counts.topic)).toEqual({ hpc: 2, ml: 2 });
  });
  test('OR within a facet, AND across facets', () => {
    const f = emptyFilters();
    f.topic = ['hpc', 'ml'];
    expect(index.count(all, f).results).toEqual([0, 1, 2]);
    f.language = ['en'];
    expect(index.count(all, f).results).toEqual([0, 2]);
  });
  test("a facet's own counts ignore its own selection, so siblings stay visible", () => {
    const f = emptyFilters();
    f.topic = ['hpc'];
    const { results, counts } = index.count(all, f);
    expect(results).toEqual([0, 1]);
    expect(Object.fromEntries(counts.topic)).toEqual({ hpc: 2, ml: 2 });
    expect(Object.fromEntries(counts.language)).toEqual({ en: 1, de: 1 });
  });
  test('only candidates from the text search are considered', () => {
    expect(index.count([2], emptyFilters()).results).toEqual([2]);
  });
});

describe('FacetIndex, the typed-array counter the browser uses', () => {
  test('agrees with a plain reference implementation on random directories and filters', () => {
    let seed = 7;
    const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
    const pick = (pool: string[]) => [...new Set(Array.from({ length: 1 + rand(3) }, () => pool[rand(pool.length)]!))];
    const pools = Object.fromEntries(FACETS.map((f) => [f, Array.from({ length: 2 + rand(6) }, (_, i) => `${f}${i}`)])) as Record<string, string[]>;
    const docs = Array.from({ length: 300 }, () => Object.fromEntries(FACETS.map((f) => [f, pick(pools[f]!)])) as unknown as FacetValues);
    const index = new FacetIndex(docs);
    for (let round = 0; round < 50; round++) {
      const filters = emptyFilters();
      for (const f of FACETS) if (rand(3) === 0) filters[f] = pick(pools[f]!);
      const candidates = docs.map((_, i) => i).filter(() => rand(4) > 0);
      const slow = referenceCounts(docs, candidates, filters);
      const fast = index.count(candidates, filters);
      expect(fast.results).toEqual(slow.results);
      for (const f of FACETS) expect(Object.fromEntries(fast.counts[f])).toEqual(Object.fromEntries(slow.counts[f]));
    }
  });
});

describe('search text', () => {
  test('bio terms drop Markdown, headings, stop words, short words and repeats', () => {
    expect(bioTerms('## About me\n\nI love **Python** and [Julia](https://julialang.org); python again, go.')).toEqual(['love', 'python', 'julia']);
  });
  test('words are split as MiniSearch splits them by default, plain ASCII text too', () => {
    const minisearchWords = (text: string) => (MiniSearch.getDefault('tokenize') as (t: string) => string[])(text).filter(Boolean);
    for (let code = 0; code < 128; code++) {
      const text = `ab${String.fromCharCode(code)}cd`;
      expect(tokenize(text), `character ${code}`).toEqual(minisearchWords(text));
    }
    for (const text of ['café—naïve, «déjà» vu', 'C++ and C#: R/Python', '  two\tspaces\r\nand a\u00a0no-break space']) {
      expect(tokenize(text)).toEqual(minisearchWords(text));
    }
  });
  test('terms fold accents and case', () => {
    expect(terms('São Paulo, Zoë and C++')).toEqual(['sao', 'paulo', 'zoe', 'c++']);
    expect(normalizeTerm('Zoë')).toBe('zoe');
  });
  test('postings round trip as base-36 gaps', () => {
    expect(encodePostings([0, 1, 5, 40, 1000])).toBe('1,1,4,z,qo');
    expect(decodePostings(encodePostings([0, 1, 5, 40, 1000]))).toEqual([0, 1, 5, 40, 1000]);
    expect(invert([['b', 'a'], ['a'], ['c', 'a']])).toEqual({ terms: ['a', 'b', 'c'], postings: ['1,1,1', '1', '3'] });
  });
});

describe('search engine', () => {
  const schema = makeProfileSchema(repoProgram);
  const mk = (over: Record<string, unknown>, body: string) => {
    const data = schema.parse({ ...validProfile(), ...over });
    return { id: data.github, data, body };
  };
  const entries = sortMentors([
    mk({ github: 'zoe-m', name: 'Zoë Müller', headline: 'Detector physicist', topics: ['instrumentation'] }, 'I build calorimeters and readout electronics.'),
    mk({ github: 'raj-k', name: 'Raj Kumar', headline: 'Machine learning engineer', topics: ['machine-learning'], affiliation: 'Quantix Labs' }, 'Transformers, recommender systems.'),
    mk({ github: 'lee-p', name: 'Lee Park', headline: 'Grant writing coach', topics: ['grant-writing'], availability: { status: 'paused', capacity: 1 } }, 'Funding agencies and proposals.'),
  ]);
  const shards = bioShards(entries);
  const bioInv = invert(entries.map((e) => bioTerms(e.body)));
  const loaded: string[] = [];
  const engine = createEngine(searchIndex(entries, repoProgram), async (key) => {
    loaded.push(key);
    return shards[key]!;
  });
  const logins = async (q: string) => (await engine.search(q)).map((i) => entries[i]!.data.github);

  test('finds by name, ignoring accents', async () => expect(await logins('zoe')).toEqual(['zoe-m']));
  test('tolerates a typo, in the bio too', async () => expect(await logins('calorimeterz')).toEqual(['zoe-m']));
  test('prefix matches as you type, in the bio too', async () => expect(await logins('transfo')).toEqual(['raj-k']));
  test('searches affiliation and topic synonyms', async () => {
    expect(await logins('quantix')).toEqual(['raj-k']);
    expect(await logins('ml')).toEqual(['raj-k']);
  });
  test('several words must all match, across fields', async () => expect(await logins('grant proposals')).toEqual(['lee-p']));
  test('an empty query lists everyone in list order', async () => expect(await logins('  ')).toEqual(['raj-k', 'zoe-m', 'lee-p']));
  test('bio shards are fetched only for the words typed', async () => {
    loaded.length = 0;
    await logins('readout');
    expect(loaded).toEqual(['r']);
  });
  test('with letters split into two-letter shards, bio words are found the same way', async () => {
    const split = shardLayout(bioInv, 0);
    expect(Object.keys(split)).toContain('re');
    expect(Object.keys(split).every((k) => k.length === 2)).toBe(true);
    const fetched: string[] = [];
    const splitEngine = engineOver(entries, repoProgram, split, fetched);
    const found = async (q: string) => (await splitEngine.search(q)).map((i) => entries[i]!.data.github);
    expect(await found('readout')).toEqual(['zoe-m']);
    expect(await found('calorimeterz')).toEqual(['zoe-m']);
    expect(await found('transfo')).toEqual(['raj-k']);
    expect(await found('grant proposals')).toEqual(['lee-p']);
    // Each bio word from the shard of its first two letters, and only where such a shard exists.
    expect([...new Set(fetched)].sort()).toEqual(['ca', 'pr', 're', 'tr']);
  });
  test('a typo in the first two letters finds no bio word, whichever way the shards are split', async () => {
    // "rxadout": "readout" with its second letter wrong; "reedout" with its third (one edit in seven letters each).
    for (const splitAbove of [Infinity, 0]) {
      const engine = engineOver(entries, repoProgram, shardLayout(bioInv, splitAbove));
      expect(await engine.search('rxadout')).toEqual([]);
      expect((await engine.search('reedout')).map((i) => entries[i]!.data.github)).toEqual(['zoe-m']);
    }
  });
  test('the index keeps each term once', () => {
    const idx = searchIndex(entries, repoProgram);
    expect(idx.n).toBe(3);
    expect(idx.name.terms).toEqual(['kumar', 'lee', 'muller', 'park', 'raj', 'zoe']);
    expect(idx.facets.availability).toEqual({ values: ['open', 'paused'], docs: ['1,1', '3'] });
  });
  test('open mentors are listed before paused ones', () => {
    expect(entries.map((e) => e.data.github)).toEqual(['raj-k', 'zoe-m', 'lee-p']);
  });
  test('facet options carry labels and counts', () => {
    const topics = facetOptions(entries, repoProgram).topic;
    expect(topics.find((t) => t.value === 'machine-learning')).toEqual({ value: 'machine-learning', label: 'Machine learning', count: 1 });
  });
});

describe('bio scores do not depend on how the terms were split into shards', () => {
  const { program, mentors } = loadContent(resolve(import.meta.dirname, '../..'));
  const entries = sortMentors(mentors.map((m) => ({ id: m.github, data: m, body: m.body })));
  const inv = invert(entries.map((e) => bioTerms(e.body)));
  // Every seventh bio word of five letters or more: the word, its first four letters, and the word with the next one.
  const words = inv.terms.filter((t) => t.length >= 5).filter((_, i) => i % 7 === 0);
  const queries = words.flatMap((w, i) => [w, w.slice(0, 4), `${w} ${words[i + 1] ?? words[0]}`]);

  test('one shard per letter and one per two letters rank every query alike', async () => {
    expect(words.length).toBeGreaterThan(20);
    const letters = engineOver(entries, program!, shardLayout(inv, Infinity));
    const pairs = engineOver(entries, program!, shardLayout(inv, 0));
    expect(Object.keys(shardLayout(inv, Infinity)).length).toBeLessThan(Object.keys(shardLayout(inv, 0)).length);
    for (const q of queries) expect(await letters.search(q), q).toEqual(await pairs.search(q));
  });
  test('the factor divided out is the one MiniSearch scores a shard term with: what is left is the same in any shard', () => {
    const left = [1, 2, 40, 500].map((n) => {
      const shard = new MiniSearch<{ id: number; term: string }>({ fields: ['term'], tokenize: (t) => [t], processTerm: (t) => t });
      shard.addAll(Array.from({ length: n }, (_, id) => ({ id, term: `w${id}` })));
      return shard.search('w0')[0]!.score / shardScale(n);
    });
    for (const x of left) expect(x).toBeCloseTo(left[0]!, 9);
    // Without the division, a match in a shard of 500 terms scored several times one in a shard of 2.
    expect(shardScale(500) / shardScale(2)).toBeGreaterThan(5);
  });
});

describe('bio shards', () => {
  const inv = (words: string[]) => invert(words.map((w) => [w]));
  test('one shard per first letter while a letter stays small', () => {
    const shards = shardLayout(inv(['apple', 'apricot', 'banana', 'berry']));
    expect(Object.keys(shards).sort()).toEqual(['a', 'b']);
    expect(shards.a).toEqual({ terms: ['apple', 'apricot'], postings: ['1', '2'] });
  });
  test('a letter above the limit is split by its first two letters, the others are not', () => {
    // apple, apricot and avocado: 3 × (word + "1" + 6) characters; banana alone stays under.
    const chars = (w: string) => w.length + 1 + 6;
    const limit = chars('apple') + chars('apricot') + chars('avocado') - 1;
    const shards = shardLayout(inv(['apple', 'apricot', 'avocado', 'banana']), limit);
    expect(Object.keys(shards).sort()).toEqual(['ap', 'av', 'b']);
    expect(shards.ap!.terms).toEqual(['apple', 'apricot']);
    expect(shardLayout(inv(['apple', 'apricot', 'avocado', 'banana']), limit + 1)).toHaveProperty('a');
  });
  test('by default a letter is split once the JSON of its shard would pass the limit, and not before', () => {
    // One mentor with n words: each posting is "1", and each word costs 9 + 1 + 6 characters in the estimate.
    const words = (n: number) => [Array.from({ length: n }, (_, i) => `a${String(i).padStart(8, '0')}`)];
    const under = Math.floor(SHARD_SPLIT_CHARS / 16);
    const whole = shardLayout(invert(words(under)));
    expect(Object.keys(whole)).toEqual(['a']);
    // The estimate leaves out only the object around the two lists: {"terms":[],"postings":[]}.
    expect(JSON.stringify(whole.a).length).toBeLessThanOrEqual(SHARD_SPLIT_CHARS + 26);
    expect(JSON.stringify(shardLayout(invert(words(under + 2)), Infinity).a).length).toBeGreaterThan(SHARD_SPLIT_CHARS);
    expect(Object.keys(shardLayout(invert(words(under + 2))))).toEqual(['a0']);
  });
  test('a query word finds its shard among those that exist', () => {
    const keys = new Set(['ap', 'av', 'b']);
    expect(shardFor('apple', keys)).toBe('ap');
    expect(shardFor('bread', keys)).toBe('b');
    expect(shardFor('axe', keys)).toBeUndefined();
    expect(shardFor('cherry', keys)).toBeUndefined();
  });
  test('keys never split a character in two', () => {
    // U+1D465 (mathematical italic x) is two UTF-16 units: half of it is not a file name or a URL.
    expect(leadingLetters('\u{1D465}yz', 1)).toBe('\u{1D465}');
    expect(leadingLetters('a\u{1D465}z', 2)).toBe('a\u{1D465}');
    expect(leadingLetters('ab', 5)).toBe('ab');
    const shards = shardLayout(inv(['a\u{1D465}z', 'abc']), 0);
    expect(Object.keys(shards).sort()).toEqual(['ab', 'a\u{1D465}']);
    expect(() => Object.keys(shards).map(encodeURIComponent)).not.toThrow();
    expect(shardFor('a\u{1D465}zz', new Set(Object.keys(shards)))).toBe('a\u{1D465}');
  });
});

describe('card', () => {
  test('escapes user text and links to the mentor page under the base path', () => {
    const html = renderCard(
      { login: 'a-b', name: '<script>x</script>', headline: 'A & B', topics: ['T'], languages: ['English'], location: 'Berlin, Germany', open: false },
      '/mentorkit/',
    );
    expect(html).toContain('href="/mentorkit/mentors/a-b/"');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('Paused: not taking requests');
  });
});
