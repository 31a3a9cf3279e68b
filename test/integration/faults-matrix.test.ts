import { describe, expect, test } from 'vitest';
import { Octokit } from 'octokit';
import { resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { loadContent } from '../../src/files/content.ts';
import { agreementItems } from '../../src/core/partnership.ts';
import { FAULT_KINDS, runScenario, type World } from '../../src/testing/faults-matrix.ts';
import { SCENARIOS } from '../../src/testing/faults-scenarios.ts';

/**
 * Issue 9: every bot handler interrupted at each of its API calls, in each of three ways (stopped dead, failing
 * for good, applied with its answer lost); the next run must leave exactly what an uninterrupted run leaves.
 * src/testing/faults-matrix.ts says how; docs/security.md ("API faults and killed runs") what it proves.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const content = loadContent(ROOT);
const agreementPath = resolve(ROOT, 'content/pages/agreement.mdx');
const world: World = {
  program: content.program!,
  mentors: new Map(content.mentors.map((m) => [m.github.toLowerCase(), m])),
  workspace: ROOT,
  agreement: agreementItems(content.program!, existsSync(agreementPath) ? readFileSync(agreementPath, 'utf8') : undefined),
};

describe('a run interrupted at any API call is repaired by the next run', () => {
  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_, scenario) => {
    const report = await runScenario(world, scenario);
    expect(report.calls, 'the run makes API calls to interrupt').toBeGreaterThan(1);
    expect(report.cases, 'every call × every fault kind, and the clean run').toHaveLength(1 + report.calls * FAULT_KINDS.length);
    const broken = report.cases.filter((c) => c.broken.length).map((c) => `${c.fault} at call ${c.at} of ${report.calls} (run ${c.ended}): ${c.broken.join('; ')}`);
    expect(broken).toEqual([]);
  }, 120_000);
});

describe('the matrix finds what it is there to find', () => {
  test('a client that repeats a create GitHub made but answered 502 (the retry plugin alone) posts the welcome twice, and the matrix says so', async () => {
    const plain: World['client'] = (o) =>
      new Octokit({ auth: o.token, baseUrl: o.baseUrl, retry: { retries: 2, retryAfterBaseValue: 0 }, throttle: { enabled: false }, request: { fetch: o.fetch }, log: { debug() {}, info() {}, warn() {}, error() {} } });
    const intake = SCENARIOS.find((s) => s.name.startsWith('intake: a request that passes'))!;
    const report = await runScenario({ ...world, client: plain }, intake, ['lost']);
    const broken = report.cases.filter((c) => c.broken.length);
    expect(broken.map((c) => `${c.fault} ${c.call}`)).toEqual([`lost POST /repos/${world.program.repository}/issues/1/comments`]);
    expect(broken[0]!.broken).toContain('#1: the bot\'s welcome:1.amara-okafor comment is there twice');
  }, 60_000);
});
