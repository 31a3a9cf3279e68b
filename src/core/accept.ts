import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import { emptyDecision, type Decision } from './decision.ts';
import { otherStatusLabels, mentorOf, statusLabel, statusOf, type Status } from './labels.ts';
import { activeOfMentee, activeOfMentor, issueList, waitingOfMentee, type RequestSummary } from './requests.ts';
import { parseRequest } from './request-form.ts';
import { autoWithdrawnComment, lostSlotComment, rolledBackComment } from './messages.ts';
import { renderCard, startPartnership } from './partnership.ts';
import { plusMonths, type Clock } from './clock.ts';

/**
 * Accepting is the one step where two runs can race: two mentors accepting one mentee, or one mentor
 * accepting two mentees, in workflow runs that read the same state. It happens in two steps
 * (docs/races.md):
 *
 * 1. claim: the live checks pass, so the request is labelled `status:active`, and nothing is announced;
 * 2. settle: the live requests are read again. If a limit is exceeded, the acceptances involved are ranked
 *    by when their `status:active` label was applied (the issue events' ids, which GitHub hands out in
 *    order); the earliest keep their slots and any later one undoes itself. Only then is the acceptance
 *    announced and the mentee's other requests withdrawn.
 */


export interface LiveCheck {
  ok: boolean;
  why: string;
}

/** The live checks of an acceptance: the mentor's capacity and the mentee's active-partnership limit. */
export function checkAcceptance(
  program: Program,
  mentor: Profile | undefined,
  mentorLogin: string,
  mentee: string,
  issue: number,
  open: readonly RequestSummary[],
): LiveCheck {
  if (!mentor) return { ok: false, why: `@${mentorLogin} no longer has a profile in the directory, so I can’t check their capacity.` };
  const taken = activeOfMentor(open, mentorLogin, issue);
  if (taken.length >= mentor.availability.capacity) {
    return {
      ok: false,
      why: `@${mentorLogin} has no free slot: ${taken.length} of ${mentor.availability.capacity} taken (${issueList(taken)}). A slot frees up when a partnership ends, or @${mentorLogin} can raise \`availability.capacity\` in their profile (up to ${program.limits.max_mentor_capacity}).`,
    };
  }
  const own = activeOfMentee(open, mentee, issue);
  if (own.length >= program.limits.max_active_partnerships) {
    return {
      ok: false,
      why: `@${mentee} already has ${own.length === 1 ? 'an active partnership' : `${own.length} active partnerships`} (${issueList(own)}), the most the program allows (${program.limits.max_active_partnerships}).`,
    };
  }
  return { ok: true, why: '' };
}

/** The clock of a partnership that starts today. */
export function activeClock(today: string, months: number): Clock {
  return { v: 1, status: 'active', since: today, sent: [], end: plusMonths(today, months), checkin: today };
}

/**
 * Step 1: label the request active. The verify flag makes the adapter settle it before anything is said. The
 * partnership's clock goes on in the same write, so accepting costs no extra call.
 */
export function claim(issue: number, labels: readonly string[], note: string, clock?: Clock): Decision {
  const d = emptyDecision(issue);
  if (clock) d.clock = clock;
  d.addLabels.push(statusLabel('active'));
  d.removeLabels.push(...otherStatusLabels('active').filter((l) => labels.includes(l)));
  d.verify = 'acceptance';
  d.notes.push(note);
  return d;
}

export interface SettleInput {
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  issue: { number: number; author: string; body: string };
  mentor: string;
  /** Status before the claim, to return to if the acceptance can't stand. */
  previous: Status;
  /** Who accepted (the mentor, a maintainer, or whoever applied the label). */
  by: string;
  /** Every open request, read again after the claim. */
  openRequests: readonly RequestSummary[];
  /** Order in which `status:active` was applied (an increasing id), for the issues `needsOrder` named. */
  order?: ReadonlyMap<number, number>;
  /** Key for the rollback comment, unique to the command. */
  key: string;
  today: string;
  /** The agreement's checklist items for the card. */
  agreement: readonly string[];
  /** The clock before the claim, put back by a rollback. */
  previousClock?: Clock;
}

export type Settlement = { needsOrder: number[] } | { plan: Decision[] };

