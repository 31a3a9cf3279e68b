import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommands } from '../core/command-parser.ts';
import type { Decision } from '../core/decision.ts';
import { FRESHNESS_LABEL, afterChange, decideCheckinComment, decideSweep, type ProfileChange } from '../core/freshness.ts';
import { MENTORS_DIR } from '../files/content.ts';
import { applyCheckinDecision, branchExists, getCheckin, listCheckins, openCheckin, proposeChange } from '../github/pulls.ts';
import { todayOf, type RunContext } from './context.ts';
import { repairLabels } from './labels-repair.ts';
import { handleApplication } from './onboarding.ts';
import { handleModeration } from './moderation.ts';
import { isModerationCommand } from '../core/pause.ts';

/**
 * The freshness task (workflow freshness.yml, input `task: freshness`): the daily sweep that opens check-ins
 * and pauses the profiles of mentors who did not answer, and the `/confirm` and `/pause` answers. It runs with
 * `contents: write` and `pull-requests: write`, which the request workflow does not need.
 */

type Payload = Record<string, unknown> & { action?: string };
type IssuePayload = { number: number; labels?: Array<string | { name?: string }>; pull_request?: unknown };
type CommentPayload = { id: number; body?: string | null; user: { login: string } | null };


export async function dispatchFreshness(ctx: RunContext, eventName: string, payload: Payload): Promise<void> {
  if (eventName === 'schedule' || eventName === 'workflow_dispatch') return handleFreshnessSweep(ctx);
  const key = `${eventName}.${payload.action ?? ''}`;
  if (key === 'issues.opened' || key === 'issues.edited') {
    // Mentor applications open pull requests, so they run here (docs/onboarding.md).
    return handleApplication(ctx, payload.action as 'opened' | 'edited', payload.issue as Parameters<typeof handleApplication>[2], (payload.sender as { login?: string } | undefined)?.login ?? 'ghost');
  }
  if (key === 'issue_comment.created') {
    const issue = payload.issue as IssuePayload | undefined;
    // A moderator's /pause @login or /unpause @login, in any thread (a mentor's bare /pause on a check-in is theirs).
    const moderation = issue && !issue.pull_request ? parseCommands((payload.comment as CommentPayload).body ?? '').find(isModerationCommand) : undefined;
    if (issue && moderation) return handleModeration(ctx, issue.number, payload.comment as CommentPayload, moderation);
    const labels = (issue?.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
    if (!issue || issue.pull_request || !labels.includes(FRESHNESS_LABEL)) {
      ctx.log(`#${issue?.number ?? '?'} is not a freshness check-in; the freshness task reads commands on check-ins only.`);
      return;
    }
    return handleFreshnessComment(ctx, issue, payload.comment as CommentPayload);
  }
  ctx.log(`The freshness task has nothing to do for ${key}.`);
}

/** Lower-case logins with a profile file, valid or not: a check-in closes only when the file itself is gone. */
function profileFiles(workspace: string): string[] {
  const dir = join(workspace, MENTORS_DIR);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3).toLowerCase()) : [];
}

export async function handleFreshnessSweep(ctx: RunContext): Promise<void> {
  const today = todayOf(ctx);
  const checkins = await listCheckins(ctx.gh, ctx.repo, ctx.botLogin);
  const plan = decideSweep({ program: ctx.program, mentors: ctx.mentors, profileFiles: profileFiles(ctx.workspace), checkins, today });
  for (const note of plan.notes) ctx.log(note);
  for (const d of plan.decisions) await apply(ctx, d);
  for (const p of plan.pending) {
    // An answer whose run was cut short left its branch: finish it (a /confirm is an answer, not silence).
    const started = ctx.dryRun ? undefined : await firstStarted(ctx, [p.answers.confirm, p.answers.pause]);
    if (started) {
      ctx.log(`#${p.checkin}: ${started.branch} exists, so an answer was under way; finishing it.`);
      await carryOutChange(ctx, started);
    } else if (p.silence) await carryOutChange(ctx, p.silence);
  }
  for (const c of plan.open) {
    if (ctx.dryRun) {
      ctx.log(`[dry-run] open a check-in for @${c.mentor}: "${c.title}" (labels ${c.labels.join(', ')}). ${c.notes.join(' ')}`);
      for (const line of c.body.split('\n')) ctx.log(`[dry-run]     | ${line}`);
      continue;
    }
    const number = await openCheckin(ctx.gh, ctx.repo, c);
    ctx.log(`#${number}: ${c.notes.join(' ')}`);
  }
  if (!plan.open.length && !plan.pending.some((p) => p.silence) && !plan.decisions.length) ctx.log(`Freshness sweep on ${today}: every profile is current or waiting for its answer.`);
  await repairLabels(ctx);
}

