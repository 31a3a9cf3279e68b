import { describe, expect, test } from 'vitest';
import { gh, useEmulator, deliver, file, labels, issue, mutations, OPEN, SINGLE } from './harness.ts';
import { MAINTAINER, MENTEE, SPARE, botCount, expectNoDuplicateComments, newBotComments, ofKind, pending, say, snapshot, suggested } from './answers-helpers.ts';

/**
 * Status labels set by hand. `status:active` and `status:declined` stand for /accept and /decline (same checks,
 * same effects) when a maintainer, a collaborator with write access or the mentor sets them; everything else
 * is reverted with a comment that says why.
 */
const WRITER = 'wren-writer';
const TRIAGE = 'helper';
useEmulator({ collaborators: { [MAINTAINER]: 'admin', [WRITER]: 'write', [TRIAGE]: 'triage', [SINGLE]: 'triage' } });

const label = (login: string, n: number, name: string) => gh.as(login).addLabels(n, [name]);
const statuses = (n: number) => labels(n).filter((l) => l.startsWith('status:'));

describe('status:active by hand is /accept', () => {
  test.each([
    ['a maintainer', MAINTAINER],
    ['a collaborator with write access', WRITER],
  ])('set by %s: accepted and announced, and the mentee’s other request withdrawn', async (_, login) => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const other = await pending(MENTEE, { mentor: SPARE });
    const event = await label(login, n, 'status:active');
    expect(event.action).toBe('labeled');
    await deliver(event);
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:active']);
    const accepted = ofKind(n, 'accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toContain(`@${MENTEE}, @${login} (for @${OPEN}) accepted your request`);
    // The same effects as the command: the last slot is taken, so the other request is withdrawn.
    expect(issue(other).state).toBe('closed');
    expect(statuses(other)).toEqual(['status:withdrawn']);
    expect(ofKind(other, 'auto-withdrawn')[0]).toContain(`@${SPARE}, @${MENTEE} has started a mentoring partnership in #${n}`);
    expectNoDuplicateComments(n, other);
  });

  test('set by the requested mentor (who has triage access): accepted as theirs', async () => {
    const n = await pending(MENTEE, { mentor: SINGLE });
    await deliver(await label(SINGLE, n, 'status:active'));
    expect(labels(n)).toEqual([`mentor:${SINGLE}`, 'request', 'status:active']);
    expect(ofKind(n, 'accepted')[0]).toContain(`@${MENTEE}, @${SINGLE} accepted your request`);
  });

  test('set by a triage collaborator who is not a maintainer: reverted, with who may set it', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const before = snapshot(n);
    const count = botCount(n);
    await deliver(await label(TRIAGE, n, 'status:active'));
    expect(snapshot(n)).toEqual(before);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(
      `@${TRIAGE}, I removed the \`status:active\` label again: only the requested mentor (@${OPEN}), a program maintainer (listed in program.yml) or a repository collaborator with write access can accept this request.`,
    );
    expect(ofKind(n, 'accepted')).toEqual([]);
  });

  test('set for a mentor who is full: reverted, with the reason', async () => {
    const first = await pending('ana-first', { mentor: SINGLE });
    const second = await pending('ben-second', { mentor: SINGLE });
    await say(SINGLE, first, '/accept');
    expect(statuses(first)).toEqual(['status:active']);
    const before = snapshot(second);
    const count = botCount(second);
    await deliver(await label(MAINTAINER, second, 'status:active'));
    expect(snapshot(second)).toEqual(before);
    const added = newBotComments(second, count);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(`@${MAINTAINER}, I removed the \`status:active\` label again: @${SINGLE} has no free slot: 1 of 1 taken (#${first})`);
    expect(statuses(first)).toEqual(['status:active']);
  });

  test('set for a mentee who already has an active partnership: reverted, with the reason', async () => {
    const r1 = await pending(MENTEE, { mentor: OPEN });
    const r2 = await pending(MENTEE, { mentor: SINGLE });
    // r1 was made active by hand while the bot was not running.
    await gh.as(MAINTAINER).addLabels(r1, ['status:active']);
    await gh.as(MAINTAINER).removeLabel(r1, 'status:pending');
    const before = snapshot(r2);
    await deliver(await label(WRITER, r2, 'status:active'));
    expect(snapshot(r2)).toEqual(before);
    expect(ofKind(r2, 'refused').at(-1)).toContain(`@${MENTEE} already has an active partnership (#${r1})`);
  });

  test('the same labeled event delivered twice changes nothing the second time', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const event = await label(MAINTAINER, n, 'status:active');
    await deliver(event);
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:active']);
    const comments = botCount(n);
    gh.resetCalls();
    await deliver(event);
    expect(labels(n), 'the partnership keeps its status').toEqual([`mentor:${OPEN}`, 'request', 'status:active']);
    expect(newBotComments(n, comments), 'nothing new is said').toEqual([]);
    expect(mutations()).toEqual([]);
  });
});

