import { parseIssue } from '@github/issue-parser';
import { stringify } from 'yaml';
import { z } from 'zod';
import type { Program } from './program.ts';
import { GITHUB_LOGIN } from './github-login.ts';
import { withoutClock } from './clock.ts';
import { memo } from './memo.ts';
import { agreementField, dropdownField, inputField, textareaField, type FormField } from './form-fields.ts';
import { isTimeZone } from './profile.ts';
import { languageChoice } from './language-choice.ts';
import { reportLink } from './safety.ts';
import { FIELD } from './request-fields.ts';

/**
 * The "Request a mentor" issue form. It is generated from program.yml (so the
 * term, format and topic options always match the program) and the bot parses
 * request bodies against the same generated template.
 */

export const FORM_FILE = 'request-a-mentor.yml';

export { FIELD };

export const termOption = (months: number) => `${months} months`;
const COC_OPTION = 'I agree to follow the program’s Code of Conduct and the mentoring agreement.';

export function siteUrl(program: Program): string {
  const origin = program.site.url ?? `https://${program.repository.split('/')[0]}.github.io`;
  return `${origin.replace(/\/$/, '')}${program.site.base}`;
}

export function requestForm(program: Program): Record<string, unknown> {
  const site = siteUrl(program);
  const l = program.limits;
  return {
    name: 'Request a mentor',
    description: 'Ask a mentor from the directory to mentor you.',
    title: 'Mentorship request',
    labels: ['request'],
    body: [
      {
        type: 'markdown',
        attributes: {
          value: [
            `Find a mentor in the [directory](${site}) and use the **Request mentorship** button on their page: it fills in their login for you.`,
            '',
            `You can hold ${l.max_open_requests} open request${l.max_open_requests === 1 ? '' : 's'} and ${l.max_active_partnerships} active partnership${l.max_active_partnerships === 1 ? '' : 's'} at a time. Mentors usually answer within ${l.request_reminder_days}–10 days; an unanswered request expires after ${l.request_expiry_days} days. This issue is public: don’t include contact details.`,
            '',
            abuseLimitsSentence(program.abuse),
          ].join('\n'),
        },
      },
      input(FIELD.mentor, 'The GitHub login from the mentor’s page, for example ada-example.', 'ada-example', true),
      input(FIELD.alternate1, 'If the mentor declines or doesn’t answer in time, the request moves to this mentor.', '', false),
      input(FIELD.alternate2, 'Tried after the first alternate.', '', false),
      dropdownField(FIELD.areas, 'What would you like guidance on? Choose one or more.', program.taxonomy.topics.map((t) => t.label), { multiple: true, required: true }),
      textarea(FIELD.goals, 'What do you want to achieve by the end of the term? Two or three concrete goals work best.', true),
      dropdownField(FIELD.term, 'How long the partnership should last.', program.terms.map(termOption), { multiple: false, required: true }),
      dropdownField(FIELD.format, 'How you would like to meet.', program.taxonomy.formats.map((f) => f.label), { multiple: false, required: true }),
      dropdownField(FIELD.languages, 'Used to suggest other mentors if this request ends without a match. Leave empty to use the languages of the mentors you name.', program.taxonomy.languages.map(languageChoice), { multiple: true, required: false }),
      input(FIELD.timezone, 'An IANA time zone such as Europe/Berlin or America/Bogota, so suggested mentors are near your hours.', 'Europe/Berlin', false),
      dropdownField(FIELD.stage, 'Helps suggest mentors who mentor people at your stage.', program.taxonomy.stages.map((s) => s.label), { multiple: false, required: false }),
      textarea(FIELD.about, 'Your career stage, field and anything that helps the mentor decide. No contact details: this issue is public.', true),
      agreementField(FIELD.coc, site, [COC_OPTION]),
    ],
  };
}

const count = (n: number) => n.toLocaleString('en-US');
const both = (xs: string[]) => (xs.length > 2 ? `${xs.slice(0, -1).join(', ')}, and ${xs[xs.length - 1]}` : xs.join(' and '));

/**
 * The abuse limits a mentee can run into, said before they write (program.yml `abuse:`), so a long request is
 * not refused only after it is filed. Only the free-text fields' lengths: the others are far from their limits.
 */
export function abuseLimitsSentence(a: Program['abuse']): string {
  const goals = a.max_length[FIELD.goals.id];
  const about = a.max_length[FIELD.about.id];
  const parts = [
    ...(a.max_requests_per_week > 0 ? [`at most ${a.max_requests_per_week} new request${a.max_requests_per_week === 1 ? '' : 's'} from you in any 7 days`] : []),
    goals === about
      ? `up to ${count(goals)} characters in each of “${FIELD.goals.label}” and “${FIELD.about.label}”`
      : `up to ${count(goals)} characters in “${FIELD.goals.label}” and ${count(about)} in “${FIELD.about.label}”`,
    ...(a.allow_mentions ? [] : ['no @mentions of anyone but the mentors you name']),
  ];
  const age = a.min_account_age_days > 0 ? `, from GitHub accounts at least ${a.min_account_age_days} day${a.min_account_age_days === 1 ? '' : 's'} old` : '';
  return `To keep out spam, the program accepts ${both(parts)}${age}.`;
}

