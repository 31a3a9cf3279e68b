import type { Profile } from './profile.ts';
import type { Program } from './program.ts';
import type { ParsedRequest } from './request-form.ts';
import { freeSlots, isAvailable, openPair, type RequestSummary } from './requests.ts';
import { makeScorer, type Mentee, type Score } from './matching/score.ts';

/**
 * Mentors to suggest to a mentee: when a request ends without a mentor (decline, expiry) and on `/suggest`.
 * Ranked by the matching score (docs/matching.md), so the bot, the cohort matcher and the site's "Find mentors
 * for me" agree on what a good fit is.
 *
 * Eligible: not the mentee, not excluded (already asked or named), open now with a free slot, no open request
 * of this mentee already with them, passing the program's hard constraints (a shared language when required,
 * the time-zone gap), and sharing at least one topic: a mentor who shares none is not a suggestion.
 */

export interface Suggestion {
  profile: Profile;
  free: number;
  score: Score;
}

export interface SuggestInput {
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  openRequests: readonly RequestSummary[];
  mentee: Mentee;
  exclude: readonly string[];
  /** YYYY-MM-DD (UTC): availability is judged on this day, time-zone offsets at its noon. */
  today: string;
  count?: number;
}

/**
 * The mentee side of the score from a request. Languages: what the mentee chose, else those of the mentors they
 * named (they asked them, so they can talk to them); unknown languages switch the language rule off rather than
 * rule everyone out.
 */
export function menteeFromRequest(request: ParsedRequest, author: string, mentors: ReadonlyMap<string, Profile>): Mentee {
  const named = [request.mentor, ...request.alternates].map((l) => mentors.get(l.toLowerCase())).filter((p): p is Profile => p !== undefined);
  const languages = request.languages.length > 0 ? request.languages : [...new Set(named.flatMap((p) => p.languages))];
  return {
    login: author,
    topics: request.areas,
    languages,
    ...(request.timezone ? { timezone: request.timezone } : {}),
    ...(request.stage ? { stage: request.stage } : {}),
    formats: request.format ? [request.format] : [],
    kinds: [],
  };
}

export function suggestMentors(input: SuggestInput): Suggestion[] {
  const { program, mentee } = input;
  // A request is one person asking one mentor; cohort-only rules (different affiliation) don't apply to it.
  const matching = {
    ...program.matching,
    different: [],
    require_shared_language: program.matching.require_shared_language && mentee.languages.length > 0,
  };
  const scorer = makeScorer(program, new Date(`${input.today}T12:00:00Z`), matching);
  const e = scorer.prepareMentee(mentee);
  const skip = new Set([mentee.login, ...input.exclude].map((l) => l.toLowerCase()));
  const out: Suggestion[] = [];
  for (const p of input.mentors.values()) {
    if (skip.has(p.github.toLowerCase()) || !isAvailable(p, input.today)) continue;
    const free = freeSlots(p, input.openRequests);
    if (free <= 0 || openPair(input.openRequests, mentee.login, p.github).length > 0) continue;
    if (!p.topics.some((t) => e.topics.includes(t))) continue;
    const r = scorer.prepareMentor({ profile: p, free });
    if (scorer.violations(e, r).length > 0) continue;
    out.push({ profile: p, free, score: scorer.score(e, r) });
  }
  return out
    .sort((a, b) => b.score.total - a.score.total || a.profile.github.toLowerCase().localeCompare(b.profile.github.toLowerCase()))
    .slice(0, input.count ?? 3);
}

/** The reasons worth reading in a comment: what matched, not the components that say nothing (any kind, slots). */
export function suggestionReasons(s: Suggestion): string {
  const parts = s.score.breakdown.filter((b) => ['topics', 'language', 'timezone', 'stage', 'format'].includes(b.component));
  return parts
    .filter((b) => b.raw > 0 && !/unknown|gave no|any format/.test(b.reason))
    .map((b) => b.reason.replace(' (a requirement, not scored)', ''))
    .join('; ');
}
