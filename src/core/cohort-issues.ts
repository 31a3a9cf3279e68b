import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import { fieldName, keysAt, lineOfPath, parseLocatedYaml, yamlSyntaxDiagnostics, zodDiagnostics, type Diagnostic } from './diagnostics.ts';
import { COHORT_ID, cohortLabel, matchesFileSchema, type GroupsFile, type MatchedPair, type MatchesFile, type PairsFile, type PeerGroup } from './matching/matches-file.ts';
import { REQUEST_LABEL, mentorLabel, statusLabel } from './labels.ts';
import { activeOfMentee, activeOfMentor, isAvailable, issueList, type RequestSummary } from './requests.ts';
import { withdrawWaiting } from './accept.ts';
import { emptyDecision, marker, type Decision } from './decision.ts';
import { findCard, partnershipClock, renderCard, startPartnership } from './partnership.ts';
import { GROUP_CARD_KIND, PEER_GROUP_LABEL, findGroupCard, groupClock, renderGroupCard, startGroup } from './peer-group.ts';
import type { BotRecord } from './commands.ts';
import { cohortGroupIntro, cohortPairIntro } from './messages.ts';

/**
 * On merge: the committee's `matches/<cohort>.yaml` becomes one partnership issue per pair, or one issue per peer
 * group (docs/matching.md, "On merge"). Everything here is pure: the bot reads the file and the existing issues,
 * asks for a plan, and opens what it says.
 *
 * Each issue the bot opens carries on its first line a marker naming what it was opened for. That marker is the
 * issue's key (a push run twice, or a later edit of the file, finds the issue and opens nothing again), and for
 * a pair it names the mentee: the bot is the issue's author, so the rest of the machinery, which takes a
 * request's author for its mentee, reads the mentee from here instead (`issueMentee`). It is believed only on
 * issues the bot's own account opened: anyone can write the same line into an issue of their own.
 */

export type CohortMark =
  | { kind: 'pair'; cohort: string; mentee: string; mentor: string }
  | { kind: 'group'; cohort: string; number: number }
  | { kind: 'problems'; cohort: string };

const KINDS = { pair: 'cohort-pair', group: 'cohort-group', problems: 'cohort-problems' } as const;

/** The first line of an issue the bot opens for a cohort. Logins hold no dots, so a key splits from the right. */
export function cohortMarker(m: CohortMark): string {
  const key = m.kind === 'pair' ? `${m.cohort}.${m.mentee}.${m.mentor}` : m.kind === 'group' ? `${m.cohort}.${m.number}` : m.cohort;
  return marker(KINDS[m.kind], key);
}

const FIRST_LINE = /^<!-- mentorkit:(cohort-pair|cohort-group|cohort-problems):([A-Za-z0-9._-]+) -->/;

/** The mark on a body's first line, or undefined. Only the caller knows whether the body is the bot's own. */
export function readCohortMark(body: string | null | undefined): CohortMark | undefined {
  const m = FIRST_LINE.exec(body ?? '');
  if (!m) return undefined;
  const key = m[2]!;
  if (m[1] === 'cohort-problems') return COHORT_ID.test(key) ? { kind: 'problems', cohort: key } : undefined;
  const parts = key.split('.');
  if (m[1] === 'cohort-group') {
    const n = Number(parts.pop());
    const cohort = parts.join('.');
    return Number.isInteger(n) && n > 0 && COHORT_ID.test(cohort) ? { kind: 'group', cohort, number: n } : undefined;
  }
  const mentor = parts.pop();
  const mentee = parts.pop();
  const cohort = parts.join('.');
  return mentor && mentee && COHORT_ID.test(cohort) ? { kind: 'pair', cohort, mentee, mentor } : undefined;
}

/** The mark of an issue, if and only if the bot's account opened it. */
export function trustedMark(issue: { author: string; body: string | null | undefined }, botLogin: string): CohortMark | undefined {
  return issue.author.toLowerCase() === botLogin.toLowerCase() ? readCohortMark(issue.body) : undefined;
}

/**
 * Who the mentee of an issue is: its author, except on a cohort partnership the bot opened, whose mentee its
 * marker names. A person who writes the marker into their own issue is still its author, and its mentee.
 */
export function issueMentee(author: string, body: string | null | undefined, botLogin: string): string {
  const m = trustedMark({ author, body }, botLogin);
  return m?.kind === 'pair' ? m.mentee : author;
}

// ── Reading and checking the file ─────────────────────────────────────────────────────────────────────────

