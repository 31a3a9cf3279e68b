import { describe, expect, test } from 'vitest';
import { readClock, withoutClock, type Clock } from '../../src/core/clock.ts';
import { gh, useEmulator, file, labels, issue, body, OPEN, SINGLE } from './harness.ts';
import { MENTEE, expectNoDuplicateComments, suggested } from './answers-helpers.ts';
import { SCHEDULE, botWritesSince, cal, commentsOf, expectNoChange, kinds, quietSweep, runAt, sayAt, sweepAt, sweepOn, sweepTwice } from './time-helpers.ts';

useEmulator({ now: () => cal.now() });

async function pendingOn(date: string, fields = {}, mentee = MENTEE) {
  cal.goTo(date);
  const { event, number } = await file(mentee, fields);
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
    // The list of open requests, the list of open peer groups (empty), and one page of labels (labels-repair.ts).
    expect(gh.calls.length - calls, 'nothing due: the two lists and the labels page').toBe(3);
  }, 60_000);
});

/** A mentor with no `availability.until` in the sample, so requests to them stay valid in any year. */
const LASTING = 'daniel-osei';

describe('saved for later', () => {
  test('a notice 23 days after saving, expiry on day 30 with the request moving to the alternate, whose clock starts then', async () => {
    const n = await pendingOn('2027-01-04', { alternates: [SINGLE] });
    cal.goTo('2027-01-06');
    await sayAt(OPEN, n, '/later');
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:saved']);
    expect(readClock(issue(n).body)).toEqual({ v: 1, status: 'saved', since: '2027-01-06', sent: [] });
    // Day 7 of the request: a saved request gets no pending reminder.
    await quietSweep('2027-01-11');
    await quietSweep('2027-01-28'); // day 22 after saving
    await sweepTwice('2027-01-29'); // day 23
    expect(kinds(n)).toEqual(['welcome', 'saved', 'save-notice']);
    expect(commentsOf(n, 'save-notice')[0]).toContain(`@${OPEN} and @${MENTEE}, this request was saved for later on 2027-01-06 and expires on **2027-02-05**.`);
    expect(readClock(issue(n).body)).toEqual({ v: 1, status: 'saved', since: '2027-01-06', sent: ['save-notice'] });
    await quietSweep('2027-02-04');
    await sweepTwice('2027-02-05'); // day 30
    expect(labels(n)).toEqual([`mentor:${SINGLE}`, 'request', 'status:pending']);
    expect(issue(n).state).toBe('open');
    const handover = commentsOf(n, 'handover');
    expect(handover).toHaveLength(1);
    expect(handover[0]).toContain(`@${OPEN} saved this request on 2027-01-06 but did not answer within 30 days. The request moves on to @${SINGLE}`);
    expect(readClock(issue(n).body)).toEqual({ v: 1, status: 'pending', since: '2027-02-05', sent: [] });
    // The alternate has the full time: a reminder on their day 7, not before.
    await quietSweep('2027-02-11');
    await sweepTwice('2027-02-12');
    expect(commentsOf(n, 'reminder')).toHaveLength(1);
    expect(commentsOf(n, 'reminder')[0]).toContain(`@${SINGLE}, a gentle reminder: @${MENTEE} asked you 7 days ago`);
    expect(commentsOf(n, 'reminder')[0]).toContain('the request expires on 2027-03-07.');
    expectNoDuplicateComments(n);
  });
});

describe('invalid requests', () => {
  test('closed as expired 30 days after first found invalid, with a friendly note; an edit that leaves it invalid does not restart the count', async () => {
    cal.goTo('2027-01-04');
    const { event, number: n } = await file(MENTEE, { term: 5 });
    await runAt(event);
    expect(labels(n)).toEqual(['request', 'status:invalid']);
    expect(readClock(issue(n).body)).toEqual({ v: 1, status: 'invalid', since: '2027-01-04', sent: [] });
    // The mentee edits the form (keeping the clock at its end, as GitHub's editor does), still with a problem.
    cal.goTo('2027-01-20');
    const block = /<!-- mentorkit-clock .* -->\s*$/.exec(issue(n).body!)![0];
    await runAt(await gh.as(MENTEE).editIssue(n, { body: `${body({ term: 4 })}\n\n${block}` }));
    expect(labels(n)).toEqual(['request', 'status:invalid']);
    expect(readClock(issue(n).body)).toMatchObject({ status: 'invalid', since: '2027-01-04' });
    await quietSweep('2027-02-02'); // day 29
    await sweepTwice('2027-02-03'); // day 30
    expect(labels(n)).toEqual(['request', 'status:expired']);
    expect(issue(n).state).toBe('closed');
    expect(issue(n).state_reason).toBe('not_planned');
    const note = commentsOf(n, 'closed-invalid');
    expect(note).toHaveLength(1);
    expect(note[0]).toContain(`@${MENTEE}, this request still had problems to fix after 30 days, so I’m closing it`);
    expect(note[0]).toContain('you are welcome to file a new request');
    await quietSweep('2027-03-05');
  });
});

