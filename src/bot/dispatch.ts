import type { RunContext } from './context.ts';
import { handleIntake } from './intake.ts';
import { handleComment, handleLabeled } from './answers.ts';
import { dispatchFreshness } from './freshness.ts';
import { handleSweep } from './sweep.ts';
import { handlePush } from './matches.ts';
import { isApplication } from '../core/onboarding.ts';
import { isCohortApplication } from '../core/cohort-forms.ts';
import { FRESHNESS_LABEL } from '../core/labels.ts';

type Payload = Record<string, unknown> & { action?: string; sender?: { login?: string; type?: string } };

export function isBotSender(payload: Payload, botLogin: string): boolean {
  const s = payload.sender;
  return s?.type === 'Bot' || (s?.login ?? '').endsWith('[bot]') || s?.login?.toLowerCase() === botLogin.toLowerCase();
}

/** Route an event to its handler, the way a Probot app would: by event name and action. */
export async function dispatch(ctx: RunContext, eventName: string, raw: Record<string, unknown>): Promise<void> {
  const payload = raw as Payload;
  // A push to the default branch is there whoever made it (writing to it needs push access and passes branch
  // protection); only matches/ files are read from it. GITHUB_TOKEN's own pushes start no run at all.
  if (eventName === 'push' && ctx.task === 'requests') return handlePush(ctx, payload);
  if (isBotSender(payload, ctx.botLogin)) {
    ctx.log(`Ignoring ${eventName}.${payload.action ?? ''} from ${payload.sender?.login}: events from bots (this one included) are not acted on.`);
    return;
  }
  if (ctx.task === 'freshness') return dispatchFreshness(ctx, eventName, payload);
  if (eventName === 'schedule' || eventName === 'workflow_dispatch') return handleSweep(ctx);
  const issue = payload.issue as { labels?: ({ name?: string } | string)[]; body?: string | null } | undefined;
  if (issue?.labels?.some((l) => (typeof l === 'string' ? l : l.name) === FRESHNESS_LABEL)) {
    ctx.log('A freshness check-in: the freshness workflow answers it.');
    return;
  }
  if (issue && isApplication({ labels: issue.labels?.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))), body: issue.body })) {
    ctx.log('A mentor application: the mentor profiles workflow (freshness task) answers it.');
    return;
  }
  // Before intake and commands: an application that also carries `request` (set by hand) is still not a request.
  if (issue && isCohortApplication({ labels: issue.labels?.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))), body: issue.body })) {
    ctx.log('A cohort application: npm run match reads it; the bot leaves it alone.');
    return;
  }
  const key = `${eventName}.${payload.action ?? ''}`;
  switch (key) {
    case 'issues.opened':
    case 'issues.edited':
    case 'issues.reopened':
      return handleIntake(ctx, payload.action as 'opened' | 'edited' | 'reopened', payload.issue as Parameters<typeof handleIntake>[2], payload.sender?.login ?? 'ghost');
    case 'issue_comment.created':
      return handleComment(ctx, payload.issue as Parameters<typeof handleComment>[1], payload.comment as Parameters<typeof handleComment>[2]);
    case 'issues.labeled':
      return handleLabeled(ctx, payload.issue as Parameters<typeof handleLabeled>[1], (payload.label as { name: string }).name, payload.sender?.login ?? 'ghost');
    default:
      ctx.log(`No handler for ${key}; nothing to do.`);
  }
}
