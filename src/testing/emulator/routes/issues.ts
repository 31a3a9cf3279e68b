import { forbidden } from '../errors.ts';
import { paginate } from '../pagination.ts';
import type { IssueRecord } from '../types.ts';
import { type Ctx, type Handler, json, labelNames, noContent, requireIssue } from './context.ts';
import { recordEvent, recordLabelEvent } from './issue-events.ts';
import { resolveLabel, setLabels } from './issue-labels.ts';

function listForRepo(ctx: Ctx): ReturnType<Handler> {
  const q = ctx.url.searchParams;
  const { store } = ctx;
  const state = q.get('state') ?? 'open';
  const wanted = (q.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  const creator = q.get('creator')?.toLowerCase();
  const since = q.get('since');
  const mentioned = q.get('mentioned')?.toLowerCase();
  const sort = q.get('sort') ?? 'created';
  const direction = q.get('direction') ?? 'desc';
  // We keep no assignees, milestones or issue types: "none" matches every issue, anything else none.
  const noneOnly = (v: string | null) => v === null || v === 'none';
  const issues = store.issues.filter((i) => {
    if (state !== 'all' && i.state !== state) return false;
    const names = store.issueLabels(i).map((l) => l.name.toLowerCase());
    if (!wanted.every((w) => names.includes(w))) return false;
    if (creator && i.user.toLowerCase() !== creator) return false;
    if (since && Date.parse(i.updated_at) < Date.parse(since)) return false;
    if (mentioned && !mentions(ctx, i, mentioned)) return false;
    return noneOnly(q.get('assignee')) && noneOnly(q.get('milestone')) && noneOnly(q.get('type'));
  });
  const key = (i: IssueRecord): number | string =>
    sort === 'updated' ? i.updated_at : sort === 'comments' ? store.commentsOf(i.number).length : i.created_at;
  issues.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
    return direction === 'asc' ? c : -c;
  });
  const page = paginate(issues, ctx.render.api, ctx.url);
  return json(200, page.items.map((i) => ctx.render.issue(i, ctx.user)), page.link ? { link: page.link } : undefined);
}

