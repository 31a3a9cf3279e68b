import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { oneBuildAtATime } from '../support/build-site.ts';

const dirs: string[] = [];
const lockIn = () => {
  const d = mkdtempSync(join(tmpdir(), 'mentorkit-lock-'));
  dirs.push(d);
  return join(d, 'build.lock');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('test builds take turns (they share the repository’s .astro/ folder)', () => {
  test('a build waits while another process holds the lock, and releases it when done', async () => {
    const lock = lockIn();
    // Another test's build: holds the lock for 1.5 s, then lets go.
    const holder = spawn(process.execPath, [
      '-e',
      `const fs = require('node:fs'); fs.mkdirSync(${JSON.stringify(lock)}); fs.writeFileSync(${JSON.stringify(join(lock, 'pid'))}, String(process.pid));
       console.log('held'); setTimeout(() => fs.rmSync(${JSON.stringify(lock)}, { recursive: true }), 1500);`,
    ]);
    await new Promise<void>((held) => holder.stdout.once('data', () => held()));
    const started = Date.now();
    const ran = oneBuildAtATime(() => {
      expect(existsSync(join(lock, 'pid'))).toBe(true);
      return Date.now() - started;
    }, lock);
    expect(ran).toBeGreaterThan(1000);
    expect(existsSync(lock)).toBe(false);
    await new Promise((done) => holder.once('close', done));
  });

  test('a lock left by a process that is gone is taken over', () => {
    const lock = lockIn();
    mkdirSync(lock);
    // No process has this pid: pids are below 2^22 on Linux.
    writeFileSync(join(lock, 'pid'), String(2 ** 22 + 1));
    expect(oneBuildAtATime(() => 'built', lock)).toBe('built');
    expect(existsSync(lock)).toBe(false);
  });

  test('the lock is released when the build throws', () => {
    const lock = lockIn();
    expect(() => oneBuildAtATime(() => { throw new Error('astro failed'); }, lock)).toThrow('astro failed');
    expect(existsSync(lock)).toBe(false);
  });
});
