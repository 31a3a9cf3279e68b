import { changedBlocklist, decidePause, pauseReply, type ModerationCommand } from '../core/pause.ts';
import { emptyDecision } from '../core/decision.ts';
import { proposeFileChange } from '../github/pulls.ts';
import { applyCheckinDecision } from '../github/pulls.ts';
import { todayOf, type RunContext } from './context.ts';

/**
 * `/pause @login` and `/unpause @login`, answered by the mentor profiles workflow (freshness task): it already has
 * contents and pull-requests write for profile changes, so the request workflow keeps issues: write only.
 */
export async function handleModeration(
  ctx: RunContext,
  issue: number,
  comment: { id: number; user: { login: string } | null },
  command: { name: ModerationCommand; args: string },
): Promise<void> {
  const actor = comment.user?.login ?? 'ghost';
  const today = todayOf(ctx);
  const plan = decidePause({ program: ctx.program, actor, command, issue, commentId: comment.id, today });
  if (plan.kind === 'refused') {
    if (ctx.dryRun) return ctx.log(`[dry-run] #${issue}: ${plan.reply.notes.join(' ')}`);
    await applyCheckinDecision(ctx.gh, ctx.repo, plan.reply, ctx.botLogin);
    ctx.log(`#${issue}: ${plan.reply.notes.join(' ')}`);
    return;
  }
  const { change } = plan;
  if (ctx.dryRun) {
    ctx.log(`[dry-run] #${issue}: open a pull request from ${change.branch}: "${change.title}" (${change.path}).`);
    return;
  }
  const result = await proposeFileChange(ctx.gh, ctx.repo, {
    branch: change.branch,
    path: change.path,
    title: change.title,
    body: change.body,
    edit: (current) => changedBlocklist(change, current, actor, today),
  });
  const d = emptyDecision(issue);
  d.comments.push({ kind: change.action, key: plan.replyKey, mode: 'once', body: pauseReply(change, actor, result.kind === 'pull' ? result : 'unchanged') });
  await applyCheckinDecision(ctx.gh, ctx.repo, d, ctx.botLogin);
  ctx.log(`#${issue}: /${change.action} @${change.login} by @${actor}: ${result.kind === 'pull' ? `pull request #${result.number}${result.existed ? ' (opened by an earlier run)' : ''}` : `${change.path} already says so`}.`);
}
