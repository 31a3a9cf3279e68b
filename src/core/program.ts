import { z } from 'zod';
import { GITHUB_LOGIN } from './github-login.ts';
import { cohortIdSchema } from './matching/matches-file.ts';
import { safetySchema } from './safety.ts';
import { abuseSchema } from './abuse.ts';
import { isRealDate } from './clock.ts';
import { SITE_BASE } from './site-address.ts';

/**
 * program.yml: the rules a program committee sets. Every field has a default
 * except the two that identify the program, so a fork starts with a working file.
 * The docs table in docs/program-yml.md is generated from these descriptions.
 */

const login = z
  .string()
  .regex(GITHUB_LOGIN, {
    error: 'is not a GitHub login (letters, digits and single hyphens, at most 39 characters)',
  });

const taxonomyItem = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase words joined by hyphens, e.g. data-science' })
    .describe('The tag profiles use: lowercase words joined by hyphens.'),
  label: z.string().min(1).describe('How the directory shows it.'),
});

const topic = taxonomyItem.extend({
  synonyms: z
    .array(z.string().min(1))
    .default([])
    .describe('Other tags people use for this topic. A profile that uses one is rejected with the canonical id suggested.'),
});

const defaultStages = [
  { id: 'undergraduate', label: 'Undergraduate' },
  { id: 'masters', label: "Master's student" },
  { id: 'phd', label: 'PhD student' },
  { id: 'postdoc', label: 'Postdoc' },
  { id: 'early-career', label: 'Early career' },
  { id: 'mid-career', label: 'Mid career' },
  { id: 'career-change', label: 'Changing careers' },
];
const defaultFormats = [
  { id: 'video', label: 'Video call' },
  { id: 'chat', label: 'Chat' },
  { id: 'email', label: 'E-mail' },
  { id: 'in-person', label: 'In person' },
];
const defaultKinds = [
  { id: 'one-on-one', label: 'One-on-one' },
  { id: 'peer-group', label: 'Peer group' },
  { id: 'industry', label: 'Industry mentoring' },
];

const defaultDeclineReasons = [
  { id: 'no-time', label: 'No time right now' },
  { id: 'outside-topics', label: 'Outside my topics' },
  { id: 'not-a-fit', label: 'Not a good fit' },
  { id: 'other', label: 'Other' },
];

const bcp47 = z.string().refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { error: 'is not a BCP 47 language tag (examples: en, pt-BR, zh-Hant)' },
);

function days(description: string, value: number) {
  return z.number().int().min(1).max(365).default(value).describe(description);
}

export const limitsSchema = z.strictObject({
  max_open_requests: z
    .number().int().min(1).max(10).default(2)
    .describe('Requests a mentee may hold at once in status pending or saved.'),
  max_active_partnerships: z
    .number().int().min(1).max(5).default(1)
    .describe('Active partnerships a mentee may hold at once.'),
  max_mentor_capacity: z
    .number().int().min(1).max(20).default(2)
    .describe('Upper bound for a mentor profile’s availability.capacity.'),
  request_reminder_days: days('Days after a request is filed before the mentor is reminded.', 7),
  request_last_notice_days: days('Days after a request is filed before the mentor gets a last notice.', 23),
  request_expiry_days: days('Days after which an unanswered request expires.', 30),
  save_for_later_days: days('Days a request saved with /later stays open before it expires.', 30),
  checkin_interval_days: days('Days without a /checkin before a partnership is reminded.', 30),
  notice_days: days('Notice period, in days, when one party ends a partnership early with /end.', 30),
  save_notice_days: days('Days before a saved request expires that both people get a notice.', 7),
  invalid_close_days: days('Days a request may stay invalid (unfixed) before it is closed.', 30),
  freshness_days: days('Days after a profile’s last_confirmed date before the mentor is asked to confirm it.', 180),
  freshness_answer_days: days('Days a mentor has to answer a freshness check-in before the bot pauses the profile.', 14),
});

function weight(description: string, value: number) {
  return z.number().min(0).max(100).default(value).describe(description);
}

