import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Octokit } from 'octokit';
import { loadContent } from '../files/content.ts';
import { createClient, type GitHub } from '../github/client.ts';
import { dispatch } from '../bot/dispatch.ts';
import { ReportedFailure, type RunContext } from '../bot/context.ts';
import { startEmulator, BOT_LOGIN, type Emulator, type EmulatorEvent, type StateSnapshot } from './emulator/index.ts';
import type { EmulatorOptions } from './emulator/types.ts';
import { readMarker } from '../core/decision.ts';
import { brokenInvariants } from './races.ts';
import { requestBody, type RequestFields } from './request-body.ts';
import type { Program } from '../core/program.ts';
import type { Profile } from '../core/profile.ts';

/**
 * API faults, every combination (issue 9): each scenario is one bot run on one event. It is run once whole, counting
 * its API calls; then, for every call i of that run and every way a call can go wrong, the same scenario is set up
 * again on a fresh emulator and run with call i
 *   - `killed`: the run stops dead when it is about to make call i (the runner is cancelled or dies: call i-1 was
 *     the last GitHub saw, and nothing after it runs, not even a catch),
 *   - `failed`: call i and both of its retries are answered 500 (GitHub down), so the run ends in an error,
 *   - `lost`: call i is carried out but its answer is lost, a 502 instead (GitHub's edge timing out after the
 *     change was made), and the retry plugin repeats it.
 * Then the next run happens: the same event delivered again to a healthy GitHub, as Actions' "Re-run failed jobs"
 * does it, and the day's sweep. After it, the repository must be exactly what the uninterrupted run and the same
 * sweep left (no duplicate comment, issue, branch or pull request; the same labels, bodies, states and files), the
 * invariants of races.ts must hold, and every request must have matched GitHub's OpenAPI description. The clean run,
 * delivered a second time, must change nothing.
 */

