import type { Program } from '../core/program.ts';
import type { Profile } from '../core/profile.ts';
import { FACETS, FacetIndex, type FacetKey, type FacetValues, emptyFilters } from '../core/directory.ts';
import { bioTerms, leadingLetters, terms } from '../core/search-text.ts';
import { invert } from '../core/postings.ts';
import { memo } from '../core/memo.ts';
import type { CardData, Slots } from './card.ts';

/** Build-time view models: everything the pages and the browser index need, computed once. */

export interface MentorEntry {
  id: string;
  data: Profile;
  body?: string;
  /** Slots at the last status sync (data/status.json); absent when there is no status for this mentor. */
  slots?: Slots;
}

export const CARDS_PER_PAGE = 24;
export const CARD_CHUNK = 500;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

// Display names are asked for tens of thousands of times in a large build; ICU lookups are not free.
const languageCache = new Map<string, string>();
const countryCache = new Map<string, string>();

export function languageLabel(tag: string): string {
  return memo(languageCache, tag, () => {
    try {
      return languageNames.of(tag) ?? tag;
    } catch {
      return tag;
    }
  });
}
export function countryLabel(code: string): string {
  return memo(countryCache, code, () => regionNames.of(code) ?? code);
}

const labelCache = new WeakMap<Program, Record<FacetKey, (id: string) => string>>();

export function labelsFor(program: Program): Record<FacetKey, (id: string) => string> {
  return memo(labelCache, program, () => computeLabels(program));
}

function computeLabels(program: Program): Record<FacetKey, (id: string) => string> {
  const byId = (items: { id: string; label: string }[]) => {
    const m = new Map(items.map((i) => [i.id, i.label]));
    return (id: string) => m.get(id) ?? id;
  };
  return {
    topic: byId(program.taxonomy.topics),
    stage: byId(program.taxonomy.stages),
    format: byId(program.taxonomy.formats),
    kind: byId(program.taxonomy.kinds),
    language: languageLabel,
    country: countryLabel,
    availability: (id) => (id === 'open' ? 'Taking requests' : 'Paused'),
    slots: () => 'Has a free slot',
  };
}

/** Taking requests and a slot free at the last sync: what the "Has a free slot" filter keeps. */
export function hasFreeSlot(p: Profile, slots: Slots | undefined): boolean {
  return p.availability.status === 'open' && !!slots && slots.free > 0;
}

export function facetValues(p: Profile, slots?: Slots): FacetValues {
  return {
    topic: p.topics,
    stage: p.stages,
    language: p.languages,
    country: [p.location.country],
    format: p.formats,
    kind: p.kinds,
    availability: [p.availability.status],
    slots: hasFreeSlot(p, slots) ? ['free'] : [],
  };
}

export function locationText(p: Profile): string {
  return [p.location.region, countryLabel(p.location.country)].filter(Boolean).join(', ');
}

export function cardData(p: Profile, program: Program, slots?: Slots): CardData {
  const labels = labelsFor(program);
  return {
    login: p.github,
    name: p.name,
    ...(p.pronouns ? { pronouns: p.pronouns } : {}),
    headline: p.headline,
    ...(p.avatar ? { avatar: p.avatar } : {}),
    topics: p.topics.map(labels.topic),
    languages: p.languages.map(labels.language),
    location: locationText(p),
    open: p.availability.status === 'open',
    ...(slots && p.availability.status === 'open' ? { slots: { free: slots.free, capacity: slots.capacity } } : {}),
  };
}

/** Open mentors first, then by name: the order of the list, the index and the card chunks. */
export function sortMentors<T extends MentorEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.data.availability.status === 'open') - Number(a.data.availability.status === 'open') ||
      a.data.name.localeCompare(b.data.name, 'en') ||
      a.data.github.localeCompare(b.data.github),
  );
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

const optionsCache = new WeakMap<readonly MentorEntry[], Record<FacetKey, FacetOption[]>>();

/** Every facet's options with counts over the whole directory, in a useful order. Computed once per list. */
export function facetOptions(entries: readonly MentorEntry[], program: Program): Record<FacetKey, FacetOption[]> {
  return memo(optionsCache, entries, () => computeFacetOptions(entries, program));
}

