import type { Program } from '../core/program.ts';
import type { Profile } from '../core/profile.ts';
import { FACETS, facetCounts, type FacetKey, type FacetValues, emptyFilters } from '../core/directory.ts';
import { bioTerms } from '../core/search-text.ts';
import type { CardData } from './card.ts';

/** Build-time view models: everything the pages and the browser index need, computed once. */

export interface MentorEntry {
  id: string;
  data: Profile;
  body?: string;
}

export const CARDS_PER_PAGE = 24;
export const CARD_CHUNK = 500;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function languageLabel(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
export function countryLabel(code: string): string {
  return regionNames.of(code) ?? code;
}

export function labelsFor(program: Program): Record<FacetKey, (id: string) => string> {
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
  };
}

export function facetValues(p: Profile): FacetValues {
  return {
    topic: p.topics,
    stage: p.stages,
    language: p.languages,
    country: [p.location.country],
    format: p.formats,
    kind: p.kinds,
    availability: [p.availability.status],
  };
}

export function locationText(p: Profile): string {
  return [p.location.region, countryLabel(p.location.country)].filter(Boolean).join(', ');
}

export function cardData(p: Profile, program: Program): CardData {
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

/** Every facet's options with counts over the whole directory, in a useful order. */
export function facetOptions(entries: readonly MentorEntry[], program: Program): Record<FacetKey, FacetOption[]> {
  const docs = entries.map((e) => facetValues(e.data));
  const { counts } = facetCounts(docs, docs.map((_, i) => i), emptyFilters());
  const labels = labelsFor(program);
  const order: Partial<Record<FacetKey, string[]>> = {
    topic: program.taxonomy.topics.map((t) => t.id),
    stage: program.taxonomy.stages.map((t) => t.id),
    format: program.taxonomy.formats.map((t) => t.id),
    kind: program.taxonomy.kinds.map((t) => t.id),
    availability: ['open', 'paused'],
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
 * The browser's search index: facet vocabularies once, then one compact row per
 * mentor. Rows are in list order, so a row's position is also its card's position.
 */
export interface SearchIndexFile {
  v: 1;
  chunk: number;
  facets: Record<FacetKey, string[]>;
  /** Per topic id: label and synonyms, so "ml" finds machine-learning mentors. */
  topicText: Record<string, string>;
  /** [login, name, headline, affiliation + region, bio terms, facet value indices per facet in FACETS order] */
  docs: [string, string, string, string, string, number[][]][];
}

export function searchIndex(sorted: readonly MentorEntry[], program: Program): SearchIndexFile {
  const vocab = Object.fromEntries(FACETS.map((f) => [f, [] as string[]])) as Record<FacetKey, string[]>;
  const position = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<FacetKey, Map<string, number>>;
  const idx = (f: FacetKey, v: string) => {
    let i = position[f].get(v);
    if (i === undefined) {
      i = vocab[f].push(v) - 1;
      position[f].set(v, i);
    }
    return i;
  };
  const docs = sorted.map((e) => {
    const p = e.data;
    const fv = facetValues(p);
    return [
      p.github,
      p.name,
      p.headline,
      [p.affiliation, p.location.region].filter(Boolean).join(' '),
      bioTerms(e.body ?? '').join(' '),
      FACETS.map((f) => fv[f].map((v) => idx(f, v))),
    ] as SearchIndexFile['docs'][number];
  });
  const topicText = Object.fromEntries(program.taxonomy.topics.map((t) => [t.id, [t.label, ...t.synonyms].join(' ')]));
  return { v: 1, chunk: CARD_CHUNK, facets: vocab, topicText, docs };
}
