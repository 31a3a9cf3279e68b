import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Run the committed action bundle exactly as Actions does: a child process with
 * the Actions environment, the event payload in a file, and GITHUB_API_URL
 * pointing at the emulator (plus Node's compile cache, see below).
 */

const ROOT = resolve(import.meta.dirname, '../..');
export const ACTION_BUNDLE = resolve(ROOT, '.github/actions/mentor-bot/dist/index.mjs');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  apiUrl: string;
  token: string;
  repository: string;
  workspace: string;
  event: { name: string; payload: unknown };
  dryRun?: boolean;
  extraEnv?: Record<string, string>;
  /** Keep GitHub's one-second spacing between writes (off by default: the emulator has no secondary limits). */
  pacing?: boolean;
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'mentorkit-event-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.event.payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repository,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_WORKSPACE: o.workspace,
    'INPUT_GITHUB-TOKEN': o.token,
    'INPUT_DRY-RUN': o.dryRun ? 'true' : 'false',
    ...(o.pacing ? {} : { MENTORKIT_WRITE_PACING_MS: '0' }),
    // A test run starts the same 1.4 MB bundle hundreds of times: Node's compile cache keeps V8's compiled code
    // between runs (about 7% of the integration tests' time). It changes no behaviour, and Astro's CLI turns it on too.
    NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache'),
    ...(process.env.NODE_DISABLE_COMPILE_CACHE ? { NODE_DISABLE_COMPILE_CACHE: process.env.NODE_DISABLE_COMPILE_CACHE } : {}),
    ...o.extraEnv,
  };
  try {
    return await new Promise<ActionRun>((done, fail) => {
      const child = spawn(process.execPath, [ACTION_BUNDLE], { env, cwd: o.workspace });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b));
      child.stderr.on('data', (b: Buffer) => (stderr += b));
      child.on('error', fail);
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
