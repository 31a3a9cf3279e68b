import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import type { Problem, ParsedRequest } from './request-form.ts';
import { termOption } from './request-form.ts';

/** The words the bot says. Plain functions of data, so tests can read them and translators can find them. */

const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

export function problemsComment(mentee: string, problems: Problem[]): string {
  return [
    `@${mentee}, thanks for your request. It can’t go to a mentor yet, because:`,
    '',
    ...problems.map((p) => `- **${p.field}**: ${p.message}`),
    '',
    'Edit this issue (the ⋯ menu on your first comment, then **Edit**) to fix it. I check again every time you save, and I’ll update this comment.',
  ].join('\n');
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
  ].join('\n');
}

export function editIgnoredComment(mentee: string, status: string): string {
  return `@${mentee}, this request is already **${status}**, so I no longer read changes to the form. To ask for something new, file a new request.`;
}