export interface MatchesCheck {
  file: string;
  /** The cohort: the file's `cohort`, or its name when the file can't be read; undefined when neither is an id. */
  cohort?: string;
  /** The file's data, unless a problem with the file as a whole means none of it can be used. */
  matches?: MatchesFile;
  problems: Diagnostic[];
  /** Pairs or groups (by index) that a problem keeps from opening; the others open. */
  skipped: Set<number>;
  /** The line of a path in the file, for problems found later (against the issues that exist). */
  lineOf: (path: readonly PropertyKey[]) => number;
}

const NAME = /^matches\/([^/]+)\.yaml$/;

/**
 * The file checked as the bot will use it: the schema, then what the schema can't see. A problem with the file as
 * a whole (it doesn't parse, its cohort isn't its name, its term isn't one the program offers) stops all of it,
 * since every pair depends on it. A problem with one pair or group (a person in two of them, an unknown mentor)
 * keeps only the entries involved out: the committee's other decisions stand, and once the file is fixed the next
 * run opens what is missing.
 */
export function checkMatchesFile(file: string, text: string, program: Program, mentors: ReadonlyMap<string, Profile>): MatchesCheck {
  const fromName = NAME.exec(file)?.[1];
  const nameIsId = fromName !== undefined && COHORT_ID.test(fromName);
  const y = parseLocatedYaml(text);
  const out: MatchesCheck = { file, problems: [], skipped: new Set(), lineOf: (path) => lineOfPath(y, path), ...(nameIsId ? { cohort: fromName } : {}) };
  const syntax = yamlSyntaxDiagnostics(file, y);
  if (syntax.length) return { ...out, problems: syntax };
  const parsed = matchesFileSchema.safeParse(y.doc.toJS() ?? {});
  if (!parsed.success) {
    const kind = (y.doc.toJS() as { kind?: unknown } | null)?.kind;
    const branch = matchesFileSchema.options.find((o) => o.shape.kind.value === kind) ?? matchesFileSchema.options[0];
    return { ...out, problems: zodDiagnostics(file, y, parsed.error, (p) => keysAt(branch, p)) };
  }
  const m = parsed.data;
  const at = (path: PropertyKey[]) => lineOfPath(y, path);
  const problem = (path: PropertyKey[], message: string): Diagnostic => ({ file, line: at(path), field: fieldName(path), message });

  if (!nameIsId) {
    out.problems.push(problem([], `the file name must be the cohort's id, matches/<cohort>.yaml; rename it to matches/${m.cohort}.yaml`));
  } else if (m.cohort !== fromName) {
    out.problems.push(problem(['cohort'], `"${m.cohort}" is not this file's cohort: the file is matches/${fromName}.yaml. Make them the same (the cohort's label is cohort:<id>)`));
  }
  if (!program.terms.includes(m.term_months)) {
    out.problems.push(problem(['term_months'], `${m.term_months} months is not one of the program's terms (${program.terms.join(', ')} in program.yml); choose one of them`));
  }
  if (out.problems.length) return { ...out, cohort: nameIsId ? fromName : m.cohort };
  out.cohort = m.cohort;
  out.matches = m;
  if (m.kind === 'pairs') checkPairs(m, mentors, problem, out);
  else checkGroups(m, problem, out);
  out.problems.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
  return out;
}

type Problem = (path: PropertyKey[], message: string) => Diagnostic;
const lc = (s: string) => s.toLowerCase();
const places = (what: string, is: number[]) => is.map((i) => `${what}[${i}]`).join(', ');

function checkPairs(m: PairsFile, mentors: ReadonlyMap<string, Profile>, problem: Problem, out: MatchesCheck): void {
  const byMentee = new Map<string, number[]>();
  const asMentor = new Map<string, number[]>();
  m.pairs.forEach((p, i) => {
    byMentee.set(lc(p.mentee), [...(byMentee.get(lc(p.mentee)) ?? []), i]);
    asMentor.set(lc(p.mentor), [...(asMentor.get(lc(p.mentor)) ?? []), i]);
  });
  const skip = (i: number, path: PropertyKey[], message: string) => {
    out.skipped.add(i);
    out.problems.push(problem(path, message));
  };
  m.pairs.forEach((p, i) => {
    const twice = byMentee.get(lc(p.mentee))!;
    if (lc(p.mentee) === lc(p.mentor)) {
      skip(i, ['pairs', i, 'mentor'], `@${p.mentee} can't mentor themselves; pair them with another mentor, or move them to unmatched`);
    }
    if (twice.length > 1) {
      skip(i, ['pairs', i, 'mentee'], `@${p.mentee} is the mentee of ${twice.length} pairs (${places('pairs', twice)}), and a mentee has one mentor in a cohort; keep one of them and remove the others`);
    }
    const alsoMentor = asMentor.get(lc(p.mentee))?.filter((j) => j !== i) ?? [];
    if (alsoMentor.length) {
      skip(i, ['pairs', i, 'mentee'], `@${p.mentee} is a mentee here and a mentor in ${places('pairs', alsoMentor)}; a person takes one role in a cohort, so remove one of those pairs`);
      for (const j of alsoMentor) out.skipped.add(j);
    }
    if (!mentors.has(lc(p.mentor))) {
      skip(i, ['pairs', i, 'mentor'], `@${p.mentor} has no mentor profile (content/mentors/${p.mentor}.md), or it has errors (npm run validate shows them); add or fix the profile, or pair @${p.mentee} with another mentor`);
    }
  });
}