export const FAULT_KINDS = ['killed', 'failed', 'lost'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const MAINTAINER = 'program-chair';
export const MODERATOR = 'conduct-lead';

/** What a scenario's setup works with: the emulator, the bot run healthy, and the scenario's clock. */
export interface Stage {
  gh: Emulator;
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  /** Run the bot on an event in this process, with a healthy client, at the stage's clock. */
  bot(event: Delivery): Promise<void>;
  /** The request form's body with these fields (the first term by default). */
  body(fields: RequestFields): string;
  /** File a request from the request form and run intake on it; its number. */
  request(mentee: string, fields: RequestFields): Promise<number>;
  /** A person comments on #n and the bot runs on it. */
  say(login: string, n: number, text: string): Promise<void>;
  /** Move the clock to a date (05:23 UTC, the sweep's time). */
  at(date: string): void;
  readonly now: Date;
}

export interface Scenario {
  name: string;
  /** Emulator options beyond the repository and the maintainer. */
  emulator?: Partial<EmulatorOptions>;
  /** The program as this scenario runs it (default: the repository's program.yml). */
  program?: (p: Program) => Program;
  task?: RunContext['task'];
  /** A second client for the private reports repository, acting as the moderator (program.yml safety.report). */
  reports?: boolean;
  /**
   * The checkout the workflow runs in, when it is not the repository's own: path → text. The default branch holds
   * the same files (the pull requests of the profiles workflow start from them); program.yml and the profiles are
   * read from it.
   */
  checkout?: Record<string, string>;
  /** The first day of the scenario (default 2027-01-04). */
  start?: string;
  /** Brings the repository to where the event happens, and returns the event (not yet delivered). */
  setup(s: Stage): Promise<Delivery>;
}

/** An event as the workflow receives it. */
export interface Delivery {
  name: string;
  payload: unknown;
}

export interface World {
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  workspace: string;
  agreement: readonly string[];
  /** The client of the run under test (default: the bot's, createClient); the harness's own test swaps in others. */
  client?: typeof createClient;
}

/** One way one run went: how it ended and what broke, in words. */
export interface CaseResult {
  scenario: string;
  fault: FaultKind | 'none';
  /** The 1-based call the fault hit, and that call (`METHOD /path`). */
  at: number;
  call?: string;
  /** How the faulty run ended. */
  ended: 'finished' | 'failed' | 'killed';
  broken: string[];
}

interface Switch {
  fetch: typeof globalThis.fetch;
  /** Settles when the run is stopped dead. */
  killed: Promise<'killed'>;
  /** `METHOD /path` of each call made, in order. */
  seen: string[];
}

/** A fetch that counts calls and applies one fault at call `at` (1-based); none when `kind` is undefined. */
function faultyFetch(kind: FaultKind | undefined, at: number): Switch {
  const seen: string[] = [];
  let stop!: (v: 'killed') => void;
  const killed = new Promise<'killed'>((r) => (stop = r));
  let failing: string | undefined;
  let failures = 0;
  const answer = (status: number) =>
    new Response(JSON.stringify({ message: 'Server Error', documentation_url: 'https://docs.github.com/rest', status: String(status) }), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
  const f: typeof globalThis.fetch = async (input, init) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    seen.push(key.replace(/^(\S+) https?:\/\/[^/]+/, '$1 '));
    const calls = seen.length;
    if (kind === 'killed' && calls >= at) {
      stop('killed');
      // The run is gone: this call and every later one never reach GitHub. The abandoned code is then let fail
      // (in this process it would otherwise hold a slot of the throttling plugin's shared scheduler for ever).
      return new Promise<Response>((_, fail) => setImmediate(() => fail(new TypeError('fetch failed: the run was killed'))));
    }
    if (kind === 'failed' && (calls === at || (failing === key && failures < 3))) {
      failing = key;
      failures++;
      return answer(500);
    }
    const response = await fetch(input, init);
    if (kind === 'lost' && calls === at) {
      await response.arrayBuffer();
      return answer(502);
    }
    return response;
  };
  return { fetch: f, killed, seen };
}

const START = '2027-01-04';

export interface PreparedScenario {
  gh: Emulator;
  event: Delivery;
  stage: Stage;
  run(sw?: Switch): Promise<'finished' | 'failed' | 'killed'>;
  /** The daily sweep at the scenario's clock, run healthy. */
  sweep(): Promise<void>;
  /** What the bot logged, setup excluded. */
  trace: string[];
  close(): Promise<void>;
}

/** A fresh emulator with the scenario's state before its event. */
async function prepare(w: World, sc: Scenario): Promise<PreparedScenario> {
  const program = sc.program ? sc.program(w.program) : w.program;
  const [owner, repo] = program.repository.split('/') as [string, string];
  let t = Date.parse(`${sc.start ?? START}T09:00:00Z`);
  const gh = await startEmulator({
    owner,
    repo,
    now: () => new Date(t),
    collaborators: { [MAINTAINER]: 'admin', [MODERATOR]: 'maintain' },
    labels: [{ name: 'request', color: '0052cc', description: 'A mentorship request' }],
    ...sc.emulator,
  });
  const trace: string[] = [];
  const context = (sw?: Switch): RunContext => {
    // The run under test gets the bot's own client (retries, throttling, the look-up before a create is repeated).
    // A healthy run, in a setup or the repair, gets a plain one: its plugins' schedulers cost 10-15 ms a call in idle
    // waits, and without faults they do nothing.
    const client = (token: string): GitHub =>
      sw
        ? (w.client ?? createClient)({ token, baseUrl: gh.url, writePacingMs: 0, retryDelayMs: 0, log: () => {}, fetch: sw.fetch })
        : new Octokit({ auth: token, baseUrl: gh.url, throttle: { enabled: false }, retry: { enabled: false }, log: { debug() {}, info() {}, warn() {}, error() {} } });
    return {
      gh: client(gh.botToken),
      repo: { owner, repo },
      program,
      mentors: w.mentors,
      workspace: w.workspace,
      agreement: w.agreement,
      dryRun: false,
      botLogin: BOT_LOGIN,
      now: new Date(t),
      task: sc.task ?? 'requests',
      log: (l) => trace.push(l),
      ...(sc.reports ? { reports: client(gh.tokenFor(MODERATOR)) } : {}),
    };
  };
  const run = async (sw?: Switch): Promise<'finished' | 'failed' | 'killed'> => {
    const going = dispatch(context(sw), event.name, structuredClone(event.payload) as Record<string, unknown>).then(
      () => 'finished' as const,
      (err: unknown) => {
        // A run that ends on GitHub's error is what main reports on an ::error:: line; anything else is a crash.
        if (err instanceof ReportedFailure || typeof (err as { status?: unknown }).status === 'number') return 'failed' as const;
        throw err;
      },
    );
    return sw ? Promise.race([going, sw.killed]) : going;
  };
  const stage: Stage = {
    gh,
    program,
    mentors: w.mentors,
    bot: async (e) => {
      const r = await dispatch(context(), e.name, structuredClone(e.payload) as Record<string, unknown>).then(
        () => undefined,
        (err: unknown) => err,
      );
      if (r) throw new Error(`setup: the bot failed on ${e.name}: ${(r as Error).message}`);
    },
    body: (fields) => requestBody(program, { term: program.terms[0]!, ...fields }),
    request: async (mentee, fields) => {
      const opened = await gh.as(mentee).openIssue({ title: 'Mentorship request', body: stage.body(fields), labels: ['request'] });
      await stage.bot(opened);
      return (opened.payload.issue as { number: number }).number;
    },
    say: async (login, n, text) => stage.bot(await gh.as(login).comment(n, text)),
    at: (date) => {
      t = Date.parse(`${date}T05:23:00Z`);
    },
    get now() {
      return new Date(t);
    },
  };
  const event = await sc.setup(stage);
  gh.takeEvents();
  trace.length = 0;
  const sweep = async () => {
    // The sweep belongs to the request workflow; the profiles workflow has its own (freshness), run the same way.
    await dispatch(context(), 'schedule', { schedule: '23 5 * * *' });
  };
  return { gh, event, stage, run, sweep, trace, close: () => gh.close() };
}

/** The repository as people see it, without ids and timestamps: what a repaired run must reproduce exactly. */
export function observable(s: StateSnapshot, files: (branch: string) => Record<string, string | undefined>) {
  return {
    issues: s.issues.map((i) => ({
      number: i.number,
      title: i.title,
      by: i.user.login,
      state: i.state,
      reason: i.state_reason,
      locked: i.locked,
      labels: i.labels.map((l) => l.name).sort(),
      body: i.body,
      comments: i.comments.map((c) => ({ by: c.user.login, body: c.body })),
    })),
    labels: s.labels.map((l) => ({ name: l.name, color: l.color, description: l.description })).sort((a, b) => a.name.localeCompare(b.name)),
    pulls: s.pulls.map((p) => ({ number: p.number, title: p.title, body: p.body, head: p.head, base: p.base, state: p.state, files: [...p.files].sort() })),
    branches: s.branches.map((b) => ({ name: b.name, files: files(b.name) })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

type Observable = ReturnType<typeof observable>;

/** Every path a pull request of the state touches, read on each branch: the files a scenario can change. */
function filesOf(gh: Emulator, s: StateSnapshot) {
  const paths = [...new Set(s.pulls.flatMap((p) => p.files))].sort();
  return (branch: string) => Object.fromEntries(paths.map((p) => [p, gh.file(p, branch)]));
}

function look(gh: Emulator): Observable {
  const s = gh.state;
  return observable(s, filesOf(gh, s));
}

/** Differences between two observable states, in words (the first few). */
export function differences(want: unknown, got: unknown, path = ''): string[] {
  if (JSON.stringify(want) === JSON.stringify(got)) return [];
  if (Array.isArray(want) && Array.isArray(got)) {
    const out: string[] = [];
    if (want.length !== got.length) out.push(`${path || 'state'}: ${want.length} expected, ${got.length} found`);
    for (let i = 0; i < Math.min(want.length, got.length); i++) out.push(...differences(want[i], got[i], `${path}[${i}]`));
    return out.slice(0, 5);
  }
  if (want && got && typeof want === 'object' && typeof got === 'object') {
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    return [...keys].flatMap((k) => differences((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${path}.${k}`)).slice(0, 5);
  }
  if (typeof want === 'string' && typeof got === 'string') {
    // Long bodies: show where they part.
    let i = 0;
    while (i < want.length && want[i] === got[i]) i++;
    const from = Math.max(0, i - 60);
    return [`${path}: from character ${i}, expected ${JSON.stringify(want.slice(from, i + 100))}, found ${JSON.stringify(got.slice(from, i + 100))}`];
  }
  return [`${path}: expected ${JSON.stringify(want)?.slice(0, 160)}, found ${JSON.stringify(got)?.slice(0, 160)}`];
}

/** Bot comments whose marker appears twice on one issue. */
function duplicates(s: StateSnapshot): string[] {
  const out: string[] = [];
  for (const i of s.issues) {
    const seen = new Set<string>();
    for (const c of i.comments) {
      if (c.user.login !== BOT_LOGIN) continue;
      const m = readMarker(c.body);
      const key = m ? `${m.kind}:${m.key}` : '(no marker)';
      if (seen.has(key)) out.push(`#${i.number}: the bot's ${key} comment is there twice`);
      seen.add(key);
    }
  }
  return out;
}

export interface ScenarioReport {
  scenario: string;
  /** API calls of the uninterrupted run. */
  calls: number;
  cases: CaseResult[];
}

/**
 * The whole matrix of one scenario: the clean run, then every call × every fault kind. `kinds` narrows the kinds
 * (the bench runs all three; so does `npm test`). "The next run" is the same event delivered again and then the
 * day's sweep, the two ways main's error message promises the work gets finished; the clean run is followed by the
 * same sweep, so both end the same way when nothing went wrong.
 */
export async function runScenario(repoWorld: World, sc: Scenario, kinds: readonly FaultKind[] = FAULT_KINDS): Promise<ScenarioReport> {
  const dir = sc.checkout && mkdtempSync(join(tmpdir(), 'mentorkit-faults-'));
  try {
    const w = dir ? checkoutWorld(repoWorld, dir, sc.checkout!) : repoWorld;
    return await matrix(w, dir ? { ...sc, emulator: { files: dir, ...sc.emulator } } : sc, kinds);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** A checkout written to `dir`, and the program and profiles read from it. */
function checkoutWorld(w: World, dir: string, files: Record<string, string>): World {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const content = loadContent(dir);
  if (!content.program) throw new Error(`the scenario's program.yml is invalid: ${content.diagnostics.map((d) => d.message).join('; ')}`);
  return { ...w, workspace: dir, program: content.program, mentors: new Map(content.mentors.map((m) => [m.github.toLowerCase(), m])) };
}

async function matrix(w: World, sc: Scenario, kinds: readonly FaultKind[]): Promise<ScenarioReport> {
  const clean = await prepare(w, sc);
  let want: Observable;
  let calls: string[];
  const baseline: string[] = [];
  let before: Set<string>;
  try {
    before = new Set(checks(clean, w));
    const sw = faultyFetch(undefined, 0);
    const ended = await clean.run(sw);
    if (ended !== 'finished') baseline.push(`the uninterrupted run ${ended}: ${clean.trace.slice(-3).join(' / ')}`);
    calls = sw.seen;
    baseline.push(...checks(clean, w).filter((b) => !before.has(b)));
    await clean.sweep();
    want = look(clean.gh);
    // Delivered again after a complete run, the event changes nothing.
    await clean.run();
    baseline.push(...differences(want, look(clean.gh), 'after a second delivery').map((d) => `a second delivery of the event changed the state: ${d}`));
  } finally {
    await clean.close();
  }
  const cases: CaseResult[] = [{ scenario: sc.name, fault: 'none', at: 0, ended: 'finished', broken: baseline }];
  for (let at = 1; at <= calls.length; at++) {
    for (const kind of kinds) {
      const p = await prepare(w, sc);
      try {
        let ended: CaseResult['ended'];
        const broken: string[] = [];
        try {
          ended = await p.run(faultyFetch(kind, at));
        } catch (err) {
          ended = 'failed';
          broken.push(`the run with the fault crashed: ${(err as Error).stack ?? String(err)}`);
        }
        // What the interrupted run left keeps the invariants the repository kept before the event (a person's
        // label may break one until the bot runs: that is the run's to settle, not the fault's).
        broken.push(...checks(p, w).filter((b) => !before.has(b)).map((b) => `after the interrupted run: ${b}`));
        try {
          const again = await p.run();
          if (again !== 'finished') broken.push(`the re-run ${again}: ${p.trace.slice(-3).join(' / ')}`);
          await p.sweep();
        } catch (err) {
          broken.push(`the next run crashed: ${(err as Error).stack ?? String(err)}`);
        }
        broken.push(...differences(want, look(p.gh), 'state').map((d) => `the next run did not repair: ${d}`));
        if (broken.length && process.env.MENTORKIT_FAULTS_TRACE) broken.push(`bot log: ${p.trace.join(' / ')}`);
        broken.push(...checks(p, w).filter((b) => !before.has(b)));
        cases.push({ scenario: sc.name, fault: kind, at, call: calls[at - 1]!, ended, broken });
      } finally {
        await p.close();
      }
    }
  }
  return { scenario: sc.name, calls: calls.length, cases };
}

function checks(p: PreparedScenario, w: World): string[] {
  const s = p.gh.state;
  return [
    ...duplicates(s),
    // A partnership the run completes or ends was announced as accepted, truly, when it was.
    ...brokenInvariants(s, p.stage.program, w.mentors).filter((b) => !/announced as accepted but is closed with status:(completed|ended)$/.test(b)),
    ...p.gh.violations.map((v) => `OpenAPI violation: ${v.method} ${v.path} ${v.where}: ${v.message}`.slice(0, 300)),
  ];
}