const input = (f: FormField, description: string, placeholder: string, required: boolean) => inputField(f, description, required, placeholder);
const textarea = textareaField;

export function requestFormYaml(program: Program): string {
  return `# Generated from program.yml by \`npm run forms\`; edit program.yml, not this file.\n${stringify(requestForm(program), { lineWidth: 0 })}`;
}

/** A problem with a request, addressed to the mentee: which field, what is wrong, how to fix it. */
export const problemSchema = z.object({ field: z.string(), message: z.string() });
export type Problem = z.infer<typeof problemSchema>;

export const parsedRequestSchema = z.object({
  mentor: z.string(),
  alternates: z.array(z.string()),
  areas: z.array(z.string()),
  goals: z.string(),
  term: z.number().int().optional(),
  format: z.string().optional(),
  /** Language tags; empty when the mentee left the field empty (older requests have no such field). */
  languages: z.array(z.string()).default([]),
  timezone: z.string().optional(),
  stage: z.string().optional(),
  about: z.string(),
  agreed: z.boolean(),
});
export type ParsedRequest = z.infer<typeof parsedRequestSchema>;


/** "@Ada-Example " and "https://github.com/ada-example" both mean ada-example. */
export function normalizeLogin(raw: string | undefined): string {
  const s = (raw ?? '').trim().replace(/^https?:\/\/github\.com\//i, '').replace(/^@/, '').replace(/\/+$/, '');
  return s === '_No response_' ? '' : s.toLowerCase();
}

/** Whether a body was written by the request form: its headings are what identify a request, not its title. */
export function looksLikeRequest(body: string | null | undefined): boolean {
  if (!body) return false;
  const headings = new Set([...body.matchAll(/^###\s+(.+?)\s*$/gm)].map((m) => m[1]));
  return headings.has(FIELD.mentor.label) && headings.has(FIELD.goals.label);
}

/** What @github/issue-parser returns for our form: inputs and textareas as text, dropdowns as lists, checkboxes as selected/unselected. */
const rawRequestSchema = z.looseObject({
  [FIELD.mentor.id]: z.string().optional(),
  [FIELD.alternate1.id]: z.string().optional(),
  [FIELD.alternate2.id]: z.string().optional(),
  [FIELD.areas.id]: z.array(z.string()).optional(),
  [FIELD.goals.id]: z.string().optional(),
  [FIELD.term.id]: z.array(z.string()).optional(),
  [FIELD.format.id]: z.array(z.string()).optional(),
  [FIELD.languages.id]: z.array(z.string()).optional(),
  [FIELD.timezone.id]: z.string().optional(),
  [FIELD.stage.id]: z.array(z.string()).optional(),
  [FIELD.about.id]: z.string().optional(),
  [FIELD.coc.id]: z.object({ selected: z.array(z.string()), unselected: z.array(z.string()) }).optional(),
});

// The form's YAML, once per program: the sweep parses thousands of request bodies against it.
const templates = new WeakMap<Program, string>();
const formTemplate = (program: Program) => memo(templates, program, () => stringify(requestForm(program)));

export function parseRequest(body: string, program: Program): { request: ParsedRequest; problems: Problem[] } {
  const problems: Problem[] = [];
  // The bot's clock at the end of the body is not part of the form.
  const shape = rawRequestSchema.safeParse(parseIssue(withoutClock(body), formTemplate(program)));
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = Object.values(FIELD).find((f) => f.id === issue.path[0])?.label ?? String(issue.path[0]);
      problems.push({ field, message: 'is not in the shape the form writes (was the section edited by hand?). Restore it as the form wrote it, or file a new request.' });
    }
  }
  const raw = (shape.success ? shape.data : {}) as Record<string, unknown>;
  const text = (id: string) => {
    const v = raw[id];
    return typeof v === 'string' && v.trim() !== '_No response_' ? v.trim() : '';
  };
  const list = (id: string) => (Array.isArray(raw[id]) ? (raw[id] as string[]) : []);

  const mentor = normalizeLogin(text(FIELD.mentor.id));
  if (!mentor) problems.push({ field: FIELD.mentor.label, message: 'is empty. Enter the GitHub login shown on the mentor’s page in the directory.' });
  else if (!GITHUB_LOGIN.test(mentor)) problems.push({ field: FIELD.mentor.label, message: `“${mentor}” is not a GitHub login. Copy the login from the mentor’s page, for example ada-example.` });

  const alternates: string[] = [];
  for (const f of [FIELD.alternate1, FIELD.alternate2]) {
    const login = normalizeLogin(text(f.id));
    if (!login) continue;
    if (!GITHUB_LOGIN.test(login)) problems.push({ field: f.label, message: `“${login}” is not a GitHub login. Leave it empty or enter a login from the directory.` });
    else alternates.push(login);
  }

  const topicByLabel = new Map(program.taxonomy.topics.map((t) => [t.label, t.id]));
  const areas: string[] = [];
  for (const a of list(FIELD.areas.id)) {
    const id = topicByLabel.get(a);
    if (id) areas.push(id);
    else problems.push({ field: FIELD.areas.label, message: `“${a}” is not one of the program’s topics. Choose from the list in the form.` });
  }
  if (list(FIELD.areas.id).length === 0) problems.push({ field: FIELD.areas.label, message: 'is empty. Choose at least one area you would like guidance on.' });

  const goals = text(FIELD.goals.id);
  if (!goals) problems.push({ field: FIELD.goals.label, message: 'is empty. Describe what you want to achieve during the term.' });

  const termText = list(FIELD.term.id)[0] ?? '';
  const months = /^(\d+)\s*months?$/.exec(termText.trim())?.[1];
  const term = months ? Number(months) : undefined;
  if (term === undefined) {
    problems.push({ field: FIELD.term.label, message: termText ? `“${termText}” is not a term. Choose ${program.terms.map(termOption).join(', ')}.` : `is empty. Choose ${program.terms.map(termOption).join(', ')}.` });
  }

  const formatLabel = list(FIELD.format.id)[0];
  const format = program.taxonomy.formats.find((f) => f.label === formatLabel)?.id;
  if (!format) problems.push({ field: FIELD.format.label, message: `${formatLabel ? `“${formatLabel}” is not a format` : 'is empty'}. Choose one of ${program.taxonomy.formats.map((f) => f.label).join(', ')}.` });

  // Optional fields used for suggestions: a mistake here is still a problem to fix, so it is not silently lost.
  const languages: string[] = [];
  for (const choice of list(FIELD.languages.id)) {
    const tag = program.taxonomy.languages.find((l) => languageChoice(l) === choice || l === choice.trim());
    if (tag) languages.push(tag);
    else problems.push({ field: FIELD.languages.label, message: `“${choice}” is not one of the program’s languages. Choose from the list in the form, or leave it empty.` });
  }
  const timezone = text(FIELD.timezone.id) || undefined;
  if (timezone !== undefined && !isTimeZone(timezone)) {
    problems.push({ field: FIELD.timezone.label, message: `“${timezone}” is not a time zone. Use an IANA name such as Europe/Berlin or America/New_York, or leave it empty.` });
  }
  const stageLabel = list(FIELD.stage.id)[0];
  const stage = stageLabel === undefined ? undefined : program.taxonomy.stages.find((s) => s.label === stageLabel)?.id;
  if (stageLabel !== undefined && !stage) {
    problems.push({ field: FIELD.stage.label, message: `“${stageLabel}” is not a career stage. Choose one of ${program.taxonomy.stages.map((s) => s.label).join(', ')}, or leave it empty.` });
  }

  const about = text(FIELD.about.id);
  if (!about) problems.push({ field: FIELD.about.label, message: 'is empty. Say a few words about your career stage and field.' });

  const coc = raw[FIELD.coc.id] as { selected?: string[] } | undefined;
  const agreed = (coc?.selected?.length ?? 0) > 0;
  if (!agreed) problems.push({ field: FIELD.coc.label, message: 'is not ticked. Read the Code of Conduct and tick the box to agree.' });

  return { request: { mentor, alternates, areas, goals, ...(term !== undefined ? { term } : {}), ...(format ? { format } : {}), languages, ...(timezone && isTimeZone(timezone) ? { timezone } : {}), ...(stage ? { stage } : {}), about, agreed }, problems };
}

/** `.github/ISSUE_TEMPLATE/config.yml`: no blank issues; point people at the directory and the Code of Conduct. */
export function issueConfigYaml(program: Program): string {
  const site = siteUrl(program);
  return `# Generated from program.yml by \`npm run forms\`.\n${stringify(
    {
      blank_issues_enabled: false,
      contact_links: [
        { name: 'Browse the mentor directory', url: site, about: 'Find a mentor, then use “Request mentorship” on their page.' },
        { name: 'Code of Conduct', url: `${site}code-of-conduct/`, about: 'How we treat each other, and how to report a concern.' },
        { name: 'Report a concern privately', url: reportLink(program), about: 'To the moderators only. An issue here is public: please don’t describe a concern in one.' },
      ],
    },
    { lineWidth: 0 },
  )}`;
}
