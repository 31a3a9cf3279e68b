import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { computeStatus, median, requestHistory, statusWarnings, type StatusInput, type StatusIssue, type StatusRecord } from '../../src/core/status-compute.ts';
import { statusFileSchema, type StatusFile } from '../../src/core/status.ts';
import { loadProgram } from '../../src/files/content.ts';
import { partnershipSchema } from '../../src/core/partnership.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const program = loadProgram(ROOT).program!;
const FIXTURE = statusFileSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures/status/status.json'), 'utf8'))) as StatusFile;
const URL = (n: number) => `https://github.com/mentorkit/mentorkit/issues/${n}`;

// ── A scenario built from records the way the bot writes them ──────────────────────────────────────────────

let nextId = 1000;
const rec = (issue: number, kind: string, key: string, at: string, extra: Partial<StatusRecord> = {}): StatusRecord => ({
  issue,
  id: ++nextId,
  kind,
  key,
  createdAt: at,
  updatedAt: at,
  ...extra,
});
/** The partnership card (kind accepted) with its data block, as renderCard ends it. */
function card(issue: number, at: string, p: { mentor: string; mentee: string; start: string; months: number; end: string; closed?: { as: 'completed' | 'ended'; on: string } }, updatedAt = at): StatusRecord {
  const state = partnershipSchema.parse({ v: 1, by: p.mentor, ...p });
  return rec(issue, 'accepted', `${issue}.${p.mentor}`, at, { updatedAt, body: `## Partnership\n\n…\n<!-- mentorkit-partnership ${JSON.stringify(state)} -->` });
}
const issue = (number: number, author: string, labels: string[], createdAt: string, closedAt: string | null = null): StatusIssue => ({
  number,
  url: URL(number),
  author,
  state: closedAt ? 'closed' : 'open',
  labels: ['request', ...labels],
  createdAt,
  closedAt,
});
const T = (d: string, time = '09:00:00') => `${d}T${time}Z`;

/** The twelve requests of test/fixtures/status/status.json, as issues and the bot's records. */
function fixtureScenario(): StatusInput {
  nextId = 1000;
  const issues = [
    issue(1, 'lena-park', ['status:active', 'mentor:aino-koskinen'], T('2027-01-04', '08:30:00')),
    issue(2, 'tomas-ruiz', ['status:completed', 'mentor:amara-okafor', 'cohort:2026-autumn'], T('2026-10-02', '08:00:00'), T('2027-01-05', '05:23:10')),
    issue(3, 'noor-haddad', ['status:active', 'mentor:amara-okafor', 'cohort:2027-spring'], T('2027-01-11', '08:00:00')),
    issue(4, 'sam-ito', ['status:pending', 'mentor:amara-okafor'], T('2027-02-27', '08:00:00')),
    issue(5, 'kofi-mensah', ['status:declined', 'mentor:daniel-osei'], T('2027-02-01', '08:00:00'), T('2027-02-03', '09:00:01')),
    issue(6, 'ines-duarte', ['status:ended', 'mentor:daniel-osei', 'cohort:2026-autumn'], T('2026-11-15', '08:00:00'), T('2027-02-10', '05:23:10')),
    issue(7, 'lena-park', ['status:withdrawn', 'mentor:chen-yuhan'], T('2027-01-04', '08:35:00'), T('2027-01-08', '09:00:05')),
    issue(8, 'ravi-kumar', ['status:expired', 'mentor:andres-villalobos'], T('2027-01-15', '08:00:00'), T('2027-02-14', '05:23:10')),
    issue(9, 'maya-cohen', ['status:saved', 'mentor:ayesha-rahman'], T('2027-03-01', '08:00:00')),
    issue(10, 'ola-nowak', ['status:invalid'], T('2027-03-12', '08:00:00')),
    issue(11, 'jin-woo', ['status:active', 'mentor:ayesha-rahman', 'cohort:2027-spring'], T('2027-02-20', '08:00:00')),
    issue(12, 'eva-lind', ['status:active', 'mentor:amara-okafor'], T('2027-02-25', '08:00:00')),
  ];
  const records = [
    // 2026
    rec(2, 'welcome', '2.amara-okafor', T('2026-10-02')),
    card(2, T('2026-10-05'), { mentor: 'amara-okafor', mentee: 'tomas-ruiz', start: '2026-10-05', months: 3, end: '2027-01-05', closed: { as: 'completed', on: '2027-01-05' } }, T('2027-01-05', '05:23:09')),
    rec(6, 'welcome', '6.daniel-osei', T('2026-11-15')),
    card(6, T('2026-11-20'), { mentor: 'daniel-osei', mentee: 'ines-duarte', start: '2026-11-20', months: 6, end: '2027-05-20', closed: { as: 'ended', on: '2027-02-10' } }, T('2027-02-10', '05:23:09')),
    // 2027
    rec(1, 'welcome', '1.aino-koskinen', T('2027-01-04')),
    rec(7, 'welcome', '7.chen-yuhan', T('2027-01-04', '09:05:00')),
    rec(2, 'completed', '2', T('2027-01-05', '05:23:08')),
    card(1, T('2027-01-08'), { mentor: 'aino-koskinen', mentee: 'lena-park', start: '2027-01-08', months: 3, end: '2027-04-08' }, T('2027-03-08', '18:00:00')),
    rec(7, 'auto-withdrawn', '7.1', T('2027-01-08', '09:00:04')),
    rec(3, 'welcome', '3.amara-okafor', T('2027-01-11')),
    rec(8, 'welcome', '8.andres-villalobos', T('2027-01-15')),
    card(3, T('2027-01-20'), { mentor: 'amara-okafor', mentee: 'noor-haddad', start: '2027-01-20', months: 6, end: '2027-07-20' }, T('2027-03-09', '10:00:00')),
    rec(5, 'welcome', '5.daniel-osei', T('2027-02-01')),
    rec(5, 'declined', '5.daniel-osei.c555-0', T('2027-02-03')),
    rec(6, 'ended', '6', T('2027-02-10', '05:23:08')),
    rec(8, 'expired', '8.andres-villalobos.2027-01-15-expiry', T('2027-02-14', '05:23:08')),
    rec(11, 'welcome', '11.ayesha-rahman', T('2027-02-20')),
    card(11, T('2027-02-22'), { mentor: 'ayesha-rahman', mentee: 'jin-woo', start: '2027-02-22', months: 3, end: '2027-05-22' }, T('2027-03-06', '12:00:00')),
    rec(12, 'welcome', '12.amara-okafor', T('2027-02-25')),
    rec(4, 'welcome', '4.amara-okafor', T('2027-02-27')),
    rec(9, 'welcome', '9.ayesha-rahman', T('2027-03-01')),
    card(12, T('2027-03-02'), { mentor: 'amara-okafor', mentee: 'eva-lind', start: '2027-03-02', months: 3, end: '2027-06-02' }),
    rec(9, 'saved', '9.c999-0', T('2027-03-04')),
  ];
  return {
    repository: 'mentorkit/mentorkit',
    generated: '2027-03-15T06:00:00Z',
    today: '2027-03-15',
    program,
    // The fixture's mentors, so the scenario does not depend on who is in content/mentors today.
    profiles: Object.entries(FIXTURE.mentors).map(([github, m]) => ({ github, availability: { status: 'open' as const, capacity: m.capacity } })),
    issues,
    records,
  };
}

