// Seeding: put issues, comments and label events straight into the store, as if they had been there all along.
// Creating thousands of issues through HTTP (one request, one validation and one webhook each) takes minutes;
// seeding 10,000 takes well under a second. What is seeded is read back through the ordinary routes, so every
// response about it is still checked against the OpenAPI description.
import type { Emulator } from './emulator.ts';
import { BOT_LOGIN, DEFAULT_LABEL_COLOR, isoSeconds } from './state.ts';
import type { IssueRecord } from './types.ts';

/** A label on a seeded issue, with who put it on and when (its `labeled` event). */
export interface SeedLabel {
  name: string;
  /** Who applied it. Default: the issue's author. */
  by?: string;
  /** When. Default: the issue's creation. */
  at?: string;
}

export interface SeedComment {
  author: string;
  /**
   * The text, or a function of the issue's number and the ids of all the comments seeded on it, in order (a
   * comment that names another one, before or after it, by id).
   */
  body: string | ((issue: { number: number; ids: number[] }) => string);
  /** ISO date-time; the issue's `updated_at` follows the newest comment, as a new comment bumps it on GitHub. */
  createdAt: string;
  updatedAt?: string;
}

export interface SeedIssue {
  author: string;
  title: string;
  body: string | null;
  /** ISO date-time (seconds are kept, milliseconds dropped as GitHub does). */
  createdAt: string;
  /** Default: the newest of createdAt, the comments and closedAt. */
  updatedAt?: string;
  labels?: Array<string | SeedLabel>;
  comments?: SeedComment[];
  /** Default open. A closed issue needs closedAt; its closer defaults to the author and its reason to completed. */
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'duplicate';
  closedAt?: string;
  closedBy?: string;
}

const seconds = (iso: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`seedIssues: "${iso}" is not a date-time`);
  return isoSeconds(new Date(t));
};
const latest = (...ts: string[]) => ts.reduce((a, b) => (b > a ? b : a));

/**
 * Adds issues to the emulator's repository without HTTP, and returns their numbers in order. Numbers continue
 * the repository's sequence; users are created as needed; a label the repository lacks is created grey
 * (`ededed`), as GitHub creates a label applied by name (pass `labels` to startEmulator for real colours).
 * Each label gets its `labeled` event and a closed issue its `closed` event, made by whoever the spec names
 * (the GitHub Actions app when that is github-actions[bot], which also marks comments and issues it wrote).
 * No webhooks are produced and no calls are counted: seeding is the state before the test begins. Timestamps
 * are taken as given, so they may lie before the emulator's `now`.
 *
 *   const [n] = seedIssues(gh, [{ author: 'mia', title: 'Help', body: '…', createdAt: '2027-01-04T09:00:00Z',
 *     labels: ['request', { name: 'status:pending', by: 'github-actions[bot]' }],
 *     comments: [{ author: 'github-actions[bot]', body: ({ number }) => `Welcome to #${number}`, createdAt: … }] }]);
 */
export function seedIssues(gh: Emulator, issues: readonly SeedIssue[]): number[] {
  const store = gh.store;
  const numbers: number[] = [];
  for (const spec of issues) {
    const created = seconds(spec.createdAt);
    store.ensureUser(spec.author);
    const issue: IssueRecord = store.createIssue(spec.author, spec.title, spec.body, spec.author === BOT_LOGIN);
    issue.created_at = created;
    let updated = created;

    for (const l of spec.labels ?? []) {
      const { name, by = spec.author, at = created } = typeof l === 'string' ? { name: l } : l;
      const label = store.findLabel(name) ?? store.createLabel(name, DEFAULT_LABEL_COLOR, null);
      if (issue.labels.includes(label.id)) continue;
      issue.labels.push(label.id);
      store.ensureUser(by);
      const e = store.recordIssueEvent(issue, 'labeled', by, by === BOT_LOGIN, { label: { name: label.name, color: label.color } });
      e.created_at = seconds(at);
    }

    const comments = (spec.comments ?? []).map((c) => {
      store.ensureUser(c.author);
      const rec = store.createComment(issue, c.author, typeof c.body === 'string' ? c.body : '', c.author === BOT_LOGIN);
      rec.created_at = seconds(c.createdAt);
      rec.updated_at = seconds(c.updatedAt ?? c.createdAt);
      updated = latest(updated, rec.updated_at);
      return rec;
    });
    const ids = comments.map((c) => c.id);
    (spec.comments ?? []).forEach((c, k) => {
      if (typeof c.body === 'function') comments[k]!.body = c.body({ number: issue.number, ids: [...ids] });
    });

    if (spec.state === 'closed') {
      if (!spec.closedAt) throw new Error(`seedIssues: closed issue "${spec.title}" needs closedAt`);
      const by = spec.closedBy ?? spec.author;
      store.ensureUser(by);
      issue.state = 'closed';
      issue.state_reason = spec.stateReason ?? 'completed';
      issue.closed_at = seconds(spec.closedAt);
      issue.closed_by = by;
      const e = store.recordIssueEvent(issue, 'closed', by, by === BOT_LOGIN, { state_reason: issue.state_reason });
      e.created_at = issue.closed_at;
      updated = latest(updated, issue.closed_at);
    }
    issue.updated_at = spec.updatedAt ? seconds(spec.updatedAt) : updated;
    numbers.push(issue.number);
  }
  return numbers;
}
