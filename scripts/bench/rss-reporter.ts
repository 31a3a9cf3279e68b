/**
 * Preloaded into a measured build with `node --import`. At exit it writes the
 * process's peak resident set size to the file named by BENCH_RSS_FILE:
 * `resourceUsage().maxRSS` (getrusage, in KiB) and /proc/self/status VmHWM,
 * which are the same kernel high-water mark read two ways.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    let vmHwmKiB: number | null = null;
    try {
      const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
      if (m) vmHwmKiB = Number(m[1]);
    } catch {
      // Not Linux: getrusage alone.
    }
    writeFileSync(file, JSON.stringify({ pid: process.pid, maxRssKiB: process.resourceUsage().maxRSS, vmHwmKiB }));
  });
}
