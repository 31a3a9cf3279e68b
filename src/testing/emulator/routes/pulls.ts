// Pull requests between branches of this repository (no forks): open one, list them. Merging is a test helper
// (`Emulator.mergePull`), not an endpoint: the bot never merges.
import { HttpError, errorBody, validationFailed } from '../errors.ts';
import { GitRepo, lineChanges } from '../git.ts';
import { paginate } from '../pagination.ts';
import type { Store } from '../state.ts';
import type { PullRecord } from '../types.ts';
import type { Ctx, Handler } from './context.ts';
import { json } from './context.ts';
import { repoApi } from './git.ts';

/** The branch shas a pull request shows: the branches' current commits while open, the last ones once closed. */
function shas(store: Store, p: PullRecord): { head: string; base: string } {
  if (p.state === 'closed') return { head: p.head_sha, base: p.base_sha };
  return { head: store.git.branch(p.head) ?? p.head_sha, base: store.git.branch(p.base) ?? p.base_sha };
}

/** What the pull request brings: its commits and the files changed since head left base. */
export function pullChanges(store: Store, p: PullRecord) {
  const s = shas(store, p);
  // A merged pull request keeps the base it was merged into, so this still describes what it brought.
  const commits = store.git.commitsBetween(s.base, s.head);
  const from = store.git.mergeBase(s.base, s.head);
  const to = store.git.getCommit(s.head)!;
  const files = GitRepo.diff(from?.tree ?? new Map(), to.tree);
  let additions = 0;
  let deletions = 0;
  for (const f of files) {
    const c = lineChanges(f.before, f.after);
    additions += c.additions;
    deletions += c.deletions;
  }
  return { commits, files, additions, deletions };
}

function repoObject(ctx: Ctx): Record<string, unknown> {
  // A pull request's head and base carry the plain repository object, not the full one `GET /repos` returns.
  const { network_count: _n, subscribers_count: _s, organization: _o, ...repo } = ctx.render.repository(null);
  return repo;
}

function branchRef(ctx: Ctx, branch: string, sha: string): Record<string, unknown> {
  return {
    label: `${ctx.store.owner}:${branch}`,
    ref: branch,
    sha,
    user: ctx.render.userByLogin(ctx.store.owner),
    repo: repoObject(ctx),
  };
}

export function renderPull(ctx: Ctx, p: PullRecord, full: boolean): Record<string, unknown> {
  const api = repoApi(ctx);
  const url = `${api}/pulls/${p.number}`;
  const html = `${ctx.render.repoHtml}/pull/${p.number}`;
  const s = shas(ctx.store, p);
  const out: Record<string, unknown> = {
    url,
    id: p.id,
    node_id: p.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${s.head}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: ctx.render.userByLogin(p.user),
    body: p.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.created_at,
    updated_at: p.updated_at,
    closed_at: p.closed_at,
    merged_at: p.merged_at,
    merge_commit_sha: p.merge_commit_sha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchRef(ctx, p.head, s.head),
    base: branchRef(ctx, p.base, s.base),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: `${api}/issues/${p.number}` },
      comments: { href: `${api}/issues/${p.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${s.head}` },
    },
    author_association: ctx.store.association(p.user, ctx.user),
    auto_merge: null,
    draft: p.draft,
  };
  if (!full) return out;
  const changes = pullChanges(ctx.store, p);
  return {
    ...out,
    merged: p.merged,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: p.state === 'open' ? true : null,
    mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
    merged_by: p.merged_by ? ctx.render.userByLogin(p.merged_by) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: p.maintainer_can_modify,
    commits: changes.commits.length,
    additions: changes.additions,
    deletions: changes.deletions,
    changed_files: changes.files.length,
  };
}

const invalid = (ctx: Ctx, field: string) => validationFailed(ctx.docsUrl, [{ resource: 'PullRequest', field, code: 'invalid' }]);
const custom = (ctx: Ctx, message: string) => validationFailed(ctx.docsUrl, [{ resource: 'PullRequest', code: 'custom', message }]);

/** `owner:branch` or `branch` → the branch, when the owner is this repository's (forks are not emulated). */
function headBranch(ctx: Ctx, head: string): string | undefined {
  const i = head.indexOf(':');
  if (i < 0) return head;
  return head.slice(0, i).toLowerCase() === ctx.store.owner.toLowerCase() ? head.slice(i + 1) : undefined;
}