/** Cohort matching and peer groups (src/core/matching, docs/matching.md). */
export const matchingSchema = z.strictObject({
  weights: z
    .strictObject({
      topics: weight('Weight of topic overlap: the share of the mentee’s topics (synonyms resolved) that the mentor lists.', 5),
      language: weight('Weight of a shared language. Counts only when require_shared_language is false.', 1),
      timezone: weight('Weight of time-zone closeness: 1 − (hours apart, around the clock) / 12.', 2),
      stage: weight('Weight of career-stage fit: the mentor mentors the mentee’s stage.', 2),
      format: weight('Weight of format overlap: the share of the mentee’s formats the mentor offers.', 1),
      kind: weight('Weight of kind overlap: the share of the mentee’s kinds the mentor offers.', 1),
      slots: weight('Weight of the mentor’s free slots, as a share of limits.max_mentor_capacity.', 0.5),
    })
    .prefault({})
    .describe('How much each part of the pair score counts. Each part is a value from 0 to 1 times its weight.'),
  require_shared_language: z
    .boolean()
    .default(true)
    .describe('Pairs must share a language (same primary language subtag). If false, a shared language is a weighted part of the score instead.'),
  max_timezone_gap_hours: z
    .number().min(0).max(12)
    .optional()
    .describe('Pairs whose time zones are further apart than this many hours (around the clock) are not matched. Unset: no limit.'),
  different: z
    .array(z.enum(['affiliation']))
    .default([])
    .describe('Fields in which mentee and mentor must differ, e.g. [affiliation] for “different experiments”. A pair where either side leaves the field empty passes.'),
  max_pairs: z
    .number().int().min(1).max(100000)
    .optional()
    .describe('At most this many pairs, chosen by mentee priority (higher first), then by score. Unset: no limit.'),
  group_size: z.number().int().min(2).max(20).default(5).describe('Target size of a peer group.'),
  seed: z
    .string().min(1)
    .optional()
    .describe('Seed for the order in which ties are broken. The same input and seed always give the same result.'),
});

/**
 * A committee-matched cohort (docs/matching.md, "Cohorts"): `npm run forms` writes its application forms while it
 * is open, and `npm run match -- --cohort <id>` matches its applications into `matches/<id>.yaml`.
 */
export const cohortSchema = z.strictObject({
  id: cohortIdSchema
    // GitHub label names hold at most 50 characters, and the label is `cohort:<id>`.
    .max(43, { error: 'is longer than 43 characters: its label cohort:<id> must fit GitHub’s 50' })
    .describe('The cohort’s id: its `cohort:<id>` label, its forms’ file names and `matches/<id>.yaml`. Lower-case letters, digits, dots, underscores and dashes, e.g. 2027-spring.'),
  name: z.string().min(1).max(60).describe('How the forms and the pull request name the cohort, e.g. Spring 2027.'),
  kind: z
    .enum(['pairs', 'groups'])
    .default('pairs')
    .describe('pairs: the committee matches mentees with mentors (a mentee form and a mentor form). groups: peer groups of about group_size people (one participant form).'),
  term: z.number().int().min(1).max(24).describe('Term of the partnerships (or groups) in months; one of terms.'),
  open: z.boolean().default(false).describe('Whether applications are open: npm run forms writes the cohort’s forms only while this is true.'),
  starts: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD, e.g. 2027-03-01' })
    .refine(isRealDate, { error: 'must be a real date written YYYY-MM-DD' })
    .optional()
    .describe('The day the cohort starts (YYYY-MM-DD). Time-zone offsets are taken at 00:00 UTC that day, so a rerun gives the same file. Unset: the day of the run.'),
  group_size: z.number().int().min(2).max(20).optional().describe('Target size of this cohort’s peer groups. Unset: matching.group_size.'),
});
export type Cohort = z.infer<typeof cohortSchema>;

