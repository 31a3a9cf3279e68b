import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import type { Problem, ParsedRequest } from './request-form.ts';
import { siteUrl, termOption } from './request-form.ts';
import { suggestionReasons, type Suggestion } from './suggestions.ts';
import { concernLine } from './safety.ts';

/** The words the bot says. Plain functions of data, so tests can read them and translators can find them. */

const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

export function problemsComment(mentee: string, problems: Problem[], alternatives?: { program: Program; suggestions: readonly Suggestion[] }): string {
  const lines = [
    `@${mentee}, thanks for your request. It can’t go to a mentor yet, because:`,
    '',
    ...problems.map((p) => `- **${p.field}**: ${p.message}`),
    '',
    'Edit this issue (the ⋯ menu on your first comment, then **Edit**) to fix it. I check again every time you save, and I’ll update this comment.',
  ];
  if (alternatives?.suggestions.length) {
    lines.push('', 'These mentors have a free slot now and fit your request best (by the program’s matching score):', '', ...suggestionLines(alternatives.program, alternatives.suggestions));
  }
  return lines.join('\n');
}

export function fixedComment(mentee: string): string {
  return `@${mentee}, thanks: your request now passes every check and has gone to the mentor (see below).`;
}

export function welcomeComment(program: Program, mentee: string, r: ParsedRequest, mentor: Profile): string {
  const topics = new Map(program.taxonomy.topics.map((t) => [t.id, t.label]));
  const format = program.taxonomy.formats.find((f) => f.id === r.format)?.label ?? r.format;
  const l = program.limits;
  const alternates = r.alternates.length ? r.alternates.map((a) => `@${a}`).join(', then ') : 'none';
  return [
    `@${mentor.github}, @${mentee} would like you to be their mentor in ${program.name}.`,
    '',
    `- **Areas of guidance:** ${r.areas.map((a) => topics.get(a) ?? a).join(', ')}`,
    `- **Term:** ${r.term !== undefined ? termOption(r.term) : '?'}`,
    `- **Preferred format:** ${format}`,
    `- **Alternates if you can’t:** ${alternates}`,
    '',
    '**Goals**',
    '',
    quote(r.goals),
    '',
    `Please answer within ${l.request_reminder_days}–10 days by commenting one of these on this issue:`,
    '',
    '- `/accept`: start the partnership',
    '- `/decline [reason]`: say no (the reason is optional and kind words help)',
    `- \`/later\`: save it for later; it stays open for up to ${l.save_for_later_days} days`,
    '',
    `Unanswered requests expire after ${l.request_expiry_days} days. @${mentee} can withdraw with \`/withdraw\`.`,
    '',
    concernLine(program),
  ].join('\n');
}

export function editIgnoredComment(mentee: string, status: string): string {
  return `@${mentee}, this request is already **${status}**, so I no longer read changes to the form. To ask for something new, file a new request.`;
}

// ── Answers: /accept, /decline, /later, /withdraw, /reassign, /reopen ──────────────────────────────────────

const at = (login: string) => `@${login}`;
const mentorPage = (program: Program, login: string) => `[@${login}](${siteUrl(program)}mentors/${login}/)`;

/**
 * What happens after an acceptance. The partnership's term and the agreement checklist are added here when
 * partnerships get their own lifecycle, so this is the one place the next steps are written.
 */
export function nextSteps(program: Program, mentee: string, mentor: string, r: Pick<ParsedRequest, 'format' | 'term'>): string[] {
  const format = program.taxonomy.formats.find((f) => f.id === r.format)?.label ?? r.format;
  return [
    `1. ${at(mentor)}, write to ${at(mentee)} to arrange a first meeting${format ? ` (${format.toLowerCase()} was their preference)` : ''}. Keep contact details out of this public issue: share them privately.`,
    `2. In the first meeting, agree on goals, how often you meet and how you keep in touch${r.term !== undefined ? ` over the ${termOption(r.term)}` : ''}.`,
    '3. This issue is now the record of your partnership, and this comment its card: I keep it up to date as you use the commands below.',
  ];
}

