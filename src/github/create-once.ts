import type { Octokit } from 'octokit';

/**
 * GitHub can carry out a create and still answer it with a 5xx (its edge timed out after the change was made), or
 * the answer can be lost on the way. Retrying such a POST blindly posts the comment or opens the issue twice, so
 * for these two creates the retry plugin is switched off and, after a failure, what was asked for is looked up
 * first: if it is there, that is the answer; only if it is not is the request sent again. Everything else the bot
 * writes is idempotent (labels, bodies, state, comment edits) or refused when repeated (refs, pull requests, file
 * commits), which its callers already handle.
 */

type Client = InstanceType<typeof Octokit>;
type Options = { method: string; url: string; request?: Record<string, unknown> } & Record<string, unknown>;
type Response = { status: number; url: string; headers: Record<string, unknown>; data: unknown };

/** Tries of a create in all: the first and two more, as the retry plugin allows other requests. */
const TRIES = 3;

const COMMENT = /^\/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments$/;
const ISSUE = /^\/repos\/\{owner\}\/\{repo\}\/issues$/;

const transient = (e: unknown) => {
  const status = (e as { status?: number }).status;
  // octokit turns a network error into status 500: the request may or may not have reached GitHub.
  return status === undefined || status >= 500;
};

/** Adds the look-before-retry to a client's creates of comments and issues. */
export function createOnce(octokit: Client): void {
  octokit.hook.wrap('request', async (request, options) => {
    const o = options as unknown as Options;
    const kind = o.method === 'POST' ? (COMMENT.test(o.url) ? 'comment' : ISSUE.test(o.url) ? 'issue' : undefined) : undefined;
    if (!kind) return request(options);
    // This wrap runs inside the retry plugin's, which reads `retries` from this same options object when the
    // request fails: set on it, it keeps the plugin from repeating the create behind the look-up below. A new
    // `request` object, because the one there may be the client's defaults, shared by every later request.
    options.request = { ...options.request, retries: 0 };
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options);
      } catch (e) {
        if (attempt >= TRIES || !transient(e)) throw e;
        const found = await (kind === 'comment' ? findComment(octokit, o) : findIssue(octokit, o));
        if (found) return found as never;
      }
    }
  });
}

/** The newest comment on the issue with exactly this body (the bot's bodies begin with a unique marker). */
async function findComment(octokit: Client, o: Options): Promise<Response | undefined> {
  const p = o as Options & { owner: string; repo: string; issue_number: number; body: string };
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: p.owner, repo: p.repo, issue_number: p.issue_number, per_page: 100 });
  const c = comments.findLast((x) => x.body === p.body);
  return c && { status: 201, url: c.url, headers: {}, data: c };
}

/** An issue opened with exactly this title and body, among the newest ones (it was opened a moment ago). */
async function findIssue(octokit: Client, o: Options): Promise<Response | undefined> {
  const p = o as Options & { owner: string; repo: string; title: string; body?: string };
  const { data } = await octokit.rest.issues.listForRepo({ owner: p.owner, repo: p.repo, state: 'all', sort: 'created', direction: 'desc', per_page: 30 });
  const i = data.find((x) => !x.pull_request && x.title === p.title && (x.body ?? '') === (p.body ?? ''));
  return i && { status: 201, url: i.url, headers: {}, data: i };
}
