import { z } from 'zod';
import { isScalar, parseDocument } from 'yaml';
import type { ParsedCommand } from './command-parser.ts';
import { emptyDecision, marker, type Decision } from './decision.ts';
import { FRESHNESS_LABEL, labelSpec, mentorLabel, type LabelSpec } from './labels.ts';
import { helpComment, refusedComment } from './messages.ts';
import type { Profile } from './profile.ts';
import type { Program } from './program.ts';
import { isMaintainer } from './roles.ts';
import { daysBetween, isoDate, plusDays } from './clock.ts';

/**
 * Mentor freshness: a profile whose `last_confirmed` is older than `limits.freshness_days` gets one check-in
 * issue; the mentor (or a maintainer) answers `/confirm` or `/pause`, and silence for `freshness_answer_days`
 * counts as `/pause`. Every answer becomes a pull request that changes one value in the profile, because
 * profiles are files a maintainer merges, never something the bot writes to the default branch itself.
 * Pure: the adapter (src/bot/freshness.ts) reads issues and files and passes `today` in.
 */

export { FRESHNESS_LABEL };
/** The hidden marker kind at the top of a check-in's body; its key is the mentor's lower-case login. */
export const CHECKIN_MARKER = 'checkin';
/** Its colour and description live with every other label's, in labels.ts. */
export const FRESHNESS_LABEL_SPEC: LabelSpec = labelSpec(FRESHNESS_LABEL);

const login = z.string().min(1);

/** The day a profile confirmed on `confirmed` is due for a check-in: the day it is `freshness_days` old. */
export const dueOn = (program: Program, confirmed: string) => plusDays(confirmed, program.limits.freshness_days);

// ── Data ────────────────────────────────────────────────────────────────────────────────────────────────

/** A check-in issue the bot opened, as read back from the issues list. */
export const checkinSchema = z.object({
  number: z.number().int(),
  /** Lower-case login, from the `mentor:<login>` label. */
  mentor: login,
  state: z.enum(['open', 'closed']),
  /** UTC date the issue was opened: the answer period counts from it, and it names the answer's branch. */
  opened: isoDate,
});
export type Checkin = z.infer<typeof checkinSchema>;

export const FIELDS = { confirm: 'last_confirmed', pause: 'availability.status' } as const;

/** A pull request that changes one value in one profile. */
export const profileChangeSchema = z.object({
  action: z.enum(['confirm', 'pause']),
  /** The profile's login as written in it (the file name). */
  mentor: login,
  /** Who answered; absent when nobody did in time. */
  by: login.optional(),
  checkin: z.number().int(),
  /** The check-in's date: a branch per check-in and action, so a re-run on a later day finds the same one. */
  opened: isoDate,
  path: z.string(),
  branch: z.string(),
  field: z.enum(['last_confirmed', 'availability.status']),
  value: z.string(),
  title: z.string(),
  body: z.string(),
  notes: z.array(z.string()),
});
export type ProfileChange = z.infer<typeof profileChangeSchema>;

export const newCheckinSchema = z.object({
  mentor: login,
  title: z.string(),
  body: z.string(),
  labels: z.array(z.string()),
  notes: z.array(z.string()),
});
export type NewCheckin = z.infer<typeof newCheckinSchema>;

export interface SweepInput {
  program: Program;
  /** Valid profiles, by lower-case login. */
  mentors: ReadonlyMap<string, Profile>;
  /** Lower-case logins that have a profile file, valid or not: a check-in is closed only when the file is gone. */
  profileFiles: readonly string[];
  /** Every check-in the bot opened, open or closed. */
  checkins: readonly Checkin[];
  today: string;
}

export interface SweepPlan {
  open: NewCheckin[];
  /**
   * Open check-ins still waiting for their answer. An answer whose run was cut short (its branch exists, its
   * pull request or announcement may not) is finished from `answers`, the one whose branch exists; otherwise,
   * once the answer period is over, `silence` is carried out: the pause pull request, then `afterChange`.
   */
  pending: Array<{ checkin: number; answers: { confirm: ProfileChange; pause: ProfileChange }; silence?: ProfileChange }>;
  /** Check-ins that end without a pull request (profile gone, paused or confirmed meanwhile). */
  decisions: Decision[];
  notes: string[];
}

