#!/usr/bin/env node
// npm run match: a cohort's applications (open issues labelled cohort:<id>, read through REST, or an exported JSON
// file) matched into matches/<cohort>.yaml, pairs or peer groups, for the committee to review in a pull request
// (--pr). docs/matching.md, "Cohorts".
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { parseFlags, REPO, type Io } from './cli.ts';
import { formatDiagnostic } from '../src/core/diagnostics.ts';
import {
  ProposalError,
  leftOutLines,
  matchesPullBody,
  parseApplicationsJson,
  proposeMatches,
  readApplications,
  renderMatches,
  summaryLines,
  type ApplicationIssue,
} from '../src/core/cohort-match.ts';
import { matchesPath } from '../src/core/matching/matches-file.ts';
import type { Method } from '../src/core/matching/assign.ts';
import { contentRoot } from '../src/files/root.ts';
import { loadContent } from '../src/files/content.ts';
import { createClient } from '../src/github/client.ts';
import { classifySyncError } from '../src/github/sync.ts';
import { MatchesPullError, listCohortIssues, proposeMatchesPull } from '../src/github/cohort-match.ts';

const USAGE = `usage: npm run match -- --cohort <id> [--method optimal|greedy|stable] [--groups [size]]
                        [--from <file>] [--at <date>] [--seed <s>] [--out <file>] [--dry-run] [--pr]

Matches a cohort's applications (the open issues labelled cohort:<id>) and writes
matches/<id>.yaml: every pair with its score breakdown, the unmatched with the reason,
and the summary; or, for peer groups, the groups.

  --cohort <id>       the cohort, as listed under cohorts: in program.yml (required)
  --method <m>        optimal (default: the largest total score), greedy, or stable
                      (mentee-proposing stable matching)
  --groups [size]     peer groups of about this size instead of pairs (alone: the cohort's
                      group_size, else matching.group_size); a groups cohort does this anyway
  --from <file>       read the applications from an exported JSON file instead of GitHub
                      (gh issue list --json number,author,body,labels,createdAt,state, or
                      GitHub's issues list)
  --at <date>         the instant time-zone offsets are taken at, e.g. 2027-03-01 or
                      2027-03-01T12:00:00Z (default: the cohort's starts, else today)
  --seed <s>          breaks ties differently (default: matching.seed in program.yml)
  --out <file>        where to write (default: matches/<id>.yaml)
  --dry-run           print the file instead of writing it
  --pr                propose the file in a pull request (branch mentorkit/matches-<id>)
  --repo owner/name   the repository (default: GITHUB_REPOSITORY, else repository in program.yml)
  -h, --help          show this help

Environment: GITHUB_TOKEN (needed for --pr and for a private repository),
GITHUB_REPOSITORY, GITHUB_API_URL (default https://api.github.com).`;

export type { Io };

const METHODS = ['optimal', 'greedy', 'stable'] as const;

export interface MatchOptions {
  cohort: string;
  method?: Method | undefined;
  /** Peer groups: a size, or true for the configured size. */
  groups?: number | true | undefined;
  from?: string | undefined;
  /** ISO date or date-time. */
  at?: string | undefined;
  seed?: string | undefined;
  out?: string | undefined;
  dryRun?: boolean | undefined;
  pr?: boolean | undefined;
  repo?: string | undefined;
  /** The checkout holding program.yml and content/ (default: MENTORKIT_ROOT or the working directory). */
  root?: string | undefined;
}

type Flags = { cohort?: string; method?: string; groups?: string; from?: string; at?: string; seed?: string; out?: string; 'dry-run'?: boolean; pr?: boolean; repo?: string };

/** `--groups` may stand alone: it takes the next argument only when that is not another flag. */
export function withOptionalGroupSize(argv: readonly string[]): string[] {
  return argv.map((a, i) => (a === '--groups' && (i + 1 >= argv.length || argv[i + 1]!.startsWith('-')) ? '--groups=' : a));
}

