import { memo } from '../core/memo.ts';

const longDate = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
// Profiles share a few hundred dates between them; formatting each one again took 0.1 s of a 10k build.
const formatted = new Map<string, string>();

/** 2026-10-01 → "October 1, 2026". One formatter for the whole build: creating one per call is slow at 10k pages. */
export function formatDate(isoDate: string): string {
  return memo(formatted, isoDate, () => longDate.format(new Date(`${isoDate}T00:00:00Z`)));
}
