import type { Program } from './program.ts';
import type { Profile } from './profile.ts';
import { STATUSES, mentorOf, statusOf, type Status } from './labels.ts';
import { readPartnership, type Partnership } from './partnership.ts';
import { dateOf } from './clock.ts';
import type { MentorStatus, RequestRow, StatusFile } from './status.ts';

/**
 * `data/status.json` from the public record: every request issue (labels, dates, author) and the bot's own marked
 * comments on them. Pure: `npm run sync` reads GitHub (src/github/sync.ts) and passes the data and the time in.
 * docs/status.md says what each number means; in short:
 *
 * - A mentor is **asked** by the bot's `welcome` (a valid request) or `handover` (the request moved on to them).
 * - Their **first answer** to that asking is the first of: the partnership card (`accepted`), `saved` (/later),
 *   `declined`, a `handover` away from them that a decline caused (not an expiry, not a maintainer's /reassign),
 *   or `rolled-back` (they accepted, but a limit or a concurrent acceptance undid it). An asking ended by expiry,
 *   withdrawal or a new asking is unanswered and does not count towards the median.
 * - Response days are exact (creation times of the two comments), so half a day is 0.5; medians are rounded
 *   to a tenth of a day, rates to four decimals.
 */

/** One request issue as the issues list shows it. */
export interface StatusIssue {
  number: number;
  /** The issue's page (html_url). */
  url: string;
  author: string;
  state: 'open' | 'closed';
  labels: readonly string[];
  /** ISO date-times. */
  createdAt: string;
  closedAt: string | null;
}

/** One of the bot's marked comments (only comments by the bot's account are passed in). */
export interface StatusRecord {
  issue: number;
  /** Comment ids grow with time: the order of the records on an issue. */
  id: number;
  kind: string;
  key: string;
  createdAt: string;
  updatedAt: string;
  /** Needed for `accepted` (the card's data) and `handover` (what caused it); other kinds may omit it. */
  body?: string;
}

export interface StatusInput {
  repository: string;
  /** When the snapshot was taken (ISO date-time). */
  generated: string;
  /** The UTC day of `generated`: the last month of `byMonth`. */
  today: string;
  program: Program;
  profiles: readonly Pick<Profile, 'github' | 'availability'>[];
  issues: readonly StatusIssue[];
  records: readonly StatusRecord[];
}

/** Kinds of record the computation reads; src/github/sync.ts keeps only these (and bodies only where needed). */
export const STATUS_RECORD_KINDS: readonly string[] = [
  'welcome',
  'handover',
  'accepted',
  'saved',
  'declined',
  'rolled-back',
  'expired',
  'withdrawn',
  'auto-withdrawn',
  'completed',
  'ended',
];
export const STATUS_RECORD_BODIES: readonly string[] = ['accepted', 'handover'];

const DAY_MS = 86_400_000;
const PARTNERSHIP: readonly Status[] = ['active', 'completed', 'ended'];
const WAITING: readonly Status[] = ['pending', 'saved'];

/** One time a mentor was asked, and their first answer if there was one. */
export interface Asking {
  issue: number;
  mentor: string;
  at: string;
  answeredAt?: string;
  /** The record that answered: accepted, saved, declined, handover (after a decline) or rolled-back. */
  answer?: string;
}

/** What the bot's records say about one request. */
export interface RequestHistory {
  askings: Asking[];
  card?: { state: Partnership; createdAt: string; updatedAt: string };
  /** When a closing comment (completed or ended) was posted, if one was. */
  closingAt?: string;
}

