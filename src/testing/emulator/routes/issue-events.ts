// An issue's events, as `GET /issues/{n}/events` lists them. Handlers record one whenever they change what
// GitHub would record: a label put on or taken off, the issue closed or reopened, its title changed.
import type { IssueEventName, IssueEventRecord, IssueRecord, LabelRecord } from '../types.ts';
import { paginate } from '../pagination.ts';
import { type Ctx, type Handler, json, requireIssue } from './context.ts';

/** Records an event made by the request's user (with the GitHub Actions app when via GITHUB_TOKEN). */
export function recordEvent(ctx: Ctx, issue: IssueRecord, event: IssueEventName, detail: Pick<IssueEventRecord, 'state_reason' | 'rename'> = {}): void {
  ctx.store.recordIssueEvent(issue, event, ctx.user, ctx.viaBot, detail);
}

/** labeled / unlabeled carry the label's name and colour as they are at that moment. */
export function recordLabelEvent(ctx: Ctx, issue: IssueRecord, event: 'labeled' | 'unlabeled', label: LabelRecord): void {
  ctx.store.recordIssueEvent(issue, event, ctx.user, ctx.viaBot, { label: { name: label.name, color: label.color } });
}

/** Oldest first, as GitHub lists them; anyone who can read the issue can read its events. */
function list(ctx: Ctx): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  const page = paginate(ctx.store.eventsOf(issue.number), ctx.render.api, ctx.url);
  return json(200, page.items.map((e) => ctx.render.issueEvent(e)), page.link ? { link: page.link } : undefined);
}

export const issueEventHandlers: Record<string, Handler> = {
  'issues/list-events': list,
};
