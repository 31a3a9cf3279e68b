import type { ParsedCommand } from '../core/command-parser.ts';
import { sortCommands } from '../core/commands.ts';
import { decideGroupCommand, decideGroupHelp, isPeerGroup } from '../core/peer-group.ts';
import { getIssue } from '../github/repo.ts';
import { todayOf, type RunContext } from './context.ts';
import { carryOut, recordsOf, type Live } from './plan.ts';

/**
 * Commands in a comment on a peer group's issue (core/peer-group.ts): `/checkin` and a maintainer's `/end`; the
 * others are refused with what applies here, unknown ones get the group's help. The group is not a request, so
 * nobody's quotas are read: the issue and its thread are all a run needs.
 */
export async function handleGroupComment(ctx: RunContext, number: number, comment: { id: number; user: { login: string } | null }, commands: ParsedCommand[]): Promise<void> {
  const issue = await getIssue(ctx.gh, ctx.repo, number, ctx.botLogin);
  // A group is an issue the bot opened; the label alone, which a collaborator can put on anything, is not enough.
  if (!isPeerGroup(issue.labels) || issue.author.toLowerCase() !== ctx.botLogin.toLowerCase()) {
    ctx.log(`#${number} is labelled as a peer group but was not opened by the bot; commands are not read here.`);
    return;
  }
  const live: Live = { open: [], issue, records: new Map(), known: new Set(issue.labels) };
  const login = comment.user?.login ?? 'ghost';
  const { known, unknown } = sortCommands(commands);
  for (const c of known) {
    const records = await recordsOf(ctx, live, number);
    const plan = decideGroupCommand({ program: ctx.program, today: todayOf(ctx), issue: live.issue, records, actor: login, command: { name: c.name, args: c.args }, via: { kind: 'comment', id: comment.id, index: c.index } });
    await carryOut(ctx, live, plan);
  }
  if (unknown.length) await carryOut(ctx, live, [decideGroupHelp(number, login, unknown, comment.id)]);
}
