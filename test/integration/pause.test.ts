import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOT_LOGIN } from '../../src/testing/emulator/index.ts';
import { parseBlocklist } from '../../src/core/abuse.ts';
import { deliver, gh, program, ROOT, useEmulator, type Event } from './harness.ts';

/**
 * `/pause @login` and `/unpause @login` through the bundled bot: the mentor profiles workflow (`task: freshness`)
 * opens the pull request to blocklist.yml; the request workflow leaves the command alone.
 */

const MODERATOR = program.maintainers[0]!; // no safety.moderators in program.yml: the maintainers moderate
const MENTEE = 'mia-mentee';
const SPAMMER = 'spam-account-7';
const BLOCKED = 'already-blocked';
const TODAY = '2026-03-02';

const workspace = mkdtempSync(join(tmpdir(), 'mentorkit-pause-'));
cpSync(join(ROOT, 'program.yml'), join(workspace, 'program.yml'));
cpSync(join(ROOT, 'content'), join(workspace, 'content'), { recursive: true });
const HEADER = readFileSync(join(ROOT, 'blocklist.yml'), 'utf8').replace(/\n\[\]\n?$/, '\n');
writeFileSync(join(workspace, 'blocklist.yml'), `${HEADER}- login: ${BLOCKED}\n  reason: spam\n  since: 2026-01-01\n  by: ${MODERATOR}\n`);
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

useEmulator({ files: workspace });

const bot = (event: Event, task: 'freshness' | 'requests' = 'freshness') => deliver(event, workspace, { task, now: `${TODAY}T08:00:00Z` });
async function thread(): Promise<number> {
  const opened = await gh.as(MENTEE).openIssue({ title: 'A thread', body: 'Hello' });
  return (opened.payload as { issue: { number: number } }).issue.number;
}
const comment = (login: string, n: number, text: string) => gh.as(login).comment(n, text);
const replies = (n: number) => gh.state.issues.find((i) => i.number === n)!.comments.filter((c) => c.user.login === BOT_LOGIN).map((c) => c.body);
const blocklistOn = (branch: string) => parseBlocklist(gh.file('blocklist.yml', branch) ?? '').entries;

describe('/pause and /unpause', () => {
  test('a moderator’s /pause opens a pull request adding the person to blocklist.yml, and says so', async () => {
    const n = await thread();
    const event = await comment(MODERATOR, n, `/pause @${SPAMMER} mass requests`);
    const id = (event.payload as { comment: { id: number } }).comment.id;
    await bot(event);
    const [pull] = gh.state.pulls;
    expect(gh.state.pulls).toHaveLength(1);
    expect(pull!.head).toBe(`mentorkit/pause-${SPAMMER}-c${id}`);
    expect(pull!.title).toBe(`Pause @${SPAMMER}: no new requests to or from them`);
    expect(blocklistOn(pull!.head)).toEqual([
      { login: BLOCKED, reason: 'spam', since: '2026-01-01', by: MODERATOR },
      { login: SPAMMER, reason: 'mass requests', since: TODAY, by: MODERATOR },
    ]);
    // The file's header comment stays, and main is untouched until someone merges.
    expect(gh.file('blocklist.yml', pull!.head)).toContain('Moderators edit this file through a');
    expect(blocklistOn('main').map((e) => e.login)).toEqual([BLOCKED]);
    expect(replies(n)).toHaveLength(1);
    expect(replies(n)[0]).toContain(`I opened #${pull!.number} to pause @${SPAMMER}`);

    // The same event again: the pull request is found by its branch, and nothing is said twice.
    await bot(event);
    expect(gh.state.pulls).toHaveLength(1);
    expect(replies(n)).toHaveLength(1);

    // The request workflow runs on the same comment and leaves it to the profiles workflow: no help reply.
    gh.resetCalls();
    await bot(event, 'requests');
    expect(gh.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  test('/unpause opens the pull request that takes the person off', async () => {
    const n = await thread();
    await bot(await comment(MODERATOR, n, `/unpause @${BLOCKED}`));
    const [pull] = gh.state.pulls;
    expect(pull!.title).toBe(`Unpause @${BLOCKED}`);
    expect(blocklistOn(pull!.head)).toEqual([]);
    expect(replies(n)[0]).toContain(`I opened #${pull!.number} to unpause @${BLOCKED}`);
  });

  test('nothing to change: already paused, or not paused at all', async () => {
    const n = await thread();
    await bot(await comment(MODERATOR, n, `/pause @${BLOCKED}`));
    await bot(await comment(MODERATOR, n, `/unpause @${SPAMMER}`));
    expect(gh.state.pulls).toEqual([]);
    expect(gh.state.branches.map((b) => b.name)).toEqual(['main']);
    expect(replies(n)).toEqual([
      expect.stringContaining(`@${BLOCKED} is already in blocklist.yml`),
      expect.stringContaining(`@${SPAMMER} is not in blocklist.yml, so there is nothing to unpause`),
    ]);
  });

  test('refused for anyone who is not a moderator, and for a missing login', async () => {
    const n = await thread();
    await bot(await comment(MENTEE, n, `/pause @${SPAMMER}`));
    await bot(await comment(MODERATOR, n, '/unpause'));
    expect(gh.state.pulls).toEqual([]);
    expect(gh.state.branches.map((b) => b.name)).toEqual(['main']);
    const [who, what] = replies(n);
    expect(who).toContain(`@${MENTEE}, I can’t do that: only the program’s moderators (${program.maintainers.map((m) => `@${m}`).join(', ')}) can pause someone`);
    expect(what).toContain('`/unpause @login` needs the person’s GitHub login');
  });
});