function checkGroups(m: GroupsFile, problem: Problem, out: MatchesCheck): void {
  const byNumber = new Map<number, number[]>();
  const groupsOf = new Map<string, number[]>();
  m.groups.forEach((g, i) => {
    byNumber.set(g.number, [...(byNumber.get(g.number) ?? []), i]);
    for (const who of new Set(g.members.map(lc))) groupsOf.set(who, [...(groupsOf.get(who) ?? []), i]);
  });
  const skip = (i: number, path: PropertyKey[], message: string) => {
    out.skipped.add(i);
    out.problems.push(problem(path, message));
  };
  m.groups.forEach((g, i) => {
    const same = byNumber.get(g.number)!;
    if (same.length > 1) {
      skip(i, ['groups', i, 'number'], `${places('groups', same)} are all numbered ${g.number}; the number is the group's key (its issue), so give each group its own`);
    }
    const seen = new Set<string>();
    g.members.forEach((who, k) => {
      if (seen.has(lc(who))) {
        skip(i, ['groups', i, 'members', k], `@${who} is listed twice in group ${g.number}; remove one`);
        return;
      }
      seen.add(lc(who));
      const inGroups = groupsOf.get(lc(who))!;
      if (inGroups.length > 1) {
        skip(i, ['groups', i, 'members', k], `@${who} is in ${inGroups.length} groups (${places('groups', inGroups)}), and a person belongs to one; remove them from all but one`);
      }
    });
  });
}

// ── What to open ──────────────────────────────────────────────────────────────────────────────────────────

/** An issue the bot opened for this cohort earlier (open or closed), as listed. */
export interface CohortIssue {
  number: number;
  mark: CohortMark;
  state: 'open' | 'closed';
  body: string;
  /** Whether its opening finished: the clock is written last, after the card, so an issue without one was interrupted. */
  complete: boolean;
}

/** An issue to open: its marker is the body's first line; the clock is added once its card is posted. */
export interface NewIssue {
  mark: CohortMark;
  title: string;
  body: string;
  labels: string[];
  /** Members of a group, for its card. */
  members?: string[];
  notes: string[];
}

export interface CohortPlanInput {
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  check: MatchesCheck & { matches: MatchesFile; cohort: string };
  /** The bot's issues with this cohort's label, open and closed. */
  existing: readonly CohortIssue[];
  /** Every open request, as listed now: capacities and mentees' partnerships are counted on it. */
  openRequests: readonly RequestSummary[];
  today: string;
}

export interface CohortPlan {
  /** Issues to open, in the file's order. */
  open: NewIssue[];
  /** Issues a run opened without finishing them (no clock yet): finished, never opened again. */
  resume: { number: number; entry: NewIssue }[];
  /** The file now says otherwise than an issue opened from an earlier version of it. */
  problems: Diagnostic[];
  notes: string[];
}

const names = (logins: readonly string[]) => logins.map((l) => `@${l}`).join(', ');

/**
 * What to open for a checked file, given the issues the bot opened for the cohort before. A pair is keyed by
 * cohort, mentee and mentor; a group by cohort and number. What exists is never opened again, and never changed:
 * the file describes how the cohort started, the issues are the partnerships since.
 */
