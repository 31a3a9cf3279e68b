import { paginate } from '../pagination.ts';
import { type Ctx, type Handler, json } from './context.ts';

/**
 * `GET /repos/{owner}/{repo}/issues/comments`: every issue comment of the repository in one list, as GitHub
 * answers it: oldest first (by creation, then id); `sort=created|updated` with `direction=desc` turns it around
 * (`direction` is ignored without `sort`); `since` keeps comments updated at or after that time; paginated
 * like the other lists. `npm run sync` reads the bot's records of every request with it in ⌈C/100⌉ calls.
 */
function listForRepo(ctx: Ctx): ReturnType<Handler> {
  const q = ctx.url.searchParams;
  const since = q.get('since');
  const sort = q.get('sort');
  const field = sort === 'updated' ? 'updated_at' : 'created_at';
  const desc = sort !== null && q.get('direction') === 'desc';
  const all = ctx.store.comments
    .filter((c) => !since || Date.parse(c.updated_at) >= Date.parse(since))
    .sort((a, b) => Date.parse(a[field]) - Date.parse(b[field]) || a.id - b.id);
  if (desc) all.reverse();
  const page = paginate(all, ctx.render.api, ctx.url);
  return json(200, page.items.map((c) => ctx.render.comment(c, ctx.user)), page.link ? { link: page.link } : undefined);
}

export const repoCommentHandlers: Record<string, Handler> = {
  'issues/list-comments-for-repo': listForRepo,
};
