import { z } from 'zod';
import type { Program } from './program.ts';
import { isoDate, plusMonths, type Clock } from './clock.ts';
import { hiddenLine, readHidden } from './hidden-data.ts';
import { emptyDecision, type Decision } from './decision.ts';
import { PEER_GROUP_LABEL, otherStatusLabels, statusLabel } from './labels.ts';
import { isCommandName, viaKey, type BotRecord, type Via } from './commands.ts';
import { isMaintainer } from './roles.ts';
import { partnershipClock } from './partnership.ts';
import { termOption } from './request-form.ts';
import { groupClosingComment, helpComment, refusedComment } from './messages.ts';

/**
 * A peer group from a cohort's `matches/<cohort>.yaml` (kind: groups): one issue, opened by the bot, whose record
 * is a card like a partnership's (the bot's `group` comment, edited in place), with the term from the file and
 * the check-ins. The daily sweep reminds the members every other week without a check-in and closes the group
 * at the end of its term; members record meetings with `/checkin`, and a maintainer closes a group early with
 * `/end`. The partnership commands that need a mentor and a mentee (agreement, goals, extension) don't apply.
 */

export { PEER_GROUP_LABEL };
/** "Check-in reminders every other week" (issue 8): days without a /checkin before a group is reminded. */
export const GROUP_CHECKIN_DAYS = 14;
export const GROUP_CARD_KIND = 'group';

const login = z.string().min(1);

export const groupSchema = z.object({
  v: z.literal(1),
  cohort: z.string().min(1),
  number: z.number().int().positive(),
  members: z.array(login).min(2),
  /** Who merged the file that opened it. */
  by: login,
  start: isoDate,
  months: z.number().int().min(1),
  end: isoDate,
  checkins: z.array(z.object({ date: isoDate, by: login, note: z.string() })).default([]),
  closed: z.object({ as: z.enum(['completed', 'ended']), on: isoDate }).optional(),
  /** Commands already applied (comment id and line), so a re-delivery changes nothing. */
  handled: z.array(z.string()).default([]),
});
export type Group = z.infer<typeof groupSchema>;

export const isPeerGroup = (labels: readonly string[]) => labels.includes(PEER_GROUP_LABEL);

export function startGroup(g: { cohort: string; number: number; members: readonly string[]; by: string; today: string; months: number }): Group {
  return { v: 1, cohort: g.cohort, number: g.number, members: [...g.members], by: g.by, start: g.today, months: g.months, end: plusMonths(g.today, g.months), checkins: [], handled: [] };
}

export function readGroupState(body: string | undefined): Group | undefined {
  return readHidden(body, 'group', groupSchema);
}

/** The group's card: the bot's own `group` comment on this issue, with its data. */
export function findGroupCard(records: readonly BotRecord[], issue: number): { record: BotRecord; state: Group } | undefined {
  for (const r of [...records].reverse()) {
    if (r.kind !== GROUP_CARD_KIND || r.key !== `${issue}.group`) continue;
    const state = readGroupState(r.body);
    if (state) return { record: r, state };
  }
  return undefined;
}

/** A group's clock has the shape of a partnership's (start, term end, last check-in, reminders sent). */
export function groupClock(s: Group, records: readonly BotRecord[], issue: number): Clock {
  return partnershipClock(s, records, issue);
}

const at = (l: string) => `@${l}`;
const shown = (text: string) => text.replace(/</g, '&lt;');
export const memberList = (members: readonly string[]) =>
  members.length > 1 ? `${members.slice(0, -1).map(at).join(', ')} and ${at(members.at(-1)!)}` : members.map(at).join('');

export function renderGroupCard(s: Group): string {
  const lines = [`### Peer group ${s.number} · cohort ${s.cohort}`, '', `**Members:** ${s.members.map(at).join(', ')}`, '', `**Term:** ${termOption(s.months)}, from ${s.start} to ${s.end}.`];
  if (s.closed) lines.push('', `**${s.closed.as === 'completed' ? 'Completed' : 'Ended'} on ${s.closed.on}.**`);
  lines.push('', '### Check-ins', '');
  if (s.checkins.length) for (const c of s.checkins) lines.push(`- ${c.date}, ${at(c.by)}${c.note ? `: ${shown(c.note)}` : ''}`);
  else lines.push('_None yet._');
  if (!s.closed) {
    lines.push(
      '',
      `Record each meeting with \`/checkin [note]\` (any of you). After ${GROUP_CHECKIN_DAYS} days without one, I remind you all. Keep notes short and free of private details. A program maintainer can close the group early with \`/end\`.`,
    );
  }
  lines.push('', hiddenLine('group', s));
  return lines.join('\n');
}

export interface GroupCommandInput {
  program: Program;
  today: string;
  issue: { number: number; state: 'open' | 'closed' };
  /** The bot's marked comments on the issue. */
  records: readonly BotRecord[];
  actor: string;
  command: { name: string; args: string };
  via: Via;
}

const MAX_NOTE = 200;
const MAX_HANDLED = 100;

/** What a group's commands are, for refusals and the help reply. */
export const GROUP_COMMANDS = [
  { usage: '/checkin [note]', does: 'record a meeting of the group (any member, or a maintainer)' },
  { usage: '/end', does: 'close the group now (a program maintainer)' },
] as const;

