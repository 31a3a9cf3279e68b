import type { GitHub } from './client.ts';
import type { Repo } from './repo.ts';
import { readFile, createBranch, writeFile } from './pulls.ts';
import type { ApplicationIssue } from '../core/cohort-match.ts';
import { cohortLabel } from '../core/matching/matches-file.ts';

/**
 * Cohort matching on GitHub: the cohort's open application issues (the `cohort:<id>` label, every page), and the
 * pull request that proposes `matches/<cohort>.yaml`. REST only. A rerun finds what an earlier run left (the
 * branch, its open pull request) and updates it rather than opening a second one.
 */

/** Every open issue labelled `cohort:<id>`, oldest first; pull requests are left out. */
export async function listCohortIssues(gh: GitHub, r: Repo, cohort: string): Promise<{ issues: ApplicationIssue[]; calls: number }> {
  const issues: ApplicationIssue[] = [];
  let calls = 0;
  for await (const page of gh.paginate.iterator(gh.rest.issues.listForRepo, { ...r, state: 'open', labels: cohortLabel(cohort), sort: 'created', direction: 'asc', per_page: 100 })) {
    calls++;
    for (const i of page.data) {
      if (i.pull_request) continue;
      issues.push({
        number: i.number,
        author: i.user?.login ?? 'ghost',
        authorType: i.user?.type,
        state: i.state === 'closed' ? 'closed' : 'open',
        labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
        body: i.body ?? '',
        createdAt: i.created_at,
      });
    }
  }
  return { issues, calls };
}

export interface MatchesPull {
  branch: string;
  path: string;
  text: string;
  /** The commit message. */
  message: string;
  title: string;
  body: string;
}

export type MatchesPullResult = { kind: 'opened' | 'updated' | 'unchanged'; number: number; url: string; branch: string };

export class MatchesPullError extends Error {}

const status = (e: unknown) => (e as { status?: number }).status;
const messageOf = (e: unknown) => String((e as { response?: { data?: { message?: string; errors?: Array<{ message?: string }> } } }).response?.data?.errors?.[0]?.message ?? (e as { response?: { data?: { message?: string } } }).response?.data?.message ?? (e as Error).message ?? '');

/**
 * Proposes the file in a pull request from `p.branch`: opens one, or commits the new version to the branch of the
 * one an earlier run opened. Refuses when the file is on the default branch already: that cohort was matched and
 * merged, and the bot opened its issues from it.
 */
export async function proposeMatchesPull(gh: GitHub, r: Repo, p: MatchesPull): Promise<MatchesPullResult> {
  const { data: repo } = await gh.rest.repos.get({ ...r });
  const base = repo.default_branch;
  const { data: ref } = await gh.rest.git.getRef({ ...r, ref: `heads/${base}` });
  if (await readFile(gh, r, p.path, ref.object.sha)) {
    throw new MatchesPullError(
      `${p.path} is on ${base} already: this cohort's matches were merged, and the partnership issues were opened from them. To propose other matches, remove the file in a pull request first, or match a new cohort.`,
    );
  }
  const { data: open } = await gh.rest.pulls.list({ ...r, head: `${r.owner}:${p.branch}`, base, state: 'open', per_page: 1 });
  const existing = open[0];
  await createBranch(gh, r, p.branch, ref.object.sha);
  const current = await readFile(gh, r, p.path, p.branch);
  const changed = current?.text !== p.text;
  if (changed) {
    await writeFile(gh, r, { path: p.path, branch: p.branch, message: p.message, text: p.text, sha: current?.sha });
  }
  if (existing) return { kind: changed ? 'updated' : 'unchanged', number: existing.number, url: existing.html_url, branch: p.branch };
  try {
    const { data } = await gh.rest.pulls.create({ ...r, title: p.title, body: p.body, head: p.branch, base });
    return { kind: 'opened', number: data.number, url: data.html_url, branch: p.branch };
  } catch (e) {
    if (status(e) === 403 && /not permitted to create/i.test(messageOf(e))) {
      throw new MatchesPullError(
        `GitHub Actions is not permitted to create pull requests in this repository. Turn on Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests", then run the workflow again; the branch ${p.branch} already holds the file`,
      );
    }
    if (status(e) === 422 && /already exists/i.test(messageOf(e))) {
      // Another run opened it a moment ago.
      const { data: again } = await gh.rest.pulls.list({ ...r, head: `${r.owner}:${p.branch}`, base, state: 'open', per_page: 1 });
      if (again[0]) return { kind: changed ? 'updated' : 'unchanged', number: again[0].number, url: again[0].html_url, branch: p.branch };
    }
    throw e;
  }
}