export function acceptedComment(program: Program, mentee: string, mentor: string, by: string, r: Pick<ParsedRequest, 'format' | 'term'>): string {
  const who = by.toLowerCase() === mentor.toLowerCase() ? at(mentor) : `${at(by)} (for ${at(mentor)})`;
  return [`${at(mentee)}, ${who} accepted your request: your mentoring partnership has started. 🎉`, '', '**Next steps**', '', ...nextSteps(program, mentee, mentor, r)].join('\n');
}

export function autoWithdrawnComment(mentee: string, mentor: string | undefined, acceptedIssue: number): string {
  return `${mentor ? `${at(mentor)}, ` : ''}${at(mentee)} has started a mentoring partnership in #${acceptedIssue}, which uses their last free slot. This request is withdrawn automatically${mentor ? ', so there is nothing for you to do' : ''}. Thank you!`;
}

export function refusedComment(actor: string, command: string, why: string): string {
  return `${at(actor)}, I can’t do \`${command}\` here: ${why} Nothing was changed.`;
}

export function labelRevertedComment(actor: string, label: string, why: string): string {
  return `${at(actor)}, I removed the \`${label}\` label again: ${why}`;
}

export function helpComment(actor: string, unknown: string[], allowed: { usage: string; does: string }[], who: string): string {
  const names = unknown.map((n) => `\`/${n}\``).join(', ');
  const lines = [`${at(actor)}, I don’t know ${unknown.length === 1 ? 'the command' : 'the commands'} ${names}.`];
  if (allowed.length) lines.push('', 'Here you can use:', '', ...allowed.map((c) => `- \`${c.usage}\`: ${c.does}`));
  else lines.push('', `There is no command you can use on this request. ${who}`);
  // Not in the command table: anyone may use it, in any state, and it is read before the table (src/bot/conduct.ts).
  lines.push('', 'Anyone can comment `/report [reason]` to report a Code of Conduct concern: I delete that comment and alert the moderators.');
  return lines.join('\n');
}

export function savedComment(mentee: string, mentor: string, by: string, today: string, until: string): string {
  const who = by.toLowerCase() === mentor.toLowerCase() ? at(mentor) : `${at(by)} (for ${at(mentor)})`;
  return `${at(mentee)}, ${who} saved your request for later on ${today}. It stays open until ${until}; ${at(mentor)} can still \`/accept\` or \`/decline\` it any time before then. You can \`/withdraw\` it if your plans change.`;
}

export function withdrawnComment(mentee: string, mentor: string | undefined, by: string): string {
  const who = by.toLowerCase() === mentee.toLowerCase() ? at(mentee) : `${at(by)} (a maintainer)`;
  return `${mentor ? `${at(mentor)}, ` : ''}${who} withdrew this request${by.toLowerCase() === mentee.toLowerCase() ? '' : ` for ${at(mentee)}`}.${mentor ? ' There is nothing more for you to do here.' : ''}`;
}

export function declineReasonText(reason: { label: string } | undefined): string {
  return reason ? ` (reason: ${reason.label.toLowerCase()})` : '';
}

export function handoverComment(
  program: Program,
  mentee: string,
  from: { login: string; why: string },
  to: Profile,
  r: ParsedRequest,
  skipped: { login: string; why: string }[],
): string {
  return [
    `${from.why} The request moves on to ${at(to.github)}${skipped.length ? `; I skipped ${skipped.map((s) => `${at(s.login)} (${s.why})`).join(', ')}` : ''}.`,
    '',
    welcomeComment(program, mentee, r, to),
  ].join('\n');
}

