// Git references: read one, create a branch. People without push access get 404, as GitHub answers writes to
// a public repository's git data.
import { HttpError, errorBody, notFound } from '../errors.ts';
import { GitRepo } from '../git.ts';
import type { Ctx, Handler } from './context.ts';
import { json } from './context.ts';

export function repoApi(ctx: Ctx): string {
  return `${ctx.render.api}/repos/${ctx.store.owner}/${ctx.store.repo}`;
}

export function renderRef(ctx: Ctx, fullRef: string, sha: string): Record<string, unknown> {
  return {
    ref: fullRef,
    node_id: Buffer.from(`03:Ref${ctx.store.repoId}:${fullRef}`).toString('base64'),
    url: `${repoApi(ctx)}/git/${fullRef}`,
    object: { sha, type: 'commit', url: `${repoApi(ctx)}/git/commits/${sha}` },
  };
}

/** Writing git data needs push access; GitHub does not reveal to others that the repository could be written. */
export function requirePush(ctx: Ctx): void {
  if (!ctx.store.atLeast(ctx.user, 'write')) throw notFound(ctx.docsUrl);
}

function unprocessable(ctx: Ctx, message: string): HttpError {
  return new HttpError(422, errorBody(422, message, ctx.docsUrl));
}

function getRef(ctx: Ctx): ReturnType<Handler> {
  // `heads/main`; `refs/heads/main` is not how this endpoint is addressed and finds nothing, as on GitHub.
  const name = ctx.params.ref ?? '';
  if (name.startsWith('refs/')) throw notFound(ctx.docsUrl);
  const full = `refs/${name}`;
  const sha = ctx.store.git.ref(full);
  if (!sha) throw notFound(ctx.docsUrl);
  return json(200, renderRef(ctx, full, sha));
}

function createRef(ctx: Ctx): ReturnType<Handler> {
  requirePush(ctx);
  const ref = String(ctx.body.ref);
  const sha = String(ctx.body.sha);
  if (!/^refs\/[^/]+\/.+/.test(ref) || /\.\.|\/\/|\/$|[\s~^:?*[\\]|@\{/.test(ref)) throw unprocessable(ctx, `${ref} is not a valid ref name.`);
  if (ctx.store.git.ref(ref)) throw unprocessable(ctx, 'Reference already exists');
  if (!ctx.store.git.getCommit(sha)) throw unprocessable(ctx, 'Object does not exist');
  ctx.store.git.setRef(GitRepo.fullRef(ref), sha);
  const body = renderRef(ctx, ref, sha);
  return json(201, body, { location: String(body.url) });
}

export const gitHandlers: Record<string, Handler> = {
  'git/get-ref': getRef,
  'git/create-ref': createRef,
};
