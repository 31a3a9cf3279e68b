import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision } from '../core/decision.ts';
import { afterProposal, applicationBranch, decideApplication, ignoreReason, isApplication, type ApplicationInput, type Proposal } from '../core/onboarding.ts';
import { MENTORS_DIR } from '../files/content.ts';
import { getIssue } from '../github/repo.ts';
import { applyApplicationDecision, findApplicationPull, findOtherApplicationPull, proposeProfile } from '../github/onboarding.ts';
import { todayOf, type RunContext } from './context.ts';

/**
 * Mentor applications (issues.opened / issues.edited on a "Become a mentor" issue), run by the freshness task:
 * its workflow is the one allowed to write contents and open pull requests. The issue is read live; the
 * payload only says which issue and who acted. See docs/onboarding.md.
 */

type IssuePayload = { number: number; body?: string | null; labels?: Array<string | { name?: string }>; pull_request?: unknown };

/** Whether content/mentors/<login>.md is in the checked-out default branch (valid or not: either way it exists). */
function hasProfile(workspace: string, login: string): boolean {
  const dir = join(workspace, MENTORS_DIR);
  return existsSync(dir) && readdirSync(dir).some((f) => f.toLowerCase() === `${login.toLowerCase()}.md`);
}

export async function handleApplication(ctx: RunContext, action: 'opened' | 'edited', payloadIssue: IssuePayload, sender: string): Promise<void> {
  const labels = (payloadIssue.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
  if (payloadIssue.pull_request || !isApplication({ labels, body: payloadIssue.body })) {
    ctx.log(`#${payloadIssue.number} is not a mentor application; nothing to do.`);
    return;
  }
  const issue = await getIssue(ctx.gh, ctx.repo, payloadIssue.number, ctx.botLogin);
  if (!isApplication(issue)) {
    ctx.log(`#${issue.number} is no longer a mentor application (no form, no label); nothing to do.`);
    return;
  }
  const login = issue.author.toLowerCase();
  const branch = applicationBranch(login, issue.number);
  const input: ApplicationInput = {
    program: ctx.program,
    repository: `${ctx.repo.owner}/${ctx.repo.repo}`,
    issue: { number: issue.number, author: issue.author, authorType: issue.authorType, state: issue.state, labels: issue.labels, body: issue.body },
    action,
    actor: sender,
    today: todayOf(ctx),
    profileExists: hasProfile(ctx.workspace, login),
  };
  const ignore = ignoreReason(input);
  if (ignore) {
    ctx.log(ignore);
    return;
  }
  const pull = await findApplicationPull(ctx.gh, ctx.repo, branch);
  let plan = decideApplication({ ...input, ...(pull ? { pull } : {}) });
  // About to open a pull request: unless another application of the same person has one open already.
  if (plan.kind === 'propose' && !pull) {
    const otherPull = await findOtherApplicationPull(ctx.gh, ctx.repo, login, branch);
    if (otherPull) plan = decideApplication({ ...input, otherPull });
  }
  if (plan.kind === 'ignore') {
    for (const n of plan.notes) ctx.log(n);
    return;
  }
  if (plan.kind === 'answer') return apply(ctx, plan.decision, issue.labels);
  if (ctx.dryRun) {
    printProposal(ctx, plan.proposal);
    return apply(ctx, afterProposal(input, plan.proposal, { kind: plan.proposal.update ? 'updated' : 'opened', number: plan.proposal.update?.number ?? 0, url: plan.proposal.update?.url ?? '(the new pull request)' }, plan.decision), issue.labels);
  }
  const result = await proposeProfile(ctx.gh, ctx.repo, plan.proposal);
  await apply(ctx, afterProposal(input, plan.proposal, result, plan.decision), issue.labels);
}

async function apply(ctx: RunContext, d: Decision, labels: string[]): Promise<void> {
  if (ctx.dryRun) {
    ctx.log(`[dry-run] #${d.issue}: ${d.notes.join(' ')}`);
    if (d.addLabels.length) ctx.log(`[dry-run]   add labels: ${d.addLabels.join(', ')}`);
    for (const c of d.comments) {
      ctx.log(`[dry-run]   comment ${c.kind}:${c.key} (${c.mode}):`);
      for (const line of c.body.split('\n')) ctx.log(`[dry-run]     | ${line}`);
    }
    return;
  }
  const r = await applyApplicationDecision(ctx.gh, ctx.repo, d, ctx.botLogin, labels);
  ctx.log(`#${d.issue}: ${d.notes.join(' ')} (${r.commentsCreated} comment(s) posted, ${r.commentsUpdated} updated)`);
}

function printProposal(ctx: RunContext, p: Proposal): void {
  ctx.log(
    p.update
      ? `[dry-run] write ${p.path} on ${p.branch}, the branch of pull request #${p.update.number} (if it differs): "${p.message}"`
      : `[dry-run] pull request "${p.title}" from ${p.branch}, adding ${p.path}:`,
  );
  for (const line of p.text.split('\n')) ctx.log(`[dry-run]     | ${line}`);
  if (!p.update) for (const line of p.body.split('\n')) ctx.log(`[dry-run]   body | ${line}`);
}
