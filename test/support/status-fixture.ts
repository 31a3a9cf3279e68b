/**
 * A data/status.json for a set of profiles, made up deterministically so the browser tests know every number:
 * open mentors, by login, take turns being full, having one slot taken and having every slot free; the last
 * open one is missing from the file (a mentor who joined after the sync). Every count, month and rate is derived
 * from the generated request rows, as `npm run sync` derives them from the issues.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { statusFileSchema, type MentorStatus, type RequestRow, type StatusFile } from '../../src/core/status.ts';
import type { Status } from '../../src/core/labels.ts';

export interface FixtureMentor {
  login: string;
  open: boolean;
  capacity: number;
}

export const FIXTURE_NOW = '2026-11-15T06:00:00Z';
const TODAY = FIXTURE_NOW.slice(0, 10);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function statusFixture(profiles: readonly FixtureMentor[], repository: string): StatusFile {
  const open = profiles.filter((p) => p.open).sort((a, b) => a.login.localeCompare(b.login));
  const paused = profiles.filter((p) => !p.open).sort((a, b) => a.login.localeCompare(b.login));
  const missing = open[open.length - 1]?.login;
  const rows: RequestRow[] = [];
  const mentors: Record<string, MentorStatus> = {};
  let issue = 0;
  let mentee = 0;
  const nextMentee = () => `mentee-${String(++mentee).padStart(3, '0')}`;
  const row = (m: string, status: Status, who: string, filed: string, started: string | null, closed: string | null): RequestRow => {
    const r: RequestRow = {
      issue: ++issue,
      url: `https://github.com/${repository}/issues/${issue}`,
      mentee: who,
      mentor: m,
      status,
      filed,
      started,
      closed,
      term: started ? 6 : null,
      cohort: null,
    };
    rows.push(r);
    return r;
  };

  const all = [...open.map((p, i) => ({ p, i })), ...paused.map((p, i) => ({ p, i: i + open.length }))];
  for (const { p, i } of all) {
    const turn = i % 3;
    const active = !p.open ? Math.min(1, p.capacity) : turn === 0 ? p.capacity : turn === 1 ? p.capacity - 1 : 0;
    const waiting = p.open && active < p.capacity ? i % 2 : 0;
    const mine: RequestRow[] = [];
    // An earlier partnership, completed (every other mentor) or ended early (every fifth).
    let previous: string | undefined;
    if (i % 2 === 0) {
      previous = nextMentee();
      const filed = addDays('2026-05-04', i % 20);
      mine.push(row(p.login, 'completed', previous, filed, addDays(filed, 2), addDays(filed, 95)));
    }
    if (i % 5 === 0) {
      const filed = addDays('2026-06-10', i % 15);
      mine.push(row(p.login, 'ended', nextMentee(), filed, addDays(filed, 4), addDays(filed, 50)));
    }
    if (i % 3 === 0) {
      const filed = addDays('2026-07-01', i % 30);
      mine.push(row(p.login, 'declined', nextMentee(), filed, null, addDays(filed, 5)));
    }
    for (let k = 0; k < active; k++) {
      const filed = addDays('2026-08-01', (i * 7 + k * 11) % 60);
      // The mentee of a finished partnership comes back for a new one: two rows for one login.
      mine.push(row(p.login, 'active', k === 0 && previous ? previous : nextMentee(), filed, addDays(filed, 3), null));
    }
    for (let k = 0; k < waiting; k++) {
      const filed = addDays(TODAY, -((i + k) % 20) - 1);
      mine.push(row(p.login, (i + k) % 4 === 1 ? 'saved' : 'pending', nextMentee(), filed, null, null));
    }
    if (p.login === missing) {
      // Joined after the sync: in no row and not in the file.
      for (const r of mine) rows.splice(rows.indexOf(r), 1);
      continue;
    }
    const activeRows = mine.filter((r) => r.status === 'active');
    const dates = mine.flatMap((r) => [r.filed, r.started, r.closed]).filter((d): d is string => !!d).sort();
    mentors[p.login] = {
      active,
      waiting,
      capacity: p.capacity,
      slotsFree: Math.max(0, p.capacity - active),
      medianResponseDays: i % 4 === 3 ? null : 1 + (i % 5) * 1.5,
      lastActivity: dates[dates.length - 1] ?? null,
      lastFreeSlot: active >= p.capacity && activeRows.length ? activeRows.map((r) => r.started!).sort().at(-1)! : null,
    };
  }
  rows.sort((a, b) => a.issue - b.issue);

  const months = new Map<string, { month: string; requests: number; accepted: number; completed: number; ended: number }>();
  for (let m = '2026-05'; m <= TODAY.slice(0, 7); m = addDays(`${m}-28`, 5).slice(0, 7)) months.set(m, { month: m, requests: 0, accepted: 0, completed: 0, ended: 0 });
  for (const r of rows) {
    months.get(r.filed.slice(0, 7))!.requests++;
    if (r.started) months.get(r.started.slice(0, 7))!.accepted++;
    if (r.closed && r.status === 'completed') months.get(r.closed.slice(0, 7))!.completed++;
    if (r.closed && r.status === 'ended') months.get(r.closed.slice(0, 7))!.ended++;
  }
  const byStatus: Partial<Record<Status, number>> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const accepted = rows.filter((r) => r.started).length;
  const declined = byStatus.declined ?? 0;
  const finished = (byStatus.completed ?? 0) + (byStatus.ended ?? 0);
  const medians = Object.values(mentors).map((m) => m.medianResponseDays).filter((d): d is number => d !== null);
  return statusFileSchema.parse({
    v: 1,
    generated: FIXTURE_NOW,
    repository,
    mentors,
    program: {
      byStatus,
      byMonth: [...months.values()],
      acceptanceRate: accepted + declined ? accepted / (accepted + declined) : null,
      medianResponseDays: median(medians),
      activePartnerships: byStatus.active ?? 0,
      completionRate: finished ? (byStatus.completed ?? 0) / finished : null,
    },
    requests: rows,
  });
}

/** The fixture for a content root's profiles (program.yml and content/mentors/*.md). */
export function sampleStatus(root: string): StatusFile {
  const program = parse(readFileSync(join(root, 'program.yml'), 'utf8')) as { repository: string };
  const dir = join(root, 'content/mentors');
  const profiles = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const d = matter(readFileSync(join(dir, f), 'utf8')).data as { github: string; availability: { status: string; capacity: number } };
      return { login: d.github, open: d.availability.status === 'open', capacity: d.availability.capacity };
    });
  return statusFixture(profiles, program.repository);
}
