/**
 * The directory's filtering model, shared by the build (first view, counts) and
 * the browser (live filtering). Pure and dependency-free so it bundles small.
 */

/**
 * `slots` has one value, `free`: the mentor takes requests and had a slot free at the last status sync
 * (data/status.json). Without a status file no mentor has it, and the directory shows no such filter.
 */
export const FACETS = ['topic', 'stage', 'language', 'country', 'format', 'kind', 'availability', 'slots'] as const;
export type FacetKey = (typeof FACETS)[number];

export const FACET_LABELS: Record<FacetKey, string> = {
  topic: 'Topic',
  stage: 'Career stage',
  language: 'Language',
  country: 'Country/region',
  format: 'Format',
  kind: 'Kind of mentoring',
  availability: 'Availability',
  slots: 'Free slots',
};

/** A mentor reduced to its facet values, one list per facet. */
export type FacetValues = Record<FacetKey, readonly string[]>;
export type Filters = Record<FacetKey, string[]>;

export interface DirectoryState {
  q: string;
  filters: Filters;
}

export function emptyFilters(): Filters {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Filters;
}

/** Read state from a query string; unknown keys are ignored so old links keep working. */
export function parseState(search: string): DirectoryState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const f of FACETS) filters[f] = [...new Set(params.getAll(f).filter(Boolean))];
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a state, in a stable order so equal states give equal URLs. */
export function serializeState(state: DirectoryState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const f of FACETS) for (const v of [...state.filters[f]].sort()) params.append(f, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function isEmptyState(state: DirectoryState): boolean {
  return !state.q.trim() && FACETS.every((f) => state.filters[f].length === 0);
}

/**
 * Filtering and facet counts. count() returns the candidates that pass the
 * filters, and per facet value the number of results that ticking it would
 * give: counted against the other facets' filters (the usual faceted-search
 * convention), so a selected facet still shows its siblings. Values are small
 * integer ids in typed arrays because the browser recounts on every keystroke,
 * and string-keyed maps were the slow part at 10k mentors.
 */
export class FacetIndex {
  private readonly values = {} as Record<FacetKey, string[]>;
  private readonly ids = {} as Record<FacetKey, Map<string, number>>;
  private readonly offsets = {} as Record<FacetKey, Int32Array>;
  private readonly codes = {} as Record<FacetKey, Uint16Array>;
  /** Every facet's codes of a document in one run, as ids across all facets: one loop tallies a result. */
  private readonly allOffsets: Int32Array;
  private readonly allCodes: Uint32Array;
  private readonly base = {} as Record<FacetKey, number>;
  private readonly totalValues: number;
  readonly size: number;

  constructor(docs: readonly FacetValues[]) {
    this.size = docs.length;
    for (const f of FACETS) {
      const ids = new Map<string, number>();
      const values: string[] = [];
      const offsets = new Int32Array(docs.length + 1);
      const flat: number[] = [];
      docs.forEach((doc, d) => {
        offsets[d] = flat.length;
        for (const v of doc[f] ?? []) {
          let id = ids.get(v);
          if (id === undefined) ids.set(v, (id = values.push(v) - 1));
          flat.push(id);
        }
      });
      offsets[docs.length] = flat.length;
      this.values[f] = values;
      this.ids[f] = ids;
      this.offsets[f] = offsets;
      this.codes[f] = Uint16Array.from(flat);
    }
    let total = 0;
    for (const f of FACETS) {
      this.base[f] = total;
      total += this.values[f].length;
    }
    this.totalValues = total;
    this.allOffsets = new Int32Array(docs.length + 1);
    const all: number[] = [];
    for (let d = 0; d < docs.length; d++) {
      this.allOffsets[d] = all.length;
      for (const f of FACETS) for (let k = this.offsets[f][d]!, end = this.offsets[f][d + 1]!; k < end; k++) all.push(this.base[f] + this.codes[f][k]!);
    }
    this.allOffsets[docs.length] = all.length;
    this.allCodes = Uint32Array.from(all);
  }

  count(candidates: readonly number[], filters: Filters): { results: number[]; counts: Record<FacetKey, Map<string, number>> } {
    const active = FACETS.filter((f) => filters[f].length > 0);
    const wanted = {} as Record<FacetKey, Uint8Array>;
    for (const f of active) {
      const flags = new Uint8Array(this.values[f].length);
      for (const v of filters[f]) {
        const id = this.ids[f].get(v);
        if (id !== undefined) flags[id] = 1;
      }
      wanted[f] = flags;
    }
    const tally = new Int32Array(this.totalValues);
    const results: number[] = [];
    const { allOffsets, allCodes } = this;
    for (const d of candidates) {
      let failed: FacetKey | null = null;
      let failures = 0;
      for (const f of active) {
        const flags = wanted[f];
        const codes = this.codes[f];
        let hit = false;
        for (let k = this.offsets[f][d]!, end = this.offsets[f][d + 1]!; k < end; k++) {
          if (flags[codes[k]!]) {
            hit = true;
            break;
          }
        }
        if (!hit) {
          failed = f;
          if (++failures > 1) break;
        }
      }
      if (failures === 0) {
        results.push(d);
        for (let k = allOffsets[d]!, end = allOffsets[d + 1]!; k < end; k++) tally[allCodes[k]!]!++;
      } else if (failures === 1 && failed) {
        // Fails only this facet: it still counts toward that facet's other values.
        const codes = this.codes[failed];
        const base = this.base[failed];
        for (let k = this.offsets[failed][d]!, end = this.offsets[failed][d + 1]!; k < end; k++) tally[base + codes[k]!]!++;
      }
    }
    const counts = {} as Record<FacetKey, Map<string, number>>;
    for (const f of FACETS) {
      const m = new Map<string, number>();
      const base = this.base[f];
      this.values[f].forEach((v, id) => {
        const c = tally[base + id]!;
        if (c > 0) m.set(v, c);
      });
      counts[f] = m;
    }
    return { results, counts };
  }
}
