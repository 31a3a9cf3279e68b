import type { GitHub } from './client.ts';
import type { Repo } from './repo.ts';

/** The REST calls of a Code of Conduct report. */

/** Delete a comment; one already gone (an earlier run of the same event) is fine. Returns whether it was there. */
export async function deleteComment(gh: GitHub, r: Repo, commentId: number): Promise<boolean> {
  try {
    await gh.rest.issues.deleteComment({ ...r, comment_id: commentId });
    return true;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return false;
    throw e;
  }
}

export async function lockIssue(gh: GitHub, r: Repo, number: number): Promise<void> {
  await gh.rest.issues.lock({ ...r, issue_number: number });
}

/**
 * File a report in the private repository, once: a re-run finds the issue by the marker in its body among the
 * newest issues there (a re-run comes within hours, so the first page is enough).
 */
export async function fileReport(gh: GitHub, r: Repo, report: { title: string; body: string; marker: string }): Promise<{ number: number; created: boolean }> {
  const { data } = await gh.rest.issues.listForRepo({ ...r, state: 'all', sort: 'created', direction: 'desc', per_page: 100 });
  const found = data.find((i) => (i.body ?? '').includes(report.marker));
  if (found) return { number: found.number, created: false };
  const created = await gh.rest.issues.create({ ...r, title: report.title, body: report.body });
  return { number: created.data.number, created: true };
}
