import { z } from 'zod';
import type { Program } from './program.ts';
import { isoDate, plusDays, plusMonths, type Clock } from './clock.ts';
import { hiddenLine, readHidden } from './hidden-data.ts';
import type { BotRecord } from './commands.ts';
import { termOption, siteUrl } from './request-form.ts';
import { acceptedComment, cohortMatchedComment } from './messages.ts';
import { concernLine } from './safety.ts';

/**
 * An accepted request is a partnership. Its record is one card: the bot's acceptance comment, edited in place
 * as the partners use /agree, /goal, /done, /checkin, /end, /complete and /extend. The card carries its state as
 * data in a hidden block, so only the bot's own comment is ever trusted as the partnership's record.
 */

const login = z.string().min(1);

export const partnershipSchema = z.object({
  v: z.literal(1),
  mentor: login,
  mentee: login,
  /** Who accepted: the mentor, or a maintainer or collaborator for them. */
  by: login,
  start: isoDate,
  /** The term in months, extensions included; the last day is `end`. */
  months: z.number().int().min(1),
  end: isoDate,
  format: z.string().optional(),
  /** Who agreed to the mentoring agreement, and when. */
  agreed: z.record(z.string(), isoDate).default({}),
  goals: z.array(z.object({ text: z.string(), by: login, added: isoDate, done: isoDate.optional() })).default([]),
  checkins: z.array(z.object({ date: isoDate, by: login, note: z.string() })).default([]),
  /** Notice given with /end: the partnership ends on `on` unless it closes sooner. */
  ending: z.object({ on: isoDate, by: login, reason: z.string(), given: isoDate }).optional(),
  /** Partners who asked to /complete; both, or a maintainer, end it at once. */
  complete: z.array(login).default([]),
  /** An /extend waiting for the other partner to agree. */
  extend: z.object({ months: z.number().int().min(1), by: login, asked: isoDate }).optional(),
  /** Set once the partnership closed: how and when. */
  closed: z.object({ as: z.enum(['completed', 'ended']), on: isoDate }).optional(),
  /** A partnership the committee matched in this cohort (matches/<cohort>.yaml), rather than a request accepted. */
  cohort: z.string().optional(),
  /** The commands already applied to the card (comment id and line), so the same event run again changes nothing. */
  handled: z.array(z.string()).default([]),
});
export type Partnership = z.infer<typeof partnershipSchema>;

/** The card's state, read only from its last line (hidden-data.ts): a goal's text can't stand in for it. */
export function readPartnership(body: string | undefined): Partnership | undefined {
  return readHidden(body, 'partnership', partnershipSchema);
}

/** The card's record: the bot's acceptance comment on this issue, with its data. */
export function findCard(records: readonly BotRecord[], issue: number): { record: BotRecord; state: Partnership } | undefined {
  for (const r of [...records].reverse()) {
    if (r.kind !== 'accepted' || !r.key.startsWith(`${issue}.`)) continue;
    const state = readPartnership(r.body);
    if (state) return { record: r, state };
  }
  return undefined;
}

export function startPartnership(p: { mentor: string; mentee: string; by: string; today: string; months: number; format?: string; cohort?: string }): Partnership {
  return {
    v: 1,
    mentor: p.mentor,
    mentee: p.mentee,
    by: p.by,
    start: p.today,
    months: p.months,
    end: plusMonths(p.today, p.months),
    ...(p.format ? { format: p.format } : {}),
    agreed: {},
    goals: [],
    checkins: [],
    complete: [],
    handled: [],
    ...(p.cohort ? { cohort: p.cohort } : {}),
  };
}

/** The last day with a check-in, or the start: check-in reminders count from here. */
export const lastCheckin = (s: Pick<Partnership, 'checkins' | 'start'>) => s.checkins.at(-1)?.date ?? s.start;

/**
 * The partnership's clock, from the card and the check-in reminders already posted since the last check-in. A peer
 * group's card has the same dates, so its clock is made here too.
 */
export function partnershipClock(s: Pick<Partnership, 'start' | 'end' | 'checkins' | 'ending'>, records: readonly BotRecord[], issue: number): Clock {
  const last = lastCheckin(s);
  const sent = records
    .filter((r) => r.kind === 'checkin-reminder' && r.key.startsWith(`${issue}.${last}.`))
    .map((r) => `checkin-${r.key.split('.')[2]}`)
    .sort();
  return { v: 1, status: 'active', since: s.start, sent: [...new Set(sent)], end: s.end, checkin: last, ...(s.ending ? { ending: s.ending.on } : {}) };
}

