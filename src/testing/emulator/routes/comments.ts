import { forbidden, notFound } from '../errors.ts';
import { paginate } from '../pagination.ts';
import type { CommentRecord } from '../types.ts';
import { type Ctx, type Handler, json, noContent, requireIssue } from './context.ts';

function list(ctx: Ctx): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  const since = ctx.url.searchParams.get('since');
  const all = ctx.store.commentsOf(issue.number).filter((c) => !since || Date.parse(c.updated_at) >= Date.parse(since));
  const page = paginate(all, ctx.render.api, ctx.url);
  return json(200, page.items.map((c) => ctx.render.comment(c, ctx.user)), page.link ? { link: page.link } : undefined);
}

function create(ctx: Ctx): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  // A locked conversation takes comments from people with write access only.
  if (issue.locked && !ctx.store.atLeast(ctx.user, 'write')) throw forbidden(ctx.docsUrl);
  const c = ctx.store.createComment(issue, ctx.user, String(ctx.body.body), ctx.viaBot);
  // The payload's issue is the issue as it is now, comment count included.
  ctx.emit('issue_comment', 'created', { issue: ctx.render.webhookIssue(issue), comment: ctx.render.comment(c, null) });
  const rendered = ctx.render.comment(c, ctx.user);
  return json(201, rendered, { location: String(rendered.url) });
}

function requireComment(ctx: Ctx): CommentRecord {
  const c = ctx.store.comment(Number(ctx.params.comment_id));
  if (!c) throw notFound(ctx.docsUrl);
  return c;
}

/** Authors edit and delete their own comments; people with write access moderate everyone's. */
function requireOwnOrWrite(ctx: Ctx, c: CommentRecord): void {
  if (c.user.toLowerCase() !== ctx.user.toLowerCase() && !ctx.store.atLeast(ctx.user, 'write')) throw forbidden(ctx.docsUrl);
}

function get(ctx: Ctx): ReturnType<Handler> {
  return json(200, ctx.render.comment(requireComment(ctx), ctx.user));
}

function update(ctx: Ctx): ReturnType<Handler> {
  const c = requireComment(ctx);
  requireOwnOrWrite(ctx, c);
  const body = String(ctx.body.body);
  if (body !== c.body) {
    const from = c.body;
    c.body = body;
    c.updated_at = ctx.store.timestamp();
    const issue = ctx.store.issue(c.issue_number)!;
    ctx.emit('issue_comment', 'edited', {
      issue: ctx.render.webhookIssue(issue),
      comment: ctx.render.comment(c, null),
      changes: { body: { from } },
    });
  }
  return json(200, ctx.render.comment(c, ctx.user));
}

function remove(ctx: Ctx): ReturnType<Handler> {
  const c = requireComment(ctx);
  requireOwnOrWrite(ctx, c);
  const rendered = ctx.render.comment(c, null);
  ctx.store.deleteComment(c);
  const issue = ctx.store.issue(c.issue_number)!;
  ctx.emit('issue_comment', 'deleted', { issue: ctx.render.webhookIssue(issue), comment: rendered });
  return noContent();
}

export const commentHandlers: Record<string, Handler> = {
  'issues/list-comments': list,
  'issues/create-comment': create,
  'issues/get-comment': get,
  'issues/update-comment': update,
  'issues/delete-comment': remove,
};
