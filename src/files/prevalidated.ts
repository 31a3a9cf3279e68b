import { z } from 'zod';
import type { Profile } from '../core/profile.ts';

/**
 * `astro build` validates every profile before Astro starts (astro.config.ts)
 * and stops on the first problem, printing `file:line: field: message`. Its
 * content layer then need not run the full profile schema over the same files
 * a second time: astro.config.ts marks the content root as validated for a
 * build, and the mentors collection reads it with `validatedProfile`. `astro
 * dev` and `astro sync` keep the full schema, which also checks a profile
 * edited while the dev server runs.
 */

const KEY = Symbol.for('mentorkit.validated-build-root');

/** Called by astro.config.ts during `astro build` after every profile under `root` passed validation. */
export function markValidatedForBuild(root: string): void {
  (globalThis as Record<symbol, unknown>)[KEY] = root;
}

export function isValidatedForBuild(root: string): boolean {
  return (globalThis as Record<symbol, unknown>)[KEY] === root;
}

/**
 * Astro parses front matter with js-yaml's default schema, which turns an
 * unquoted date into a Date; the profile schema stores dates as YYYY-MM-DD
 * text (isoDate). This is that one conversion, without the checks.
 */
function datesAsText(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = datesAsText(v);
    return out;
  }
  return value;
}

/** A profile that already passed makeProfileSchema in this build: typed as Profile, dates as text, nothing re-checked. */
export const validatedProfile = z.preprocess(datesAsText, z.custom<Profile>());
