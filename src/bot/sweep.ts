import { readClock, sameClock } from '../core/clock.ts';
import { emptyDecision } from '../core/decision.ts';
import { statusOf } from '../core/labels.ts';
import { repairLabels } from './labels-repair.ts';
import { SWEPT, believable, checkinEvery, decideSweep, dueStep, trustedClock } from '../core/sweep.ts';
import { PEER_GROUP_LABEL, isPeerGroup } from '../core/peer-group.ts';
import { listIssues, listOpenRequests, type IssueState } from '../github/repo.ts';
import type { RunContext } from './context.ts';
import { carryOut, recordsOf, type Live } from './plan.ts';
import { todayOf } from './context.ts';
import { readBlocklist } from './blocklist.ts';

/**
 * The daily sweep (schedule, or workflow_dispatch with dry-run). One pass over the open requests as listed,
 * judging each by the clock at the end of its body; only a request whose clock says something is due (or whose
 * clock is missing or stale) costs more calls: its thread is read, the trusted clock rebuilt from the bot's own
 * comments, and the step decided on that. So a day with nothing due costs one call per 100 requests, and one per
 * 100 peer groups (their own list: a group is not a request, and must not count in anyone's quotas).
 */
export async function handleSweep(ctx: RunContext): Promise<void> {
  const today = todayOf(ctx);
  const open = await listOpenRequests(ctx.gh, ctx.repo, ctx.botLogin);
  // Only the bot opens peer groups; an issue someone else labelled so is not one.
  const groups = (await listIssues(ctx.gh, ctx.repo, { state: 'open', labels: PEER_GROUP_LABEL }, ctx.botLogin)).filter((g) => g.author.toLowerCase() === ctx.botLogin.toLowerCase());
  const live: Live = { open, issue: open[0] ?? groups[0]!, records: new Map(), known: new Set([...open, ...groups].flatMap((i) => i.labels)) };
  const candidates = [...open, ...groups].filter((i) => needsLook(ctx, i, today));
  ctx.log(`Sweep on ${today}: ${open.length} open request(s), ${groups.length} peer group(s), ${candidates.length} to look at.`);
  const blocklist = readBlocklist(ctx);
  let failed: unknown;
  for (const issue of candidates) {
    // A request an earlier step of this sweep closed (an auto-withdrawal, say) is no longer ours to time.
    if (!isPeerGroup(issue.labels) && !live.open.some((o) => o.number === issue.number)) continue;
    live.issue = issue;
    try {
      const records = await recordsOf(ctx, live, issue.number);
      const plan = decideSweep({
        program: ctx.program,
        mentors: ctx.mentors,
        today,
        issue,
        openRequests: live.open,
        records,
        agreement: ctx.agreement,
        blocklist,
      });
      await carryOut(ctx, live, plan);
    } catch (e) {
      // One request GitHub refuses must not hold up the rest; the run still fails, so it is seen and retried.
      ctx.log(`::warning::#${issue.number}: ${(e as Error).message}`);
      failed ??= e;
    }
  }
  await repairLabels(ctx);
  if (failed) throw failed;
}

/** Whether a request needs its thread read: something is due, or its clock is missing, not its status's or changed by hand. */
function needsLook(ctx: RunContext, issue: IssueState, today: string): boolean {
  const status = statusOf(issue.labels);
  if (!status || !SWEPT.includes(status)) return false;
  const clock = readClock(issue.body);
  const every = checkinEvery(ctx.program, issue.labels);
  if (!clock || clock.status !== status || !believable(clock, ctx.program, today, every)) return true;
  return dueStep(clock, ctx.program, today, every) !== undefined;
}

/**
 * After a person edits a request's body, put back the clock at its end if the edit changed it: the body is
 * theirs to edit, the clock is the bot's cache of its own records. One read of the thread, on edits only.
 */
export async function repairClock(ctx: RunContext, live: Live): Promise<void> {
  const issue = live.issue;
  const status = statusOf(issue.labels);
  if (issue.state !== 'open' || !status || !SWEPT.includes(status)) return;
  const trusted = trustedClock(status, await recordsOf(ctx, live, issue.number), issue);
  if (!trusted || sameClock(readClock(issue.body), trusted)) return;
  const d = emptyDecision(issue.number);
  d.clock = trusted;
  d.notes.push(`The clock at the end of the body did not match my records (${status} since ${trusted.since}); restored it.`);
  await carryOut(ctx, live, [d]);
}