export function declinedComment(program: Program, mentee: string, why: string, skipped: { login: string; why: string }[], suggestions: readonly Suggestion[]): string {
  const lines = [`${at(mentee)}, ${why}${skipped.length ? ` Your alternates could not take it either: ${skipped.map((s) => `${at(s.login)} (${s.why})`).join(', ')}.` : ''} I’m closing this request.`];
  if (suggestions.length) {
    lines.push('', 'These mentors have a free slot and fit your request best (by the program’s matching score):', '', ...suggestionLines(program, suggestions));
    lines.push('', 'Use **Request mentorship** on a mentor’s page to file a new request.');
  } else {
    lines.push('', `Browse the [directory](${siteUrl(program)}) for mentors with a free slot and file a new request there.`);
  }
  return lines.join('\n');
}

/** One line per suggested mentor: page, name, headline, and why they fit. */
export function suggestionLines(program: Program, suggestions: readonly Suggestion[]): string[] {
  return suggestions.map((s) => {
    const why = suggestionReasons(s);
    return `- ${mentorPage(program, s.profile.github)}: ${s.profile.name}, ${s.profile.headline}${why ? ` (${why})` : ''}`;
  });
}

/** The answer to `/suggest`: the top mentors with their score and reasons, or why there are none. */
export function suggestComment(program: Program, actor: string, mentee: string, suggestions: readonly Suggestion[], basis: string): string {
  if (suggestions.length === 0) {
    return `${at(actor)}, no other mentor fits ${basis} right now: none who is open, has a free slot, shares a topic and meets the program’s rules. Browse the [directory](${siteUrl(program)}); mentors’ availability changes.`;
  }
  const max = suggestions[0]!.score.breakdown.reduce((t, b) => t + b.weight, 0);
  return [
    `${at(actor)}, the mentors who fit ${basis} best right now, by the program’s matching score (out of ${round2(max)}):`,
    '',
    ...suggestions.map((s, i) => `${i + 1}. ${suggestionLines(program, [s])[0]!.slice(2)}, score ${round2(s.score.total)}`),
    '',
    `${mentee === actor ? 'To ask' : `@${mentee}, to ask`} one of them, use **Request mentorship** on their page. You can hold ${program.limits.max_open_requests} open request${program.limits.max_open_requests === 1 ? '' : 's'} at a time.`,
  ].join('\n');
}

const round2 = (x: number) => String(Math.round(x * 100) / 100);

export function reassignedWhy(by: string, from: string | undefined): string {
  return `${at(by)} (a maintainer) reassigned this request${from ? ` from ${at(from)}` : ''}.`;
}

export function reopenedComment(by: string, role = 'a maintainer'): string {
  return `${at(by)} (${role}) reopened this request. I checked it again against the program’s rules; see below.`;
}

export function reopenRefusedComment(by: string, why: string): string {
  return `${at(by)}, I closed this again: ${why}`;
}

export function rolledBackComment(by: string, mentor: string, why: string): string {
  return `${at(by)}, your acceptance could not stand: ${why} I put the request back as it was${by.toLowerCase() === mentor.toLowerCase() ? '' : ` for ${at(mentor)}`}.`;
}

export function lostSlotComment(mentee: string, mentor: string, winner: number): string {
  return `${at(mentor)}, ${at(mentee)}’s last free slot was taken a moment earlier by the partnership in #${winner}, so this acceptance could not stand and the request is withdrawn. Thank you for offering!`;
}

// ── Partnerships: /end, /complete, /extend, and the end of a term ─────────────────────────────────────────

export function endingComment(by: string, tell: string, on: string, reason: string): string {
  return `${at(tell)}, ${at(by)} gave notice to end this partnership early${reason ? ` (“${reason}”)` : ''}. It ends on **${on}**. If you both agree to stop sooner, reply \`/end\` too and it ends today.`;
}

export function completeAskedComment(by: string, other: string): string {
  return `${at(other)}, ${at(by)} considers the goals of this partnership met. If you agree, reply \`/complete\` and it ends today as completed.`;
}