describe('a clock the mentee removed or changed', () => {
  /** The mentee edits the body; the edit's event is not delivered (a missed run), so only the sweep sees it. */
  async function tamper(n: number, clock: ((c: Clock) => Clock) | 'remove') {
    const text = withoutClock(issue(n).body!);
    const c = readClock(issue(n).body)!;
    await gh.as(issue(n).user.login).editIssue(n, { body: clock === 'remove' ? text : `${text}\n\n<!-- mentorkit-clock ${JSON.stringify(clock(c))} -->` });
  }

  test('the sweep judges each request by the clock its own comments give, and writes that clock back', async () => {
    const files: [string, ((c: Clock) => Clock) | 'remove'][] = [
      ['removed', 'remove'],
      ['says it expires today', (c) => ({ ...c, since: '2026-12-01' })],
      ['moved into the future', (c) => ({ ...c, since: '2027-03-01' })],
      ['claims the notices went out', (c) => ({ ...c, sent: ['reminder', 'last-notice'] })],
      ['of another status', (c) => ({ ...c, status: 'saved' })],
    ];
    const numbers: number[] = [];
    for (let i = 0; i < files.length; i++) {
      cal.goTo('2027-01-04');
      const { event, number } = await file(`${MENTEE}${i + 1}`, {});
      await runAt(event);
      numbers.push(number);
    }
    cal.goTo('2027-01-08');
    for (const [i, [, how]] of files.entries()) await tamper(numbers[i]!, how);
    const texts = numbers.map((n) => withoutClock(issue(n).body!));

    await sweepTwice('2027-01-08'); // day 4: nothing is due by the bot's records
    for (const [i, [what]] of files.entries()) {
      const n = numbers[i]!;
      expect(kinds(n), `${what}: nothing said`).toEqual(['welcome']);
      expect(labels(n), `${what}: still pending`).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
      expect(readClock(issue(n).body), `${what}: the clock is written back`).toEqual({ v: 1, status: 'pending', since: '2027-01-04', sent: [] });
      expect(withoutClock(issue(n).body!), `${what}: the mentee's text is kept`).toBe(texts[i]);
    }
    await sweepTwice('2027-01-11'); // day 7 by the records
    for (const [i, [what]] of files.entries()) {
      expect(kinds(numbers[i]!), `${what}: reminded on day 7`).toEqual(['welcome', 'reminder']);
    }
  });
});

describe('the dry run', () => {
  test('prints each step the sweep would take and writes nothing; the real sweep then does just that', async () => {
    const reminded = await pendingOn('2027-01-04', {}, 'mia-one'); // day 7 on 2027-01-11
    const noticed = await pendingOn('2026-12-19', {}, 'mia-two'); // day 23
    const moved = await pendingOn('2026-12-12', { alternates: [SINGLE] }, 'mia-three'); // day 30
    cal.goTo('2027-01-11');
    const from = gh.calls.length;
    const dry = await expectNoChange(() => runAt(SCHEDULE, { dryRun: true }), 'the dry run');
    expect(botWritesSince(from)).toEqual([]);
    const out = dry.stdout;
    expect(out).toContain(`[dry-run] #${reminded}: Day 7: reminded @${OPEN}.`);
    expect(out).toContain(`[dry-run] #${noticed}: Day 23: last notice to @${OPEN} and @mia-two.`);
    expect(out).toContain(`[dry-run] #${moved}: Expired with @${OPEN} (pending since 2026-12-12).`);
    expect(out).toContain(`[dry-run]   labels: mentor:${OPEN}, request, status:pending -> request, status:pending, mentor:${SINGLE}`);
    expect(out).toContain(`[dry-run]   comment reminder:${reminded}.2027-01-04 (once):`);
    expect(out).toContain(`[dry-run]   clock: pending since 2027-01-04, sent reminder`);
    expect(out).toContain(`[dry-run]   clock: pending since 2027-01-11`);

    await sweepOn('2027-01-11');
    expect(kinds(reminded)).toEqual(['welcome', 'reminder']);
    expect(kinds(noticed)).toEqual(['welcome', 'last-notice']);
    expect(kinds(moved)).toEqual(['welcome', 'handover']);
    // What was posted is what the dry run printed, line for line.
    const printed = (kind: string, n: number) => {
      const lines = out.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`[dry-run]   comment ${kind}:${n}.`));
      const bodyLines: string[] = [];
      for (const l of lines.slice(at + 1)) {
        if (!l.startsWith('[dry-run]     | ')) break;
        bodyLines.push(l.slice('[dry-run]     | '.length));
      }
      return bodyLines.join('\n');
    };
    expect(commentsOf(reminded, 'reminder')[0]).toContain(printed('reminder', reminded));
    expect(commentsOf(noticed, 'last-notice')[0]).toContain(printed('last-notice', noticed));
    expect(commentsOf(moved, 'handover')[0]).toContain(printed('handover', moved));
  });
});

