import { memo } from '../core/memo.ts';
import type { Status } from '../core/labels.ts';
import type { MentorStatus, RequestRow, StatusFile } from '../core/status.ts';
import type { Slots } from './card.ts';

/**
 * View models for what the site shows from data/status.json: slot badges, a mentor's response time, the status
 * console (/status/) and the statistics (/stats/). Pure: the file is read by the caller (site/content.ts).
 */

/** Mentor statuses by lower-cased login: labels and the sync may spell a login in lower case. */
export function mentorStatuses(status: StatusFile | undefined): ReadonlyMap<string, MentorStatus> {
  if (!status) return NONE;
  // Each mentor page asks: built once per status file, not once per page (10,000 pages × 10,000 mentors).
  return memo(statusCache, status, () => new Map(Object.entries(status.mentors).map(([login, s]) => [login.toLowerCase(), s])));
}
const NONE: ReadonlyMap<string, MentorStatus> = new Map();
const statusCache = new WeakMap<StatusFile, ReadonlyMap<string, MentorStatus>>();

/** A mentor's slots at the last sync, or undefined (no status file, or the mentor is not in it): never a guess. */
export function slotsFor(statuses: ReadonlyMap<string, MentorStatus>, login: string): Slots | undefined {
  const s = statuses.get(login.toLowerCase());
  return s ? { free: s.slotsFree, capacity: s.capacity } : undefined;
}

/** Whole days, rounded up (2.5 days is "within 3 days"); less than a day is "within a day". */
export function responseText(days: number | null | undefined): string | undefined {
  if (days === null || days === undefined) return undefined;
  const n = Math.max(1, Math.ceil(days));
  return n === 1 ? 'Usually answers within a day' : `Usually answers within ${n} days`;
}

export function percent(rate: number | null): string {
  return rate === null ? 'not yet known' : `${Math.round(rate * 100)}%`;
}

export function daysText(days: number | null): string {
  if (days === null) return 'not yet known';
  const rounded = Math.round(days * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
}

export const STATUS_TEXT: Record<Status, string> = {
  pending: 'Pending',
  saved: 'Saved for later',
  invalid: 'Needs a fix',
  active: 'Active',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
  completed: 'Completed',
  ended: 'Ended early',
};

/* ------------------------------- status console ------------------------------- */

export interface ConsoleSection {
  id: 'waiting' | 'active' | 'finished';
  title: string;
  caption: string;
  rows: RequestRow[];
}

export interface MentorRow {
  login: string;
  /** In the directory: the page links to the profile. */
  listed: boolean;
  status: MentorStatus;
}

export interface ConsoleView {
  sections: ConsoleSection[];
  mentors: MentorRow[];
  /** Every status with its number of requests, in the lifecycle's order. */
  byStatus: { status: Status; label: string; count: number }[];
}

const byDate = (key: 'filed' | 'started' | 'closed', dir: 1 | -1) => (a: RequestRow, b: RequestRow) =>
  dir * (a[key] ?? '').localeCompare(b[key] ?? '') || a.issue - b.issue;

/**
 * The rows of the status console: requests waiting for an answer (pending and saved, oldest first), active
 * partnerships (oldest first) and finished ones (completed or ended early, newest first). Requests that never
 * became partnerships (declined, withdrawn, expired, invalid) are counted, not listed.
 */
export function consoleView(status: StatusFile, listedLogins: Iterable<string>): ConsoleView {
  const listed = new Set([...listedLogins].map((l) => l.toLowerCase()));
  const rows = (statuses: Status[]) => status.requests.filter((r) => statuses.includes(r.status));
  const sections: ConsoleSection[] = [
    {
      id: 'waiting',
      title: 'Waiting for an answer',
      caption: 'Requests waiting for the mentor: pending or saved for later, oldest first',
      rows: rows(['pending', 'saved']).sort(byDate('filed', 1)),
    },
    {
      id: 'active',
      title: 'Active partnerships',
      caption: 'Active partnerships, oldest first',
      rows: rows(['active']).sort(byDate('started', 1)),
    },
    {
      id: 'finished',
      title: 'Finished partnerships',
      caption: 'Finished partnerships: completed or ended early, newest first',
      rows: rows(['completed', 'ended']).sort(byDate('closed', -1)),
    },
  ];
  const mentors = Object.entries(status.mentors)
    .map(([login, s]) => ({ login, listed: listed.has(login.toLowerCase()), status: s }))
    .sort((a, b) => a.login.localeCompare(b.login, 'en'));
  const order: Status[] = ['pending', 'saved', 'invalid', 'active', 'completed', 'ended', 'declined', 'withdrawn', 'expired'];
  const byStatus = order.map((s) => ({ status: s, label: STATUS_TEXT[s], count: status.program.byStatus[s] ?? 0 }));
  return { sections, mentors, byStatus };
}

/** The logins a console row belongs to, as the login filter matches them. */
export function rowLogins(...logins: (string | null)[]): string {
  return logins.filter((l): l is string => !!l).map((l) => l.toLowerCase()).join(' ');
}

/* --------------------------------- statistics --------------------------------- */

const monthLong = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/** "2026-09" → "September 2026". */
export function monthName(month: string): string {
  return monthLong.format(new Date(`${month}-01T00:00:00Z`));
}
/** "2026-09" → "Sep", or "Jan 27" in January so a run of months shows where a year starts. */
export function monthTick(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  const short = monthShort.format(d);
  return d.getUTCMonth() === 0 ? `${short} ${String(d.getUTCFullYear()).slice(2)}` : short;
}

export interface KeyFigure {
  id: string;
  label: string;
  value: string;
  note: string;
}

export function keyFigures(status: StatusFile): KeyFigure[] {
  const p = status.program;
  return [
    { id: 'acceptance', label: 'Acceptance rate', value: percent(p.acceptanceRate), note: 'Accepted requests over answered ones (accepted or declined).' },
    { id: 'response', label: 'Median response time', value: daysText(p.medianResponseDays), note: 'From a request to the mentor’s first answer: accept, decline or save for later.' },
    { id: 'active', label: 'Active partnerships', value: String(p.activePartnerships), note: 'Partnerships running now.' },
    { id: 'completion', label: 'Completion rate', value: percent(p.completionRate), note: 'Partnerships that reached the end of their term over all finished ones.' },
  ];
}

/** A short sentence for a chart's description: the span and the busiest month of each series. */
export function describeMonths(months: { month: string }[], series: { name: string; values: number[] }[]): string {
  if (months.length === 0) return 'No months yet.';
  const span = months.length === 1 ? monthName(months[0]!.month) : `${monthName(months[0]!.month)} to ${monthName(months[months.length - 1]!.month)}`;
  const parts = series.map((s) => {
    const total = s.values.reduce((a, b) => a + b, 0);
    const max = Math.max(...s.values);
    const at = months[s.values.indexOf(max)]!.month;
    return `${s.name}: ${total} in all, most in ${monthName(at)} (${max})`;
  });
  return `${span}. ${parts.join('; ')}.`;
}
