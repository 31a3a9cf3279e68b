import { describe, expect, test } from 'vitest';
import { buildOrder, medianBuild, pairedRatio, type BuildResult } from '../../scripts/bench/build.ts';
import { ratioRows } from '../../scripts/bench/measurements.ts';

describe('the benchmark compares builds in pairs', () => {
  test('the ratio is the median of each run’s own ratio, so a drifting machine does not tip it', () => {
    // The machine slows down during the runs: each pair is 1.25×, the medians of the two kinds are not.
    const mentorkit = [4.0, 5.0, 6.25];
    const baseline = [3.2, 4.0, 5.0];
    expect(pairedRatio(mentorkit, baseline)).toEqual({ ratio: 1.25, pairs: [1.25, 1.25, 1.25] });
    expect(pairedRatio([4, 4.4, 3.9, 4.1], [3, 4, 3, 3]).ratio).toBeCloseTo((3.9 / 3 + 4 / 3) / 2);
    expect(() => pairedRatio([4, 4], [3])).toThrow(/do not pair up/);
  });

  test('which kind builds first alternates from run to run', () => {
    expect([1, 2, 3, 4].map((k) => buildOrder(k).join(' then '))).toEqual([
      'mentorkit then baseline',
      'baseline then mentorkit',
      'mentorkit then baseline',
      'baseline then mentorkit',
    ]);
  });

  test('repeated builds keep every figure, and the medians', () => {
    const build = (seconds: number, peakRssBytes: number): BuildResult => ({
      kind: 'mentorkit', n: 1000, outDir: '/tmp/x', seconds, peakRssBytes, mainRssBytes: peakRssBytes, childRssBytes: 0, sampledTreeRssBytes: 0, children: [], phases: [],
    });
    const m = medianBuild([build(4.2, 800), build(3.9, 820), build(4.0, 790)]);
    expect(m.seconds).toBe(4.0);
    expect(m.peakRssBytes).toBe(800);
    expect(m.samples).toEqual({ seconds: [4.2, 3.9, 4.0], peakRssBytes: [800, 820, 790] });
  });
});

describe('the build rows of the table', () => {
  const build = (kind: BuildResult['kind'], seconds: number[]): BuildResult =>
    medianBuild(
      seconds.map((s) => ({ kind, n: 1000, outDir: '/tmp/x', seconds: s, peakRssBytes: 1e9, mainRssBytes: 1e9, childRssBytes: 0, sampledTreeRssBytes: 0, children: [], phases: [] })),
    );
  const ctx = (m: number[], b: number[]) =>
    ({ runs: [{ n: 1000, contentRoot: '/tmp/x', work: '/tmp/x', generated: {} as never, mentorkit: build('mentorkit', m), baseline: build('baseline', b) }] }) as never;

  test('repeated runs: the median of the pairs, each pair shown, and the ratio of the medians beside it', () => {
    // A machine that slowed down during the runs; each pair is 1.25×.
    const [row] = ratioRows(ctx([4.0, 5.0, 7.5], [3.2, 4.0, 6.0]), 'Build time (wall clock)', 'seconds', (v) => `${v.toFixed(1)} s`, 1.3);
    expect(row).toMatchObject({ n: 1000, status: 'PASS' });
    expect(row!.measured).toBe('1.25× (5.0 s vs 4.0 s; pairs 1.25×, 1.25×, 1.25×; medians 1.25×)');
    const [slow] = ratioRows(ctx([4.0, 5.2, 4.4], [3.0, 4.0, 3.2]), 'Build time (wall clock)', 'seconds', (v) => `${v.toFixed(1)} s`, 1.3);
    expect(slow).toMatchObject({ status: 'FAIL' });
    expect(slow!.measured).toMatch(/^1\.33× .*pairs 1\.33×, 1\.30×, 1\.38×/);
  });

  test('a single run is one ratio', () => {
    const [row] = ratioRows(ctx([4.0], [3.2]), 'Build time (wall clock)', 'seconds', (v) => `${v.toFixed(1)} s`, 1.3);
    expect(row!.measured).toBe('1.25× (4.0 s vs 3.2 s)');
  });
});
