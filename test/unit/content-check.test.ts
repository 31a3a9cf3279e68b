import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { checkProfilesInWorker } from '../../src/files/content-check.ts';
import { loadContent } from '../../src/files/content.ts';
import { loadStatus, statusBuildLine } from '../../src/files/status.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => resolve(ROOT, 'test/fixtures', name);

describe('the build-time profile check in a worker thread', () => {
  test('finds exactly what npm run validate finds, in the same order', async () => {
    const expected = loadContent(fixture('invalid-profiles'));
    const check = await checkProfilesInWorker(fixture('invalid-profiles'));
    expect(check.diagnostics.length).toBeGreaterThan(0);
    expect(check.diagnostics).toEqual(expected.diagnostics);
    expect(check.program).toEqual(expected.program);
    expect(check.profiles).toBe(expected.mentors.length);
    expect(check.threadId).not.toBe(threadId);
  });

  test('passes the sample content, counts its profiles and hands back the checked program', async () => {
    const check = await checkProfilesInWorker(ROOT);
    expect(check.diagnostics).toEqual([]);
    expect(check.profiles).toBe(loadContent(ROOT).mentors.length);
    // Checked in the worker, used by the pages: it must arrive whole (structured clone), defaults filled in.
    expect(check.program).toEqual(loadContent(ROOT).program);
    expect(check.status).toEqual({ line: statusBuildLine(loadStatus(ROOT)), ...(loadStatus(ROOT).status ? { file: loadStatus(ROOT).status } : {}) });
    expect(check.threadId).not.toBe(threadId);
  });

  test('runs the check on this thread when the worker cannot start', async () => {
    const missing = pathToFileURL(resolve(ROOT, 'src/files/no-such-worker.ts'));
    const check = await checkProfilesInWorker(fixture('invalid-profiles'), missing);
    expect(check.diagnostics).toEqual(loadContent(fixture('invalid-profiles')).diagnostics);
    expect(check.threadId).toBe(threadId);
  });
});
