import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { changedMatchesFiles, checkMatchesFile, cohortMarker, openedDecisions, planCohort, problemLine, type CohortIssue, type MatchesCheck, type NewIssue } from '../core/cohort-issues.ts';
import { cohortLabel } from '../core/matching/matches-file.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { cohortProblemsBody, cohortProblemsFixedComment } from '../core/messages.ts';
import { createIssue, getIssue, listOpenRequests, type IssueState } from '../github/repo.ts';
import { closeWithComment, listCohortIssues, updateIssueText } from '../github/cohort-issues.ts';
import { ReportedFailure, todayOf, type RunContext } from './context.ts';
import { carryOut, recordsOf, type Live } from './plan.ts';
import { answerDecision, planAnswers, type AnswersInput, type EntryIssue } from '../core/cohort-answers.ts';
import type { Decision } from '../core/decision.ts';

/**
 * `push` to the default branch that touches `matches/*.yaml`: the committee merged a cohort's matches (or edited
 * them). Each changed file is read from the checkout, checked (checkMatchesFile), and what it describes is opened:
 * one partnership issue per pair, one issue per peer group, none of them twice. Problems go to one issue per
 * cohort for the committee, and to the log as annotations on the file; the run then fails so it shows red.
 * docs/matching.md, "On merge".
 */

type Commit = { added?: string[]; modified?: string[]; removed?: string[] };
type PushPayload = {
  ref?: string;
  after?: string;
  repository?: { default_branch?: string; html_url?: string };
  commits?: Commit[];
  head_commit?: Commit | null;
  sender?: { login?: string };
};

export async function handlePush(ctx: RunContext, raw: Record<string, unknown>): Promise<void> {
  const payload = raw as PushPayload;
  const branch = payload.repository?.default_branch;
  if (!branch || payload.ref !== `refs/heads/${branch}`) {
    ctx.log(`Push to ${payload.ref ?? '(no ref)'}: matches files count once they are on the default branch (${branch ?? 'unknown'}); nothing to do.`);
    return;
  }
  const commits = payload.commits?.length ? payload.commits : payload.head_commit ? [payload.head_commit] : [];
  let files = changedMatchesFiles(commits);
  if (commits.length === 0) {
    // A push whose payload lists no commits: every matches file is read, which opens only what is missing.
    files = existsSync(join(ctx.workspace, 'matches')) ? readdirSync(join(ctx.workspace, 'matches')).filter((f) => f.endsWith('.yaml')).map((f) => `matches/${f}`).sort() : [];
    ctx.log(`The push lists no commits; reading every matches file (${files.length}).`);
  }
  if (files.length === 0) {
    ctx.log('No matches/<cohort>.yaml was added or changed in this push; nothing to open.');
    return;
  }
  const by = payload.sender?.login ?? 'ghost';
  const commit = (payload.after ?? '').slice(0, 7) || 'this push';
  let problems = 0;
  for (const file of files) {
    const path = join(ctx.workspace, file);
    if (!existsSync(path)) {
      ctx.log(`${file} is not in the checkout (the workflow's checkout must include matches/); nothing opened from it.`);
      problems++;
      continue;
    }
    problems += await applyFile(ctx, file, readFileSync(path, 'utf8'), by, commit);
  }
  if (problems) throw new ReportedFailure(`${problems} problem(s) in the matches files of this push (listed above, and in the cohort's problems issue). Everything else in them was opened.`);
}

