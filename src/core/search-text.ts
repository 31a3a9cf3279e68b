/**
 * How text becomes search terms, in one place for the build (the index) and the
 * browser (queries), so both cut and fold words the same way.
 */

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how
i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself yourselves im ive id ill
its dont cant wont lets were theyre youre really lot lots much many way ways thing things get got like well one two`.split(/\s+/),
);

/** Fold case and accents so "zoe" finds "Zoë" and "sao" finds "São". */
export function normalizeTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '');
}

/** The word splitter MiniSearch uses by default: spaces and punctuation. */
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/**
 * The same separators among ASCII characters (there, \p{Z} is only the space and \p{P} is !"#%&'()*,-./:;?@[\]_{}).
 * Most bios are plain ASCII, and splitting them with this pattern takes about 60% of the time the Unicode one does.
 */
const SPLIT_ASCII = /[\n\r !"#%&'()*,\-./:;?@[\\\]_{}]+/;
const NOT_ASCII = /[^\0-\x7f]/;

/** Raw words, for MiniSearch's `tokenize`. */
export function tokenize(text: string): string[] {
  return text.split(NOT_ASCII.test(text) ? SPLIT : SPLIT_ASCII).filter(Boolean);
}

/** A normalized term, or null for words search should ignore; MiniSearch's `processTerm`. */
export function processTerm(word: string): string | null {
  const t = normalizeTerm(word);
  if (!t || STOPWORDS.has(t)) return null;
  return t;
}

/**
 * Each raw word's term, or null when search ignores it (stopwords, numbers). A build
 * meets the same few thousand words a million times; folding each once is much
 * cheaper. Cleared when it grows large, so it stays small in a long browser session.
 */
const termOf = new Map<string, string | null>();
const TERM_CACHE_MAX = 100_000;

function indexTerm(word: string): string | null {
  let t = termOf.get(word);
  if (t === undefined) {
    if (termOf.size >= TERM_CACHE_MAX) termOf.clear();
    const p = processTerm(word);
    t = p && !/^\d+$/.test(p) ? p : null;
    termOf.set(word, t);
  }
  return t;
}

/** Distinct normalized terms of a text, in order of first use. */
export function terms(text: string, minLength = 1): string[] {
  const seen = new Set<string>();
  for (const w of tokenize(text)) {
    const t = indexTerm(w);
    if (t && t.length >= minLength) seen.add(t);
  }
  return [...seen];
}

/** Strip Markdown syntax that would otherwise become search terms. */
export function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^#{1,6}\s.*$/gm, ' ')
    .replace(/[*_`>~|]/g, ' ');
}

/** Distinct content words of a bio (three letters or more). */
export function bioTerms(markdown: string): string[] {
  return terms(markdownToText(markdown), 3);
}

/** The first `n` characters of a term, whole: counted in code points, so a key never ends in half of one. */
export function leadingLetters(term: string, n: number): string {
  let end = 0;
  for (let i = 0; i < n && end < term.length; i++) end += (term.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return term.slice(0, end);
}

/**
 * Bio terms live in shards, one per first letter, or one per first two letters where a letter's would be large
 * (the build decides, src/site/model.ts); a query fetches only the shards its words need. The shard of `term`
 * among `keys`, the shards that exist, or undefined when no bio term can match it.
 */
export function shardFor(term: string, keys: ReadonlySet<string>): string | undefined {
  const two = leadingLetters(term, 2);
  if (keys.has(two)) return two;
  const one = leadingLetters(term, 1);
  return keys.has(one) ? one : undefined;
}
