import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchError, progress } from './report.ts';

/**
 * Measured Astro builds: wall-clock time and peak resident memory of the build
 * process tree.
 *
 * Peak RSS. The build runs as `node --import rss-reporter.ts astro.mjs build`;
 * at exit the reporter writes getrusage's maxRSS (the kernel's high-water mark,
 * identical to /proc/self/status VmHWM, and to what `/usr/bin/time -v` prints)
 * for the main process, which covers its worker threads. Astro also spawns
 * child processes (the esbuild service): a poller walks the process tree every
 * 100 ms and keeps each child's VmHWM, which is a high-water mark too, so a
 * short-lived spike is not missed as long as the child lives past one poll.
 * Peak = main maxRSS + children's VmHWM: an upper bound of the tree's peak,
 * since the children's peaks need not coincide with the main one (they are a
 * few tens of MB). The largest simultaneous sum seen by the poller is kept as
 * a lower bound.
 */

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const ASTRO_BIN = join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs');
const REPORTER = pathToFileURL(join(import.meta.dirname, 'rss-reporter.ts')).href;

export type BuildKind = 'mentorkit' | 'baseline';

export interface BuildResult {
  kind: BuildKind;
  n: number;
  outDir: string;
  seconds: number;
  /** Main process maxRSS + children's VmHWM, bytes. */
  peakRssBytes: number;
  mainRssBytes: number;
  childRssBytes: number;
  /** Largest simultaneous tree RSS seen by the 100 ms poller, bytes (lower bound). */
  sampledTreeRssBytes: number;
  /** "name (pid) peak" for each child process seen. */
  children: string[];
  /** Astro's own timing lines, ANSI stripped. */
  phases: string[];
  /** With --runs above 1: every build's figures; the fields above are medians. */
  samples?: { seconds: number[]; peakRssBytes: number[] };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * mentorkit against the baseline over repeated runs: the ratio of each run's two builds, which ran back to back,
 * and the median of those ratios. A machine that slows down or speeds up during the benchmark (other work, disk
 * write-back) moves both builds of a pair alike, whereas the two kinds' medians can come from different moments.
 */
export function pairedRatio(mentorkit: readonly number[], baseline: readonly number[]): { ratio: number; pairs: number[] } {
  if (mentorkit.length !== baseline.length || mentorkit.length === 0) throw new Error(`pairedRatio: ${mentorkit.length} mentorkit and ${baseline.length} baseline builds do not pair up`);
  const pairs = mentorkit.map((v, i) => v / baseline[i]!);
  return { ratio: median(pairs), pairs };
}

/** Which build of run k (from 1) goes first: alternating, so that a steady drift favours neither kind. */
export function buildOrder(k: number): readonly BuildKind[] {
  return k % 2 === 1 ? ['mentorkit', 'baseline'] : ['baseline', 'mentorkit'];
}

/** Several builds of the same kind and size as one result: median time and median peak RSS. */
export function medianBuild(builds: readonly BuildResult[]): BuildResult {
  const last = builds[builds.length - 1]!;
  if (builds.length === 1) return last;
  const byRss = [...builds].sort((a, b) => a.peakRssBytes - b.peakRssBytes);
  const mid = byRss[byRss.length >> 1]!;
  return {
    ...last,
    seconds: median(builds.map((b) => b.seconds)),
    peakRssBytes: median(builds.map((b) => b.peakRssBytes)),
    mainRssBytes: mid.mainRssBytes,
    childRssBytes: mid.childRssBytes,
    sampledTreeRssBytes: mid.sampledTreeRssBytes,
    children: mid.children,
    samples: { seconds: builds.map((b) => b.seconds), peakRssBytes: builds.map((b) => b.peakRssBytes) },
  };
}

let active: ChildProcess | undefined;

/** Stop the build in progress, if any (on Ctrl-C). */
export function killActiveBuild(): void {
  if (active && active.exitCode === null) active.kill('SIGTERM');
}

function readStatus(pid: number): { name: string; hwm: number; rss: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(s)?.[1] ?? 0) * 1024;
    return { name: /^Name:\s+(.*)$/m.exec(s)?.[1] ?? '?', hwm: kib('VmHWM'), rss: kib('VmRSS') };
  } catch {
    return undefined;
  }
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  const walk = (p: number) => {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const t of tasks) {
      let kids = '';
      try {
        kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const k of kids.split(/\s+/).filter(Boolean).map(Number)) {
        out.push(k);
        walk(k);
      }
    }
  };
  walk(pid);
  return out;
}