export function extendAskedComment(by: string, other: string, months: number): string {
  return `${at(other)}, ${at(by)} would like to extend this partnership by ${termOption(months)}. If you agree, reply \`/extend ${months}\`.`;
}

export function extendedComment(mentee: string, mentor: string, months: number, end: string): string {
  return `${at(mentee)} and ${at(mentor)}, the partnership is extended by ${termOption(months)}: the term now ends on **${end}**.`;
}

export function closingComment(program: Program, s: { mentee: string; mentor: string; start: string }, as: 'completed' | 'ended', why: string): string {
  const lines = [
    `${at(s.mentee)} and ${at(s.mentor)}, your partnership ${as === 'completed' ? 'is complete' : 'has ended'}: ${why}. Thank you both for the time and care you gave it since ${s.start}.`,
  ];
  if (program.feedback_url) {
    lines.push('', `The program committee would like to hear how it went, from each of you separately: [give feedback privately](${program.feedback_url}). It is not shared with your partner, and this public thread is not the place for it.`);
  }
  lines.push('', 'You are welcome to file a new request in the directory whenever you are ready.');
  return lines.join('\n');
}

// ── The daily sweep: reminders, last notices and expiry ───────────────────────────────────────────────────

export function reminderComment(mentor: string, mentee: string, days: number, expires: string): string {
  return `${at(mentor)}, a gentle reminder: ${at(mentee)} asked you ${days} days ago to be their mentor. Please answer with \`/accept\`, \`/decline [reason]\` or \`/later\`. Without an answer the request expires on ${expires}.`;
}

export function lastNoticeComment(mentor: string, mentee: string, expires: string, next: string | undefined): string {
  const then = next ? `it moves on to ${at(next)}, the next mentor ${at(mentee)} named` : `it closes, and ${at(mentee)} gets suggestions for other mentors`;
  return `${at(mentor)} and ${at(mentee)}, last notice: this request has had no answer. If there is none by **${expires}**, ${then}. ${at(mentor)}, \`/accept\`, \`/decline\` or \`/later\` still work until then.`;
}

export function saveNoticeComment(mentor: string, mentee: string, saved: string, expires: string): string {
  return `${at(mentor)} and ${at(mentee)}, this request was saved for later on ${saved} and expires on **${expires}**. ${at(mentor)}, please \`/accept\` or \`/decline\` it before then.`;
}

export function expiredWhy(mentor: string, days: number, saved?: string): string {
  return saved ? `@${mentor} saved this request on ${saved} but did not answer within ${days} days.` : `@${mentor} did not answer within ${days} days.`;
}

export function invalidClosedComment(mentee: string, days: number): string {
  return `${at(mentee)}, this request still had problems to fix after ${days} days, so I’m closing it to keep the queue tidy. Nothing is lost: you are welcome to file a new request from the directory whenever you are ready.`;
}

export function checkinReminderComment(mentee: string, mentor: string, last: string, days: number, first = false): string {
  return `${at(mentee)} and ${at(mentor)}, it has been ${days} days since ${first ? `the partnership started (${last}) and there is no check-in yet` : `the last check-in (${last})`}. When you have met, record it with \`/checkin [short note]\`; if the partnership has run its course, \`/complete\` or \`/end\` closes it.`;
}

// ── Cohorts on merge (matches/<cohort>.yaml) and peer groups ──────────────────────────────────────────────

const atList = (logins: readonly string[]) => (logins.length > 1 ? `${logins.slice(0, -1).map(at).join(', ')} and ${at(logins.at(-1)!)}` : logins.map(at).join(''));
const plain = (text: string) => text.replace(/</g, '&lt;');

/** The first lines of a committee-matched partnership's card, in place of the acceptance. */
export function cohortMatchedComment(program: Program, mentee: string, mentor: string, cohort: string, r: Pick<ParsedRequest, 'format' | 'term'>): string {
  return [`${at(mentee)} and ${at(mentor)}, the program committee matched you in cohort **${cohort}**: your mentoring partnership has started. 🎉`, '', '**Next steps**', '', ...nextSteps(program, mentee, mentor, r)].join('\n');
}

