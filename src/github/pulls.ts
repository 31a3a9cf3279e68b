import type { GitHub } from './client.ts';
import { colourCreatedLabels, commentBody, listBotComments, type Repo } from './repo.ts';
import { readMarker, type Decision } from '../core/decision.ts';
import { CHECKIN_MARKER, FRESHNESS_LABEL, editProfile, type ChangeResult, type Checkin, type NewCheckin, type ProfileChange } from '../core/freshness.ts';

/**
 * Freshness on GitHub: the check-in issues, and the pull requests that change a profile (branch, one commit
 * through the contents API, pull request). REST only; every step can be repeated and finds what an earlier,
 * interrupted run left, so a re-run never opens a second pull request.
 */

const status = (e: unknown) => (e as { status?: number }).status;
const messageOf = (e: unknown) => String((e as { response?: { data?: { message?: string; errors?: Array<{ message?: string }> } } }).response?.data?.errors?.[0]?.message ?? (e as Error).message ?? '');

type RawCheckin = { number: number; user: { login: string } | null; state: string; body?: string | null; created_at: string; pull_request?: unknown };

function toCheckin(i: RawCheckin, botLogin: string): Checkin | undefined {
  // Only the bot's own issues with its marker count: a copy someone made by hand, labels and all, does not.
  if (i.pull_request || i.user?.login !== botLogin) return undefined;
  const m = readMarker(i.body);
  if (m?.kind !== CHECKIN_MARKER) return undefined;
  return { number: i.number, mentor: m.key.toLowerCase(), state: i.state === 'closed' ? 'closed' : 'open', opened: i.created_at.slice(0, 10) };
}

/** Every check-in the bot opened, open and closed: closed ones date the last check-in of each mentor. */
export async function listCheckins(gh: GitHub, r: Repo, botLogin: string): Promise<Checkin[]> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...r, state: 'all', labels: FRESHNESS_LABEL, per_page: 100 });
  return issues.flatMap((i) => toCheckin(i as RawCheckin, botLogin) ?? []);
}

/** The issue as a check-in, read live; undefined when it is not one the bot opened. */
export async function getCheckin(gh: GitHub, r: Repo, number: number, botLogin: string): Promise<Checkin | undefined> {
  const { data } = await gh.rest.issues.get({ ...r, issue_number: number });
  return toCheckin(data as RawCheckin, botLogin);
}

export async function openCheckin(gh: GitHub, r: Repo, c: NewCheckin): Promise<number> {
  const { data } = await gh.rest.issues.create({ ...r, title: c.title, body: c.body, labels: c.labels });
  await colourCreatedLabels(gh, r, data.labels);
  return data.number;
}

/**
 * Comments (found again by marker, so none is posted twice), then the close. Check-ins carry no status labels,
 * so their labels are left as they are.
 */
export async function applyCheckinDecision(gh: GitHub, r: Repo, d: Decision, botLogin: string): Promise<{ commentsCreated: number; closed: boolean }> {
  const existing = d.comments.length ? await listBotComments(gh, r, d.issue, botLogin) : [];
  let commentsCreated = 0;
  for (const c of d.comments) {
    if (existing.some((e) => e.kind === c.kind && e.key === c.key)) continue;
    await gh.rest.issues.createComment({ ...r, issue_number: d.issue, body: commentBody(c) });
    commentsCreated++;
  }
  if (d.close) await gh.rest.issues.update({ ...r, issue_number: d.issue, state: 'closed', state_reason: d.close.reason });
  return { commentsCreated, closed: Boolean(d.close) };
}

/** A pull request from `branch`, open or closed: one branch is one answer, whatever became of its pull request. */
export async function findPull(gh: GitHub, r: Repo, branch: string): Promise<{ number: number; url: string } | undefined> {
  // `head` must be owner:branch; GitHub ignores a bare branch name and would list every pull request.
  const { data } = await gh.rest.pulls.list({ ...r, head: `${r.owner}:${branch}`, state: 'all', per_page: 1 });
  const p = data[0];
  return p ? { number: p.number, url: p.html_url } : undefined;
}

export async function branchExists(gh: GitHub, r: Repo, branch: string): Promise<boolean> {
  try {
    await gh.rest.git.getRef({ ...r, ref: `heads/${branch}` });
    return true;
  } catch (e) {
    if (status(e) === 404) return false;
    throw e;
  }
}

