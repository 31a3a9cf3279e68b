import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Program } from '../../src/core/program.ts';
import { pairedRatio, type BuildResult } from './build.ts';
import { measureFirstView } from './first-view.ts';
import type { GenerateStats } from './generate.ts';
import { BIO_SHARD_DIR, contentWords, findIndexFile, makeQueries, measureQueries, quantile, type LatencyResult } from './queries.ts';
import { atMost, fmt, type Row } from './report.ts';
import { measureIntakeCalls } from './intake-calls.ts';
import { measureAcceptCalls } from './accept-calls.ts';
import { measureSweepRows } from './sweep-calls.ts';
import type { ApiCalls } from './api-calls.ts';
import { runRaces } from '../../src/testing/races.ts';
import { countFuzz, pureTargets, repoWorld } from '../../src/testing/fuzz.ts';
import { countBotFuzz } from '../../src/testing/fuzz-bot.ts';
import { validProfile } from '../../test/support/profiles.ts';
import { benchMatching } from './matching.ts';
import { progress } from './report.ts';

/**
 * The rows of the benchmark table. Each measurement reads what the run
 * produced (generated content, builds) and returns rows; notes go to the
 * details printed under the table. To add a row, append a Measurement to
 * MEASUREMENTS. For example, the planned intake-event row could be:
 *
 *   {
 *     id: 'intake-api-calls',
 *     title: 'API calls per intake event',
 *     measure(ctx) {
 *       const calls = countCallsAgainstEmulator(...); // run the bot on a fixture event
 *       return [{ metric: 'API calls per intake event', measured: String(calls), target: '≤ 10', status: atMost(calls, 10) }];
 *     },
 *   },
 *
 * A measurement that cannot run (say, mentorkit was not built because of
 * --only baseline) returns a row with status 'SKIP' rather than throwing. One
 * that throws is a real error: its row reads ERROR, the other rows are still
 * printed, and the benchmark exits 1 with the error on stderr.
 */

export interface SizeRun {
  n: number;
  contentRoot: string;
  work: string;
  generated: GenerateStats;
  mentorkit?: BuildResult;
  baseline?: BuildResult;
}

export interface BenchContext {
  runs: SizeRun[];
  /** Race interleavings to run (--races); 0 skips the row. */
  races: number;
  /** Fuzz cases per target (--fuzz); 0 skips the rows. */
  fuzz: number;
  /** Open-request counts for the daily sweep rows (--sweep); empty skips them. */
  sweep: readonly number[];
  repoRoot: string;
  program: Program;
  /** Lines for the details section, grouped by heading. */
  details: Map<string, string[]>;
}

export interface Measurement {
  id: string;
  title: string;
  measure(ctx: BenchContext): Row[] | Promise<Row[]>;
}

export const TARGETS = {
  buildRatio: 1.3,
  rssRatio: 1.3,
  indexGzipPer1k: 30_000,
  firstViewGzip: 100_000,
  queryP95Ms: 5,
  intakeCalls: 6,
  acceptCalls: 8,
  /** Seconds to match 2,000 mentee applications with 500 mentors (issue 8). */
  matchingSeconds: 10,
} as const;

function note(ctx: BenchContext, heading: string, ...lines: string[]): void {
  const list = ctx.details.get(heading) ?? [];
  list.push(...lines);
  ctx.details.set(heading, list);
}

/** Query latency is measured this many times and the median pass reported. */
const QUERY_PASSES = 3;
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** mentorkit against bare Astro for one figure of the builds: with several runs, the median of paired ratios (pairedRatio). */
export function ratioRows(ctx: BenchContext, metric: string, key: 'seconds' | 'peakRssBytes', show: (v: number) => string, limit: number): Row[] {
  return ctx.runs.map((run): Row => {
    const m = run.mentorkit;
    const b = run.baseline;
    if (m && b) {
      const ms = m.samples?.[key];
      const bs = b.samples?.[key];
      const paired = ms && bs && ms.length === bs.length ? pairedRatio(ms, bs) : undefined;
      const r = paired?.ratio ?? m[key] / b[key];
      const detail = paired ? `; pairs ${paired.pairs.map(fmt.ratio).join(', ')}; medians ${fmt.ratio(m[key] / b[key])}` : '';
      return { metric, n: run.n, measured: `${fmt.ratio(r)} (${show(m[key])} vs ${show(b[key])}${detail})`, target: `≤ ${limit}× bare Astro`, status: atMost(r, limit) };
    }
    const only = m ?? b;
    return {
      metric,
      n: run.n,
      measured: only ? `${only.kind} ${show(only[key])} only` : 'not built',
      target: `≤ ${limit}× bare Astro`,
      status: 'SKIP',
    };
  });
}

