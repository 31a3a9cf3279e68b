import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import { emptyDecision, type Decision } from './decision.ts';
import { REQUEST_LABEL, otherStatusLabels, mentorLabel, statusLabel, statusOf, type Status } from './labels.ts';
import { activeOfMentee, activeOfMentor, isAvailable, openPair, waitingOfMentee, type RequestSummary } from './requests.ts';
import { GITHUB_LOGIN } from './github-login.ts';
import { parseRequest, termOption, type ParsedRequest, type Problem, FIELD } from './request-form.ts';
import { didYouMean } from './suggest.ts';
import { menteeFromRequest, suggestMentors } from './suggestions.ts';
import { readClock } from './clock.ts';
import { editIgnoredComment, fixedComment, problemsComment, welcomeComment } from './messages.ts';
import { abuseProblems, blockedMenteeComment, blockedMentorMessage, isBlocked, unblockedMentors, type AbuseFacts } from './abuse.ts';

export interface Eligibility {
  ok: boolean;
  /** Shown to the mentee when ok is false: what the gate is and how to qualify. */
  reason: string;
}

export interface IntakeInput {
  program: Program;
  /** Profiles by lower-case login. */
  mentors: ReadonlyMap<string, Profile>;
  issue: { number: number; author: string; state: 'open' | 'closed'; labels: string[]; body: string };
  action: 'opened' | 'edited' | 'reopened';
  /** Every open issue labelled `request`, as listed just now; may include this issue. */
  openRequests: readonly RequestSummary[];
  /** Absent when program.yml sets no eligibility gate. */
  eligibility?: Eligibility;
  /** What the bot read for the abuse limits (src/core/abuse.ts); absent: only the checks that need no reads apply. */
  abuse?: AbuseFacts;
  /** Today's date (YYYY-MM-DD) in UTC; the core has no clock. */
  today: string;
}

export interface Checked {
  request: ParsedRequest;
  problems: Problem[];
}

const list = (ns: number[]) => ns.map((n) => `#${n}`).join(', ');

/** Every rule from DESIGN.md that a request must meet, against live state. All problems at once. */
export function checkRequest(input: IntakeInput): Checked {
  const { program, mentors, issue, openRequests, today } = input;
  const { request, problems } = parseRequest(issue.body, program);
  const author = issue.author.toLowerCase();
  // Oldest first, so messages list requests in the order the mentee filed them.
  const others = openRequests.filter((r) => r.number !== issue.number && r.author.toLowerCase() === author).sort((a, b) => a.number - b.number);
  const logins = [...mentors.keys()];

  const blocked = (login: string) => (input.abuse ? isBlocked(input.abuse.blocklist, login) : false);
  const mentor = request.mentor ? mentors.get(request.mentor) : undefined;
  if (request.mentor && GITHUB_LOGIN.test(request.mentor)) {
    if (request.mentor === author) {
      problems.push({ field: FIELD.mentor.label, message: 'is your own login. You can’t mentor yourself; choose another mentor from the directory.' });
    } else if (blocked(request.mentor)) {
      problems.push({ field: FIELD.mentor.label, message: blockedMentorMessage(request.mentor, false) });
    } else if (!mentor) {
      problems.push({ field: FIELD.mentor.label, message: `“${request.mentor}” is not a mentor in the directory. ${didYouMean(request.mentor, logins)}Copy the login from the mentor’s page.` });
    } else if (!isAvailable(mentor, today)) {
      problems.push({ field: FIELD.mentor.label, message: `@${request.mentor} is not taking requests right now. Choose another mentor, or move an alternate up.` });
    } else {
      const active = activeOfMentor(openRequests, request.mentor, issue.number).length;
      if (active >= mentor.availability.capacity) {
        problems.push({ field: FIELD.mentor.label, message: `@${request.mentor} has no free slot (${active} of ${mentor.availability.capacity} taken). Choose another mentor, or try again later.` });
      }
      const pair = openPair(others, author, request.mentor);
      if (pair.length > 0) {
        problems.push({ field: FIELD.mentor.label, message: `you already have a request with @${request.mentor} open in ${list(pair.map((r) => r.number))}. Close this one, or withdraw that one first.` });
      }
    }
  }

  if (request.term !== undefined) {
    if (!program.terms.includes(request.term)) {
      problems.push({ field: FIELD.term.label, message: `${termOption(request.term)} is not a term of this program. Choose ${program.terms.map(termOption).join(', ')}.` });
    } else if (mentor && !mentor.terms.includes(request.term)) {
      problems.push({ field: FIELD.term.label, message: `@${request.mentor} offers ${mentor.terms.map(termOption).join(' or ')}. Choose one of those, or another mentor.` });
    }
  }

  const seen = new Set([request.mentor]);
  request.alternates.forEach((alt, i) => {
    const field = i === 0 ? FIELD.alternate1.label : FIELD.alternate2.label;
    const profile = mentors.get(alt);
    if (seen.has(alt)) problems.push({ field, message: `@${alt} is already named above. Name a different mentor or leave it empty.` });
    else if (alt === author) problems.push({ field, message: 'is your own login. Name another mentor or leave it empty.' });
    else if (blocked(alt)) problems.push({ field, message: blockedMentorMessage(alt, true) });
    else if (!profile) problems.push({ field, message: `“${alt}” is not a mentor in the directory. ${didYouMean(alt, logins)}Leave it empty or copy a login from the directory.` });
    else if (!isAvailable(profile, today)) problems.push({ field, message: `@${alt} is not taking requests right now. Name another mentor or leave it empty.` });
    seen.add(alt);
  });

  const waiting = waitingOfMentee(others, author);
  if (waiting.length >= program.limits.max_open_requests) {
    problems.push({
      field: 'Your requests',
      message: `you already have ${waiting.length} open request${waiting.length === 1 ? '' : 's'} (${list(waiting.map((r) => r.number))}), the most the program allows. Withdraw one by commenting /withdraw on it, or wait for an answer; then edit this issue and I’ll check again.`,
    });
  }
  const active = activeOfMentee(others, author);
  if (active.length >= program.limits.max_active_partnerships) {
    problems.push({
      field: 'Your partnerships',
      message: `you already have ${active.length === 1 ? 'an active partnership' : `${active.length} active partnerships`} (${list(active.map((r) => r.number))}). Request a new mentor when it ends.`,
    });
  }

  if (input.eligibility && !input.eligibility.ok) problems.push({ field: 'Eligibility', message: input.eligibility.reason });
  problems.push(...abuseProblems(program.abuse, issue, request, input.abuse ?? { blocklist: { entries: [], problems: [] } }, today));
  return { request, problems };
}