const ANSI = /\x1b\[[0-9;]*m/g;
const PHASE = /\[(content|types|build|vite|@astrojs\/sitemap)\].*(Completed in|built in|Generated|Synced|[0-9.]+m?s\b)/;

export interface RunBuildOptions {
  kind: BuildKind;
  n: number;
  cwd: string;
  args: string[];
  env: Record<string, string>;
  outDir: string;
  rssFile: string;
  label: string;
  timeoutMs?: number;
}

export async function runBuild(o: RunBuildOptions): Promise<BuildResult> {
  rmSync(o.rssFile, { force: true });
  // Flush what earlier steps wrote (the generated profiles, the previous build's dist/) before the clock starts:
  // otherwise the kernel writes it back during this build, and each build pays for the one before it.
  spawnSync('sync', { stdio: 'ignore' });
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', REPORTER, ASTRO_BIN, 'build', ...o.args], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env, BENCH_RSS_FILE: o.rssFile, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  active = child;

  // Keep the output's tail for error messages and the timing lines for the report.
  let tail = '';
  const phases: string[] = [];
  let partial = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-64 * 1024);
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      const clean = line.replace(ANSI, '').trimEnd();
      if (PHASE.test(clean) && !/\/index\.html|\.json|\.xml/.test(clean)) phases.push(clean);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  const childPeaks = new Map<number, { name: string; hwm: number }>();
  let sampledTree = 0;
  let lastRss = 0;
  const poll = () => {
    if (child.pid === undefined) return;
    const root = readStatus(child.pid);
    let sum = root?.rss ?? 0;
    lastRss = root?.rss ?? lastRss;
    for (const pid of descendants(child.pid)) {
      const s = readStatus(pid);
      if (!s) continue;
      sum += s.rss;
      const seen = childPeaks.get(pid);
      if (!seen || s.hwm > seen.hwm) childPeaks.set(pid, { name: s.name, hwm: s.hwm });
    }
    sampledTree = Math.max(sampledTree, sum);
  };
  const poller = setInterval(poll, 100);
  const heartbeat = setInterval(() => {
    progress(`${o.label}: still building (${((performance.now() - start) / 1000).toFixed(0)} s, RSS now ${(lastRss / 1e6).toFixed(0)} MB)`);
  }, 30_000);
  const timeout = setTimeout(() => child.kill('SIGTERM'), o.timeoutMs ?? 45 * 60_000);

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
    child.on('error', fail);
    child.on('close', (c, s) => done({ code: c, signal: s }));
  }).finally(() => {
    clearInterval(poller);
    clearInterval(heartbeat);
    clearTimeout(timeout);
    active = undefined;
  });
  const seconds = (performance.now() - start) / 1000;

  if (code !== 0) {
    const lines = tail.replace(ANSI, '').trimEnd().split('\n').slice(-40).join('\n');
    throw new BenchError(
      `${o.label}: astro build failed (${signal ? `killed by ${signal}` : `exit code ${code}`}) after ${seconds.toFixed(1)} s`,
      `last lines of the build's output:\n${lines}`,
    );
  }
  if (!existsSync(o.rssFile)) {
    throw new BenchError(`${o.label}: the build finished but the RSS reporter wrote nothing to ${o.rssFile}`);
  }
  const rep = JSON.parse(readFileSync(o.rssFile, 'utf8')) as { maxRssKiB: number; vmHwmKiB: number | null };
  const mainRssBytes = Math.max(rep.maxRssKiB, rep.vmHwmKiB ?? 0) * 1024;
  const childRssBytes = [...childPeaks.values()].reduce((a, c) => a + c.hwm, 0);
  return {
    kind: o.kind,
    n: o.n,
    outDir: o.outDir,
    seconds,
    peakRssBytes: mainRssBytes + childRssBytes,
    mainRssBytes,
    childRssBytes,
    sampledTreeRssBytes: sampledTree,
    children: [...childPeaks.entries()].map(([pid, c]) => `${c.name} (${pid}) ${(c.hwm / 1e6).toFixed(0)} MB`),
    phases,
  };
}

/** The repository's Astro config (a .mjs file, so Astro imports it with Node directly; see the file's header). */
export const MENTORKIT_CONFIG = 'astro.config.mjs';

/**
 * mentorkit's own build, run as the CLI does from the repository with
 * MENTORKIT_ROOT/MENTORKIT_OUT. One addition: `--config` points at a wrapper
 * that imports the repository's astro.config.mjs unchanged and only sets
 * `cacheDir` to a fresh folder, so the content-layer cache (data-store.json,
 * normally node_modules/.astro) starts cold on every run and the repository's
 * own cache is neither read nor overwritten. The wrapper is a .mjs file like
 * the config, so Astro loads it the same way (with Node, not through Vite).
 */