/** The end date a notice given today sets: the notice period, or the term's end if that comes first. */
export function noticeEnd(s: Partnership, program: Program, today: string): string {
  const on = plusDays(today, program.limits.notice_days);
  return on < s.end ? on : s.end;
}

/** The longest term the program offers: extensions stop there. */
export const longestTerm = (program: Program) => Math.max(...program.terms);

/**
 * The agreement's items: program.yml's list, or the `##` headings of content/pages/agreement.mdx with the
 * first sentence or two under each, so the card says what each commitment is without copying the page.
 */
export function agreementItems(program: Program, agreementMdx: string | undefined): string[] {
  if (program.agreement?.length) return program.agreement;
  if (!agreementMdx) return [];
  const body = agreementMdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const items: string[] = [];
  for (const section of body.split(/^## +/m).slice(1)) {
    const [heading = '', ...rest] = section.split('\n');
    const text = rest.join(' ').replace(/\s+/g, ' ').trim();
    // Enough sentences to say something: "Both people are busy." alone would not.
    const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? (text ? [text] : []);
    let summary = '';
    for (const s of sentences) {
      if (summary.length >= 60) break;
      summary += s;
    }
    summary = summary.trim();
    items.push(summary ? `**${heading.trim()}**: ${summary}` : `**${heading.trim()}**`);
  }
  return items;
}

const at = (l: string) => `@${l}`;
/** The partners' words on the card, with `<` escaped: no HTML (an opened comment would hide the rest of the card). */
const shown = (text: string) => text.replace(/</g, '&lt;');

/** The card as it reads in the thread, followed by its data. */
export function renderCard(program: Program, agreement: readonly string[], s: Partnership): string {
  const l = program.limits;
  const intro = s.cohort ? cohortMatchedComment(program, s.mentee, s.mentor, s.cohort, { format: s.format, term: s.months }) : acceptedComment(program, s.mentee, s.mentor, s.by, { format: s.format, term: s.months });
  const lines = [intro, ''];
  lines.push(`**Term:** ${termOption(s.months)}, from ${s.start} to ${s.end}.`);
  if (s.closed) lines.push(`**${s.closed.as === 'completed' ? 'Completed' : 'Ended'} on ${s.closed.on}.**`);
  else if (s.ending) lines.push(`**Ending early on ${s.ending.on}:** ${at(s.ending.by)} gave notice on ${s.ending.given}${s.ending.reason ? ` (“${shown(s.ending.reason)}”)` : ''}.`);
  if (!s.closed && s.extend) lines.push(`**Extension asked:** ${at(s.extend.by)} would like ${termOption(s.extend.months)} more; the other partner confirms with \`/extend ${s.extend.months}\`.`);
  if (!s.closed && s.complete.length === 1) lines.push(`**Completion asked:** ${at(s.complete[0]!)} considers the goals met; the other partner confirms with \`/complete\`.`);

  lines.push('', `### Mentoring agreement`, '');
  if (agreement.length) {
    lines.push(`From the program’s [mentoring agreement](${siteUrl(program)}agreement/):`, '', ...agreement.map((a) => `- ${a}`), '');
  } else {
    lines.push(`Read the program’s [mentoring agreement](${siteUrl(program)}agreement/).`, '');
  }
  lines.push('Each of you ticks the box by replying `/agree` once you have read it and agree:', '');
  for (const who of [s.mentee, s.mentor]) {
    const on = s.agreed[who.toLowerCase()];
    lines.push(`- [${on ? 'x' : ' '}] ${at(who)}${on ? ` agreed on ${on}` : ''}`);
  }

  lines.push('', '### Goals (development plan)', '');
  if (s.goals.length) s.goals.forEach((g, i) => lines.push(`${i + 1}. [${g.done ? 'x' : ' '}] ${shown(g.text)}${g.done ? ` (done ${g.done})` : ''}`));
  else lines.push('_No goals yet._');
  lines.push('', 'Add a goal with `/goal <text>`; tick one with `/done <number>`.');

  lines.push('', '### Check-ins', '');
  if (s.checkins.length) for (const c of s.checkins) lines.push(`- ${c.date}, ${at(c.by)}${c.note ? `: ${shown(c.note)}` : ''}`);
  else lines.push('_None yet._');
  lines.push('', `Record one with \`/checkin [note]\`. After ${l.checkin_interval_days} days without one, I remind you both. Keep notes short and free of private details.`);
  if (!s.closed) {
    lines.push('', `To end early: \`/end [reason]\` gives ${l.notice_days} days’ notice; \`/complete\` from both of you ends it now because the goals are met; \`/extend <months>\` from both of you extends the term (up to ${termOption(longestTerm(program))} in all).`);
  }
  lines.push('', concernLine(program), '', hiddenLine('partnership', s));
  return lines.join('\n');
}
