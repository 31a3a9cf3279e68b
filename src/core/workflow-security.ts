import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/**
 * Security rules for GitHub Actions files, checked in `npm test` (test/unit/workflow-security.test.ts) next to
 * actionlint, which checks syntax and types but none of these. Pure: the caller reads the files and passes their
 * text. docs/security.md, "Workflow security", explains each rule and where the write-scope allowlist lives.
 */

export type WorkflowRule = 'yaml' | 'untrusted-input' | 'permissions' | 'untrusted-checkout' | 'pinning';

export interface WorkflowFinding {
  rule: WorkflowRule;
  /** The path as given by the caller, e.g. `.github/workflows/ci.yml`. */
  file: string;
  /** 1-based line of the offending node, when it can be located. */
  line?: number;
  /** Which part of the file: `job "build", step 2 "Sync"`, or `workflow` for top-level keys. */
  where: string;
  problem: string;
  fix: string;
}

/**
 * Write scopes a workflow may grant, per job, each with the reason the job needs it. A job's effective permissions
 * are its own `permissions:` or, without one, the workflow's; every write scope in them must be listed here, and
 * every entry here must still be granted, so the list can't drift from the files.
 */
export type WriteAllowlist = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;

export function formatFinding(f: WorkflowFinding): string {
  return `${f.file}${f.line ? `:${f.line}` : ''}: ${f.where}: ${f.problem} Fix: ${f.fix}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Untrusted input

/**
 * GitHub's script-injection guidance ("Script injections", docs.github.com, Actions › Concepts › Security) names
 * the github context values an attacker can write as those ending in these words, e.g. github.event.issue.title,
 * github.event.pull_request.body, github.event.head_commit.author.email, github.head_ref.
 */
export const GITHUB_UNTRUSTED_SUFFIXES = ['body', 'default_branch', 'email', 'head_ref', 'label', 'message', 'name', 'page_name', 'ref', 'title'] as const;

/**
 * Contexts that hold nothing an outsider chooses: ids, numbers, the repository's own names, logins (letters, digits
 * and hyphens only), the runner's paths, and secrets (the token included: not attacker-written). Everything else
 * inside `${{ }}` in a script is treated as untrusted: the event payload, inputs, and values that may have been
 * copied from them (env, step and job outputs).
 */
const SAFE_GITHUB = new Set([
  'action', 'action_path', 'action_ref', 'action_repository', 'actor', 'actor_id', 'api_url', 'env', 'event_name',
  'event_path', 'graphql_url', 'job', 'output', 'path', 'ref_protected', 'ref_type', 'repository', 'repository_id',
  'repository_owner', 'repository_owner_id', 'retention_days', 'run_attempt', 'run_id', 'run_number', 'server_url',
  'sha', 'state', 'step_summary', 'token', 'triggering_actor', 'workflow', 'workflow_ref', 'workflow_sha', 'workspace',
]);
const SAFE_CONTEXTS = new Set(['runner', 'matrix', 'strategy', 'job', 'vars', 'secrets']);
const CONTEXTS = 'github|inputs|env|steps|needs|jobs|matrix|strategy|runner|job|vars|secrets';
const REFERENCE = new RegExp(`(?<![\\w.-])(?:${CONTEXTS})(?![\\w-])(?:\\s*(?:\\.\\s*(?:[A-Za-z_][\\w-]*|\\*)|\\[[^\\]]*\\]))*`, 'gi');

/** Why a context reference is unsafe in a script, or undefined when it is safe. */
export function untrustedReason(reference: string): string | undefined {
  const parts = reference
    .replace(/\s+/g, '')
    .replace(/\[['"]?([^\]'"]*)['"]?\]/g, '.$1')
    .toLowerCase()
    .split('.');
  const [context, first, second] = parts;
  const last = parts[parts.length - 1]!;
  const suffix = GITHUB_UNTRUSTED_SUFFIXES.find((s) => last === s) ?? GITHUB_UNTRUSTED_SUFFIXES.find((s) => last.endsWith(`_${s}`));
  const listed = suffix ? ` (GitHub lists contexts ending in "${suffix}" as attacker-controlled)` : '';
  switch (context) {
    case 'github':
      if (first === undefined) return 'the whole github context includes the event payload, written by whoever triggered the run';
      if (first === 'event') {
        if (second === 'inputs') return 'a workflow_dispatch input is free text typed by whoever runs the workflow';
        return `the event payload (titles, bodies, comments, branch names, commit messages, author names and e-mails) is written by whoever triggered the run${listed}`;
      }
      if (first === 'head_ref' || first === 'base_ref') return `a pull request's branch name is chosen by its author${listed}`;
      if (first === 'ref' || first === 'ref_name') return `a branch or tag name is chosen by whoever pushed it${listed}`;
      return SAFE_GITHUB.has(first) ? undefined : `github.${first} is not known to be safe to expand into a script${listed}`;
    case 'inputs':
      return 'an input is free text typed by whoever runs the workflow (or passed by the caller of an action)';
    case 'env':
      return 'an env value is often copied from untrusted text, and expanding it into the script undoes passing it through env:';
    case 'steps':
      return second === 'outcome' || second === 'conclusion' ? undefined : "a step's outputs may carry text copied from the event or an input";
    case 'needs':
      return second === 'result' ? undefined : "a job's outputs may carry text copied from the event or an input";
    case 'jobs':
      return "a job's outputs may carry text copied from the event or an input";
    default:
      return SAFE_CONTEXTS.has(context!) ? undefined : `${context} is not known to be safe to expand into a script`;
  }
}