/**
 * When the named mentor can't take the request (not in the directory, not taking requests, full), the mentee
 * needs someone else: the three who fit best, so the fix is one edit away.
 */
function alternativesFor(input: IntakeInput, request: ParsedRequest, problems: readonly Problem[]) {
  const mentorUnavailable = problems.some((p) => p.field === FIELD.mentor.label && /not a mentor in the directory|not taking requests|no free slot/.test(p.message));
  if (!mentorUnavailable || request.areas.length === 0) return undefined;
  const suggestions = suggestMentors({
    program: input.program,
    // Blocked mentors are never suggested.
    mentors: unblockedMentors(input.mentors, input.abuse?.blocklist),
    openRequests: input.openRequests,
    mentee: menteeFromRequest(request, input.issue.author, input.mentors),
    exclude: [request.mentor, ...request.alternates],
    today: input.today,
  });
  return { program: input.program, suggestions };
}

/** Intake: decide labels and comments for a newly opened, edited or reopened request. */
export function decideIntake(input: IntakeInput): Decision {
  const { issue } = input;
  const d = emptyDecision(issue.number);
  if (issue.state !== 'open') {
    d.notes.push('The issue is closed; intake only reads open requests.');
    return d;
  }
  const status: Status | undefined = statusOf(issue.labels);
  if (status && status !== 'pending' && status !== 'invalid') {
    if (input.action === 'edited') {
      d.comments.push({ kind: 'edit-ignored', key: String(issue.number), mode: 'once', body: editIgnoredComment(issue.author, status) });
      d.notes.push(`The request is ${status}; edits to the form are no longer read.`);
    } else {
      d.notes.push(`The request is ${status}; nothing to check.`);
    }
    return d;
  }

  const staleMentorLabels = issue.labels.filter((l) => l.startsWith('mentor:'));
  const otherStatus = (keep: Status) => otherStatusLabels(keep).filter((l) => issue.labels.includes(l));
  if (input.abuse && isBlocked(input.abuse.blocklist, issue.author)) {
    // Nothing the mentee edits can fix this, so the request is closed at once rather than left open as invalid.
    d.addLabels.push(REQUEST_LABEL, statusLabel('invalid'));
    d.removeLabels.push(...otherStatus('invalid'), ...staleMentorLabels);
    d.comments.push({ kind: 'intake', key: String(issue.number), mode: 'upsert', body: blockedMenteeComment(issue.author) });
    d.close = { reason: 'not_planned' };
    d.notes.push(`Refused: @${issue.author} is on the blocklist; closed.`);
    return d;
  }
  const { request, problems } = checkRequest(input);

  const kept = readClock(issue.body);
  if (problems.length > 0) {
    // Unfixed requests close after invalid_close_days from the day they were first found invalid; edits that
    // leave them invalid don't restart that clock.
    d.clock = status === 'invalid' && kept?.status === 'invalid' ? kept : { v: 1, status: 'invalid', since: input.today, sent: [] };
    d.addLabels.push(REQUEST_LABEL, statusLabel('invalid'));
    d.removeLabels.push(...otherStatus('invalid'), ...staleMentorLabels);
    d.comments.push({ kind: 'intake', key: String(issue.number), mode: 'upsert', body: problemsComment(issue.author, problems, alternativesFor(input, request, problems)) });
    d.notes.push(`Invalid: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${problems.map((p) => p.field).join('; ')}).`);
    return d;
  }

  const label = mentorLabel(request.mentor);
  // The response clock runs from the day a mentor was first asked; an edit that keeps the mentor keeps it.
  const sameMentor = status === 'pending' && issue.labels.includes(label);
  if (!sameMentor) d.clock = { v: 1, status: 'pending', since: input.today, sent: [] };
  else if (kept?.status === 'pending') d.clock = kept;
  d.addLabels.push(REQUEST_LABEL, label, statusLabel('pending'));
  d.removeLabels.push(...otherStatus('pending'), ...staleMentorLabels.filter((l) => l !== label));
  if (status === 'invalid') {
    d.comments.push({ kind: 'intake', key: String(issue.number), mode: 'upsert', body: fixedComment(issue.author) });
  }
  d.comments.push({
    kind: 'welcome',
    // Back from invalid, the mentor is asked again (they saw it leave), and the response clock starts today: a new
    // welcome, keyed by the day, is also what the sweep's trusted clock counts from.
    key: status === 'invalid' ? `${issue.number}.${request.mentor}.${input.today}` : `${issue.number}.${request.mentor}`,
    mode: 'once',
    body: welcomeComment(input.program, issue.author, request, input.mentors.get(request.mentor)!),
  });
  d.notes.push(`Valid: pending with @${request.mentor}.`);
  return d;
}