export function planCohort(input: CohortPlanInput): CohortPlan {
  const { check } = input;
  const plan: CohortPlan = { open: [], resume: [], problems: [], notes: [] };
  const problem = (path: PropertyKey[], message: string): Diagnostic => ({ file: check.file, line: check.lineOf(path), field: fieldName(path), message });
  const existing = (m: (e: CohortMark) => boolean) => input.existing.find((e) => m(e.mark));
  const done = (e: CohortIssue, entry: NewIssue, what: string) => {
    if (!e.complete && e.state === 'open') plan.resume.push({ number: e.number, entry });
    else plan.notes.push(`${what} is #${e.number} already.`);
  };
  if (check.matches.kind === 'pairs') {
    // The partnerships this run opens count against capacities for the pairs after them.
    const open: RequestSummary[] = [...input.openRequests];
    check.matches.pairs.forEach((p, i) => {
      if (check.skipped.has(i)) return;
      const what = `pairs[${i}] (@${p.mentee} with @${p.mentor})`;
      const same = existing((e) => e.kind === 'pair' && lc(e.mentee) === lc(p.mentee) && lc(e.mentor) === lc(p.mentor));
      if (same) return done(same, pairIssue(input, p, []), what);
      const other = input.existing.find((e) => e.mark.kind === 'pair' && e.state === 'open' && lc(e.mark.mentee) === lc(p.mentee));
      if (other?.mark.kind === 'pair') {
        const was = other.mark.mentor;
        plan.problems.push(
          problem(['pairs', i, 'mentor'], `@${p.mentee} already has an open partnership in this cohort, #${other.number} with @${was}, from an earlier version of this file. I don't move partnerships: put @${was} back, or have a maintainer close #${other.number} with /end and then re-run this workflow run to open the pair with @${p.mentor}`),
        );
        return;
      }
      const notes = capacityNotes(input, p, open);
      plan.open.push(pairIssue(input, p, notes));
      // A stand-in for the issue about to open: it holds the mentor's slot and the mentee's partnership.
      open.push({ number: -1 - i, author: p.mentee, labels: [REQUEST_LABEL, statusLabel('active'), mentorLabel(p.mentor)] });
    });
  } else {
    check.matches.groups.forEach((g, i) => {
      if (check.skipped.has(i)) return;
      const same = existing((e) => e.kind === 'group' && e.number === g.number);
      if (!same) return void plan.open.push(groupIssue(input, g));
      const had = readGroupMembers(same.body);
      const unchanged = had !== undefined && had.length === g.members.length && g.members.every((m) => had.some((h) => lc(h) === lc(m)));
      if (unchanged) return done(same, groupIssue(input, g), `groups[${i}] (group ${g.number})`);
      plan.problems.push(
        problem(['groups', i, 'members'], `group ${g.number} was opened as #${same.number}${had ? ` with ${names(had)}` : ''}, and the file now lists ${names(g.members)}. I don't change a group's members once its issue is open: put them back as they were, or give the new group a number no issue has used (a maintainer can close #${same.number} with /end)`),
      );
    });
  }
  return plan;
}

/** What the committee should know about a pair that opens although a limit says otherwise. */
function capacityNotes(input: CohortPlanInput, p: MatchedPair, open: readonly RequestSummary[]): string[] {
  const notes: string[] = [];
  const known = (rs: RequestSummary[]) => rs.filter((r) => r.number > 0);
  const profile = input.mentors.get(lc(p.mentor));
  if (profile) {
    const taken = activeOfMentor(open, p.mentor);
    if (taken.length >= profile.availability.capacity) {
      notes.push(`@${p.mentor} now has ${taken.length + 1} active partnerships for a capacity of ${profile.availability.capacity}${known(taken).length ? ` (${issueList(known(taken))} and this one)` : ' (with others of this cohort)'}.`);
    }
    if (!isAvailable(profile, input.today)) {
      notes.push(`@${p.mentor}'s profile says they are not taking mentees (availability: ${profile.availability.status}${profile.availability.until ? `, until ${profile.availability.until}` : ''}).`);
    }
  }
  const own = activeOfMentee(open, p.mentee);
  if (own.length >= input.program.limits.max_active_partnerships) {
    notes.push(`@${p.mentee} already has ${own.length} active partnership${own.length === 1 ? '' : 's'}${known(own).length ? ` (${issueList(known(own))})` : ''}, the most the program allows (${input.program.limits.max_active_partnerships}).`);
  }
  return notes;
}

function pairIssue(input: CohortPlanInput, p: MatchedPair, notes: string[]): NewIssue {
  const { program, check } = input;
  const mark: CohortMark = { kind: 'pair', cohort: check.cohort, mentee: p.mentee, mentor: p.mentor };
  return {
    mark,
    title: `Mentoring partnership, cohort ${check.cohort}: @${p.mentee} with @${p.mentor}`,
    body: [cohortMarker(mark), cohortPairIntro(program, check.cohort, p, check.matches.term_months, notes)].join('\n'),
    labels: [REQUEST_LABEL, statusLabel('active'), mentorLabel(p.mentor), cohortLabel(check.cohort)],
    notes: notes.map((n) => `Opened as the committee decided, although ${n}`),
  };
}