describe('computeStatus: a hand-made program of twelve requests', () => {
  const status = computeStatus(fixtureScenario());

  test('is exactly test/fixtures/status/status.json (the fixture the site is built against is what sync computes)', () => {
    expect(statusFileSchema.parse(status)).toEqual(FIXTURE);
    expect(status).toEqual(FIXTURE);
  });

  test('medians and rates, worked by hand', () => {
    // First answers in days: #1 4, #2 3, #3 9, #5 2 (declined), #6 5, #9 3 (saved), #11 2, #12 5;
    // #4 waits, #7 was withdrawn and #8 expired: no answer. Sorted 2 2 3 3 | 4 5 5 9: median (3 + 4) / 2.
    expect(status.program.medianResponseDays).toBe(3.5);
    // 6 partnerships (#1 #2 #3 #6 #11 #12) over 6 + 1 declined.
    expect(status.program.acceptanceRate).toBe(0.8571);
    // 1 completed (#2) over 1 completed + 1 ended (#6).
    expect(status.program.completionRate).toBe(0.5);
    expect(status.program.activePartnerships).toBe(4);
    expect(status.mentors['amara-okafor']).toEqual({ active: 2, waiting: 1, capacity: 2, slotsFree: 0, medianResponseDays: 5, lastActivity: '2027-03-09', lastFreeSlot: '2027-03-02' });
    expect(status.mentors['daniel-osei']!.medianResponseDays).toBe(3.5);
    expect(status.mentors['ayesha-rahman']).toMatchObject({ active: 1, waiting: 1, slotsFree: 1, medianResponseDays: 2.5, lastFreeSlot: null });
    // Asked, but never answered: no response time and no activity of their own.
    expect(status.mentors['chen-yuhan']).toMatchObject({ medianResponseDays: null, lastActivity: null });
    expect(status.mentors['andres-villalobos']).toMatchObject({ medianResponseDays: null, lastActivity: null });
  });

  test('rows: logins, dates, term and cohort; no mentor for a request that never named a valid one', () => {
    expect(status.requests.find((r) => r.issue === 6)).toEqual({ issue: 6, url: URL(6), mentee: 'ines-duarte', mentor: 'daniel-osei', status: 'ended', filed: '2026-11-15', started: '2026-11-20', closed: '2027-02-10', term: 6, cohort: '2026-autumn' });
    expect(status.requests.find((r) => r.issue === 10)).toEqual({ issue: 10, url: URL(10), mentee: 'ola-nowak', mentor: null, status: 'invalid', filed: '2027-03-12', started: null, closed: null, term: null, cohort: null });
    expect(status.requests.map((r) => r.issue)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test('nothing of what a mentee wrote reaches the file: the cards’ bodies are read, never copied', () => {
    const input = fixtureScenario();
    const secret = 'MY-PRIVATE-GOAL';
    input.records = input.records.map((r) => (r.body ? { ...r, body: r.body.replace('…', secret) } : r));
    expect(JSON.stringify(computeStatus(input))).not.toContain(secret);
    expect(JSON.stringify(computeStatus(input))).toBe(JSON.stringify(status));
  });
});

describe('first answers', () => {
  const asked = (records: StatusRecord[]) => requestHistory(1, records).askings.map((a) => [a.mentor, a.answer ?? null, a.answeredAt ?? null]);

  test('a decline that hands over to an alternate is the first mentor’s answer; the alternate is asked from then', () => {
    nextId = 0;
    expect(asked([rec(1, 'welcome', '1.ada', T('2027-01-01')), rec(1, 'handover', '1.bo.c12-0', T('2027-01-02'), { body: '@ada declined (no time right now). The request moves on to @bo.' })])).toEqual([
      ['ada', 'handover', T('2027-01-02')],
      ['bo', null, null],
    ]);
  });

  test('a hand-over after an expiry, or a maintainer’s /reassign, is no answer', () => {
    nextId = 0;
    expect(asked([rec(1, 'welcome', '1.ada', T('2027-01-01')), rec(1, 'handover', '1.bo.2027-01-01-expiry', T('2027-01-31'), { body: '@ada did not answer in 30 days.' })])).toEqual([
      ['ada', null, null],
      ['bo', null, null],
    ]);
    expect(asked([rec(1, 'welcome', '1.ada', T('2027-01-01')), rec(1, 'handover', '1.bo.c9-0', T('2027-01-03'), { body: '@chair (a maintainer) reassigned this request from @ada. The request moves on to @bo.\n\nWelcome…' })])).toEqual([
      ['ada', null, null],
      ['bo', null, null],
    ]);
  });

  test('only the first answer counts: saved, then accepted, measures the save; a rolled-back acceptance is an answer', () => {
    nextId = 0;
    expect(asked([rec(1, 'welcome', '1.ada', T('2027-01-01')), rec(1, 'saved', '1.c3-0', T('2027-01-02', '21:00:00')), rec(1, 'accepted', '1.ada', T('2027-01-20'))])).toEqual([['ada', 'saved', T('2027-01-02', '21:00:00')]]);
    expect(asked([rec(1, 'welcome', '1.ada', T('2027-01-01')), rec(1, 'rolled-back', '1.x', T('2027-01-01', '21:00:00'))])).toEqual([['ada', 'rolled-back', T('2027-01-01', '21:00:00')]]);
  });

  test('a withdrawal ends the asking unanswered; a welcome after a reopen or a fix asks again', () => {
    nextId = 0;
    expect(asked([rec(1, 'welcome', '1.ada', T('2027-01-01')), rec(1, 'withdrawn', '1.c4-0', T('2027-01-02')), rec(1, 'welcome', '1.ada.c7-0', T('2027-02-01')), rec(1, 'declined', '1.ada.c8-0', T('2027-02-01', '21:00:00'))])).toEqual([
      ['ada', null, null],
      ['ada', 'declined', T('2027-02-01', '21:00:00')],
    ]);
  });

  test('records are ordered by id, whatever order they arrive in; days are exact (half a day is 0.5)', () => {
    nextId = 0;
    const w = rec(1, 'welcome', '1.ada', T('2027-01-01'));
    const d = rec(1, 'declined', '1.ada.c1-0', T('2027-01-01', '21:00:00'));
    const s = computeStatus({ ...base(), issues: [issue(1, 'mia', ['status:declined', 'mentor:ada'], T('2027-01-01'), T('2027-01-01', '21:00:01'))], records: [d, w] });
    expect(s.mentors.ada!.medianResponseDays).toBe(0.5);
    expect(s.program.medianResponseDays).toBe(0.5);
  });
});

function base(): StatusInput {
  return {
    repository: 'o/r',
    generated: '2027-03-15T06:00:00Z',
    today: '2027-03-15',
    program,
    profiles: [{ github: 'ada', availability: { status: 'open', capacity: 2 } }],
    issues: [],
    records: [],
  };
}

describe('missing and odd data', () => {
  test('no requests at all: zero counts, nulls where nothing is known yet, and a valid file', () => {
    const s = computeStatus(base());
    expect(statusFileSchema.safeParse(s).success).toBe(true);
    expect(s.program).toEqual({
      byStatus: { pending: 0, saved: 0, invalid: 0, active: 0, declined: 0, withdrawn: 0, expired: 0, completed: 0, ended: 0 },
      byMonth: [],
      acceptanceRate: null,
      medianResponseDays: null,
      activePartnerships: 0,
      completionRate: null,
    });
    expect(s.mentors).toEqual({ ada: { active: 0, waiting: 0, capacity: 2, slotsFree: 2, medianResponseDays: null, lastActivity: null, lastFreeSlot: null } });
  });

  test('an issue without bot comments (a status set by hand): counted by its labels, no start, term or response time', () => {
    const s = computeStatus({ ...base(), issues: [issue(1, 'mia', ['status:active', 'mentor:ada'], T('2027-03-01')), issue(2, 'bo', ['status:active', 'mentor:ada'], T('2027-03-02'))] });
    expect(s.mentors.ada).toEqual({ active: 2, waiting: 0, capacity: 2, slotsFree: 0, medianResponseDays: null, lastActivity: null, lastFreeSlot: null });
    expect(s.requests[0]).toMatchObject({ mentor: 'ada', status: 'active', started: null, term: null });
    expect(s.program.byMonth).toEqual([{ month: '2027-03', requests: 2, accepted: 0, completed: 0, ended: 0 }]);
  });

  test('a mentor label without a profile: the request counts for the program, the mentor is not listed, and the sync says so', () => {
    const input = { ...base(), issues: [issue(1, 'mia', ['status:pending', 'mentor:gone-mentor'], T('2027-03-01')), issue(2, 'bo', ['request'], T('2027-03-02'))] };
    const s = computeStatus(input);
    expect(Object.keys(s.mentors)).toEqual(['ada']);
    expect(s.requests.map((r) => [r.issue, r.mentor, r.status])).toEqual([[1, 'gone-mentor', 'pending']]);
    expect(s.program.byStatus.pending).toBe(1);
    expect(statusWarnings(input)).toEqual([
      '1 request issue(s) without a status label were left out (#2): the bot has not checked them yet.',
      "mentor:gone-mentor is on 1 request(s) but has no profile in content/mentors: counted in the program's numbers, not listed under mentors.",
    ]);
  });

  test('a login spelled with capitals in its profile file keeps that spelling; labels are lower case', () => {
    const s = computeStatus({ ...base(), profiles: [{ github: 'Ada-Lovelace', availability: { status: 'paused', capacity: 5 } }], issues: [issue(1, 'mia', ['status:pending', 'mentor:ada-lovelace'], T('2027-03-01'))] });
    // Capacity never exceeds the program's maximum; a paused mentor's free slots are still counted (the site shows paused).
    expect(s.mentors['Ada-Lovelace']).toMatchObject({ waiting: 1, capacity: program.limits.max_mentor_capacity, slotsFree: program.limits.max_mentor_capacity });
    expect(s.requests[0]!.mentor).toBe('Ada-Lovelace');
  });

  test('a closed issue counts no slot even if it still says active; byMonth runs across a year end with empty months', () => {
    const s = computeStatus({ ...base(), today: '2027-02-01', issues: [issue(1, 'mia', ['status:active', 'mentor:ada'], T('2026-11-30'), T('2026-12-01'))] });
    expect(s.mentors.ada).toMatchObject({ active: 0, slotsFree: 2 });
    expect(s.program.byMonth.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  test('a card that does not parse is no partnership data (a forged or damaged card)', () => {
    nextId = 0;
    const s = computeStatus({ ...base(), issues: [issue(1, 'mia', ['status:active', 'mentor:ada'], T('2027-03-01'))], records: [rec(1, 'welcome', '1.ada', T('2027-03-01')), rec(1, 'accepted', '1.ada', T('2027-03-03'), { body: '<!-- mentorkit-partnership {"v":1,"mentor":"ada"} -->' })] });
    expect(s.requests[0]).toMatchObject({ started: null, term: null });
    // The acceptance is still the mentor's answer.
    expect(s.mentors.ada!.medianResponseDays).toBe(2);
  });
});

test('median', () => {
  expect(median([])).toBeNull();
  expect(median([5])).toBe(5);
  expect(median([3, 1, 2])).toBe(2);
  expect(median([1, 2, 3, 4])).toBe(2.5);
  expect(median([1 / 3])).toBe(0.3);
});