function computeFacetOptions(entries: readonly MentorEntry[], program: Program): Record<FacetKey, FacetOption[]> {
  const docs = entries.map((e) => facetValues(e.data, e.slots));
  const { counts } = new FacetIndex(docs).count(docs.map((_, i) => i), emptyFilters());
  const labels = labelsFor(program);
  const order: Partial<Record<FacetKey, string[]>> = {
    topic: program.taxonomy.topics.map((t) => t.id),
    stage: program.taxonomy.stages.map((t) => t.id),
    format: program.taxonomy.formats.map((t) => t.id),
    kind: program.taxonomy.kinds.map((t) => t.id),
    availability: ['open', 'paused'],
    slots: ['free'],
  };
  const out = {} as Record<FacetKey, FacetOption[]>;
  for (const f of FACETS) {
    const present = [...counts[f].keys()];
    const fixed = order[f];
    const values = fixed ? fixed.filter((v) => counts[f].has(v)) : present.sort((a, b) => labels[f](a).localeCompare(labels[f](b), 'en'));
    out[f] = values.map((value) => ({ value, label: labels[f](value), count: counts[f].get(value) ?? 0 }));
  }
  return out;
}

/**
 * The browser's search index, loaded on the first interaction. It holds what
 * ranks best (names, headlines, affiliations, regions) and the facets, inverted:
 * each term once, then the gaps between the documents that have it. Documents
 * are numbered in list order, so a number is also a card's position. Bio words
 * live in separate shards (see bioShards) fetched per query word.
 */
export interface SearchIndexFile {
  v: 2;
  n: number;
  chunk: number;
  /** Per facet: its values, and for each value the postings of the mentors that have it. */
  facets: Record<FacetKey, { values: string[]; docs: string[] }>;
  /** Per topic id: label and synonyms, so "ml" finds machine-learning mentors. */
  topicText: Record<string, string>;
  /** Sorted vocabulary of the name field and of the other short fields. */
  name: { terms: string[]; postings: string[] };
  text: { terms: string[]; postings: string[] };
  /** The bio shards that exist, by key: a first letter, or the first two letters (see shardLayout). */
  bioShards: string[];
}

export interface BioShard {
  terms: string[];
  postings: string[];
}

export function searchIndex(sorted: readonly MentorEntry[], program: Program): SearchIndexFile {
  const facets = {} as SearchIndexFile['facets'];
  const values = sorted.map((e) => facetValues(e.data, e.slots));
  for (const f of FACETS) {
    const inv = invert(values.map((v) => v[f]));
    facets[f] = { values: inv.terms, docs: inv.postings };
  }
  const topicText = Object.fromEntries(program.taxonomy.topics.map((t) => [t.id, [t.label, ...t.synonyms].join(' ')]));
  const name = invert(sorted.map((e) => terms(e.data.name)));
  const text = invert(sorted.map((e) => terms([e.data.headline, e.data.affiliation, e.data.location.region].filter(Boolean).join(' '))));
  return { v: 2, n: sorted.length, chunk: CARD_CHUNK, facets, topicText, name, text, bioShards: Object.keys(bioShards(sorted)).sort() };
}

const shardCache = new WeakMap<readonly MentorEntry[], Record<string, BioShard>>();

/** Bio terms, inverted and split into shards (see shardLayout). */
export function bioShards(sorted: readonly MentorEntry[]): Record<string, BioShard> {
  return memo(shardCache, sorted, () => shardLayout(invert(sorted.map((e) => bioTerms(e.body ?? '')))));
}

/**
 * Above this many characters of JSON, a letter's shard is split by the first two letters (about 13 kB gzip). Below
 * it, one shard per letter: every shard is a file to write and, for a query, a request. Two letters for every term
 * gave a directory of 1,000 mentors 213 files, the smallest of 38 bytes (docs/performance.md, eighth pass). How the
 * terms are split changes neither results nor ranking (src/scripts/search-engine.ts).
 */
export const SHARD_SPLIT_CHARS = 32_000;

/**
 * Inverted bio terms, one shard per first letter, and one per first two letters for a letter whose terms and
 * postings would exceed `splitAbove` characters. The browser finds a word's shard from the keys (shardFor).
 */
export function shardLayout(inv: { terms: readonly string[]; postings: readonly string[] }, splitAbove = SHARD_SPLIT_CHARS): Record<string, BioShard> {
  const byLetter = new Map<string, { at: number[]; chars: number }>();
  inv.terms.forEach((t, i) => {
    const letter = leadingLetters(t, 1);
    let group = byLetter.get(letter);
    if (!group) byLetter.set(letter, (group = { at: [], chars: 0 }));
    group.at.push(i);
    // Two quotes and a comma around each string.
    group.chars += t.length + inv.postings[i]!.length + 6;
  });
  const shards: Record<string, BioShard> = {};
  for (const [letter, { at, chars }] of byLetter) {
    for (const i of at) {
      const t = inv.terms[i]!;
      const s = (shards[chars > splitAbove ? leadingLetters(t, 2) : letter] ??= { terms: [], postings: [] });
      s.terms.push(t);
      s.postings.push(inv.postings[i]!);
    }
  }
  return shards;
}
