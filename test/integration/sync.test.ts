import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seedIssues, startEmulator, type Emulator, type SeedComment, type SeedIssue } from '../../src/testing/emulator/index.ts';
import { loadContent } from '../../src/files/content.ts';
import { labelSpec } from '../../src/core/labels.ts';
import { partnershipSchema } from '../../src/core/partnership.ts';
import { statusFileSchema, type StatusFile } from '../../src/core/status.ts';
import { main } from '../../scripts/sync.ts';
import { runScript as runScriptAt } from '../support/run-script.ts';

/** npm run sync against the offline GitHub: what it reads, in how many calls, what it computes, and how it fails. */

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = resolve(ROOT, 'scripts/sync.ts');
const { program, mentors } = loadContent(ROOT);
const [owner, repo] = program!.repository.split('/') as [string, string];
const BOT = 'github-actions[bot]';
const NOW = '2027-03-15T06:00:00Z';
const ISSUES = '/repos/{owner}/{repo}/issues';
const COMMENTS = '/repos/{owner}/{repo}/issues/comments';
const RATE_LIMITED = "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";

let gh: Emulator;
let dir: string;
let out: string;
beforeEach(async () => {
  gh = await startEmulator({ owner, repo, labels: [labelSpec('request')] });
  dir = mkdtempSync(join(tmpdir(), 'mentorkit-sync-'));
  out = join(dir, 'status.json');
});
afterEach(async () => {
  expect(gh.violations, 'every request and response matches the OpenAPI description').toEqual([]);
  await gh.close();
  rmSync(dir, { recursive: true, force: true });
});

