import MiniSearch from 'minisearch';
import { FACETS, type FacetValues } from '../core/directory.ts';
import type { SearchIndexFile } from '../site/model.ts';

/**
 * Full-text search over the index file. Runs in the browser and in the
 * benchmark, so query timings measure the code users run.
 */

const FIELDS = ['name', 'headline', 'topics', 'org', 'bio'] as const;

/** Fold case and accents so "zoe" finds "Zoë" and "sao" finds "São". */
export function normalizeTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface SearchEngine {
  /** Positions (list order) of the mentors that match, best match first. */
  search(q: string): number[];
  facets: FacetValues[];
  size: number;
}

export function createEngine(index: SearchIndexFile): SearchEngine {
  const facets: FacetValues[] = index.docs.map((d) => {
    const codes = d[5];
    return Object.fromEntries(FACETS.map((f, k) => [f, (codes[k] ?? []).map((i) => index.facets[f][i]!)])) as unknown as FacetValues;
  });
  const ms = new MiniSearch<{ id: number; name: string; headline: string; topics: string; org: string; bio: string }>({
    fields: [...FIELDS],
    storeFields: [],
    processTerm: (t) => normalizeTerm(t),
    searchOptions: {
      prefix: true,
      fuzzy: 0.2,
      combineWith: 'AND',
      boost: { name: 3, headline: 2, topics: 2 },
    },
  });
  ms.addAll(
    index.docs.map((d, id) => ({
      id,
      name: d[1],
      headline: d[2],
      topics: facets[id]!.topic.map((t) => index.topicText[t] ?? t).join(' '),
      org: d[3],
      bio: d[4],
    })),
  );
  return {
    facets,
    size: index.docs.length,
    search(q: string) {
      const query = q.trim();
      if (!query) return facets.map((_, i) => i);
      return ms.search(query).map((r) => r.id as number);
    },
  };
}
