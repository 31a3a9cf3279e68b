import { z } from 'zod';
// The package's browser entry is the code list alone; its Node entry also loads every locale's country names.
import countries from 'i18n-iso-countries/index.js';
import type { Program } from './program.ts';
import { didYouMean } from './suggest.ts';
import { GITHUB_LOGIN } from './github-login.ts';
import { memo } from './memo.ts';
import { isRealDate } from './clock.ts';
import { topicResolver } from './topics.ts';

/**
 * The mentor profile schema depends on the program (taxonomy, capacity bound,
 * terms), so it is built from a Program rather than declared once.
 */


/** js-yaml (Astro) turns unquoted dates into Date objects; the yaml package keeps strings. Accept both, store YYYY-MM-DD. */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string({ error: (iss) => (iss.input === undefined ? 'is required: a date written YYYY-MM-DD' : 'must be a date written YYYY-MM-DD') }).refine(
    isRealDate,
    { error: 'must be a real date written YYYY-MM-DD, e.g. 2026-11-01' },
  ),
);

const zones = new Map<string, boolean>();
export function isTimeZone(tz: string): boolean {
  return memo(zones, tz, () => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz.includes('/') || tz === 'UTC';
    } catch {
      return false;
    }
  });
}

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

function oneOf(kind: string, ids: readonly string[]) {
  return z.string().superRefine((value, ctx) => {
    if (ids.includes(value)) return;
    ctx.addIssue({
      code: 'custom',
      message: `unknown ${kind} "${value}"; ${didYouMean(value, ids)}allowed: ${ids.join(', ')}`,
    });
  });
}

function nonEmptyUnique<T extends z.ZodType>(item: T, what: string) {
  return z
    .array(item, { error: `must be a list of ${what}, e.g. [a, b]` })
    .min(1, { error: `must name at least one ${what.replace(/s$/, '')}` })
    .refine((xs) => new Set(xs as unknown[]).size === xs.length, { error: `lists the same ${what.replace(/s$/, '')} twice` });
}

// Lives in topics.ts so the site's matching bundle can use it without zod; still exported here for existing callers.
export { topicResolver };

export function makeProfileSchema(program: Program) {
  const { canonical, ids: topicIds } = topicResolver(program);
  const maxCapacity = program.limits.max_mentor_capacity;
  const languages = program.taxonomy.languages;

  const topic = z.string().superRefine((value, ctx) => {
    if (topicIds.includes(value)) return;
    const target = canonical.get(value.toLowerCase());
    if (target) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is a synonym; use the canonical topic "${target}"` });
      return;
    }
    ctx.addIssue({
      code: 'custom',
      message: `unknown topic "${value}"; ${didYouMean(value, topicIds)}topics are listed in program.yml under taxonomy.topics`,
    });
  });

  const language = z.string().superRefine((value, ctx) => {
    if (!isLanguageTag(value)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a BCP 47 language tag (examples: en, pt-BR, zh-Hant)` });
    } else if (languages.length > 0 && !languages.includes(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `language "${value}" is not offered by this program; use one of ${languages.join(', ')} or add it to taxonomy.languages in program.yml`,
      });
    }
  });

  return z.strictObject({
    name: z.string({ error: 'is required: the name to show on the card' }).min(1).max(100),
    github: z.string({ error: 'is required: your GitHub login' }).regex(GITHUB_LOGIN, {
      error: 'is not a GitHub login (letters, digits and single hyphens, at most 39 characters)',
    }),
    pronouns: z.string().max(30).optional(),
    avatar: httpsUrl.optional(),
    headline: z
      .string({ error: 'is required: one line about what you can help with' })
      .min(1)
      .max(80, { error: 'is longer than 80 characters; shorten it' }),
    affiliation: z.string().max(120).optional(),
    location: z.strictObject(
      {
        country: z.string({ error: 'is required: an ISO 3166-1 alpha-2 code such as DE' }).refine((c) => /^[A-Z]{2}$/.test(c) && countries.isValid(c), {
          error: 'is not an ISO 3166-1 alpha-2 country code; use two capital letters such as DE, BR or KE',
        }),
        region: z.string().max(80).optional(),
        timezone: z
          .string()
          .refine(isTimeZone, { error: 'is not an IANA time zone; use a name such as Europe/Berlin or America/Sao_Paulo' })
          .optional(),
      },
      { error: 'is required: at least location.country' },
    ),
    languages: nonEmptyUnique(language, 'languages'),
    topics: nonEmptyUnique(topic, 'topics').refine((t) => t.length <= 8, { error: 'lists more than 8 topics; keep the ones you know best' }),
    stages: nonEmptyUnique(oneOf('career stage', program.taxonomy.stages.map((s) => s.id)), 'stages'),
    formats: nonEmptyUnique(oneOf('format', program.taxonomy.formats.map((s) => s.id)), 'formats'),
    kinds: nonEmptyUnique(oneOf('kind', program.taxonomy.kinds.map((s) => s.id)), 'kinds'),
    availability: z.strictObject(
      {
        status: z.enum(['open', 'paused'], { error: 'must be "open" or "paused"' }),
        capacity: z
          .number({ error: 'must be a whole number of mentees' })
          .int({ error: 'must be a whole number of mentees' })
          .min(1, { error: 'must be at least 1; pause the profile instead of setting 0' })
          .max(maxCapacity, { error: `is above the program's maximum of ${maxCapacity} (limits.max_mentor_capacity)` }),
        until: isoDate.optional(),
      },
      { error: 'is required: status and capacity' },
    ),
    terms: nonEmptyUnique(
      z.number({ error: 'must be a number of months' }).superRefine((m, ctx) => {
        if (!program.terms.includes(m)) {
          ctx.addIssue({ code: 'custom', message: `${m} months is not a term this program offers; choose from ${program.terms.join(', ')}` });
        }
      }),
      'terms',
    ),
    links: z
      .array(z.strictObject({ label: z.string().min(1).max(40), url: httpsUrl }))
      .max(5)
      .optional(),
    last_confirmed: isoDate,
  });
}

export type Profile = z.infer<ReturnType<typeof makeProfileSchema>>;

/** A profile as the site and bot use it: front matter plus its Markdown body. */
export interface Mentor extends Profile {
  body: string;
}
