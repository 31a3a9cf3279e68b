export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read';
export type UserType = 'User' | 'Bot' | 'Organization';

export interface UserSpec {
  login: string;
  type?: 'User' | 'Bot';
  name?: string;
  /** When the account was created (ISO date-time); default: when the emulator first meets it. */
  createdAt?: string;
}

export interface LabelInit {
  name: string;
  color?: string;
  description?: string | null;
}

export interface EmulatorOptions {
  owner: string;
  repo: string;
  /** Clock for every timestamp the emulator writes (created_at, updated_at, closed_at, rate-limit reset). */
  now?: () => Date;
  /** Validate requests and responses against @octokit/openapi (default true). */
  validate?: boolean;
  users?: UserSpec[];
  collaborators?: Record<string, Role>;
  /** Organisation membership. The repository owner is treated as an organisation when it appears here or in `teams`. */
  orgMembers?: Record<string, { public?: string[]; private?: string[] }>;
  /** `'org/team-slug': [logins]` */
  teams?: Record<string, string[]>;
  labels?: LabelInit[];
  /**
   * Milliseconds to hold each request before it is handled (see `Emulator.setLatency`). The wait comes before
   * the handler, never inside it, so every request still changes the state atomically.
   */
  latency?: LatencyFn;
  /**
   * The default branch's files at the start: path → text, or a directory to read (without `.git` and
   * `node_modules`). Default: no files, one empty initial commit.
   */
  files?: Record<string, string> | string;
  /**
   * Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests" (default true).
   * Off, GITHUB_TOKEN's `POST /pulls` is answered 403 as GitHub does.
   */
  actionsCanCreatePullRequests?: boolean;
}

/** How long to hold a request: `route` is the OpenAPI path template, null when the request matches none. */
export type LatencyFn = (call: { method: string; route: string | null }) => number;

export type EventName = 'issues' | 'issue_comment' | 'label';

type Loose = { [key: string]: unknown };
export type PayloadUser = Loose & { login: string; id: number; type: string };
export type PayloadLabel = Loose & { id: number; name: string; color: string; description: string | null };
export type PayloadIssue = Loose & {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  user: PayloadUser;
  labels: PayloadLabel[];
  author_association: string;
};
export type PayloadComment = Loose & { id: number; body: string; user: PayloadUser; author_association: string };

/** A webhook payload: the fields a handler reads are typed, the rest is whatever GitHub sends. */
export type WebhookPayload = Loose & {
  action: string;
  sender: PayloadUser;
  repository: Loose & { full_name: string; name: string; owner: PayloadUser };
  issue?: PayloadIssue;
  comment?: PayloadComment;
  label?: PayloadLabel;
  changes?: Record<string, { from: unknown }>;
};

/** One webhook delivery GitHub would have made for a mutation. */
export interface EmulatorEvent {
  name: EventName;
  action: string;
  payload: WebhookPayload;
  /** Login of the user whose token made the change. */
  actor: string;
  /** True when the change was made with the built-in GITHUB_TOKEN: on GitHub such events start no workflow run. */
  viaBotToken: boolean;
  /** x-github-request-id of the request that caused it. */
  requestId: string;
}

export interface Call {
  method: string;
  /** Path with query string, as requested. */
  path: string;
  /** OpenAPI path template, or null when the route is unknown. */
  route: string | null;
  operationId: string | null;
  status: number;
  ms: number;
  /** Login the token belongs to (null without a valid token). */
  user: string | null;
  /** True when the response came from an injected fault. */
  fault: boolean;
  requestId: string;
}

export interface CallFilter {
  method?: string;
  route?: string | RegExp;
  status?: number;
  user?: string;
}

export interface FaultSpec {
  method?: string;
  /** OpenAPI path template (exact) or a RegExp tested against the request path. */
  route?: string | RegExp;
  /** Omit to only delay the request (with delayMs) and then handle it normally. */
  status?: 500 | 502 | 503 | 403 | 404 | 422 | 429;
  /** How many matching requests this fault answers (default 1). */
  times?: number;
  /** Seconds, sent as `retry-after`. */
  retryAfter?: number;
  /** A 403 (or 429) that looks like GitHub's secondary rate limit. */
  secondaryRateLimit?: boolean;
  delayMs?: number;
  /** Override the error message. */
  message?: string;
}

export interface Violation {
  kind: 'request' | 'response' | 'route';
  method: string;
  path: string;
  operationId: string | null;
  /** e.g. 'query', 'requestBody', 'response 200'. */
  where: string;
  message: string;
  errors: unknown[];
}

export interface IssueRecord {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  user: string;
  labels: number[];
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  locked: boolean;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  /** Created with GITHUB_TOKEN: carries the GitHub Actions app as performed_via_github_app. */
  via_actions: boolean;
}

/** The issue events the emulator records (those its mutations imply; it keeps no assignees or milestones). */
export type IssueEventName = 'labeled' | 'unlabeled' | 'closed' | 'reopened' | 'renamed';

/** One entry of an issue's events (`GET /issues/{n}/events`). */
export interface IssueEventRecord {
  /** Global sequence: ids order every change across all issues, as on GitHub. */
  id: number;
  node_id: string;
  issue_number: number;
  event: IssueEventName;
  /** Login of the user whose token made the change. */
  actor: string;
  created_at: string;
  /** Made with GITHUB_TOKEN: carries the GitHub Actions app as performed_via_github_app. */
  via_actions: boolean;
  /** labeled / unlabeled: the label as it was when the event happened. */
  label?: { name: string; color: string };
  /** closed / reopened. */
  state_reason?: string | null;
  /** renamed. */
  rename?: { from: string; to: string };
}

export interface CommentRecord {
  id: number;
  node_id: string;
  issue_number: number;
  user: string;
  body: string;
  created_at: string;
  updated_at: string;
  via_actions: boolean;
}

export interface PullRecord {
  id: number;
  node_id: string;
  /** From the same sequence as issue numbers, as on GitHub. */
  number: number;
  title: string;
  body: string | null;
  user: string;
  /** Branch names in this repository. */
  head: string;
  base: string;
  /** Head and base commits when the pull request was opened; while open, the branches' current commits are shown. */
  head_sha: string;
  base_sha: string;
  state: 'open' | 'closed';
  draft: boolean;
  maintainer_can_modify: boolean;
  merged: boolean;
  merged_at: string | null;
  merged_by: string | null;
  merge_commit_sha: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  via_actions: boolean;
}

export interface LabelRecord {
  id: number;
  node_id: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface UserRecord {
  login: string;
  id: number;
  node_id: string;
  type: UserType;
  name: string | null;
  created_at: string;
}