function groupIssue(input: CohortPlanInput, g: PeerGroup): NewIssue {
  const { program, check } = input;
  const mark: CohortMark = { kind: 'group', cohort: check.cohort, number: g.number };
  return {
    mark,
    title: `Peer group ${g.number}, cohort ${check.cohort}`,
    body: [cohortMarker(mark), cohortGroupIntro(program, check.cohort, g, check.matches.term_months), '', membersLine(g.members)].join('\n'),
    labels: [PEER_GROUP_LABEL, statusLabel('active'), cohortLabel(check.cohort)],
    members: [...g.members],
    notes: [],
  };
}

// The members as opened, kept in the body, so a later version of the file is compared without reading the thread.
const membersLine = (members: readonly string[]) => `<!-- mentorkit-members ${JSON.stringify(members)} -->`;
function readGroupMembers(body: string): string[] | undefined {
  const m = /<!-- mentorkit-members (\[[^\n]*?\]) -->/.exec(body);
  try {
    const v = m ? (JSON.parse(m[1]!) as unknown) : undefined;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

export interface OpenedInput {
  program: Program;
  agreement: readonly string[];
  cohort: string;
  months: number;
  /** Who merged the file. */
  by: string;
  today: string;
  /** Every open request, the new issue included. */
  openRequests: readonly RequestSummary[];
  /** The bot's marked comments on the new issue (none yet, unless an interrupted run is being finished). */
  records: readonly BotRecord[];
}

/**
 * Once the issue exists. A pair: the mentee's waiting requests withdrawn if this partnership takes their last
 * slot (as an acceptance does), then the card of an accepted request with the clock. A group: its card and
 * clock. The clock goes last, in the card's decision: it marks the issue complete, and a run that stopped
 * before it is finished by the next (the card is found by its marker, withdrawn requests are closed already).
 */
export function openedDecisions(input: OpenedInput, issue: number, entry: Pick<NewIssue, 'mark' | 'members'>): Decision[] {
  const { program, today, mark } = { ...input, mark: entry.mark };
  const d = emptyDecision(issue);
  if (mark.kind === 'pair') {
    const card = findCard(input.records, issue)?.state ?? startPartnership({ mentor: mark.mentor, mentee: mark.mentee, by: input.by, today, months: input.months, cohort: input.cohort });
    d.comments.push({ kind: 'accepted', key: `${issue}.${mark.mentor}`, mode: 'once', body: renderCard(program, input.agreement, card) });
    d.clock = partnershipClock(card, input.records, issue);
    d.notes.push(`Cohort ${input.cohort}: @${mark.mentor} and @${mark.mentee} are partners from ${card.start} to ${card.end}.`);
    const lastSlot = activeOfMentee(input.openRequests, mark.mentee).length >= program.limits.max_active_partnerships;
    const withdrawn = lastSlot ? withdrawWaiting(input.openRequests, mark.mentee, issue) : [];
    if (withdrawn.length) d.notes.push(`Withdrew ${issueList(withdrawn.map((w) => ({ number: w.issue })))}: that was @${mark.mentee}'s last free slot.`);
    return [...withdrawn, d];
  }
  if (mark.kind === 'group') {
    const s = findGroupCard(input.records, issue)?.state ?? startGroup({ cohort: input.cohort, number: mark.number, members: entry.members ?? [], by: input.by, today, months: input.months });
    d.comments.push({ kind: GROUP_CARD_KIND, key: `${issue}.group`, mode: 'once', body: renderGroupCard(s) });
    d.clock = groupClock(s, input.records, issue);
    d.notes.push(`Cohort ${input.cohort}: peer group ${mark.number} with ${names(s.members)}, from ${s.start} to ${s.end}.`);
  }
  return [d];
}

/** The files a push changed under matches/ (added or modified, not removed by a later commit of the push). */
export function changedMatchesFiles(commits: readonly { added?: readonly string[]; modified?: readonly string[]; removed?: readonly string[] }[]): string[] {
  const state = new Map<string, boolean>();
  for (const c of commits) {
    for (const f of [...(c.added ?? []), ...(c.modified ?? [])]) state.set(f, true);
    for (const f of c.removed ?? []) state.set(f, false);
  }
  return [...state].filter(([f, present]) => present && /^matches\/[^/]+\.yaml$/.test(f)).map(([f]) => f).sort();
}

/** One problem as the committee reads it in the issue and the log. */
export const problemLine = (d: Diagnostic) => `\`${d.file}:${d.line}\` \`${d.field}\`: ${d.message}`;
