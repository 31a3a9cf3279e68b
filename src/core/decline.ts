import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import { emptyDecision, type Decision } from './decision.ts';
import { otherStatusLabels, mentorLabel, statusLabel, type Status } from './labels.ts';
import { freeSlots, isAvailable, openPair, type RequestSummary } from './requests.ts';
import { parseRequest, type ParsedRequest } from './request-form.ts';
import { menteeFromRequest, suggestMentors } from './suggestions.ts';
import { declineReasonText, declinedComment, handoverComment } from './messages.ts';
import type { BotRecord } from './commands.ts';
import type { Actor } from './roles.ts';
import { isBlocked, unblockedMentors, type Blocklist } from './abuse.ts';

type Reason = Program['decline_reasons'][number];

/** `/decline no-time busy until May` → the reason `no-time` and the words after it. Free text is the last reason. */
export function parseDeclineReason(args: string, program: Program): { reason?: Reason; text: string } {
  const text = args.trim();
  if (!text) return { text: '' };
  const [first = '', ...rest] = text.split(/\s+/);
  const id = first.toLowerCase().replace(/[.,;:!]+$/, '');
  const reason = program.decline_reasons.find((r) => r.id === id);
  if (reason) return { reason, text: rest.join(' ') };
  return { reason: program.decline_reasons[program.decline_reasons.length - 1], text };
}

/**
 * Mentors the bot has already asked on this request, from its own records: the welcome comment and every
 * hand-over carry the mentor's login in their marker key (`<issue>.<login>…`).
 */
export function askedMentors(records: readonly BotRecord[]): string[] {
  return records.filter((r) => r.kind === 'welcome' || r.kind === 'handover').map((r) => r.key.split('.')[1] ?? '').filter(Boolean);
}

/**
 * A hand-over the bot announced whose mentor label never moved: the newest welcome or hand-over record names
 * someone other than the current mentor.
 */
export function unfinishedHandOver(records: readonly BotRecord[], mentor: string): { login: string; key: string } | undefined {
  const asks = records.filter((r) => r.kind === 'welcome' || r.kind === 'handover').sort((a, b) => a.id - b.id);
  const last = asks[asks.length - 1];
  const login = last?.key.split('.')[1];
  if (!last || last.kind !== 'handover' || !login || login === mentor.toLowerCase()) return undefined;
  return { login, key: last.key };
}

export interface Skip {
  login: string;
  why: string;
}

/** Why a mentor can't take this request over now, or undefined if they can. */
export function cannotTakeOver(
  login: string,
  ctx: { mentors: ReadonlyMap<string, Profile>; openRequests: readonly RequestSummary[]; mentee: string; issue: number; today: string; blocklist?: Blocklist },
): string | undefined {
  const p = ctx.mentors.get(login.toLowerCase());
  if (!p) return 'not a mentor in the directory';
  if (login.toLowerCase() === ctx.mentee.toLowerCase()) return 'that is the mentee';
  // Paused by a moderator since the request was filed. Said in public, so in the words intake uses for a blocked
  // mentor: the moderation itself is not announced (docs/security.md).
  if (ctx.blocklist && isBlocked(ctx.blocklist, login)) return 'not taking requests in this program right now';
  if (!isAvailable(p, ctx.today)) return 'not taking requests now';
  if (freeSlots(p, ctx.openRequests) === 0) return 'no free slot';
  if (openPair(ctx.openRequests, ctx.mentee, login, ctx.issue).length) return 'already has another request from this mentee';
  return undefined;
}

/** Move the request to a new mentor: swap the mentor label, back to pending, and tell the new mentor. */
export function handOver(
  program: Program,
  issue: { number: number; author: string; labels: string[] },
  to: Profile,
  request: ParsedRequest,
  from: { login: string; why: string },
  skipped: Skip[],
  key: string,
  asked: ReadonlySet<string>,
  today: string,
): Decision {
  const d = emptyDecision(issue.number);
  // A new mentor gets the full response time: the clock starts again today.
  d.clock = { v: 1, status: 'pending', since: today, sent: [] };
  d.addLabels.push(mentorLabel(to.github), statusLabel('pending'));
  d.removeLabels.push(
    ...issue.labels.filter((l) => l.startsWith('mentor:') && l !== mentorLabel(to.github)),
    ...otherStatusLabels('pending'),
  );
  // The new mentor sees only the alternates still to come, not the ones already asked.
  const next = { ...request, alternates: request.alternates.filter((a) => !asked.has(a.toLowerCase()) && a.toLowerCase() !== to.github.toLowerCase()) };
  d.comments.push({ kind: 'handover', key, mode: 'once', body: handoverComment(program, issue.author, from, to, next, skipped) });
  d.notes.push(`Handed over from @${from.login} to @${to.github}; the response clock restarts today.`);
  return d;
}