/** The askings and the partnership card of one request, from its records (any order; sorted by id here). */
export function requestHistory(issue: number, records: readonly StatusRecord[]): RequestHistory {
  const mine = records.filter((r) => r.issue === issue).sort((a, b) => a.id - b.id);
  const askings: Asking[] = [];
  let open: Asking | undefined;
  const answer = (r: StatusRecord) => {
    if (open && !open.answeredAt) {
      open.answeredAt = r.createdAt;
      open.answer = r.kind;
    }
  };
  const out: RequestHistory = { askings };
  for (const r of mine) {
    const [, who = '', ...rest] = r.key.split('.');
    switch (r.kind) {
      case 'welcome':
        open = { issue, mentor: who.toLowerCase(), at: r.createdAt };
        askings.push(open);
        break;
      case 'handover': {
        // Keyed <issue>.<new mentor>.<what caused it>: `<since>-expiry` for an expiry, the command otherwise.
        const cause = rest.join('.');
        if (!cause.endsWith('-expiry') && !reassigned(r.body)) answer(r);
        open = { issue, mentor: who.toLowerCase(), at: r.createdAt };
        askings.push(open);
        break;
      }
      case 'accepted': {
        answer(r);
        const state = readPartnership(r.body);
        if (state) out.card = { state, createdAt: r.createdAt, updatedAt: r.updatedAt };
        break;
      }
      case 'saved':
      case 'declined':
      case 'rolled-back':
        answer(r);
        break;
      case 'completed':
      case 'ended':
        out.closingAt = out.closingAt && out.closingAt > r.createdAt ? out.closingAt : r.createdAt;
        break;
      default:
        // expired, withdrawn, auto-withdrawn: the asking ends without an answer.
        break;
    }
  }
  return out;
}

/** A maintainer's /reassign also hands a request over; its first line says so (messages.ts reassignedWhy). */
function reassigned(body: string | undefined): boolean {
  return /\(a maintainer\) reassigned this request/.test((body ?? '').split('\n')[0] ?? '');
}

export const responseDays = (a: Asking): number | undefined =>
  a.answeredAt === undefined ? undefined : Math.max(0, (Date.parse(a.answeredAt) - Date.parse(a.at)) / DAY_MS);

/** The median, or null for none; rounded to a tenth. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

const rate = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
const latest = (dates: readonly (string | undefined | null)[]): string | null =>
  dates.reduce<string | null>((a, d) => (d && (!a || d > a) ? d : a), null);

const cohortOf = (labels: readonly string[]) => labels.find((l) => l.startsWith('cohort:'))?.slice('cohort:'.length) || null;

/** Every request issue without a status label is left out (the bot has not seen it yet); see statusWarnings. */
export function computeStatus(input: StatusInput): StatusFile {
  const { program, profiles } = input;
  const byLogin = new Map(profiles.map((p) => [p.github.toLowerCase(), p]));
  const spelled = (login: string) => byLogin.get(login.toLowerCase())?.github ?? login;

  const rows: RequestRow[] = [];
  const open: { row: RequestRow; open: boolean }[] = [];
  const askings: Asking[] = [];
  const cards: { mentor: string; card: NonNullable<RequestHistory['card']>; closingAt?: string }[] = [];
  for (const issue of [...input.issues].sort((a, b) => a.number - b.number)) {
    const status = statusOf(issue.labels);
    if (!status) continue;
    const h = requestHistory(issue.number, input.records);
    askings.push(...h.askings);
    const mentor = mentorOf(issue.labels) ?? h.card?.state.mentor ?? h.askings.at(-1)?.mentor;
    if (h.card) cards.push({ mentor: h.card.state.mentor.toLowerCase(), card: h.card, ...(h.closingAt ? { closingAt: h.closingAt } : {}) });
    const partnership = PARTNERSHIP.includes(status) ? h.card?.state : undefined;
    const row: RequestRow = {
      issue: issue.number,
      url: issue.url,
      mentee: issue.author,
      mentor: mentor ? spelled(mentor) : null,
      status,
      filed: dateOf(issue.createdAt),
      started: partnership?.start ?? null,
      closed: issue.state === 'closed' ? (issue.closedAt ? dateOf(issue.closedAt) : (partnership?.closed?.on ?? null)) : null,
      term: partnership?.months ?? null,
      cohort: cohortOf(issue.labels),
    };
    rows.push(row);
    open.push({ row, open: issue.state === 'open' });
  }

  const mentors: Record<string, MentorStatus> = {};
  for (const p of profiles) {
    const login = p.github.toLowerCase();
    const mine = open.filter((o) => o.open && o.row.mentor?.toLowerCase() === login).map((o) => o.row);
    const activeRows = mine.filter((r) => r.status === 'active');
    const capacity = Math.min(p.availability.capacity, program.limits.max_mentor_capacity);
    const slotsFree = Math.max(0, capacity - activeRows.length);
    const answered = askings.filter((a) => a.mentor === login && a.answeredAt);
    const myCards = cards.filter((c) => c.mentor === login);
    mentors[p.github] = {
      active: activeRows.length,
      waiting: mine.filter((r) => WAITING.includes(r.status)).length,
      capacity,
      slotsFree,
      medianResponseDays: median(answered.map((a) => responseDays(a)!)),
      lastActivity: latest([
        ...answered.map((a) => dateOf(a.answeredAt!)),
        ...myCards.flatMap((c) => [dateOf(c.card.updatedAt), c.closingAt && dateOf(c.closingAt)]),
      ]),
      lastFreeSlot: slotsFree === 0 && activeRows.length > 0 ? latest(activeRows.map((r) => r.started)) : null,
    };
  }

  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, count(s)])) as Record<Status, number>;
  const partnerships = rows.filter((r) => PARTNERSHIP.includes(r.status)).length;
  const closedOn = (r: RequestRow) => r.closed;

  return {
    v: 1,
    generated: input.generated,
    repository: input.repository,
    mentors,
    program: {
      byStatus,
      byMonth: byMonth(rows, input.today, closedOn),
      acceptanceRate: rate(partnerships, partnerships + byStatus.declined),
      medianResponseDays: median(askings.filter((a) => a.answeredAt).map((a) => responseDays(a)!)),
      activePartnerships: byStatus.active,
      completionRate: rate(byStatus.completed, byStatus.completed + byStatus.ended),
    },
    requests: rows,
  };
}

