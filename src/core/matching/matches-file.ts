import { z } from 'zod';
import { GITHUB_LOGIN } from '../github-login.ts';
import { COMPONENTS } from './score.ts';

/**
 * `matches/<cohort>.yaml`: what `npm run match` proposes and the committee reviews in a pull request. When the
 * pull request is merged, the bot opens one partnership issue per pair (or one issue per peer group) from it.
 *
 * It is public: it names people and says why they were matched, never what they wrote in confidential fields.
 * The committee may edit it before merging (drop a pair, move someone between groups); the bot validates it
 * again on merge with this schema, so a mistake gets a message naming the field rather than half the issues.
 */

/** A cohort id as used in the `cohort:<id>` label and the file name: lower-case letters, digits, dots, dashes. */
export const COHORT_ID = /^[a-z0-9](?:[a-z0-9._-]{0,48}[a-z0-9])?$/;
export const cohortIdSchema = z.string().regex(COHORT_ID, {
  error: 'must be 1–50 lower-case letters, digits, dots, underscores or dashes, starting and ending with a letter or digit (e.g. 2027-spring)',
});

export const cohortLabel = (id: string) => `cohort:${id}`;
export const matchesPath = (id: string) => `matches/${id}.yaml`;

const login = z.string().regex(GITHUB_LOGIN, { error: 'is not a GitHub login' });

export const breakdownEntrySchema = z.strictObject({
  component: z.enum(COMPONENTS),
  contribution: z.number(),
  reason: z.string(),
});

export const matchedPairSchema = z.strictObject({
  mentee: login,
  mentor: login,
  /** The total score; the breakdown's contributions add up to it (rounded to thousandths). */
  score: z.number(),
  breakdown: z.array(breakdownEntrySchema).default([]),
  /** The application issues the pair came from, so the partnership issue can link them. */
  mentee_application: z.number().int().positive().optional(),
  mentor_application: z.number().int().positive().optional(),
});

export const unmatchedSchema = z.strictObject({
  login,
  /** Public wording: which constraint or limit kept this person out, never their own text. */
  reason: z.string().min(1),
  /** The mentee's application issue: the bot answers it on merge (without it, it finds it by login and role). */
  application: z.number().int().positive().optional(),
});

/** A mentor whose application the proposal used and who got no mentee: the bot thanks them on merge. */
export const unmatchedMentorSchema = z.strictObject({
  login,
  application: z.number().int().positive().optional(),
});

export const peerGroupSchema = z.strictObject({
  /** 1-based, stable within the file: the group issue's key. */
  number: z.number().int().positive(),
  members: z.array(login).min(2, { error: 'a group needs at least two members' }),
  shared_topics: z.array(z.string()).default([]),
  /** "a & b" for same-institution pairs the search could not separate; the institution is not named (it is applicant text). */
  same_institution: z.array(z.string()).default([]),
});

export const pairsSummarySchema = z.strictObject({
  mentees: z.number().int().nonnegative(),
  mentors: z.number().int().nonnegative(),
  slots: z.number().int().nonnegative(),
  pairs: z.number().int().nonnegative(),
  total_score: z.number(),
  greedy_total: z.number(),
  ratio_to_greedy: z.number(),
  blocking_pairs: z.number().int().nonnegative(),
});

export const groupsSummarySchema = z.strictObject({
  people: z.number().int().nonnegative(),
  groups: z.number().int().nonnegative(),
  size: z.number().int().positive(),
  shared_pairs: z.number().int().nonnegative(),
  same_institution_pairs: z.number().int().nonnegative(),
});

const common = {
  cohort: cohortIdSchema,
  /** Term of the partnerships opened on merge, in months (one of program.yml `terms`). */
  term_months: z.number().int().positive(),
  seed: z.string().optional(),
  /** The instant (ISO) time-zone offsets were taken at. */
  at: z.string(),
};

export const matchesFileSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pairs'),
    ...common,
    method: z.enum(['optimal', 'greedy', 'stable']),
    summary: pairsSummarySchema,
    pairs: z.array(matchedPairSchema).default([]),
    unmatched: z.array(unmatchedSchema).default([]),
    unmatched_mentors: z.array(unmatchedMentorSchema).default([]),
    blocking: z.array(z.strictObject({ mentee: login, mentor: login })).default([]),
  }),
  z.strictObject({
    kind: z.literal('groups'),
    ...common,
    summary: groupsSummarySchema,
    groups: z.array(peerGroupSchema).default([]),
  }),
]);

export type MatchesFile = z.infer<typeof matchesFileSchema>;
export type PairsFile = Extract<MatchesFile, { kind: 'pairs' }>;
export type GroupsFile = Extract<MatchesFile, { kind: 'groups' }>;
export type MatchedPair = z.infer<typeof matchedPairSchema>;
export type PeerGroup = z.infer<typeof peerGroupSchema>;
