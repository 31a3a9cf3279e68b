import { parseIssue } from '@github/issue-parser';
import { Document, isScalar, stringify, visit } from 'yaml';
import { z } from 'zod';
import type { Program } from './program.ts';
import { APPLICATION_LABEL, labelSpec, type LabelSpec } from './labels.ts';
import { emptyDecision, type Decision } from './decision.ts';
import { isMaintainer } from './roles.ts';
import { siteUrl } from './request-form.ts';
import { validateProfile } from './validate.ts';
import { memo } from './memo.ts';
import { agreementField, dropdownField, inputField, textareaField } from './form-fields.ts';
import { languageChoice } from './language-choice.ts';

export { languageChoice };

/**
 * Mentor onboarding: the "Become a mentor" issue form, and what the bot makes of it. The form is generated
 * from program.yml (so its topics, stages, formats, kinds, terms and languages are the program's), an
 * application is parsed against the same generated form, turned into a profile file and checked by the very
 * validator `npm run validate` uses. The issue's author is the profile's login: the form has no login field.
 * Decisions are plain data; src/bot/onboarding.ts gathers the live state and applies them (docs/onboarding.md).
 */

export const APPLICATION_FORM_FILE = 'become-a-mentor.yml';
// The label is defined with every other label of the program, in labels.ts (npm run labels and the bot agree).
export { APPLICATION_LABEL };
export const APPLICATION_LABEL_SPEC: LabelSpec = labelSpec(APPLICATION_LABEL);
/** The hidden marker of the one status comment on an application: `<!-- mentorkit:application:<issue> -->`. */
export const APPLICATION_MARKER = 'application';

/** Each form field: its id, the heading GitHub writes in the issue, and the profile field it fills. */
export const APP_FIELD = {
  name: { id: 'name', label: 'Name', path: 'name' },
  pronouns: { id: 'pronouns', label: 'Pronouns (optional)', path: 'pronouns' },
  headline: { id: 'headline', label: 'Headline', path: 'headline' },
  avatar: { id: 'avatar', label: 'Photo URL (optional)', path: 'avatar' },
  affiliation: { id: 'affiliation', label: 'Affiliation (optional)', path: 'affiliation' },
  country: { id: 'country', label: 'Country', path: 'location.country' },
  region: { id: 'region', label: 'Region (optional)', path: 'location.region' },
  timezone: { id: 'timezone', label: 'Time zone (optional)', path: 'location.timezone' },
  languages: { id: 'languages', label: 'Languages', path: 'languages' },
  topics: { id: 'topics', label: 'Topics', path: 'topics' },
  stages: { id: 'stages', label: 'Career stages you mentor', path: 'stages' },
  formats: { id: 'formats', label: 'Meeting formats', path: 'formats' },
  kinds: { id: 'kinds', label: 'Kinds of mentoring', path: 'kinds' },
  capacity: { id: 'capacity', label: 'Mentees at a time', path: 'availability.capacity' },
  terms: { id: 'terms', label: 'Terms you offer', path: 'terms' },
  links: { id: 'links', label: 'Links (optional)', path: 'links' },
  about: { id: 'about', label: 'About me', path: 'body' },
  help: { id: 'help', label: 'How I can help', path: 'body' },
  expect: { id: 'expect', label: 'What I expect from a mentee (optional)', path: 'body' },
  agree: { id: 'agree', label: 'Code of Conduct and privacy', path: '' },
} as const;
type FieldKey = keyof typeof APP_FIELD;
type Field = (typeof APP_FIELD)[FieldKey];
const FIELDS = Object.values(APP_FIELD) as Field[];

/** The bio's sections, in the order and with the headings the sample profiles use. */
const SECTIONS = [
  { field: APP_FIELD.about, heading: 'About me' },
  { field: APP_FIELD.help, heading: 'How I can help' },
  { field: APP_FIELD.expect, heading: 'What I expect from a mentee' },
] as const;

