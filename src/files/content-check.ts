import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Program } from '../core/program.ts';
import type { StatusFile } from '../core/status.ts';

/**
 * The check of program.yml and every profile that a site build runs before Astro reads them, so that a committee
 * member gets `file:line: field: message` lines, the same as `npm run validate`, instead of a stack trace from the
 * content layer. It runs in a worker thread, started when astro.config.mjs loads: the main thread meanwhile starts
 * Vite and loads the content config, and neither the check (a quarter of a millisecond per profile) nor loading the
 * schemas' modules (a third of a second) delays that start-up. This module is what the main thread loads: it
 * imports none of them (the check is content-check-run.ts). Whoever needs the program or the profiles awaits the
 * result (see astro.config.mjs and src/content.config.ts).
 */

export interface ProfilesCheck {
  /** Problems in program.yml and content/ (the blocklist aside), sorted as npm run validate prints them. */
  diagnostics: Diagnostic[];
  /** Profiles that passed. */
  profiles: number;
  /** program.yml as checked, when it passed. */
  program?: Program;
  /** What the build says about data/status.json, and the file when it was there and valid. */
  status: { line: string; file?: StatusFile };
  /** The thread that ran the check (worker_threads' threadId): tells a worker's check from the fallback. */
  threadId: number;
}

const WORKER = new URL('./content-check-worker.ts', import.meta.url);

/**
 * Start `checkProfiles(root)` in a worker thread. Where a worker cannot start or its modules fail to load, the
 * check runs on this thread instead, so a build is never left unchecked. `script` is for tests.
 */
export function checkProfilesInWorker(root: string, script: URL = WORKER): Promise<ProfilesCheck> {
  return new Promise<ProfilesCheck>((resolve, reject) => {
    let settled = false;
    const here = () => {
      if (settled) return;
      settled = true;
      import('./content-check-run.ts').then(({ checkProfiles }) => resolve(checkProfiles(root)), reject);
    };
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { root } });
    } catch {
      here();
      return;
    }
    worker.once('message', (result: ProfilesCheck) => {
      if (settled) return;
      settled = true;
      resolve(result);
    });
    worker.once('error', here);
    worker.once('exit', here);
  });
}

/** Print every problem as `file:line: field: message` and end the process with exit code 1, without a stack trace. */
export async function stopBuild(diagnostics: readonly Diagnostic[]): Promise<never> {
  // Imported only now: the module loads the YAML parser, which this thread does not otherwise need.
  const { formatDiagnostic } = await import('../core/diagnostics.ts');
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  console.error(
    `\nThe site was not built: ${diagnostics.length} problem(s) in program.yml or content/. Fix them, or run npm run validate to check again.`,
  );
  process.exit(1);
}

/** Await a check and stop the build if it found a problem; otherwise the check, with its program. */
export async function stopOnProblems(check: Promise<ProfilesCheck>): Promise<ProfilesCheck & { program: Program }> {
  const result = await check;
  const { diagnostics, program } = result;
  if (diagnostics.length > 0 || !program) return stopBuild(diagnostics);
  return { ...result, program };
}
