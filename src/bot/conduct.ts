import { decideReport } from '../core/report.ts';
import { deleteComment, fileReport, lockIssue } from '../github/conduct.ts';
import { applyDecision, listBotComments } from '../github/repo.ts';
import type { RunContext } from './context.ts';

type ReportedIssue = { number: number; html_url?: string; locked?: boolean };
type ReportComment = { id: number; body?: string | null; created_at?: string; user: { login: string } | null };

/**
 * `/report`: the comment goes first (its words are public until then), then the private filing, the moderators'
 * ping and the lock. Every step is idempotent, keyed on the comment's id, so a re-run of the same event repeats
 * nothing and finishes what a stopped run left undone.
 */
export async function handleReport(ctx: RunContext, issue: ReportedIssue, comment: ReportComment): Promise<void> {
  const repository = `${ctx.repo.owner}/${ctx.repo.repo}`;
  const url = issue.html_url ?? `https://github.com/${repository}/issues/${issue.number}`;
  const plan = decideReport({
    program: ctx.program,
    repository,
    issue: { number: issue.number, url, locked: Boolean(issue.locked) },
    reporter: comment.user?.login ?? 'ghost',
    comment: { id: comment.id, body: comment.body ?? '', createdAt: comment.created_at ?? ctx.now.toISOString() },
    canFile: Boolean(ctx.reports),
  });
  if (ctx.dryRun) {
    // The report's words are not printed: the Actions log of a public repository is public too.
    ctx.log(`[dry-run] #${issue.number}: ${plan.notes.join(' ')}`);
    ctx.log(`[dry-run]   delete comment ${plan.deleteComment}${plan.file ? `; file "${plan.file.title}" in ${plan.file.repository}` : ''}${plan.lock ? '; lock the conversation' : ''}`);
    for (const line of plan.ping.comments[0]!.body.split('\n')) ctx.log(`[dry-run]     | ${line}`);
    return;
  }
  const deleted = await deleteComment(ctx.gh, ctx.repo, plan.deleteComment);
  ctx.log(`#${issue.number}: comment ${plan.deleteComment} ${deleted ? 'deleted' : 'was already deleted'}.`);
  if (plan.file) {
    const [owner, repo] = plan.file.repository.split('/') as [string, string];
    const filed = await fileReport(ctx.reports!, { owner, repo }, plan.file);
    ctx.log(`Report ${filed.created ? 'filed' : 'already filed'} as ${plan.file.repository}#${filed.number}.`);
  }
  const existing = await listBotComments(ctx.gh, ctx.repo, issue.number, ctx.botLogin);
  const r = await applyDecision(ctx.gh, ctx.repo, plan.ping, { currentLabels: [], currentBody: '', knownLabels: new Set(), existingComments: existing });
  ctx.log(`#${issue.number}: ${r.commentsCreated ? 'moderators pinged' : 'moderators were already pinged'}.`);
  if (plan.lock) {
    await lockIssue(ctx.gh, ctx.repo, issue.number);
    ctx.log(`#${issue.number}: conversation locked.`);
  }
  for (const n of plan.notes.slice(1)) ctx.log(`::warning::${n}`);
}
