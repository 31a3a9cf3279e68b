import { z } from 'zod';
import type { Profile } from '../core/profile.ts';

/**
 * `astro build` checks every profile before Astro reads it (astro.config.mjs, in a worker thread; see
 * content-check.ts) and stops on the first problem, printing `file:line: field: message`. Its content layer then
 * need not run the full profile schema over the same files a second time: astro.config.mjs registers the check for
 * the content root, and the mentors collection waits for it, then reads the profiles with `validatedProfile`.
 * `astro dev` and `astro sync` keep the full schema, which also checks a profile edited while the dev server runs.
 *
 * The registry lives on globalThis because src/content.config.ts runs in Vite's module runner, with its own copy
 * of this module.
 */

const KEY = Symbol.for('mentorkit.build-profile-check');

/**
 * Called by astro.config.mjs during `astro build`: `checked` resolves once every profile under `root` passed,
 * and ends the process with the problems printed otherwise.
 */
export function markCheckedForBuild(root: string, checked: () => Promise<void>): void {
  (globalThis as Record<symbol, unknown>)[KEY] = { root, checked };
}

/** The build's check of `root`, to await before reading a profile; undefined outside `astro build`. */
export function buildCheck(root: string): (() => Promise<void>) | undefined {
  const mark = (globalThis as Record<symbol, unknown>)[KEY] as { root: string; checked: () => Promise<void> } | undefined;
  return mark?.root === root ? mark.checked : undefined;
}

/**
 * Astro parses front matter with js-yaml's default schema, which turns an
 * unquoted date into a Date; the profile schema stores dates as YYYY-MM-DD
 * text (isoDate). This is that one conversion, without the checks, made in
 * place: the object is the content layer's own parse of one file, which it
 * also stores as the entry's rendered front matter, and its serializer writes
 * an object that both refer to once. A converted copy made data-store.json 12%
 * larger at 1,000 profiles, and every step that writes, bundles and reads it
 * slower (docs/performance.md).
 */
function datesAsText(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    const fields = value as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const text = datesAsText(fields[key]);
      if (text !== fields[key]) fields[key] = text;
    }
  }
  return value;
}

/** A profile that already passed makeProfileSchema in this build: typed as Profile, dates as text, nothing re-checked. */
export const validatedProfile = z.preprocess(datesAsText, z.custom<Profile>());