describe('status:declined by hand is /decline', () => {
  test.each([
    ['a maintainer', MAINTAINER],
    ['a collaborator with write access', WRITER],
  ])('set by %s with an eligible alternate: handed over to the alternate', async (_, login) => {
    const n = await pending(MENTEE, { mentor: OPEN, alternates: [SINGLE] });
    await deliver(await label(login, n, 'status:declined'));
    expect(labels(n)).toEqual([`mentor:${SINGLE}`, 'request', 'status:pending']);
    expect(issue(n).state).toBe('open');
    const handover = ofKind(n, 'handover');
    expect(handover).toHaveLength(1);
    expect(handover[0]).toContain(`declined by @${login}`);
    expect(handover[0]).toContain(`The request moves on to @${SINGLE}`);
  });

  test.each([
    ['a maintainer', MAINTAINER],
    ['a collaborator with write access', WRITER],
  ])('set by %s without alternates: declined, closed, suggestions', async (_, login) => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await deliver(await label(login, n, 'status:declined'));
    expect(statuses(n)).toEqual(['status:declined']);
    expect(issue(n).state).toBe('closed');
    expect(issue(n).state_reason).toBe('not_planned');
    const declined = ofKind(n, 'declined');
    expect(declined).toHaveLength(1);
    expect(declined[0]).toContain('I’m closing this request');
    expect(suggested(declined[0]!).length).toBeGreaterThan(0);
    expect(suggested(declined[0]!)).not.toContain(OPEN);
  });

  test('the decline message names a collaborator as what they are, not as a maintainer', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await deliver(await label(WRITER, n, 'status:declined'));
    const declined = ofKind(n, 'declined')[0]!;
    expect(declined).toContain(`declined by @${WRITER}`);
    expect(declined).not.toContain(`@${WRITER}, a maintainer`);
  });

  test('set by a triage collaborator who is not a maintainer: reverted, with who may set it', async () => {
    const n = await pending(MENTEE, { mentor: OPEN, alternates: [SINGLE] });
    const before = snapshot(n);
    const count = botCount(n);
    await deliver(await label(TRIAGE, n, 'status:declined'));
    expect(snapshot(n)).toEqual(before);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(`@${TRIAGE}, I removed the \`status:declined\` label again: only the requested mentor (@${OPEN}), a program maintainer (listed in program.yml) or a repository collaborator with write access can decline this request.`);
  });

  test('set on an active partnership: reverted, the partnership stays', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(OPEN, n, '/accept');
    const before = snapshot(n);
    await deliver(await label(MAINTAINER, n, 'status:declined'));
    expect(snapshot(n)).toEqual(before);
    expect(ofKind(n, 'refused').at(-1)).toContain('I removed the `status:declined` label again: the partnership is already active');
  });
});

describe('labels that are the bot’s to set', () => {
  const cases: [string, string, string][] = [
    ['status:withdrawn', 'status:withdrawn', '`/withdraw`'],
    ['status:saved', 'status:saved', '`/later`'],
    ['status:completed', 'status:completed', 'only `status:active` and `status:declined` may be set by hand'],
    ['a mentor label', `mentor:${SPARE}`, '`/reassign @login`'],
  ];
  test.each(cases)('%s set by a maintainer is reverted with a pointer to the command', async (_, name, pointer) => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const before = snapshot(n);
    const count = botCount(n);
    await deliver(await label(MAINTAINER, n, name));
    expect(snapshot(n)).toEqual(before);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(`@${MAINTAINER}, I removed the \`${name}\` label again:`);
    expect(added[0]).toContain(pointer);
  });

  test('a label the bot does not manage is left alone', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const event = await label(MAINTAINER, n, 'good first issue');
    gh.resetCalls();
    await deliver(event);
    expect(mutations()).toEqual([]);
    expect(labels(n)).toContain('good first issue');
  });

  test('the labeled events of the bot’s own label changes are ignored without an API call', async () => {
    const { event, number } = await file(MENTEE, { mentor: OPEN });
    gh.takeEvents();
    await deliver(event);
    const own = gh.takeEvents().filter((e) => e.name === 'issues' && e.action === 'labeled' && e.viaBotToken);
    expect(own.map((e) => (e.payload.label as { name: string }).name)).toContain('status:pending');
    gh.resetCalls();
    for (const e of own) await deliver(e);
    expect(gh.calls).toEqual([]);
    expect(labels(number)).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
  });
});
