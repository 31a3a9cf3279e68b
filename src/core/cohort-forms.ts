import { parseIssue } from '@github/issue-parser';
import { stringify } from 'yaml';
import { z } from 'zod';
import type { Cohort, Program } from './program.ts';
import type { Profile } from './profile.ts';
import { isTimeZone, topicResolver } from './profile.ts';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL } from './labels.ts';
import { agreementField, dropdownField, inputField, textareaField } from './form-fields.ts';
import { cohortLabel } from './matching/matches-file.ts';
import type { Mentee, MentorSlots } from './matching/score.ts';
import { languageChoice } from './language-choice.ts';
import { siteUrl, type Problem } from './request-form.ts';
import { memo } from './memo.ts';

/**
 * The cohort application forms ("Cohort application: mentee" and "Cohort application: mentor"), generated from a
 * cohort in program.yml by `npm run forms`, and what `npm run match` makes of an application: a mentee for the
 * matching core (`menteeSchema`), or a mentor (`MentorSlots`), or the problems, each naming its field.
 *
 * Confidential fields (the mentee's motivation, the mentor's notes) are read by the committee on the issue only:
 * parsing checks that the motivation was given and then drops it, so nothing downstream can copy it anywhere.
 * docs/matching.md, "Cohorts".
 */

export type Role = 'mentee' | 'mentor';
export const ROLES: readonly Role[] = ['mentee', 'mentor'];

/** One form per open cohort and role; a cohort of peer groups has the mentee form only. */
export const cohortFormFile = (id: string, role: Role) => `cohort-${id}-${role}.yml`;
/** The forms `npm run forms` owns: it deletes those of cohorts that are closed or gone. */
export const COHORT_FORM_FILE = /^cohort-[a-z0-9._-]+-(?:mentee|mentor)\.yml$/;
export const roleLabel = (role: Role) => (role === 'mentee' ? COHORT_MENTEE_LABEL : COHORT_MENTOR_LABEL);
export const rolesOf = (cohort: Cohort): Role[] => (cohort.kind === 'groups' ? ['mentee'] : ['mentee', 'mentor']);

export const COHORT_FIELD = {
  capacity: { id: 'capacity', label: 'Mentees you can take in this cohort' },
  topics: { id: 'topics', label: 'Topics' },
  languages: { id: 'languages', label: 'Languages' },
  timezone: { id: 'timezone', label: 'Time zone (optional)' },
  stage: { id: 'stage', label: 'Your career stage' },
  stages: { id: 'stages', label: 'Career stages you mentor' },
  formats: { id: 'formats', label: 'Meeting formats' },
  kinds: { id: 'kinds', label: 'Kinds of mentoring' },
  affiliation: { id: 'affiliation', label: 'Affiliation or institution' },
  motivation: { id: 'motivation', label: 'Motivation (confidential)' },
  notes: { id: 'notes', label: 'Notes for the committee (confidential, optional)' },
  agree: { id: 'agree', label: 'Code of Conduct and privacy' },
} as const;
type Field = (typeof COHORT_FIELD)[keyof typeof COHORT_FIELD];

const MENTEE_FIELDS: Field[] = [
  COHORT_FIELD.topics, COHORT_FIELD.languages, COHORT_FIELD.timezone, COHORT_FIELD.stage, COHORT_FIELD.formats,
  COHORT_FIELD.kinds, COHORT_FIELD.affiliation, COHORT_FIELD.motivation, COHORT_FIELD.agree,
];
const MENTOR_FIELDS: Field[] = [
  COHORT_FIELD.capacity, COHORT_FIELD.topics, COHORT_FIELD.languages, COHORT_FIELD.timezone, COHORT_FIELD.stages,
  COHORT_FIELD.formats, COHORT_FIELD.kinds, COHORT_FIELD.affiliation, COHORT_FIELD.notes, COHORT_FIELD.agree,
];
export const fieldsOf = (role: Role) => (role === 'mentee' ? MENTEE_FIELDS : MENTOR_FIELDS);

/** Free-text fields: their text never reaches the matches file (a test plants a string in each and looks for it). */
export const FREE_TEXT_FIELDS: Record<Role, Field[]> = {
  mentee: [COHORT_FIELD.timezone, COHORT_FIELD.affiliation, COHORT_FIELD.motivation],
  mentor: [COHORT_FIELD.timezone, COHORT_FIELD.affiliation, COHORT_FIELD.notes],
};