/** The context references inside every `${{ }}` of a script, string literals removed. Contexts are case-insensitive, as in Actions. */
export function expressionReferences(script: string): string[] {
  const found: string[] = [];
  for (const m of script.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    // An index by a literal is a property (github['head_ref'] is github.head_ref); other literals are just text.
    const inner = m[1]!.replace(/\[\s*'([\w-]*)'\s*\]/g, '.$1').replace(/'(?:[^']|'')*'/g, "''");
    for (const r of inner.matchAll(REFERENCE)) found.push(r[0].replace(/\s+/g, ''));
  }
  return found;
}

/** An environment variable name for the fix: github.event.issue.title → TITLE, inputs.dry-run → DRY_RUN. */
function envName(reference: string): string {
  const last = reference.replace(/\[['"]?([^\]'"]*)['"]?\]/g, '.$1').split('.').filter((p) => p && p !== '*').pop() ?? 'VALUE';
  const name = last.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  return /^[A-Z_]/.test(name) ? name : `V_${name}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared walking

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Ctx {
  file: string;
  doc: Document;
  lines: LineCounter;
  source: string;
  findings: WorkflowFinding[];
}

function lineOf(ctx: Ctx, path: (string | number)[]): number | undefined {
  const at = (node: unknown) => (node as { range?: [number, number, number] } | undefined)?.range?.[0];
  for (let p = path; p.length > 0; p = p.slice(0, -1)) {
    // A mapping entry is reported at its key (a job's name, `permissions:`), which also works when the value is empty.
    const parent = ctx.doc.getIn(p.slice(0, -1), true);
    const last = p[p.length - 1];
    const offset = typeof last === 'string' && isMap(parent)
      ? at(parent.items.find((i) => isScalar(i.key) && i.key.value === last)?.key)
      : at(ctx.doc.getIn(p, true));
    if (offset !== undefined) return ctx.lines.linePos(offset).line;
  }
  return undefined;
}

function add(ctx: Ctx, rule: WorkflowRule, path: (string | number)[], where: string, problem: string, fix: string): void {
  ctx.findings.push({ rule, file: ctx.file, line: lineOf(ctx, path), where, problem, fix });
}

function stepLabel(step: Obj, index: number): string {
  const name = typeof step.name === 'string' ? step.name : typeof step.uses === 'string' ? step.uses.replace(/@.*$/, '') : typeof step.run === 'string' ? step.run.trim().split('\n')[0]!.slice(0, 40) : undefined;
  return `step ${index + 1}${name ? ` "${name}"` : ''}`;
}

function open(file: string, source: string): Ctx & { root?: Obj } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const ctx: Ctx & { root?: Obj } = { file, doc, lines, source, findings: [] };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    ctx.findings.push({ rule: 'yaml', file, line: lines.linePos(e.pos[0]).line, where: 'file', problem: `is not valid YAML: ${e.message.split('\n')[0]}.`, fix: 'correct the YAML syntax (actionlint shows the same error with its column).' });
    return ctx;
  }
  const root = doc.toJS() as unknown;
  if (!isObj(root)) {
    ctx.findings.push({ rule: 'yaml', file, line: 1, where: 'file', problem: 'is not a YAML mapping.', fix: 'start the file with top-level keys (name:, on:, jobs: for a workflow; name:, runs: for an action).' });
    return ctx;
  }
  ctx.root = root;
  return ctx;
}

// ---------------------------------------------------------------------------------------------------------------
// Rules applied to a list of steps (a job's or a composite action's)

function checkSteps(ctx: Ctx, steps: Json | undefined, path: (string | number)[], owner: string, untrustedCheckout: string | undefined): void {
  if (!Array.isArray(steps)) return;
  steps.forEach((step, i) => {
    if (!isObj(step)) return;
    const where = `${owner}, ${stepLabel(step, i)}`;
    const at = [...path, i];
    if (typeof step.run === 'string') checkScript(ctx, step.run, [...at, 'run'], where, '`run:`');
    if (typeof step.uses === 'string') {
      checkPinned(ctx, step.uses, [...at, 'uses'], where);
      const action = step.uses.replace(/@.*$/, '').toLowerCase();
      const w = isObj(step.with) ? step.with : {};
      if (action === 'actions/github-script' && typeof w.script === 'string') checkScript(ctx, w.script, [...at, 'with', 'script'], where, '`with.script` of actions/github-script');
      if (untrustedCheckout && action === 'actions/checkout') checkCheckout(ctx, w, at, where, untrustedCheckout);
    }
    if (untrustedCheckout && typeof step.run === 'string') {
      const fetch = /\bgh\s+pr\s+checkout\b|refs\/pull\/|\bpull\/[^\s/]+\/(?:head|merge)\b/.exec(step.run);
      if (fetch) {
        add(ctx, 'untrusted-checkout', [...at, 'run'], where,
          `fetches pull request code ("${fetch[0]}") in a workflow triggered by ${untrustedCheckout}, which runs with the base repository's token and secrets, so the pull request's author could run code with them.`,
          untrustedCheckoutFix(untrustedCheckout));
      }
    }
  });
}

function checkScript(ctx: Ctx, script: string, path: (string | number)[], where: string, sink: string): void {
  const seen = new Set<string>();
  for (const reference of expressionReferences(script)) {
    const reason = untrustedReason(reference);
    if (!reason || seen.has(reference)) continue;
    seen.add(reference);
    const name = envName(reference);
    const fix = reference.toLowerCase().startsWith('env.')
      ? `use the shell variable "$${reference.slice(4)}" instead; the step's environment already has it.`
      : `pass it through the step's env: (env: ${name}: \${{ ${reference} }}) and use "$${name}" in the script, quoted.`;
    add(ctx, 'untrusted-input', path, where, `${sink} expands \${{ ${reference} }} into the script before it runs, so its text becomes code: ${reason}.`, fix);
  }
}