/** Step 2: confirm, or undo the claim when a concurrent acceptance was first. */
export function settleAcceptance(s: SettleInput): Settlement {
  const { program, issue, mentor, openRequests: open } = s;
  const mine = open.find((r) => r.number === issue.number);
  if (!mine || statusOf(mine.labels) !== 'active' || mentorOf(mine.labels)?.toLowerCase() !== mentor.toLowerCase()) {
    // Someone changed the request meanwhile (withdrew it, reassigned it): their change stands.
    const d = emptyDecision(issue.number);
    d.notes.push('The request changed while it was being accepted; leaving it as it is now.');
    return { plan: [d] };
  }
  const profile = s.mentors.get(mentor.toLowerCase());
  const capacity = profile?.availability.capacity ?? 0;
  const limit = program.limits.max_active_partnerships;
  const ofMentor = activeOfMentor(open, mentor);
  const ofMentee = activeOfMentee(open, issue.author);

  if (ofMentor.length > capacity || ofMentee.length > limit) {
    if (!s.order) return { needsOrder: [...new Set([...ofMentor, ...ofMentee].map((r) => r.number))].sort((a, b) => a - b) };
    const rank = (rs: RequestSummary[]) =>
      [...rs].sort((a, b) => (s.order!.get(a.number) ?? -1) - (s.order!.get(b.number) ?? -1) || a.number - b.number).map((r) => r.number);
    const mentorRank = rank(ofMentor);
    const menteeRank = rank(ofMentee);
    if (menteeRank.indexOf(issue.number) >= limit) return { plan: [lostToMentee(s, menteeRank[0]!)] };
    if (mentorRank.indexOf(issue.number) >= capacity) {
      const earlier = mentorRank.slice(0, mentorRank.indexOf(issue.number)).map((number) => ({ number }));
      return {
        plan: [
          rollback(s, `@${mentor}’s last free slot (capacity ${capacity}) was taken a moment earlier by ${issueList(earlier)}.`),
        ],
      };
    }
  }
  return { plan: confirm(s, ofMentee.length >= limit) };
}

function confirm(s: SettleInput, lastSlot: boolean): Decision[] {
  const { issue, mentor, program } = s;
  const d = emptyDecision(issue.number);
  const { request } = parseRequest(issue.body, program);
  const card = startPartnership({ mentor, mentee: issue.author, by: s.by, today: s.today, months: request.term ?? Math.min(...program.terms), ...(request.format ? { format: request.format } : {}) });
  d.comments.push({ kind: 'accepted', key: `${issue.number}.${mentor}`, mode: 'once', body: renderCard(program, s.agreement, card) });
  d.notes.push(`Accepted by @${s.by}: @${mentor} and @${issue.author} are partners.`);
  const plan = [d];
  if (!lastSlot) return plan;
  plan.push(...withdrawWaiting(s.openRequests, issue.author, issue.number));
  if (plan.length > 1) d.notes.push(`Withdrew ${issueList(plan.slice(1).map((p) => ({ number: p.issue })))}: that was @${issue.author}'s last free slot.`);
  return plan;
}

/** A partnership in #accepted took the mentee's last free slot: their requests still waiting are withdrawn, and their mentors told why. */
export function withdrawWaiting(open: readonly RequestSummary[], mentee: string, accepted: number): Decision[] {
  return waitingOfMentee(open, mentee, accepted).map((other) => {
    const w = emptyDecision(other.number);
    const otherMentor = mentorOf(other.labels);
    w.comments.push({ kind: 'auto-withdrawn', key: `${other.number}.${accepted}`, mode: 'once', body: autoWithdrawnComment(mentee, otherMentor, accepted) });
    w.addLabels.push(statusLabel('withdrawn'));
    w.removeLabels.push(...otherStatusLabels('withdrawn').filter((l) => other.labels.includes(l)));
    w.close = { reason: 'not_planned' };
    w.notes.push(`Withdrawn automatically: @${mentee}'s last slot went to #${accepted}.`);
    return w;
  });
}

function rollback(s: SettleInput, why: string): Decision {
  const d = emptyDecision(s.issue.number);
  d.addLabels.push(statusLabel(s.previous));
  d.removeLabels.push(...otherStatusLabels(s.previous));
  d.comments.push({ kind: 'rolled-back', key: `${s.issue.number}.${s.key}`, mode: 'once', body: rolledBackComment(s.by, s.mentor, why) });
  if (s.previousClock) d.clock = s.previousClock;
  d.notes.push(`Rolled back to ${s.previous}: ${why}`);
  return d;
}

/** The mentee's last slot went to an earlier acceptance: this request would have been withdrawn by it. */
function lostToMentee(s: SettleInput, winner: number): Decision {
  const d = emptyDecision(s.issue.number);
  d.addLabels.push(statusLabel('withdrawn'));
  d.removeLabels.push(...otherStatusLabels('withdrawn'));
  d.comments.push({ kind: 'rolled-back', key: `${s.issue.number}.${s.key}`, mode: 'once', body: lostSlotComment(s.issue.author, s.mentor, winner) });
  d.close = { reason: 'not_planned' };
  d.notes.push(`Withdrawn: @${s.issue.author}'s last slot went to #${winner} first.`);
  return d;
}
