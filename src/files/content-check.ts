import { Worker, threadId } from 'node:worker_threads';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { checkRepository } from './content.ts';

/**
 * The check of every profile that a site build runs before Astro reads them, so that a committee member gets
 * `file:line: field: message` lines, the same as `npm run validate`, instead of a stack trace from the content
 * layer. It runs in a worker thread, started when astro.config.mjs loads: the main thread meanwhile starts Vite and
 * loads the content config, and the check (a quarter of a millisecond per profile) no longer delays that start-up.
 * Whoever needs the profiles to be valid awaits the result (see astro.config.mjs and src/content.config.ts).
 */

export interface ProfilesCheck {
  /** Problems in program.yml and content/ (the blocklist aside), sorted as npm run validate prints them. */
  diagnostics: Diagnostic[];
  /** Profiles that passed. */
  profiles: number;
  /** The thread that ran the check (worker_threads' threadId): tells a worker's check from the fallback. */
  threadId: number;
}

/**
 * The check itself: what npm run validate does but the blocklist (the site does not publish it), without the
 * mentors' data (only the verdict crosses threads).
 */
export function checkProfiles(root: string): ProfilesCheck {
  const { mentors, diagnostics } = checkRepository(root);
  return { diagnostics, profiles: mentors.length, threadId };
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
      try {
        resolve(checkProfiles(root));
      } catch (e) {
        reject(e);
      }
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
export function stopBuild(diagnostics: readonly Diagnostic[]): never {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  console.error(
    `\nThe site was not built: ${diagnostics.length} problem(s) in program.yml or content/. Fix them, or run npm run validate to check again.`,
  );
  process.exit(1);
}

/** Await a check and stop the build if it found a problem. */
export async function stopOnProblems(check: Promise<ProfilesCheck>): Promise<void> {
  const { diagnostics } = await check;
  if (diagnostics.length > 0) stopBuild(diagnostics);
}