const AGREE_OPTIONS = [
  'I agree to follow the program’s Code of Conduct and the mentoring agreement.',
  'I understand that my profile is public, and I have left out contact details such as e-mail addresses and phone numbers.',
];

export const termChoice = (months: number) => `${months} months`;

// ── The form ─────────────────────────────────────────────────────────────────────────────────────────────

export function applicationForm(program: Program): Record<string, unknown> {
  const site = siteUrl(program);
  const t = program.taxonomy;
  const max = program.limits.max_mentor_capacity;
  const input = inputField;
  const textarea = textareaField;
  const dropdown = (f: Field, description: string, options: string[], multiple: boolean) => dropdownField(f, description, options, { multiple, required: true });
  return {
    name: 'Become a mentor',
    description: 'Offer to mentor: your answers become your profile in the directory.',
    title: 'Mentor application',
    labels: [APPLICATION_LABEL],
    body: [
      {
        type: 'markdown',
        attributes: {
          value: [
            `Thank you for offering to mentor in ${program.name}! Your answers become your profile in the [directory](${site}). The bot checks them and opens a pull request that adds the profile; a program maintainer reviews and merges it.`,
            '',
            'Your GitHub login is the one filing this issue: the profile is always yours. Everything here is public, so leave out e-mail addresses, phone numbers and other contact details; mentees reach you through their request issue.',
          ].join('\n'),
        },
      },
      input(APP_FIELD.name, 'The name to show on your card.', true),
      input(APP_FIELD.pronouns, 'For example she/her, he/him, they/them.', false),
      input(APP_FIELD.headline, 'One line, at most 80 characters, about what you can help with.', true, 'Detector physicist turned data-platform lead in industry'),
      input(APP_FIELD.avatar, 'An https:// link to a photo of you. Leave it empty to show your initials.', false),
      input(APP_FIELD.affiliation, 'Where you work or study.', false),
      input(APP_FIELD.country, 'The two-letter ISO 3166-1 code of the country you live in, such as DE, BR or KE.', true, 'DE'),
      input(APP_FIELD.region, 'A state, province or city, if you like.', false),
      input(APP_FIELD.timezone, 'An IANA time zone such as Europe/Berlin or America/Sao_Paulo, so mentees can find a time to meet.', false, 'Europe/Berlin'),
      t.languages.length
        ? dropdown(APP_FIELD.languages, 'The languages you can mentor in.', t.languages.map(languageChoice), true)
        : input(APP_FIELD.languages, 'The languages you can mentor in, as BCP 47 tags separated by commas, such as en, pt-BR.', true, 'en'),
      dropdown(APP_FIELD.topics, 'What you can help with: up to 8 topics.', t.topics.map((x) => x.label), true),
      dropdown(APP_FIELD.stages, 'The career stages of the mentees you would like to mentor.', t.stages.map((x) => x.label), true),
      dropdown(APP_FIELD.formats, 'How you can meet.', t.formats.map((x) => x.label), true),
      dropdown(APP_FIELD.kinds, 'The kinds of mentoring you offer.', t.kinds.map((x) => x.label), true),
      dropdown(APP_FIELD.capacity, `How many mentees you can take at the same time (at most ${max}).`, Array.from({ length: max }, (_, i) => String(i + 1)), false),
      dropdown(APP_FIELD.terms, 'How long a partnership with you may last.', program.terms.map(termChoice), true),
      textarea(APP_FIELD.links, 'Up to 5 links, one a line, written as `Label: https://…`, for example `Personal site: https://example.org/ada`.', false),
      textarea(APP_FIELD.about, 'Your background, in a few sentences: what you did and do.', true),
      textarea(APP_FIELD.help, 'What mentees can come to you for. A short list works well.', true),
      textarea(APP_FIELD.expect, 'How often you like to meet and what you ask of a mentee.', false),
      agreementField(APP_FIELD.agree, site, AGREE_OPTIONS),
    ],
  };
}

