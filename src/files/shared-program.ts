import type { Program } from '../core/program.ts';
import type { StatusFile } from '../core/status.ts';

/**
 * program.yml and data/status.json as the build's check read and validated them (src/files/content-check.ts), for
 * the pages and the content config. They run in the same process (Vite's module runner in dev and sync, the
 * prerender in a build), with their own copies of the modules, so the two go through globalThis. Without it they
 * would import the whole validation (src/core/validate.ts and the privacy scan) and the status schema only to read
 * the same files again (docs/performance.md, fifth and sixth passes).
 */

const KEY = Symbol.for('mentorkit.program');

interface Shared {
  root: string;
  program: Program;
  /** Undefined when there is no valid status file: the site then shows profiles only. */
  status: StatusFile | undefined;
}

export function shareProgram(root: string, program: Program, status?: StatusFile): void {
  (globalThis as Record<symbol, unknown>)[KEY] = { root, program, status } satisfies Shared;
}

function shared(root: string): Shared {
  const s = (globalThis as Record<symbol, unknown>)[KEY] as Shared | undefined;
  if (s?.root !== root) throw new Error(`program.yml of ${root} was not loaded by astro.config.mjs; build the site with npm run build or npm start`);
  return s;
}

/** The program astro.config.mjs shared for this content root. */
export function sharedProgram(root: string): Program {
  return shared(root).program;
}

/** The status snapshot the build's check read for this content root, if there was a valid one. */
export function sharedStatus(root: string): StatusFile | undefined {
  return shared(root).status;
}
