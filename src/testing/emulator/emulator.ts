import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { actor, type Actor } from './actor.ts';
import { Faults } from './faults.ts';
import { OpenApi } from './openapi.ts';
import { RateLimits } from './ratelimit.ts';
import { Renderer } from './render.ts';
import { mergePull, pullChanges } from './routes/pulls.ts';
import { handle } from './server.ts';
import { BOT_LOGIN, Store } from './state.ts';
import type { Call, CallFilter, EmulatorEvent, EmulatorOptions, EventName, FaultSpec, IssueEventName, IssueEventRecord, LatencyFn, Role, Violation } from './types.ts';
import { buildPayload, type PayloadParts } from './webhooks.ts';

/** What the request pipeline needs from the emulator. */
export interface Core {
  readonly url: string;
  readonly store: Store;
  readonly render: Renderer;
  readonly openapi: OpenApi;
  readonly faults: Faults;
  readonly rate: RateLimits;
  readonly validate: boolean;
  /** Unset unless a test asked for it: then each request waits this long before it is handled. */
  readonly latency: LatencyFn | undefined;
  nextRequestId(): string;
  authenticate(header: string | undefined): { login: string | null; error?: 'missing' | 'invalid' };
  emit(name: EventName, action: string, parts: PayloadParts, actor: string, requestId: string): void;
  violation(v: Violation): void;
  recordCall(c: Call): void;
}

/** Who did something, as in REST objects (`issue.user.login`). */
export interface StateUser {
  login: string;
  type: 'User' | 'Bot' | 'Organization';
}

export interface StateLabel {
  name: string;
  color: string;
  description: string | null;
}

/** One entry of an issue's events, as `GET /issues/{n}/events` would list it, with the actor as a user. */
export type StateIssueEvent = Omit<IssueEventRecord, 'node_id' | 'actor'> & { actor: StateUser };

export interface StateSnapshot {
  issues: Array<{
    number: number;
    title: string;
    body: string | null;
    user: StateUser;
    labels: StateLabel[];
    state: 'open' | 'closed';
    state_reason: string | null;
    locked: boolean;
    created_at: string;
    updated_at: string;
    closed_at: string | null;
    closed_by: StateUser | null;
    comments: Array<{ id: number; user: StateUser; body: string; created_at: string; updated_at: string; via_actions: boolean }>;
    /** The issue's events, oldest first. */
    events: StateIssueEvent[];
  }>;
  labels: StateLabel[];
  /** Pull requests, oldest first. */
  pulls: StatePull[];
  /** Branches and the commit each points at. */
  branches: Array<{ name: string; sha: string }>;
}

export interface StatePull {
  number: number;
  title: string;
  body: string | null;
  user: StateUser;
  /** Branch names. */
  head: string;
  base: string;
  state: 'open' | 'closed';
  merged: boolean;
  created_at: string;
  closed_at: string | null;
  /** Paths the pull request changes (since its head left base). */
  files: string[];
}

/** The token GitHub Actions hands a workflow as GITHUB_TOKEN; its requests act as github-actions[bot]. */
const BOT_TOKEN = 'ghs_EmulatorGitHubActionsInstallationTok';

export class Emulator implements Core {
  url = '';
  readonly botToken = BOT_TOKEN;
  readonly botLogin = BOT_LOGIN;
  readonly store: Store;
  readonly openapi: OpenApi;
  readonly faults = new Faults();
  readonly rate: RateLimits;
  readonly validate: boolean;
  /** Every webhook delivery, in order. */
  readonly events: EmulatorEvent[] = [];
  /** Every HTTP request, in order of completion. */
  readonly calls: Call[] = [];
  /** Every disagreement with the OpenAPI description. A passing test expects none. */
  readonly violations: Violation[] = [];
  private renderer: Renderer | undefined;
  private readonly tokens = new Map<string, string>([[BOT_TOKEN, BOT_LOGIN]]);
  private readonly server: Server;
  private requestSeq = 0;
  private latencyFn: LatencyFn | undefined;