export async function buildMentorkit(n: number, contentRoot: string, work: string): Promise<BuildResult> {
  const outDir = join(work, 'mentorkit-dist');
  const cacheDir = join(work, 'mentorkit-cache');
  // Cold every time, also on repeated runs.
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const wrapper = join(work, 'mentorkit.config.mjs');
  let rel = relative(work, join(REPO_ROOT, MENTORKIT_CONFIG));
  if (!rel.startsWith('.')) rel = `./${rel}`;
  writeFileSync(
    wrapper,
    `// Written by scripts/bench.ts: the repository's config with a private, cold cache.\n` +
      `import config from ${JSON.stringify(rel)};\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(`${cacheDir}/`)} };\n`,
  );
  return runBuild({
    kind: 'mentorkit',
    n,
    cwd: REPO_ROOT,
    // Astro joins --config onto the root, so it must be relative to the repository.
    args: ['--config', relative(REPO_ROOT, wrapper)],
    env: { MENTORKIT_ROOT: contentRoot, MENTORKIT_OUT: outDir },
    outDir,
    rssFile: join(work, 'mentorkit-rss.json'),
    label: `N=${n.toLocaleString('en')} mentorkit`,
  });
}

/**
 * The pages mentorkit's astro.config.mjs renders at once (`build.concurrency`, Astro's default is 1). The baseline
 * uses the same number, so the ratio compares equal configurations: the option speeds up bare Astro too.
 */
export function mentorkitConcurrency(): number {
  const m = /\bconcurrency:\s*(\d+)/.exec(readFileSync(join(REPO_ROOT, MENTORKIT_CONFIG), 'utf8'));
  return m ? Number(m[1]) : 1;
}

/**
 * The bare Astro baseline: a fresh project with a glob loader over the same
 * content/mentors folder, no schema, and one page per entry that renders the
 * Markdown body with render() plus name and headline. No search, filters,
 * index, integrations or layout; the same build concurrency. It reuses the repository's node_modules
 * through a symlink, and has its own cold cacheDir.
 */
export function writeBaselineProject(dir: string, mentorsDir: string): void {
  mkdirSync(join(dir, 'src/pages/mentors'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro-baseline', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n\n` +
      `export default defineConfig({\n` +
      `  outDir: process.env.BASELINE_OUT ?? './dist',\n` +
      `  cacheDir: './.bench-cache/',\n` +
      `  trailingSlash: 'always',\n` +
      `  build: { format: 'directory', concurrency: ${mentorkitConcurrency()} },\n` +
      `  devToolbar: { enabled: false },\n` +
      `});\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\n` +
      `import { glob } from 'astro/loaders';\n\n` +
      `// No schema: the baseline measures Astro itself, not validation.\n` +
      `const mentors = defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(mentorsDir)} }) });\n\n` +
      `export const collections = { mentors };\n`,
  );
  writeFileSync(
    join(dir, 'src/pages/mentors/[id].astro'),
    `---\n` +
      `import { getCollection, render } from 'astro:content';\n\n` +
      `export async function getStaticPaths() {\n` +
      `  const entries = await getCollection('mentors');\n` +
      `  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n` +
      `}\n` +
      `const { entry } = Astro.props;\n` +
      `const { Content } = await render(entry);\n` +
      `---\n` +
      `<html lang="en">\n` +
      `  <head><meta charset="utf-8" /><title>{entry.data.name}</title></head>\n` +
      `  <body>\n` +
      `    <h1>{entry.data.name}</h1>\n` +
      `    <p>{entry.data.headline}</p>\n` +
      `    <Content />\n` +
      `  </body>\n` +
      `</html>\n`,
  );
}

export async function buildBaseline(n: number, mentorsDir: string, work: string): Promise<BuildResult> {
  const dir = join(work, 'baseline');
  // Inside the project: Astro's prerender step imports from the output folder, and
  // packages resolve through the project's node_modules symlink from there.
  const outDir = join(dir, 'dist');
  for (const d of [outDir, join(dir, '.bench-cache'), join(dir, '.astro')]) rmSync(d, { recursive: true, force: true });
  writeBaselineProject(dir, mentorsDir);
  return runBuild({
    kind: 'baseline',
    n,
    cwd: dir,
    args: [],
    env: { BASELINE_OUT: outDir },
    outDir,
    rssFile: join(work, 'baseline-rss.json'),
    label: `N=${n.toLocaleString('en')} baseline`,
  });
}
