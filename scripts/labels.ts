#!/usr/bin/env node
// npm run labels: create and update every label the program uses (src/core/labels.ts programLabels), so the
// issue forms' labels exist and every label has its colour and description. Safe to run again: a second run
// changes nothing. It never deletes a label.
import { parseFlags, type Io } from './cli.ts';
import { formatDiagnostic } from '../src/core/diagnostics.ts';
import { planLabelSync, programLabels, type LabelChange } from '../src/core/labels.ts';
import { contentRoot } from '../src/files/root.ts';
import { loadContent } from '../src/files/content.ts';
import { createClient } from '../src/github/client.ts';
import { applyLabelPlan, listRepoLabels, type LabelWrite } from '../src/github/labels.ts';

const USAGE = `usage: npm run labels [-- --dry-run] [--repo owner/name]

Creates the labels the program uses (request, status:*, ending, freshness, report,
mentor-application, cohort-mentee, cohort-mentor, one cohort:<id> per cohort in program.yml
and one mentor:<login> per profile in content/mentors) and sets their
colours and descriptions.
Labels it does not define are never deleted; those that look like the program's
(status:* or mentor:* for someone without a profile) are listed and left alone.

  --dry-run          print what would change, change nothing
  --repo owner/name  the repository (default: repository in program.yml)
  -h, --help         show this help

Environment: GITHUB_TOKEN (required; needs permission to write issues),
GITHUB_API_URL (default https://api.github.com).`;

export type { Io };

/** Runs the label sync; returns the exit code (0 done, 1 failed, 2 bad usage). Never throws for expected failures. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = { out: console.log, err: console.error }): Promise<number> {
  const parsed = parseFlags<{ 'dry-run'?: boolean; repo?: string }>('labels', argv, { 'dry-run': { type: 'boolean' }, repo: { type: 'string' } }, USAGE, io);
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const dryRun = Boolean(values['dry-run']);

  const root = contentRoot();
  const { program, mentors, diagnostics } = loadContent(root);
  if (!program || diagnostics.length) {
    for (const d of diagnostics) io.err(formatDiagnostic(d));
    io.err(`labels: ${program ? 'a profile is' : 'program.yml is'} invalid; fix it first (npm run validate), so no label is made for a profile that won't be published.`);
    return 1;
  }
  const repository = values.repo ?? program.repository;
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) {
    io.err(
      `labels: GITHUB_TOKEN is not set. It needs a token that may write issues in ${repository}.\n` +
        `In GitHub Actions, run the setup workflow, which passes one for you. On your computer, for example:\n` +
        `  GITHUB_TOKEN=$(gh auth token) npm run labels`,
    );
    return 1;
  }
  const baseUrl = (env.GITHUB_API_URL?.trim() || 'https://api.github.com').replace(/\/$/, '');
  const pacing = env.MENTORKIT_WRITE_PACING_MS?.trim();
  const [owner, repo] = repository.split('/') as [string, string];
  const r = { owner, repo };
  const gh = createClient({ token, baseUrl, writePacingMs: pacing && /^\d+$/.test(pacing) ? Number(pacing) : undefined, log: (m) => io.err(m) });

  const wanted = programLabels(program, mentors);
  let writing: LabelWrite | undefined;
  try {
    const existing = await listRepoLabels(gh, r);
    const plan = planLabelSync(wanted, existing);
    const count = (a: LabelChange['action']) => plan.filter((c) => c.action === a).length;
    io.out(`${dryRun ? 'Dry run: nothing is changed. ' : ''}${repository}: ${wanted.length} labels in the definition, ${existing.length} in the repository.`);
    const width = Math.max(0, ...plan.map((c) => (c.action === 'unknown' ? c.current : c.spec).name.length));
    // A dry run lists every label; a real run lists what it changes as it goes, and what it leaves alone.
    for (const c of plan) if (c.action === 'unknown' || dryRun) io.out(line(c, false, width));
    if (dryRun) {
      io.out(`Would create ${count('create')}, update ${count('update')}; ${count('unchanged')} unchanged${leftAlone(count('unknown'))}. Run without --dry-run to apply.`);
      return 0;
    }
    await applyLabelPlan(gh, r, plan, { starting: (c) => (writing = c), done: (c) => io.out(line(c, true, width)) });
    io.out(`Created ${count('create')}, updated ${count('update')}; ${count('unchanged')} unchanged${leftAlone(count('unknown'))}.`);
    return 0;
  } catch (e) {
    const step = writing ? `${writing.action === 'create' ? 'creating' : 'updating'} the label "${writing.spec.name}"` : `reading the labels of ${repository}`;
    io.err(`labels: ${explain(e, step, repository, baseUrl)}`);
    return 1;
  }
}

const leftAlone = (n: number) => (n ? `; ${n} not in the definition, left alone` : '');

function line(c: LabelChange, done: boolean, width: number): string {
  const col = (verb: string) => verb.padEnd(11);
  switch (c.action) {
    case 'create':
      return `  ${col(done ? 'created' : 'create')}${c.spec.name.padEnd(width)} #${c.spec.color}  ${c.spec.description}`;
    case 'update': {
      const what = c.changes.map((k) =>
        k === 'name'
          ? `name ${c.current.name} → ${c.spec.name}`
          : k === 'color'
            ? `colour #${c.current.color.toLowerCase()} → #${c.spec.color}`
            : `description ${JSON.stringify(c.current.description ?? '')} → ${JSON.stringify(c.spec.description)}`,
      );
      return `  ${col(done ? 'updated' : 'update')}${c.spec.name.padEnd(width)} ${what.join(', ')}`;
    }
    case 'unchanged':
      return `  ${col('unchanged')}${c.spec.name}`;
    case 'unknown':
      return `  ${col('left alone')}${c.current.name.padEnd(width)} not in the definition, left alone`;
  }
}

function explain(e: unknown, step: string, repository: string, baseUrl: string): string {
  const message = (e as Error).message ?? String(e);
  if ((e as Error).name !== 'HttpError') return `failed while ${step}: ${message}`;
  // octokit reports a request that got no answer at all (refused, DNS, TLS) as status 500 without a response.
  if (!(e as { response?: unknown }).response) return `could not reach ${baseUrl} while ${step}: ${message}. Check GITHUB_API_URL.`;
  const status = (e as { status?: number }).status;
  if (status === 401) return `GitHub refused the token while ${step} (401 Bad credentials). Check GITHUB_TOKEN.`;
  if (status === 403)
    return `GitHub did not allow ${step} (403: ${message}). The token needs permission to write issues in ${repository} (in a workflow: permissions: issues: write).`;
  if (status === 404) return `${repository} was not found while ${step} (404). Check repository in program.yml (or --repo) and that the token can see it.`;
  return `GitHub answered ${status} while ${step}: ${message}`;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
