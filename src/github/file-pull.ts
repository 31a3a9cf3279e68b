import type { GitHub } from './client.ts';
import type { Repo } from './repo.ts';
import { createBranch, findPull, readFile, writeFile } from './pulls.ts';

/**
 * A pull request that rewrites one file, found again by its branch: a re-run returns the pull request an earlier
 * run opened, and a branch an earlier run already committed to is kept as it is. `edit` gets the file on the default
 * branch (undefined when it doesn't exist) and returns the new text, or undefined when there is nothing to change.
 */
export async function proposeFileChange(
  gh: GitHub,
  r: Repo,
  c: { branch: string; path: string; title: string; body: string; edit: (current: string | undefined) => string | undefined },
): Promise<{ kind: 'pull'; number: number; url: string; existed: boolean } | { kind: 'unchanged' }> {
  const earlier = await findPull(gh, r, c.branch);
  if (earlier) return { kind: 'pull', ...earlier, existed: true };
  const { data: repo } = await gh.rest.repos.get({ ...r });
  const base = repo.default_branch;
  const { data: ref } = await gh.rest.git.getRef({ ...r, ref: `heads/${base}` });
  const onBase = await readFile(gh, r, c.path, ref.object.sha);
  const text = c.edit(onBase?.text);
  if (text === undefined) return { kind: 'unchanged' };
  const fresh = await createBranch(gh, r, c.branch, ref.object.sha);
  const current = fresh ? onBase : await readFile(gh, r, c.path, c.branch);
  if (current?.text === onBase?.text) {
    await writeFile(gh, r, { path: c.path, branch: c.branch, message: c.title, text, sha: current?.sha });
  }
  try {
    const { data } = await gh.rest.pulls.create({ ...r, title: c.title, body: c.body, head: c.branch, base });
    return { kind: 'pull', number: data.number, url: data.html_url, existed: false };
  } catch (e) {
    const status = (e as { status?: number }).status;
    // GitHub puts the reason in the response's errors list, not always in the message.
    const message = String((e as { response?: { data?: { errors?: Array<{ message?: string }> } } }).response?.data?.errors?.[0]?.message ?? (e as Error).message ?? '');
    if (status === 403 && /not permitted to create/i.test(message)) {
      (e as Error).message =
        'GitHub Actions is not permitted to create pull requests in this repository. Turn on Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests"; the branch prepared for the change is reused';
    }
    if (status === 422 && /already exists/i.test(message)) {
      const found = await findPull(gh, r, c.branch);
      if (found) return { kind: 'pull', ...found, existed: true };
    }
    throw e;
  }
}
