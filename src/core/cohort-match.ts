import { stringify } from 'yaml';
import { z } from 'zod';
import type { Cohort, Program } from './program.ts';
import type { Profile } from './profile.ts';
import type { Problem } from './request-form.ts';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL, REQUEST_LABEL } from './labels.ts';
import { applicationRole, parseMenteeApplication, parseMentorApplication, problemLine, type Role } from './cohort-forms.ts';
import { assign, blockingPairs, type AssignInput, type Method } from './matching/assign.ts';
import { formGroups } from './matching/groups.ts';
import { cohortLabel, matchesFileSchema, matchesPath, type MatchesFile } from './matching/matches-file.ts';
import type { Mentee, MentorSlots } from './matching/score.ts';

/**
 * A cohort from its application issues to `matches/<cohort>.yaml`, without I/O: which applications count (the
 * latest per person and role, open, labelled for the cohort), what each becomes (a mentee, a mentor, or the
 * problems that keep it out), the matching, and the file. `npm run match` (scripts/match.ts) reads the issues and
 * writes the file; the simulator can call the same functions. docs/matching.md, "Cohorts".
 */

// ── The input: issues, from the REST list or an exported JSON file ──────────────────────────────────────

export interface ApplicationIssue {
  number: number;
  author: string;
  /** 'Bot' for an app's account. */
  authorType?: string | undefined;
  state: 'open' | 'closed';
  labels: string[];
  body: string;
  /** ISO date-time the issue was filed: the latest application of a person counts. */
  createdAt: string;
}

const labelList = z
  .array(z.union([z.string(), z.looseObject({ name: z.string().nullish() })]))
  .default([])
  .transform((ls) => ls.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean));
const person = z.looseObject({ login: z.string().min(1), type: z.string().nullish(), is_bot: z.boolean().nullish() });

/**
 * One issue of an exported file. Two shapes are read: GitHub's REST issues list (`user`, `created_at`, as
 * `gh api --paginate repos/OWNER/REPO/issues?labels=cohort:ID` prints it) and `gh issue list --json
 * number,author,body,labels,createdAt,state` (`author`, `createdAt`, state in capitals).
 */
export const exportedIssueSchema = z
  .looseObject({
    number: z.number({ error: 'must be the issue number' }).int({ error: 'must be the issue number' }).positive({ error: 'must be the issue number' }),
    body: z.string({ error: 'must be the issue body (text) or null' }).nullish(),
    labels: labelList,
    user: person.nullish(),
    author: person.nullish(),
    created_at: z.string().optional(),
    createdAt: z.string().optional(),
    state: z.string().optional(),
    pull_request: z.unknown().optional(),
  })
  .superRefine((i, ctx) => {
    if (!i.user && !i.author) ctx.addIssue({ code: 'custom', path: ['user'], message: 'is missing: each issue needs its author as user.login (REST) or author.login (gh issue list)' });
    const at = i.created_at ?? i.createdAt;
    if (at === undefined) ctx.addIssue({ code: 'custom', path: ['created_at'], message: 'is missing: each issue needs created_at (REST) or createdAt (gh issue list)' });
    else if (Number.isNaN(Date.parse(at))) ctx.addIssue({ code: 'custom', path: [i.created_at !== undefined ? 'created_at' : 'createdAt'], message: `"${at}" is not a date-time such as 2027-02-01T09:30:00Z` });
  })
  .transform((i): ApplicationIssue & { pullRequest: boolean } => {
    const who = (i.user ?? i.author)!;
    return {
      number: i.number,
      author: who.login,
      authorType: who.type === 'Bot' || who.is_bot ? 'Bot' : (who.type ?? undefined),
      state: (i.state ?? 'open').toLowerCase() === 'closed' ? 'closed' : 'open',
      labels: i.labels,
      body: i.body ?? '',
      createdAt: (i.created_at ?? i.createdAt)!,
      pullRequest: i.pull_request !== undefined && i.pull_request !== null,
    };
  });

/**
 * The issues of an exported JSON file: an array of issues, or an array of pages (arrays) as `gh api --paginate
 * --slurp` writes it. Pull requests in a REST export are left out. Errors name the item and the field.
 */
