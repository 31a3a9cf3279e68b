import { HttpError, errorBody, notFound, validationFailed } from '../errors.ts';
import { paginate } from '../pagination.ts';
import { DEFAULT_LABEL_COLOR } from '../state.ts';
import type { LabelRecord } from '../types.ts';
import { type Ctx, type Handler, json, labelNames, noContent, requireIssue, requireRole } from './context.ts';
import { addLabels, removeLabels, setLabels } from './issue-labels.ts';

const HEX = /^[0-9a-fA-F]{6}$/;

function requireLabel(ctx: Ctx): LabelRecord {
  const l = ctx.store.findLabel(ctx.params.name ?? '');
  if (!l) throw notFound(ctx.docsUrl);
  return l;
}

function checkColor(ctx: Ctx, color: unknown): void {
  if (color !== undefined && !HEX.test(String(color))) {
    throw validationFailed(ctx.docsUrl, [{ resource: 'Label', code: 'invalid', field: 'color' }]);
  }
}

function listForRepo(ctx: Ctx): ReturnType<Handler> {
  const page = paginate(ctx.store.labels, ctx.render.api, ctx.url);
  return json(200, page.items.map((l) => ctx.render.label(l)), page.link ? { link: page.link } : undefined);
}

function create(ctx: Ctx): ReturnType<Handler> {
  requireRole(ctx, 'write');
  const name = String(ctx.body.name).trim();
  checkColor(ctx, ctx.body.color);
  if (ctx.store.findLabel(name)) throw validationFailed(ctx.docsUrl, [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
  const description = typeof ctx.body.description === 'string' ? ctx.body.description : null;
  const l = ctx.store.createLabel(name, String(ctx.body.color ?? DEFAULT_LABEL_COLOR), description);
  ctx.emit('label', 'created', { label: ctx.render.label(l) });
  const rendered = ctx.render.label(l);
  return json(201, rendered, { location: String(rendered.url) });
}

function get(ctx: Ctx): ReturnType<Handler> {
  return json(200, ctx.render.label(requireLabel(ctx)));
}

function update(ctx: Ctx): ReturnType<Handler> {
  requireRole(ctx, 'write');
  const l = requireLabel(ctx);
  const b = ctx.body;
  checkColor(ctx, b.color);
  const changes: Record<string, { from: unknown }> = {};
  if (typeof b.new_name === 'string' && b.new_name.trim() !== l.name) {
    const clash = ctx.store.findLabel(b.new_name.trim());
    if (clash && clash !== l) throw validationFailed(ctx.docsUrl, [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    changes.name = { from: l.name };
    l.name = b.new_name.trim();
    ctx.store.labels.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  }
  if (typeof b.color === 'string' && b.color.toLowerCase() !== l.color) {
    changes.color = { from: l.color };
    l.color = b.color.toLowerCase();
  }
  if ('description' in b && (b.description ?? null) !== l.description) {
    changes.description = { from: l.description };
    l.description = (b.description as string | null) ?? null;
  }
  if (Object.keys(changes).length) ctx.emit('label', 'edited', { label: ctx.render.label(l), changes });
  return json(200, ctx.render.label(l));
}

function remove(ctx: Ctx): ReturnType<Handler> {
  requireRole(ctx, 'write');
  const l = requireLabel(ctx);
  const rendered = ctx.render.label(l);
  ctx.store.deleteLabel(l);
  ctx.emit('label', 'deleted', { label: rendered });
  return noContent();
}

function issueLabels(ctx: Ctx): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  const page = paginate(ctx.store.issueLabels(issue), ctx.render.api, ctx.url);
  return json(200, page.items.map((l) => ctx.render.label(l)), page.link ? { link: page.link } : undefined);
}

function currentLabels(ctx: Ctx, issueNumber: number): ReturnType<Handler> {
  const issue = ctx.store.issue(issueNumber)!;
  return json(200, ctx.store.issueLabels(issue).map((l) => ctx.render.label(l)));
}

// Applying and removing labels is the triage role's job (GITHUB_TOKEN with issues: write has it too).
function add(ctx: Ctx): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  requireRole(ctx, 'triage');
  addLabels(ctx, issue, labelNames(ctx.body.labels));
  return currentLabels(ctx, issue.number);
}

function set(ctx: Ctx): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  requireRole(ctx, 'triage');
  setLabels(ctx, issue, labelNames(ctx.body.labels));
  return currentLabels(ctx, issue.number);
}

function removeAll(ctx: Ctx): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  requireRole(ctx, 'triage');
  removeLabels(ctx, issue, [...issue.labels]);
  return noContent();
}

function removeOne(ctx: Ctx): ReturnType<Handler> {
  const issue = requireIssue(ctx);
  requireRole(ctx, 'triage');
  const l = ctx.store.findLabel(ctx.params.name ?? '');
  if (!l || !issue.labels.includes(l.id)) throw new HttpError(404, errorBody(404, 'Label does not exist', ctx.docsUrl));
  removeLabels(ctx, issue, [l.id]);
  return currentLabels(ctx, issue.number);
}

export const labelHandlers: Record<string, Handler> = {
  'issues/list-labels-for-repo': listForRepo,
  'issues/create-label': create,
  'issues/get-label': get,
  'issues/update-label': update,
  'issues/delete-label': remove,
  'issues/list-labels-on-issue': issueLabels,
  'issues/add-labels': add,
  'issues/set-labels': set,
  'issues/remove-all-labels': removeAll,
  'issues/remove-label': removeOne,
};
