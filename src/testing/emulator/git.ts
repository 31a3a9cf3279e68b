// The repository's files: commits holding whole trees, and refs pointing at commits. Enough git for the contents,
// refs and pulls endpoints; there are no trees or blobs of their own, merges are the test's, not the API's.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface CommitRecord {
  sha: string;
  /** Path → text of every file in the commit. */
  tree: ReadonlyMap<string, string>;
  treeSha: string;
  parents: string[];
  message: string;
  /** Login of the user whose token made it. */
  author: string;
  date: string;
}

const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');

/** The sha git gives a file's content: `blob <bytes>\0<content>`, so a test can compute it independently. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
}

/** Stands in for git's tree sha: a function of the paths and blob shas under `prefix`. */
function treeShaOf(tree: ReadonlyMap<string, string>, prefix = ''): string {
  const lines = [...tree.entries()]
    .filter(([p]) => p.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([p, t]) => `${p}\0${blobSha(t)}`);
  return sha1(`tree\n${lines.join('\n')}`);
}

/** Files under a directory, as paths relative to it with `/`; `.git` and `node_modules` are not the repository's. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.git' || name === 'node_modules') continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

export type DirEntry = { kind: 'file'; path: string; text: string } | { kind: 'dir'; path: string; sha: string };

export class GitRepo {
  readonly defaultBranch = 'main';
  private readonly commits = new Map<string, CommitRecord>();
  /** Full ref name (`refs/heads/main`) → commit sha. */
  private readonly refs = new Map<string, string>();
  private seq = 0;

  constructor(files: Record<string, string>, owner: string, date: string) {
    const root = this.commit({ parents: [], tree: new Map(Object.entries(files)), message: 'Initial commit', author: owner, date });
    this.refs.set(`refs/heads/${this.defaultBranch}`, root.sha);
  }

  commit(c: Omit<CommitRecord, 'sha' | 'treeSha'>): CommitRecord {
    const treeSha = treeShaOf(c.tree);
    // The sequence number keeps two identical commits (same tree, parent and message) apart, as their times would.
    const sha = sha1(`commit ${++this.seq}\n${treeSha}\n${c.parents.join(' ')}\n${c.author} ${c.date}\n${c.message}`);
    const rec: CommitRecord = { ...c, sha, treeSha };
    this.commits.set(sha, rec);
    return rec;
  }

  getCommit(sha: string): CommitRecord | undefined {
    return this.commits.get(sha);
  }

  /** `main`, `heads/main` or `refs/heads/main` → `refs/heads/main`. */
  static fullRef(name: string): string {
    if (name.startsWith('refs/')) return name;
    if (name.startsWith('heads/') || name.startsWith('tags/')) return `refs/${name}`;
    return `refs/heads/${name}`;
  }

  ref(fullName: string): string | undefined {
    return this.refs.get(fullName);
  }

  setRef(fullName: string, sha: string): void {
    this.refs.set(fullName, sha);
  }

  branches(): Array<{ name: string; sha: string }> {
    return [...this.refs.entries()].filter(([r]) => r.startsWith('refs/heads/')).map(([r, sha]) => ({ name: r.slice('refs/heads/'.length), sha }));
  }

  branch(name: string): string | undefined {
    return this.refs.get(`refs/heads/${name}`);
  }

  /** What `?ref=` names: a branch, a tag or a commit sha (full). Undefined when it names nothing. */
  resolve(ref: string): CommitRecord | undefined {
    const sha = this.refs.get(GitRepo.fullRef(ref)) ?? this.refs.get(`refs/tags/${ref}`) ?? ref;
    return this.commits.get(sha);
  }

  /** The file, or the directory's immediate entries, at `path` in a commit. */
  at(commit: CommitRecord, path: string): { kind: 'file'; text: string } | { kind: 'dir'; entries: DirEntry[] } | undefined {
    const clean = path.replace(/^\/+|\/+$/g, '');
    const text = commit.tree.get(clean);
    if (text !== undefined) return { kind: 'file', text };
    const prefix = clean ? `${clean}/` : '';
    const entries = new Map<string, DirEntry>();
    for (const [p, t] of commit.tree) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) entries.set(rest, { kind: 'file', path: p, text: t });
      else {
        const dir = prefix + rest.slice(0, slash);
        if (!entries.has(rest.slice(0, slash))) entries.set(rest.slice(0, slash), { kind: 'dir', path: dir, sha: treeShaOf(commit.tree, `${dir}/`) });
      }
    }
    if (entries.size === 0) return undefined;
    return { kind: 'dir', entries: [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, e]) => e) };
  }

  /** Every commit reachable from `sha`, itself included. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const todo = [sha];
    while (todo.length) {
      const s = todo.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      todo.push(...(this.commits.get(s)?.parents ?? []));
    }
    return seen;
  }

  /** Commits on `head` that `base` lacks, oldest first: what a pull request from head into base would bring. */
  commitsBetween(base: string, head: string): CommitRecord[] {
    const inBase = this.ancestors(base);
    const out: CommitRecord[] = [];
    for (const s of this.ancestors(head)) if (!inBase.has(s)) out.push(this.commits.get(s)!);
    return out.sort((a, b) => this.seqOf(a) - this.seqOf(b));
  }

  private seqOf(c: CommitRecord): number {
    return [...this.commits.keys()].indexOf(c.sha);
  }

  /** The newest commit both reach: where head left base. */
  mergeBase(base: string, head: string): CommitRecord | undefined {
    const inBase = this.ancestors(base);
    let best: CommitRecord | undefined;
    for (const s of this.ancestors(head)) {
      if (!inBase.has(s)) continue;
      const c = this.commits.get(s)!;
      if (!best || this.seqOf(c) > this.seqOf(best)) best = c;
    }
    return best;
  }

  /** Files that differ between two trees, each with its text before and after (undefined: absent). */
  static diff(from: ReadonlyMap<string, string>, to: ReadonlyMap<string, string>): Array<{ path: string; before?: string; after?: string }> {
    const paths = new Set([...from.keys(), ...to.keys()]);
    return [...paths]
      .filter((p) => from.get(p) !== to.get(p))
      .sort()
      .map((p) => ({ path: p, before: from.get(p), after: to.get(p) }));
  }
}

/** Lines added and removed between two texts, counted as git's line diff would for small edits. */
export function lineChanges(before: string | undefined, after: string | undefined): { additions: number; deletions: number } {
  const a = before === undefined ? [] : before.split('\n');
  const b = after === undefined ? [] : after.split('\n');
  // Longest common subsequence of lines: what remains is what was added or removed.
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const common = dp[0]![0]!;
  return { additions: b.length - common, deletions: a.length - common };
}