export async function readFile(gh: GitHub, r: Repo, path: string, ref: string): Promise<{ text: string; sha: string } | undefined> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...r, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (e) {
    if (status(e) === 404) return undefined;
    throw e;
  }
}

/** Creates `branch` at `sha`; false when it exists already (an earlier run made it). */
/** Commit `text` as `path` on `branch` (a new file, or a new version of the file whose blob is `sha`). */
export async function writeFile(gh: GitHub, r: Repo, f: { path: string; branch: string; message: string; text: string; sha?: string | undefined }): Promise<void> {
  await gh.rest.repos.createOrUpdateFileContents({
    ...r,
    path: f.path,
    branch: f.branch,
    message: f.message,
    content: Buffer.from(f.text, 'utf8').toString('base64'),
    ...(f.sha ? { sha: f.sha } : {}),
  });
}

export async function createBranch(gh: GitHub, r: Repo, branch: string, sha: string): Promise<boolean> {
  try {
    await gh.rest.git.createRef({ ...r, ref: `refs/heads/${branch}`, sha });
    return true;
  } catch (e) {
    if (status(e) === 422 && /already exists/i.test(messageOf(e))) return false;
    throw e;
  }
}

/**
 * A pull request that rewrites one file, found again by its branch: a re-run returns the pull request an earlier
 * run opened, and a branch an earlier run already committed to is kept as it is (its change is the answer given
 * then). `edit` gets the file on the default branch (undefined when it doesn't exist) and returns the new text, or
 * undefined when there is nothing to change; it may throw to refuse.
 */
export async function proposeFileChange(
  gh: GitHub,
  r: Repo,
  c: { branch: string; path: string; title: string; body: string; edit: (current: string | undefined, base: string) => string | undefined },
): Promise<ChangeResult> {
  const earlier = await findPull(gh, r, c.branch);
  if (earlier) return { kind: 'pull', ...earlier, existed: true };

  const { data: repo } = await gh.rest.repos.get({ ...r });
  const base = repo.default_branch;
  const { data: ref } = await gh.rest.git.getRef({ ...r, ref: `heads/${base}` });
  // Read at the commit the branch will start from, so the file and the branch agree.
  const onBase = await readFile(gh, r, c.path, ref.object.sha);
  const text = c.edit(onBase?.text, base);
  if (text === undefined) return { kind: 'unchanged' };

  const fresh = await createBranch(gh, r, c.branch, ref.object.sha);
  const current = fresh ? onBase : await readFile(gh, r, c.path, c.branch);
  if (onBase && !current) throw new Error(`${c.path} is missing on branch ${c.branch}; delete the branch and run the workflow again.`);
  if (current?.text === onBase?.text) {
    await writeFile(gh, r, { path: c.path, branch: c.branch, message: c.title, text, sha: current?.sha });
  }
  try {
    const { data } = await gh.rest.pulls.create({ ...r, title: c.title, body: c.body, head: c.branch, base });
    return { kind: 'pull', number: data.number, url: data.html_url, existed: false };
  } catch (e) {
    if (status(e) === 403 && /not permitted to create/i.test(messageOf(e))) {
      // The setting is off by default in new repositories; say where it is rather than only that it failed.
      (e as Error).message =
        'GitHub Actions is not permitted to create pull requests in this repository. Turn on Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests"; the branch prepared for the change is reused';
      throw e;
    }
    // Another run opened it a moment ago.
    if (status(e) === 422 && /already exists/i.test(messageOf(e))) {
      const found = await findPull(gh, r, c.branch);
      if (found) return { kind: 'pull', ...found, existed: true };
    }
    throw e;
  }
}

/** A profile change (freshness): the one-file pull request, refused when the profile or the field can't be edited. */
export function proposeChange(gh: GitHub, r: Repo, c: ProfileChange): Promise<ChangeResult> {
  return proposeFileChange(gh, r, {
    branch: c.branch,
    path: c.path,
    title: c.title,
    body: c.body,
    edit: (current, base) => {
      if (current === undefined) throw new Error(`${c.path} is not on ${base}, so @${c.mentor}'s profile cannot be changed.`);
      const planned = editProfile(current, c.field, c.value);
      if (!planned.ok) throw new Error(`cannot set ${c.field} in ${c.path}: ${planned.reason}.`);
      return planned.changed ? planned.text : undefined;
    },
  });
}
