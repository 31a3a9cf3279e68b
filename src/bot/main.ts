import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agreementItems } from '../core/partnership.ts';
import { parseArgs } from 'node:util';
import { readEnv } from './env.ts';
import { createClient } from '../github/client.ts';
import { loadContent } from '../files/content.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { dispatch } from './dispatch.ts';
import { ReportedFailure } from './context.ts';
import type { Profile } from '../core/profile.ts';

/**
 * The action's entry point. Reads the Actions environment, loads program.yml
 * and the profiles from the checked-out workspace, and dispatches the event.
 * Expected failures print a clear message and exit 1; never a stack trace.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const fail = (line: string) => process.stdout.write(`::error::${line}\n`);

  let dryRunFlag = false;
  try {
    dryRunFlag = Boolean(parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' } }, strict: true }).values['dry-run']);
  } catch (e) {
    fail(`${(e as Error).message}. The only flag is --dry-run.`);
    return 2;
  }

  const { env: e, errors } = readEnv(env);
  if (!e) {
    for (const err of errors) fail(err);
    return 1;
  }
  const content = loadContent(e.GITHUB_WORKSPACE);
  if (!content.program) {
    for (const d of content.diagnostics) fail(formatDiagnostic(d));
    fail('program.yml is invalid, so no rule can be applied. Fix it (npm run validate shows every problem).');
    return 1;
  }
  // A broken profile must not stop requests to everyone else: warn and go on without it.
  for (const d of content.diagnostics) process.stdout.write(`::warning::${formatDiagnostic(d)}\n`);

  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(readFileSync(e.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    fail(`cannot read the event payload at ${e.GITHUB_EVENT_PATH}: ${(err as Error).message}`);
    return 1;
  }

  const [owner, repo] = e.GITHUB_REPOSITORY.split('/') as [string, string];
  const mentors = new Map<string, Profile>(content.mentors.map((m) => [m.github.toLowerCase(), m]));
  const agreementPath = join(e.GITHUB_WORKSPACE, 'content/pages/agreement.mdx');
  const agreement = agreementItems(content.program, existsSync(agreementPath) ? readFileSync(agreementPath, 'utf8') : undefined);
  const gh = createClient({ token: e['INPUT_GITHUB-TOKEN'], baseUrl: e.GITHUB_API_URL, writePacingMs: e.MENTORKIT_WRITE_PACING_MS, log });
  // GITHUB_TOKEN reaches this repository only: the private reports repository needs its own token, passed in the
  // environment variable program.yml names (the workflow maps the secret of that name onto it).
  const secret = content.program.safety.report.token_secret;
  const reportsToken = secret ? env[secret]?.trim() : undefined;
  const reports = reportsToken ? createClient({ token: reportsToken, baseUrl: e.GITHUB_API_URL, writePacingMs: e.MENTORKIT_WRITE_PACING_MS, log }) : undefined;
  try {
    await dispatch(
      { gh, repo: { owner, repo }, program: content.program, mentors, workspace: e.GITHUB_WORKSPACE, agreement, dryRun: e['INPUT_DRY-RUN'] || dryRunFlag, botLogin: e['INPUT_BOT-LOGIN'], now: e.MENTORKIT_NOW ?? new Date(), task: e.INPUT_TASK, log, ...(reports ? { reports } : {}) },
      e.GITHUB_EVENT_NAME,
      payload,
    );
    return 0;
  } catch (err) {
    if (err instanceof ReportedFailure) {
      fail(err.message);
      return 1;
    }
    const status = (err as { status?: number }).status;
    const where = (err as { request?: { method?: string; url?: string } }).request;
    fail(
      status
        ? `GitHub answered ${status} to ${where?.method ?? ''} ${where?.url ?? ''} after retries: ${(err as Error).message}. The next event or the daily sweep will finish this work.`
        : `unexpected error: ${(err as Error).message}`,
    );
    return 1;
  }
}