export interface DeclineInput {
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  today: string;
  issue: { number: number; author: string; labels: string[]; body: string };
  openRequests: readonly RequestSummary[];
  records: readonly BotRecord[];
  mentor: string;
  status: Status;
  by: Actor;
  args: string;
  /** The command's own key, so its answer is recognised when the same event runs again. */
  key: string;
  /** The moderators' blocklist as read for this run; absent: nobody is treated as blocked. */
  blocklist?: Blocklist;
}

/** Decline: the next eligible alternate takes over, or the request closes with suggestions. */
export function decideDecline(input: DeclineInput): Decision {
  const { program, mentor } = input;
  const { reason } = parseDeclineReason(input.args, program);
  const by = input.by.login;
  const byMentor = by.toLowerCase() === mentor.toLowerCase();
  const role = input.by.roles.includes('maintainer') ? 'a maintainer' : 'a repository collaborator';
  const why = `@${mentor} ${byMentor ? 'declined' : `can’t take this request (declined by @${by}, ${role})`}${declineReasonText(reason)}.`;
  const d = passOn({ ...input, why, final: 'declined' });
  if (reason) d.notes.push(`Reason: ${reason.id}.`);
  return d;
}

export type PassOnInput = Omit<DeclineInput, 'by' | 'args'> & {
  /** One sentence on why the current mentor is out, said to the mentee and the next mentor. */
  why: string;
  /** The status when nobody is left: declined, or expired when the mentor never answered. */
  final: 'declined' | 'expired';
};

/** The current mentor is out (a decline or an expiry): the next eligible alternate, or close with suggestions. */
export function passOn(input: PassOnInput): Decision {
  const { program, issue, mentor, why } = input;
  const { request } = parseRequest(issue.body, program);
  const asked = new Set([...askedMentors(input.records), mentor].map((l) => l.toLowerCase()));
  const unfinished = unfinishedHandOver(input.records, mentor);
  if (unfinished && !cannotTakeOver(unfinished.login, { ...input, mentee: issue.author, issue: issue.number })) {
    // A run posted the hand-over but stopped before moving the labels: finish that hand-over, don't start another.
    const d = handOver(program, issue, input.mentors.get(unfinished.login)!, request, { login: mentor, why }, [], unfinished.key, asked, input.today);
    d.notes.push('Finishing a hand-over an earlier run started.');
    return d;
  }
  const skipped: Skip[] = [];
  for (const alt of request.alternates) {
    if (asked.has(alt.toLowerCase())) continue;
    const no = cannotTakeOver(alt, { ...input, mentee: issue.author, issue: issue.number });
    if (no) {
      skipped.push({ login: alt, why: no });
      continue;
    }
    return handOver(program, issue, input.mentors.get(alt.toLowerCase())!, request, { login: mentor, why }, skipped, `${issue.number}.${alt.toLowerCase()}.${input.key}`, new Set([...asked, ...skipped.map((x) => x.login)]), input.today);
  }

  const d = emptyDecision(issue.number);
  d.addLabels.push(statusLabel(input.final));
  d.removeLabels.push(...otherStatusLabels(input.final));
  const suggestions = suggestMentors({
    program,
    mentors: unblockedMentors(input.mentors, input.blocklist),
    openRequests: input.openRequests,
    mentee: menteeFromRequest(request, issue.author, input.mentors),
    exclude: [...asked, ...request.alternates],
    today: input.today,
  });
  d.comments.push({ kind: input.final, key: `${issue.number}.${mentor.toLowerCase()}.${input.key}`, mode: 'once', body: declinedComment(program, issue.author, why, skipped, suggestions) });
  d.close = { reason: 'not_planned' };
  d.notes.push(`${input.final === 'declined' ? 'Declined' : 'Expired'}; no alternate left. Suggested ${suggestions.map((s) => `@${s.profile.github}`).join(', ') || 'nobody (no mentor with a free slot shares a topic)'}.`);
  return d;
}