export function applicationFormYaml(program: Program): string {
  return `# Generated from program.yml by \`npm run forms\`; edit program.yml, not this file.\n${stringify(applicationForm(program), { lineWidth: 0 })}`;
}

/** Whether a body was written by the form: its headings identify an application, whatever its title or labels. */
export function looksLikeApplication(body: string | null | undefined): boolean {
  if (!body) return false;
  const headings = new Set([...body.matchAll(/^###\s+(.+?)\s*$/gm)].map((m) => m[1]));
  return headings.has(APP_FIELD.headline.label) && headings.has(APP_FIELD.help.label) && headings.has(APP_FIELD.country.label);
}

export function isApplication(issue: { labels?: readonly string[]; body?: string | null }): boolean {
  return (issue.labels ?? []).includes(APPLICATION_LABEL) || looksLikeApplication(issue.body);
}

// ── Parsing, the profile, the file ───────────────────────────────────────────────────────────────────────

/** A problem with an application, as the applicant sees it: the form field's label, the validator's words. */
export interface AppProblem {
  field: string;
  /** The profile field the validator named, when it says more than the form field (`links[1].url`). */
  path?: string;
  message: string;
}

const checkboxes = z.object({ selected: z.array(z.string()), unselected: z.array(z.string()) });
const rawApplicationSchema = z.looseObject(
  Object.fromEntries(
    FIELDS.map((f) => [
      f.id,
      (f.id === APP_FIELD.agree.id ? checkboxes : ['languages', 'topics', 'stages', 'formats', 'kinds', 'capacity', 'terms'].includes(f.id) ? z.union([z.array(z.string()), z.string()]) : z.string()).optional(),
    ]),
  ),
);

export interface ParsedApplication {
  /** The profile's front matter, as the file will hold it (github and last_confirmed included). */
  data: Record<string, unknown>;
  /** The bio's sections, in order; empty ones are left out of the file. */
  bio: { field: Field; heading: string; text: string }[];
  problems: AppProblem[];
}

/** The value a taxonomy choice stands for: its id when the label (or the id) is known, else the text itself, for the validator to name. */
function idOf(items: readonly { id: string; label: string }[], choice: string): string {
  const c = choice.trim();
  return items.find((x) => x.label === c || x.id === c)?.id ?? c;
}

function parseLinks(text: string): { label: string; url: string }[] {
  const out: { label: string; url: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/^[-*+]\s+/, '');
    if (!line) continue;
    const md = /^\[([^\]]*)\]\(([^)\s]+)\)$/.exec(line);
    if (md) {
      out.push({ label: md[1]!.trim(), url: md[2]! });
      continue;
    }
    const url = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/i.exec(line);
    if (!url) {
      // No address on the line: keep it as the URL, so the validator says what a link needs.
      out.push({ label: line.slice(0, 40).trim(), url: line });
      continue;
    }
    const label = line.slice(0, url.index).replace(/[\s:|–—-]+$/, '').trim();
    out.push({ label: label || hostOf(url[0]), url: url[0].replace(/[>)\].,;]+$/, '') });
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url.slice(0, 40);
  }
}

// The form's YAML, once per program, as the request form's.
const templates = new WeakMap<Program, string>();
const formTemplate = (program: Program) => memo(templates, program, () => stringify(applicationForm(program)));

/**
 * What the form says, as a profile. Nothing is judged here that the validator judges: unknown choices are kept
 * as written, so that the validator names them in its own words. Only what the validator can't see is a
 * problem here: the form's shape, an empty bio section, an unticked box.
 */
