import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import { emptyDecision, type Decision } from './decision.ts';
import { otherStatusLabels, mentorOf, statusLabel, statusOf, type Status } from './labels.ts';
import type { RequestSummary } from './requests.ts';
import type { BotRecord } from './commands.ts';
import type { Blocklist } from './abuse.ts';
import { dateOf, daysBetween, plusDays, type Clock } from './clock.ts';
import { closePartnership } from './partnership-commands.ts';
import { findCard, lastCheckin, partnershipClock } from './partnership.ts';
import { askedMentors, cannotTakeOver, passOn } from './decline.ts';
import { parseRequest } from './request-form.ts';
import { GROUP_CHECKIN_DAYS, closeGroup, findGroupCard, groupClock, isPeerGroup, memberList } from './peer-group.ts';
import { checkinReminderComment, groupCheckinReminderComment, expiredWhy, invalidClosedComment, lastNoticeComment, reminderComment, saveNoticeComment } from './messages.ts';

/**
 * The daily sweep, one request at a time: what is due today by the request's clock, and what to do about it.
 * Steps are named so the clock can record which went out; a step missed on an earlier day is not sent late
 * once a later one is due (a request found on day 25 gets the last notice, not a reminder as well).
 */

export const SWEPT: readonly Status[] = ['pending', 'saved', 'invalid', 'active'];

export type Step = 'reminder' | 'last-notice' | 'expire' | 'save-notice' | 'close-invalid' | 'end' | 'complete' | `checkin-${number}`;

/** Days without a check-in before a reminder: a peer group's every other week, a partnership's from program.yml. */
export function checkinEvery(program: Program, labels: readonly string[]): number {
  return isPeerGroup(labels) ? GROUP_CHECKIN_DAYS : program.limits.checkin_interval_days;
}

/**
 * The step due today by this clock, or undefined when nothing is. Pure and cheap: the sweep's first pass. `every`
 * is the check-in interval of the issue (checkinEvery).
 */
