// The repository as data. Nothing here knows about HTTP; handlers translate requests into these calls and
// decide what GitHub would refuse.
import { GitRepo, readTree } from './git.ts';
import type { CommentRecord, EmulatorOptions, IssueEventName, IssueEventRecord, IssueRecord, LabelRecord, PullRecord, Role, UserRecord } from './types.ts';

export const BOT_LOGIN = 'github-actions[bot]';
export const BOT_ID = 41898282;
/** GitHub's colour for a label created implicitly by adding it to an issue. */
export const DEFAULT_LABEL_COLOR = 'ededed';

/** Legacy node-id type of each issue event, as GitHub named them before the `LE_…` ids. */
const EVENT_NODE_TYPE: Record<IssueEventName, string> = {
  labeled: 'LabeledEvent',
  unlabeled: 'UnlabeledEvent',
  closed: 'ClosedEvent',
  reopened: 'ReopenedEvent',
  renamed: 'RenamedTitleEvent',
};

const RANK: Record<Role, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Legacy-style global node id: base64 of "<kind-prefix>:<Type><id>", as GitHub used for years. */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}

interface Org {
  public: Set<string>;
  private: Set<string>;
}

export class Store {
  readonly owner: string;
  readonly repo: string;
  readonly repoId = 500_000_001;
  readonly now: () => Date;
  readonly users = new Map<string, UserRecord>();
  readonly labels: LabelRecord[] = [];
  readonly issues: IssueRecord[] = [];
  readonly comments: CommentRecord[] = [];
  /** The same comments by issue number, so rendering an issue (its comment count) does not scan them all. */
  private readonly commentsByIssue = new Map<number, CommentRecord[]>();
  /** Every issue's events, oldest first (ids increase across issues). */
  readonly issueEvents: IssueEventRecord[] = [];
  readonly collaborators = new Map<string, Role>();
  readonly orgs = new Map<string, Org>();
  readonly teams = new Map<string, { id: number; members: Set<string> }>();
  /** The repository's files: commits and branches (`git.ts`). */
  readonly git: GitRepo;
  readonly pulls: PullRecord[] = [];
  /** Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests". */
  readonly actionsCanCreatePullRequests: boolean;
  /** Deterministic id sequences, one per kind, far apart so a number reveals what it is. */
  private seq = { user: 1000, label: 2_000_000, issue: 3_000_000, comment: 4_000_000, team: 5_000, event: 6_000_000, pull: 7_000_000 };
  readonly createdAt: string;

  constructor(opts: EmulatorOptions) {
    this.owner = opts.owner;
    this.repo = opts.repo;
    this.now = opts.now ?? (() => new Date());
    this.createdAt = this.timestamp();
    for (const [org, m] of Object.entries(opts.orgMembers ?? {})) {
      this.orgs.set(org.toLowerCase(), {
        public: new Set((m.public ?? []).map((l) => l.toLowerCase())),
        private: new Set((m.private ?? []).map((l) => l.toLowerCase())),
      });
    }
    for (const [key, members] of Object.entries(opts.teams ?? {})) {
      const org = key.split('/')[0]!.toLowerCase();
      if (!this.orgs.has(org)) this.orgs.set(org, { public: new Set(), private: new Set() });
      this.teams.set(key.toLowerCase(), { id: ++this.seq.team, members: new Set(members.map((l) => l.toLowerCase())) });
    }
    this.addUser(this.owner, this.orgs.has(this.owner.toLowerCase()) ? 'Organization' : 'User');
    for (const org of this.orgs.keys()) if (!this.user(org)) this.addUser(org, 'Organization');
    this.users.set(BOT_LOGIN, {
      login: BOT_LOGIN,
      id: BOT_ID,
      node_id: 'MDM6Qm90NDE4OTgyODI=',
      type: 'Bot',
      name: null,
      created_at: '2019-07-05T23:16:31Z',
    });
    for (const u of opts.users ?? []) {
      const rec = this.addUser(u.login, u.type ?? 'User', u.name);
      if (u.createdAt) rec.created_at = isoSeconds(new Date(u.createdAt));
    }
    for (const [login, role] of Object.entries(opts.collaborators ?? {})) {
      this.ensureUser(login);
      this.collaborators.set(login.toLowerCase(), role);
    }
    for (const org of this.orgs.values()) for (const l of [...org.public, ...org.private]) this.ensureUser(l);
    for (const t of this.teams.values()) for (const l of t.members) this.ensureUser(l);
    for (const l of opts.labels ?? []) this.createLabel(l.name, l.color ?? DEFAULT_LABEL_COLOR, l.description ?? null);
    this.git = new GitRepo(typeof opts.files === 'string' ? readTree(opts.files) : (opts.files ?? {}), this.owner, this.createdAt);
    this.actionsCanCreatePullRequests = opts.actionsCanCreatePullRequests ?? true;
  }