export function parseApplicationsJson(text: string): { ok: true; issues: ApplicationIssue[] } | { ok: false; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`is not JSON (${(e as Error).message}); export the issues with gh issue list --json or gh api, as docs/matching.md shows`] };
  }
  if (!Array.isArray(data)) return { ok: false, errors: ['must be a JSON array of issues (GitHub’s issues list, or gh issue list --json number,author,body,labels,createdAt,state)'] };
  const items = data.length > 0 && data.every((x) => Array.isArray(x)) ? (data as unknown[][]).flat() : data;
  const errors: string[] = [];
  const issues: ApplicationIssue[] = [];
  items.forEach((item, index) => {
    const r = exportedIssueSchema.safeParse(item);
    if (!r.success) {
      const n = typeof (item as { number?: unknown } | null)?.number === 'number' ? ` (issue #${(item as { number: number }).number})` : '';
      for (const issue of r.error.issues) errors.push(`item ${index + 1}${n}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
      return;
    }
    const { pullRequest, ...issueData } = r.data;
    if (!pullRequest) issues.push(issueData);
  });
  return errors.length ? { ok: false, errors } : { ok: true, issues };
}

// ── Which applications count, and what they say ─────────────────────────────────────────────────────────

export interface CohortApplications {
  mentees: { mentee: Mentee; issue: number }[];
  mentors: { mentor: MentorSlots; issue: number; fromProfile: string[] }[];
  /** Applications left out for their problems, by issue number. */
  invalid: { issue: number; login: string; role: Role; problems: Problem[] }[];
  /** Earlier applications of someone who applied again in the same role: the latest counts. */
  superseded: { issue: number; login: string; role: Role; by: number }[];
  /** Issues that are not applications to read (closed, another cohort, a request, a bot's, mentors of a groups run). */
  skipped: { issue: number; reason: string }[];
  /** What the committee should know that keeps no one out (an unreadable priority label). */
  warnings: string[];
}

export interface ReadInput {
  program: Program;
  cohort: Cohort;
  issues: readonly ApplicationIssue[];
  /** The directory's valid profiles: a mentor's empty answers are taken from theirs. */
  profiles: readonly Profile[];
  /** Peer groups are formed from the mentee applications alone; mentor applications are then skipped. */
  groups: boolean;
}

const PRIORITY = /^priority:\s*(.*)$/i;

/** Reads a cohort's applications: the latest open one per person and role, parsed; the rest listed with why. */
export function readApplications(input: ReadInput): CohortApplications {
  const { program, cohort } = input;
  const label = cohortLabel(cohort.id);
  const out: CohortApplications = { mentees: [], mentors: [], invalid: [], superseded: [], skipped: [], warnings: [] };
  const profiles = new Map(input.profiles.map((p) => [p.github.toLowerCase(), p]));
  const candidates: { issue: ApplicationIssue; role: Role }[] = [];
  for (const issue of [...input.issues].sort((a, b) => a.number - b.number)) {
    const skip = (reason: string) => out.skipped.push({ issue: issue.number, reason });
    if (!issue.labels.includes(label)) {
      skip(`not labelled ${label}`);
      continue;
    }
    if (issue.state === 'closed') {
      skip('closed');
      continue;
    }
    if (issue.labels.includes(REQUEST_LABEL)) {
      skip(`labelled ${REQUEST_LABEL}: a request or partnership, not an application`);
      continue;
    }
    if (issue.authorType === 'Bot') {
      skip(`filed by a bot (@${issue.author})`);
      continue;
    }
    const role = applicationRole(issue);
    if (!role) {
      skip(`neither ${COHORT_MENTEE_LABEL} nor ${COHORT_MENTOR_LABEL}, and not written by a cohort form`);
      continue;
    }
    if (role === 'mentor' && input.groups) {
      skip('a mentor application: peer groups are formed from the mentee applications');
      continue;
    }
    candidates.push({ issue, role });
  }
  // The latest application of each person in each role counts: filed last, then the higher number.
  const latest = new Map<string, { issue: ApplicationIssue; role: Role }>();
  const key = (c: { issue: ApplicationIssue; role: Role }) => `${c.role}:${c.issue.author.toLowerCase()}`;
  const later = (a: ApplicationIssue, b: ApplicationIssue) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number;
  for (const c of candidates) {
    const seen = latest.get(key(c));
    if (!seen || later(c.issue, seen.issue) > 0) latest.set(key(c), c);
  }
  for (const c of candidates) {
    const kept = latest.get(key(c))!;
    if (kept.issue.number !== c.issue.number) out.superseded.push({ issue: c.issue.number, login: c.issue.author, role: c.role, by: kept.issue.number });
  }
  for (const { issue, role } of [...latest.values()].sort((a, b) => a.issue.number - b.issue.number)) {
    const ctx = { program, cohort, login: issue.author, filed: issue.createdAt.slice(0, 10), profile: profiles.get(issue.author.toLowerCase()) };
    if (role === 'mentee') {
      const parsed = parseMenteeApplication(issue.body, ctx);
      if (!parsed.ok) {
        out.invalid.push({ issue: issue.number, login: issue.author, role, problems: parsed.problems });
        continue;
      }
      const priority = priorityOf(issue, out.warnings);
      out.mentees.push({ mentee: priority === undefined ? parsed.mentee : { ...parsed.mentee, priority }, issue: issue.number });
    } else {
      const parsed = parseMentorApplication(issue.body, ctx);
      if (!parsed.ok) {
        out.invalid.push({ issue: issue.number, login: issue.author, role, problems: parsed.problems });
        continue;
      }
      out.mentors.push({ mentor: parsed.mentor, issue: issue.number, fromProfile: parsed.fromProfile });
    }
  }
  out.superseded.sort((a, b) => a.issue - b.issue);
  return out;
}

/** `priority:<number>`, set by the committee on a mentee application: higher is chosen first under max_pairs. */
function priorityOf(issue: ApplicationIssue, warnings: string[]): number | undefined {
  const found = issue.labels.map((l) => PRIORITY.exec(l)?.[1]?.trim()).filter((x): x is string => x !== undefined);
  if (found.length === 0) return undefined;
  const value = Number(found[0]);
  if (found.length > 1 || found[0] === '' || !Number.isFinite(value)) {
    warnings.push(
      `#${issue.number} @${issue.author}: the priority label${found.length > 1 ? 's' : ''} (${found.map((f) => `priority:${f}`).join(', ')}) ${found.length > 1 ? 'disagree' : 'is not a number'}; ignored. Use one label such as priority:2 (higher first).`,
    );
    return undefined;
  }
  return value;
}

// ── The proposal ─────────────────────────────────────────────────────────────────────────────────────────

export interface ProposeOptions {
  program: Program;
  cohort: Cohort;
  applications: Pick<CohortApplications, 'mentees' | 'mentors'>;
  /** The instant time-zone offsets are taken at. */
  at: Date;
  method?: Method | undefined;
  /** Peer groups of about this size instead of pairs. */
  groupSize?: number | undefined;
  /** Overrides matching.seed. */
  seed?: string | undefined;
}

export class ProposalError extends Error {}

/** The instant as the file records it: ISO, to the second, in UTC. */
export const isoInstant = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The matches file for a cohort, checked against `matchesFileSchema` (a failure is a ProposalError naming the field). */
export function proposeMatches(o: ProposeOptions): MatchesFile {
  const { program, cohort } = o;
  const seed = o.seed ?? program.matching.seed;
  const common = { cohort: cohort.id, term_months: cohort.term, ...(seed !== undefined ? { seed } : {}), at: isoInstant(o.at) };
  let file: MatchesFile;
  if (o.groupSize !== undefined) {
    const people = o.applications.mentees.map(({ mentee }) => ({ login: mentee.login, topics: mentee.topics, affiliation: mentee.affiliation }));
    if (people.length < 2) throw new ProposalError(`peer groups need at least two valid applications; cohort ${cohort.id} has ${people.length}`);
    const r = formGroups(program, people, { size: o.groupSize, ...(seed !== undefined ? { seed } : {}) });
    file = {
      kind: 'groups',
      ...common,
      summary: { people: r.summary.people, groups: r.summary.groups, size: r.summary.size, shared_pairs: r.summary.sharedPairs, same_institution_pairs: r.summary.sameInstitutionPairs },
      groups: r.groups.map((g, i) => ({
        number: i + 1,
        members: g.members,
        shared_topics: g.sharedTopics.map((t) => t.topic),
        // The institution's name is the applicants' own text: the pair is named, the institution is not.
        same_institution: g.sameInstitution.map((p) => `${p.a} & ${p.b}`),
      })),
    };
  } else {
    const matching = { ...program.matching, ...(seed !== undefined ? { seed } : {}) };
    const input: AssignInput = {
      program,
      mentees: o.applications.mentees.map((m) => m.mentee),
      mentors: o.applications.mentors.map((m) => m.mentor),
      at: o.at,
      method: o.method ?? 'optimal',
      matching,
    };
    const result = assign(input);
    const menteeIssue = new Map(o.applications.mentees.map((m) => [m.mentee.login.toLowerCase(), m.issue]));
    const mentorIssue = new Map(o.applications.mentors.map((m) => [m.mentor.profile.github.toLowerCase(), m.issue]));
    const s = result.summary;
    file = {
      kind: 'pairs',
      ...common,
      method: result.method,
      summary: {
        mentees: s.mentees,
        mentors: s.mentors,
        slots: s.slots,
        pairs: s.pairs,
        total_score: s.total,
        greedy_total: s.greedyTotal,
        ratio_to_greedy: s.ratioToGreedy,
        blocking_pairs: s.blockingPairs,
      },
      pairs: result.pairs.map((p) => {
        const menteeApp = menteeIssue.get(p.mentee.toLowerCase());
        const mentorApp = mentorIssue.get(p.mentor.toLowerCase());
        return {
          mentee: p.mentee,
          mentor: p.mentor,
          score: p.score.total,
          breakdown: p.score.breakdown.map((b) => ({ component: b.component, contribution: b.contribution, reason: b.reason })),
          ...(menteeApp !== undefined ? { mentee_application: menteeApp } : {}),
          ...(mentorApp !== undefined ? { mentor_application: mentorApp } : {}),
        };
      }),
      unmatched: result.unmatched.map((u) => {
        const app = menteeIssue.get(u.mentee.toLowerCase());
        return { login: u.mentee, reason: u.reason.message, ...(app !== undefined ? { application: app } : {}) };
      }),
      // The mentors the proposal used who got no mentee: the bot thanks them on merge (their applications close).
      unmatched_mentors: o.applications.mentors
        .filter(({ mentor }) => !result.pairs.some((p) => p.mentor.toLowerCase() === mentor.profile.github.toLowerCase()))
        .map(({ mentor, issue }) => ({ login: mentor.profile.github, application: issue }))
        .sort((a, b) => (a.login.toLowerCase() < b.login.toLowerCase() ? -1 : a.login.toLowerCase() > b.login.toLowerCase() ? 1 : 0)),
      blocking: blockingPairs(result, input),
    };
  }
  const checked = matchesFileSchema.safeParse(file);
  if (!checked.success) {
    throw new ProposalError(
      `the proposal does not fit the schema of ${matchesPath(cohort.id)}: ${checked.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`,
    );
  }
  return checked.data;
}

/** The file's text: a header saying what it is and how it is used, then the YAML. Same file → same bytes. */
export function renderMatches(file: MatchesFile, cohort: Cohort): string {
  const what = file.kind === 'pairs' ? 'one partnership issue per pair' : 'one issue per group';
  return [
    `# ${cohort.name} (cohort ${cohort.id}): proposed by npm run match for the committee's review.`,
    `# Edit it in the pull request if needed (drop a pair, move someone); merging it opens ${what}.`,
    '# Logins and scores only: what applicants wrote (motivation, notes, affiliation) is never copied here.',
    stringify(file, { lineWidth: 0 }),
  ].join('\n');
}

// ── What the committee reads: the summary and the left-out applications ────────────────────────────────

const fmt = (x: number) => x.toFixed(3);

/** The summary as aligned `name  value` rows. */
export function summaryLines(file: MatchesFile, apps: CohortApplications, cohort: Cohort): string[] {
  const rows: [string, string][] = [
    ['cohort', `${cohort.id} (${cohort.name}), ${file.kind === 'pairs' ? `pairs by the ${file.method} method` : 'peer groups'}, ${cohort.term} months`],
    [
      'applications',
      `${apps.mentees.length} mentee${apps.mentees.length === 1 ? '' : 's'}${file.kind === 'pairs' ? ` and ${apps.mentors.length} mentor${apps.mentors.length === 1 ? '' : 's'}` : ''} used; ` +
        `${apps.invalid.length} invalid, ${apps.superseded.length} superseded, ${apps.skipped.length} skipped`,
    ],
  ];
  if (file.kind === 'pairs') {
    const s = file.summary;
    rows.push(
      ['pairs', `${s.pairs} of ${s.mentees} mentees (${s.slots} slots from ${s.mentors} mentors)`],
      ['total score', `${fmt(s.total_score)} (greedy ${fmt(s.greedy_total)}, ratio ${s.ratio_to_greedy.toFixed(4)})`],
      ['blocking pairs', String(s.blocking_pairs)],
      ['unmatched', String(file.unmatched.length)],
    );
  } else {
    const s = file.summary;
    rows.push(
      ['groups', `${s.groups} of about ${s.size} (${s.people} people)`],
      ['shared topics', `${s.shared_pairs} (topics in common, summed over the pairs in each group)`],
      ['same institution', `${s.same_institution_pairs} pair${s.same_institution_pairs === 1 ? '' : 's'} could not be separated`],
    );
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
}

/** The left-out applications: issue, who, role and every problem (field: message). No confidential text. */
export function leftOutLines(apps: CohortApplications): string[] {
  const lines: string[] = [];
  for (const a of apps.invalid) {
    lines.push(`  #${a.issue} @${a.login} (${a.role}):`);
    for (const p of a.problems) lines.push(`    - ${problemLine(p)}`);
  }
  for (const s of apps.superseded) lines.push(`  #${s.issue} @${s.login} (${s.role}): superseded by #${s.by}, the latest application`);
  return lines;
}

/** The pull request that proposes the file: the figures, the applications left out, and how the review goes. */
export function matchesPullBody(file: MatchesFile, apps: CohortApplications, cohort: Cohort, program: Program): string {
  const lines = [
    `Proposed matches for **${cohort.name}** (cohort \`${cohort.id}\`, ${cohort.term} months), from the open issues labelled \`${cohortLabel(cohort.id)}\`.`,
    '',
    '```',
    ...summaryLines(file, apps, cohort),
    '```',
    '',
  ];
  const leftOut = [
    ...apps.invalid.map((a) => ({ issue: a.issue, text: `#${a.issue} @${a.login} (${a.role}): ${a.problems.map((p) => `**${p.field}** ${p.message}`).join(' ')}` })),
    ...apps.superseded.map((s) => ({ issue: s.issue, text: `#${s.issue} @${s.login} (${s.role}): superseded by #${s.by}, the latest application` })),
  ].sort((a, b) => a.issue - b.issue);
  if (leftOut.length) {
    const shown = leftOut.slice(0, 100);
    lines.push('### Applications left out', '', ...shown.map((l) => `- ${l.text}`));
    if (leftOut.length > shown.length) lines.push(`- … and ${leftOut.length - shown.length} more: \`npm run match -- --cohort ${cohort.id} --dry-run\` lists them all.`);
    lines.push('', 'An applicant who fixes their issue is read by the next run of the workflow.', '');
  }
  lines.push(
    '### Review',
    '',
    `- \`${matchesPath(cohort.id)}\` lists ${file.kind === 'pairs' ? 'every pair with its score breakdown, and the unmatched with the reason' : 'every group with the topics its members share'}. Edit it here if needed; the bot checks it again on merge.`,
    `- Merging opens ${file.kind === 'pairs' ? 'one partnership issue per pair' : 'one issue per group'}. Running the workflow again updates this pull request instead of opening another.`,
    '- Confidential answers (motivation, notes) and affiliations are never in the file: read them on the application issues.',
    '',
    `Checks don’t start on pull requests opened with the workflow’s token: close and reopen this pull request to run them. Maintainers: ${program.maintainers.map((m) => `@${m}`).join(', ')}.`,
  );
  return lines.join('\n');
}
