import { applyLabels, type Decision } from '../core/decision.ts';
import { withClock, type Clock } from '../core/clock.ts';
import { settleAcceptance } from '../core/accept.ts';
import type { Status } from '../core/labels.ts';
import { activeLabelOrder, applyDecision, colourLabels, listBotComments, listOpenRequests, type BotComment, type IssueState } from '../github/repo.ts';
import { todayOf, type RunContext } from './context.ts';
import { report } from './report.ts';

/**
 * What one run knows about the repository: read once, then kept current as decisions are applied, so a
 * second command in the same comment is decided against the state the first one left.
 */
export interface Live {
  /** Every open request. */
  open: IssueState[];
  /** The issue the event is about (it may be closed). */
  issue: IssueState;
  /** The bot's marked comments, per issue, read when first needed. */
  records: Map<number, BotComment[]>;
  /** Labels known to exist in the repository. */
  known: Set<string>;
}

export async function readLive(ctx: RunContext, number: number, fallback: () => Promise<IssueState>): Promise<Live> {
  const open = await listOpenRequests(ctx.gh, ctx.repo, ctx.botLogin);
  const issue = open.find((i) => i.number === number) ?? (await fallback());
  return { open, issue, records: new Map(), known: new Set(open.flatMap((i) => i.labels)) };
}

export async function recordsOf(ctx: RunContext, live: Live, number: number): Promise<BotComment[]> {
  let r = live.records.get(number);
  if (!r) {
    r = await listBotComments(ctx.gh, ctx.repo, number, ctx.botLogin);
    live.records.set(number, r);
  }
  return r;
}

function stateOf(live: Live, number: number): IssueState | undefined {
  return number === live.issue.number ? live.issue : live.open.find((i) => i.number === number);
}

function remember(live: Live, d: Decision, labels: string[]): void {
  for (const i of [live.issue, ...live.open.filter((o) => o !== live.issue)]) {
    if (i.number !== d.issue) continue;
    i.labels = labels;
    if (d.clock) i.body = withClock(i.body, d.clock);
    if (d.close) i.state = 'closed';
    if (d.reopen) i.state = 'open';
  }
  live.open = live.open.filter((o) => o.state === 'open');
  if (d.reopen && d.issue === live.issue.number && !live.open.includes(live.issue)) live.open.push(live.issue);
}

/** How to settle an acceptance once its claim is applied. */
export interface Acceptance {
  mentor: string;
  previous: Status;
  by: string;
  key: string;
  previousClock?: Clock;
}


/**
 * Apply a plan in order. An acceptance's claim is settled right after it is applied: the open requests are
 * read again, ranked by label order if a limit is exceeded, and the confirmation or the rollback is applied
 * in turn (docs/races.md).
 */
export async function carryOut(ctx: RunContext, live: Live, plan: Decision[], acceptance?: Acceptance): Promise<void> {
  // A label whose colouring failed in an earlier run (GitHub created it grey) is finished by the next run that
  // sees it, on the issue at hand or on any open request: a call only while such a label exists.
  const grey = new Set([...live.open, live.issue].flatMap((i) => i.uncoloured ?? []));
  if (!ctx.dryRun && grey.size) {
    await colourLabels(ctx.gh, ctx.repo, grey);
    for (const i of [...live.open, live.issue]) i.uncoloured = [];
  }
  for (const d of plan) {
    const target = stateOf(live, d.issue);
    if (!target) {
      ctx.log(`#${d.issue}: no longer open; skipped (${d.notes.join(' ')})`);
      continue;
    }
    if (ctx.dryRun) {
      report(ctx, d, target.labels);
      if (d.verify) ctx.log('[dry-run]   then re-read the open requests and confirm or roll back this acceptance');
      remember(live, d, applyLabels(target.labels, d));
      continue;
    }
    const existingComments = d.comments.length ? await recordsOf(ctx, live, d.issue) : [];
    const result = await applyDecision(ctx.gh, ctx.repo, d, { currentLabels: target.labels, currentBody: target.body, knownLabels: live.known, existingComments });
    remember(live, d, applyLabels(target.labels, d));
    ctx.log(`#${d.issue}: ${d.notes.join(' ')} (labels ${result.labelsChanged ? 'changed' : 'unchanged'}, ${result.commentsCreated} comment(s) posted, ${result.commentsUpdated} edited${result.closed ? ', closed' : ''})`);

    if (d.verify === 'acceptance' && acceptance) {
      live.open = await listOpenRequests(ctx.gh, ctx.repo, ctx.botLogin);
      const mine = live.open.find((o) => o.number === live.issue.number);
      if (mine) live.issue = mine;
      const input = { program: ctx.program, mentors: ctx.mentors, issue: live.issue, openRequests: live.open, today: todayOf(ctx), agreement: ctx.agreement, ...acceptance };
      let settled = settleAcceptance(input);
      if ('needsOrder' in settled) {
        ctx.log(`#${d.issue}: a limit is exceeded on re-reading; ranking ${settled.needsOrder.map((n) => `#${n}`).join(', ')} by when they were accepted.`);
        settled = settleAcceptance({ ...input, order: await activeLabelOrder(ctx.gh, ctx.repo, settled.needsOrder) });
      }
      if ('plan' in settled) await carryOut(ctx, live, settled.plan);
    }
  }
}
