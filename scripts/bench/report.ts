/** Progress lines, expected errors, number formats and the results table. */

/** An expected failure (bad flag, failed build): printed as a message, never as a stack trace. */
export class BenchError extends Error {
  readonly detail: string | undefined;
  constructor(message: string, detail?: string) {
    super(message);
    this.name = 'BenchError';
    this.detail = detail;
  }
}

const started = performance.now();

/** One progress line on stderr, stamped with the seconds since the benchmark started. */
export function progress(message: string): void {
  const t = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${t} s] ${message}\n`);
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en'),
  /** SI units throughout: 1 kB = 1,000 bytes, 1 MB = 1,000,000 bytes. */
  bytes(n: number): string {
    if (n < 1000) return `${n} B`;
    if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
    if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
    return `${(n / 1e9).toFixed(2)} GB`;
  },
  seconds: (s: number) => `${s.toFixed(1)} s`,
  ms: (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`,
  ratio: (r: number) => `${r.toFixed(2)}×`,
};

/** ERROR: the measurement itself failed; the table is still printed, then the benchmark exits 1. */
export type Status = 'PASS' | 'FAIL' | 'INFO' | 'SKIP' | 'ERROR';

export interface Row {
  metric: string;
  /** Directory size the row was measured at; omitted when it does not apply. */
  n?: number;
  measured: string;
  target?: string;
  status: Status;
}

/** PASS/FAIL for a figure against an upper bound. */
export function atMost(value: number, limit: number): Status {
  return value <= limit ? 'PASS' : 'FAIL';
}

export function renderTable(rows: readonly Row[]): string {
  const head = ['Metric', 'N', 'Measured', 'Target', 'Result'];
  const cells = rows.map((r) => [r.metric, r.n === undefined ? '' : fmt.int(r.n), r.measured, r.target ?? '—', r.status]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const right = new Set([1]);
  const line = (c: string[]) => c.map((v, i) => (right.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(head), rule, ...cells.map(line)].join('\n');
}