/** Parses the flags; returns the options, or the exit code after printing what is wrong (2) or the help (0). */
export function parseMatchFlags(argv: string[], io: Io): { options: MatchOptions } | { exit: number } {
  const parsed = parseFlags<Flags>(
    'match',
    withOptionalGroupSize(argv),
    {
      cohort: { type: 'string' },
      method: { type: 'string' },
      groups: { type: 'string' },
      from: { type: 'string' },
      at: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
      pr: { type: 'boolean' },
      repo: { type: 'string' },
    },
    USAGE,
    io,
  );
  if ('exit' in parsed) return parsed;
  const v = parsed.values;
  const bad = (message: string) => {
    io.err(`match: ${message}\n\n${USAGE}`);
    return { exit: 2 };
  };
  if (v.cohort === undefined || !v.cohort.trim()) return bad('--cohort is required: name the cohort to match, e.g. --cohort 2027-spring (the ids are under cohorts: in program.yml)');
  if (v.method !== undefined && !(METHODS as readonly string[]).includes(v.method)) return bad(`--method "${v.method}" is not a method; use --method optimal, greedy or stable`);
  let groups: number | true | undefined;
  if (v.groups !== undefined) {
    if (v.groups === '') groups = true;
    else if (/^\d+$/.test(v.groups) && Number(v.groups) >= 2 && Number(v.groups) <= 100) groups = Number(v.groups);
    else return bad(`--groups "${v.groups}" is not a group size; write a whole number from 2 to 100 (--groups 5), or --groups alone for the cohort's size`);
  }
  if (v.at !== undefined && parseAt(v.at) === undefined) return bad(`--at "${v.at}" is not a date; write 2027-03-01 or 2027-03-01T12:00:00Z`);
  if (v.seed !== undefined && !v.seed.trim()) return bad('--seed needs a value, e.g. --seed 2027');
  if (v.from !== undefined && !v.from.trim()) return bad('--from needs a file name');
  if (v.out !== undefined && !v.out.trim()) return bad('--out needs a file name');
  if (v.pr && v['dry-run']) return bad('--pr and --dry-run exclude each other: --dry-run writes nothing and opens nothing');
  if (v.pr && v.out !== undefined) return bad(`--pr proposes ${matchesPath('<id>')}, the file the bot reads on merge; leave out --out`);
  return {
    options: {
      cohort: v.cohort.trim(),
      method: v.method as Method | undefined,
      groups,
      from: v.from,
      at: v.at,
      seed: v.seed,
      out: v.out,
      dryRun: v['dry-run'],
      pr: v.pr,
      repo: v.repo,
    },
  };
}

/** An ISO date (midnight UTC) or date-time; undefined when it is neither. */
export function parseAt(text: string): Date | undefined {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/.test(s)) return undefined;
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(d.getTime())) return undefined;
  if (s.length === 10 && !d.toISOString().startsWith(s)) return undefined;
  return d;
}

/**
 * Runs a match with options already parsed; returns the exit code (0 done, 1 failed, 2 bad usage). Every expected
 * failure is one line on `io.err`, never a stack trace. Callable on its own (the simulator does).
 */