export function parseApplication(body: string, program: Program, login: string, today: string): ParsedApplication {
  const problems: AppProblem[] = [];
  const shape = rawApplicationSchema.safeParse(parseIssue(body, formTemplate(program)));
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = FIELDS.find((f) => f.id === issue.path[0])?.label ?? String(issue.path[0]);
      problems.push({ field, message: 'is not in the shape the form writes (was the section edited by hand?). Restore it as the form wrote it.' });
    }
  }
  const raw = (shape.success ? shape.data : {}) as Record<string, unknown>;
  const text = (f: Field) => {
    const v = raw[f.id];
    return typeof v === 'string' && v.trim() !== '_No response_' ? v.trim() : '';
  };
  const list = (f: Field): string[] => {
    const v = raw[f.id];
    if (Array.isArray(v)) return v.map((x) => x.trim()).filter((x) => x && x !== '_No response_');
    return typeof v === 'string' && v.trim() !== '_No response_' ? v.split(/[,\s]+/).filter(Boolean) : [];
  };
  const t = program.taxonomy;

  const data: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined && value !== '') data[key] = value;
  };
  put('name', text(APP_FIELD.name));
  data.github = login;
  put('pronouns', text(APP_FIELD.pronouns));
  put('avatar', text(APP_FIELD.avatar));
  put('headline', text(APP_FIELD.headline));
  put('affiliation', text(APP_FIELD.affiliation));
  const country = text(APP_FIELD.country);
  const location: Record<string, unknown> = {};
  // A two-letter code typed in lower case is still the code.
  if (country) location.country = /^[a-z]{2}$/i.test(country) ? country.toUpperCase() : country;
  if (text(APP_FIELD.region)) location.region = text(APP_FIELD.region);
  if (text(APP_FIELD.timezone)) location.timezone = text(APP_FIELD.timezone);
  data.location = location;
  // "English (en)" is en; a tag typed by hand is itself.
  data.languages = list(APP_FIELD.languages).map((c) => /\(([^()]+)\)$/.exec(c)?.[1]?.trim() ?? c);
  data.topics = list(APP_FIELD.topics).map((c) => idOf(t.topics, c));
  data.stages = list(APP_FIELD.stages).map((c) => idOf(t.stages, c));
  data.formats = list(APP_FIELD.formats).map((c) => idOf(t.formats, c));
  data.kinds = list(APP_FIELD.kinds).map((c) => idOf(t.kinds, c));
  const capacity = list(APP_FIELD.capacity)[0];
  data.availability = { status: 'open', ...(capacity !== undefined ? { capacity: /^\d+$/.test(capacity) ? Number(capacity) : capacity } : {}) };
  data.terms = list(APP_FIELD.terms).map((c) => {
    const m = /^(\d+)(?:\s*months?)?$/i.exec(c.trim());
    return m ? Number(m[1]) : c;
  });
  const links = parseLinks(text(APP_FIELD.links));
  if (links.length) data.links = links;
  data.last_confirmed = today;

  const bio = SECTIONS.map((s) => ({ field: s.field, heading: s.heading, text: text(s.field) }));
  for (const s of bio) {
    if (s.field !== APP_FIELD.expect && !s.text) problems.push({ field: s.field.label, message: 'is empty. A few sentences are enough; they are the body of your profile.' });
  }
  const agree = raw[APP_FIELD.agree.id] as { selected?: string[] } | undefined;
  if ((agree?.selected?.length ?? 0) < AGREE_OPTIONS.length) {
    problems.push({ field: APP_FIELD.agree.label, message: 'is not fully ticked. Read the Code of Conduct, then tick both boxes.' });
  }
  return { data, bio: bio.filter((s) => s.text), problems };
}

export interface RenderedProfile {
  text: string;
  /** The file lines each bio section spans, to point the validator's `body` findings at a form field. */
  sections: { field: Field; from: number; to: number }[];
}

