import type { Program } from '../core/program.ts';

/**
 * program.yml as astro.config.mjs loaded and checked it, for the pages and the content config. They run in the
 * same process (Vite's module runner in dev and sync, the prerender in a build), with their own copies of the
 * modules, so the program goes through globalThis. Without it they would import the whole validation
 * (src/core/validate.ts and the privacy scan) only to read program.yml a second time (docs/performance.md, fifth
 * pass).
 */

const KEY = Symbol.for('mentorkit.program');

export function shareProgram(root: string, program: Program): void {
  (globalThis as Record<symbol, unknown>)[KEY] = { root, program };
}

/** The program astro.config.mjs shared for this content root. */
export function sharedProgram(root: string): Program {
  const shared = (globalThis as Record<symbol, unknown>)[KEY] as { root: string; program: Program } | undefined;
  if (shared?.root !== root) throw new Error(`program.yml of ${root} was not loaded by astro.config.mjs; build the site with npm run build or npm start`);
  return shared.program;
}
