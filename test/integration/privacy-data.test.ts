import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gh, useEmulator, body, deliver, file, labels, issue, OPEN, SINGLE } from './harness.ts';
import { say } from './answers-helpers.ts';
import { card } from './time-helpers.ts';
import { main as sync } from '../../scripts/sync.ts';
import { main as exportMain } from '../../scripts/export.ts';
import { statusFileSchema } from '../../src/core/status.ts';

/**
 * data/status.json and every export hold logins, dates and numbers, never words a mentee wrote (docs/security.md,
 * "Privacy checks"). Requests go through the bundled bot on the emulator with a unique sentinel in every free-text
 * field and comment, which the bot copies into its own records (the partnership card keeps goals, check-in notes
 * and the reason for ending); then npm run sync reads it all back and npm run export writes every variant.
 */
useEmulator();

const SENTINELS = new Map<string, string>();
/** A unique word for one place a person writes, so a leak names its source. */
const S = (where: string) => {
  const s = `zqx${where.replace(/[^a-z]/g, '')}${SENTINELS.size}qzx`;
  SENTINELS.set(s, where);
  return s;
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mentorkit-privacy-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MENTEE = 'mia-mentee';
const SECOND = 'bo-mentee';

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return [...SENTINELS].filter(([s]) => lower.includes(s)).map(([s, where]) => `${where} (${s})`);
}

async function collect(io: { out: string; err: string[] }, run: (o: { out: (t: string) => void; err: (l: string) => void }) => Promise<number>) {
  const code = await run({ out: (t) => (io.out += `${t}\n`), err: (l) => io.err.push(l) });
  return code;
}

describe('no mentee-written text in data/status.json or the exports', () => {
  test('a request through decline, handover, acceptance, goals, check-ins, notice; another withdrawn; another invalid', async () => {
    // 1. Every free-text field of the request form, and the title, hold a sentinel.
    const first = await gh.as(MENTEE).openIssue({
      title: `Mentorship request ${S('title')}`,
      body: body({ mentor: OPEN, alternates: [SINGLE], goals: `My goals: ${S('goals')}`, about: `About me: ${S('about')}`, timezone: 'Europe/Berlin' }),
      labels: ['request'],
    });
    const n1 = (first.payload as { issue: { number: number } }).issue.number;
    await deliver(first);
    expect(labels(n1)).toContain('status:pending');

    // 2. The mentor declines with a reason; the request moves on to the alternate, who accepts.
    await say(MENTEE, n1, `Thanks for reading! ${S('plain comment')}`);
    await say(OPEN, n1, `/decline ${S('decline reason')}`);
    expect(labels(n1)).toContain(`mentor:${SINGLE}`);
    await say(SINGLE, n1, '/accept');
    expect(labels(n1)).toContain('status:active');

    // 3. The partnership's own commands, each with words the card keeps.
    await say(MENTEE, n1, `/goal ${S('goal')}`);
    await say(SINGLE, n1, `/goal ${S('mentor goal')}`);
    await say(MENTEE, n1, `/checkin ${S('checkin note')}`);
    await say(SINGLE, n1, `/checkin ${S('mentor checkin note')}`);
    await say(MENTEE, n1, '/done 1');
    await say(MENTEE, n1, `/end ${S('end reason')}`);
    const state = card(n1).state;
    // The words are there to leak: the card the sync reads holds them.
    expect(JSON.stringify(state)).toContain([...SENTINELS].find(([, w]) => w === 'goal')![0]);
    expect(state.ending?.reason).toContain('zqxendreason');

    // 4. A second mentee: a request with its own words, then withdrawn with a comment.
    const second = await file(SECOND, { mentor: OPEN, goals: S('second goals'), about: S('second about'), timezone: 'America/Bogota' });
    await deliver(second.event);
    await say(SECOND, second.number, `/withdraw ${S('withdraw words')}`);
    expect(labels(second.number)).toContain('status:withdrawn');

    // 5. A third: a time zone field that is not one (free text the bot refuses), so the request is invalid.
    const third = await file('cy-mentee', { mentor: OPEN, timezone: S('timezone'), goals: S('third goals'), about: S('third about') });
    await deliver(third.event);
    expect(labels(third.number)).toContain('status:invalid');

    // Every sentinel is somewhere on GitHub (so the checks below could fail).
    const onGitHub = JSON.stringify(gh.state.issues.map((i) => ({ title: i.title, body: i.body, comments: i.comments.map((c) => c.body) }))).toLowerCase();
    for (const [s, where] of SENTINELS) expect(onGitHub, where).toContain(s);

    // npm run sync, then every export of its snapshot.
    const statusPath = join(dir, 'status.json');
    const syncIo = { out: '', err: [] as string[] };
    const env = { GITHUB_API_URL: gh.url, GITHUB_TOKEN: gh.botToken, MENTORKIT_NOW: new Date().toISOString() };
    expect(await collect(syncIo, (io) => sync(['--out', statusPath], env, { out: io.out, err: io.err })), syncIo.err.join('\n')).toBe(0);
    const statusText = readFileSync(statusPath, 'utf8');
    const status = statusFileSchema.parse(JSON.parse(statusText));
    expect(status.requests.map((r) => [r.issue, r.status])).toEqual([
      [n1, 'active'],
      [second.number, 'withdrawn'],
      [third.number, 'invalid'],
    ]);
    expect(status.requests[0]).toMatchObject({ mentee: MENTEE, mentor: SINGLE, term: 3 });
    expect(leaks(statusText)).toEqual([]);
    expect(leaks(`${syncIo.out}${syncIo.err.join('\n')}`)).toEqual([]);

    const outputs: Record<string, string> = {};
    for (const format of ['csv', 'json']) {
      for (const extra of [[], ['--all'], ['--cohort', 'none'], ['--all', '--out', join(dir, `all.${format}`)]]) {
        const io = { out: '', err: [] as string[] };
        const code = await collect(io, (o) => exportMain(['--format', format, '--from', statusPath, ...extra], o));
        expect(code, io.err.join('\n')).toBe(0);
        const written = extra.includes('--out') ? readFileSync(extra.at(-1)!, 'utf8') : '';
        outputs[`${format} ${extra.join(' ')}`] = `${io.out}${io.err.join('\n')}${written}`;
      }
    }
    // Not vacuous: the exports list the requests.
    expect(outputs['json --all']).toContain(`"issue": ${third.number}`);
    expect(outputs['csv ']).toContain(`,${MENTEE},${SINGLE},active,`);
    for (const [variant, text] of Object.entries(outputs)) expect(leaks(text), `export ${variant}`).toEqual([]);
    expect(issue(n1).state).toBe('open');
  }, 120_000);
});