export function dueStep(clock: Clock, program: Program, today: string, every = program.limits.checkin_interval_days): Step | undefined {
  const l = program.limits;
  const age = daysBetween(clock.since, today);
  const unsent = (s: Step) => !clock.sent.includes(s);
  switch (clock.status) {
    case 'pending':
      if (age >= l.request_expiry_days) return 'expire';
      if (age >= l.request_last_notice_days) return unsent('last-notice') ? 'last-notice' : undefined;
      if (age >= l.request_reminder_days) return unsent('reminder') && unsent('last-notice') ? 'reminder' : undefined;
      return undefined;
    case 'saved':
      if (age >= l.save_for_later_days) return 'expire';
      if (age >= l.save_for_later_days - l.save_notice_days) return unsent('save-notice') ? 'save-notice' : undefined;
      return undefined;
    case 'invalid':
      return age >= l.invalid_close_days ? 'close-invalid' : undefined;
    case 'active': {
      // Notice that runs to the term's last day ends nothing early: the term is complete.
      if (clock.ending && today >= clock.ending && (!clock.end || clock.ending < clock.end)) return 'end';
      if (clock.end && today >= clock.end) return 'complete';
      const quiet = daysBetween(clock.checkin ?? clock.since, today);
      const n = Math.floor(quiet / every);
      // One reminder per interval without a check-in; the n-th is due once n intervals have passed.
      return n >= 1 && unsent(`checkin-${n}`) ? `checkin-${n}` : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether the bot could have written this clock by today: its first day and last check-in are not after today,
 * and each notice it lists as sent was due by then. A copy that fails this was changed by hand and is read (and
 * rebuilt) although it says nothing is due: a day moved into the future, or a notice marked sent early, would
 * otherwise put every step off until the copy looks due.
 */
export function believable(clock: Clock, program: Program, today: string, every = program.limits.checkin_interval_days): boolean {
  const l = program.limits;
  if (clock.since > today || (clock.checkin !== undefined && clock.checkin > today)) return false;
  const age = daysBetween(clock.since, today);
  const quiet = daysBetween(clock.checkin ?? clock.since, today);
  return clock.sent.every((s) => {
    if (clock.status === 'pending' && s === 'reminder') return age >= l.request_reminder_days;
    if (clock.status === 'pending' && s === 'last-notice') return age >= l.request_last_notice_days;
    if (clock.status === 'saved' && s === 'save-notice') return age >= l.save_for_later_days - l.save_notice_days;
    const n = clock.status === 'active' ? /^checkin-(\d+)$/.exec(s)?.[1] : undefined;
    return n !== undefined && quiet >= Number(n) * every;
  });
}

/** The day a step becomes due, for the dry run and the card. */
export function expiryDate(clock: Clock, program: Program): string | undefined {
  if (clock.status === 'pending') return plusDays(clock.since, program.limits.request_expiry_days);
  if (clock.status === 'saved') return plusDays(clock.since, program.limits.save_for_later_days);
  return undefined;
}

/**
 * The clock as the bot's own records tell it. The copy in the body is a cache anyone who can edit the body
 * could change; this is what the sweep trusts before it acts.
 */
export function trustedClock(status: Status, records: readonly BotRecord[], issue: { number: number; createdAt: string; labels?: readonly string[] }): Clock | undefined {
  const newest = (kinds: string[]) =>
    records
      .filter((r) => kinds.includes(r.kind) && r.createdAt)
      .map((r) => dateOf(r.createdAt!))
      .sort()
      .at(-1);
  const sentOf = (since: string, kinds: string[]) =>
    records.filter((r) => kinds.includes(r.kind) && r.key === `${issue.number}.${since}`).map((r) => r.kind);
  switch (status) {
    case 'pending': {
      const since = newest(['welcome', 'handover']) ?? dateOf(issue.createdAt);
      return { v: 1, status, since, sent: sentOf(since, ['reminder', 'last-notice']) };
    }
    case 'saved': {
      const since = newest(['saved']) ?? dateOf(issue.createdAt);
      return { v: 1, status, since, sent: sentOf(since, ['save-notice']) };
    }
    case 'invalid': {
      // The problems comment is edited in place, so its creation is when the request was first found invalid;
      // a request that was valid since (a welcome or hand-over came later) became invalid again after that.
      const first = records.filter((r) => r.kind === 'intake' && r.createdAt).map((r) => dateOf(r.createdAt!)).sort()[0];
      const since = [first ?? dateOf(issue.createdAt), newest(['welcome', 'handover']) ?? ''].sort().at(-1)!;
      return { v: 1, status, since, sent: [] };
    }
    case 'active': {
      if (isPeerGroup(issue.labels ?? [])) {
        const group = findGroupCard(records, issue.number);
        return group ? groupClock(group.state, records, issue.number) : undefined;
      }
      const card = findCard(records, issue.number);
      return card ? partnershipClock(card.state, records, issue.number) : undefined;
    }
    default:
      return undefined;
  }
}

export interface SweepInput {
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  today: string;
  issue: { number: number; author: string; labels: string[]; body: string; createdAt: string };
  openRequests: readonly RequestSummary[];
  records: readonly BotRecord[];
  agreement: readonly string[];
  /** The moderators' blocklist: an expired request is not handed to a paused alternate. Absent: nobody is blocked. */
  blocklist?: Blocklist;
}

/**
 * What the sweep does with one request, judged by its trusted clock. The decision always carries the clock
 * as it should be, so a cache that was missing or stale is repaired even when nothing is due.
 */
export function decideSweep(input: SweepInput): Decision[] {
  const { program, issue, today } = input;
  const status = statusOf(issue.labels);
  const clock = status ? trustedClock(status, input.records, issue) : undefined;
  const d = emptyDecision(issue.number);
  if (!status || !SWEPT.includes(status) || !clock) {
    d.notes.push(status === 'active' ? `Active, but its ${isPeerGroup(issue.labels) ? 'group' : 'partnership'} card is missing: nothing to time. A maintainer can look into it.` : `Nothing to time for status ${status ?? '(none)'}.`);
    return [d];
  }
  const step = dueStep(clock, program, today, checkinEvery(program, issue.labels));
  if (isPeerGroup(issue.labels) && step && (step === 'complete' || step.startsWith('checkin-'))) return groupStep(input, clock, step);
  const mentor = mentorOf(issue.labels) ?? '';
  const mark = (s: Step): Clock => ({ ...clock, sent: [...new Set([...clock.sent, s])] });
  const key = `${issue.number}.${clock.since}`;
  d.clock = clock;

  switch (step) {
    case undefined:
      d.notes.push(`Nothing due (${clock.status} since ${clock.since}).`);
      return [d];
    case 'reminder':
      d.comments.push({ kind: 'reminder', key, mode: 'once', body: reminderComment(mentor, issue.author, daysBetween(clock.since, today), expiryDate(clock, program)!) });
      d.clock = mark('reminder');
      d.notes.push(`Day ${daysBetween(clock.since, today)}: reminded @${mentor}.`);
      return [d];
    case 'last-notice': {
      const next = nextAlternate(input, mentor);
      d.comments.push({ kind: 'last-notice', key, mode: 'once', body: lastNoticeComment(mentor, issue.author, expiryDate(clock, program)!, next) });
      d.clock = mark('last-notice');
      d.notes.push(`Day ${daysBetween(clock.since, today)}: last notice to @${mentor} and @${issue.author}.`);
      return [d];
    }
    case 'save-notice':
      d.comments.push({ kind: 'save-notice', key, mode: 'once', body: saveNoticeComment(mentor, issue.author, clock.since, expiryDate(clock, program)!) });
      d.clock = mark('save-notice');
      d.notes.push(`Saved on ${clock.since}: notice that it expires on ${expiryDate(clock, program)}.`);
      return [d];
    case 'expire': {
      const days = clock.status === 'saved' ? program.limits.save_for_later_days : program.limits.request_expiry_days;
      const why = expiredWhy(mentor, days, clock.status === 'saved' ? clock.since : undefined);
      const out = passOn({ ...input, mentor, status: clock.status, why, final: 'expired', key: `${clock.since}-expiry` });
      out.notes.unshift(`Expired with @${mentor} (${clock.status} since ${clock.since}).`);
      return [out];
    }
    case 'close-invalid':
      d.comments.push({ kind: 'closed-invalid', key, mode: 'once', body: invalidClosedComment(issue.author, program.limits.invalid_close_days) });
      d.addLabels.push(statusLabel('expired'));
      d.removeLabels.push(...otherStatusLabels('expired'), ...issue.labels.filter((l) => l.startsWith('mentor:')));
      d.close = { reason: 'not_planned' };
      delete d.clock;
      d.notes.push(`Invalid since ${clock.since}: closed after ${program.limits.invalid_close_days} days.`);
      return [d];
    case 'end':
    case 'complete': {
      const card = findCard(input.records, issue.number)!;
      const why = step === 'end' ? `the notice @${card.state.ending?.by} gave on ${card.state.ending?.given} ran out on ${card.state.ending?.on}` : `the ${card.state.months}-month term ended on ${card.state.end}`;
      return closePartnership(input, card.record, card.state, step === 'end' ? 'ended' : 'completed', why);
    }
    default: {
      // checkin-<n>: n intervals without a check-in.
      const card = findCard(input.records, issue.number)!;
      const n = step.slice('checkin-'.length);
      const last = lastCheckin(card.state);
      d.comments.push({ kind: 'checkin-reminder', key: `${issue.number}.${last}.${n}`, mode: 'once', body: checkinReminderComment(card.state.mentee, card.state.mentor, last, daysBetween(last, today), card.state.checkins.length === 0) });
      d.clock = mark(step);
      d.notes.push(`No check-in since ${last}: reminded both.`);
      return [d];
    }
  }
}

/** A peer group's due step: its check-in reminder to every member, or the end of its term. */
function groupStep(input: SweepInput, clock: Clock, step: Step): Decision[] {
  const { issue, today } = input;
  const card = findGroupCard(input.records, issue.number)!;
  if (step === 'complete') return closeGroup(input, card.record, card.state, 'completed', `its ${card.state.months}-month term ended on ${card.state.end}`);
  const d = emptyDecision(issue.number);
  const n = step.slice('checkin-'.length);
  const last = lastCheckin(card.state);
  d.comments.push({ kind: 'checkin-reminder', key: `${issue.number}.${last}.${n}`, mode: 'once', body: groupCheckinReminderComment(card.state.members, last, daysBetween(last, today), card.state.checkins.length === 0) });
  d.clock = { ...clock, sent: [...new Set([...clock.sent, step])] };
  d.notes.push(`Peer group: no check-in since ${last}: reminded ${memberList(card.state.members)}.`);
  return [d];
}

/** The alternate the request would move to if it expired today, for the last notice. */
function nextAlternate(input: SweepInput, mentor: string): string | undefined {
  const { request } = parseRequest(input.issue.body, input.program);
  const asked = new Set([...askedMentors(input.records), mentor].map((l) => l.toLowerCase()));
  return request.alternates.find(
    (a) => !asked.has(a) && !cannotTakeOver(a, { mentors: input.mentors, openRequests: input.openRequests, mentee: input.issue.author, issue: input.issue.number, today: input.today, ...(input.blocklist ? { blocklist: input.blocklist } : {}) }),
  );
}
