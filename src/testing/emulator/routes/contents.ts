// Repository contents: read a file or a directory at a ref, create or update one file as a commit on a branch.
// The optimistic lock is GitHub's: updating needs the blob sha of the file being replaced.
import { HttpError, errorBody, notFound } from '../errors.ts';
import { blobSha, type CommitRecord, type DirEntry } from '../git.ts';
import { BOT_ID, BOT_LOGIN } from '../state.ts';
import type { Ctx, Handler } from './context.ts';
import { json } from './context.ts';
import { repoApi, requirePush } from './git.ts';

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** GitHub wraps base64 content at 60 characters. */
function wrapped(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  return `${b64.replace(/(.{60})/g, '$1\n')}${b64.length % 60 === 0 && b64.length ? '' : '\n'}`;
}

function links(ctx: Ctx, kind: 'file' | 'dir', path: string, sha: string, ref: string) {
  const self = `${repoApi(ctx)}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const html = `${ctx.render.repoHtml}/${kind === 'file' ? 'blob' : 'tree'}/${ref}/${encodePath(path)}`;
  const git = `${repoApi(ctx)}/git/${kind === 'file' ? 'blobs' : 'trees'}/${sha}`;
  return { self, html, git };
}

function fileMeta(ctx: Ctx, path: string, text: string, ref: string): Record<string, unknown> {
  const sha = blobSha(text);
  const l = links(ctx, 'file', path, sha, ref);
  return {
    name: path.split('/').pop(),
    path,
    sha,
    size: Buffer.byteLength(text, 'utf8'),
    url: l.self,
    html_url: l.html,
    git_url: l.git,
    download_url: `https://raw.githubusercontent.com/${ctx.store.owner}/${ctx.store.repo}/${ref}/${encodePath(path)}`,
    type: 'file',
  };
}

function entry(ctx: Ctx, e: DirEntry, ref: string): Record<string, unknown> {
  if (e.kind === 'file') {
    const { type, ...meta } = fileMeta(ctx, e.path, e.text, ref);
    const l = links(ctx, 'file', e.path, String(meta.sha), ref);
    return { ...meta, type, _links: { self: l.self, git: l.git, html: l.html } };
  }
  const l = links(ctx, 'dir', e.path, e.sha, ref);
  return {
    name: e.path.split('/').pop(),
    path: e.path,
    sha: e.sha,
    size: 0,
    url: l.self,
    html_url: l.html,
    git_url: l.git,
    download_url: null,
    type: 'dir',
    _links: { self: l.self, git: l.git, html: l.html },
  };
}

function getContent(ctx: Ctx): ReturnType<Handler> {
  const { git } = ctx.store;
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const ref = ctx.url.searchParams.get('ref') ?? git.defaultBranch;
  const commit = git.resolve(ref);
  if (!commit) throw new HttpError(404, errorBody(404, `No commit found for the ref ${ref}`, ctx.docsUrl));
  const found = git.at(commit, path);
  if (!found) throw notFound(ctx.docsUrl);
  if (found.kind === 'dir') return json(200, found.entries.map((e) => entry(ctx, e, ref)));
  const meta = fileMeta(ctx, path, found.text, ref);
  const l = links(ctx, 'file', path, String(meta.sha), ref);
  return json(200, { ...meta, content: wrapped(found.text), encoding: 'base64', _links: { self: l.self, git: l.git, html: l.html } });
}

/** The commit author as the API shows it: the token's user, with GitHub's no-reply address. */
function identity(ctx: Ctx, given: unknown, date: string): { name: string; email: string; date: string } {
  const g = given as { name?: string; email?: string; date?: string } | undefined;
  if (g?.name && g.email) return { name: g.name, email: g.email, date: g.date ?? date };
  const u = ctx.store.ensureUser(ctx.user);
  const id = u.login === BOT_LOGIN ? BOT_ID : u.id;
  return { name: u.login, email: `${id}+${u.login}@users.noreply.github.com`, date };
}

function renderCommit(ctx: Ctx, c: CommitRecord, author: ReturnType<typeof identity>, committer: ReturnType<typeof identity>): Record<string, unknown> {
  return {
    sha: c.sha,
    node_id: Buffer.from(`06:Commit${ctx.store.repoId}:${c.sha}`).toString('base64'),
    url: `${repoApi(ctx)}/git/commits/${c.sha}`,
    html_url: `${ctx.render.repoHtml}/commit/${c.sha}`,
    author,
    committer,
    tree: { sha: c.treeSha, url: `${repoApi(ctx)}/git/trees/${c.treeSha}` },
    message: c.message,
    parents: c.parents.map((p) => ({ url: `${repoApi(ctx)}/git/commits/${p}`, html_url: `${ctx.render.repoHtml}/commit/${p}`, sha: p })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

function isBase64(s: string): boolean {
  const t = s.replace(/\s+/g, '');
  return t.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(t);
}

function putContent(ctx: Ctx): ReturnType<Handler> {
  requirePush(ctx);
  const { git } = ctx.store;
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const branch = typeof ctx.body.branch === 'string' ? ctx.body.branch : git.defaultBranch;
  const head = git.branch(branch);
  if (!head) throw new HttpError(404, errorBody(404, `Branch ${branch} not found`, ctx.docsUrl));
  const content = String(ctx.body.content);
  if (!isBase64(content)) throw new HttpError(422, errorBody(422, 'content is not valid Base64', ctx.docsUrl));
  const parent = git.getCommit(head)!;
  const existing = parent.tree.get(path);
  const sha = typeof ctx.body.sha === 'string' ? ctx.body.sha : undefined;
  if (existing !== undefined && sha === undefined) {
    throw new HttpError(422, errorBody(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', ctx.docsUrl));
  }
  // The file changed since the caller read it (or never existed): GitHub refuses rather than overwrite.
  if (sha !== undefined && (existing === undefined || blobSha(existing) !== sha)) {
    throw new HttpError(409, errorBody(409, `${path} does not match ${sha}`, ctx.docsUrl));
  }
  if (existing === undefined && git.at(parent, path)?.kind === 'dir') {
    throw new HttpError(422, errorBody(422, `${path} is a directory`, ctx.docsUrl));
  }
  const text = Buffer.from(content, 'base64').toString('utf8');
  const tree = new Map(parent.tree);
  tree.set(path, text);
  const date = ctx.store.timestamp();
  const commit = git.commit({ parents: [parent.sha], tree, message: String(ctx.body.message), author: ctx.user, date });
  git.setRef(`refs/heads/${branch}`, commit.sha);
  const committer = identity(ctx, ctx.body.committer, date);
  const author = ctx.body.author ? identity(ctx, ctx.body.author, date) : committer;
  const meta = fileMeta(ctx, path, text, branch);
  const l = links(ctx, 'file', path, String(meta.sha), branch);
  return json(existing === undefined ? 201 : 200, {
    content: { ...meta, _links: { self: l.self, git: l.git, html: l.html } },
    commit: renderCommit(ctx, commit, author, committer),
  });
}

export const contentHandlers: Record<string, Handler> = {
  'repos/get-content': getContent,
  'repos/create-or-update-file-contents': putContent,
};
