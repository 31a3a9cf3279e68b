import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { decideIntake, type Eligibility } from '../core/intake.ts';
import { decideHandReopen, endedByStatus } from '../core/answers.ts';
import { isMaintainer, rolesOf } from '../core/roles.ts';
import { looksLikeRequest } from '../core/request-form.ts';
import { REQUEST_LABEL } from '../core/labels.ts';
import { getIssue, getPermission, isOrgMember, toIssueState } from '../github/repo.ts';
import { todayOf, type RunContext } from './context.ts';
import { carryOut, readLive } from './plan.ts';
import { repairClock } from './sweep.ts';
import { abuseReadsNeeded, type AbuseFacts } from '../core/abuse.ts';
import { readBlocklist } from './blocklist.ts';
import { statusOf } from '../core/labels.ts';
import { accountCreatedAt, listRequestsBy } from '../github/abuse.ts';

type IssuePayload = Parameters<typeof toIssueState>[0] & { updated_at?: string | null };

/**
 * issues.opened / edited / reopened: check a request and mark it pending or
 * invalid. State is read live; the payload only says which issue (and, for a
 * reopen, who pressed the button and when).
 */
export async function handleIntake(ctx: RunContext, action: 'opened' | 'edited' | 'reopened', payloadIssue: IssuePayload, sender = 'ghost'): Promise<void> {
  const fromPayload = toIssueState(payloadIssue, ctx.botLogin);
  if (!looksLikeRequest(fromPayload.body) && !fromPayload.labels.includes(REQUEST_LABEL)) {
    ctx.log(`#${fromPayload.number} is not a request (no request form in its body); nothing to do.`);
    return;
  }
  const live = await readLive(ctx, fromPayload.number, () => getIssue(ctx.gh, ctx.repo, fromPayload.number, ctx.botLogin));
  const issue = live.issue;
  if (!looksLikeRequest(issue.body)) {
    ctx.log(`#${issue.number} carries the request label but its body is not the request form; leaving it to the maintainers.`);
    return;
  }
  if (action === 'reopened' && issue.state === 'open' && endedByStatus(issue.labels)) {
    await handReopen(ctx, live, payloadIssue, sender);
    return;
  }
  const decision = decideIntake({
    program: ctx.program,
    mentors: ctx.mentors,
    issue,
    action,
    openRequests: live.open,
    ...(ctx.program.eligibility ? { eligibility: await eligibility(ctx, issue.author) } : {}),
    ...(checked(issue) ? { abuse: await abuseFacts(ctx, issue) } : {}),
    today: todayOf(ctx),
  });
  await carryOut(ctx, live, [decision]);
  if (action === 'edited') await repairClock(ctx, live);
}

/** An ended request reopened with the Reopen button: what `/reopen` would do, or closed again (core/answers.ts). */
async function handReopen(ctx: RunContext, live: Awaited<ReturnType<typeof readLive>>, payloadIssue: IssuePayload, sender: string): Promise<void> {
  const issue = live.issue;
  // The permission endpoint costs a call; program.yml answers for maintainers.
  const permission = isMaintainer(ctx.program, sender) ? undefined : await getPermission(ctx.gh, ctx.repo, sender);
  const actor = { login: sender, roles: rolesOf(sender, { program: ctx.program, author: issue.author, mentor: undefined, permission }) };
  // The reopen's time names it: the same delivery run again finds its comments, a later reopen asks again.
  const stamp = (payloadIssue.updated_at ?? todayOf(ctx)).replace(/[^0-9]/g, '');
  const key = `reopen-${sender.replace(/[^A-Za-z0-9._-]/g, '-')}-${stamp}`;
  const mayReopen = actor.roles.includes('maintainer') || actor.roles.includes('collaborator');
  const decision = decideHandReopen({
    program: ctx.program,
    mentors: ctx.mentors,
    issue,
    actor,
    openRequests: live.open,
    today: todayOf(ctx),
    key,
    ...(mayReopen && ctx.program.eligibility ? { eligibility: await eligibility(ctx, issue.author) } : {}),
    ...(mayReopen ? { abuse: await abuseFacts(ctx, issue) } : {}),
  });
  await carryOut(ctx, live, [decision]);
}

async function eligibility(ctx: RunContext, login: string): Promise<Eligibility> {
  const gate = ctx.program.eligibility!;
  const ways: string[] = [];
  if (gate.allow_list) {
    const path = join(ctx.workspace, gate.allow_list);
    const allowed = existsSync(path)
      ? readFileSync(path, 'utf8')
          .split('\n')
          .map((l) => l.replace(/#.*/, '').trim().replace(/^@/, '').toLowerCase())
          .filter(Boolean)
      : [];
    if (allowed.includes(login.toLowerCase())) return { ok: true, reason: '' };
    ways.push('be on the program’s list of eligible participants (ask the program committee)');
  }
  if (gate.org) {
    if (await isOrgMember(ctx.gh, gate.org, login)) return { ok: true, reason: '' };
    ways.push(`be a **public** member of the @${gate.org} organisation (make your membership public at github.com/orgs/${gate.org}/people)`);
  }
  return { ok: false, reason: `this program is open to its members only. To take part, ${ways.join(', or ')}; then edit this issue and I’ll check again.` };
}

/** decideIntake checks only open requests that are new, pending or invalid; no read is spent on the others. */
function checked(issue: { state: string; labels: string[] }): boolean {
  const status = statusOf(issue.labels);
  return issue.state === 'open' && (status === undefined || status === 'pending' || status === 'invalid');
}

async function abuseFacts(ctx: RunContext, issue: { author: string; labels: string[] }): Promise<AbuseFacts> {
  const blocklist = readBlocklist(ctx);
  const needs = abuseReadsNeeded(ctx.program.abuse, issue, blocklist, todayOf(ctx));
  return {
    blocklist,
    ...(needs.requestsSince ? { recentRequests: await listRequestsBy(ctx.gh, ctx.repo, issue.author, needs.requestsSince) } : {}),
    ...(needs.accountAge ? { accountCreatedAt: await accountCreatedAt(ctx.gh, issue.author) } : {}),
  };
}
