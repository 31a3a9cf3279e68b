import { z } from 'zod';

/** Exactly one status label is on a request at a time; see DESIGN.md. */
export const STATUSES = ['pending', 'saved', 'invalid', 'active', 'declined', 'withdrawn', 'expired', 'completed', 'ended'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

export const REQUEST_LABEL = 'request';
/** On a partnership in its notice period after /end. */
export const ENDING_LABEL = 'ending';

export function statusLabel(s: Status): string {
  return `status:${s}`;
}
export function mentorLabel(login: string): string {
  return `mentor:${login.toLowerCase()}`;
}

export function statusOf(labels: readonly string[]): Status | undefined {
  for (const l of labels) {
    if (!l.startsWith('status:')) continue;
    const parsed = statusSchema.safeParse(l.slice('status:'.length));
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

export function mentorOf(labels: readonly string[]): string | undefined {
  return labels.find((l) => l.startsWith('mentor:'))?.slice('mentor:'.length);
}

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

const STATUS_SPECS: Record<Status, Omit<LabelSpec, 'name'>> = {
  pending: { color: 'fbca04', description: 'Request waiting for the mentor to answer' },
  saved: { color: 'c5def5', description: 'Mentor saved the request for later' },
  invalid: { color: 'e99695', description: 'Request needs a fix; see the bot comment' },
  active: { color: '0e8a16', description: 'Accepted: an active mentoring partnership' },
  declined: { color: 'd4c5f9', description: 'Mentor declined the request' },
  withdrawn: { color: 'ededed', description: 'Mentee withdrew the request' },
  expired: { color: 'bfbfbf', description: 'Request expired without an answer' },
  completed: { color: '1d76db', description: 'Partnership finished its term' },
  ended: { color: '5319e7', description: 'Partnership ended early' },
};

/** Colour and description for a label the bot creates on demand. */
export function labelSpec(name: string): LabelSpec {
  if (name === REQUEST_LABEL) return { name, color: '0052cc', description: 'A mentee’s request for a mentor' };
  if (name === ENDING_LABEL) return { name, color: 'f9d0c4', description: 'Partnership ending: notice given with /end' };
  if (name.startsWith('mentor:')) return { name, color: 'bfdadc', description: `Requests addressed to @${name.slice(7)}` };
  const s = statusSchema.safeParse(name.replace(/^status:/, ''));
  if (s.success) return { name, ...STATUS_SPECS[s.data] };
  return { name, color: 'ededed', description: '' };
}