function walk(dir: string): { files: number; bytes: number; byTop: Map<string, number> } {
  const byTop = new Map<string, number>();
  let files = 0;
  let bytes = 0;
  const rec = (d: string, top: string | undefined) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const key = top ?? (e.isDirectory() ? `${e.name}/` : e.name);
      if (e.isDirectory()) rec(p, key);
      else {
        const size = statSync(p).size;
        files++;
        bytes += size;
        byTop.set(key, (byTop.get(key) ?? 0) + size);
      }
    }
  };
  rec(dir, undefined);
  return { files, bytes, byTop };
}

const largestMentorkit = (ctx: BenchContext) => [...ctx.runs].reverse().find((r) => r.mentorkit);

/**
 * What an index is made of, independent of its format: each top-level key
 * (and each key one level down) serialized and gzipped alone, largest first.
 * An array of row tuples (an older format) is split by column.
 */
function composition(index: unknown): string {
  if (typeof index !== 'object' || index === null) return '';
  const parts: { k: string; raw: number; gzip: number; sub: string }[] = [];
  for (const [k, v] of Object.entries(index)) {
    const s = JSON.stringify(v);
    let subs: [string, unknown][] = [];
    if (Array.isArray(v) && v.length > 0 && Array.isArray(v[0])) {
      subs = (v[0] as unknown[]).map((_, c) => [`[${c}]`, v.map((row: unknown[]) => row[c])]);
    } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length <= 8) {
      subs = Object.entries(v);
    }
    const sub = subs
      .map(([sk, sv]) => ({ sk, g: gz(JSON.stringify(sv)) }))
      .sort((a, b) => b.g - a.g)
      .slice(0, 6)
      .map((x) => `${x.sk} ${fmt.bytes(x.g)}`)
      .join(', ');
    parts.push({ k, raw: Buffer.byteLength(s), gzip: gz(s), sub });
  }
  const sum = parts.reduce((a, p) => a + p.gzip, 0) || 1;
  return parts
    .sort((a, b) => b.gzip - a.gzip)
    .map((p) => `${p.k} ${fmt.bytes(p.gzip)} gz (${Math.round((100 * p.gzip) / sum)}%, raw ${fmt.bytes(p.raw)})${p.sub ? ` [${p.sub}]` : ''}`)
    .join('; ');
}

function callsMeasurement(id: string, what: string, heading: string, target: number, run: () => Promise<ApiCalls[]>): Measurement {
  return {
    id,
    title: `API calls per ${what}`,
    async measure(ctx) {
      const runs = await run();
      const worst = Math.max(...runs.map((r) => r.calls));
      note(ctx, heading, ...runs.map((r) => `${r.kind}: ${r.calls}`));
      return [{ metric: `API calls per ${what} (worst)`, measured: `${worst} (${runs.map((r) => r.calls).join(', ')})`, target: `≤ ${target}`, status: atMost(worst, target) }];
    },
  };
}

