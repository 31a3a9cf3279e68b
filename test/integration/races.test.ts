import { expect, test } from 'vitest';
import { runRaces } from '../../src/testing/races.ts';
import { ROOT } from './harness.ts';

/**
 * Concurrent acceptances (docs/races.md): 200 rounds, each running several bundled-bot processes at once
 * against the emulator with random response delays. `npm run bench -- --races 1000` runs more.
 */
test('200 randomised interleavings of concurrent acceptances break no invariant', { timeout: 900_000 }, async () => {
  const report = await runRaces({ rounds: 200, workspace: ROOT, seed: 'npm-test' });
  expect(report.broken).toEqual([]);
  expect(report.rounds).toBe(200);
  expect(report.runs).toBeGreaterThanOrEqual(400);
  // The rounds really raced: some acceptances had to give way, and most still stood.
  expect(report.contested).toBeGreaterThan(20);
  expect(report.accepted).toBeGreaterThan(report.rolledBack);
});