/** The profile file: YAML front matter in the sample profiles' style (lists of words inline), then the bio. */
export function renderProfile(data: Record<string, unknown>, bio: ParsedApplication['bio']): RenderedProfile {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  const front = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const lines = ['---', ...front.trimEnd().split('\n'), '---'];
  const sections: RenderedProfile['sections'] = [];
  for (const s of bio) {
    lines.push('', `## ${s.heading}`, '');
    const from = lines.length + 1;
    lines.push(...s.text.split('\n'));
    sections.push({ field: s.field, from: from - 2, to: lines.length });
  }
  return { text: `${lines.join('\n')}\n`, sections };
}

export const profilePath = (login: string) => `content/mentors/${login}.md`;

export type Checked = { ok: true; text: string; path: string } | { ok: false; problems: AppProblem[]; path: string };

/**
 * The application as a profile file, checked by `validateProfile`, the function behind `npm run validate`:
 * the same schema and the same messages. Each finding is shown at the form field it came from.
 */
export function checkApplication(body: string, program: Program, author: string, today: string): Checked {
  const login = author.toLowerCase();
  const path = profilePath(login);
  const parsed = parseApplication(body, program, login, today);
  const rendered = renderProfile(parsed.data, parsed.bio);
  const result = validateProfile(path, login, rendered.text, program);
  const found: AppProblem[] = result.diagnostics.map((d) => {
    const field = d.field === 'body' ? rendered.sections.find((s) => d.line >= s.from && d.line <= s.to)?.field : fieldOfPath(d.field);
    const label = field?.label ?? 'Profile';
    return { field: label, ...(field && field.path === d.field ? {} : { path: d.field }), message: d.message };
  });
  const order = (p: AppProblem) => {
    const i = FIELDS.findIndex((f) => f.label === p.field);
    return i < 0 ? FIELDS.length : i;
  };
  const problems = [...parsed.problems, ...found].map((p, i) => ({ p, i })).sort((a, b) => order(a.p) - order(b.p) || a.i - b.i).map((x) => x.p);
  return problems.length || !result.mentor ? { ok: false, problems, path } : { ok: true, text: rendered.text, path };
}

/** The form field behind a profile field: `links[1].url` is Links, `location` (missing) is Country. */
function fieldOfPath(path: string): Field | undefined {
  const head = path.replace(/\[\d+\].*$/, '');
  const profileFields = FIELDS.filter((f) => f.path !== 'body' && f.path !== '');
  return (
    profileFields.find((f) => f.path === head || f.path.startsWith(`${head}.`)) ??
    // A contact detail found in the front matter is named by the key on its line alone: `region`, a link's `url`.
    (head === 'label' || head === 'url' ? APP_FIELD.links : profileFields.find((f) => f.path.split('.').pop() === head))
  );
}

// ── The decision ─────────────────────────────────────────────────────────────────────────────────────────

/** A pull request from an application's branch, as GitHub lists it. */
export interface PullState {
  number: number;
  url: string;
  state: 'open' | 'closed';
  merged: boolean;
}

export interface ApplicationInput {
  program: Program;
  /** owner/repo, for links to files. */
  repository: string;
  issue: { number: number; author: string; authorType?: string; state: 'open' | 'closed'; labels: string[]; body: string };
  action: 'opened' | 'edited';
  /** Who caused the event: the author, or someone who edited the author's issue. */
  actor: string;
  /** Today (YYYY-MM-DD, UTC): the profile's last_confirmed. */
  today: string;
  /** Whether content/mentors/<author>.md is on the default branch (the checked-out workspace). */
  profileExists: boolean;
  /** The pull request from this application's branch, if one was ever opened. */
  pull?: PullState;
  /** An open pull request for the same login from another application (another issue). */
  otherPull?: PullState & { issue: number };
}

/** The pull request that adds (or, from a later edit, updates) the profile. */
export interface Proposal {
  login: string;
  issue: number;
  path: string;
  branch: string;
  text: string;
  title: string;
  body: string;
  /** The commit message: adding the file, or updating it on the pull request's branch. */
  message: string;
  /** The application's pull request is open already: write the file to its branch, open nothing. */
  update?: PullState;
}