/** One command on a peer group's issue. A refusal changes nothing but says why. */
export function decideGroupCommand(input: GroupCommandInput): Decision[] {
  const plan = decideGroup(input);
  // The same delivery again finds its effect done (the group closed by this /end, say): say nothing twice.
  const key = viaKey(input.via, input.actor);
  const answered = input.records.some((r) => r.key.split('.').at(-1) === key);
  if (answered && plan.every((d) => d.comments.every((c) => c.kind === 'refused'))) {
    const d = emptyDecision(input.issue.number);
    d.notes.push(`/${input.command.name} by @${input.actor} was answered by an earlier run; nothing more to do.`);
    return [d];
  }
  return plan;
}

function decideGroup(input: GroupCommandInput): Decision[] {
  const { issue, actor, command, program, records, today, via } = input;
  const refuse = (why: string): Decision[] => {
    const d = emptyDecision(issue.number);
    d.comments.push({ kind: 'refused', key: `${issue.number}.${viaKey(via, actor)}`, mode: 'once', body: refusedComment(actor, `/${command.name}`, why) });
    d.notes.push(`Refused /${command.name} by @${actor}: ${why}`);
    return [d];
  };
  const card = findGroupCard(records, issue.number);
  if (!card) return refuse('I can’t find this group’s card (my comment with its record), so I can’t record that. A program maintainer can look into it.');
  const s: Group = structuredClone(card.state);
  if (s.closed) {
    if (issue.state === 'open') return closeGroup(input, card.record, s, s.closed.as, `it closed on ${s.closed.on}`);
    return refuse(`this peer group ${s.closed.as === 'completed' ? 'has completed its term' : 'has ended'}, so commands no longer apply to it.`);
  }
  if (issue.state === 'closed') return refuse('this peer group is closed, so commands no longer apply to it.');
  const via_ = viaKey(via, actor);
  const member = s.members.some((m) => m.toLowerCase() === actor.toLowerCase());
  const maintainer = isMaintainer(program, actor);
  if (s.handled.includes(via_)) {
    const d = emptyDecision(issue.number);
    d.clock = groupClock(s, records, issue.number);
    d.notes.push(`/${command.name} by @${actor} is on the card already; nothing more to do.`);
    return [d];
  }
  s.handled = [...s.handled, via_].slice(-MAX_HANDLED);
  switch (command.name) {
    case 'checkin': {
      if (!member && !maintainer) return refuse(`only the group’s members (${s.members.map(at).join(', ')}) or a program maintainer (listed in program.yml) can record check-ins here.`);
      s.checkins.push({ date: today, by: actor, note: command.args.trim().slice(0, MAX_NOTE) });
      const d = emptyDecision(issue.number);
      d.comments.push({ kind: card.record.kind, key: card.record.key, mode: 'upsert', body: renderGroupCard(s) });
      d.clock = groupClock(s, records, issue.number);
      d.notes.push(`Check-in recorded by @${actor}; the group's reminder counts from today.`);
      return [d];
    }
    case 'end':
      if (!maintainer) {
        return refuse(`only a program maintainer (listed in program.yml) can close a peer group. If you would like to leave it, say so to the group and to a maintainer.`);
      }
      return closeGroup(input, card.record, s, 'ended', `@${actor} (a maintainer) closed it${command.args.trim() ? ` (“${shown(command.args.trim().slice(0, MAX_NOTE))}”)` : ''}`, via_);
    default:
      return refuse(
        `${isCommandName(command.name) ? `\`/${command.name}\` is for one-on-one requests and partnerships, not peer groups` : `I don’t know \`/${command.name}\``}. In a peer group: ${GROUP_COMMANDS.map((c) => `\`${c.usage}\` to ${c.does}`).join('; ')}.`,
      );
  }
}

/** The help reply to commands no table knows, on a group's issue. */
export function decideGroupHelp(issue: number, actor: string, unknown: string[], commentId: number): Decision {
  const d = emptyDecision(issue);
  d.comments.push({ kind: 'help', key: `${issue}.c${commentId}`, mode: 'once', body: helpComment(actor, unknown, [...GROUP_COMMANDS], 'Commands here are for the group’s members and the program maintainers.') });
  d.notes.push(`Unknown command${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `/${n}`).join(', ')} from @${actor}: replied with help.`);
  return d;
}

/** Term over, or a maintainer's /end: the card's last state, thanks to everyone, the final status, closed. */
export function closeGroup(
  input: { program: Program; today: string; records: readonly BotRecord[]; issue: { number: number } },
  card: BotRecord,
  state: Group,
  as: 'completed' | 'ended',
  why: string,
  via?: string,
): Decision[] {
  const n = input.issue.number;
  const s: Group = { ...state, closed: state.closed ?? { as, on: input.today } };
  const posted = input.records.find((r) => (r.kind === 'completed' || r.kind === 'ended') && (r.key === `${n}` || r.key.startsWith(`${n}.`)));
  const d = emptyDecision(n);
  d.comments.push(
    { kind: posted?.kind ?? as, key: posted?.key ?? (via ? `${n}.${via}` : `${n}`), mode: 'once', body: groupClosingComment(input.program, s, as, why) },
    { kind: card.kind, key: card.key, mode: 'upsert', body: renderGroupCard(s) },
  );
  d.addLabels.push(statusLabel(as));
  d.removeLabels.push(...otherStatusLabels(as));
  d.close = { reason: 'completed' };
  d.notes.push(`Peer group ${as}: ${why}.`);
  return [d];
}