/** One file: check, plan, open, report, answer the applications. Returns the number of problems found. */
async function applyFile(ctx: RunContext, file: string, text: string, by: string, commit: string): Promise<number> {
  const check = checkMatchesFile(file, text, ctx.program, ctx.mentors);
  if (!check.cohort) {
    annotate(ctx, check.problems);
    ctx.log(`${file}: the file name is not a cohort id and the file names none, so there is no cohort to report to; fix the problems above.`);
    return check.problems.length;
  }
  const cohort = check.cohort;
  const listed = await listCohortIssues(ctx.gh, ctx.repo, cohort, ctx.botLogin);
  const existing = listed.bot;
  const problems: Diagnostic[] = [...check.problems];
  let opened = 0;
  let total = 0;
  // The applications are answered last: the committee's report comes first should GitHub fail half-way.
  let answers: AnswersInput | undefined;
  if (check.matches) {
    const usable = check as MatchesCheck & { matches: NonNullable<MatchesCheck['matches']>; cohort: string };
    const m = usable.matches;
    const pairs = m.kind === 'pairs';
    total = m.kind === 'pairs' ? m.pairs.length : m.groups.length;
    const open = pairs ? await listOpenRequests(ctx.gh, ctx.repo, ctx.botLogin) : [];
    const today = todayOf(ctx);
    const plan = planCohort({ program: ctx.program, mentors: ctx.mentors, check: usable, existing: existing.filter((e) => e.mark.kind !== 'problems'), openRequests: open, today });
    problems.push(...plan.problems);
    for (const n of plan.notes) ctx.log(`${file}: ${n}`);
    const live: Live = { open, issue: open[0]!, records: new Map(), known: new Set(open.flatMap((i) => i.labels)) };
    // The issue of each pair or group: opened earlier, or now (null: a dry run would open it). The answers link them.
    const issues: EntryIssue[] = existing.filter((e) => e.mark.kind !== 'problems').map((e) => ({ mark: e.mark, number: e.number }));
    const opening = { program: ctx.program, agreement: ctx.agreement, cohort, months: usable.matches.term_months, by, today };
    const finish = async (issue: IssueState, entry: NewIssue) => {
      live.issue = issue;
      if (pairs && !live.open.some((o) => o.number === issue.number)) live.open.push(issue);
      const records = await recordsOf(ctx, live, issue.number);
      await carryOut(ctx, live, openedDecisions({ ...opening, openRequests: live.open, records }, issue.number, entry));
    };
    for (const { number, entry } of plan.resume) {
      ctx.log(`${file}: #${number} was opened by an earlier run that did not finish; finishing it.`);
      await finish(await getIssue(ctx.gh, ctx.repo, number, ctx.botLogin), entry);
    }
    for (const entry of plan.open) {
      for (const n of entry.notes) ctx.log(`::warning file=${file}::${escape(n)}`);
      if (ctx.dryRun) {
        ctx.log(`[dry-run] would open “${entry.title}” with ${entry.labels.join(', ')}, then post its card:`);
        for (const line of entry.body.split('\n')) ctx.log(`[dry-run]     | ${line}`);
        issues.push({ mark: entry.mark, number: null });
        continue;
      }
      const issue = await createIssue(ctx.gh, ctx.repo, { title: entry.title, body: entry.body, labels: entry.labels }, ctx.botLogin);
      issues.push({ mark: entry.mark, number: issue.number });
      ctx.log(`${file}: opened #${issue.number}, ${entry.title}.`);
      live.records.set(issue.number, []);
      await finish(issue, entry);
    }
    opened = total - usable.skipped.size - plan.problems.length;
    ctx.log(`${file}: ${plan.open.length} issue(s) opened, ${plan.resume.length} finished, ${plan.notes.length} open already, ${problems.length} problem(s).`);
    answers = {
      program: ctx.program,
      mentors: ctx.mentors,
      cohort: ctx.program.cohorts.find((c) => c.id === cohort),
      matches: m,
      issues,
      applications: listed.others,
      openRequests: live.open,
      today,
    };
  }
  annotate(ctx, problems);
  await report(ctx, { file, cohort, by, commit, problems, existing: existing.find((e) => e.mark.kind === 'problems'), opened, total, wholeFile: !check.matches, what: check.matches?.kind ?? 'pairs' });
  if (answers) await answerApplications(ctx, file, answers);
  return problems.length;
}

/**
 * Answers the applications the file decides (planAnswers): per application one comment and one update that closes
 * it, plus a read of its thread when it has comments (it may hold the bot's answer already). docs/matching.md,
 * "Answering the applications".
 */
