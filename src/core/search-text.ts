/**
 * What the full-text index sees of a bio. Shipping whole bios would make the
 * index grow with every word mentors write; distinct content words keep search
 * (prefix and fuzzy matching work on words) at a fraction of the size.
 */

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how
i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself yourselves i'm i've i'd i'll
it's don't can't won't let's we're they're you're really lot lots much many way ways thing things get got also like well one two`.split(/\s+/),
);

/** Lowercase word tokens, accents kept (the browser's search folds them the same way). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’+#.-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu) ?? [];
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

/** Distinct content words of a bio, in order of first use. */
export function bioTerms(markdown: string): string[] {
  const seen = new Set<string>();
  for (const t of tokenize(markdownToText(markdown))) {
    if (t.length < 3 || STOPWORDS.has(t) || /^\d+$/.test(t)) continue;
    seen.add(t);
  }
  return [...seen];
}
