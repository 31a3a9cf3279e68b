import type { GitHub } from './client.ts';
import type { Repo } from './repo.ts';
import { cohortLabel } from '../core/matching/matches-file.ts';
import { trustedMark, type CohortIssue } from '../core/cohort-issues.ts';
import { readClock } from '../core/clock.ts';
import type { ListedApplication } from '../core/cohort-answers.ts';

/**
 * A cohort's issues, open and closed, in one list of the `cohort:<id>` label (⌈n/100⌉ calls): those the bot's own
 * account opened with its marker on the first line (its pairs, groups and problems issue), and everyone else's
 * (the applications, and anything else filed with the label) for the answers on merge. An issue someone else
 * opened is never the bot's, whatever its first line says.
 */
export async function listCohortIssues(gh: GitHub, r: Repo, cohort: string, botLogin: string): Promise<{ bot: CohortIssue[]; others: ListedApplication[] }> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...r, state: 'all', labels: cohortLabel(cohort), per_page: 100 });
  const bot: CohortIssue[] = [];
  const others: ListedApplication[] = [];
  for (const i of issues) {
    if (i.pull_request) continue;
    const author = i.user?.login ?? 'ghost';
    const body = i.body ?? '';
    const state = i.state === 'closed' ? 'closed' : 'open';
    if (author.toLowerCase() !== botLogin.toLowerCase()) {
      others.push({
        number: i.number,
        author,
        authorType: i.user?.type,
        state,
        labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
        body,
        createdAt: i.created_at,
        stateReason: i.state_reason ?? null,
        comments: i.comments,
      });
      continue;
    }
    const mark = trustedMark({ author, body }, botLogin);
    if (!mark || mark.cohort !== cohort) continue;
    bot.push({ number: i.number, mark, state, body, complete: readClock(body) !== undefined });
  }
  return { bot: bot.sort((a, b) => a.number - b.number), others: others.sort((a, b) => a.number - b.number) };
}

/** The committee's problems issue: its text replaced, and opened again if it was closed. */
export async function updateIssueText(gh: GitHub, r: Repo, number: number, body: string, reopen: boolean): Promise<void> {
  await gh.rest.issues.update({ ...r, issue_number: number, body, ...(reopen ? { state: 'open', state_reason: 'reopened' } : {}) });
}

export async function closeWithComment(gh: GitHub, r: Repo, number: number, comment: string): Promise<void> {
  await gh.rest.issues.createComment({ ...r, issue_number: number, body: comment });
  await gh.rest.issues.update({ ...r, issue_number: number, state: 'closed', state_reason: 'completed' });
}
