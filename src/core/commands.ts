import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import type { Status } from './labels.ts';
import type { RequestSummary } from './requests.ts';
import type { Actor, Role } from './roles.ts';
import type { ParsedCommand } from './command-parser.ts';
import { isModerationCommand } from './pause.ts';
import type { Blocklist } from './abuse.ts';

/**
 * The commands a comment can carry, who may use each and in which states, and the plain data every command
 * decision is made from. One table, so the help reply, the refusals and the README say the same thing.
 */

export interface CommandSpec {
  usage: string;
  /** What it does, for the help reply. */
  does: string;
  roles: readonly Role[];
  /** States of the request the command applies to. */
  states: readonly (Status | 'none')[];
}

export const COMMANDS = {
  accept: { usage: '/accept', does: 'accept the request and start the partnership', roles: ['mentor', 'maintainer'], states: ['pending', 'saved'] },
  decline: { usage: '/decline [reason]', does: 'decline; the request moves to the next alternate mentor, if any', roles: ['mentor', 'maintainer'], states: ['pending', 'saved'] },
  later: { usage: '/later', does: 'save the request for later', roles: ['mentor', 'maintainer'], states: ['pending'] },
  withdraw: { usage: '/withdraw', does: 'withdraw the request', roles: ['mentee', 'maintainer'], states: ['pending', 'saved', 'invalid', 'none'] },
  reassign: { usage: '/reassign @login', does: 'hand the request to another mentor', roles: ['maintainer'], states: ['pending', 'saved'] },
  reopen: { usage: '/reopen', does: 'reopen a closed request and check it again', roles: ['maintainer'], states: ['declined', 'withdrawn', 'expired', 'none'] },
  agree: { usage: '/agree', does: 'tick your box under the mentoring agreement', roles: ['mentor', 'mentee'], states: ['active'] },
  goal: { usage: '/goal <text>', does: 'add a goal to the development plan', roles: ['mentor', 'mentee', 'maintainer'], states: ['active'] },
  done: { usage: '/done <number>', does: 'tick a goal as done', roles: ['mentor', 'mentee', 'maintainer'], states: ['active'] },
  checkin: { usage: '/checkin [note]', does: 'record a dated check-in', roles: ['mentor', 'mentee', 'maintainer'], states: ['active'] },
  end: { usage: '/end [reason]', does: 'end the partnership early, after the notice period (both of you: at once)', roles: ['mentor', 'mentee', 'maintainer'], states: ['active'] },
  complete: { usage: '/complete', does: 'end now because the goals are met (both of you, or a maintainer)', roles: ['mentor', 'mentee', 'maintainer'], states: ['active'] },
  extend: { usage: '/extend <months>', does: 'extend the term (both of you, or a maintainer)', roles: ['mentor', 'mentee', 'maintainer'], states: ['active'] },
  suggest: { usage: '/suggest [topics]', does: 'list the 5 mentors who fit this request best now, with reasons (optionally for other topics)', roles: ['mentee', 'mentor', 'maintainer'], states: ['pending', 'saved', 'invalid', 'declined', 'withdrawn', 'expired'] },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** Where a command came from. A status label set by hand is a command too, and is reverted when refused. */
export type Via = { kind: 'comment'; id: number; index: number } | { kind: 'label'; label: string };

/** One of the bot's own marked comments on the request, read back as its record. */
export interface BotRecord {
  /** The comment's id: ids grow with time, so a record can be placed before or after a command. */
  id: number;
  kind: string;
  key: string;
  /** The comment's text, for records that carry data (the partnership card). */
  body?: string;
  /** When it was posted (ISO): the clock of a phase starts at its record. */
  createdAt?: string;
}

export interface CommandInput {
  program: Program;
  /** Profiles by lower-case login. */
  mentors: ReadonlyMap<string, Profile>;
  /** YYYY-MM-DD (UTC); the core has no clock. */
  today: string;
  issue: { number: number; author: string; state: 'open' | 'closed'; labels: string[]; body: string };
  /** Every open request, as listed just now. */
  openRequests: readonly RequestSummary[];
  /** The bot's marked comments on this issue. */
  records: readonly BotRecord[];
  actor: Actor;
  /** The mentoring agreement's checklist items, for partnership cards. */
  agreement: readonly string[];
  command: { name: CommandName; args: string };
  via: Via;
  /** The moderators' blocklist: a paused mentor is not handed a request or suggested. Absent: nobody is blocked. */
  blocklist?: Blocklist;
}

/** A stable, marker-safe key for replies to this command, so a re-run posts nothing twice. */
export function viaKey(via: Via, actor: string): string {
  // GitHub logins are marker-safe already; an app's (`name[bot]`) is not, and no login may break the marker.
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '-');
  return via.kind === 'comment' ? `c${via.id}-${via.index}` : `label-${safe(via.label)}-${safe(actor)}`;
}

/** Commands this person may use on this request as it is now: what the help reply lists. */
export function commandsFor(roles: readonly Role[], state: Status | 'none', open: boolean): CommandName[] {
  return (Object.keys(COMMANDS) as CommandName[]).filter((name) => {
    const spec: CommandSpec = COMMANDS[name];
    if (!spec.roles.some((r) => roles.includes(r))) return false;
    // A request that ended without a mentor still gets suggestions; nothing else applies to a closed one.
    if (!open) return name === 'reopen' || (name === 'suggest' && spec.states.includes(state));
    return spec.states.includes(state) && name !== 'reopen';
  });
}

/**
 * A comment's commands as a thread answers them: the known ones with their place in the comment (the key of their
 * answer), and the unknown names once each, for one help reply. A moderator's `/pause @login` is neither: the mentor
 * profiles workflow answers it, since it opens a pull request.
 */
export function sortCommands(commands: readonly ParsedCommand[]): { known: { name: CommandName; args: string; index: number }[]; unknown: string[] } {
  const known: { name: CommandName; args: string; index: number }[] = [];
  const unknown: string[] = [];
  for (const [index, c] of commands.entries()) {
    if (isModerationCommand(c)) continue;
    if (isCommandName(c.name)) known.push({ name: c.name, args: c.args, index });
    else if (!unknown.includes(c.name)) unknown.push(c.name);
  }
  return { known, unknown };
}
