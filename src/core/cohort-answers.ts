import type { Cohort, Program } from './program.ts';
import type { Profile } from './profile.ts';
import type { BotRecord } from './commands.ts';
import type { MatchesFile } from './matching/matches-file.ts';
import type { ApplicationIssue } from './cohort-match.ts';
import type { CohortMark } from './cohort-issues.ts';
import { applicationRole, parseMenteeApplication, type Role } from './cohort-forms.ts';
import { REQUEST_LABEL, mentorLabel, statusLabel } from './labels.ts';
import { emptyDecision, type CommentAction, type Decision } from './decision.ts';
import type { RequestSummary } from './requests.ts';
import { suggestMentors, type Suggestion } from './suggestions.ts';
import { cohortGroupAnswer, cohortMatchedAnswer, cohortUnmatchedAnswer, cohortUnmatchedMentorAnswer } from './messages.ts';

/**
 * On merge, after the cohort's issues are open: the bot answers each application the file decides, once, and closes
 * it (docs/matching.md, "On merge", "Answering the applications"). Pure: the bot lists the cohort's issues, asks
 * which applications to answer and with what, reads the threads of those that have comments, and applies.
 *
 * - A matched mentee or mentor: a comment linking their partnership issue(s), closed as completed. Answered once
 *   every pair naming them in that role has its issue (a pair a problem holds back makes them wait for the fix).
 * - A member of a peer group: a comment linking the group's issue, closed as completed.
 * - An unmatched mentee: the file's public reason, directory mentors with a free slot who fit, how to file a
 *   request; closed as not planned. Someone in a pair is matched, whatever `unmatched` says.
 * - A mentor in `unmatched_mentors` (and in no pair): thanks, closed as not planned.
 *
 * An application the file doesn't name (filed after the proposal, invalid, superseded, a mentor's in a groups
 * cohort) is left alone, and so is a closed one. Each answer is a marked comment (`cohort-answer`, keyed by cohort
 * and issue): an application that carries it is never answered again, and if someone reopened it after the answer,
 * it is not closed again either.
 */

export const ANSWER_KIND = 'cohort-answer';

/** An issue of the cohort that someone other than the bot opened, as listed with the cohort's other issues. */
export interface ListedApplication extends ApplicationIssue {
  /** GitHub's reason for the last change of state: `reopened` once someone reopened the issue. */
  stateReason: string | null;
  /** How many comments it has. With none it holds no answer of the bot's, so its thread needs no reading. */
  comments: number;
}

/** The issue of a pair or group: its number, or null for one a dry run would open. */
export interface EntryIssue {
  mark: CohortMark;
  number: number | null;
}

export interface AnswersInput {
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  /** The cohort as program.yml declares it; undefined when it is no longer listed (a stand-in parses the forms). */
  cohort: Cohort | undefined;
  matches: MatchesFile;
  /** Every issue the bot has for this cohort's pairs or groups, open or closed, the ones opened by this run included. */
  issues: readonly EntryIssue[];
  /** The cohort's other issues (applications and anything else people filed with its label). */
  applications: readonly ListedApplication[];
  /** Every open request now, the partnerships this run opened included: free slots for the suggestions. */
  openRequests: readonly RequestSummary[];
  today: string;
}

export type Outcome = 'matched' | 'group' | 'unmatched' | 'unmatched-mentor';

export interface Answer {
  application: ListedApplication;
  role: Role;
  login: string;
  outcome: Outcome;
  comment: CommentAction;
  close: 'completed' | 'not_planned';
  /** Mentors suggested to an unmatched mentee. */
  suggestions: Suggestion[];
}

export interface AnswersPlan {
  answers: Answer[];
  /** For the log: entries still waiting for their issue, applications not found. */
  notes: string[];
  /** Applications the file names that are closed (answered by an earlier run, or closed by someone): left alone. */
  closed: number[];
}

const lc = (s: string) => s.toLowerCase();
const ref = (n: number | null) => (n === null ? '#(the issue this run opens)' : `#${n}`);
const answerKey = (cohort: string, issue: number) => `${cohort}.${issue}`;