export const programSchema = z
  .strictObject({
    name: z.string().min(1).max(120).describe('The program’s name, shown in the site header and in bot comments.'),
    repository: z
      .string()
      .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'must be "owner/repo", the GitHub repository that holds requests' })
      .describe('The GitHub repository, as owner/repo, where mentees file requests.'),
    description: z.string().max(300).default('').describe('One sentence about the program for the home page and search engines.'),
    site: z
      .strictObject({
        url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://example-org.github.io' }).optional()
          .describe('The origin the site is served from; used for the sitemap and canonical links.'),
        base: z
          .string()
          .regex(SITE_BASE, { error: 'must start and end with "/", e.g. "/" or "/mentoring/"' })
          .default('/')
          .describe('Path the site lives under. Use "/<repo>/" for a project Pages site.'),
      })
      .prefault({})
      .describe('Where the directory is published.'),
    maintainers: z
      .array(login)
      .min(1, { error: 'needs at least one maintainer login' })
      .describe('GitHub logins of the program committee. They may act for anyone and receive reports.'),
    maintainer_team: z
      .string()
      .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'must be "org/team-slug"' })
      .optional()
      .describe('Optional GitHub team (org/team-slug) whose members count as maintainers too.'),
    limits: limitsSchema.prefault({}).describe('Quotas and day counts the bot enforces.'),
    eligibility: z
      .strictObject({
        org: z
          .string()
          .regex(/^[A-Za-z0-9-]+$/, { error: 'must be an organisation login such as my-society' })
          .optional()
          .describe('Mentees must be members of this GitHub organisation. With the default GITHUB_TOKEN only public membership is visible; see docs/eligibility.md.'),
        allow_list: z
          .string()
          .regex(/^content\/[\w./-]+$/, { error: 'must be a file under content/, e.g. content/eligible-mentees.txt' })
          .optional()
          .describe('A file under content/ listing one eligible GitHub login per line (# starts a comment).'),
      })
      .optional()
      .describe('Optional gate on who may request a mentor. If both are set, either one suffices.'),
    abuse: abuseSchema.prefault({}).describe('Abuse limits on requests: a weekly quota, a minimum account age, a blocklist, field lengths and mentions (docs/security.md, “Abuse limits”).'),
    decline_reasons: z
      .array(taxonomyItem)
      .min(1)
      .default(defaultDeclineReasons)
      .describe('Reasons a mentor can give with `/decline <id> [words]`. Free text without an id is always allowed and counts as the last reason.'),
    feedback_url: z
      .url({ protocol: /^https$/, error: 'must be an https URL of a private form, e.g. https://forms.example.org/mentoring-feedback' })
      .optional()
      .describe('Where partners give feedback privately when a partnership ends. The bot links it and never asks for feedback in the public thread.'),
    agreement: z
      .array(z.string().min(1).max(300))
      .optional()
      .describe('The mentoring agreement as checklist items for the partnership card. Unset: the ## headings of content/pages/agreement.mdx, each with its first sentences.'),
    terms: z
      .array(z.number().int().min(1).max(24))
      .min(1)
      .default([3, 6, 9, 12])
      .describe('Partnership terms, in months, that a mentee may request.'),
    taxonomy: z
      .strictObject({
        topics: z.array(topic).min(1).describe('Topics a mentor may list. Ids are what profiles use.'),
        stages: z.array(taxonomyItem).min(1).default(defaultStages).describe('Career stages a mentor may mentor.'),
        formats: z.array(taxonomyItem).min(1).default(defaultFormats).describe('How partners meet.'),
        kinds: z.array(taxonomyItem).min(1).default(defaultKinds).describe('Kinds of mentoring offered.'),
        languages: z
          .array(bcp47)
          .default([])
          .describe('BCP 47 tags a profile may use. Empty means any valid tag.'),
      })
      .describe('The vocabulary profiles are checked against and the directory filters on.'),
    matching: matchingSchema.prefault({}).describe('Cohort matching and peer groups: score weights and hard constraints (docs/matching.md).'),
    cohorts: z
      .array(cohortSchema)
      .default([])
      .describe('Cohorts the committee matches from applications (docs/matching.md, “Cohorts”). Each open cohort gets its application forms.'),
    safety: safetySchema.prefault({}).describe('Code of Conduct reports: who reads them (moderators), where they go, and whether /report locks the thread (docs/security.md, “Reporting”).'),
  })
  .superRefine((program, ctx) => {
    const seen = new Map<string, string>();
    program.taxonomy.topics.forEach((t, i) => {
      for (const tag of [t.id, ...t.synonyms]) {
        const owner = seen.get(tag);
        if (owner !== undefined && owner !== t.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['taxonomy', 'topics', i, 'synonyms'],
            message: `"${tag}" is already used by topic "${owner}"; a tag may belong to one topic only`,
          });
        }
        seen.set(tag, t.id);
      }
    });
    const cohortIds = new Set<string>();
    program.cohorts.forEach((c, i) => {
      if (cohortIds.has(c.id)) {
        ctx.addIssue({ code: 'custom', path: ['cohorts', i, 'id'], message: `cohort "${c.id}" is listed twice; each cohort needs its own id` });
      }
      cohortIds.add(c.id);
      if (!program.terms.includes(c.term)) {
        ctx.addIssue({ code: 'custom', path: ['cohorts', i, 'term'], message: `${c.term} months is not one of terms (${program.terms.join(', ')}); choose one of them or add it to terms` });
      }
    });
    const l = program.limits;
    if (!(l.request_reminder_days < l.request_last_notice_days && l.request_last_notice_days < l.request_expiry_days)) {
      ctx.addIssue({
        code: 'custom',
        path: ['limits', 'request_last_notice_days'],
        message: `reminder (${l.request_reminder_days}) < last notice (${l.request_last_notice_days}) < expiry (${l.request_expiry_days}) must hold`,
      });
    }
    if (l.save_notice_days >= l.save_for_later_days) {
      ctx.addIssue({
        code: 'custom',
        path: ['limits', 'save_notice_days'],
        message: `the notice (${l.save_notice_days} days before expiry) must come after the request is saved: make it less than save_for_later_days (${l.save_for_later_days})`,
      });
    }
  });

export type Program = z.infer<typeof programSchema>;
export type ProgramInput = z.input<typeof programSchema>;
