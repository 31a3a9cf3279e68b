import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Run `astro build` as the CLI does, with content from `contentRoot` into `outDir`; `silent: false` keeps Astro's log. */
export function buildSite(
  outDir: string,
  contentRoot = ROOT,
  o: { silent?: boolean } = {},
): { status: number | null; stdout: string; stderr: string } {
  const args = [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(o.silent === false ? [] : ['--silent'])];
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...cliEnv(), MENTORKIT_ROOT: contentRoot, MENTORKIT_OUT: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
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
