import type { Profile } from './profile.ts';
import { freeSlots, isAvailable, openPair, type RequestSummary } from './requests.ts';

/**
 * Mentors to suggest when a request ends without a mentor: open, with a free slot now, sharing at least one
 * topic with the request. Ranked by shared topics, then free slots, then login so the list is stable. The
 * matching work replaces this score; the exclusions stay.
 */
export function suggestMentors(input: {
  mentors: ReadonlyMap<string, Profile>;
  openRequests: readonly RequestSummary[];
  mentee: string;
  areas: readonly string[];
  exclude: readonly string[];
  today: string;
  count?: number;
}): Profile[] {
  const skip = new Set([input.mentee, ...input.exclude].map((l) => l.toLowerCase()));
  const wanted = new Set(input.areas);
  return [...input.mentors.values()]
    .filter((p) => !skip.has(p.github.toLowerCase()) && isAvailable(p, input.today))
    .map((p) => ({ p, shared: p.topics.filter((t) => wanted.has(t)).length, free: freeSlots(p, input.openRequests) }))
    .filter((x) => x.shared > 0 && x.free > 0 && openPair(input.openRequests, input.mentee, x.p.github).length === 0)
    .sort((a, b) => b.shared - a.shared || b.free - a.free || a.p.github.localeCompare(b.p.github))
    .slice(0, input.count ?? 3)
    .map((x) => x.p);
}
