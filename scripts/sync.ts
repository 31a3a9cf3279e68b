#!/usr/bin/env node
// npm run sync: reads every request issue and the bot's records through the REST API and writes data/status.json,
// the snapshot the directory shows slots from (docs/status.md). Without a token it reads a public repository; when
// GitHub can't be read without one (no network, the 60-an-hour limit), it says so in one line and exits 0, so the
// site still builds from the profiles alone.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { parseFlags, type Io } from './cli.ts';
import { formatDiagnostic } from '../src/core/diagnostics.ts';
import { computeStatus, statusWarnings } from '../src/core/status-compute.ts';
import { statusFileSchema } from '../src/core/status.ts';
import { contentRoot } from '../src/files/root.ts';
import { loadContent } from '../src/files/content.ts';
import { STATUS_FILE, loadStatus } from '../src/files/status.ts';
import { createClient } from '../src/github/client.ts';
import { classifySyncError, readRequests } from '../src/github/sync.ts';

const USAGE = `usage: npm run sync [-- --out <file>] [--repo owner/name]

Reads every request issue (open and closed) and the bot's comments on them, and writes
the program's live state (slots, response times, statistics) for the site and npm run export.

  --out <file>       where to write (default: ${STATUS_FILE})
  --repo owner/name  the repository (default: repository in program.yml)
  -h, --help         show this help

Environment: GITHUB_TOKEN (optional for a public repository: without it GitHub allows
60 requests an hour), GITHUB_API_URL (default https://api.github.com).`;

const BOT_LOGIN = 'github-actions[bot]';

export type { Io };

/** Runs the sync; returns the exit code (0 written or skipped without a token, 1 failed, 2 bad usage). */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = { out: console.log, err: console.error }): Promise<number> {
  const parsed = parseFlags<{ out?: string; repo?: string }>('sync', argv, { out: { type: 'string' }, repo: { type: 'string' } }, USAGE, io);
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  if (values.out !== undefined && !values.out.trim()) {
    io.err(`sync: --out needs a file name\n\n${USAGE}`);
    return 2;
  }

  const root = contentRoot();
  const { program, mentors, diagnostics } = loadContent(root);
  if (!program) {
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    io.err('sync: program.yml is invalid; fix it first (npm run validate).');
    return 1;
  }
  if (diagnostics.length) {
    io.err(`sync: ${diagnostics.length} problem(s) in content/mentors (npm run validate lists them); mentors whose profile is invalid get no slot counts.`);
  }
  const repository = values.repo ?? program.repository;
  const out = values.out ?? STATUS_FILE;
  const path = isAbsolute(out) ? out : join(root, out);
  const shown = relative(root, path).startsWith('..') ? path : relative(root, path);
  const token = env.GITHUB_TOKEN?.trim() ?? '';
  const baseUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/$/, '');
  const now = env.MENTORKIT_NOW?.trim() ? new Date(env.MENTORKIT_NOW.trim()) : new Date();
  if (Number.isNaN(now.getTime())) {
    io.err(`sync: MENTORKIT_NOW "${env.MENTORKIT_NOW}" is not a date-time such as 2027-03-15T06:00:00Z`);
    return 2;
  }
  const [owner, repo] = repository.split('/') as [string, string];

  // Without a token nothing is waited for: a rate limit or an unreachable API ends the sync at once.
  const gh = createClient({ token, baseUrl, rateLimitRetries: token ? 3 : 0, writePacingMs: 0, log: () => {} });
  let read;
  try {
    read = await readRequests(gh, { owner, repo }, { botLogin: BOT_LOGIN, ...(token ? {} : { retries: 0 }) });
  } catch (e) {
    const failure = classifySyncError(e, { authenticated: Boolean(token), repository, baseUrl });
    const kept = loadStatus(root, path);
    const left = kept.status ? `${shown} from ${kept.status.generated} is kept` : `${shown} was not written`;
    if (!token && failure.kind !== 'other') {
      io.err(`sync: ${failure.message}. ${left}; ${kept.status ? 'the site shows that snapshot' : 'the site builds from the profiles alone (no slot counts)'}.`);
      return 0;
    }
    io.err(`sync: ${failure.message}. ${left}.`);
    return 1;
  }

  const input = {
    repository,
    generated: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    today: now.toISOString().slice(0, 10),
    program,
    profiles: mentors,
    issues: read.issues,
    records: read.records,
  };
  const status = statusFileSchema.parse(computeStatus(input));
  for (const w of statusWarnings(input)) io.err(`sync: ${w}`);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(status, null, 2)}\n`);
  renameSync(tmp, path);
  const active = status.program.activePartnerships;
  io.out(
    `sync: wrote ${shown}: ${status.requests.length} requests, ${active} active partnership${active === 1 ? '' : 's'}, ` +
      `${Object.keys(status.mentors).length} mentors (${read.calls} API calls${token ? '' : ', without a token'}).`,
  );
  return 0;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
