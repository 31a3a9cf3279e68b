// Label changes on an issue, shared by the issue and label endpoints so both emit the same events.
import { DEFAULT_LABEL_COLOR } from '../state.ts';
import type { IssueRecord, LabelRecord } from '../types.ts';
import type { Ctx } from './context.ts';
import { recordLabelEvent } from './issue-events.ts';

/** GitHub creates a label that does not exist yet when it is put on an issue (colour ededed, no description). */
export function resolveLabel(ctx: Ctx, name: string): LabelRecord {
  const found = ctx.store.findLabel(name);
  if (found) return found;
  const created = ctx.store.createLabel(name.trim(), DEFAULT_LABEL_COLOR, null);
  ctx.emit('label', 'created', { label: ctx.render.label(created) });
  return created;
}

/**
 * Adds labels the issue lacks; records and emits one `labeled` per label actually added. Returns whether
 * anything changed.
 */
export function addLabels(ctx: Ctx, issue: IssueRecord, names: string[]): boolean {
  const added: LabelRecord[] = [];
  for (const name of names) {
    const label = resolveLabel(ctx, name);
    if (issue.labels.includes(label.id) || added.includes(label)) continue;
    added.push(label);
  }
  if (!added.length) return false;
  issue.labels.push(...added.map((l) => l.id));
  issue.updated_at = ctx.store.timestamp();
  for (const l of added) {
    recordLabelEvent(ctx, issue, 'labeled', l);
    ctx.emit('issues', 'labeled', { issue: ctx.render.webhookIssue(issue), label: ctx.render.label(l) });
  }
  return true;
}

export function removeLabels(ctx: Ctx, issue: IssueRecord, ids: number[]): boolean {
  const removed = ids.filter((id) => issue.labels.includes(id));
  if (!removed.length) return false;
  issue.labels = issue.labels.filter((id) => !removed.includes(id));
  issue.updated_at = ctx.store.timestamp();
  for (const id of removed) {
    const l = ctx.store.labelById(id);
    recordLabelEvent(ctx, issue, 'unlabeled', l);
    ctx.emit('issues', 'unlabeled', { issue: ctx.render.webhookIssue(issue), label: ctx.render.label(l) });
  }
  return true;
}

/** Replace the issue's labels: unlabeled events for what goes, then labeled for what comes. */
export function setLabels(ctx: Ctx, issue: IssueRecord, names: string[]): boolean {
  const wanted = names.map((n) => resolveLabel(ctx, n).id);
  const removed = removeLabels(ctx, issue, issue.labels.filter((id) => !wanted.includes(id)));
  const added = addLabels(ctx, issue, names);
  return removed || added;
}