function mentions(ctx: Ctx, issue: IssueRecord, login: string): boolean {
  const re = new RegExp(`(^|[^\\w])@${login.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  return [issue.body ?? '', ...ctx.store.commentsOf(issue.number).map((c) => c.body)].some((t) => re.test(t));
}

function create(ctx: Ctx): ReturnType<Handler> {
  const { store, body } = ctx;
  const issue = store.createIssue(ctx.user, String(body.title), typeof body.body === 'string' ? body.body : null, ctx.viaBot);
  // Labels from the API need push access and are dropped silently otherwise (and missing ones are created).
  // An issue form applies its labels whoever files it, but only those that exist: GitHub drops the rest.
  const names = ctx.issueForm
    ? labelNames(body.labels).filter((n) => store.findLabel(n))
    : store.atLeast(ctx.user, 'write')
      ? labelNames(body.labels)
      : [];
  for (const name of names) {
    const id = resolveLabel(ctx, name).id;
    if (!issue.labels.includes(id)) issue.labels.push(id);
  }
  // `opened` already shows the labels; one `labeled` per label follows, as GitHub delivers them, and each is in
  // the issue's events (made by whoever filed it, form or not).
  ctx.emit('issues', 'opened', { issue: ctx.render.webhookIssue(issue) });
  for (const l of store.issueLabels(issue)) {
    recordLabelEvent(ctx, issue, 'labeled', l);
    ctx.emit('issues', 'labeled', { issue: ctx.render.webhookIssue(issue), label: ctx.render.label(l) });
  }
  const rendered = ctx.render.issue(issue, ctx.user, true);
  return json(201, rendered, { location: String(rendered.url) });
}

function get(ctx: Ctx): ReturnType<Handler> {
  return json(200, ctx.render.issue(requireIssue(ctx), ctx.user, true));
}

function update(ctx: Ctx): ReturnType<Handler> {
  const { store, body } = ctx;
  const issue = requireIssue(ctx);
  const isAuthor = issue.user.toLowerCase() === ctx.user.toLowerCase();
  const changes: Record<string, { from: unknown }> = {};
  const wantsText = ('title' in body && body.title !== null) || 'body' in body;
  if (wantsText && !isAuthor && !store.atLeast(ctx.user, 'write')) throw forbidden(ctx.docsUrl);
  let renamed: { from: string; to: string } | undefined;
  if ('title' in body && body.title !== null && String(body.title) !== issue.title) {
    changes.title = { from: issue.title };
    renamed = { from: issue.title, to: String(body.title) };
    issue.title = renamed.to;
  }
  if ('body' in body && (body.body ?? null) !== issue.body) {
    changes.body = { from: issue.body ?? '' };
    issue.body = (body.body as string | null) ?? null;
  }
  const now = store.timestamp();
  if (Object.keys(changes).length) {
    issue.updated_at = now;
    // A new title is in the issue's events (`renamed`); a new body is not.
    if (renamed) recordEvent(ctx, issue, 'renamed', { rename: renamed });
    ctx.emit('issues', 'edited', { issue: ctx.render.webhookIssue(issue), changes });
  }
  // Labels, like assignees and milestones, need push access; without it GitHub drops them silently.
  if (Array.isArray(body.labels) && store.atLeast(ctx.user, 'write')) setLabels(ctx, issue, labelNames(body.labels));
  const state = body.state as 'open' | 'closed' | undefined;
  const reason = body.state_reason as IssueRecord['state_reason'] | undefined;
  if (state && state !== issue.state) {
    if (!isAuthor && !store.atLeast(ctx.user, 'triage')) throw forbidden(ctx.docsUrl);
    issue.state = state;
    issue.updated_at = now;
    if (state === 'closed') {
      issue.closed_at = now;
      issue.closed_by = ctx.user;
      issue.state_reason = reason && reason !== 'reopened' ? reason : 'completed';
      recordEvent(ctx, issue, 'closed', { state_reason: issue.state_reason });
      ctx.emit('issues', 'closed', { issue: ctx.render.webhookIssue(issue) });
    } else {
      issue.closed_at = null;
      issue.closed_by = null;
      issue.state_reason = 'reopened';
      recordEvent(ctx, issue, 'reopened', { state_reason: issue.state_reason });
      ctx.emit('issues', 'reopened', { issue: ctx.render.webhookIssue(issue) });
    }
  } else if (state === 'closed' && reason && reason !== 'reopened' && reason !== issue.state_reason) {
    // Changing why a closed issue was closed: no webhook and no issue event, but the record changes.
    if (!isAuthor && !store.atLeast(ctx.user, 'triage')) throw forbidden(ctx.docsUrl);
    issue.state_reason = reason;
    issue.updated_at = now;
  }
  return json(200, ctx.render.issue(issue, ctx.user, true));
}

/** Locking needs write access (GITHUB_TOKEN with issues: write has it); locking a locked issue changes nothing. */
function lock(ctx: Ctx, locked: boolean): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  if (!ctx.store.atLeast(ctx.user, 'write')) throw forbidden(ctx.docsUrl);
  if (issue.locked !== locked) {
    issue.locked = locked;
    issue.updated_at = ctx.store.timestamp();
    ctx.emit('issues', locked ? 'locked' : 'unlocked', { issue: ctx.render.webhookIssue(issue) });
  }
  return noContent();
}

export const issueHandlers: Record<string, Handler> = {
  'issues/list-for-repo': listForRepo,
  'issues/create': create,
  'issues/get': get,
  'issues/update': update,
  'issues/lock': (ctx) => lock(ctx, true),
  'issues/unlock': (ctx) => lock(ctx, false),
};
