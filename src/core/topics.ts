/**
 * Topic ids and their synonyms from the taxonomy. Kept apart from profile.ts (which needs zod and the country
 * list) so the browser's matching bundle can map topics without either.
 */

/** What of a program the topic map needs: full Programs fit, and so does the compact copy the site ships. */
export interface TopicTaxonomy {
  taxonomy: { topics: readonly { id: string; synonyms: readonly string[] }[] };
}

export function topicResolver(program: TopicTaxonomy) {
  const canonical = new Map<string, string>();
  for (const t of program.taxonomy.topics) {
    canonical.set(t.id, t.id);
    for (const s of t.synonyms) canonical.set(s.toLowerCase(), t.id);
  }
  const ids = program.taxonomy.topics.map((t) => t.id);
  return { canonical, ids };
}