const AGREE_OPTIONS = [
  'I agree to follow the program’s Code of Conduct and the mentoring agreement.',
  'I understand that this issue is visible to everyone who can see this repository, and I have left out contact details.',
];

const CONFIDENTIAL =
  'The program committee reads it to match you; it is never copied into the matches file, the directory site or any export. ' +
  'This issue itself is visible to everyone who can see this repository (in a public repository, everyone), so write only what you are comfortable with them reading.';

/** Whether the affiliation is asked for: a `different: [affiliation]` constraint or peer groups depend on it. */
export const affiliationNeeded = (program: Program, cohort: Cohort) => program.matching.different.includes('affiliation') || cohort.kind === 'groups';

// ── The forms ────────────────────────────────────────────────────────────────────────────────────────────

export function cohortForm(program: Program, cohort: Cohort, role: Role): Record<string, unknown> {
  const site = siteUrl(program);
  const t = program.taxonomy;
  const max = program.limits.max_mentor_capacity;
  const groups = cohort.kind === 'groups';
  const mentor = role === 'mentor';
  const size = cohort.group_size ?? program.matching.group_size;
  const needAffiliation = affiliationNeeded(program, cohort);
  const fromProfile = ' Leave it empty to use the one in your directory profile.';
  const input = inputField;
  const textarea = textareaField;
  const dropdown = (f: Field, description: string, options: string[], multiple: boolean, required: boolean) => dropdownField(f, description, options, { multiple, required });
  const what = groups
    ? `the program committee forms peer groups of about ${size} people, from different institutions where possible, for ${cohort.term} months`
    : `the program committee matches mentees with mentors for ${cohort.term}-month partnerships`;
  const intro = [
    `Apply ${mentor ? 'as a mentor ' : ''}to **${cohort.name}**, a cohort of ${program.name}. When applications close, ${what}. The proposal is reviewed in a pull request; once it is merged, you get an issue ${groups ? 'with your group' : mentor ? 'for each mentee matched with you' : 'with your mentor'}.`,
    '',
    mentor
      ? `If you have a profile in the [directory](${site}), leave any field below empty to use what your profile says; the answers you give count for this cohort only. Without a profile, topics, languages and career stages are needed.`
      : `This issue is visible to everyone who can see this repository. The motivation is read by the program committee only to match you: it is never copied into the matches file, the directory site or any export. Leave out contact details.`,
    '',
    'Applied twice? Only your latest application counts.',
  ].join('\n');
  const body: unknown[] = [{ type: 'markdown', attributes: { value: intro } }];
  if (mentor) {
    body.push(dropdown(COHORT_FIELD.capacity, `How many mentees you can take in this cohort (at most ${max}), whatever your directory profile says.`, Array.from({ length: max }, (_, i) => String(i + 1)), false, true));
  }
  body.push(
    dropdown(COHORT_FIELD.topics, mentor ? `What you can help with.${fromProfile}` : 'What you would like guidance on. Choose one or more.', t.topics.map((x) => x.label), true, !mentor),
    t.languages.length
      ? dropdown(COHORT_FIELD.languages, mentor ? `The languages you can mentor in.${fromProfile}` : 'The languages you can be mentored in.', t.languages.map(languageChoice), true, !mentor)
      : input(COHORT_FIELD.languages, `BCP 47 tags separated by commas, such as en, pt-BR.${mentor ? fromProfile : ''}`, !mentor, 'en'),
    input(COHORT_FIELD.timezone, `An IANA time zone such as Europe/Berlin or America/Sao_Paulo, so you are matched with people near your hours.${mentor ? fromProfile : ''}`, false, 'Europe/Berlin'),
    mentor
      ? dropdown(COHORT_FIELD.stages, `The career stages of the mentees you would like to mentor.${fromProfile}`, t.stages.map((x) => x.label), true, false)
      : dropdown(COHORT_FIELD.stage, 'Where you are in your career.', t.stages.map((x) => x.label), false, true),
    dropdown(COHORT_FIELD.formats, mentor ? `How you can meet.${fromProfile} Without a profile, empty means any.` : 'How you would like to meet. Leave empty if any suits you.', t.formats.map((x) => x.label), true, false),
    dropdown(COHORT_FIELD.kinds, mentor ? `The kinds of mentoring you offer.${fromProfile} Without a profile, empty means any.` : 'The kinds of mentoring you are looking for. Leave empty if any suits you.', t.kinds.map((x) => x.label), true, false),
    input(
      COHORT_FIELD.affiliation,
      (needAffiliation
        ? groups && !program.matching.different.includes('affiliation')
          ? 'Where you work or study: groups mix people from different institutions.'
          : 'Where you work or study (for example your experiment or institute): mentees and mentors from the same one are not matched.'
        : 'Where you work or study.') + (mentor ? fromProfile : ''),
      needAffiliation && !mentor,
    ),
    mentor
      ? textarea(COHORT_FIELD.notes, `Anything the committee should know when matching, such as mentees you should not be matched with. ${CONFIDENTIAL}`, false)
      : textarea(COHORT_FIELD.motivation, `Why you are applying and what you hope to get from the cohort. ${CONFIDENTIAL}`, true),
    agreementField(COHORT_FIELD.agree, site, AGREE_OPTIONS),
  );
  return {
    name: `Cohort application: ${role} — ${cohort.name}`,
    description: mentor ? `Offer to mentor in ${cohort.name}; the committee matches mentees with you.` : `Apply to ${cohort.name}; the committee matches ${groups ? 'you into a peer group' : 'you with a mentor'}.`,
    title: `Cohort application: ${role} (${cohort.name})`,
    labels: [cohortLabel(cohort.id), roleLabel(role)],
    body,
  };
}

