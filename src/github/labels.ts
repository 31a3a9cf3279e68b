import type { GitHub } from './client.ts';
import type { Repo } from './repo.ts';
import type { ExistingLabel, LabelChange } from '../core/labels.ts';

/**
 * The repository's labels, for `npm run labels`. Reads every label (paginated), then applies a plan from
 * `planLabelSync` (src/core/labels.ts): creates and updates only. Deleting is never done here, because a label
 * may be on issues and a committee may have made it on purpose.
 */

export async function listRepoLabels(gh: GitHub, r: Repo): Promise<ExistingLabel[]> {
  const labels = await gh.paginate(gh.rest.issues.listLabelsForRepo, { ...r, per_page: 100 });
  return labels.map((l) => ({ name: l.name, color: l.color, description: l.description ?? null }));
}

/**
 * The first 100 of the repository's labels, in one call: what the daily sweep can afford (its budget is
 * ⌈N/100⌉ + 2 calls). A program with more labels than that has most of them as mentor labels, which intake colours.
 */
export async function firstRepoLabels(gh: GitHub, r: Repo): Promise<ExistingLabel[]> {
  const { data } = await gh.rest.issues.listLabelsForRepo({ ...r, per_page: 100 });
  return data.map((l) => ({ name: l.name, color: l.color, description: l.description ?? null }));
}

export type LabelWrite = Extract<LabelChange, { action: 'create' | 'update' }>;

export interface ApplyProgress {
  /** Before each write: a failure (thrown) is about this label. */
  starting?: (change: LabelWrite) => void;
  /** After each write succeeded. */
  done?: (change: LabelWrite) => void;
}

/** Creates and updates what the plan says, one request per label, in the plan's order. Returns the writes made. */
export async function applyLabelPlan(gh: GitHub, r: Repo, plan: readonly LabelChange[], progress: ApplyProgress = {}): Promise<number> {
  let writes = 0;
  for (const c of plan) {
    if (c.action === 'create' || c.action === 'update') progress.starting?.(c);
    if (c.action === 'create') {
      await gh.rest.issues.createLabel({ ...r, name: c.spec.name, color: c.spec.color, description: c.spec.description });
    } else if (c.action === 'update') {
      await gh.rest.issues.updateLabel({
        ...r,
        name: c.current.name,
        ...(c.changes.includes('name') ? { new_name: c.spec.name } : {}),
        color: c.spec.color,
        description: c.spec.description,
      });
    } else continue;
    writes++;
    progress.done?.(c);
  }
  return writes;
}