export async function runMatch(o: MatchOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const root = o.root ?? contentRoot();
  const { program, mentors, diagnostics } = loadContent(root);
  if (!program) {
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    io.err('match: program.yml is invalid; fix it first (npm run validate).');
    return 1;
  }
  const cohort = program.cohorts.find((c) => c.id === o.cohort);
  if (!cohort) {
    const known = program.cohorts.map((c) => c.id);
    io.err(`match: there is no cohort "${o.cohort}" in program.yml; ${known.length ? `the cohorts are ${known.join(', ')}` : 'add one under cohorts: (docs/program-yml.md)'}.`);
    return 2;
  }
  if (diagnostics.length) io.err(`match: ${diagnostics.length} problem(s) in content/mentors (npm run validate lists them); mentors whose profile is invalid answer the mentor form in full.`);
  const groupSize = o.groups === undefined ? (cohort.kind === 'groups' ? (cohort.group_size ?? program.matching.group_size) : undefined) : o.groups === true ? (cohort.group_size ?? program.matching.group_size) : o.groups;
  if (groupSize !== undefined && o.method !== undefined) io.err(`match: --method ${o.method} is for pairs; peer groups have one method, so it is ignored.`);
  const now = env.MENTORKIT_NOW?.trim() ? new Date(env.MENTORKIT_NOW.trim()) : new Date();
  if (Number.isNaN(now.getTime())) {
    io.err(`match: MENTORKIT_NOW "${env.MENTORKIT_NOW}" is not a date-time such as 2027-03-01T06:00:00Z`);
    return 2;
  }
  const at = o.at !== undefined ? parseAt(o.at) : cohort.starts ? new Date(`${cohort.starts}T00:00:00Z`) : new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  if (!at) {
    io.err(`match: --at "${o.at}" is not a date; write 2027-03-01 or 2027-03-01T12:00:00Z`);
    return 2;
  }

  const repository = o.repo ?? (env.GITHUB_REPOSITORY?.trim() || program.repository);
  if (!REPO.test(repository)) {
    io.err(`match: "${repository}" is not a repository; write it as owner/name (--repo, GITHUB_REPOSITORY or repository in program.yml).`);
    return 2;
  }
  const [owner, repo] = repository.split('/') as [string, string];
  const token = env.GITHUB_TOKEN?.trim() ?? '';
  const baseUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/$/, '');
  if (o.pr && !token) {
    io.err(`match: --pr needs GITHUB_TOKEN, a token that may write contents and pull requests in ${repository}. In GitHub Actions the match workflow passes one; on your computer: GITHUB_TOKEN=$(gh auth token) npm run match -- --cohort ${cohort.id} --pr`);
    return 1;
  }
  // Writes are spaced as GitHub asks of integrations (createClient's default); tests set MENTORKIT_WRITE_PACING_MS=0.
  const pacing = env.MENTORKIT_WRITE_PACING_MS?.trim();
  const gh = () =>
    createClient({ token, baseUrl, rateLimitRetries: token ? 3 : 0, writePacingMs: pacing && /^\d+$/.test(pacing) ? Number(pacing) : undefined, log: (m) => io.err(`match: ${m}`) });

  // The applications.
  let issues: ApplicationIssue[];
  let source: string;
  if (o.from !== undefined) {
    const path = isAbsolute(o.from) ? o.from : join(root, o.from);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      io.err(`match: cannot read ${o.from}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (e as Error).message}.`);
      return 1;
    }
    const parsed = parseApplicationsJson(text);
    if (!parsed.ok) {
      for (const e of parsed.errors.slice(0, 20)) io.err(`${o.from}: ${e}`);
      if (parsed.errors.length > 20) io.err(`${o.from}: … and ${parsed.errors.length - 20} more`);
      io.err(`match: ${o.from} is not an export of issues; see docs/matching.md ("The JSON format").`);
      return 1;
    }
    issues = parsed.issues;
    source = o.from;
  } else {
    try {
      issues = (await listCohortIssues(gh(), { owner, repo }, cohort.id)).issues;
    } catch (e) {
      io.err(`match: ${classifySyncError(e, { authenticated: Boolean(token), repository, baseUrl }).message}.`);
      return 1;
    }
    source = `${repository} (open issues labelled cohort:${cohort.id})`;
  }

  const apps = readApplications({ program, cohort, issues, profiles: mentors, groups: groupSize !== undefined });
  let file;
  try {
    file = proposeMatches({ program, cohort, applications: apps, at, method: o.method, groupSize, seed: o.seed });
  } catch (e) {
    if (!(e instanceof ProposalError)) throw e;
    io.err(`match: ${e.message}.`);
    return 1;
  }
  const text = renderMatches(file, cohort);

  io.out(`match: ${issues.length} issue${issues.length === 1 ? '' : 's'} read from ${source}`);
  for (const line of summaryLines(file, apps, cohort)) io.out(line);
  const leftOut = leftOutLines(apps);
  if (leftOut.length) {
    io.out('left out:');
    for (const line of leftOut) io.out(line);
  }
  for (const w of apps.warnings) io.err(`match: ${w}`);
  if (cohort.open) io.err(`match: applications to ${cohort.id} are still open (open: true in program.yml); later applications are not in this proposal.`);

  if (o.dryRun) {
    io.out(`match: --dry-run: ${matchesPath(cohort.id)} would be:\n`);
    io.out(text);
    return 0;
  }
  const out = o.out ?? matchesPath(cohort.id);
  const path = isAbsolute(out) ? out : join(root, out);
  const shown = relative(root, path).startsWith('..') ? path : relative(root, path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    io.err(`match: cannot write ${shown}: ${(e as Error).message}.`);
    return 1;
  }
  io.out(`match: wrote ${shown}`);

  if (o.pr) {
    const kind = file.kind === 'pairs' ? `${file.summary.pairs} pairs` : `${file.summary.groups} groups`;
    try {
      const result = await proposeMatchesPull(gh(), { owner, repo }, {
        branch: `mentorkit/matches-${cohort.id}`,
        path: matchesPath(cohort.id),
        text,
        message: `Matches for ${cohort.name} (cohort ${cohort.id}): ${kind}`,
        title: `Matches for ${cohort.name} (cohort ${cohort.id})`,
        body: matchesPullBody(file, apps, cohort, program),
      });
      const what = { opened: 'opened', updated: 'updated', unchanged: 'unchanged (it already proposes this file):' }[result.kind];
      io.out(`match: pull request #${result.number} ${what} ${result.url}`);
    } catch (e) {
      if (e instanceof MatchesPullError) {
        io.err(`match: ${e.message}.`);
        return 1;
      }
      const err = e as { status?: number; response?: { data?: { message?: string } }; message?: string };
      io.err(
        `match: the pull request could not be opened: ${err.status ? `GitHub answered ${err.status}: ` : ''}${err.response?.data?.message ?? err.message}` +
          (err.status === 403 || err.status === 404 ? ' (the token needs contents: write and pull-requests: write).' : '.'),
      );
      return 1;
    }
  }
  return 0;
}

/** The command line: flags, then the run. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = { out: console.log, err: console.error }): Promise<number> {
  const parsed = parseMatchFlags(argv, io);
  if ('exit' in parsed) return parsed.exit;
  return runMatch(parsed.options, io, env);
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