const SHA = /^[0-9a-f]{40}$/i;
const VERSION_COMMENT = /^[ \t]+#[ \t]*(v?\d+\.\d+\.\d+)\b/;

function checkPinned(ctx: Ctx, uses: string, path: (string | number)[], where: string): void {
  const value = uses.trim();
  if (value.startsWith('./')) return;
  if (value.startsWith('docker://')) {
    if (!/@sha256:[0-9a-f]{64}$/.test(value)) {
      add(ctx, 'pinning', path, where, `uses the image "${value}" by a tag its publisher can move.`, 'pin it by digest: docker://image@sha256:<64 hex digits>, with the tag in a comment.');
    }
    return;
  }
  const at = value.lastIndexOf('@');
  const action = at < 0 ? value : value.slice(0, at);
  const ref = at < 0 ? '' : value.slice(at + 1);
  const example = `uses: ${action}@<the 40-hex commit of the release> # vX.Y.Z`;
  if (!SHA.test(ref)) {
    const what = ref === '' ? 'has no version at all' : /^[0-9a-f]{7,39}$/i.test(ref) ? `is pinned to a short commit "${ref}", which someone can make ambiguous` : `is pinned to "${ref}", a tag or branch its owner can move to other code`;
    add(ctx, 'pinning', path, where, `the third-party action ${action} ${what}.`, `pin the full commit SHA of a release tag with the version in a comment (${example}); Dependabot (.github/dependabot.yml) keeps both up to date.`);
    return;
  }
  const node = ctx.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const rest = node?.range ? ctx.source.slice(node.range[1]).split('\n')[0]! : '';
  if (!VERSION_COMMENT.test(rest)) {
    add(ctx, 'pinning', path, where, `the third-party action ${action} is pinned to ${ref} with no version comment, so a reader can't tell which release it is and Dependabot can't update the comment.`, `add the release after the pin on the same line (${action}@${ref} # vX.Y.Z).`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// pull_request_target and workflow_run

const PR_REF = /github\.event\.pull_request|github\.head_ref|github\.event\.workflow_run|github\.event\.number|refs\/pull\//i;

function untrustedCheckoutFix(trigger: string): string {
  return trigger === 'workflow_run'
    ? "don't check out or run the triggering run's code here; do the build in the pull_request workflow and pass data as an artifact that this workflow only reads, never executes."
    : 'use the pull_request trigger for anything that builds or runs the pull request; keep pull_request_target to reading metadata (labels, comments) with the base branch checked out.';
}

function checkCheckout(ctx: Ctx, w: Obj, at: (string | number)[], where: string, trigger: string): void {
  for (const key of ['ref', 'repository'] as const) {
    const v = w[key];
    if (typeof v === 'string' && PR_REF.test(v)) {
      add(ctx, 'untrusted-checkout', [...at, 'with', key], where,
        `checks out pull request code (${key}: ${v}) in a workflow triggered by ${trigger}, which runs with the base repository's token and secrets, so the pull request's author could run code with them.`,
        untrustedCheckoutFix(trigger));
      return;
    }
  }
  if (w['allow-unsafe-pr-checkout'] === true || w['allow-unsafe-pr-checkout'] === 'true') {
    add(ctx, 'untrusted-checkout', [...at, 'with', 'allow-unsafe-pr-checkout'], where,
      `turns off actions/checkout's own refusal to check out fork code in a workflow triggered by ${trigger}.`,
      `remove allow-unsafe-pr-checkout; ${untrustedCheckoutFix(trigger)}`);
  }
}

function triggers(on: Json | undefined): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string');
  return isObj(on) ? Object.keys(on) : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Permissions

function permissionsProblem(p: Json | undefined): string | undefined {
  if (p === null) return 'is empty (write {} for no scopes at all)';
  if (p === 'write-all' || p === 'read-all') return `is "${p}", which grants every scope`;
  if (p !== undefined && !isObj(p)) return `is ${JSON.stringify(p)}, not a mapping of scopes`;
  return undefined;
}

function checkPermissions(ctx: Ctx, root: Obj, jobs: Obj, allow: Readonly<Record<string, Readonly<Record<string, string>>>>, allowName: string): void {
  const top = root.permissions;
  const listFix = 'list only the scopes the jobs need, e.g. permissions: { contents: read }, or permissions: {} with each job asking for its own.';
  if (!('permissions' in root)) {
    add(ctx, 'permissions', ['permissions'], 'workflow', 'has no top-level permissions:, so its jobs get the repository\'s default token scopes (write to everything, in older repositories).', listFix);
  } else {
    const problem = permissionsProblem(top);
    if (problem) add(ctx, 'permissions', ['permissions'], 'workflow', `permissions: ${problem}.`, listFix);
  }
  const granted = new Map<string, Set<string>>();
  for (const [job, def] of Object.entries(jobs)) {
    if (!isObj(def)) continue;
    const own = 'permissions' in def ? def.permissions : undefined;
    const problem = permissionsProblem(own);
    if (problem) {
      add(ctx, 'permissions', ['jobs', job, 'permissions'], `job "${job}"`, `permissions: ${problem}.`, listFix);
      continue;
    }
    const effective = own !== undefined ? own : top;
    const from = own !== undefined ? `job "${job}"` : 'workflow';
    const path = own !== undefined ? ['jobs', job, 'permissions'] : ['permissions'];
    const writes = new Set<string>();
    if (isObj(effective)) {
      for (const [scope, level] of Object.entries(effective)) {
        if (level !== 'write') continue;
        writes.add(scope);
        if (!allow[job]?.[scope]) {
          add(ctx, 'permissions', [...path, scope], `job "${job}"`,
            `gets ${scope}: write (from the ${from === 'workflow' ? "workflow's top-level permissions" : "job's own permissions"}) without a reason in the write-scope allowlist.`,
            `drop it if the job doesn't need it (a scope the workflow grants but this job doesn't need moves to the jobs that do); if it does, add "${scope}" under "${job}" for ${ctx.file} in ${allowName}, with the reason.`);
        }
      }
    }
    granted.set(job, writes);
  }
  for (const [job, scopes] of Object.entries(allow)) {
    for (const scope of Object.keys(scopes)) {
      if (granted.get(job)?.has(scope)) continue;
      add(ctx, 'permissions', granted.has(job) ? ['jobs', job] : ['jobs'], `job "${job}"`,
        `is allowed ${scope}: write in ${allowName}, but ${granted.has(job) ? 'no longer gets it' : 'no such job exists'}.`,
        `remove the "${scope}" entry under "${job}" for ${ctx.file} from ${allowName}, so the list stays the set of write scopes actually granted.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

export interface WorkflowCheckOptions {
  /** Write scopes per job for this file (allowlist[file]); a missing entry allows none. */
  allowlist?: WriteAllowlist;
  /** Where the allowlist lives, named in messages. */
  allowlistName?: string;
}

/** Checks one workflow file (.github/workflows/*.yml). */
export function checkWorkflow(file: string, source: string, options: WorkflowCheckOptions = {}): WorkflowFinding[] {
  const ctx = open(file, source);
  const root = ctx.root;
  if (!root) return ctx.findings;
  const jobs = isObj(root.jobs) ? root.jobs : {};
  const on = triggers(root.on);
  const untrusted = on.find((t) => t === 'pull_request_target' || t === 'workflow_run');
  checkPermissions(ctx, root, jobs, options.allowlist?.[file] ?? {}, options.allowlistName ?? 'the write-scope allowlist');
  for (const [job, def] of Object.entries(jobs)) {
    if (!isObj(def)) continue;
    // A job that calls a reusable workflow runs third-party code just like a step.
    if (typeof def.uses === 'string') checkPinned(ctx, def.uses, ['jobs', job, 'uses'], `job "${job}"`);
    checkSteps(ctx, def.steps, ['jobs', job, 'steps'], `job "${job}"`, untrusted);
  }
  return ctx.findings;
}

/** Checks an action's metadata (.github/actions/<name>/action.yml): a composite action's steps, a docker image. */
export function checkActionMetadata(file: string, source: string): WorkflowFinding[] {
  const ctx = open(file, source);
  const runs = ctx.root && isObj(ctx.root.runs) ? ctx.root.runs : undefined;
  if (!runs) return ctx.findings;
  if (runs.using === 'composite') checkSteps(ctx, runs.steps, ['runs', 'steps'], 'composite action', undefined);
  if (runs.using === 'docker' && typeof runs.image === 'string' && runs.image.startsWith('docker://')) checkPinned(ctx, runs.image, ['runs', 'image'], 'docker action');
  return ctx.findings;
}
