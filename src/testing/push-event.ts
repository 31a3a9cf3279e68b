import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Emulator } from './emulator/index.ts';

/**
 * A `push` delivery as GitHub sends it when a pull request is merged into the default branch (the emulator
 * produces no push webhooks): @octokit/webhooks-examples' push to a branch, with this repository, the person who
 * merged as sender and pusher, and commits listing the files they added, changed or removed. The bot reads the
 * files themselves from the checkout, as on GitHub.
 */

type Json = Record<string, unknown>;
export interface PushCommit {
  message?: string;
  added?: string[];
  modified?: string[];
  removed?: string[];
}

const require = createRequire(import.meta.url);
let seq = 0;

function branchPushExample(): Json {
  const groups = require('@octokit/webhooks-examples') as { name: string; examples: Json[] }[];
  const found = groups.find((g) => g.name === 'push')?.examples.find((e) => String(e.ref).startsWith('refs/heads/'));
  if (!found) throw new Error('@octokit/webhooks-examples has no push to a branch');
  return structuredClone(found);
}

export function pushEvent(gh: Emulator, o: { by: string; commits: PushCommit[]; ref?: string; at?: Date }): { name: 'push'; payload: Json } {
  const example = branchPushExample();
  const branch = gh.store.git.defaultBranch;
  const at = o.at ?? new Date();
  const sender = gh.render.userByLogin(o.by) as Json & { id: number; login: string };
  const author = { name: sender.login, email: `${sender.id}+${sender.login}@users.noreply.github.com`, username: sender.login };
  const rendered = gh.render.repository(null);
  const repository = Object.fromEntries(
    Object.entries(example.repository as Json).map(([k, v]) => {
      // A push payload's repository times are Unix seconds, unlike the REST API's.
      if (k === 'created_at') return [k, Math.floor(Date.parse('2026-01-01T00:00:00Z') / 1000)];
      if (k === 'pushed_at') return [k, Math.floor(at.getTime() / 1000)];
      if (k === 'default_branch' || k === 'master_branch') return [k, branch];
      return [k, k in rendered ? rendered[k] : v];
    }),
  );
  const before = createHash('sha1').update(`before ${++seq}`).digest('hex');
  const commits = o.commits.map((c, i) => {
    const id = createHash('sha1').update(`${seq}.${i} ${c.message ?? ''}`).digest('hex');
    return {
      id,
      tree_id: createHash('sha1').update(`tree ${id}`).digest('hex'),
      distinct: true,
      message: c.message ?? 'Update matches',
      timestamp: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      url: `${String(rendered.html_url)}/commit/${id}`,
      author,
      committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
      added: c.added ?? [],
      removed: c.removed ?? [],
      modified: c.modified ?? [],
    };
  });
  const after = commits.at(-1)?.id ?? before;
  const payload: Json = {};
  for (const [k, v] of Object.entries(example)) {
    if (k === 'installation') continue; // a workflow in the repository itself receives no App installation
    payload[k] = v;
  }
  Object.assign(payload, {
    ref: o.ref ?? `refs/heads/${branch}`,
    before,
    after,
    repository,
    pusher: { name: author.name, email: author.email },
    sender,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${String(rendered.html_url)}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits,
    head_commit: commits.at(-1) ?? null,
  });
  return { name: 'push', payload };
}
