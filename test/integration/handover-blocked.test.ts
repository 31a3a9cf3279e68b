import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gh, useEmulator, file, labels, issue, program, ROOT, OPEN, SINGLE, type Event } from './harness.ts';
import { MAINTAINER, MENTEE, OTHER, SPARE, ofKind, suggested } from './answers-helpers.ts';
import { cal, runAt, sweepOn, workspaceWith } from './time-helpers.ts';

/**
 * A mentor a moderator paused (blocklist.yml, through /pause) after a request named them as an alternate: a
 * decline does not hand the request to them, and says they were skipped in the words intake uses for a blocked
 * mentor (the pause itself is not announced in public). Nor are they suggested when nobody is left, nor handed
 * the request when it expires, nor given it by /reassign.
 */
useEmulator({ now: () => cal.now() });
const FILED = '2027-01-04';

let ws: { dir: string; remove: () => void } | undefined;
afterEach(() => ws?.remove());

const HEADER = readFileSync(join(ROOT, 'blocklist.yml'), 'utf8').replace(/\n\[\]\n?$/, '\n');
const block = (...logins: string[]) =>
  writeFileSync(join(ws!.dir, 'blocklist.yml'), `${HEADER}${logins.map((l) => `- login: ${l}\n  reason: spam\n  since: 2026-01-01\n  by: ${MAINTAINER}\n`).join('')}`);
const SKIPPED = 'not taking requests in this program right now';

const deliver = (event: Event, dir: string) => runAt(event, { workspace: dir });
async function pendingIn(dir: string, mentee: string, fields: Parameters<typeof file>[1]): Promise<number> {
  cal.goTo(FILED);
  const { event, number } = await file(mentee, fields);
  await deliver(event, dir);
  expect(labels(number), `#${number} after intake`).toContain('status:pending');
  return number;
}
const decline = async (dir: string, n: number) => deliver(await gh.as(OPEN).comment(n, '/decline'), dir);

describe('a mentor paused since the request named them', () => {
  test('the paused alternate is skipped, with the reason, and the next one is asked', async () => {
    ws = workspaceWith({});
    const n = await pendingIn(ws.dir, MENTEE, { mentor: OPEN, alternates: [SINGLE, SPARE] });
    block(SINGLE);
    await decline(ws.dir, n);
    expect(issue(n).state).toBe('open');
    expect(labels(n)).toEqual([`mentor:${SPARE}`, 'request', 'status:pending']);
    const [handover] = ofKind(n, 'handover');
    expect(handover).toContain(`The request moves on to @${SPARE}; I skipped @${SINGLE} (${SKIPPED}).`);
  }, 60_000);

  test('with every alternate paused the request closes as declined, names them as skipped, and suggests no paused mentor', async () => {
    ws = workspaceWith({});
    // First, who would be suggested with nobody paused: the same request, declined by the same mentor.
    const probe = await pendingIn(ws.dir, OTHER, { mentor: OPEN });
    await decline(ws.dir, probe);
    const wouldSuggest = suggested(ofKind(probe, 'declined')[0]!);
    expect(wouldSuggest.length, 'the sample program has mentors to suggest').toBeGreaterThan(0);

    const n = await pendingIn(ws.dir, MENTEE, { mentor: OPEN, alternates: [SINGLE, SPARE] });
    block(SINGLE, SPARE, wouldSuggest[0]!);
    await decline(ws.dir, n);
    expect(issue(n).state).toBe('closed');
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:declined']);
    const [closing] = ofKind(n, 'declined');
    expect(closing).toContain(`Your alternates could not take it either: @${SINGLE} (${SKIPPED}), @${SPARE} (${SKIPPED}).`);
    expect(suggested(closing!)).not.toContain(wouldSuggest[0]);
    expect(ofKind(n, 'handover')).toEqual([]);
  }, 60_000);

  test('on expiry, the daily sweep skips the paused alternate too', async () => {
    ws = workspaceWith({});
    const n = await pendingIn(ws.dir, MENTEE, { mentor: OPEN, alternates: [SINGLE, SPARE] });
    block(SINGLE);
    await sweepOn('2027-02-03', { workspace: ws.dir });
    expect(labels(n)).toEqual([`mentor:${SPARE}`, 'request', 'status:pending']);
    expect(ofKind(n, 'handover')[0]).toContain(`I skipped @${SINGLE} (${SKIPPED}).`);
  }, 60_000);

  test('/reassign to a paused mentor is refused with the same reason', async () => {
    ws = workspaceWith({});
    const n = await pendingIn(ws.dir, MENTEE, { mentor: OPEN });
    block(SPARE);
    await deliver(await gh.as(MAINTAINER).comment(n, `/reassign @${SPARE}`), ws.dir);
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
    expect(ofKind(n, 'refused')[0]).toContain(`@${SPARE} can’t take this request: ${SKIPPED}.`);
    expect(program.maintainers).toContain(MAINTAINER);
  }, 60_000);
});

describe('a mentee paused after their request ended', () => {
  test('/reopen by a maintainer closes it again, as intake does for a paused mentee', async () => {
    ws = workspaceWith({});
    const n = await pendingIn(ws.dir, MENTEE, { mentor: OPEN });
    await decline(ws.dir, n);
    block(MENTEE);
    await deliver(await gh.as(MAINTAINER).comment(n, '/reopen'), ws.dir);
    expect(issue(n).state).toBe('closed');
    expect(labels(n)).toEqual(['request', 'status:invalid']);
    expect(ofKind(n, 'intake').at(-1)).toContain(`@${MENTEE}, this program’s moderators have paused requests from your account, so I’ve closed this request.`);
  }, 60_000);
});