export function cohortFormYaml(program: Program, cohort: Cohort, role: Role): string {
  return `# Generated from program.yml (cohort ${cohort.id}) by \`npm run forms\`; edit program.yml, not this file.\n${stringify(cohortForm(program, cohort, role), { lineWidth: 0 })}`;
}

/** Every form file the open cohorts need, by file name. */
export function cohortForms(program: Program): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of program.cohorts) {
    if (!c.open) continue;
    for (const role of rolesOf(c)) out.set(cohortFormFile(c.id, role), cohortFormYaml(program, c, role));
  }
  return out;
}

// ── Telling applications apart ───────────────────────────────────────────────────────────────────────────

const headingsOf = (body: string) => new Set([...body.matchAll(/^###\s+(.+?)\s*$/gm)].map((m) => m[1]));

/** Which cohort form wrote a body, by its headings (the confidential field and, for mentors, the capacity). */
export function cohortFormRole(body: string | null | undefined): Role | undefined {
  if (!body) return undefined;
  const h = headingsOf(body);
  if (h.has(COHORT_FIELD.capacity.label) && h.has(COHORT_FIELD.notes.label)) return 'mentor';
  if (h.has(COHORT_FIELD.motivation.label) && h.has(COHORT_FIELD.stage.label)) return 'mentee';
  return undefined;
}

/** An application's role: its role label decides; with both or neither, the form that wrote the body does. */
export function applicationRole(issue: { labels: readonly string[]; body: string | null | undefined }): Role | undefined {
  const mentee = issue.labels.includes(COHORT_MENTEE_LABEL);
  const mentor = issue.labels.includes(COHORT_MENTOR_LABEL);
  return mentee !== mentor ? (mentee ? 'mentee' : 'mentor') : cohortFormRole(issue.body);
}

/** A cohort application, by its role label or its form's headings: never a request, whatever else it carries. */
export function isCohortApplication(issue: { labels?: readonly string[]; body?: string | null }): boolean {
  const labels = issue.labels ?? [];
  return labels.includes(COHORT_MENTEE_LABEL) || labels.includes(COHORT_MENTOR_LABEL) || cohortFormRole(issue.body) !== undefined;
}

// ── Parsing ──────────────────────────────────────────────────────────────────────────────────────────────

export interface ApplicationContext {
  program: Program;
  cohort: Cohort;
  /** The applicant: the issue's author. */
  login: string;
  /** The day the application was filed (YYYY-MM-DD). */
  filed: string;
  /** A mentor's directory profile, when content/mentors/<login>.md exists and is valid. */
  profile?: Profile | undefined;
}

export type ParsedMentee = { ok: true; mentee: Mentee } | { ok: false; problems: Problem[] };
export type ParsedMentor = { ok: true; mentor: MentorSlots; fromProfile: string[] } | { ok: false; problems: Problem[] };

const checkboxes = z.object({ selected: z.array(z.string()), unselected: z.array(z.string()) });
const rawSchema = z.looseObject(
  Object.fromEntries(
    Object.values(COHORT_FIELD).map((f) => [f.id, (f.id === COHORT_FIELD.agree.id ? checkboxes : z.union([z.array(z.string()), z.string()])).optional()]),
  ),
);

// The template each body is parsed against, once per program, cohort and role.
const templates = new WeakMap<Cohort, Map<string, string>>();
const templateOf = (program: Program, cohort: Cohort, role: Role) =>
  memo(memo(templates, cohort, () => new Map<string, string>()), role, () => stringify(cohortForm(program, cohort, role)));

/** The answers of one form, read leniently: the checks are the parser's callers'. */
function readForm(body: string, program: Program, cohort: Cohort, role: Role) {
  const problems: Problem[] = [];
  const fields = fieldsOf(role);
  const shape = rawSchema.safeParse(parseIssue(body, templateOf(program, cohort, role)));
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const field = fields.find((f) => f.id === issue.path[0])?.label ?? String(issue.path[0]);
      problems.push({ field, message: 'is not in the shape the form writes (was the section edited by hand?). Restore it as the form wrote it, or file a new application.' });
    }
  }
  const raw = (shape.success ? shape.data : {}) as Record<string, unknown>;
  const empty = (s: string) => !s || s === '_No response_' || s === 'None';
  const text = (f: Field) => {
    const v = raw[f.id];
    const s = typeof v === 'string' ? v.trim() : Array.isArray(v) ? v.join(', ').trim() : '';
    return empty(s) ? '' : s;
  };
  const list = (f: Field): string[] => {
    const v = raw[f.id];
    const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
    return items.map((x) => x.trim()).filter((x) => !empty(x));
  };
  const agreed = (raw[COHORT_FIELD.agree.id] as { selected?: string[] } | undefined)?.selected?.length ?? 0;
  // A field the form asks for but the body lacks entirely was deleted by hand; named, so it can be restored.
  const headings = headingsOf(body);
  for (const f of fields) {
    if (!headings.has(f.label) && !problems.some((p) => p.field === f.label)) {
      problems.push({ field: f.label, message: `${MISSING} (its “### ${f.label}” heading is gone). File a new application from the form, or restore the section.` });
    }
  }
  return { problems, text, list, agreed };
}

type Reader = ReturnType<typeof readForm>;
const MISSING = 'is missing from the application';

/** Choices from a taxonomy, as the dropdown shows them (labels) or as ids; anything else is a problem. */
function choices(r: Reader, f: Field, items: readonly { id: string; label: string }[], problems: Problem[], canonical?: Map<string, string>): string[] {
  const out: string[] = [];
  for (const c of r.list(f)) {
    const id = items.find((x) => x.label === c || x.id === c)?.id ?? canonical?.get(c.toLowerCase());
    if (id === undefined) problems.push({ field: f.label, message: `“${c}” is not one of the choices. Choose from the list in the form: ${items.map((x) => x.label).join(', ')}.` });
    else if (!out.includes(id)) out.push(id);
  }
  return out;
}

function languages(r: Reader, program: Program, problems: Problem[]): string[] {
  const f = COHORT_FIELD.languages;
  const allowed = program.taxonomy.languages;
  const out: string[] = [];
  for (const c of r.list(f).flatMap((x) => (allowed.length ? [x] : x.split(/\s+/)))) {
    // "English (en)" is en; a tag typed by hand is itself.
    const tag = /\(([^()]+)\)$/.exec(c)?.[1]?.trim() ?? c;
    let valid = false;
    try {
      valid = Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      valid = false;
    }
    if (!valid) problems.push({ field: f.label, message: `“${tag}” is not a language tag. Write BCP 47 tags such as en, pt-BR, separated by commas.` });
    else if (allowed.length && !allowed.includes(tag)) problems.push({ field: f.label, message: `“${tag}” is not a language of this program. Choose from the list in the form.` });
    else if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

function timezone(r: Reader, problems: Problem[]): string | undefined {
  const tz = r.text(COHORT_FIELD.timezone);
  if (!tz) return undefined;
  if (isTimeZone(tz)) return tz;
  problems.push({ field: COHORT_FIELD.timezone.label, message: `“${tz}” is not an IANA time zone. Write one such as Europe/Berlin or America/Sao_Paulo, or leave it empty.` });
  return undefined;
}

function affiliation(r: Reader, problems: Problem[]): string | undefined {
  const a = r.text(COHORT_FIELD.affiliation).replace(/\s+/g, ' ');
  if (a.length > 120) {
    problems.push({ field: COHORT_FIELD.affiliation.label, message: `is ${a.length} characters long; shorten it to at most 120 (the name of the institution is enough).` });
    return undefined;
  }
  return a || undefined;
}

function agreement(r: Reader, problems: Problem[]) {
  if (r.agreed < AGREE_OPTIONS.length) problems.push({ field: COHORT_FIELD.agree.label, message: 'is not fully ticked. Read the Code of Conduct, then tick both boxes.' });
}

/** A mentee application as the matching core's mentee. The motivation is checked, then dropped. */
export function parseMenteeApplication(body: string, ctx: ApplicationContext): ParsedMentee {
  const { program, cohort } = ctx;
  const r = readForm(body, program, cohort, 'mentee');
  const problems = [...r.problems];
  const t = program.taxonomy;
  const topics = choices(r, COHORT_FIELD.topics, t.topics, problems, topicResolver(program).canonical);
  if (r.list(COHORT_FIELD.topics).length === 0) problems.push({ field: COHORT_FIELD.topics.label, message: 'is empty. Choose at least one topic you would like guidance on.' });
  const langs = languages(r, program, problems);
  if (r.list(COHORT_FIELD.languages).length === 0) problems.push({ field: COHORT_FIELD.languages.label, message: 'is empty. Choose at least one language you can be mentored in.' });
  const tz = timezone(r, problems);
  const stages = choices(r, COHORT_FIELD.stage, t.stages, problems);
  if (r.list(COHORT_FIELD.stage).length === 0) problems.push({ field: COHORT_FIELD.stage.label, message: 'is empty. Choose the stage closest to yours.' });
  else if (stages.length > 1) problems.push({ field: COHORT_FIELD.stage.label, message: 'names more than one stage. Choose the one closest to yours.' });
  const formats = choices(r, COHORT_FIELD.formats, t.formats, problems);
  const kinds = choices(r, COHORT_FIELD.kinds, t.kinds, problems);
  const aff = affiliation(r, problems);
  if (!aff && affiliationNeeded(program, cohort) && r.text(COHORT_FIELD.affiliation) === '') {
    problems.push({ field: COHORT_FIELD.affiliation.label, message: 'is empty. Name where you work or study: the committee keeps people from the same one apart.' });
  }
  if (!r.text(COHORT_FIELD.motivation)) problems.push({ field: COHORT_FIELD.motivation.label, message: 'is empty. Say in a few sentences why you are applying; only the committee reads it to match you.' });
  agreement(r, problems);
  if (problems.length) return { ok: false, problems: ordered(problems, 'mentee') };
  return {
    ok: true,
    mentee: { login: ctx.login, topics, languages: langs, ...(tz ? { timezone: tz } : {}), stage: stages[0]!, formats, kinds, ...(aff ? { affiliation: aff } : {}) },
  };
}

/**
 * A mentor application as the matching core's mentor: the answers, with every empty field taken from the mentor's
 * directory profile when there is one (`fromProfile` names them). The capacity is the cohort's own.
 */
export function parseMentorApplication(body: string, ctx: ApplicationContext): ParsedMentor {
  const { program, cohort, profile } = ctx;
  const r = readForm(body, program, cohort, 'mentor');
  const problems = [...r.problems];
  const t = program.taxonomy;
  const max = program.limits.max_mentor_capacity;
  const fromProfile: string[] = [];

  const capText = r.text(COHORT_FIELD.capacity);
  const capacity = /^\d+$/.test(capText) ? Number(capText) : NaN;
  if (!capText) problems.push({ field: COHORT_FIELD.capacity.label, message: `is empty. Choose how many mentees you can take in this cohort, from 1 to ${max}.` });
  else if (!(capacity >= 1 && capacity <= max)) problems.push({ field: COHORT_FIELD.capacity.label, message: `“${capText}” is not a number from 1 to ${max} (limits.max_mentor_capacity). Choose one from the list.` });

  const noProfile = (f: Field, what: string) =>
    problems.push({ field: f.label, message: `is empty, and you have no profile in the directory to take it from. Choose at least one ${what}.` });
  const orProfile = <T>(f: Field, given: T[], fallback: T[] | undefined, required: string | undefined, any?: T[]): T[] => {
    if (r.list(f).length) return given;
    if (fallback && fallback.length) {
      fromProfile.push(f.label);
      return [...fallback];
    }
    if (required) noProfile(f, required);
    return any ?? [];
  };
  const topics = orProfile(COHORT_FIELD.topics, choices(r, COHORT_FIELD.topics, t.topics, problems, topicResolver(program).canonical), profile?.topics, 'topic');
  const langs = orProfile(COHORT_FIELD.languages, languages(r, program, problems), profile?.languages, 'language');
  const stages = orProfile(COHORT_FIELD.stages, choices(r, COHORT_FIELD.stages, t.stages, problems), profile?.stages, 'career stage');
  const formats = orProfile(COHORT_FIELD.formats, choices(r, COHORT_FIELD.formats, t.formats, problems), profile?.formats, undefined, t.formats.map((x) => x.id));
  const kinds = orProfile(COHORT_FIELD.kinds, choices(r, COHORT_FIELD.kinds, t.kinds, problems), profile?.kinds, undefined, t.kinds.map((x) => x.id));
  let tz = timezone(r, problems);
  if (!tz && !r.text(COHORT_FIELD.timezone) && profile?.location.timezone) {
    tz = profile.location.timezone;
    fromProfile.push(COHORT_FIELD.timezone.label);
  }
  let aff = affiliation(r, problems);
  if (!aff && !r.text(COHORT_FIELD.affiliation) && profile?.affiliation) {
    aff = profile.affiliation;
    fromProfile.push(COHORT_FIELD.affiliation.label);
  }
  if (!aff && !r.text(COHORT_FIELD.affiliation) && affiliationNeeded(program, cohort)) {
    problems.push({ field: COHORT_FIELD.affiliation.label, message: 'is empty, and no directory profile names one. Name where you work or study: the committee keeps people from the same one apart.' });
  }
  agreement(r, problems);
  if (problems.length) return { ok: false, problems: ordered(problems, 'mentor') };

  // The matching core takes a Profile; only the fields it scores come from the application. The rest are the
  // directory profile's, or neutral values for a mentor without one: this record is never written anywhere.
  const base: Profile = profile ?? {
    name: ctx.login,
    github: ctx.login,
    headline: '',
    location: { country: '' },
    languages: [],
    topics: [],
    stages: [],
    formats: [],
    kinds: [],
    availability: { status: 'open', capacity },
    terms: [cohort.term],
    last_confirmed: ctx.filed,
  };
  const location: Profile['location'] = { ...base.location };
  if (tz) location.timezone = tz;
  else delete location.timezone;
  const merged: Profile = { ...base, github: ctx.login, topics, languages: langs, stages, formats, kinds, location, availability: { status: 'open', capacity } };
  if (aff) merged.affiliation = aff;
  else delete merged.affiliation;
  return { ok: true, mentor: { profile: merged, free: capacity }, fromProfile };
}

/** Problems in the order of the form's fields; a section that is missing gets that one problem only. */
function ordered(all: Problem[], role: Role): Problem[] {
  const missing = new Set(all.filter((p) => p.message.startsWith(MISSING)).map((p) => p.field));
  const problems = all.filter((p) => !missing.has(p.field) || p.message.startsWith(MISSING));
  const fields = fieldsOf(role);
  const at = (p: Problem) => {
    const i = fields.findIndex((f) => f.label === p.field);
    return i < 0 ? fields.length : i;
  };
  return problems.map((p, i) => ({ p, i })).sort((a, b) => at(a.p) - at(b.p) || a.i - b.i).map((x) => x.p);
}

/** One problem as a line: `Field: message`. */
export const problemLine = (p: Problem) => `${p.field}: ${p.message}`;
