import { z } from 'zod';
import { isoDate } from './clock.ts';
import { statusSchema } from './labels.ts';

/**
 * `data/status.json`: the live state of the program, taken from the public issues by `npm run sync` and read by
 * the site at build time (slot badges, the status console, statistics) and by `npm run export`. It holds logins
 * the public issues already show and numbers; never a mentee's words.
 */

const count = z.number().int().min(0);
const days = z.number().min(0).nullable();
const rate = z.number().min(0).max(1).nullable();

export const mentorStatusSchema = z.object({
  active: count,
  /** Waiting for this mentor's answer: pending and saved. */
  waiting: count,
  capacity: count,
  slotsFree: count,
  /** Median days from being asked to the first answer (accept, decline or later), over answered askings; docs/status.md. */
  medianResponseDays: days,
  /**
   * The last day this mentor answered a request or their partnership's card changed (check-in, goal, agreement,
   * closing); the bot's reminders don't count. docs/status.md.
   */
  lastActivity: isoDate.nullable(),
  /** For a full mentor: the last day they had a slot free (when their newest active partnership began). */
  lastFreeSlot: isoDate.nullable(),
});
export type MentorStatus = z.infer<typeof mentorStatusSchema>;

/** One request or partnership, as the status console and the export show it. */
export const requestRowSchema = z.object({
  issue: z.number().int().min(1),
  url: z.url(),
  mentee: z.string(),
  mentor: z.string().nullable(),
  status: statusSchema,
  filed: isoDate,
  /** The day the partnership began (accepted), if it did. */
  started: isoDate.nullable(),
  /** The day it closed, if it is closed. */
  closed: isoDate.nullable(),
  /** The term in months, for partnerships. */
  term: z.number().int().min(1).nullable(),
  /** The cohort (`cohort:<id>` label), if any. */
  cohort: z.string().nullable(),
});
export type RequestRow = z.infer<typeof requestRowSchema>;

export const monthSchema = z.object({
  /** YYYY-MM */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  requests: count,
  accepted: count,
  completed: count,
  ended: count,
});

export const statusFileSchema = z.object({
  v: z.literal(1),
  /** When the snapshot was taken (ISO date-time). */
  generated: z.iso.datetime({ offset: true }),
  repository: z.string(),
  mentors: z.record(z.string(), mentorStatusSchema),
  program: z.object({
    byStatus: z.partialRecord(statusSchema, count),
    byMonth: z.array(monthSchema),
    /** Accepted over answered (accepted + declined), or null before any answer. */
    acceptanceRate: rate,
    medianResponseDays: days,
    activePartnerships: count,
    /** Completed over finished partnerships (completed + ended), or null before any finished. */
    completionRate: rate,
  }),
  requests: z.array(requestRowSchema),
});
export type StatusFile = z.infer<typeof statusFileSchema>;
