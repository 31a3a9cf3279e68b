import { describe, expect, test } from 'vitest';
import { readClock } from '../../src/core/clock.ts';
import { gh, useEmulator, deliver, labels, issue, OPEN, SINGLE } from './harness.ts';
import { MAINTAINER, MENTEE, SPARE, botCount, expectNoDuplicateComments, forceStatus, newBotComments, ofKind, pending, say, today } from './answers-helpers.ts';

/**
 * A request that ended (declined, withdrawn, expired) and is reopened with GitHub's Reopen button instead of
 * `/reopen`: the button stands for the command, so the status and the clock in the body come out of one check.
 */
const COLLABORATOR = 'cora-collab';
useEmulator({ collaborators: { [MAINTAINER]: 'admin', [COLLABORATOR]: 'write' } });

const status = (n: number) => labels(n).filter((l) => l.startsWith('status:'));
const clock = (n: number) => readClock(issue(n).body);

describe('a request reopened by hand', () => {
  test('declined, reopened by a maintainer: pending again with a fresh clock, and the mentor is asked again; the same delivery twice posts nothing new', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(OPEN, n, '/decline');
    expect(issue(n).state).toBe('closed');
    expect(status(n)).toEqual(['status:declined']);
    const welcomes = ofKind(n, 'welcome').length;
    const count = botCount(n);

    const reopen = await gh.as(MAINTAINER).reopenIssue(n);
    await deliver(reopen);
    expect(issue(n).state).toBe('open');
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
    expect(clock(n)).toMatchObject({ status: 'pending', since: today(), sent: [] });
    const added = newBotComments(n, count);
    expect(added[0]).toContain(`@${MAINTAINER} (a maintainer) reopened this request. I checked it again against the program’s rules; see below.`);
    expect(ofKind(n, 'welcome')).toHaveLength(welcomes + 1);
    expect(ofKind(n, 'welcome').at(-1)).toContain(`@${OPEN}`);

    const after = botCount(n);
    await deliver(reopen);
    expect(botCount(n)).toBe(after);
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
    expectNoDuplicateComments(n);
  }, 60_000);

  test('withdrawn, reopened by a collaborator while the mentee holds the most open requests: invalid, with an invalid clock and what to fix', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(MENTEE, n, '/withdraw');
    const a = await pending(MENTEE, { mentor: SINGLE });
    const b = await pending(MENTEE, { mentor: SPARE });
    const count = botCount(n);
    await deliver(await gh.as(COLLABORATOR).reopenIssue(n));
    expect(issue(n).state).toBe('open');
    expect(status(n)).toEqual(['status:invalid']);
    expect(clock(n)).toMatchObject({ status: 'invalid', since: today() });
    const added = newBotComments(n, count).join('\n');
    expect(added).toContain(`@${COLLABORATOR} (a repository collaborator) reopened this request.`);
    expect(added).toContain(`you already have 2 open requests (#${a}, #${b})`);
  }, 60_000);

  test('declined, reopened by the mentee (who may not): closed again as declined, saying who may reopen it', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(OPEN, n, '/decline');
    const count = botCount(n);
    await deliver(await gh.as(MENTEE).reopenIssue(n));
    expect(issue(n).state).toBe('closed');
    expect(issue(n).state_reason).toBe('not_planned');
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:declined']);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(
      `@${MENTEE}, I closed this again: this request was declined, and only a program maintainer (listed in program.yml) or a repository collaborator with write access can reopen it. @${MENTEE} can file a new request from the directory.`,
    );
  }, 60_000);

  test('a completed partnership reopened by a maintainer is closed again: it is the record', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await forceStatus(n, 'completed', { close: true });
    const count = botCount(n);
    await deliver(await gh.as(MAINTAINER).reopenIssue(n));
    expect(issue(n).state).toBe('closed');
    expect(issue(n).state_reason).toBe('completed');
    expect(status(n)).toEqual(['status:completed']);
    expect(newBotComments(n, count).join('\n')).toContain(`@${MAINTAINER}, I closed this again: this partnership has been completed, and its card is the record of what happened.`);
  }, 60_000);
});