async function answerApplications(ctx: RunContext, file: string, input: AnswersInput): Promise<void> {
  const plan = planAnswers(input);
  for (const n of plan.notes) ctx.log(`${file}: ${n}`);
  if (plan.closed.length) ctx.log(`${file}: ${plan.closed.length} application(s) the file names are closed already (${[...plan.closed].sort((x, y) => x - y).map((n) => `#${n}`).join(', ')}); left as they are.`);
  if (plan.answers.length === 0) return;
  const states: IssueState[] = plan.answers.map(({ application: a }) => ({ ...a, authorType: a.authorType ?? 'User' }));
  const live: Live = { open: states, issue: states[0]!, records: new Map(), known: new Set(states.flatMap((s) => s.labels)) };
  const decisions: Decision[] = [];
  const reopened: number[] = [];
  for (const a of plan.answers) {
    // An application without comments holds no answer of the bot's: its thread is not read.
    if (a.application.comments === 0) live.records.set(a.application.number, []);
    const d = answerDecision(a, await recordsOf(ctx, live, a.application.number));
    if (d) decisions.push(d);
    else reopened.push(a.application.number);
  }
  await carryOut(ctx, live, decisions);
  if (reopened.length) ctx.log(`${file}: ${reopened.map((n) => `#${n}`).join(', ')} carried my answer and were reopened since; left open.`);
  ctx.log(`${file}: ${decisions.length} application(s) answered${ctx.dryRun ? ' (dry run: nothing written)' : ''}, ${reopened.length} reopened after the answer and left open.`);
}

const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Each problem as a workflow annotation on its line of the file, so it shows on the commit too. */
function annotate(ctx: RunContext, problems: readonly Diagnostic[]): void {
  for (const p of problems) ctx.log(`::error file=${p.file},line=${p.line}::${escape(`${p.field}: ${p.message}`)}`);
}

/**
 * The committee's problems issue for the cohort (one, found again by its marker): opened or updated while the file
 * has problems, closed with a note once it has none. Nothing is written when nothing changed.
 */
async function report(
  ctx: RunContext,
  o: { file: string; cohort: string; by: string; commit: string; problems: Diagnostic[]; existing: CohortIssue | undefined; opened: number; total: number; wholeFile: boolean; what: 'pairs' | 'groups' },
): Promise<void> {
  const issue = o.existing;
  if (o.problems.length === 0) {
    if (issue?.state !== 'open') return;
    if (ctx.dryRun) return ctx.log(`[dry-run] would close #${issue.number}: ${o.file} has no problems left.`);
    await closeWithComment(ctx.gh, ctx.repo, issue.number, cohortProblemsFixedComment(o.file, o.commit));
    ctx.log(`${o.file}: no problems left; closed #${issue.number}.`);
    return;
  }
  const body = [
    cohortMarker({ kind: 'problems', cohort: o.cohort }),
    cohortProblemsBody({ file: o.file, by: o.by, commit: o.commit, problems: o.problems.map(problemLine), opened: Math.max(0, o.opened), total: o.total, wholeFile: o.wholeFile, what: o.what }),
  ].join('\n');
  if (ctx.dryRun) return ctx.log(`[dry-run] would ${issue ? `update #${issue.number}` : 'open an issue'} listing ${o.problems.length} problem(s) in ${o.file}.`);
  if (!issue) {
    const opened = await createIssue(ctx.gh, ctx.repo, { title: `Cohort ${o.cohort}: ${o.file} needs a fix`, body, labels: [cohortLabel(o.cohort)] }, ctx.botLogin);
    ctx.log(`${o.file}: the problems are listed in #${opened.number} for the committee.`);
  } else if (issue.body.trim() !== body.trim() || issue.state === 'closed') {
    await updateIssueText(ctx.gh, ctx.repo, issue.number, body, issue.state === 'closed');
    ctx.log(`${o.file}: the problems are listed in #${issue.number} (updated).`);
  } else {
    ctx.log(`${o.file}: the problems are listed in #${issue.number} already.`);
  }
}
