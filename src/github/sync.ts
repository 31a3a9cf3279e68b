import type { GitHub } from './client.ts';
import type { Repo } from './repo.ts';
import { REQUEST_LABEL } from '../core/labels.ts';
import { readMarker } from '../core/decision.ts';
import { issueMentee } from '../core/cohort-issues.ts';
import { STATUS_RECORD_BODIES, STATUS_RECORD_KINDS, type StatusIssue, type StatusRecord } from '../core/status-compute.ts';

/**
 * What `npm run sync` reads: every request issue (open and closed) and the bot's marked comments on them, in
 * ⌈N/100⌉ + ⌈C/100⌉ calls for N request issues and C comments in the whole repository: the issues list, then ONE
 * repository-wide comments list rather than a call per issue, so a public repository can be read without a token
 * (60 calls an hour). docs/status.md.
 */

export interface SyncRead {
  issues: StatusIssue[];
  records: StatusRecord[];
  /** API calls made (pages read). */
  calls: number;
}

export interface ReadOptions {
  /** Only comments by this account are records (the bot: github-actions[bot]). */
  botLogin: string;
  /** Retries of a failed call (5xx, no answer); without a token the sync fails fast instead. */
  retries?: number;
}

export async function readRequests(gh: GitHub, r: Repo, o: ReadOptions): Promise<SyncRead> {
  let calls = 0;
  const request = o.retries === undefined ? {} : { request: { retries: o.retries } };
  const issues: StatusIssue[] = [];
  for await (const page of pages((n) => gh.rest.issues.listForRepo({ ...r, state: 'all', labels: REQUEST_LABEL, per_page: 100, page: n, ...request }))) {
    calls++;
    for (const i of page) {
      if (i.pull_request) continue;
      issues.push({
        number: i.number,
        url: i.html_url,
        // A cohort partnership is opened by the bot; its mentee is named by the bot's own marker.
        author: issueMentee(i.user?.login ?? 'ghost', i.body, o.botLogin),
        state: i.state === 'closed' ? 'closed' : 'open',
        labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
        createdAt: i.created_at,
        closedAt: i.closed_at ?? null,
      });
    }
  }
  const wanted = new Set(issues.map((i) => i.number));
  const records: StatusRecord[] = [];
  for await (const page of pages((n) => gh.rest.issues.listCommentsForRepo({ ...r, per_page: 100, page: n, ...request }))) {
    calls++;
    for (const c of page) {
      // Only the bot's own marked comments are records; anyone can write a marker into a comment.
      if (c.user?.login !== o.botLogin) continue;
      const issue = Number(c.issue_url.slice(c.issue_url.lastIndexOf('/') + 1));
      if (!wanted.has(issue)) continue;
      const m = readMarker(c.body);
      if (!m || !STATUS_RECORD_KINDS.includes(m.kind)) continue;
      records.push({
        issue,
        id: c.id,
        kind: m.kind,
        key: m.key,
        createdAt: c.created_at,
        updatedAt: c.updated_at,
        ...(STATUS_RECORD_BODIES.includes(m.kind) ? { body: c.body ?? '' } : {}),
      });
    }
  }
  return { issues, records, calls };
}

/**
 * Page after page while the Link header has a next page. Not octokit's paginate: it drops per-request options,
 * and a sync without a token must not retry (`request.retries`).
 */
async function* pages<T>(fetchPage: (page: number) => Promise<{ data: T[]; headers: { link?: string } }>): AsyncGenerator<T[]> {
  for (let page = 1; ; page++) {
    const res = await fetchPage(page);
    yield res.data;
    if (!/rel="next"/.test(res.headers.link ?? '')) return;
  }
}

/** Why a sync could not read GitHub, sorted so the script can decide whether the build may go on without it. */
export type SyncFailure =
  | { kind: 'unreachable'; message: string }
  | { kind: 'rate-limited'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'other'; message: string };

/** Classifies an error from readRequests: octokit reports a request that got no answer as a 500 without a response. */
export function classifySyncError(e: unknown, o: { authenticated: boolean; repository: string; baseUrl: string }): SyncFailure {
  const err = e as { name?: string; status?: number; message?: string; response?: { headers?: Record<string, string | undefined>; data?: { message?: string } } };
  const message = err.response?.data?.message ?? err.message ?? String(e);
  if (err.name !== 'HttpError') return { kind: 'other', message: `reading ${o.repository} failed: ${message}` };
  if (!err.response) return { kind: 'unreachable', message: `could not reach ${o.baseUrl} (${err.message ?? 'no answer'})` };
  const status = err.status;
  const remaining = err.response.headers?.['x-ratelimit-remaining'];
  if ((status === 403 || status === 429) && (remaining === '0' || /rate limit/i.test(message))) {
    return {
      kind: 'rate-limited',
      message: o.authenticated
        ? `GitHub's rate limit was reached while reading ${o.repository} (${status}: ${message})`
        : `GitHub's rate limit for requests without a token was reached (60 an hour; ${status}: ${message}); set GITHUB_TOKEN for 5,000 an hour`,
    };
  }
  if (status === 404) {
    return { kind: 'not-found', message: `${o.repository} was not found (404)${o.authenticated ? '; check repository in program.yml (or --repo) and that the token can see it' : '; without a token only a public repository can be read (set GITHUB_TOKEN)'}` };
  }
  if (status === 401 || status === 403) {
    return { kind: 'refused', message: `GitHub refused the request (${status}: ${message})${o.authenticated ? '; check GITHUB_TOKEN (in a workflow: permissions: issues: read)' : '; set GITHUB_TOKEN'}` };
  }
  return { kind: 'other', message: `GitHub answered ${status} while reading ${o.repository}: ${message}` };
}