  constructor(opts: EmulatorOptions, openapi: OpenApi) {
    this.store = new Store(opts);
    this.openapi = openapi;
    this.validate = opts.validate ?? true;
    this.latencyFn = opts.latency;
    this.rate = new RateLimits(this.store.now);
    this.server = createServer((req, res) => {
      handle(this, req, res).catch((e: unknown) => {
        res.writeHead(500).end();
        this.violation({ kind: 'response', method: req.method ?? '', path: req.url ?? '', operationId: null, where: 'server', message: String(e), errors: [] });
      });
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.renderer = new Renderer(this.store, this.url);
    return this;
  }

  get render(): Renderer {
    if (!this.renderer) throw new Error('emulator is not listening');
    return this.renderer;
  }

  /** A personal token for `login` (the user is created if the options did not declare it). */
  tokenFor(login: string): string {
    if (login === BOT_LOGIN) return BOT_TOKEN;
    const user = this.store.ensureUser(login);
    const token = `ghp_${Buffer.from(user.login).toString('hex')}`;
    this.tokens.set(token, user.login);
    return token;
  }

  as(login: string): Actor {
    return actor(
      { url: this.url, owner: this.store.owner, repo: this.store.repo, tokenFor: (l) => this.tokenFor(l), eventsFor: (id) => this.events.filter((e) => e.requestId === id) },
      login,
    );
  }

  /** Returns the events so far and forgets them. */
  takeEvents(): EmulatorEvent[] {
    return this.events.splice(0);
  }

  resetCalls(): void {
    this.calls.length = 0;
  }

  countCalls(filter?: CallFilter | ((c: Call) => boolean)): number {
    if (!filter) return this.calls.length;
    if (typeof filter === 'function') return this.calls.filter(filter).length;
    return this.calls.filter(
      (c) =>
        (!filter.method || c.method === filter.method.toUpperCase()) &&
        (filter.route === undefined || (filter.route instanceof RegExp ? filter.route.test(c.path.split('?')[0]!) : c.route === filter.route)) &&
        (filter.status === undefined || c.status === filter.status) &&
        (filter.user === undefined || c.user === filter.user),
    ).length;
  }

  fault(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Holds every following request for `fn(call)` ms before it is handled (undefined: no delay, the default), so
   * concurrent clients' requests interleave differently. Each request still changes the state in one step.
   */
  setLatency(fn: LatencyFn | undefined): void {
    this.latencyFn = fn;
  }

  /** The latency in force (from the `latency` option or `setLatency`). */
  get latency(): LatencyFn | undefined {
    return this.latencyFn;
  }

  /**
   * Issue events oldest first (ids order them across issues): one issue's, or every issue's when `issueNumber`
   * is omitted.
   */
  issueEvents(issueNumber?: number): StateIssueEvent[] {
    const all = issueNumber === undefined ? this.store.issueEvents : this.store.eventsOf(issueNumber);
    return all.map((e) => this.stateEvent(e));
  }

  private stateEvent(e: IssueEventRecord): StateIssueEvent {
    const actor = this.store.ensureUser(e.actor);
    const out: StateIssueEvent = {
      id: e.id,
      issue_number: e.issue_number,
      event: e.event,
      actor: { login: actor.login, type: actor.type },
      created_at: e.created_at,
      via_actions: e.via_actions,
    };
    if (e.label) out.label = { ...e.label };
    if (e.state_reason !== undefined) out.state_reason = e.state_reason;
    if (e.rename) out.rename = { ...e.rename };
    return out;
  }

  /** Changes someone's repository role mid-test (null removes it). */
  setRole(login: string, role: Role | null): void {
    this.store.ensureUser(login);
    if (role) this.store.collaborators.set(login.toLowerCase(), role);
    else this.store.collaborators.delete(login.toLowerCase());
  }

  /** A plain copy of the repository's issues (with their comments and events) and labels, for assertions. */
  get state(): StateSnapshot {
    const s = this.store;
    const who = (login: string): StateUser => ({ login: s.ensureUser(login).login, type: s.ensureUser(login).type });
    const label = (l: { name: string; color: string; description: string | null }): StateLabel => ({ name: l.name, color: l.color, description: l.description });
    return {
      issues: s.issues.map((i) => ({
        number: i.number,
        title: i.title,
        body: i.body,
        user: who(i.user),
        labels: s.issueLabels(i).map(label),
        state: i.state,
        state_reason: i.state_reason,
        locked: i.locked,
        created_at: i.created_at,
        updated_at: i.updated_at,
        closed_at: i.closed_at,
        closed_by: i.closed_by ? who(i.closed_by) : null,
        comments: s.commentsOf(i.number).map((c) => ({
          id: c.id,
          user: who(c.user),
          body: c.body,
          created_at: c.created_at,
          updated_at: c.updated_at,
          via_actions: c.via_actions,
        })),
        events: this.issueEvents(i.number),
      })),
      labels: s.labels.map(label),
      pulls: s.pulls.map((p) => ({
        number: p.number,
        title: p.title,
        body: p.body,
        user: who(p.user),
        head: p.head,
        base: p.base,
        state: p.state,
        merged: p.merged,
        created_at: p.created_at,
        closed_at: p.closed_at,
        files: pullChanges(s, p).files.map((f) => f.path),
      })),
      branches: s.git.branches(),
    };
  }

  /** A file's text on a branch (or at a commit sha); undefined when it is not there. Default: the default branch. */
  file(path: string, ref: string = this.store.git.defaultBranch): string | undefined {
    const commit = this.store.git.resolve(ref);
    const found = commit && this.store.git.at(commit, path);
    return found?.kind === 'file' ? found.text : undefined;
  }

  /** Merges a pull request as `by` would with the merge button (a merge commit); throws on a conflict. */
  mergePull(number: number, by: string = this.store.owner): void {
    mergePull(this.store, number, by);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  // ---- Core, for the request pipeline ----

  nextRequestId(): string {
    const n = (++this.requestSeq).toString(16).toUpperCase().padStart(6, '0');
    return `E0E0:${n}:${n}:${n}:00000000`;
  }

  authenticate(header: string | undefined): { login: string | null; error?: 'missing' | 'invalid' } {
    if (!header) return { login: null, error: 'missing' };
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
    const login = m ? this.tokens.get(m[1]!) : undefined;
    return login ? { login } : { login: null, error: 'invalid' };
  }

  emit(name: EventName, action: string, parts: PayloadParts, by: string, requestId: string): void {
    const payload = buildPayload(this.render, name, action, parts, by) as EmulatorEvent['payload'];
    this.events.push({ name, action, payload, actor: by, viaBotToken: by === BOT_LOGIN, requestId });
  }

  violation(v: Violation): void {
    this.violations.push(v);
  }

  recordCall(c: Call): void {
    this.calls.push(c);
  }
}

export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const openapi = await OpenApi.get();
  return new Emulator(opts, openapi).listen();
}
