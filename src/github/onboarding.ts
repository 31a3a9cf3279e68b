import type { GitHub } from './client.ts';
import { applyDecision, colourCreatedLabels, listBotComments, type Repo } from './repo.ts';
import { createBranch, readFile } from './pulls.ts';
import type { Decision } from '../core/decision.ts';
import { APPLICATION_BRANCH_PREFIX, APPLICATION_LABEL, type Proposal, type ProposalResult, type PullState } from '../core/onboarding.ts';

/**
 * Mentor applications on GitHub: the pull request that adds a profile (branch, one commit through the contents
 * API, pull request) and the application's status comment. Every step can be repeated and finds what an
 * earlier run left: the pull request by its branch, the file by its blob sha, the comment by its marker.
 */

const status = (e: unknown) => (e as { status?: number }).status;
const messageOf = (e: unknown) => String((e as { response?: { data?: { message?: string; errors?: Array<{ message?: string }> } } }).response?.data?.errors?.[0]?.message ?? (e as Error).message ?? '');

type RawPull = { number: number; html_url: string; state: string; merged_at?: string | null; head: { ref: string } };
const toPull = (p: RawPull): PullState => ({ number: p.number, url: p.html_url, state: p.state === 'closed' ? 'closed' : 'open', merged: Boolean(p.merged_at) });

/** The pull request from an application's branch, open, merged or closed. */
export async function findApplicationPull(gh: GitHub, r: Repo, branch: string): Promise<PullState | undefined> {
  // `head` must be owner:branch; GitHub ignores a bare branch name and would list every pull request.
  const { data } = await gh.rest.pulls.list({ ...r, head: `${r.owner}:${branch}`, state: 'all', per_page: 1 });
  return data[0] ? toPull(data[0] as RawPull) : undefined;
}

/** An open pull request for the same login from another application, found by its branch name. */
export async function findOtherApplicationPull(gh: GitHub, r: Repo, login: string, except: string): Promise<(PullState & { issue: number }) | undefined> {
  const prefix = APPLICATION_BRANCH_PREFIX(login);
  const pulls = await gh.paginate(gh.rest.pulls.list, { ...r, state: 'open', per_page: 100 });
  for (const p of pulls as RawPull[]) {
    const ref = p.head.ref;
    if (ref === except || !ref.startsWith(prefix) || !/^\d+$/.test(ref.slice(prefix.length))) continue;
    return { ...toPull(p), issue: Number(ref.slice(prefix.length)) };
  }
  return undefined;
}

/**
 * Opens the pull request that adds the profile, or writes the new version to the branch of the one that is open
 * already. The file is written only when it differs from what the branch holds, so a repeated run commits nothing.
 */
export async function proposeProfile(gh: GitHub, r: Repo, p: Proposal): Promise<ProposalResult> {
  if (p.update) {
    const current = await readFile(gh, r, p.path, p.branch);
    if (current?.text === p.text) return { kind: 'unchanged', number: p.update.number, url: p.update.url };
    await write(gh, r, p, p.message, current?.sha);
    return { kind: 'updated', number: p.update.number, url: p.update.url };
  }
  const { data: repo } = await gh.rest.repos.get({ ...r });
  const base = repo.default_branch;
  const { data: ref } = await gh.rest.git.getRef({ ...r, ref: `heads/${base}` });
  // The workspace said there was no profile; the default branch may have moved since the run started.
  if (await readFile(gh, r, p.path, ref.object.sha)) return { kind: 'exists' };
  const fresh = await createBranch(gh, r, p.branch, ref.object.sha);
  // A branch an earlier, interrupted run made: write over what it holds only if it differs.
  const current = fresh ? undefined : await readFile(gh, r, p.path, p.branch);
  if (current?.text !== p.text) await write(gh, r, p, p.message, current?.sha);
  try {
    const { data } = await gh.rest.pulls.create({ ...r, title: p.title, body: p.body, head: p.branch, base });
    return { kind: 'opened', number: data.number, url: data.html_url };
  } catch (e) {
    if (status(e) === 403 && /not permitted to create/i.test(messageOf(e))) {
      (e as Error).message =
        'GitHub Actions is not permitted to create pull requests in this repository. Turn on Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests"; the branch prepared for the profile is reused';
      throw e;
    }
    // Another run opened it a moment ago.
    if (status(e) === 422 && /already exists/i.test(messageOf(e))) {
      const found = await findApplicationPull(gh, r, p.branch);
      if (found) return { kind: 'unchanged', number: found.number, url: found.url };
    }
    throw e;
  }
}

async function write(gh: GitHub, r: Repo, p: Proposal, message: string, sha: string | undefined): Promise<void> {
  await gh.rest.repos.createOrUpdateFileContents({
    ...r,
    path: p.path,
    branch: p.branch,
    message,
    content: Buffer.from(p.text, 'utf8').toString('base64'),
    ...(sha ? { sha } : {}),
  });
}

/**
 * The status comment (created, or edited in place when it says something new), then the form's label if the
 * issue lacks it (GitHub drops a form's label that the repository doesn't have yet). A label GitHub creates on
 * first use is given its colour and description.
 */
export async function applyApplicationDecision(gh: GitHub, r: Repo, d: Decision, botLogin: string, labels: string[]): Promise<{ commentsCreated: number; commentsUpdated: number }> {
  const existingComments = d.comments.length ? await listBotComments(gh, r, d.issue, botLogin) : [];
  const result = await applyDecision(gh, r, { ...d, addLabels: [], removeLabels: [] }, { currentLabels: labels, currentBody: '', knownLabels: new Set(), existingComments });
  if (d.addLabels.includes(APPLICATION_LABEL) && !labels.includes(APPLICATION_LABEL)) {
    const { data } = await gh.rest.issues.addLabels({ ...r, issue_number: d.issue, labels: [APPLICATION_LABEL] });
    await colourCreatedLabels(gh, r, data.filter((l) => l.name === APPLICATION_LABEL));
  }
  return { commentsCreated: result.commentsCreated, commentsUpdated: result.commentsUpdated };
}
