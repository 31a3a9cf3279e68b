#!/usr/bin/env node
// npm run export: the program's partnerships (or every request, with --all) from data/status.json as CSV or JSON,
// for a committee's report: dates, status, term and cohort, logins only (docs/status.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseFlags, type Io } from './cli.ts';
import type { Status } from '../src/core/labels.ts';
import type { RequestRow, StatusFile } from '../src/core/status.ts';
import { contentRoot } from '../src/files/root.ts';
import { STATUS_FILE, loadStatus } from '../src/files/status.ts';

const USAGE = `usage: npm run export -- [--format csv|json] [--cohort <id>] [--all] [--from <file>] [--out <file>]

Writes the program's partnerships (requests that were accepted: active, completed or ended)
with their dates, status, term and cohort, from the snapshot npm run sync takes.

  --format csv|json  CSV with a header row (RFC 4180), or a JSON array (default: csv)
  --cohort <id>      only this cohort (the cohort:<id> label)
  --all              every request, not only partnerships
  --from <file>      the snapshot to read (default: ${STATUS_FILE})
  --out <file>       write to a file instead of the standard output
  -h, --help         show this help`;

export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** The columns, in order: the export's contract with whoever reads it (a spreadsheet, a report script). */
export const COLUMNS = ['issue', 'url', 'mentee', 'mentor', 'status', 'filed', 'started', 'closed', 'term', 'cohort'] as const satisfies readonly (keyof RequestRow)[];

export const PARTNERSHIP_STATUSES: readonly Status[] = ['active', 'completed', 'ended'];

export interface ExportOptions {
  cohort?: string;
  /** Every request, not only partnerships. */
  all?: boolean;
}

/** The rows to export, in issue order. */
export function selectRows(status: StatusFile, o: ExportOptions = {}): RequestRow[] {
  return status.requests
    .filter((r) => o.all || PARTNERSHIP_STATUSES.includes(r.status))
    .filter((r) => o.cohort === undefined || r.cohort === o.cohort)
    .sort((a, b) => a.issue - b.issue);
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a double quote, CR or LF, with quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: the header row, then one record per row, each line ending in CRLF (RFC 4180). */
export function toCsv(rows: readonly RequestRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))];
  return lines.map((l) => `${l}\r\n`).join('');
}

export function toJson(rows: readonly RequestRow[]): string {
  return `${JSON.stringify(rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c]]))), null, 2)}\n`;
}

export type { Io };

/** Runs the export; returns the exit code (0 done, 1 no usable snapshot, 2 bad usage). */
export async function main(argv: string[], io: Io = { out: (t) => process.stdout.write(t), err: console.error }): Promise<number> {
  const parsed = parseFlags<{ format?: string; cohort?: string; all?: boolean; from?: string; out?: string }>(
    'export',
    argv,
    { format: { type: 'string' }, cohort: { type: 'string' }, all: { type: 'boolean' }, from: { type: 'string' }, out: { type: 'string' } },
    `${USAGE}\n`,
    io,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const format = values.format ?? 'csv';
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.err(`export: --format "${format}" is not a format; use --format csv or --format json\n\n${USAGE}`);
    return 2;
  }
  for (const flag of ['cohort', 'from', 'out'] as const) {
    if (values[flag] !== undefined && !values[flag]!.trim()) {
      io.err(`export: --${flag} needs a value\n\n${USAGE}`);
      return 2;
    }
  }

  const root = contentRoot();
  // --from and --out are taken from the working directory, like any file named on a command line.
  const loaded = loadStatus(root, values.from !== undefined ? resolve(values.from) : STATUS_FILE);
  if (!loaded.status) {
    io.err(loaded.problem === 'missing' ? `export: ${loaded.reason}: run npm run sync first (or pass --from <file>).` : `export: ${loaded.reason}. Run npm run sync to write it again.`);
    return 1;
  }
  const rows = selectRows(loaded.status, { ...(values.cohort !== undefined ? { cohort: values.cohort } : {}), all: Boolean(values.all) });
  if (values.cohort !== undefined && rows.length === 0) {
    const cohorts = [...new Set(loaded.status.requests.map((r) => r.cohort).filter((c): c is string => Boolean(c)))].sort();
    io.err(`export: no ${values.all ? 'request' : 'partnership'} in cohort "${values.cohort}"${cohorts.length ? ` (cohorts: ${cohorts.join(', ')})` : ' (no request has a cohort label)'}.`);
  }
  const text = format === 'csv' ? toCsv(rows) : toJson(rows);
  if (values.out === undefined) {
    io.out(text);
    return 0;
  }
  const path = resolve(values.out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  io.err(`export: wrote ${rows.length} ${values.all ? 'request' : 'partnership'}${rows.length === 1 ? '' : 's'} to ${values.out} (snapshot of ${loaded.status.generated}).`);
  return 0;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