export async function handleFreshnessComment(ctx: RunContext, payloadIssue: IssuePayload, comment: CommentPayload): Promise<void> {
  const commands = parseCommands(comment.body ?? '');
  if (commands.length === 0) {
    ctx.log(`Comment ${comment.id} on #${payloadIssue.number} has no command; nothing to do.`);
    return;
  }
  const checkin = await getCheckin(ctx.gh, ctx.repo, payloadIssue.number, ctx.botLogin);
  if (!checkin) {
    ctx.log(`#${payloadIssue.number} carries the ${FRESHNESS_LABEL} label but is not a check-in the bot opened; leaving it to the maintainers.`);
    return;
  }
  const plan = decideCheckinComment({
    program: ctx.program,
    checkin,
    profile: ctx.mentors.get(checkin.mentor),
    actor: comment.user?.login ?? 'ghost',
    commands,
    commentId: comment.id,
    today: todayOf(ctx),
  });
  for (const note of plan.notes) ctx.log(note);
  for (const d of plan.decisions) await apply(ctx, d);
  if (plan.change) await carryOutChange(ctx, plan.change);
}

async function firstStarted(ctx: RunContext, changes: ProfileChange[]): Promise<ProfileChange | undefined> {
  for (const c of changes) if (await branchExists(ctx.gh, ctx.repo, c.branch)) return c;
  return undefined;
}

async function carryOutChange(ctx: RunContext, c: ProfileChange): Promise<void> {
  if (ctx.dryRun) {
    ctx.log(`[dry-run] pull request "${c.title}" from ${c.branch}: set ${c.field} to ${c.value} in ${c.path}`);
    for (const line of c.body.split('\n')) ctx.log(`[dry-run]     | ${line}`);
    print(ctx, afterChange(c, { kind: 'pull', number: 0, url: '(the new pull request)', existed: false }));
    return;
  }
  const result = await proposeChange(ctx.gh, ctx.repo, c);
  ctx.log(result.kind === 'pull' ? `${result.existed ? 'Found' : 'Opened'} pull request #${result.number} (${c.branch}).` : `${c.path} already has ${c.field}: ${c.value}; no pull request.`);
  await apply(ctx, afterChange(c, result));
}

async function apply(ctx: RunContext, d: Decision): Promise<void> {
  if (ctx.dryRun) {
    print(ctx, d);
    return;
  }
  const r = await applyCheckinDecision(ctx.gh, ctx.repo, d, ctx.botLogin);
  ctx.log(`#${d.issue}: ${d.notes.join(' ')} (${r.commentsCreated} comment(s) posted${r.closed ? ', closed' : ''})`);
}

/** The dry run's account of a decision on a check-in (check-ins have no status labels to show). */
function print(ctx: RunContext, d: Decision): void {
  ctx.log(`[dry-run] #${d.issue}: ${d.notes.join(' ')}`);
  for (const c of d.comments) {
    ctx.log(`[dry-run]   comment ${c.kind}:${c.key} (${c.mode}):`);
    for (const line of c.body.split('\n')) ctx.log(`[dry-run]     | ${line}`);
  }
  if (d.close) ctx.log(`[dry-run]   close as ${d.close.reason}`);
}