/** The body of a cohort partnership's issue: who, for how long, and why the committee matched them. */
export function cohortPairIntro(
  program: Program,
  cohort: string,
  p: { mentee: string; mentor: string; score: number; breakdown: readonly { component: string; reason: string }[]; mentee_application?: number; mentor_application?: number },
  months: number,
  notes: readonly string[],
): string {
  const lines = [
    `${at(p.mentee)} and ${at(p.mentor)}, the program committee of ${program.name} has matched you in cohort **${cohort}**: ${at(p.mentor)} mentors ${at(p.mentee)} for ${termOption(months)}. Your partnership card follows below.`,
  ];
  if (p.breakdown.length) {
    lines.push('', `**Why you were matched** (score ${Math.round(p.score * 100) / 100}):`, '', ...p.breakdown.map((b) => `- ${b.component}: ${plain(b.reason)}`));
  }
  const apps = [p.mentee_application !== undefined ? `#${p.mentee_application} (${at(p.mentee)})` : '', p.mentor_application !== undefined ? `#${p.mentor_application} (${at(p.mentor)})` : ''].filter(Boolean);
  if (apps.length) lines.push('', `Applications: ${apps.join(', ')}.`);
  if (notes.length) {
    lines.push('', '**For the program committee:** this partnership opened as you decided, although:', '', ...notes.map((n) => `- ${n}`));
  }
  return lines.join('\n');
}

/** The body of a peer group's issue. */
export function cohortGroupIntro(program: Program, cohort: string, g: { number: number; members: readonly string[]; shared_topics: readonly string[] }, months: number): string {
  const topics = new Map(program.taxonomy.topics.map((t) => [t.id, t.label]));
  const shared = g.shared_topics.map((t) => topics.get(t) ?? plain(t));
  return [
    `${atList(g.members)}, welcome to peer group ${g.number} of cohort **${cohort}** in ${program.name}! The program committee put you together for ${termOption(months)}${shared.length ? `; you share an interest in ${shared.join(', ')}` : ''}.`,
    '',
    'Meet as a group, learn from each other, and record each meeting with `/checkin [note]`. The group’s card follows below.',
    '',
    concernLine(program),
  ].join('\n');
}

/** The issue that tells the committee what in a merged matches file could not be used, and how to fix it. */
export function cohortProblemsBody(o: { file: string; by: string; commit: string; problems: readonly string[]; opened: number; total: number; wholeFile: boolean; what: 'pairs' | 'groups' }): string {
  return [
    `${at(o.by)}, I could not use all of \`${o.file}\` as merged in ${o.commit}:`,
    '',
    ...o.problems.map((p) => `- ${p}`),
    '',
    o.wholeFile
      ? 'Nothing was opened from this version of the file: these problems concern it as a whole.'
      : `The ${o.what} these problems name were left out; ${o.opened} of ${o.total} ${o.what} are open.`,
    '',
    `Fix the file in a new pull request. When it is merged I read it again, open what is missing (nothing opens twice) and update this issue; I close it once \`${o.file}\` has no problems left.`,
  ].join('\n');
}

export function cohortProblemsFixedComment(file: string, commit: string): string {
  return `\`${file}\` has no problems left as of ${commit}: everything in it is open. Closing this issue.`;
}

export function groupCheckinReminderComment(members: readonly string[], last: string, days: number, first = false): string {
  return `${atList(members)}, it has been ${days} days since ${first ? `the group started (${last}) and there is no check-in yet` : `the group’s last check-in (${last})`}. When you have met, record it with \`/checkin [short note]\`.`;
}