describe('days are UTC calendar days', () => {
  test('filed 2028-02-20: reminder 2028-02-27, last notice 2028-03-14, expiry 2028-03-21 (29 February counts), not a day earlier', async () => {
    const n = await pendingOn('2028-02-20', { mentor: LASTING });
    await quietSweep('2028-02-26');
    await sweepTwice('2028-02-27');
    expect(kinds(n)).toEqual(['welcome', 'reminder']);
    expect(commentsOf(n, 'reminder')[0]).toContain(`@${LASTING}, a gentle reminder: @${MENTEE} asked you 7 days ago`);
    expect(commentsOf(n, 'reminder')[0]).toContain('the request expires on 2028-03-21.');
    await quietSweep('2028-02-29');
    await quietSweep('2028-03-13');
    await sweepTwice('2028-03-14');
    expect(kinds(n)).toEqual(['welcome', 'reminder', 'last-notice']);
    expect(commentsOf(n, 'last-notice')[0]).toContain('If there is none by **2028-03-21**, it closes');
    await quietSweep('2028-03-20');
    await sweepTwice('2028-03-21');
    expect(kinds(n)).toEqual(['welcome', 'reminder', 'last-notice', 'expired']);
    expect(labels(n)).toEqual([`mentor:${LASTING}`, 'request', 'status:expired']);
    expect(issue(n).state_reason).toBe('not_planned');
    const expired = commentsOf(n, 'expired')[0]!;
    expect(expired).toContain(`@${LASTING} did not answer within 30 days.`);
    expect(suggested(expired).length, 'suggestions of other mentors').toBeGreaterThan(0);
    expect(suggested(expired)).not.toContain(LASTING);
  });

  test('the day turns at 00:00 UTC: a sweep at 23:59 finds nothing, one at 00:01 sends the reminder; a late intake run dates the clock by its run', async () => {
    // Filed and checked at 23:59 UTC on the 4th: day 0 is the 4th.
    cal.goToTime('2027-01-04T23:59:00Z');
    const early = await file('mia-late', { mentor: LASTING });
    await runAt(early.event);
    expect(readClock(issue(early.number).body)).toMatchObject({ since: '2027-01-04' });
    // Filed at 23:59:30, but the intake run started at 00:01 on the 5th: day 0 is the 5th (the welcome's date too).
    cal.goToTime('2027-01-04T23:59:30Z');
    const late = await file('mia-later', { mentor: LASTING });
    cal.goToTime('2027-01-05T00:01:00Z');
    await runAt(late.event);
    expect(readClock(issue(late.number).body)).toMatchObject({ since: '2027-01-05' });

    await expectNoChange(() => sweepAt('2027-01-10T23:59:00Z'), 'the sweep at 23:59 on day 6');
    await sweepAt('2027-01-11T00:01:00Z');
    expect(kinds(early.number)).toEqual(['welcome', 'reminder']);
    expect(kinds(late.number)).toEqual(['welcome']);
    await expectNoChange(() => sweepAt('2027-01-11T23:59:00Z'), 'the sweep at 23:59 on the 11th');
    // MENTORKIT_NOW with an offset: 20:00 on the 11th in New York is 01:00 UTC on the 12th.
    cal.goToTime('2027-01-12T01:00:00Z');
    await runAt(SCHEDULE, { now: '2027-01-11T20:00:00-05:00' });
    expect(kinds(late.number)).toEqual(['welcome', 'reminder']);
    expect(commentsOf(late.number, 'reminder')[0]).toContain('asked you 7 days ago');
  });
});
