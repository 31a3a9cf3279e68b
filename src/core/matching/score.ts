import { z } from 'zod';
import { GITHUB_LOGIN } from '../github-login.ts';
import { isTimeZone } from '../profile.ts';

/**
 * The mentee side of the pair score, checked by zod. The score itself is in scorer.ts (no zod, so the site's
 * browser bundle can use it); everything there is re-exported here, so callers import from one place.
 */

export * from './scorer.ts';

export const menteeSchema = z.strictObject({
  login: z.string().regex(GITHUB_LOGIN, { error: 'is not a GitHub login' }),
  topics: z.array(z.string().min(1)).default([]).describe('Topic ids or their synonyms.'),
  languages: z.array(z.string().min(1)).min(1, { error: 'must name at least one language' }),
  timezone: z.string().refine(isTimeZone, { error: 'is not an IANA time zone such as Europe/Berlin' }).optional(),
  stage: z.string().min(1).optional(),
  formats: z.array(z.string().min(1)).default([]),
  kinds: z.array(z.string().min(1)).default([]),
  affiliation: z.string().min(1).optional(),
  /** Higher is chosen first when `matching.max_pairs` cuts the list. */
  priority: z.number().optional(),
});

export type Mentee = z.infer<typeof menteeSchema>;
export type MenteeInput = z.input<typeof menteeSchema>;
