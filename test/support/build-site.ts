import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCK = join(ROOT, 'node_modules/.cache/mentorkit-build.lock');

/** Run `astro build` as the CLI does, with content from `contentRoot` into `outDir`; `silent: false` keeps Astro's log. */
export function buildSite(
  outDir: string,
  contentRoot = ROOT,
  o: { silent?: boolean } = {},
): { status: number | null; stdout: string; stderr: string } {
  const args = [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(o.silent === false ? [] : ['--silent'])];
  const r = oneBuildAtATime(() =>
    spawnSync(process.execPath, args, {
      cwd: ROOT,
      env: { ...cliEnv(), MENTORKIT_ROOT: contentRoot, MENTORKIT_OUT: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    }),
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Test files build in parallel, and every build writes the repository's .astro/ folder (the list of .mdx modules to
 * bundle, the generated types) whatever its content root: Astro has no option to move it. Two builds at once could
 * bundle each other's pages, from a folder that is deleted when its test ends. So builds take turns, through a lock
 * folder (mkdir either creates it or fails, for one process at a time); a lock whose holder is gone is taken over.
 */
export function oneBuildAtATime<T>(build: () => T, lock = LOCK): T {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (holderIsGone(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`waited 10 minutes for another test's site build (${lock}); delete that folder if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    return build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function holderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Taken a moment ago and the pid not written yet, unless that was long ago (its holder died in between).
    try {
      return Date.now() - statSync(lock).mtimeMs > 30_000;
    } catch {
      return true;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * The environment without what Vitest adds inside a test worker (import.meta.env's BASE_URL, MODE, DEV, PROD, SSR
 * land in process.env there): Astro would take BASE_URL=/ over program.yml's base.
 */
function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return env;
}