export function groupClosingComment(program: Program, s: { members: readonly string[]; start: string }, as: 'completed' | 'ended', why: string): string {
  const lines = [`${atList(s.members)}, your peer group ${as === 'completed' ? 'has completed its term' : 'has ended'}: ${why}. Thank you all for the time you gave each other since ${s.start}.`];
  if (program.feedback_url) {
    lines.push('', `The program committee would like to hear how it went, from each of you separately: [give feedback privately](${program.feedback_url}). It is not shared with the group, and this public thread is not the place for it.`);
  }
  return lines.join('\n');
}

// ── Answers to a cohort's applications, on merge ───────────────────────────────────────────────────────────

const closingLine = 'This application has done its job, so I’m closing it; it stays here for the record.';
const sentence = (s: string) => plain(s.trim()).replace(/[.\s]+$/, '');

/** A matched applicant: the partnership issue(s) opened for them. `issue` is `#n` (or a placeholder in a dry run). */
export function cohortMatchedAnswer(who: string, cohort: string, partners: readonly { login: string; issue: string }[]): string {
  const lines =
    partners.length === 1
      ? [`${at(who)}, you are matched with ${at(partners[0]!.login)} in cohort **${cohort}**: see ${partners[0]!.issue}. Your partnership has started there: agree to the mentoring agreement and set your first goals in that issue.`]
      : [
          `${at(who)}, you are matched in cohort **${cohort}** with:`,
          '',
          ...partners.map((p) => `- ${at(p.login)}: see ${p.issue}`),
          '',
          'Each partnership has started in its issue: agree to the mentoring agreement and set your first goals there.',
        ];
  return [...lines, '', closingLine].join('\n');
}

/** A member of a peer group: the group's issue. */
export function cohortGroupAnswer(who: string, cohort: string, g: { number: number; members: readonly string[]; issue: string }): string {
  const others = g.members.filter((m) => m.toLowerCase() !== who.toLowerCase());
  return [
    `${at(who)}, you are in peer group ${g.number} of cohort **${cohort}**${others.length ? ` with ${atList(others)}` : ''}: see ${g.issue}. Meet there, and record each meeting with \`/checkin [note]\`.`,
    '',
    closingLine,
  ].join('\n');
}

/** An unmatched mentee: the file's public reason, and a way forward through a normal request. */
export function cohortUnmatchedAnswer(program: Program, who: string, cohort: string, reason: string, suggestions: readonly Suggestion[]): string {
  const l = program.limits;
  const lines = [
    `${at(who)}, thank you for applying to cohort **${cohort}** of ${program.name}. The program committee could not match you with a mentor this time; the reason, as the matching recorded it: ${sentence(reason)}.`,
    '',
  ];
  if (suggestions.length) {
    lines.push(
      'Your application need not end here. These mentors in the directory have a free slot now and fit your application best (by the program’s matching score):',
      '',
      ...suggestionLines(program, suggestions),
      '',
      `To ask one of them, file a normal request: use **Request mentorship** on their page (or find others in the [directory](${siteUrl(program)})). You can hold ${l.max_open_requests} open request${l.max_open_requests === 1 ? '' : 's'} at a time.`,
    );
  } else {
    lines.push(
      `No mentor in the directory fits your application and has a free slot right now, but availability changes: browse the [directory](${siteUrl(program)}) and use **Request mentorship** on a mentor’s page to file a normal request.`,
    );
  }
  lines.push('', 'I’m closing this application; it stays here for the record.');
  return lines.join('\n');
}

/** A mentor the proposal used who got no mentee. */
export function cohortUnmatchedMentorAnswer(program: Program, who: string, cohort: string, inDirectory: boolean): string {
  return [
    `${at(who)}, thank you for offering to mentor in cohort **${cohort}** of ${program.name}. No mentee was matched with you this time; there is nothing you need to do.`,
    '',
    inDirectory
      ? `Your profile stays in the [directory](${siteUrl(program)}), where mentees can still ask you directly.`
      : `To mentor outside cohorts, join the [directory](${siteUrl(program)}) with the **Become a mentor** form.`,
    '',
    'I’m closing this application; it stays here for the record.',
  ].join('\n');
}
