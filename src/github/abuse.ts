import type { GitHub } from './client.ts';
import type { Repo } from './repo.ts';
import { REQUEST_LABEL } from '../core/labels.ts';

/** The two reads behind the abuse limits (src/core/abuse.ts). Nothing is cached across runs. */

/**
 * A mentee's requests, open or closed, touched since `since`: one list call in practice. GitHub's `since` is about
 * updates, so every request created since then is in the list; the core keeps those created in its window.
 */
export async function listRequestsBy(gh: GitHub, r: Repo, creator: string, since: string): Promise<{ number: number; createdAt: string }[]> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...r, creator, since, state: 'all', labels: REQUEST_LABEL, per_page: 100 });
  return issues.filter((i) => !i.pull_request).map((i) => ({ number: i.number, createdAt: i.created_at }));
}

/** When the account was created, or null when GitHub has no such user (a deleted account). */
export async function accountCreatedAt(gh: GitHub, login: string): Promise<string | null> {
  try {
    const { data } = await gh.rest.users.getByUsername({ username: login });
    return data.created_at;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}
