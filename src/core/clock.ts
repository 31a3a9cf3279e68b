import { z } from 'zod';
// One module per function: the package index loads all ~300 of date-fns's modules, which cost the site build
// about a second (astro.config.mjs reads the status file, whose schema uses this module; docs/performance.md).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';
import { statusSchema } from './labels.ts';
import { hiddenLine, readHidden, withoutHidden } from './hidden-data.ts';

/**
 * A request's clock: when its current phase began and which notices of that phase went out. The bot keeps a
 * copy at the end of the issue body, because the daily sweep must find what is due from the issue list alone
 * (one call per 100 requests; reading every thread would cost a call per issue). The copy is a cache: the
 * truth is the bot's own marked comments, which the sweep reads before it acts on anything the copy says is
 * due, and a copy that is missing or was edited by hand is rebuilt from them (docs/time.md).
 */

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' });

/** YYYY-MM-DD naming a day of the calendar (2027-02-30 is written right and names none). */
export function isRealDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

export const clockSchema = z.object({
  v: z.literal(1),
  /** The status the clock belongs to; a clock whose status is not the label's is stale. */
  status: statusSchema,
  /** First day of the phase: filed or handed over (pending), saved, found invalid, or the term's start. */
  since: isoDate,
  /** Notices of this phase already posted, by name (reminder, last-notice, save-notice, checkin-1, …). */
  sent: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  /** Partnerships: the last day of the term, the day a notice period ends, and the last check-in. */
  end: isoDate.optional(),
  ending: isoDate.optional(),
  checkin: isoDate.optional(),
});
export type Clock = z.infer<typeof clockSchema>;

/** The clock kept in an issue body, or undefined when there is none or it does not parse. */
export function readClock(body: string | null | undefined): Clock | undefined {
  return readHidden(body, 'clock', clockSchema);
}

/** The body without the clock block: what the mentee wrote. */
export function withoutClock(body: string): string {
  return withoutHidden(body, 'clock');
}

/** The body with this clock at its end, replacing any earlier one. */
export function withClock(body: string, clock: Clock): string {
  return `${withoutClock(body).trimEnd()}\n\n${hiddenLine('clock', clock)}`;
}

const canonical = (c: Clock | undefined) => (c ? JSON.stringify({ ...c, sent: [...c.sent].sort() }, Object.keys(c).sort()) : 'null');

export function sameClock(a: Clock | undefined, b: Clock | undefined): boolean {
  return canonical(a) === canonical(b);
}

// Dates are calendar days in UTC: the bot's `today` is the UTC date, and days are counted between dates.
export const plusDays = (date: string, n: number) => formatISO(addDays(parseISO(date), n), { representation: 'date' });
export const plusMonths = (date: string, n: number) => formatISO(addMonths(parseISO(date), n), { representation: 'date' });
export const daysBetween = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));
export const dateOf = (iso: string) => iso.slice(0, 10);