/** Which applications the file decides, and what each is told. Closed applications and those not named are left out. */
export function planAnswers(input: AnswersInput): AnswersPlan {
  const { matches: m, program } = input;
  const cohortId = m.cohort;
  const plan: AnswersPlan = { answers: [], notes: [], closed: [] };
  const apps = input.applications.filter((a) => a.authorType !== 'Bot' && !a.labels.includes(REQUEST_LABEL));
  const taken = new Set<number>();

  /**
   * The person's application in that role: the number the file gives when it fits, else their latest one (filed
   * last, then the higher number), as `npm run match` counts them. Closed or open: a closed one is left alone.
   */
  const find = (login: string, role: Role, number: number | undefined, where: string): ListedApplication | undefined => {
    const fits = (a: ListedApplication) => lc(a.author) === lc(login) && applicationRole(a) === role;
    if (number !== undefined) {
      const named = apps.find((a) => a.number === number);
      if (named && fits(named)) return named;
      plan.notes.push(`${where}: #${number} is not @${login}'s ${role} application of cohort ${cohortId}; answering their latest one instead, if any.`);
    }
    const own = apps.filter(fits).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.number - a.number);
    if (!own[0]) plan.notes.push(`${where}: @${login} has no ${role} application of cohort ${cohortId}; nothing to answer.`);
    return own[0];
  };
  /** Whether an application is still to be answered here: once per run, and only while open. */
  const claim = (a: ListedApplication | undefined): a is ListedApplication => {
    if (!a || taken.has(a.number)) return false;
    taken.add(a.number);
    if (a.state !== 'open') plan.closed.push(a.number);
    return a.state === 'open';
  };
  const add = (a: ListedApplication, role: Role, login: string, outcome: Outcome, body: string, close: Answer['close'], suggestions: Suggestion[] = []) => {
    plan.answers.push({ application: a, role, login, outcome, comment: { kind: ANSWER_KIND, key: answerKey(cohortId, a.number), mode: 'once', body }, close, suggestions });
  };

  if (m.kind === 'groups') {
    m.groups.forEach((g, i) => {
      const issue = input.issues.find((e) => e.mark.kind === 'group' && e.mark.number === g.number);
      if (!issue) return void plan.notes.push(`groups[${i}] (group ${g.number}) has no issue yet; its members' applications wait for it.`);
      for (const who of g.members) {
        const a = find(who, 'mentee', undefined, `groups[${i}]`);
        if (claim(a)) add(a, 'mentee', who, 'group', cohortGroupAnswer(who, cohortId, { number: g.number, members: g.members, issue: ref(issue.number) }), 'completed');
      }
    });
    return plan;
  }

  const pairIssue = (mentee: string, mentor: string) =>
    input.issues.find((e) => e.mark.kind === 'pair' && lc(e.mark.mentee) === lc(mentee) && lc(e.mark.mentor) === lc(mentor));
  // Each person in each role, with the pairs naming them: answered when all of them have their issue.
  const people = new Map<string, { role: Role; login: string; pairs: number[] }>();
  m.pairs.forEach((p, i) => {
    for (const [role, login] of [['mentee', p.mentee], ['mentor', p.mentor]] as const) {
      const key = `${role}:${lc(login)}`;
      const seen = people.get(key) ?? { role, login, pairs: [] };
      seen.pairs.push(i);
      people.set(key, seen);
    }
  });
  for (const { role, login, pairs } of people.values()) {
    const waiting = pairs.filter((i) => !pairIssue(m.pairs[i]!.mentee, m.pairs[i]!.mentor));
    if (waiting.length) {
      plan.notes.push(`@${login} (${role}) waits for the issue of ${waiting.map((i) => `pairs[${i}]`).join(', ')}; their application is answered once it opens.`);
      continue;
    }
    const partners = pairs.map((i) => {
      const p = m.pairs[i]!;
      return { login: role === 'mentee' ? p.mentor : p.mentee, issue: ref(pairIssue(p.mentee, p.mentor)!.number) };
    });
    const numbered = pairs.map((i) => (role === 'mentee' ? m.pairs[i]!.mentee_application : m.pairs[i]!.mentor_application)).find((n) => n !== undefined);
    const a = find(login, role, numbered, `pairs[${pairs[0]}]`);
    if (claim(a)) add(a, role, login, 'matched', cohortMatchedAnswer(login, cohortId, partners), 'completed');
  }

  const paired = (role: Role, login: string) => people.has(`${role}:${lc(login)}`);
  // Suggestions count every partnership of this cohort, the ones a dry run would open as well.
  const open: RequestSummary[] = [...input.openRequests];
  input.issues.forEach((e, i) => {
    if (e.number === null && e.mark.kind === 'pair') open.push({ number: -1 - i, author: e.mark.mentee, labels: [REQUEST_LABEL, statusLabel('active'), mentorLabel(e.mark.mentor)] });
  });
  const cohort: Cohort = input.cohort ?? { id: cohortId, name: cohortId, kind: 'pairs', term: m.term_months, open: false };
  m.unmatched.forEach((u, i) => {
    if (paired('mentee', u.login)) return void plan.notes.push(`unmatched[${i}]: @${u.login} is also in a pair, so they are answered as matched.`);
    const a = find(u.login, 'mentee', u.application, `unmatched[${i}]`);
    if (!claim(a)) return;
    const parsed = parseMenteeApplication(a.body, { program, cohort, login: a.author, filed: a.createdAt.slice(0, 10) });
    // An application that no longer parses (edited since the proposal) gets no suggestions, only the directory.
    const suggestions = parsed.ok ? suggestMentors({ program, mentors: input.mentors, openRequests: open, mentee: parsed.mentee, exclude: [], today: input.today }) : [];
    if (!parsed.ok) plan.notes.push(`#${a.number} (@${u.login}) no longer reads as a valid application, so no mentors are suggested to them.`);
    add(a, 'mentee', u.login, 'unmatched', cohortUnmatchedAnswer(program, u.login, cohortId, u.reason, suggestions), 'not_planned', suggestions);
  });
  m.unmatched_mentors.forEach((u, i) => {
    if (paired('mentor', u.login)) return void plan.notes.push(`unmatched_mentors[${i}]: @${u.login} is also in a pair, so they are answered as matched.`);
    const a = find(u.login, 'mentor', u.application, `unmatched_mentors[${i}]`);
    if (claim(a)) add(a, 'mentor', u.login, 'unmatched-mentor', cohortUnmatchedMentorAnswer(program, u.login, cohortId, input.mentors.has(lc(u.login))), 'not_planned');
  });
  return plan;
}

/**
 * What to do with one answer, given the bot's own records on the application (none when it has no comments). An
 * application that carries the answer already is not commented on again: if it is still open and someone reopened
 * it, it is left open (the committee's call); if it was never closed, the run that answered it stopped before
 * closing it, and this closes it.
 */
export function answerDecision(a: Answer, records: readonly BotRecord[]): Decision | undefined {
  const answered = records.some((r) => r.kind === ANSWER_KIND && r.key === a.comment.key);
  const d = emptyDecision(a.application.number);
  const what = a.outcome === 'matched' ? 'matched' : a.outcome === 'group' ? 'in a peer group' : 'not matched';
  if (answered) {
    if (a.application.stateReason === 'reopened') return undefined;
    d.notes.push(`@${a.login}'s ${a.role} application was answered (${what}) by a run that stopped before closing it; closing it as ${a.close.replace('_', ' ')}.`);
  } else {
    d.comments.push(a.comment);
    d.notes.push(`@${a.login}'s ${a.role} application: ${what}${a.suggestions.length ? `, ${a.suggestions.length} mentor(s) suggested` : ''}; answered and closed as ${a.close.replace('_', ' ')}.`);
  }
  d.close = { reason: a.close };
  return d;
}
