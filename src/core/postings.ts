/**
 * Sorted document-number lists as text: gaps in base 36, comma-separated.
 * Gaps are small for common terms, and gzip packs such text close to a binary
 * varint encoding while staying plain JSON.
 */
export function encodePostings(ids: readonly number[]): string {
  let prev = -1;
  let out = '';
  for (const id of ids) {
    out += (out ? ',' : '') + (id - prev).toString(36);
    prev = id;
  }
  return out;
}

export function decodePostings(s: string): number[] {
  if (!s) return [];
  const out: number[] = [];
  let prev = -1;
  for (const part of s.split(',')) {
    prev += parseInt(part, 36);
    out.push(prev);
  }
  return out;
}

/** Invert per-document term lists into a sorted vocabulary and one postings string per term. */
export function invert(docs: readonly (readonly string[])[]): { terms: string[]; postings: string[] } {
  const map = new Map<string, number[]>();
  docs.forEach((ts, d) => {
    for (const t of ts) {
      let p = map.get(t);
      if (!p) map.set(t, (p = []));
      if (p[p.length - 1] !== d) p.push(d);
    }
  });
  const terms = [...map.keys()].sort();
  return { terms, postings: terms.map((t) => encodePostings(map.get(t)!)) };
}