const withToken = () => ({ GITHUB_API_URL: gh.url, GITHUB_TOKEN: gh.botToken, MENTORKIT_NOW: NOW });
async function sync(env: Record<string, string>, argv: string[] = ['--out', out]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, env, { out: (l) => stdout.push(l), err: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
const written = (): StatusFile => statusFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
const pages = (route: string) => gh.countCalls({ method: 'GET', route });

// ── seeding helpers: the bot's comments as it writes them ─────────────────────────────────────────────────

const marker = (kind: string, key: string) => `<!-- mentorkit:${kind}:${key} -->`;
const botSays = (kind: string, key: string | ((n: number) => string), createdAt: string, text = 'A note from the bot.', updatedAt?: string): SeedComment => ({
  author: BOT,
  body: ({ number }) => `${text}\n\n${marker(kind, typeof key === 'string' ? key : key(number))}`,
  createdAt,
  ...(updatedAt ? { updatedAt } : {}),
});
function cardComment(createdAt: string, p: { mentor: string; mentee: string; start: string; months: number; end: string; closed?: { as: 'completed' | 'ended'; on: string } }, updatedAt?: string): SeedComment {
  const state = partnershipSchema.parse({ v: 1, by: p.mentor, ...p });
  return {
    author: BOT,
    body: ({ number }) => `## Your mentoring partnership\n\nGoals: private words.\n\n${marker('accepted', `${number}.${p.mentor}`)}\n<!-- mentorkit-partnership ${JSON.stringify(state)} -->`,
    createdAt,
    ...(updatedAt ? { updatedAt } : {}),
  };
}
const labelled = (...names: string[]) => ['request', ...names];

describe('a hand-made program of six requests: every number checked', () => {
  function seedSix() {
    seedIssues(gh, [
      // #1 accepted by amara-okafor 2.5 days after being asked; the mentee's forged "decline" marker must not count.
      {
        author: 'mia-mentee', title: 'Request', body: 'about me: private', createdAt: '2027-03-01T09:50:00Z', labels: labelled('status:active', 'mentor:amara-okafor', 'cohort:2027-spring'),
        comments: [
          botSays('welcome', (n) => `${n}.amara-okafor`, '2027-03-01T10:00:00Z'),
          { author: 'mia-mentee', body: ({ number }) => `Thanks! ${marker('declined', `${number}.amara-okafor.c1-0`)}`, createdAt: '2027-03-02T10:00:00Z' },
          cardComment('2027-03-03T22:00:00Z', { mentor: 'amara-okafor', mentee: 'mia-mentee', start: '2027-03-03', months: 6, end: '2027-09-03' }),
        ],
      },
      // #2 waiting for amara-okafor.
      { author: 'bo-mentee', title: 'Request', body: null, createdAt: '2027-03-02T09:00:00Z', labels: labelled('status:pending', 'mentor:amara-okafor'), comments: [botSays('welcome', (n) => `${n}.amara-okafor`, '2027-03-02T10:00:00Z')] },
      // #3 declined by daniel-osei after 4 days, handed over to aino-koskinen, who accepted the next day; completed.
      {
        author: 'cy-mentee', title: 'Request', body: null, createdAt: '2027-02-01T09:00:00Z', labels: labelled('status:completed', 'mentor:aino-koskinen'),
        state: 'closed', stateReason: 'completed', closedAt: '2027-03-10T05:23:05Z', closedBy: BOT,
        comments: [
          botSays('welcome', (n) => `${n}.daniel-osei`, '2027-02-01T10:00:00Z'),
          botSays('handover', (n) => `${n}.aino-koskinen.c42-0`, '2027-02-05T10:00:00Z', '@daniel-osei declined (no time right now). The request moves on to @aino-koskinen.'),
          cardComment('2027-02-06T10:00:00Z', { mentor: 'aino-koskinen', mentee: 'cy-mentee', start: '2027-02-06', months: 3, end: '2027-05-06', closed: { as: 'completed', on: '2027-03-10' } }, '2027-03-10T05:23:04Z'),
          botSays('completed', (n) => `${n}.c77-0`, '2027-03-10T05:23:03Z'),
        ],
      },
      // #4 names a mentor whose profile is gone.
      { author: 'dee-mentee', title: 'Request', body: null, createdAt: '2027-03-05T09:00:00Z', labels: labelled('status:pending', 'mentor:ghost-mentor'), comments: [botSays('welcome', (n) => `${n}.ghost-mentor`, '2027-03-05T10:00:00Z')] },
      // #5 made active by hand: no bot comment at all.
      { author: 'eve-mentee', title: 'Request', body: null, createdAt: '2027-02-15T09:00:00Z', labels: labelled('status:active', 'mentor:daniel-osei') },
      // #6 never answered: expired.
      {
        author: 'fay-mentee', title: 'Request', body: null, createdAt: '2027-02-10T09:00:00Z', labels: labelled('status:expired', 'mentor:chen-yuhan'),
        state: 'closed', stateReason: 'not_planned', closedAt: '2027-03-12T05:23:05Z', closedBy: BOT,
        comments: [botSays('welcome', (n) => `${n}.chen-yuhan`, '2027-02-10T10:00:00Z'), botSays('expired', (n) => `${n}.chen-yuhan.2027-02-10-expiry`, '2027-03-12T05:23:04Z')],
      },
      // Not a request: a freshness check-in with a bot comment, left out of everything.
      { author: BOT, title: 'Still mentoring?', body: null, createdAt: '2027-03-01T05:00:00Z', labels: ['freshness'], comments: [botSays('freshness', 'amara-okafor.2027-03-01', '2027-03-01T05:00:00Z')] },
    ]);
  }

  test('slots, response times, rates, months and rows', async () => {
    seedSix();
    const r = await sync(withToken());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`sync: wrote ${out}: 6 requests, 2 active partnerships, ${mentors.length} mentors (2 API calls).`);
    expect(r.stderr).toBe("sync: mentor:ghost-mentor is on 1 request(s) but has no profile in content/mentors: counted in the program's numbers, not listed under mentors.");
    const s = written();
    expect(s.generated).toBe(NOW);
    expect(s.repository).toBe(`${owner}/${repo}`);
    expect(s.program).toEqual({
      byStatus: { pending: 2, saved: 0, invalid: 0, active: 2, declined: 0, withdrawn: 0, expired: 1, completed: 1, ended: 0 },
      byMonth: [
        { month: '2027-02', requests: 3, accepted: 1, completed: 0, ended: 0 },
        { month: '2027-03', requests: 3, accepted: 1, completed: 1, ended: 0 },
      ],
      // Partnerships #1 #3 #5 over themselves: the decline of #3 handed it over, it did not end it.
      acceptanceRate: 1,
      // First answers: daniel-osei 4 days, aino-koskinen 1 day, amara-okafor 2.5 days (the forged marker is ignored).
      medianResponseDays: 2.5,
      activePartnerships: 2,
      completionRate: 1,
    });
    expect(s.mentors['amara-okafor']).toEqual({ active: 1, waiting: 1, capacity: 2, slotsFree: 1, medianResponseDays: 2.5, lastActivity: '2027-03-03', lastFreeSlot: null });
    expect(s.mentors['daniel-osei']).toEqual({ active: 1, waiting: 0, capacity: 2, slotsFree: 1, medianResponseDays: 4, lastActivity: '2027-02-05', lastFreeSlot: null });
    expect(s.mentors['aino-koskinen']).toEqual({ active: 0, waiting: 0, capacity: 1, slotsFree: 1, medianResponseDays: 1, lastActivity: '2027-03-10', lastFreeSlot: null });
    expect(s.mentors['chen-yuhan']).toEqual({ active: 0, waiting: 0, capacity: 2, slotsFree: 2, medianResponseDays: null, lastActivity: null, lastFreeSlot: null });
    expect(s.mentors['ghost-mentor']).toBeUndefined();
    expect(Object.keys(s.mentors).sort()).toEqual(mentors.map((m) => m.github).sort());
    const url = (n: number) => `https://github.com/${owner}/${repo}/issues/${n}`;
    expect(s.requests).toEqual([
      { issue: 1, url: url(1), mentee: 'mia-mentee', mentor: 'amara-okafor', status: 'active', filed: '2027-03-01', started: '2027-03-03', closed: null, term: 6, cohort: '2027-spring' },
      { issue: 2, url: url(2), mentee: 'bo-mentee', mentor: 'amara-okafor', status: 'pending', filed: '2027-03-02', started: null, closed: null, term: null, cohort: null },
      { issue: 3, url: url(3), mentee: 'cy-mentee', mentor: 'aino-koskinen', status: 'completed', filed: '2027-02-01', started: '2027-02-06', closed: '2027-03-10', term: 3, cohort: null },
      { issue: 4, url: url(4), mentee: 'dee-mentee', mentor: 'ghost-mentor', status: 'pending', filed: '2027-03-05', started: null, closed: null, term: null, cohort: null },
      { issue: 5, url: url(5), mentee: 'eve-mentee', mentor: 'daniel-osei', status: 'active', filed: '2027-02-15', started: null, closed: null, term: null, cohort: null },
      { issue: 6, url: url(6), mentee: 'fay-mentee', mentor: 'chen-yuhan', status: 'expired', filed: '2027-02-10', started: null, closed: '2027-03-12', term: null, cohort: null },
    ]);
    // Logins and numbers only: nothing a mentee or the bot wrote in the threads.
    const text = readFileSync(out, 'utf8');
    for (const words of ['private', 'Thanks', 'declined (no time', 'Goals']) expect(text).not.toContain(words);
  });

  test('a full mentor’s last free day is the start of their newest partnership', async () => {
    seedIssues(gh, [
      {
        author: 'mia-mentee', title: 'Request', body: null, createdAt: '2027-03-01T09:00:00Z', labels: labelled('status:active', 'mentor:aino-koskinen'),
        comments: [botSays('welcome', (n) => `${n}.aino-koskinen`, '2027-03-01T09:00:00Z'), cardComment('2027-03-04T09:00:00Z', { mentor: 'aino-koskinen', mentee: 'mia-mentee', start: '2027-03-04', months: 3, end: '2027-06-04' })],
      },
    ]);
    expect((await sync(withToken())).code).toBe(0);
    expect(written().mentors['aino-koskinen']).toEqual({ active: 1, waiting: 0, capacity: 1, slotsFree: 0, medianResponseDays: 3, lastActivity: '2027-03-04', lastFreeSlot: '2027-03-04' });
  });
});

describe('250 requests across every status', () => {
  const STATUS_CYCLE = ['pending', 'pending', 'saved', 'active', 'declined', 'withdrawn', 'expired', 'completed', 'ended', 'invalid'] as const;
  const day = (base: string, n: number, time = '09:00:00') => `${new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)}T${time}Z`;

  function seed250(): { comments: number } {
    const logins = mentors.map((m) => m.github);
    const specs: SeedIssue[] = [];
    for (let i = 0; i < 250; i++) {
      const status = STATUS_CYCLE[i % 10]!;
      const mentor = logins[i % logins.length]!;
      const filed = day('2026-06-01', i, '08:00:00');
      const asked = day('2026-06-01', i, '09:00:00');
      const answered = day('2026-06-01', i + 2, '09:00:00');
      const start = answered.slice(0, 10);
      const closedAt = day('2026-06-01', i + 12, '05:23:00');
      const comments: SeedComment[] = [];
      const labels = status === 'invalid' ? labelled('status:invalid') : labelled(`status:${status}`, `mentor:${mentor}`);
      if (status !== 'invalid') comments.push(botSays('welcome', (n) => `${n}.${mentor}`, asked));
      // Every request also has a person's comment, some with a forged marker: never records.
      comments.push({ author: `mentee-${i}`, body: i % 3 ? 'Looking forward to it.' : ({ number }) => marker('accepted', `${number}.${mentor}`), createdAt: day('2026-06-01', i, '10:00:00') });
      const card = (closed?: { as: 'completed' | 'ended'; on: string }) =>
        cardComment(answered, { mentor, mentee: `mentee-${i}`, start, months: 3, end: day('2026-06-01', i + 92).slice(0, 10), ...(closed ? { closed } : {}) }, closed ? closedAt : undefined);
      if (status === 'saved') comments.push(botSays('saved', (n) => `${n}.c${i}-0`, answered));
      if (status === 'declined') comments.push(botSays('declined', (n) => `${n}.${mentor}.c${i}-0`, answered));
      if (status === 'withdrawn') comments.push(botSays('withdrawn', (n) => `${n}.c${i}-0`, day('2026-06-01', i + 1)));
      if (status === 'expired') comments.push(botSays('expired', (n) => `${n}.${mentor}.x-expiry`, closedAt));
      if (status === 'active') comments.push(card());
      if (status === 'completed' || status === 'ended') comments.push(card({ as: status, on: closedAt.slice(0, 10) }), botSays(status, (n) => `${n}`, closedAt));
      const closed = ['declined', 'withdrawn', 'expired', 'completed', 'ended'].includes(status);
      specs.push({
        author: `mentee-${i}`, title: `Request ${i}`, body: null, createdAt: filed, labels, comments,
        ...(closed ? { state: 'closed' as const, closedAt: status === 'declined' ? answered : closedAt, stateReason: ['completed', 'ended'].includes(status) ? ('completed' as const) : ('not_planned' as const) } : {}),
      });
    }
    // Issues that are not requests, with comments of their own: they count in the comment pages, nowhere else.
    for (let k = 0; k < 5; k++) specs.push({ author: BOT, title: `Still mentoring? ${k}`, body: null, createdAt: '2027-01-01T05:00:00Z', labels: ['freshness'], comments: [botSays('freshness', `x${k}`, '2027-01-01T05:00:00Z')] });
    seedIssues(gh, specs);
    return { comments: specs.reduce((n, s) => n + (s.comments?.length ?? 0), 0) };
  }

  test('read in ⌈250/100⌉ issue pages + ⌈C/100⌉ comment pages, and counted right', async () => {
    const { comments } = seed250();
    expect(comments).toBe(225 + 250 + 4 * 25 + 25 + 2 * 25 * 2 + 5); // welcomes, people, saved/declined/withdrawn/expired, active cards, cards and closings, others
    gh.resetCalls();
    const r = await sync(withToken());
    expect(r.code, r.stderr).toBe(0);
    const expectedCalls = Math.ceil(250 / 100) + Math.ceil(comments / 100);
    expect(pages(ISSUES)).toBe(3);
    expect(pages(COMMENTS)).toBe(Math.ceil(comments / 100));
    expect(gh.calls).toHaveLength(expectedCalls);
    expect(r.stdout).toContain(`(${expectedCalls} API calls)`);

    const s = written();
    expect(s.requests).toHaveLength(250);
    expect(s.program.byStatus).toEqual({ pending: 50, saved: 25, invalid: 25, active: 25, declined: 25, withdrawn: 25, expired: 25, completed: 25, ended: 25 });
    expect(s.program.activePartnerships).toBe(25);
    // Every answer came exactly two days after the asking; 75 partnerships over 75 + 25 declined.
    expect(s.program.medianResponseDays).toBe(2);
    expect(s.program.acceptanceRate).toBe(0.75);
    expect(s.program.completionRate).toBe(0.5);
    expect(s.program.byMonth.reduce((n, m) => n + m.requests, 0)).toBe(250);
    expect(s.program.byMonth.reduce((n, m) => n + m.accepted, 0)).toBe(75);
    expect(s.program.byMonth.at(0)!.month).toBe('2026-06');
    expect(s.program.byMonth.at(-1)!.month).toBe('2027-03');
    const all = Object.values(s.mentors);
    expect(all.reduce((n, m) => n + m.active, 0)).toBe(25);
    expect(all.reduce((n, m) => n + m.waiting, 0)).toBe(75);
    for (const m of all) expect(m.slotsFree).toBe(m.capacity - m.active);
    expect(s.requests.filter((r) => r.started).map((r) => r.term)).toEqual(Array(75).fill(3));
    expect(s.requests.filter((r) => r.status === 'invalid').every((r) => r.mentor === null)).toBe(true);
  });
});

describe('when GitHub cannot be read', () => {
  const previous = { v: 1, generated: '2027-03-01T06:00:00Z', repository: `${owner}/${repo}`, mentors: {}, program: { byStatus: {}, byMonth: [], acceptanceRate: null, medianResponseDays: null, activePartnerships: 0, completionRate: null }, requests: [] };

  test('no token, rate limited (403): one line, exit 0, nothing written', async () => {
    gh.fault({ method: 'GET', route: ISSUES, status: 403, message: RATE_LIMITED });
    const r = await sync({ GITHUB_API_URL: gh.url, MENTORKIT_NOW: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `sync: GitHub's rate limit for requests without a token was reached (60 an hour; 403: ${RATE_LIMITED}); set GITHUB_TOKEN for 5,000 an hour. ${out} was not written; the site builds from the profiles alone (no slot counts).`,
    );
    expect(existsSync(out)).toBe(false);
    // Without a token nothing is retried or waited for: one call, and no Authorization header was sent.
    expect(gh.calls.map((c) => [c.status, c.user])).toEqual([[403, null]]);
  });

  test('no token, rate limited: an existing snapshot is kept as it was, and the line says so', async () => {
    writeFileSync(out, JSON.stringify(previous));
    gh.fault({ method: 'GET', route: ISSUES, status: 403, message: RATE_LIMITED });
    const r = await sync({ GITHUB_API_URL: gh.url, MENTORKIT_NOW: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^sync: GitHub's rate limit for requests without a token was reached .* from 2027-03-01T06:00:00Z is kept; the site shows that snapshot\.$/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(previous);
  });

  test('no token and a repository that needs one (the emulator answers 401, GitHub 404 for a private repository): exit 0', async () => {
    const r = await sync({ GITHUB_API_URL: gh.url, MENTORKIT_NOW: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`sync: GitHub refused the request (401: Requires authentication); set GITHUB_TOKEN. ${out} was not written; the site builds from the profiles alone (no slot counts).`);
    expect(existsSync(out)).toBe(false);
  });

  test('a secondary rate limit without a token: no wait for retry-after, exit 0', async () => {
    seedIssues(gh, [{ author: 'mia-mentee', title: 'Request', body: null, createdAt: '2027-03-01T09:00:00Z', labels: labelled('status:pending', 'mentor:amara-okafor') }]);
    gh.fault({ method: 'GET', route: ISSUES, status: 403, secondaryRateLimit: true, retryAfter: 60 });
    const t0 = Date.now();
    const r = await sync({ GITHUB_API_URL: gh.url, MENTORKIT_NOW: NOW });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^sync: GitHub's rate limit for requests without a token was reached \(60 an hour; 403: You have exceeded a secondary rate limit/);
    expect(existsSync(out)).toBe(false);
  });

  test('with a token, a rate limit fails the sync (exit 1): the Pages workflow should show it', async () => {
    gh.fault({ method: 'GET', route: COMMENTS, status: 403, message: RATE_LIMITED });
    const r = await sync(withToken());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`sync: GitHub's rate limit was reached while reading ${owner}/${repo} (403: ${RATE_LIMITED}). ${out} was not written.`);
    expect(pages(ISSUES)).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  test('with a token, a 5xx is retried into success', async () => {
    gh.fault({ method: 'GET', route: COMMENTS, status: 502 });
    const r = await sync(withToken());
    expect(r.code, r.stderr).toBe(0);
    expect(gh.calls.map((c) => c.status)).toEqual([200, 502, 200]);
    expect(written().requests).toEqual([]);
  });

  test('no token and no network: npm run sync prints one line and exits 0 (the script as the build runs it)', async () => {
    const api = `http://127.0.0.1:${await closedPort()}`;
    const r = await runScript(['--out', out], { GITHUB_API_URL: api, MENTORKIT_NOW: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe(`sync: could not reach ${api} (connect ECONNREFUSED ${api.slice('http://'.length)}). ${out} was not written; the site builds from the profiles alone (no slot counts).\n`);
    expect(existsSync(out)).toBe(false);
  });

  test('bad flags are usage errors (exit 2)', async () => {
    expect((await sync(withToken(), ['--bogus'])).code).toBe(2);
    expect((await sync(withToken(), ['--repo', 'not a repo'])).stderr).toContain('--repo "not a repo" is not a repository');
    expect(gh.calls).toEqual([]);
  });

  test('--repo reads another repository: a 404 with a token is an error, named', async () => {
    const r = await sync(withToken(), ['--out', out, '--repo', 'someone/else']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`sync: someone/else was not found (404); check repository in program.yml (or --repo) and that the token can see it. ${out} was not written.`);
  });
});

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

const runScript = (argv: string[], env: Record<string, string>) => runScriptAt(SCRIPT, argv, env);

describe('cohort partnerships', () => {
  test('the mentee is the one the bot’s marker names on an issue the bot opened; a marker in someone’s own issue is theirs', async () => {
    const pair = (mentee: string) => `<!-- mentorkit:cohort-pair:2027-spring.${mentee}.amara-okafor -->\n@${mentee} and @amara-okafor, the program committee has matched you.`;
    seedIssues(gh, [
      { author: BOT, title: 'Mentoring partnership', body: pair('mia-mentee'), createdAt: '2027-03-01T09:00:00Z', labels: labelled('status:active', 'mentor:amara-okafor', 'cohort:2027-spring') },
      { author: 'mallory-m', title: 'Request', body: pair('victim-v'), createdAt: '2027-03-02T09:00:00Z', labels: labelled('status:pending', 'mentor:amara-okafor') },
    ]);
    const r = await sync(withToken());
    expect(r.code, r.stderr).toBe(0);
    expect(written().requests.map((row) => [row.issue, row.mentee, row.status, row.cohort])).toEqual([
      [1, 'mia-mentee', 'active', '2027-spring'],
      [2, 'mallory-m', 'pending', null],
    ]);
  });
});
