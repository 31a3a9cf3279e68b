import { emptyDecision, type Decision } from './decision.ts';
import { withBlocked, withoutBlocked } from './abuse.ts';
import { GITHUB_LOGIN } from './github-login.ts';
import type { Program } from './program.ts';
import { isModerator, moderatorsOf } from './safety.ts';

/**
 * `/pause @login [reason]` and `/unpause @login` by a moderator, in any thread: a pull request that adds the person to
 * the blocklist file (or takes them off), which blocks new requests to and from them once merged. A pull request,
 * not a direct write, so another moderator sees the change and the file keeps its history.
 */

export type ModerationCommand = 'pause' | 'unpause';

export const isModerationCommand = <T extends { name: string; args: string }>(c: T): c is T & { name: ModerationCommand } =>
  (c.name === 'pause' && c.args.trimStart().startsWith('@')) || c.name === 'unpause';

export interface PauseInput {
  program: Program;
  actor: string;
  command: { name: ModerationCommand; args: string };
  issue: number;
  commentId: number;
  /** YYYY-MM-DD: the entry's `since`. */
  today: string;
}

export interface BlocklistChange {
  action: ModerationCommand;
  login: string;
  reason?: string;
  path: string;
  /** Keyed on the comment, so a re-run finds the branch and its pull request instead of opening another. */
  branch: string;
  title: string;
  body: string;
}

export type PausePlan = { kind: 'refused'; reply: Decision } | { kind: 'change'; change: BlocklistChange; replyKey: string };

const key = (i: Pick<PauseInput, 'issue' | 'commentId'>) => `${i.issue}.c${i.commentId}`;

export function decidePause(input: PauseInput): PausePlan {
  const { program, actor, command } = input;
  const usage = command.name === 'pause' ? '`/pause @login [reason]`' : '`/unpause @login`';
  const refuse = (why: string): PausePlan => {
    const d = emptyDecision(input.issue);
    d.comments.push({ kind: 'pause-refused', key: key(input), mode: 'once', body: `@${actor}, I can’t do that: ${why}` });
    d.notes.push(`Refused /${command.name} by @${actor}: ${why}`);
    return { kind: 'refused', reply: d };
  };
  if (!isModerator(program, actor)) {
    return refuse(`only the program’s moderators (${moderatorsOf(program).map((m) => `@${m}`).join(', ')}) can ${command.name} someone. To report a concern, comment \`/report\`.`);
  }
  const [first = '', ...rest] = command.args.trim().split(/\s+/);
  const login = first.replace(/^@/, '');
  if (!GITHUB_LOGIN.test(login)) {
    return refuse(`${usage} needs the person’s GitHub login${first ? ` (“${first}” is not one)` : ''}, like ${command.name === 'pause' ? '`/pause @someone spam`' : '`/unpause @someone`'}.`);
  }
  if (login.toLowerCase() === actor.toLowerCase()) return refuse(`you can’t ${command.name} yourself.`);
  const reason = rest.join(' ').slice(0, 200);
  const path = program.abuse.blocklist;
  const change: BlocklistChange =
    command.name === 'pause'
      ? {
          action: 'pause',
          login,
          ...(reason ? { reason } : {}),
          path,
          branch: `mentorkit/pause-${login.toLowerCase()}-c${input.commentId}`,
          title: `Pause @${login}: no new requests to or from them`,
          body: [
            `@${actor} asked to pause @${login} (${input.today}). Once merged, ${path} blocks new requests from @${login} and requests to them as a mentor, until \`/unpause @${login}\`.`,
            '',
            `${path} is public: keep the reason short and factual, never the details of a report. Edit it in this pull request if needed.`,
          ].join('\n'),
        }
      : {
          action: 'unpause',
          login,
          path,
          branch: `mentorkit/unpause-${login.toLowerCase()}-c${input.commentId}`,
          title: `Unpause @${login}`,
          body: `@${actor} asked to take @${login} off ${path} (${input.today}). Once merged, @${login} can file and receive requests again.`,
        };
  return { kind: 'change', change, replyKey: key(input) };
}

/** The blocklist file after the change; undefined when it already says so (nothing to propose). */
export function changedBlocklist(change: BlocklistChange, current: string | undefined, actor: string, today: string): string | undefined {
  const text = current ?? '';
  const next =
    change.action === 'pause'
      ? withBlocked(text, { login: change.login, ...(change.reason ? { reason: change.reason } : {}), since: today, by: actor })
      : withoutBlocked(text, change.login);
  if (change.action === 'unpause' && next.trim() === text.trim()) return undefined;
  if (change.action === 'pause' && current !== undefined && listed(current, change.login)) return undefined;
  return next;
}

function listed(text: string, login: string): boolean {
  return withoutBlocked(text, login).trim() !== text.trim();
}

export function pauseReply(change: BlocklistChange, actor: string, pull: { number: number } | 'unchanged'): string {
  if (pull === 'unchanged') {
    return change.action === 'pause'
      ? `@${actor}, @${change.login} is already in ${change.path}: their requests are blocked. Nothing to change.`
      : `@${actor}, @${change.login} is not in ${change.path}, so there is nothing to unpause.`;
  }
  return change.action === 'pause'
    ? `@${actor}, I opened #${pull.number} to pause @${change.login}. It blocks new requests to and from them once a moderator merges it.`
    : `@${actor}, I opened #${pull.number} to unpause @${change.login}. They can file and receive requests again once it is merged.`;
}