export type ApplicationPlan =
  | { kind: 'ignore'; notes: string[] }
  | { kind: 'answer'; decision: Decision }
  | { kind: 'propose'; proposal: Proposal; decision: Decision };

/** What became of a proposal. `exists`: the file reached the default branch meanwhile, so nothing was written. */
export type ProposalResult = { kind: 'opened' | 'updated' | 'unchanged'; number: number; url: string } | { kind: 'exists' };

/** One branch per application, so a later application (after a closed pull request) gets a pull request of its own. */
export const applicationBranch = (login: string, issue: number) => `mentorkit/mentor-${login.toLowerCase()}-${issue}`;
export const APPLICATION_BRANCH_PREFIX = (login: string) => `mentorkit/mentor-${login.toLowerCase()}-`;

/**
 * Why an event on an application changes nothing, if it doesn't: a bot's issue, a closed issue, or an edit by
 * someone other than the applicant or a program maintainer (their edit is not the applicant's word).
 */
export function ignoreReason(input: Pick<ApplicationInput, 'program' | 'issue' | 'actor'>): string | undefined {
  const { issue, actor } = input;
  if (issue.authorType === 'Bot') return `#${issue.number} was filed by a bot; only people become mentors.`;
  if (issue.state === 'closed') return `#${issue.number} is closed; a closed application is not read.`;
  if (actor.toLowerCase() !== issue.author.toLowerCase() && !isMaintainer(input.program, actor)) {
    return `@${actor} edited @${issue.author}'s application #${issue.number}: only the applicant's and the program maintainers' edits are read, so nothing changes.`;
  }
  return undefined;
}

