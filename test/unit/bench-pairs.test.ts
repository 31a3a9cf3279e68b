import { describe, expect, test } from 'vitest';
import { buildOrder, medianBuild, pairedRatio, type BuildResult } from '../../scripts/bench/build.ts';

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