/** Month by month from the first month anything happened to `today`'s month, empty months included. */
function byMonth(rows: readonly RequestRow[], today: string, closedOn: (r: RequestRow) => string | null): StatusFile['program']['byMonth'] {
  const month = (d: string) => d.slice(0, 7);
  const first = rows.flatMap((r) => [r.filed, r.started, closedOn(r)]).filter((d): d is string => Boolean(d)).map(month).sort()[0];
  if (!first) return [];
  const last = [month(today), ...rows.map((r) => month(r.filed))].sort().at(-1)!;
  const out: StatusFile['program']['byMonth'] = [];
  for (let m = first; m <= last; m = nextMonth(m)) {
    const ended = (s: Status) => rows.filter((r) => r.status === s && closedOn(r) && month(closedOn(r)!) === m).length;
    out.push({
      month: m,
      requests: rows.filter((r) => month(r.filed) === m).length,
      accepted: rows.filter((r) => r.started && month(r.started) === m).length,
      completed: ended('completed'),
      ended: ended('ended'),
    });
  }
  return out;
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** What the snapshot could not place, one sentence each, for the sync's log. */
export function statusWarnings(input: Pick<StatusInput, 'issues' | 'profiles'>): string[] {
  const out: string[] = [];
  const unlabelled = input.issues.filter((i) => !statusOf(i.labels)).map((i) => `#${i.number}`);
  if (unlabelled.length) out.push(`${unlabelled.length} request issue(s) without a status label were left out (${unlabelled.slice(0, 10).join(', ')}${unlabelled.length > 10 ? ', …' : ''}): the bot has not checked them yet.`);
  const known = new Set(input.profiles.map((p) => p.github.toLowerCase()));
  const orphans = new Map<string, number>();
  for (const i of input.issues) {
    const m = mentorOf(i.labels);
    if (m && !known.has(m.toLowerCase())) orphans.set(m, (orphans.get(m) ?? 0) + 1);
  }
  for (const [m, n] of [...orphans].sort()) {
    out.push(`mentor:${m} is on ${n} request(s) but has no profile in content/mentors: counted in the program's numbers, not listed under mentors.`);
  }
  return out;
}
