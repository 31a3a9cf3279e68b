import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { COLUMNS, csvField, main, selectRows, toCsv, toJson } from '../../scripts/export.ts';
import { loadStatus, statusBuildLine } from '../../src/files/status.ts';
import { statusFileSchema, type RequestRow, type StatusFile } from '../../src/core/status.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE_FILE = 'test/fixtures/status/status.json';
const fixture = (): StatusFile => statusFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, FIXTURE_FILE), 'utf8')));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentorkit-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await main(argv, { out: (t) => (stdout += t), err: (l) => stderr.push(l) });
  return { code, stdout, stderr: stderr.join('\n') };
}

describe('CSV (RFC 4180)', () => {
  test('fields are quoted only when they must be, quotes doubled; null is empty; numbers as written', () => {
    expect(csvField('ada')).toBe('ada');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('"')).toBe('""""');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField(' spaced ')).toBe(' spaced '); // spaces are part of a field (RFC 4180 §2.4)
  });

  test('a header row, then one record per row, every line ending in CRLF', () => {
    const row: RequestRow = { issue: 7, url: 'https://github.com/o/r/issues/7', mentee: 'mia', mentor: null, status: 'active', filed: '2027-01-01', started: '2027-01-02', closed: null, term: 3, cohort: 'spring, "late"' };
    expect(toCsv([row])).toBe('issue,url,mentee,mentor,status,filed,started,closed,term,cohort\r\n7,https://github.com/o/r/issues/7,mia,,active,2027-01-01,2027-01-02,,3,"spring, ""late"""\r\n');
    expect(toCsv([])).toBe(`${COLUMNS.join(',')}\r\n`);
  });

  test('what a spreadsheet parser reads back is what went in', () => {
    const rows = selectRows(fixture(), { all: true }).map((r, k) => (k === 0 ? { ...r, cohort: 'a "b",\nc' } : r));
    const parsed = parseCsv(toCsv(rows));
    expect(parsed[0]).toEqual([...COLUMNS]);
    expect(parsed.slice(1)).toEqual(rows.map((r) => COLUMNS.map((c) => (r[c] === null ? '' : String(r[c])))));
  });
});

describe('which rows', () => {
  test('partnerships by default: active, completed and ended, in issue order', () => {
    expect(selectRows(fixture()).map((r) => [r.issue, r.status])).toEqual([
      [1, 'active'],
      [2, 'completed'],
      [3, 'active'],
      [6, 'ended'],
      [11, 'active'],
      [12, 'active'],
    ]);
  });

  test('--cohort keeps one cohort; --all every request', () => {
    expect(selectRows(fixture(), { cohort: '2026-autumn' }).map((r) => r.issue)).toEqual([2, 6]);
    expect(selectRows(fixture(), { cohort: 'none-such' })).toEqual([]);
    expect(selectRows(fixture(), { all: true })).toHaveLength(12);
    expect(selectRows(fixture(), { all: true, cohort: '2027-spring' }).map((r) => r.issue)).toEqual([3, 11]);
  });

  test('JSON is an array of rows with the same columns', () => {
    const rows = selectRows(fixture(), { cohort: '2026-autumn' });
    const parsed = JSON.parse(toJson(rows)) as Record<string, unknown>[];
    expect(parsed.map((r) => Object.keys(r))).toEqual([[...COLUMNS], [...COLUMNS]]);
    expect(parsed[1]).toEqual({ issue: 6, url: 'https://github.com/mentorkit/mentorkit/issues/6', mentee: 'ines-duarte', mentor: 'daniel-osei', status: 'ended', filed: '2026-11-15', started: '2026-11-20', closed: '2027-02-10', term: 6, cohort: '2026-autumn' });
  });
});