export function decideApplication(input: ApplicationInput): ApplicationPlan {
  const { program, issue } = input;
  const login = issue.author.toLowerCase();
  const author = `@${issue.author}`;
  const ignore = ignoreReason(input);
  if (ignore) return { kind: 'ignore', notes: [ignore] };
  const d = emptyDecision(issue.number);
  if (!issue.labels.includes(APPLICATION_LABEL)) d.addLabels.push(APPLICATION_LABEL);
  const say = (body: string, note: string): ApplicationPlan => {
    d.comments.push({ kind: APPLICATION_MARKER, key: String(issue.number), mode: 'upsert', body });
    d.notes.push(note);
    return { kind: 'answer', decision: d };
  };
  const path = profilePath(login);
  const fileLink = fileLinkOf(input.repository, path);
  const pull = input.pull;
  const pr = (p: PullState) => `[#${p.number}](${p.url})`;

  if (pull?.merged) {
    return say(
      `${author}, your profile was added in ${pr(pull)}: welcome aboard! To change it now, edit ${fileLink} in a pull request (the pencil button on the file), or ask a program maintainer. Changes to this issue are no longer read.`,
      `The pull request #${pull.number} was merged; nothing to do.`,
    );
  }
  if (pull?.state === 'closed') {
    return say(
      `${author}, the pull request with your profile, ${pr(pull)}, was closed without merging; the program maintainers may have said why there. I don’t open another one for this application. Ask ${program.maintainers.map((m) => `@${m}`).join(' or ')} if you think it should be looked at again.`,
      `The pull request #${pull.number} was closed without merging; not reopened.`,
    );
  }
  if (!pull && input.profileExists) {
    return say(existsComment(issue.author, input.repository, path), `${path} exists already; no pull request.`);
  }
  const checked = checkApplication(issue.body, program, login, input.today);
  if (!checked.ok) {
    return say(problemsComment(issue.author, checked.problems, pull), `${checked.problems.length} problem(s) with the application; listed them${pull ? `; #${pull.number} keeps the last version that passed` : ''}.`);
  }
  if (!pull && input.otherPull) {
    const o = input.otherPull;
    return say(
      `${author}, you already applied in #${o.issue}, and ${pr(o)} adds your profile from there. Edit that application instead; I don’t open a second pull request for the same profile.`,
      `#${o.issue} already has pull request #${o.number} for ${path}.`,
    );
  }
  const branch = applicationBranch(login, issue.number);
  return {
    kind: 'propose',
    decision: d,
    proposal: {
      login,
      issue: issue.number,
      path,
      branch,
      text: checked.text,
      title: `Add @${login}'s mentor profile`,
      body: pullBody(program, login, issue.number, path),
      message: pull ? `Update @${login}'s mentor profile from #${issue.number}` : `Add @${login}'s mentor profile (#${issue.number})`,
      ...(pull ? { update: pull } : {}),
    },
  };
}

/** After the pull request was opened, found or updated: say where it is, in the same comment that listed problems. */
export function afterProposal(input: Pick<ApplicationInput, 'program' | 'repository' | 'issue'>, p: Proposal, result: ProposalResult, d: Decision): Decision {
  const out: Decision = { ...d, comments: [...d.comments], notes: [...d.notes] };
  const author = `@${input.issue.author}`;
  let body: string;
  if (result.kind === 'exists') {
    body = existsComment(input.issue.author, input.repository, p.path);
    out.notes.push(`${p.path} reached the default branch meanwhile; no pull request.`);
  } else {
    body = [
      `${author}, thank you for offering to mentor! Your profile passes every check. Pull request [#${result.number}](${result.url}) adds it as \`${p.path}\`; a program maintainer reviews and merges it, and then you appear in the [directory](${siteUrl(input.program)}).`,
      '',
      'To change something before then, edit this issue: I check it again and update the pull request.',
    ].join('\n');
    out.notes.push(
      result.kind === 'opened' ? `Opened pull request #${result.number} (${p.branch}).` : result.kind === 'updated' ? `Updated ${p.path} on ${p.branch} (#${result.number}).` : `#${result.number} already holds this version of ${p.path}.`,
    );
  }
  out.comments.push({ kind: APPLICATION_MARKER, key: String(p.issue), mode: 'upsert', body });
  return out;
}

const fileLinkOf = (repository: string, path: string) => `[\`${path}\`](https://github.com/${repository}/blob/HEAD/${path})`;

export function existsComment(author: string, repository: string, path: string): string {
  return `@${author}, you already have a mentor profile: ${fileLinkOf(repository, path)}. To change it, edit that file in a pull request (the pencil button on the file), or ask a program maintainer; I don’t add a second one.`;
}

export function problemsComment(author: string, problems: AppProblem[], pull?: PullState): string {
  return [
    `@${author}, thank you for offering to mentor! Your profile can’t be added yet, because:`,
    '',
    ...problems.map((p) => `- **${p.field}**${p.path ? ` (\`${p.path}\`)` : ''}: ${p.message}`),
    '',
    'Edit this issue (the ⋯ menu on your first comment, then **Edit**) to fix it. I check again every time you save, and I’ll update this comment.',
    ...(pull ? ['', `Pull request [#${pull.number}](${pull.url}) keeps the last version that passed; I update it once these are fixed.`] : []),
  ].join('\n');
}

export function pullBody(program: Program, login: string, issue: number, path: string): string {
  return [
    `Adds @${login}'s mentor profile, \`${path}\`, from their application in #${issue}.`,
    '',
    `Closes #${issue}`,
    '',
    `- The profile passed the checks of \`npm run validate\` (the taxonomy, capacity and terms of program.yml, and no contact details).`,
    `- Until this is merged, @${login} changes it by editing #${issue}: each edit replaces the file on this branch, so ask them rather than pushing here.`,
    `- Merging adds them to the directory with the next build of the site, and closes #${issue}.`,
    '',
    `Checks don’t start on pull requests opened with the workflow’s token: close and reopen this pull request to run them. Maintainers: ${program.maintainers.map((m) => `@${m}`).join(', ')}.`,
  ].join('\n');
}
