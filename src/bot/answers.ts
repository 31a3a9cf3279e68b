import { parseCommands } from '../core/command-parser.ts';
import { sortCommands, viaKey, type CommandName, type Via } from '../core/commands.ts';
import { STATUS_LABEL_COMMANDS, decideCommand, decideHelp, refuse } from '../core/answers.ts';
import { REQUEST_LABEL, mentorOf, statusOf, statusSchema } from '../core/labels.ts';
import { looksLikeRequest } from '../core/request-form.ts';
import { isMaintainer, rolesOf, type Permission } from '../core/roles.ts';
import { getIssue, getPermission, toIssueState } from '../github/repo.ts';
import type { RunContext } from './context.ts';
import { carryOut, readLive, recordsOf, type Live } from './plan.ts';
import { todayOf } from './context.ts';
import { readClock } from '../core/clock.ts';
import { trustedClock } from '../core/sweep.ts';
import { isPeerGroup } from '../core/peer-group.ts';
import { handleGroupComment } from './peer-group.ts';
import { handleReport } from './conduct.ts';
import { readBlocklist } from './blocklist.ts';

type IssuePayload = Parameters<typeof toIssueState>[0];
type CommentPayload = { id: number; body?: string | null; created_at?: string; user: { login: string } | null };

const isRequest = (i: { labels: string[]; body: string }) => i.labels.includes(REQUEST_LABEL) || looksLikeRequest(i.body);

/** issue_comment.created: the commands in a new comment, in order, then one help reply for unknown ones. */
export async function handleComment(ctx: RunContext, payloadIssue: IssuePayload & { pull_request?: unknown }, comment: CommentPayload): Promise<void> {
  const commands = parseCommands(comment.body ?? '');
  if (commands.length === 0) {
    ctx.log(`Comment ${comment.id} on #${payloadIssue.number} has no command; nothing to do.`);
    return;
  }
  const fromPayload = toIssueState(payloadIssue, ctx.botLogin);
  // A report wins over everything else in its comment: the comment is deleted, so the other commands in it would
  // be answered under a comment nobody can read any more (docs/security.md, “Reporting”).
  if (!payloadIssue.pull_request && commands.some((c) => c.name === 'report') && (isPeerGroup(fromPayload.labels) || isRequest(fromPayload))) {
    return handleReport(ctx, payloadIssue as Parameters<typeof handleReport>[1], comment);
  }
  if (!payloadIssue.pull_request && isPeerGroup(fromPayload.labels)) return handleGroupComment(ctx, fromPayload.number, comment, commands);
  if (payloadIssue.pull_request || !isRequest(fromPayload)) {
    ctx.log(`#${fromPayload.number} is not a request; commands are only read on requests.`);
    return;
  }
  const login = comment.user?.login ?? 'ghost';
  const live = await readLive(ctx, fromPayload.number, () => getIssue(ctx.gh, ctx.repo, fromPayload.number, ctx.botLogin));
  const { known, unknown } = sortCommands(commands);
  for (const c of known) await answer(ctx, live, login, undefined, c.name, c.args, { kind: 'comment', id: comment.id, index: c.index });
  if (unknown.length) {
    const i = live.issue;
    const records = await recordsOf(ctx, live, i.number);
    const actor = { login, roles: rolesOf(login, { program: ctx.program, author: i.author, mentor: mentorOf(i.labels) }) };
    const d = decideHelp({ ...common(ctx, live), records, actor, unknown, commentId: comment.id });
    await carryOut(ctx, live, [d]);
  }
}

/**
 * issues.labeled by a person. `status:active` and `status:declined` take the path of /accept and /decline,
 * with the same checks; any other status or mentor label is the bot's to set, so it is taken off again.
 */
export async function handleLabeled(ctx: RunContext, payloadIssue: IssuePayload, label: string, sender: string): Promise<void> {
  const isStatus = label.startsWith('status:') && statusSchema.safeParse(label.slice(7)).success;
  if (!isStatus && !label.startsWith('mentor:')) {
    ctx.log(`Label ${label} on #${payloadIssue.number} is not one the bot manages; nothing to do.`);
    return;
  }
  const fromPayload = toIssueState(payloadIssue, ctx.botLogin);
  if (!isRequest(fromPayload)) {
    ctx.log(`#${fromPayload.number} is not a request; its labels are not the bot's.`);
    return;
  }
  const live = await readLive(ctx, fromPayload.number, () => getIssue(ctx.gh, ctx.repo, fromPayload.number, ctx.botLogin));
  if (!live.issue.labels.includes(label)) {
    ctx.log(`#${live.issue.number} no longer carries ${label}; nothing to do.`);
    return;
  }
  const status = isStatus ? statusSchema.parse(label.slice(7)) : undefined;
  const command = status ? STATUS_LABEL_COMMANDS[status] : undefined;
  const via: Via = { kind: 'label', label };
  if (command) {
    await answer(ctx, live, sender, await permissionIfNeeded(ctx, live, sender), command, '', via);
    return;
  }
  const actor = { login: sender, roles: [] };
  const why = status
    ? `\`${label}\` is set by the bot when someone uses the matching command (${status === 'withdrawn' ? '`/withdraw`' : status === 'saved' ? '`/later`' : 'see the README'}); only \`status:active\` and \`status:declined\` may be set by hand, by the mentor, a maintainer or a collaborator.`
    : 'the mentor of a request is changed with `/reassign @login` by a maintainer, so the new mentor is checked and told.';
  await carryOut(ctx, live, refuse({ issue: live.issue, actor, via }, why));
}

// The permission endpoint costs a call; it is only asked when program.yml and the request don't already decide.
async function permissionIfNeeded(ctx: RunContext, live: Live, login: string): Promise<Permission | undefined> {
  if (isMaintainer(ctx.program, login)) return undefined;
  if (mentorOf(live.issue.labels)?.toLowerCase() === login.toLowerCase()) return undefined;
  return getPermission(ctx.gh, ctx.repo, login);
}

function common(ctx: RunContext, live: Live) {
  return {
    program: ctx.program,
    mentors: ctx.mentors,
    today: todayOf(ctx),
    issue: live.issue,
    openRequests: live.open,
    agreement: ctx.agreement,
    // A decline, an expiry or a reassignment must not hand the request to a mentor a moderator has paused.
    blocklist: readBlocklist(ctx),
  };
}

async function answer(ctx: RunContext, live: Live, login: string, permission: Permission | undefined, name: CommandName, args: string, via: Via): Promise<void> {
  const i = live.issue;
  const labels = via.kind === 'label' ? i.labels.filter((l) => l !== via.label) : i.labels;
  const mentor = mentorOf(labels);
  const actor = { login, roles: rolesOf(login, { program: ctx.program, author: i.author, mentor, permission }) };
  const previous = statusOf(labels);
  const records = await recordsOf(ctx, live, i.number);
  const plan = decideCommand({ ...common(ctx, live), records, actor, command: { name, args }, via });
  const back = previous === 'saved' ? 'saved' : 'pending';
  // What a rollback puts back: the body's clock if it is the waiting one, else the one the records give (a body
  // with no clock yet, or one a concurrent claim on this issue already turned active).
  const kept = readClock(i.body);
  const previousClock = kept?.status === back ? kept : trustedClock(back, records, i);
  await carryOut(ctx, live, plan, mentor ? { mentor, previous: back, by: login, key: viaKey(via, login), ...(previousClock ? { previousClock } : {}) } : undefined);
}
