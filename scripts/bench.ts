/**
 * npm run bench: build mentorkit and a bare Astro baseline over synthetic
 * directories of 1,000 and 10,000 mentors, and print measured figures against
 * the project's targets. See scripts/bench/ for the parts; rows are listed in
 * scripts/bench/measurements.ts.
 *
 * Exit code 0 when the run completes, whether targets pass or fail (the table
 * says which); 1 when the benchmark itself could not run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBaseline, buildMentorkit, buildOrder, killActiveBuild, medianBuild, REPO_ROOT, type BuildResult } from './bench/build.ts';
import { DEFAULT_SEED, readProgram, writeContentRoot } from './bench/generate.ts';
import { MEASUREMENTS, TARGETS, type BenchContext, type SizeRun } from './bench/measurements.ts';
import { BenchError, fmt, progress, renderTable, type Row } from './bench/report.ts';

const USAGE = `Usage: npm run bench -- [options]

Builds mentorkit and a bare Astro project over generated mentor profiles and
prints build time, peak memory, output sizes and search latency against targets.
The bare project renders as many pages at once as mentorkit does (the
build.concurrency of astro.config.mjs), so the two are configured alike.

Options:
  --sizes LIST   Directory sizes to build, comma-separated (default 1000,10000).
                 A "k" suffix is accepted: --sizes 1k,10k.
  --only WHICH   mentorkit, baseline or both (default both). Ratios need both.
  --runs K       Build K pairs, one mentorkit and one baseline build back to back,
                 alternating which goes first (default 1). The ratios are the
                 medians of the pairs' ratios. Other load on the machine moves
                 single builds by tens of percent; use an even K (4 or more), so
                 that each kind goes first as often as the other.
  --races N      Run N randomised interleavings of concurrent acceptances and
                 count broken invariants (default 0: not run). With --races and
                 no --sizes, no site is built.
  --sweep LIST   Open-request counts for the daily sweep rows, comma-separated
                 (default 100,1000,10000; "none" skips them; a "k" suffix is
                 accepted). Each size seeds the emulator twice (nothing due,
                 10 % due) and runs the bundled bot's sweep once on each;
                 10,000 takes 3–4 minutes on two cores. With --sweep and no
                 --sizes, no site is built.
  --fuzz N       Run N fuzz cases per target (parsers, validators, the decision
                 core; src/testing/fuzz.ts) and N/20 runs of the bot's handlers
                 through the emulator, and count cases, failures and crashes
                 (default 0: not run; npm test runs 500 and 30). With --fuzz and no
                 --sizes, no site is built; with --fuzz and no --sweep, no
                 sweep rows are measured.
  --keep         Keep the temporary folders (content, builds) and print where.
  -h, --help     Show this help.

Targets: build time and peak RSS at most ${TARGETS.buildRatio}× the bare Astro build at the
same size; the search index (search/index.json) at most ${TARGETS.indexGzipPer1k / 1000} kB gzip per 1,000 mentors; home page
first view at most ${TARGETS.firstViewGzip / 1000} kB gzip at 1,000 mentors; query p95 at most ${TARGETS.queryP95Ms} ms at
10,000 mentors; a daily sweep over N open requests with nothing due at most
⌈N/100⌉ + 2 API calls; matching 2,000 mentees with 500 mentors in at most
${TARGETS.matchingSeconds} s, scoring no less than greedy. Sizes are SI: 1 kB = 1,000 bytes, 1 MB = 1,000,000 bytes.
A missed target prints FAIL and still exits 0; exit 1 means the benchmark failed.
A 10,000-mentor run takes several minutes per build.`;

interface Options {
  sizes: number[];
  only: 'mentorkit' | 'baseline' | 'both';
  keep: boolean;
  runs: number;
  races: number;
  fuzz: number;
  sweep: number[];
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string' },
        only: { type: 'string' },
        keep: { type: 'boolean', default: false },
        runs: { type: 'string' },
        races: { type: 'string' },
        fuzz: { type: 'string' },
        sweep: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new BenchError(`${msg}\nRun npm run bench -- --help for the options.`);
  }
  if (values.help) return 'help';

  const races = Number(values.races ?? '0');
  if (!Number.isInteger(races) || races < 0 || races > 100_000) {
    throw new BenchError(`--races: "${values.races}" is not a number of interleavings from 0 to 100000, e.g. --races 1000`);
  }
  const fuzz = Number(values.fuzz ?? '0');
  if (!Number.isInteger(fuzz) || fuzz < 0 || fuzz > 1_000_000) {
    throw new BenchError(`--fuzz: "${values.fuzz}" is not a number of cases per target from 0 to 1000000, e.g. --fuzz 10000`);
  }
  // --races, --fuzz (or --sweep) alone is a race, fuzz (or sweep) run: building 10,000-mentor sites first would only make it wait.
  const defaultSizes = values.races !== undefined || values.fuzz !== undefined || values.sweep !== undefined ? '' : '1000,10000';
  const sizes = (values.sizes ?? defaultSizes).split(',').filter((s) => values.sizes !== undefined || s).map((s) => {
    const m = /^\s*(\d+)(k?)\s*$/i.exec(s);
    const n = m ? Number(m[1]) * (m[2] ? 1000 : 1) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 200_000) {
      throw new BenchError(`--sizes: "${s}" is not a size; give whole numbers from 1 to 200000, e.g. --sizes 1000,10000`);
    }
    return n;
  });
  const only = values.only ?? 'both';
  if (only !== 'mentorkit' && only !== 'baseline' && only !== 'both') {
    throw new BenchError(`--only: "${only}" is not one of mentorkit, baseline, both`);
  }
  const runs = Number(values.runs ?? '1');
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
    throw new BenchError(`--runs: "${values.runs}" is not a number of builds from 1 to 20`);
  }
  // A fuzz run is about the parsers and the core: the sweep rows (minutes at 10,000) run only when asked for.
  const sweepText = (values.sweep ?? (values.fuzz !== undefined ? 'none' : '100,1000,10000')).trim();
  const sweep = /^(none|0)$/i.test(sweepText)
    ? []
    : sweepText.split(',').map((s) => {
        const m = /^\s*(\d+)(k?)\s*$/i.exec(s);
        const n = m ? Number(m[1]) * (m[2] ? 1000 : 1) : NaN;
        if (!Number.isInteger(n) || n < 1 || n > 50_000) {
          throw new BenchError(`--sweep: "${s}" is not a number of open requests; give whole numbers from 1 to 50000, e.g. --sweep 100,1000, or --sweep none`);
        }
        return n;
      });
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), only, keep: values.keep, runs, races, fuzz, sweep: [...new Set(sweep)].sort((a, b) => a - b) };
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  const [major] = process.versions.node.split('.').map(Number);
  if ((major ?? 0) < 24) throw new BenchError(`Node ${process.versions.node} is too old; run it with npm run bench (Node 24 from node_modules)`);

  let program;
  try {
    program = readProgram(REPO_ROOT);
  } catch (e) {
    throw new BenchError((e as Error).message);
  }
  const root = mkdtempSync(join(tmpdir(), 'mentorkit-bench-'));
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    if (opts.keep) progress(`kept temporary files in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals) => {
    process.stderr.write(`\nbench: interrupted (${sig}); stopping the build and removing temporary files\n`);
    killActiveBuild();
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const load = [loadavg()[0]!];
  const ctx: BenchContext = { runs: [], program, details: new Map(), races: opts.races, fuzz: opts.fuzz, sweep: opts.sweep, repoRoot: REPO_ROOT };
  try {
    progress(
      `benchmark in ${root}: ${opts.sizes.length ? `sizes ${opts.sizes.map(fmt.int).join(', ')}, builds: ${opts.only} × ${opts.runs}, seed ${DEFAULT_SEED}` : 'no site builds'}${opts.races ? `, ${fmt.int(opts.races)} race interleavings` : ''}${opts.fuzz ? `, ${fmt.int(opts.fuzz)} fuzz cases per target` : ''}${opts.sweep.length ? `, daily sweep over ${opts.sweep.map(fmt.int).join(', ')} open requests` : ''}`,
    );
    for (const n of opts.sizes) {
      const label = `N=${fmt.int(n)}`;
      const work = join(root, `n${n}`);
      const contentRoot = join(work, 'content-root');
      mkdirSync(work, { recursive: true });
      progress(`${label}: generating ${fmt.int(n)} profiles`);
      let generated;
      try {
        generated = writeContentRoot(REPO_ROOT, contentRoot, n);
      } catch (e) {
        throw new BenchError(`${label}: generating profiles failed`, (e as Error).message);
      }
      progress(
        `${label}: generated (${generated.validated} sampled profiles valid, bios ${generated.bioWords.min}–${generated.bioWords.max} words, ` +
          `${fmt.int(generated.vocabulary)} distinct words)`,
      );
      const run: SizeRun = { n, contentRoot, work, generated };
      ctx.runs.push(run);

      const mentorkit: BuildResult[] = [];
      const baseline: BuildResult[] = [];
      const builders = {
        mentorkit: { what: 'mentorkit', build: () => buildMentorkit(n, contentRoot, work), into: mentorkit },
        baseline: { what: 'bare Astro baseline', build: () => buildBaseline(n, join(contentRoot, 'content/mentors'), work), into: baseline },
      };
      for (let k = 1; k <= opts.runs; k++) {
        const of = opts.runs > 1 ? ` (run ${k} of ${opts.runs})` : '';
        // Each run is a pair of builds, compared with each other (pairedRatio).
        for (const kind of buildOrder(k)) {
          if (opts.only !== 'both' && opts.only !== kind) continue;
          const { what, build, into } = builders[kind];
          progress(`${label}: building ${what}${of}`);
          const b = await build();
          into.push(b);
          progress(`${label}: ${kind} built in ${fmt.seconds(b.seconds)}, peak RSS ${fmt.bytes(b.peakRssBytes)}`);
        }
      }
      if (mentorkit.length) run.mentorkit = medianBuild(mentorkit);
      if (baseline.length) run.baseline = medianBuild(baseline);
      load.push(loadavg()[0]!);
    }

    // A measurement that throws becomes an ERROR row, so one broken row (say,
    // after a change of the index format) does not hide the others.
    const rows: Row[] = [];
    const errors: string[] = [];
    for (const m of MEASUREMENTS) {
      progress(`measuring: ${m.title}`);
      try {
        rows.push(...(await m.measure(ctx)));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        rows.push({ metric: m.title, measured: message.split('\n')[0]!.slice(0, 80), status: 'ERROR' });
        errors.push(`${m.id}: ${e instanceof Error ? (e.stack ?? message) : message}`);
      }
    }

    for (const run of ctx.runs) {
      const g = run.generated;
      const d = ctx.details.get('Generated data') ?? [];
      d.push(
        `N=${fmt.int(run.n)}: ${fmt.int(g.paused)} paused, bios ${g.bioWords.min}/${g.bioWords.median}/${g.bioWords.max} words (min/median/max), ` +
          `${fmt.int(g.vocabulary)} distinct words, profiles gzip to ${(g.gzipRatio * 100).toFixed(0)}% of their size`,
      );
      ctx.details.set('Generated data', d);
      for (const b of [run.mentorkit, run.baseline]) {
        if (b?.samples) {
          const r = ctx.details.get('Repeated builds (medians in the table)') ?? [];
          r.push(
            `N=${fmt.int(run.n)} ${b.kind}: ${b.samples.seconds.map(fmt.seconds).join(', ')}; peak RSS ${b.samples.peakRssBytes.map(fmt.bytes).join(', ')}`,
          );
          ctx.details.set('Repeated builds (medians in the table)', r);
        }
        if (!b || b.phases.length === 0) continue;
        const p = ctx.details.get('Astro timing lines') ?? [];
        p.push(`N=${fmt.int(run.n)} ${b.kind}:`, ...b.phases.map((l) => `  ${l}`));
        ctx.details.set('Astro timing lines', p);
      }
    }
    ctx.details.set('Machine', [
      `Node ${process.versions.node}, ${process.platform}/${process.arch}; 1-minute load average ${load.map((l) => l.toFixed(2)).join(' → ')} ` +
        `(other work on the machine inflates build times)`,
    ]);

    console.log('');
    console.log(renderTable(rows));
    for (const [heading, lines] of ctx.details) {
      console.log(`\n${heading}:`);
      for (const l of lines) console.log(`  ${l}`);
    }
    const failed = rows.filter((r) => r.status === 'FAIL').length;
    console.log(`\n${failed === 0 ? 'All measured targets met.' : `${failed} target(s) missed.`} Sizes are SI (1 kB = 1,000 B).`);
    if (opts.keep) console.log(`Temporary files kept in ${root}`);
    if (errors.length > 0) {
      process.stderr.write(`bench: ${errors.length} measurement(s) failed:\n${errors.join('\n').replace(/^/gm, '  ')}\n`);
      return 1;
    }
    return 0;
  } finally {
    cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof BenchError) {
      process.stderr.write(`bench: ${e.message}\n`);
      if (e.detail) process.stderr.write(`${e.detail.replace(/^/gm, '  ')}\n`);
    } else {
      process.stderr.write(`bench: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    process.exit(1);
  },
);
