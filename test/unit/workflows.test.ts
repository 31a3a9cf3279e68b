import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * The setup, Pages and cohort matching workflows: their triggers and least-privilege permissions. actionlint and the security
 * rules (untrusted input in scripts, permissions, pinned actions) cover every workflow in test/unit/workflow-security.test.ts.
 */

const ROOT = resolve(import.meta.dirname, '../..');
type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { permissions?: Record<string, string>; needs?: string; environment?: { name: string }; steps: Step[] };
type Workflow = { on: Record<string, any>; permissions?: Record<string, string>; concurrency?: Record<string, unknown>; jobs: Record<string, Job> };
const workflow = (f: string) => parse(readFileSync(resolve(ROOT, '.github/workflows', f), 'utf8')) as Workflow;
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('setup.yml', () => {
  const wf = workflow('setup.yml');
  const steps = wf.jobs.labels!.steps;

  test('runs only by hand, with a dry-run checkbox', () => {
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
    expect(wf.on.workflow_dispatch.inputs['dry-run']).toMatchObject({ type: 'boolean', default: false });
  });

  test('may write issues (labels are part of it) and read the code, nothing else', () => {
    expect(wf.permissions).toEqual({ issues: 'write', contents: 'read' });
    expect(wf.jobs.labels!.permissions).toBeUndefined();
  });

  test('installs with npm ci, then runs npm run labels with the token; dry-run reaches it through env', () => {
    const runs = steps.filter((s) => s.run).map((s) => s.run!.trim());
    expect(runs[0]).toMatch(/^npm ci\b/);
    const sync = steps.find((s) => s.run?.includes('npm run labels'))!;
    expect(sync.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}', DRY_RUN: '${{ inputs.dry-run }}' });
    expect(sync.run).toContain('npm run labels -- --dry-run');
    expect(sync.run).toContain('"$DRY_RUN" = "true"');
    expect(sync.run).not.toContain('${{');
    expect(pkg.scripts.labels).toBe('node scripts/labels.ts');
  });
});

describe('pages.yml', () => {
  const wf = workflow('pages.yml');
  const build = wf.jobs.build!;
  const deploy = wf.jobs.deploy!;

  test('runs on pushes to main, every 6 hours and by hand', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'schedule', 'workflow_dispatch']);
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(wf.on.schedule).toEqual([{ cron: '0 */6 * * *' }]);
  });

  test('least privilege: nothing by default, the build reads code and issues, the deploy writes Pages', () => {
    expect(wf.permissions).toEqual({});
    expect(build.permissions).toEqual({ contents: 'read', issues: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.needs).toBe('build');
  });

  test('one deployment at a time, never cancelled halfway', () => {
    expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  test('checkout, Node, npm ci, the availability snapshot, the build, the artifact; then deploy-pages', () => {
    const what = build.steps.map((s) => s.uses?.replace(/@.*$/, '') ?? s.run!.trim().split(/\s+/).slice(0, 3).join(' '));
    expect(what).toEqual(['actions/checkout', 'actions/setup-node', 'npm ci --no-audit', 'npm run sync', 'npm run build', 'actions/upload-pages-artifact']);
    const sync = build.steps[3]!;
    expect(sync.name).toBe('Sync availability from issues');
    expect(sync.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}' });
    expect(build.steps[1]!.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    expect(build.steps[5]!.with).toEqual({ path: 'dist' });
    expect(deploy.steps.map((s) => s.uses?.replace(/@.*$/, ''))).toEqual(['actions/deploy-pages']);
  });
});

describe('match.yml', () => {
  const wf = workflow('match.yml');
  const steps = wf.jobs.match!.steps;

  test('runs only by hand, with the cohort, the method and the group size as inputs', () => {
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
    const inputs = wf.on.workflow_dispatch.inputs;
    expect(Object.keys(inputs)).toEqual(['cohort', 'method', 'groups']);
    expect(inputs.cohort).toMatchObject({ type: 'string', required: true });
    expect(inputs.method).toMatchObject({ type: 'choice', options: ['optimal', 'greedy', 'stable'], default: 'optimal' });
    expect(inputs.groups).toMatchObject({ type: 'string', required: false, default: '' });
  });

  test('least privilege: write the branch and the pull request, read the issues, nothing else', () => {
    expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'read' });
    expect(wf.jobs.match!.permissions).toBeUndefined();
  });

  test('one run per cohort at a time, never cancelled', () => {
    expect(wf.concurrency).toEqual({ group: 'match-${{ inputs.cohort }}', 'cancel-in-progress': false });
  });

  test('checkout (no stored credentials), Node, npm ci, then npm run match with --pr; the inputs reach it through env', () => {
    // Pinned to a v4 release's commit (docs/security.md lists which and how it was verified).
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(steps[0]!.with).toEqual({ 'persist-credentials': false });
    expect(steps[1]!.uses).toMatch(/^actions\/setup-node@[0-9a-f]{40}$/);
    expect(steps[1]!.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    const runs = steps.filter((s) => s.run).map((s) => s.run!.trim());
    expect(runs[0]).toMatch(/^npm ci\b/);
    const match = steps.find((s) => s.run?.includes('npm run match'))!;
    expect(match.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}', COHORT: '${{ inputs.cohort }}', METHOD: '${{ inputs.method }}', GROUPS: '${{ inputs.groups }}' });
    expect(match.run).not.toContain('${{');
    expect(match.run).toContain('--cohort "$COHORT" --pr');
    expect(match.run).toContain('--groups "$GROUPS"');
    expect(match.run).toContain('--method "$METHOD"');
    expect(match.run).toContain('npm run match -- "${args[@]}"');
    expect(pkg.scripts.match).toBe('node scripts/match.ts');
  });
});
