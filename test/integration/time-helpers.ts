import { expect } from 'vitest';
import { addDays, formatISO } from 'date-fns';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { runAction } from '../../src/testing/run-action.ts';
import { BOT_LOGIN } from '../../src/testing/emulator/index.ts';
import { readPartnership, type Partnership } from '../../src/core/partnership.ts';
import { gh, issue, program, ROOT, type Event } from './harness.ts';

/**
 * A test-only clock shared by the emulator (timestamps of issues and comments) and the bot (MENTORKIT_NOW), so
 * a timeline can run from day 0 to day 400 in seconds. Days are UTC; the sweep runs at 05:23 as the workflow's
 * cron does.
 */
export class Calendar {
  private t: number;
  constructor(start = '2027-01-04') {
    this.t = Date.parse(`${start}T09:00:00Z`);
  }
  readonly now = () => new Date(this.t);
  get today(): string {
    return new Date(this.t).toISOString().slice(0, 10);
  }
  /** Move to the given date (YYYY-MM-DD) at 05:23 UTC, or by `days` from today. */
  goTo(date: string): void {
    this.t = Date.parse(`${date}T05:23:00Z`);
  }
  /** Move to an exact instant, e.g. `2027-01-10T23:59:00Z`, for tests of the day boundary. */
  goToTime(iso: string): void {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) throw new Error(`not a date-time: ${iso}`);
    this.t = t;
  }
  advance(days: number): void {
    this.t += days * 86_400_000;
  }
  dayAfter(from: string, days: number): string {
    return formatISO(addDays(new Date(`${from}T00:00:00`), days), { representation: 'date' });
  }
}

export const cal = new Calendar();

/**
 * Run the bundled bot on an event at the calendar's time (in another workspace, e.g. one with a changed
 * program.yml). `now` gives MENTORKIT_NOW as written, e.g. with a UTC offset; the calendar is not moved.
 */
export async function runAt(event: Event, extra: { dryRun?: boolean; workspace?: string; now?: string } = {}) {
  const r = await runAction({
    apiUrl: gh.url,
    token: gh.botToken,
    repository: program.repository,
    workspace: extra.workspace ?? ROOT,
    event,
    extraEnv: { MENTORKIT_NOW: extra.now ?? cal.now().toISOString() },
    ...(extra.dryRun ? { dryRun: true } : {}),
  });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
}

export const SCHEDULE: Event = { name: 'schedule', payload: { schedule: '23 5 * * *' } };

/** The daily sweep on the given date. */
export async function sweepOn(date: string, extra: { dryRun?: boolean; workspace?: string } = {}) {
  cal.goTo(date);
  return runAt(SCHEDULE, extra);
}

/** The daily sweep at an exact instant (`2027-01-10T23:59:00Z`). */
export async function sweepAt(iso: string, extra: { dryRun?: boolean } = {}) {
  cal.goToTime(iso);
  return runAt(SCHEDULE, extra);
}

export const kinds = (n: number) =>
  issue(n)
    .comments.filter((c) => c.user.login === 'github-actions[bot]')
    .map((c) => /<!-- mentorkit:([a-z-]+):/.exec(c.body)?.[1] ?? '?');

/** The bot's calls since `from` (an index into gh.calls) that were not reads. */
export const botWritesSince = (from: number) =>
  gh.calls
    .slice(from)
    .filter((c) => c.user === BOT_LOGIN && c.method !== 'GET')
    .map((c) => `${c.method} ${c.path}`);

/**
 * Run `step` and assert it changed nothing: the repository's state is the same before and after, and the bot
 * made no call other than reads.
 */
export async function expectNoChange<T>(step: () => Promise<T>, why: string): Promise<T> {
  const before = structuredClone(gh.state);
  const from = gh.calls.length;
  const r = await step();
  expect(botWritesSince(from), `${why}: no writes`).toEqual([]);
  expect(gh.state, `${why}: state unchanged`).toEqual(before);
  return r;
}

/** The daily sweep on `date`, then the same sweep again: the second run must change nothing. */
export async function sweepTwice(date: string, extra: { workspace?: string } = {}) {
  const first = await sweepOn(date, extra);
  await expectNoChange(() => sweepOn(date, extra), `the sweep of ${date} run again`);
  return first;
}

/** A sweep on `date` that must find nothing to do. */
export const quietSweep = (date: string, extra: { workspace?: string } = {}) => expectNoChange(() => sweepOn(date, extra), `the sweep of ${date}`);

/** `login` comments `text` on #n at the calendar's time, and the bot runs on that comment then. */
export async function sayAt(login: string, n: number, text: string, extra: { workspace?: string } = {}) {
  const event = await gh.as(login).comment(n, text);
  return runAt(event, extra);
}

/** The partnership card (the bot's acceptance comment) on #n, and the data it carries. */
export function card(n: number): { body: string; state: Partnership; id: number } {
  const c = issue(n).comments.find((x) => x.user.login === BOT_LOGIN && x.body.includes('<!-- mentorkit:accepted:'));
  expect(c, `#${n} has a partnership card`).toBeDefined();
  const state = readPartnership(c!.body);
  expect(state, `#${n}: the card carries its data`).toBeDefined();
  return { body: c!.body, state: state!, id: c!.id };
}

/** Bot comments of one kind on #n, in order. */
export const commentsOf = (n: number, kind: string) =>
  issue(n)
    .comments.filter((c) => c.user.login === BOT_LOGIN && c.body.includes(`<!-- mentorkit:${kind}:`))
    .map((c) => c.body);

/**
 * A workspace like the repository's, with program.yml's top-level keys changed (undefined removes a key) and the
 * content folder shared. Returns its path and a function that removes it.
 */
export function workspaceWith(keys: Record<string, unknown>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mentorkit-ws-'));
  const doc = parseDocument(readFileSync(join(ROOT, 'program.yml'), 'utf8'));
  for (const [k, v] of Object.entries(keys)) {
    if (v === undefined) doc.delete(k);
    else doc.set(k, v);
  }
  writeFileSync(join(dir, 'program.yml'), doc.toString());
  symlinkSync(join(ROOT, 'content'), join(dir, 'content'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