  /** Issues and pull requests share one number sequence, as on GitHub. */
  nextNumber(): number {
    return this.issues.length + this.pulls.length + 1;
  }

  pull(number: number): PullRecord | undefined {
    return this.pulls.find((p) => p.number === number);
  }

  createPull(user: string, p: Pick<PullRecord, 'title' | 'body' | 'head' | 'base' | 'head_sha' | 'base_sha' | 'draft' | 'maintainer_can_modify'>, viaActions: boolean): PullRecord {
    const id = ++this.seq.pull;
    const ts = this.timestamp();
    const rec: PullRecord = {
      id,
      node_id: nodeId('PullRequest', id),
      number: this.nextNumber(),
      user,
      ...p,
      state: 'open',
      merged: false,
      merged_at: null,
      merged_by: null,
      merge_commit_sha: null,
      created_at: ts,
      updated_at: ts,
      closed_at: null,
      via_actions: viaActions,
    };
    this.pulls.push(rec);
    return rec;
  }

  timestamp(): string {
    return isoSeconds(this.now());
  }

  user(login: string): UserRecord | undefined {
    return this.users.get(login.toLowerCase()) ?? (login === BOT_LOGIN ? this.users.get(BOT_LOGIN) : undefined);
  }

  ensureUser(login: string): UserRecord {
    return this.user(login) ?? this.addUser(login, 'User');
  }

  private addUser(login: string, type: UserRecord['type'], name?: string): UserRecord {
    const existing = this.user(login);
    if (existing) {
      if (name !== undefined) existing.name = name;
      return existing;
    }
    const id = ++this.seq.user;
    const rec: UserRecord = {
      login,
      id,
      node_id: nodeId(type === 'Organization' ? 'Organization' : type === 'Bot' ? 'Bot' : 'User', id),
      type,
      name: name ?? null,
      created_at: this.timestamp(),
    };
    this.users.set(login.toLowerCase(), rec);
    return rec;
  }

  get ownerIsOrg(): boolean {
    return this.user(this.owner)?.type === 'Organization';
  }

  /** Effective repository role; null means "no explicit access" (everyone can read a public repository). */
  role(login: string): Role | null {
    if (login === BOT_LOGIN) return 'write'; // GITHUB_TOKEN with `issues: write`
    if (!this.ownerIsOrg && login.toLowerCase() === this.owner.toLowerCase()) return 'admin';
    return this.collaborators.get(login.toLowerCase()) ?? null;
  }

  atLeast(login: string, role: Role): boolean {
    const r = this.role(login);
    return r !== null && RANK[r] >= RANK[role];
  }

  orgMembership(org: string, login: string): 'public' | 'private' | null {
    const o = this.orgs.get(org.toLowerCase());
    if (!o) return null;
    const l = login.toLowerCase();
    return o.public.has(l) ? 'public' : o.private.has(l) ? 'private' : null;
  }

  /**
   * author_association as GitHub computes it for a given viewer. Private org membership shows as MEMBER only to
   * viewers who are members themselves, which is why Actions events (and GITHUB_TOKEN reads) often say NONE
   * or COLLABORATOR for people who are in fact members.
   */
  association(login: string, viewer: string | null): string {
    if (login === BOT_LOGIN) return 'NONE';
    if (login.toLowerCase() === this.owner.toLowerCase()) return 'OWNER';
    if (this.ownerIsOrg) {
      const m = this.orgMembership(this.owner, login);
      if (m === 'public' || (m === 'private' && viewer && viewer !== BOT_LOGIN && this.orgMembership(this.owner, viewer))) {
        return 'MEMBER';
      }
    }
    if (this.collaborators.has(login.toLowerCase())) return 'COLLABORATOR';
    return 'NONE';
  }