// ── The daily sweep ─────────────────────────────────────────────────────────────────────────────────────

export function profilePath(mentor: string): string {
  return `content/mentors/${mentor}.md`;
}

export function branchFor(action: ProfileChange['action'], mentor: string, opened: string): string {
  return `mentorkit/${action}-${mentor.toLowerCase()}-${opened}`;
}

/**
 * When a mentor is next due: `freshness_days` after the later of `last_confirmed` and their last check-in.
 * Counting from the check-in too means a pull request nobody merged (or a check-in a maintainer closed) is
 * not followed by a new check-in every day, but by the next one a full period later.
 */
export function nextDue(program: Program, profile: Profile, checkins: readonly Checkin[]): string {
  const mine = checkins.filter((c) => c.mentor === profile.github.toLowerCase());
  const since = mine.reduce((latest, c) => (c.opened > latest ? c.opened : latest), profile.last_confirmed);
  return dueOn(program, since);
}

export function decideSweep(input: SweepInput): SweepPlan {
  const { program, mentors, checkins, today } = input;
  const plan: SweepPlan = { open: [], pending: [], decisions: [], notes: [] };
  const files = new Set(input.profileFiles.map((f) => f.toLowerCase()));
  const openByMentor = new Map<string, Checkin>();
  for (const c of [...checkins].sort((a, b) => a.number - b.number)) {
    if (c.state !== 'open') continue;
    const earlier = openByMentor.get(c.mentor);
    // Two open check-ins for one mentor can only come from a hand-made copy or a lost race: the newer one goes.
    if (earlier) plan.decisions.push(closeDuplicate(c, earlier));
    else openByMentor.set(c.mentor, c);
  }

  for (const c of openByMentor.values()) {
    const profile = mentors.get(c.mentor);
    if (!profile) {
      if (files.has(c.mentor)) plan.notes.push(`#${c.number}: @${c.mentor}'s profile does not validate, so it cannot be changed; the check-in stays open.`);
      else plan.decisions.push(closeWithout(c, 'not_planned', `@${c.mentor} no longer has a profile in \`content/mentors/\`, so there is nothing to confirm. I’m closing this check-in.`, 'profile removed'));
      continue;
    }
    if (profile.availability.status === 'paused') {
      plan.decisions.push(closeWithout(c, 'completed', `@${profile.github}, your profile is paused now, so there is nothing more to do here. When you’d like mentees again, set \`availability.status: open\` and \`last_confirmed\` to that day in your profile. I’m closing this check-in.`, 'profile paused meanwhile'));
      continue;
    }
    if (dueOn(program, profile.last_confirmed) > today) {
      plan.decisions.push(closeWithout(c, 'completed', `@${profile.github}, your profile was confirmed on ${profile.last_confirmed}, so it is up to date. Thank you! I’m closing this check-in.`, 'confirmed meanwhile'));
      continue;
    }
    const deadline = plusDays(c.opened, program.limits.freshness_answer_days);
    const timedOut = today >= deadline;
    plan.pending.push({
      checkin: c.number,
      answers: { confirm: change(program, 'confirm', profile, c, profile.github, today), pause: change(program, 'pause', profile, c, timedOut ? undefined : profile.github, today) },
      ...(timedOut ? { silence: change(program, 'pause', profile, c, undefined, today) } : {}),
    });
    if (!timedOut) plan.notes.push(`#${c.number}: waiting for @${profile.github} until ${deadline}.`);
  }

  for (const [key, profile] of [...mentors.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (openByMentor.has(key)) continue;
    // A paused profile takes no requests, so nobody waits on it; its mentor confirms it when they open it again.
    if (profile.availability.status === 'paused') continue;
    const due = nextDue(program, profile, checkins);
    if (due > today) continue;
    plan.open.push(newCheckin(program, profile, today, due));
  }
  return plan;
}

function newCheckin(program: Program, p: Profile, today: string, due: string): NewCheckin {
  const l = program.limits;
  const file = `https://github.com/${program.repository}/blob/HEAD/${profilePath(p.github)}`;
  const body = [
    marker(CHECKIN_MARKER, p.github.toLowerCase()),
    `@${p.github}, your mentor profile in ${program.name} was last confirmed on ${p.last_confirmed}, more than ${l.freshness_days} days ago. Are you still mentoring?`,
    '',
    'Please answer by commenting one of these on this issue:',
    '',
    `- \`/confirm\`: you are still mentoring and [your profile](${file}) is right. I’ll open a pull request that sets \`last_confirmed\` to the day you answer.`,
    '- `/pause`: you’d like a break. I’ll open a pull request that sets your availability to `paused`, so no new requests reach you; partnerships you already have carry on.',
    '',
    `If something in your profile has changed, edit [the file](${file}) too (or ask a maintainer to).`,
    '',
    `Without an answer by ${plusDays(today, l.freshness_answer_days)}, I’ll open the pull request that pauses your profile, so nobody waits on a request you may not see.`,
  ].join('\n');
  return {
    mentor: p.github,
    title: `Are you still mentoring? (@${p.github})`,
    body,
    labels: [FRESHNESS_LABEL, mentorLabel(p.github)],
    notes: [`@${p.github}'s profile was last confirmed on ${p.last_confirmed} and was due on ${due}: opening a check-in.`],
  };
}

function closeWithout(c: Checkin, reason: 'completed' | 'not_planned', body: string, why: string): Decision {
  const d = emptyDecision(c.number);
  d.comments.push({ kind: 'freshness', key: 'answer', mode: 'once', body });
  d.close = { reason };
  d.notes.push(`Check-in for @${c.mentor}: ${why}; closing it without a pull request.`);
  return d;
}

function closeDuplicate(c: Checkin, kept: Checkin): Decision {
  const d = emptyDecision(c.number);
  d.comments.push({ kind: 'freshness', key: 'answer', mode: 'once', body: `This repeats the check-in in #${kept.number}; please answer there. I’m closing this one.` });
  d.close = { reason: 'not_planned' };
  d.notes.push(`Check-in for @${c.mentor} duplicates #${kept.number}; closing it.`);
  return d;
}

// ── Answers ─────────────────────────────────────────────────────────────────────────────────────────────

function change(program: Program, action: ProfileChange['action'], p: Profile, c: Checkin, by: string | undefined, today: string): ProfileChange {
  const path = profilePath(p.github);
  const value = action === 'confirm' ? today : 'paused';
  const field = FIELDS[action];
  const ci = ` (check-in #${c.number})`;
  const why =
    action === 'confirm'
      ? `${who(by, p.github)} confirmed on ${today} that @${p.github} is still mentoring and the profile is right${ci}.`
      : by
        ? `${who(by, p.github)} asked on ${today} to pause @${p.github}'s profile${ci}.`
        : `@${p.github} did not answer the check-in opened on ${c.opened} within ${program.limits.freshness_answer_days} days${ci}, so the profile is paused until they are back.`;
  const effect =
    action === 'confirm'
      ? `Once merged, @${p.github} is next asked in ${program.limits.freshness_days} days.`
      : `Once merged, the directory shows @${p.github} as paused and no new requests reach them; partnerships they already have carry on. To open the profile again, set \`availability.status: open\` and \`last_confirmed\` to that day.`;
  const body = [
    why,
    '',
    `This sets \`${field}: ${value}\` in \`${path}\`; nothing else in the file changes. ${effect}`,
    '',
    '_Opened by the mentorkit bot. Checks do not start on pull requests the bot opens with `GITHUB_TOKEN`; to run them, close and reopen this pull request._',
  ].join('\n');
  return {
    action,
    mentor: p.github,
    ...(by ? { by } : {}),
    checkin: c.number,
    opened: c.opened,
    path,
    branch: branchFor(action, p.github, c.opened),
    field,
    value,
    title: action === 'confirm' ? `Confirm @${p.github}'s mentor profile (last_confirmed: ${today})` : `Pause @${p.github}'s mentor profile`,
    body,
    notes: [action === 'confirm' ? `@${by ?? p.github} confirmed @${p.github}'s profile: pull request setting last_confirmed to ${today}.` : `${by ? `@${by} asked to pause` : 'No answer in time: pausing'} @${p.github}'s profile with a pull request.`],
  };
}

const who = (by: string | undefined, mentor: string) => (!by || by.toLowerCase() === mentor.toLowerCase() ? `@${mentor}` : `@${by} (a program maintainer, for @${mentor})`);

export const COMMAND_HELP = [
  { usage: '/confirm', does: 'you are still mentoring and the profile is right: I open a pull request that sets `last_confirmed` to today' },
  { usage: '/pause', does: 'take a break: I open a pull request that pauses the profile' },
] as const;

export interface CommentInput {
  program: Program;
  checkin: Checkin;
  /** The mentor's valid profile, if there is one. */
  profile: Profile | undefined;
  actor: string;
  commands: readonly ParsedCommand[];
  commentId: number;
  today: string;
}

export interface CommentPlan {
  /** The first authorised answer; the adapter opens its pull request, then applies `afterChange`. */
  change?: ProfileChange;
  /** Refusals and help replies, applied whether or not there is a change. */
  decisions: Decision[];
  notes: string[];
}

/** A comment on a check-in: the first `/confirm` or `/pause` its author may give decides; others are answered. */
export function decideCheckinComment(input: CommentInput): CommentPlan {
  const { program, checkin, profile, actor, commands, commentId, today } = input;
  const plan: CommentPlan = { decisions: [], notes: [] };
  if (checkin.state !== 'open') {
    plan.notes.push(`#${checkin.number} is closed: the check-in was answered already, so its commands are not read.`);
    return plan;
  }
  const mentor = profile?.github ?? checkin.mentor;
  const allowed = actor.toLowerCase() === checkin.mentor.toLowerCase() || isMaintainer(program, actor);
  const unknown: string[] = [];
  for (const [index, c] of commands.entries()) {
    if (c.name !== 'confirm' && c.name !== 'pause') {
      if (!unknown.includes(c.name)) unknown.push(c.name);
      continue;
    }
    if (!allowed) {
      const d = emptyDecision(checkin.number);
      d.comments.push({
        kind: 'refused',
        key: `${checkin.number}.c${commentId}-${index}`,
        mode: 'once',
        body: refusedComment(actor, `/${c.name}`, `only @${mentor} or a program maintainer can answer this check-in.`),
      });
      d.notes.push(`Refused /${c.name} by @${actor}: not @${mentor} or a maintainer.`);
      plan.decisions.push(d);
      continue;
    }
    if (plan.change) {
      plan.notes.push(`/${c.name} by @${actor} ignored: this comment already answered with /${plan.change.action}.`);
      continue;
    }
    if (!profile) {
      const d = emptyDecision(checkin.number);
      d.comments.push({
        kind: 'refused',
        key: `${checkin.number}.c${commentId}-${index}`,
        mode: 'once',
        body: refusedComment(actor, `/${c.name}`, `@${mentor}'s profile in \`${profilePath(mentor)}\` is missing or does not pass validation, so I can’t change it. A maintainer can fix the file (\`npm run validate\` shows what is wrong).`),
      });
      d.notes.push(`/${c.name} by @${actor}: no valid profile for @${mentor}.`);
      plan.decisions.push(d);
      continue;
    }
    plan.change = change(program, c.name, profile, checkin, actor, today);
  }
  if (unknown.length) {
    const d = emptyDecision(checkin.number);
    const whoMay = `Commands here are for @${mentor} and the program maintainers.`;
    d.comments.push({ kind: 'help', key: `${checkin.number}.c${commentId}`, mode: 'once', body: helpComment(actor, unknown, allowed ? [...COMMAND_HELP] : [], whoMay) });
    d.notes.push(`Unknown command${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `/${n}`).join(', ')} from @${actor}: replied with help.`);
    plan.decisions.push(d);
  }
  return plan;
}

/** What became of a change: a pull request (new or found again), or nothing to change because the file already says it. */
export type ChangeResult = { kind: 'pull'; number: number; url: string; existed: boolean } | { kind: 'unchanged' };

/** After the pull request: say where it is and close the check-in (not planned when nobody answered). */
export function afterChange(c: ProfileChange, result: ChangeResult): Decision {
  const d = emptyDecision(c.checkin);
  const mentor = `@${c.mentor}`;
  const byOther = c.by && c.by.toLowerCase() !== c.mentor.toLowerCase();
  const lead = byOther ? `${mentor}, @${c.by} (a program maintainer) answered for you.` : `${mentor}, thank you for answering.`;
  let body: string;
  if (result.kind === 'unchanged') {
    body = `${c.by ? lead : `${mentor},`} Your profile already says \`${c.field}: ${c.value}\`, so there is nothing to change. I’m closing this check-in.`;
  } else {
    const pr = `[#${result.number}](${result.url})`;
    if (c.action === 'confirm') {
      body = `${lead} I opened ${pr}: it sets \`last_confirmed\` in your profile to the day you confirmed, once a maintainer merges it. I’m closing this check-in.`;
    } else if (c.by) {
      body = `${lead} I opened ${pr} to pause your profile (\`availability.status: paused\`): once a maintainer merges it, no new requests reach you, and partnerships you already have carry on. When you’d like mentees again, set \`status: open\` and \`last_confirmed\` to that day in your profile. I’m closing this check-in.`;
    } else {
      body = `${mentor}, I haven’t heard from you since this check-in opened on ${c.opened}, so I opened ${pr} to pause your profile: once a maintainer merges it, no new requests reach you. If you’d like to keep mentoring, say so on ${pr} so a maintainer closes it instead. I’m closing this check-in.`;
    }
  }
  d.comments.push({ kind: 'freshness', key: 'answer', mode: 'once', body });
  d.close = { reason: c.by ? 'completed' : 'not_planned' };
  d.notes.push(...c.notes, result.kind === 'pull' ? `Pull request #${result.number}${result.existed ? ' (found again)' : ''}; closing the check-in.` : 'Nothing to change; closing the check-in.');
  return d;
}

// ── The one-value edit ──────────────────────────────────────────────────────────────────────────────────

export type EditResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

/**
 * Sets one front-matter value in a profile's text and leaves every other byte as it was: comments, key order,
 * quoting, flow or block style and line endings. The value's own source range is replaced, in the value's own
 * quoting style, and the result is parsed again to make sure it says what was meant.
 */
export function editProfile(text: string, field: ProfileChange['field'], value: string): EditResult {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return { ok: false, reason: 'the file has no front matter (it must start with a line "---")' };
  const start = open[0].length;
  const close = /(^|\r?\n)---[ \t]*(?:\r?\n|$)/.exec(text.slice(start));
  if (!close) return { ok: false, reason: 'the front matter has no closing "---" line' };
  const front = text.slice(start, start + close.index + close[1]!.length);
  const path = field.split('.');
  const doc = parseDocument(front);
  if (doc.errors.length) return { ok: false, reason: `the front matter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})` };
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return { ok: false, reason: `the front matter has no \`${field}\` value to change` };
  if (String(node.value) === value) return { ok: true, text, changed: false };
  const written = node.type === 'QUOTE_DOUBLE' ? JSON.stringify(value) : node.type === 'QUOTE_SINGLE' ? `'${value.replace(/'/g, "''")}'` : node.type === 'PLAIN' ? value : undefined;
  if (written === undefined) return { ok: false, reason: `\`${field}\` is written as a block scalar; edit it by hand` };
  const [from, to] = node.range;
  const next = text.slice(0, start + from) + written + text.slice(start + to);
  const check = parseDocument(next.slice(start, start + close.index + close[1]!.length + (written.length - (to - from))));
  if (check.errors.length || String(check.getIn(path)) !== value) return { ok: false, reason: `setting \`${field}\` would not read back as ${value}` };
  return { ok: true, text: next, changed: true };
}
