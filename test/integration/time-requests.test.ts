import { describe, expect, test } from 'vitest';
import { readClock } from '../../src/core/clock.ts';
import { gh, useEmulator, file, labels, issue, OPEN, SINGLE } from './harness.ts';
import { MENTEE } from './answers-helpers.ts';
import { cal, kinds, runAt, sweepOn } from './time-helpers.ts';

useEmulator({ now: () => cal.now() });

async function pendingOn(date: string, fields = {}) {
  cal.goTo(date);
  const { event, number } = await file(MENTEE, fields);
  await runAt(event);
  expect(labels(number)).toContain('status:pending');
  return number;
}

describe('a request nobody answers', () => {
  test('day 7 reminder, day 23 last notice, day 30 expiry with suggestions; each once', async () => {
    const n = await pendingOn('2027-01-04');
    expect(readClock(issue(n).body)).toMatchObject({ status: 'pending', since: '2027-01-04' });
    await sweepOn('2027-01-10');
    expect(kinds(n)).toEqual(['welcome']);
    await sweepOn('2027-01-11');
    expect(kinds(n)).toEqual(['welcome', 'reminder']);
    await sweepOn('2027-01-11');
    await sweepOn('2027-01-12');
    expect(kinds(n)).toEqual(['welcome', 'reminder']);
    await sweepOn('2027-01-27');
    expect(kinds(n)).toEqual(['welcome', 'reminder', 'last-notice']);
    await sweepOn('2027-02-03');
    expect(kinds(n)).toEqual(['welcome', 'reminder', 'last-notice', 'expired']);
    expect(labels(n)).toContain('status:expired');
    expect(issue(n).state).toBe('closed');
    expect(issue(n).state_reason).toBe('not_planned');
  }, 60_000);

  test('on expiry with an alternate, the request moves on and the clock restarts', async () => {
    const n = await pendingOn('2027-01-04', { alternates: [SINGLE] });
    await sweepOn('2027-02-03');
    expect(labels(n)).toEqual([`mentor:${SINGLE}`, 'request', 'status:pending']);
    expect(readClock(issue(n).body)).toMatchObject({ status: 'pending', since: '2027-02-03' });
    const calls = gh.calls.length;
    await sweepOn('2027-02-09');
    expect(gh.calls.length - calls, 'nothing due: one list call').toBe(1);
  }, 60_000);
});
