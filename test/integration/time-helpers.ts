import { expect } from 'vitest';
import { addDays, formatISO } from 'date-fns';
import { runAction } from '../../src/testing/run-action.ts';
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
  advance(days: number): void {
    this.t += days * 86_400_000;
  }
  dayAfter(from: string, days: number): string {
    return formatISO(addDays(new Date(`${from}T00:00:00`), days), { representation: 'date' });
  }
}

export const cal = new Calendar();

/** Run the bundled bot on an event at the calendar's time. */
export async function runAt(event: Event, extra: { dryRun?: boolean } = {}) {
  const r = await runAction({
    apiUrl: gh.url,
    token: gh.botToken,
    repository: program.repository,
    workspace: ROOT,
    event,
    extraEnv: { MENTORKIT_NOW: cal.now().toISOString() },
    ...extra,
  });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
}

export const SCHEDULE: Event = { name: 'schedule', payload: { schedule: '23 5 * * *' } };

/** The daily sweep on the given date. */
export async function sweepOn(date: string, extra: { dryRun?: boolean } = {}) {
  cal.goTo(date);
  return runAt(SCHEDULE, extra);
}

export const kinds = (n: number) =>
  issue(n)
    .comments.filter((c) => c.user.login === 'github-actions[bot]')
    .map((c) => /<!-- mentorkit:([a-z-]+):/.exec(c.body)?.[1] ?? '?');