  findLabel(name: string): LabelRecord | undefined {
    const n = name.toLowerCase();
    return this.labels.find((l) => l.name.toLowerCase() === n);
  }

  labelById(id: number): LabelRecord {
    const l = this.labels.find((x) => x.id === id);
    if (!l) throw new Error(`label ${id} vanished`);
    return l;
  }

  createLabel(name: string, color: string, description: string | null): LabelRecord {
    const id = ++this.seq.label;
    const rec: LabelRecord = { id, node_id: nodeId('Label', id), name, color: color.toLowerCase(), description, default: false };
    this.labels.push(rec);
    this.labels.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return rec;
  }

  deleteLabel(rec: LabelRecord): void {
    this.labels.splice(this.labels.indexOf(rec), 1);
    // GitHub removes a deleted label from every issue carrying it.
    for (const issue of this.issues) issue.labels = issue.labels.filter((id) => id !== rec.id);
  }

  issue(number: number): IssueRecord | undefined {
    return this.issues.find((i) => i.number === number);
  }

  createIssue(user: string, title: string, body: string | null, viaActions: boolean): IssueRecord {
    const id = ++this.seq.issue;
    const ts = this.timestamp();
    const rec: IssueRecord = {
      id,
      node_id: nodeId('Issue', id),
      number: this.nextNumber(),
      title,
      body,
      user,
      labels: [],
      state: 'open',
      state_reason: null,
      locked: false,
      created_at: ts,
      updated_at: ts,
      closed_at: null,
      closed_by: null,
      via_actions: viaActions,
    };
    this.issues.push(rec);
    return rec;
  }

  /** Issue labels in GitHub's order (by name). */
  issueLabels(issue: IssueRecord): LabelRecord[] {
    return this.labels.filter((l) => issue.labels.includes(l.id));
  }

  comment(id: number): CommentRecord | undefined {
    return this.comments.find((c) => c.id === id);
  }

  commentsOf(number: number): CommentRecord[] {
    return [...(this.commentsByIssue.get(number) ?? [])];
  }

  createComment(issue: IssueRecord, user: string, body: string, viaActions: boolean): CommentRecord {
    const id = ++this.seq.comment;
    const ts = this.timestamp();
    const rec: CommentRecord = {
      id,
      node_id: nodeId('IssueComment', id),
      issue_number: issue.number,
      user,
      body,
      created_at: ts,
      updated_at: ts,
      via_actions: viaActions,
    };
    this.comments.push(rec);
    this.commentsByIssue.set(issue.number, [...(this.commentsByIssue.get(issue.number) ?? []), rec]);
    issue.updated_at = ts; // a new comment bumps the issue's updated_at, which `since` filters rely on
    return rec;
  }

  deleteComment(rec: CommentRecord): void {
    this.comments.splice(this.comments.indexOf(rec), 1);
    this.commentsByIssue.set(rec.issue_number, (this.commentsByIssue.get(rec.issue_number) ?? []).filter((c) => c !== rec));
  }

  eventsOf(number: number): IssueEventRecord[] {
    return this.issueEvents.filter((e) => e.issue_number === number);
  }

  /** Appends to the issue's events; `detail` carries the event's own field (label, state_reason or rename). */
  recordIssueEvent(
    issue: IssueRecord,
    event: IssueEventName,
    actor: string,
    viaActions: boolean,
    detail: Pick<IssueEventRecord, 'label' | 'state_reason' | 'rename'> = {},
  ): IssueEventRecord {
    const id = ++this.seq.event;
    const rec: IssueEventRecord = {
      id,
      node_id: nodeId(EVENT_NODE_TYPE[event], id),
      issue_number: issue.number,
      event,
      actor,
      created_at: this.timestamp(),
      via_actions: viaActions,
      ...detail,
    };
    this.issueEvents.push(rec);
    return rec;
  }

  team(org: string, slug: string): { id: number; members: Set<string> } | undefined {
    return this.teams.get(`${org}/${slug}`.toLowerCase());
  }
}