function create(ctx: Ctx): ReturnType<Handler> {
  const { store, body } = ctx;
  if (ctx.viaBot && !store.actionsCanCreatePullRequests) {
    throw new HttpError(403, errorBody(403, 'GitHub Actions is not permitted to create or approve pull requests.', ctx.docsUrl));
  }
  if (body.issue !== undefined) throw custom(ctx, 'the emulator does not turn issues into pull requests; pass a title');
  if (typeof body.title !== 'string' || body.title.trim() === '') throw validationFailed(ctx.docsUrl, [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
  const head = headBranch(ctx, String(body.head ?? ''));
  const base = String(body.base ?? '');
  const baseSha = store.git.branch(base);
  if (!baseSha) throw invalid(ctx, 'base');
  const headSha = head === undefined ? undefined : store.git.branch(head);
  if (!head || !headSha) throw invalid(ctx, 'head');
  if (store.pulls.some((p) => p.state === 'open' && p.head === head && p.base === base)) {
    throw custom(ctx, `A pull request already exists for ${store.owner}:${head}.`);
  }
  if (store.git.commitsBetween(baseSha, headSha).length === 0) throw custom(ctx, `No commits between ${base} and ${head}`);
  const p = store.createPull(
    ctx.user,
    {
      title: body.title,
      body: typeof body.body === 'string' ? body.body : null,
      head,
      base,
      head_sha: headSha,
      base_sha: baseSha,
      draft: body.draft === true,
      maintainer_can_modify: false, // only meaningful for pull requests from forks
    },
    ctx.viaBot,
  );
  const rendered = renderPull(ctx, p, true);
  return json(201, rendered, { location: String(rendered.url) });
}

function list(ctx: Ctx): ReturnType<Handler> {
  const q = ctx.url.searchParams;
  const state = q.get('state') ?? 'open';
  // GitHub reads `head` only as `owner:branch`; a bare branch name is ignored, which lists every pull request.
  const headParam = q.get('head');
  const [headOwner, headRef] = headParam?.includes(':') ? [headParam.slice(0, headParam.indexOf(':')), headParam.slice(headParam.indexOf(':') + 1)] : [];
  const base = q.get('base');
  const sort = q.get('sort') ?? 'created';
  const direction = q.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  const pulls = ctx.store.pulls.filter((p) => {
    if (state !== 'all' && p.state !== state) return false;
    if (headOwner !== undefined && (headOwner.toLowerCase() !== ctx.store.owner.toLowerCase() || headRef !== p.head)) return false;
    if (base && p.base !== base) return false;
    return true;
  });
  const key = (p: PullRecord) => (sort === 'updated' ? p.updated_at : p.created_at);
  pulls.sort((a, b) => {
    const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number;
    return direction === 'asc' ? c : -c;
  });
  const page = paginate(pulls, ctx.render.api, ctx.url);
  return json(200, page.items.map((p) => renderPull(ctx, p, false)), page.link ? { link: page.link } : undefined);
}

/**
 * Merges as the merge button does (a merge commit): the files the pull request changed since head left base
 * are applied to base's current tree. A file changed on both sides is a conflict, as it would be on GitHub.
 */
export function mergePull(store: Store, number: number, by: string): PullRecord {
  const p = store.pull(number);
  if (!p) throw new Error(`no pull request #${number}`);
  if (p.state !== 'open') throw new Error(`#${number} is ${p.merged ? 'merged' : 'closed'} already`);
  const baseSha = store.git.branch(p.base)!;
  const headSha = store.git.branch(p.head) ?? p.head_sha;
  const from = store.git.mergeBase(baseSha, headSha)!;
  const base = store.git.getCommit(baseSha)!;
  const changed = GitRepo.diff(from.tree, store.git.getCommit(headSha)!.tree);
  const tree = new Map(base.tree);
  for (const f of changed) {
    if (base.tree.get(f.path) !== from.tree.get(f.path) && base.tree.get(f.path) !== f.after) throw new Error(`#${number} conflicts with ${p.base} in ${f.path}`);
    if (f.after === undefined) tree.delete(f.path);
    else tree.set(f.path, f.after);
  }
  const now = store.timestamp();
  const merge = store.git.commit({ parents: [baseSha, headSha], tree, message: `Merge pull request #${number} from ${store.owner}/${p.head}\n\n${p.title}`, author: by, date: now });
  store.git.setRef(`refs/heads/${p.base}`, merge.sha);
  Object.assign(p, { state: 'closed', merged: true, merged_at: now, merged_by: by, merge_commit_sha: merge.sha, closed_at: now, updated_at: now, head_sha: headSha, base_sha: baseSha });
  return p;
}

export const pullHandlers: Record<string, Handler> = {
  'pulls/create': create,
  'pulls/list': list,
};