describe('npm run export', () => {
  test('CSV to the standard output by default, from --from', async () => {
    const r = await run(['--from', FIXTURE_FILE, '--cohort', '2026-autumn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'issue,url,mentee,mentor,status,filed,started,closed,term,cohort\r\n' +
        '2,https://github.com/mentorkit/mentorkit/issues/2,tomas-ruiz,amara-okafor,completed,2026-10-02,2026-10-05,2027-01-05,3,2026-autumn\r\n' +
        '6,https://github.com/mentorkit/mentorkit/issues/6,ines-duarte,daniel-osei,ended,2026-11-15,2026-11-20,2027-02-10,6,2026-autumn\r\n',
    );
    expect(r.stderr).toBe('');
  });

  test('--format json --out writes a file and says how many rows', async () => {
    const file = join(dir, 'out', 'partnerships.json');
    const r = await run(['--format', 'json', '--from', FIXTURE_FILE, '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`export: wrote 6 partnerships to ${file} (snapshot of 2027-03-15T06:00:00Z).`);
    expect((JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length).toBe(6);
  });

  test('a cohort nobody is in: the header only, and the cohorts there are', async () => {
    const r = await run(['--from', FIXTURE_FILE, '--cohort', '2025-spring']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${COLUMNS.join(',')}\r\n`);
    expect(r.stderr).toBe('export: no partnership in cohort "2025-spring" (cohorts: 2026-autumn, 2027-spring).');
  });

  test('usage errors exit 2: a bad --format, an unknown flag, a stray argument, an empty value', async () => {
    const bad = await run(['--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('export: --format "xlsx" is not a format; use --format csv or --format json');
    const unknown = await run(['--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe("export: Unknown option '--colour'");
    expect((await run(['csv'])).code).toBe(2);
    expect((await run(['--cohort', ''])).stderr.split('\n')[0]).toBe('export: --cohort needs a value');
    expect((await run(['--help'])).stdout).toMatch(/^usage: npm run export/);
  });

  test('no snapshot: run npm run sync first (exit 1); a broken one names the file and the field', async () => {
    const missing = await run(['--from', join(dir, 'status.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`export: ${join(dir, 'status.json')} not found: run npm run sync first (or pass --from <file>).`);
    const broken = join(dir, 'broken.json');
    const s = fixture() as unknown as { mentors: Record<string, { slotsFree: number }> };
    s.mentors['amara-okafor']!.slotsFree = -1;
    writeFileSync(broken, JSON.stringify(s));
    const r = await run(['--from', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`export: ${broken}: mentors.amara-okafor.slotsFree: Too small: expected number to be >=0. Run npm run sync to write it again.`);
  });

  test('the script itself: exit codes as a shell sees them', () => {
    const script = resolve(ROOT, 'scripts/export.ts');
    const bad = spawnSync(process.execPath, [script, '--format', 'pdf'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    const ok = spawnSync(process.execPath, [script, '--from', FIXTURE_FILE, '--all'], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\r\n')).toHaveLength(12 + 2); // header, 12 rows, and the empty string after the last CRLF
  });
});

describe('loadStatus (data/status.json for the site and the export)', () => {
  test('the fixture loads; the build line says what the directory shows', () => {
    const loaded = loadStatus(ROOT, FIXTURE_FILE);
    expect(loaded.status?.requests).toHaveLength(12);
    expect(statusBuildLine(loaded)).toBe(`[mentorkit] ${FIXTURE_FILE}: ${Object.keys(fixture().mentors).length} mentors, 12 requests, synced 2027-03-15T06:00:00Z`);
  });

  test('missing: a reason, and the build line tells how to get slot counts', () => {
    const loaded = loadStatus(dir);
    expect(loaded).toEqual({ status: undefined, file: 'data/status.json', problem: 'missing', reason: 'data/status.json not found' });
    expect(statusBuildLine(loaded)).toBe('[mentorkit] data/status.json not found: the directory shows profiles only (run npm run sync)');
  });

  test('not JSON, or a field the schema rejects: the file and the field are named', () => {
    const data = join(dir, 'data');
    rmSync(data, { recursive: true, force: true });
    writeFileSync(join(dir, 'x.json'), '{ "v": 1,');
    expect(loadStatus(dir, 'x.json')).toMatchObject({ problem: 'invalid', reason: expect.stringMatching(/^x\.json: not valid JSON \(/) });
    const s = fixture() as unknown as Record<string, unknown> & { requests: Record<string, unknown>[] };
    s.requests[3]!.status = 'lost';
    delete s.generated;
    writeFileSync(join(dir, 'y.json'), JSON.stringify(s));
    const loaded = loadStatus(dir, 'y.json');
    expect(loaded.status).toBeUndefined();
    expect(loaded).toMatchObject({ problem: 'invalid', file: 'y.json' });
    expect((loaded as { reason: string }).reason).toMatch(/^y\.json: generated: .+ \(and 1 more\)$/);
    expect(statusBuildLine(loaded)).toMatch(/^\[mentorkit\] y\.json: generated: .*: the directory shows profiles only \(run npm run sync to write it again\)$/);
  });
});

/** A small RFC 4180 reader, to check the writer against an independent parse. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}