export const MEASUREMENTS: Measurement[] = [
  callsMeasurement('intake-api-calls', 'intake event', 'API calls per intake event (bundled bot against the emulator)', TARGETS.intakeCalls, measureIntakeCalls),
  callsMeasurement('accept-api-calls', '/accept', 'API calls per acceptance, live checks included (bundled bot against the emulator)', TARGETS.acceptCalls, measureAcceptCalls),
  {
    id: 'sweep-api-calls',
    title: 'API calls per daily sweep',
    async measure(ctx) {
      if (ctx.sweep.length === 0) return [{ metric: 'API calls per daily sweep', measured: 'not run (--sweep none)', status: 'SKIP' }];
      return measureSweepRows(ctx.sweep, (heading, ...lines) => note(ctx, heading, ...lines), progress);
    },
  },
  {
    id: 'races',
    title: 'Concurrent acceptances',
    async measure(ctx) {
      const metric = 'Broken invariants in race interleavings';
      if (ctx.races === 0) return [{ metric, measured: 'not run (--races N)', status: 'SKIP' }];
      const started = Date.now();
      const r = await runRaces({
        rounds: ctx.races,
        workspace: ctx.repoRoot,
        seed: 'bench',
        onRound: (i) => {
          if (i % 50 === 0 || i === ctx.races) progress(`races: ${fmt.int(i)} of ${fmt.int(ctx.races)} interleavings`);
        },
      });
      note(
        ctx,
        'Concurrent acceptances (docs/races.md)',
        `${fmt.int(r.rounds)} interleavings, ${fmt.int(r.runs)} bot processes in ${fmt.seconds((Date.now() - started) / 1000)}: ${fmt.int(r.accepted)} acceptances stood, ${fmt.int(r.rolledBack)} gave way to an earlier one (${fmt.int(r.contested)} contested interleavings)`,
        ...r.broken.slice(0, 20),
      );
      return [{ metric, n: r.rounds, measured: String(r.broken.length), target: '0', status: atMost(r.broken.length, 0) }];
    },
  },
  {
    id: 'fuzz',
    title: 'Fuzzing',
    async measure(ctx) {
      const metric = 'Fuzz failures and crashes';
      if (ctx.fuzz === 0) return [{ metric, measured: 'not run (--fuzz N)', status: 'SKIP' }];
      const rows: Row[] = [];
      const examples: string[] = [];
      const world = repoWorld(ctx.repoRoot);
      for (const target of pureTargets(world, validProfile())) {
        progress(`fuzz: ${target.name}, ${fmt.int(ctx.fuzz)} cases`);
        const started = performance.now();
        const c = countFuzz(target, ctx.fuzz);
        const bad = c.failures + c.crashes;
        rows.push({
          metric: `Fuzz: ${c.name}`,
          n: c.cases,
          measured: `${fmt.int(c.failures)} failures, ${fmt.int(c.crashes)} crashes (${fmt.seconds((performance.now() - started) / 1000)})`,
          target: '0',
          status: atMost(bad, 0),
        });
        examples.push(...c.examples);
      }
      // Each bot case starts an emulator and runs several events (about 0.2 s), so it runs one case in 20.
      const botCases = Math.ceil(ctx.fuzz / 20);
      progress(`fuzz: bot handlers through the emulator, ${fmt.int(botCases)} cases`);
      const started = performance.now();
      const b = await countBotFuzz(world, ctx.repoRoot, botCases, 9, (i) => {
        if (i % 100 === 0) progress(`fuzz: bot handlers, ${fmt.int(i)} of ${fmt.int(botCases)} cases`);
      });
      rows.push({
        metric: 'Fuzz: bot handlers (emulator)',
        n: b.cases,
        measured: `${fmt.int(b.failures)} failures, ${fmt.int(b.crashes)} crashes, ${fmt.int(b.events)} events (${fmt.seconds((performance.now() - started) / 1000)})`,
        target: '0',
        status: atMost(b.failures + b.crashes, 0),
      });
      examples.push(...b.examples);
      note(ctx, 'Fuzzing (docs/security.md; N is cases per target, seed 9)', ...(examples.length ? examples : ['no failures and no crashes']));
      return rows;
    },
  },
  {
    id: 'matching',
    title: 'Cohort matching',
    async measure(ctx) {
      progress('matching 2,000 mentees with 500 mentors (optimal, then greedy)');
      const m = benchMatching();
      note(
        ctx,
        'Cohort matching (src/core/matching; docs/matching.md)',
        `${fmt.int(m.mentees)} mentees, ${fmt.int(m.mentors)} mentors with capacities 1–3 (${fmt.int(m.slots)} slots): optimal ${fmt.int(m.pairs)} pairs in ${fmt.seconds(m.seconds)}, greedy ${fmt.int(m.greedyPairs)} pairs in ${fmt.seconds(m.greedySeconds)}`,
        `total score ${m.total.toFixed(1)} against greedy's ${m.greedyTotal.toFixed(1)}`,
      );
      return [
        { metric: 'Cohort matching, optimal (wall clock)', n: m.mentees, measured: `${fmt.seconds(m.seconds)} (500 mentors)`, target: `≤ ${TARGETS.matchingSeconds} s`, status: atMost(m.seconds, TARGETS.matchingSeconds) },
        { metric: 'Cohort matching, total score vs greedy', n: m.mentees, measured: `${m.ratio.toFixed(3)}× (${m.total.toFixed(1)} vs ${m.greedyTotal.toFixed(1)})`, target: '≥ 1×', status: m.ratio >= 1 ? 'PASS' : 'FAIL' },
      ];
    },
  },
  {
    id: 'build-time',
    title: 'Build time',
    measure: (ctx) => ratioRows(ctx, 'Build time (wall clock)', 'seconds', fmt.seconds, TARGETS.buildRatio),
  },
  {
    id: 'build-rss',
    title: 'Peak RSS',
    measure(ctx) {
      for (const run of ctx.runs) {
        for (const b of [run.mentorkit, run.baseline]) {
          if (!b) continue;
          note(
            ctx,
            'Peak RSS of the build process tree',
            `N=${fmt.int(run.n)} ${b.kind}: main ${fmt.bytes(b.mainRssBytes)} + children ${fmt.bytes(b.childRssBytes)} = ${fmt.bytes(b.peakRssBytes)}` +
              ` (largest simultaneous sample ${fmt.bytes(b.sampledTreeRssBytes)}); children: ${b.children.join(', ') || 'none'}`,
          );
        }
      }
      return ratioRows(ctx, 'Peak RSS (build process tree)', 'peakRssBytes', fmt.bytes, TARGETS.rssRatio);
    },
  },
  {
    id: 'dist-size',
    title: 'dist/ size',
    measure(ctx) {
      return ctx.runs.map((run): Row => {
        if (!run.mentorkit) return { metric: 'mentorkit dist/ size', n: run.n, measured: 'not built', status: 'SKIP' };
        const w = walk(run.mentorkit.outDir);
        const parts = [...w.byTop.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fmt.bytes(v)}`);
        note(ctx, 'dist/ by top-level entry', `N=${fmt.int(run.n)}: ${parts.join(', ')}`);
        if (run.baseline) {
          const bw = walk(run.baseline.outDir);
          note(ctx, 'dist/ by top-level entry', `N=${fmt.int(run.n)} bare Astro: ${fmt.int(bw.bytes)} B (${fmt.bytes(bw.bytes)}) in ${fmt.int(bw.files)} files`);
        }
        return { metric: 'mentorkit dist/ size', n: run.n, measured: `${fmt.int(w.bytes)} B (${fmt.bytes(w.bytes)}) in ${fmt.int(w.files)} files`, status: 'INFO' };
      });
    },
  },
  {
    id: 'index-size',
    title: 'Search index size',
    measure(ctx) {
      const rows: Row[] = [];
      for (const run of ctx.runs) {
        const metric = 'Search index gzip per 1k mentors';
        const target = `≤ ${fmt.bytes(TARGETS.indexGzipPer1k)}`;
        if (!run.mentorkit) {
          rows.push({ metric, n: run.n, measured: 'not built', target, status: 'SKIP' });
          continue;
        }
        const dist = run.mentorkit.outDir;
        const rel = findIndexFile(dist);
        const text = readFileSync(join(dist, rel), 'utf8');
        const total = gz(text);
        const per1k = total / (run.n / 1000);
        note(ctx, 'Search index composition (each part gzipped alone)', `N=${fmt.int(run.n)} ${rel}: ${fmt.bytes(Buffer.byteLength(text))} raw, ${fmt.bytes(total)} gzip; ${composition(JSON.parse(text))}`);
        rows.push({
          metric,
          n: run.n,
          measured: `${fmt.bytes(per1k)} (${rel}: ${fmt.bytes(total)} gz, ${fmt.bytes(Buffer.byteLength(text))} raw)`,
          target,
          status: atMost(per1k, TARGETS.indexGzipPer1k),
        });

        // Bio shards, when the build splits bio words out of the index: fetched one per query word.
        const shardDir = join(dist, BIO_SHARD_DIR);
        if (existsSync(shardDir)) {
          const sizes = readdirSync(shardDir)
            .filter((f) => f.endsWith('.json'))
            .map((f) => gz(readFileSync(join(shardDir, f))))
            .sort((a, b) => a - b);
          const sum = sizes.reduce((a, b) => a + b, 0);
          rows.push({
            metric: 'Bio shards gzip per 1k mentors (all)',
            n: run.n,
            measured: `${fmt.bytes(sum / (run.n / 1000))} (${sizes.length} shards, ${fmt.bytes(sum)} gz)`,
            status: 'INFO',
          });
          note(
            ctx,
            'Bio shards (fetched per query word, by its first letter, or two where a letter is large)',
            `N=${fmt.int(run.n)}: ${sizes.length} shards; gzip median ${fmt.bytes(quantile(sizes, 0.5))}, p95 ${fmt.bytes(quantile(sizes, 0.95))}, largest ${fmt.bytes(sizes[sizes.length - 1] ?? 0)}`,
          );
        }
      }
      return rows;
    },
  },
  {
    id: 'first-view',
    title: 'Home page first view',
    measure(ctx) {
      const metric = 'Home first view, gzip';
      const target = `≤ ${fmt.bytes(TARGETS.firstViewGzip)} at N=1,000`;
      const run = ctx.runs.find((r) => r.n === 1000 && r.mentorkit) ?? ctx.runs.find((r) => r.mentorkit);
      if (!run?.mentorkit) return [{ metric, measured: 'mentorkit not built', target, status: 'SKIP' }];
      const fv = measureFirstView(run.mentorkit.outDir, ctx.program.site.base, ctx.program.site.url);
      note(
        ctx,
        `Home first view at N=${fmt.int(run.n)} (each file gzipped alone)`,
        ...fv.files.map((f) => `${f.path}: ${fmt.bytes(f.raw)} raw, ${fmt.bytes(f.gzip)} gz (${f.via})`),
        ...(fv.external.length ? [`external, not counted: ${fv.external.join(', ')}`] : []),
        ...(fv.missing.length ? [`referenced but missing from dist/: ${fv.missing.join(', ')}`] : []),
      );
      return [
        {
          metric,
          n: run.n,
          measured: `${fmt.bytes(fv.gzip)} (${fv.files.length} files, ${fmt.bytes(fv.raw)} raw)`,
          target,
          status: run.n === 1000 ? atMost(fv.gzip, TARGETS.firstViewGzip) : 'INFO',
        },
      ];
    },
  },
  {
    id: 'query-latency',
    title: 'Query latency',
    async measure(ctx) {
      const run = ctx.runs.find((r) => r.n === 10_000 && r.mentorkit) ?? largestMentorkit(ctx);
      const target = `≤ ${TARGETS.queryP95Ms} ms at N=10,000`;
      if (!run?.mentorkit) return [{ metric: 'Query latency p95', measured: 'mentorkit not built', target, status: 'SKIP' }];
      const queries = makeQueries(contentWords(run.contentRoot, ctx.program));
      // Three passes, each in a fresh engine, and the one with the median p95: a single pass on this shared 2-core
      // machine moves with whatever else is running (3.4 ms quiet, 7.8 ms right after six builds under load 2).
      const passes: LatencyResult[] = [];
      for (let i = 0; i < QUERY_PASSES; i++) passes.push(await measureQueries(run.mentorkit.outDir, queries));
      passes.sort((a, b) => a.total.p95 - b.total.p95);
      const res = passes[Math.floor(passes.length / 2)]!;
      note(
        ctx,
        `Query latency at N=${fmt.int(run.n)} (search + facet counts, ${res.queries} queries after a warm-up pass; median of ${QUERY_PASSES} passes, p95 ${passes.map((p) => fmt.ms(p.total.p95)).join(', ')})`,
        `engine.search p50 ${fmt.ms(res.search.p50)}, p95 ${fmt.ms(res.search.p95)}; facet counts p50 ${fmt.ms(res.facets.p50)}, p95 ${fmt.ms(res.facets.p95)}; slowest query ${fmt.ms(res.total.max)}`,
        ...Object.entries(res.byKind).map(
          ([k, v]) => `${k}: p50 ${fmt.ms(v.p50)}, p95 ${fmt.ms(v.p95)}, median ${fmt.int(v.medianResults)} results, ${v.emptyResults} of ${res.queries / 4} with none`,
        ),
        `examples: ${queries.slice(0, 8).map((q) => JSON.stringify(q.q)).join(', ')}`,
      );
      const at10k = run.n === 10_000;
      return [
        { metric: 'Query latency p50', n: run.n, measured: fmt.ms(res.total.p50), status: 'INFO' },
        { metric: 'Query latency p95', n: run.n, measured: fmt.ms(res.total.p95), target, status: at10k ? atMost(res.total.p95, TARGETS.queryP95Ms) : 'INFO' },
        { metric: 'Index parse + createEngine (before 1st search)', n: run.n, measured: fmt.ms(res.loadMs), status: 'INFO' },
      ];
    },
  },
];
