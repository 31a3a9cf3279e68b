import { expect } from 'vitest';
import { addDays, formatISO } from 'date-fns';
import { BOT_ID, BOT_LOGIN } from '../../src/testing/emulator/index.ts';
import { loadContent } from '../../src/files/content.ts';
import type { RequestFields } from '../../src/testing/request-body.ts';
import { gh, deliver, file, labels, botComments, issue, program, ROOT, type Event } from './harness.ts';

/** Shared by the answers-*.test.ts files: requests in a given state, people's comments, and what to look at afterwards. */

export const MAINTAINER = 'program-chair';
export const MENTEE = 'mia-mentee';
export const OTHER = 'otto-other';
/** An open mentor with capacity 2 who offers 3-month terms, used as a second alternate and a reassignment target. */
export const SPARE = 'andres-villalobos';

export const mentors = loadContent(ROOT).mentors;
export const profile = (login: string) => mentors.find((m) => m.github.toLowerCase() === login.toLowerCase())!;

/** The bot's date (UTC), and the saved-for-later expiry it should announce. */
export const today = () => new Date().toISOString().slice(0, 10);
export const savedUntil = (from = today()) => formatISO(addDays(new Date(`${from}T00:00:00Z`), program.limits.save_for_later_days), { representation: 'date' });

/** File a request and run intake on it; it must come out pending. */
export async function pending(mentee: string, fields: Partial<RequestFields> = {}): Promise<number> {
  const { event, number } = await file(mentee, fields);
  await deliver(event);
  expect(labels(number), `#${number} after intake`).toContain('status:pending');
  return number;
}

/** A person comments; the returned event is the issue_comment.created delivery (not yet delivered). */
export const comment = (login: string, n: number, text: string) => gh.as(login).comment(n, text);

/** A person comments and the bot runs on that comment (exit code 0 asserted). */
export async function say(login: string, n: number, text: string) {
  const event = await comment(login, n, text);
  const run = await deliver(event);
  return { event, run };
}

/** The same delivery, as if a bot had sent it: sender replaced with github-actions[bot]. */
export function fromBot(event: Event): Event {
  const payload = structuredClone(event.payload) as { sender: Record<string, unknown> };
  payload.sender = { ...payload.sender, login: BOT_LOGIN, id: BOT_ID, type: 'Bot' };
  return { name: event.name, payload };
}

/** What a refusal must leave untouched: labels, state and reason. */
export function snapshot(n: number) {
  const i = issue(n);
  return { labels: labels(n), state: i.state, reason: i.state_reason };
}

export const botCount = (n: number) => botComments(n).length;
/** Bot comments posted on #n since there were `before` of them. */
export const newBotComments = (n: number, before: number) => botComments(n).slice(before).map((c) => c.body);

const MARKER = /<!-- mentorkit:([a-z-]+):([A-Za-z0-9._-]+) -->/;
/** The marker of every bot comment on #n, `kind:key`. */
export const markers = (n: number) => botComments(n).map((c) => {
  const m = MARKER.exec(c.body);
  return m ? `${m[1]}:${m[2]}` : '(no marker)';
});
export const ofKind = (n: number, kind: string) => botComments(n).filter((c) => c.body.includes(`<!-- mentorkit:${kind}:`)).map((c) => c.body);

/** Every bot comment carries a marker, and no marker appears twice on any issue. */
export function expectNoDuplicateComments(...numbers: number[]) {
  for (const n of numbers) {
    const m = markers(n);
    expect(m, `#${n}: every bot comment is marked`).not.toContain('(no marker)');
    expect(new Set(m).size, `#${n}: no duplicate bot comment (${m.join(', ')})`).toBe(m.length);
  }
}

/**
 * Sets a status on a request as a maintainer would by hand, without the bot running on it (the state an
 * earlier run, or a missed event, left behind). `close` closes it as not planned.
 */
export async function forceStatus(n: number, status: string, opts: { close?: boolean } = {}) {
  const current = labels(n).filter((l) => l.startsWith('status:'));
  await gh.as(MAINTAINER).addLabels(n, [`status:${status}`]);
  for (const l of current) if (l !== `status:${status}`) await gh.as(MAINTAINER).removeLabel(n, l);
  if (opts.close) await gh.as(MAINTAINER).closeIssue(n, 'not_planned');
}

/** Logins of the mentors a comment suggests (links to their directory pages). */
export function suggested(text: string): string[] {
  return [...text.matchAll(/\]\([^)]*\/mentors\/([a-z0-9-]+)\/\)/gi)].map((m) => m[1]!.toLowerCase());
}

/** The usages a help reply lists (`- \`/accept\`: …`). */
export function helpUsages(text: string): string[] {
  return [...text.matchAll(/^- `(\/[^`]+)`:/gm)].map((m) => m[1]!);
}

/** Active partnerships a mentor holds right now, from the emulator's state. */
export function activeOf(login: string): number[] {
  return gh.state.issues
    .filter((i) => i.state === 'open' && i.labels.some((l) => l.name === 'status:active') && i.labels.some((l) => l.name === `mentor:${login}`))
    .map((i) => i.number);
}
