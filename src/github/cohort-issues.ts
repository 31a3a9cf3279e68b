import type { GitHub } from './client.ts';
import type { Repo } from './repo.ts';
import { cohortLabel } from '../core/matching/matches-file.ts';
import { trustedMark, type CohortIssue } from '../core/cohort-issues.ts';
import { readClock } from '../core/clock.ts';

/**
 * The issues the bot opened for a cohort, open and closed: every issue with the `cohort:<id>` label (the cohort's
 * applications carry it too, and are skipped), kept when the bot's own account opened it and its first line
 * carries the bot's marker. ⌈n/100⌉ calls.
 */
export async function listCohortIssues(gh: GitHub, r: Repo, cohort: string, botLogin: string): Promise<CohortIssue[]> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...r, state: 'all', labels: cohortLabel(cohort), per_page: 100 });
  const out: CohortIssue[] = [];
  for (const i of issues) {
    if (i.pull_request) continue;
    const mark = trustedMark({ author: i.user?.login ?? 'ghost', body: i.body }, botLogin);
    if (!mark || mark.cohort !== cohort) continue;
    const body = i.body ?? '';
    out.push({ number: i.number, mark, state: i.state === 'closed' ? 'closed' : 'open', body, complete: readClock(body) !== undefined });
  }
  return out.sort((a, b) => a.number - b.number);
}

/** The committee's problems issue: its text replaced, and opened again if it was closed. */
export async function updateIssueText(gh: GitHub, r: Repo, number: number, body: string, reopen: boolean): Promise<void> {
  await gh.rest.issues.update({ ...r, issue_number: number, body, ...(reopen ? { state: 'open', state_reason: 'reopened' } : {}) });
}

export async function closeWithComment(gh: GitHub, r: Repo, number: number, comment: string): Promise<void> {
  await gh.rest.issues.createComment({ ...r, issue_number: number, body: comment });
  await gh.rest.issues.update({ ...r, issue_number: number, state: 'closed', state_reason: 'completed' });
}
