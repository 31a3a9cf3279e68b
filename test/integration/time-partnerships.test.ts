import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readClock, withoutClock } from '../../src/core/clock.ts';
import { gh, useEmulator, file, labels, issue, program, ROOT, OPEN } from './harness.ts';
import { MAINTAINER, MENTEE, OTHER, expectNoDuplicateComments } from './answers-helpers.ts';
import { cal, card, commentsOf, expectNoChange, kinds, quietSweep, runAt, sayAt, sweepOn, sweepTwice, workspaceWith } from './time-helpers.ts';

/**
 * Partnerships through the bundled bot and the emulator, on a shared test calendar: the card, its commands, the
 * check-in reminders, and every way a partnership closes (term end, notice, both ending, completion, extension).
 */
useEmulator({ now: () => cal.now() });

/** File a request on `date` and have the mentor accept it the same day; the issue is then the partnership. */
async function partnership(date: string, o: { mentee?: string; mentor?: string; term?: number; workspace?: string } = {}) {
  const mentee = o.mentee ?? MENTEE;
  const mentor = o.mentor ?? OPEN;
  const extra = o.workspace ? { workspace: o.workspace } : {};
  cal.goTo(date);
  const { event, number } = await file(mentee, { mentor, term: o.term ?? 3 });
  await runAt(event, extra);
  expect(labels(number), `#${number} after intake`).toContain('status:pending');
  await sayAt(mentor, number, '/accept', extra);
  expect(labels(number)).toEqual([`mentor:${mentor}`, 'request', 'status:active']);
  return number;
}

/** The issue's labels, open/closed state and reason, body and card: what a refusal must leave as it was. */
function record(n: number) {
  const i = issue(n);
  return { labels: labels(n), state: i.state, reason: i.state_reason, body: i.body, card: card(n).body };
}

function expectClosed(n: number, as: 'completed' | 'ended', on: string) {
  expect(labels(n).filter((l) => !l.startsWith('mentor:'))).toEqual(['request', `status:${as}`]);
  expect(issue(n).state).toBe('closed');
  expect(issue(n).state_reason).toBe('completed');
  const c = card(n);
  expect(c.state.closed).toEqual({ as, on });
  expect(c.body).toContain(`**${as === 'completed' ? 'Completed' : 'Ended'} on ${on}.**`);
  // A closed card no longer offers ways to end it.
  expect(c.body).not.toContain('To end early:');
  const closing = commentsOf(n, as);
  expect(closing, `one closing comment (${as})`).toHaveLength(1);
  expect(closing[0]).toContain(`your partnership ${as === 'completed' ? 'is complete' : 'has ended'}:`);
  expect(closing[0]).toContain(`Thank you both for the time and care you gave it since ${c.state.start}.`);
  expectFeedback(closing[0]!, program.feedback_url);
  return closing[0]!;
}

/** The closing comment links the private feedback form when program.yml sets one, and otherwise says nothing of feedback. */
function expectFeedback(closing: string, url: string | undefined) {
  if (url) {
    expect(closing).toContain(`[give feedback privately](${url})`);
    expect(closing).toContain('It is not shared with your partner, and this public thread is not the place for it.');
    // The link is the only mention: feedback is never asked for in the thread itself.
    expect(closing.match(/feedback/gi)).toHaveLength(2);
  } else {
    expect(closing).not.toMatch(/feedback/i);
  }
}

describe('the partnership card', () => {
  test('accepting posts the card: term dates, the agreement items, unticked boxes; /agree, /goal and /done edit it in place', async () => {
    const n = await partnership('2027-01-04', { term: 6 });
    const c = card(n);
    expect(c.state).toMatchObject({ mentor: OPEN, mentee: MENTEE, by: OPEN, start: '2027-01-04', months: 6, end: '2027-07-04', agreed: {}, goals: [], checkins: [], complete: [] });
    expect(c.body).toContain('**Term:** 6 months, from 2027-01-04 to 2027-07-04.');
    expect(readClock(issue(n).body)).toEqual({ v: 1, status: 'active', since: '2027-01-04', sent: [], end: '2027-07-04', checkin: '2027-01-04' });

    // Every `##` heading of the agreement page is an item of the card's checklist, with its first sentence.
    const mdx = readFileSync(join(ROOT, 'content/pages/agreement.mdx'), 'utf8');
    const headings = [...mdx.matchAll(/^## +(.+)$/gm)].map((m) => m[1]!.trim());
    expect(headings.length).toBeGreaterThanOrEqual(5);
    for (const h of headings) expect(c.body, `agreement item ${h}`).toMatch(new RegExp(`^- \\*\\*${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*\\*: \\S`, 'm'));
    expect(c.body).toContain('- **Goals**: In the first meeting, the mentee and mentor agree two or three goals for the term and record them on the partnership issue.');
    expect(c.body).toContain(`- [ ] @${MENTEE}\n- [ ] @${OPEN}`);
    expect(c.body).toContain('_No goals yet._');
    expect(c.body).toContain('_None yet._');

    cal.goTo('2027-01-05');
    await sayAt(MENTEE, n, '/agree');
    expect(card(n).body).toContain(`- [x] @${MENTEE} agreed on 2027-01-05\n- [ ] @${OPEN}`);
    expect(card(n).id, 'edited in place').toBe(c.id);
    cal.goTo('2027-01-06');
    await sayAt(OPEN, n, '/agree');
    expect(card(n).body).toContain(`- [x] @${MENTEE} agreed on 2027-01-05\n- [x] @${OPEN} agreed on 2027-01-06`);
    expect(card(n).state.agreed).toEqual({ [MENTEE]: '2027-01-05', [OPEN]: '2027-01-06' });

    // Agreeing twice is refused, and changes nothing.
    const before = record(n);
    await sayAt(MENTEE, n, '/agree');
    expect(commentsOf(n, 'refused').at(-1)).toContain('you already agreed on 2027-01-05.');
    expect(record(n)).toEqual(before);

    // Two goals in one comment, from the mentee; the mentor ticks the second.
    await sayAt(MENTEE, n, '/goal Submit the first paper\n/goal Decide between industry and a postdoc');
    expect(card(n).body).toContain('1. [ ] Submit the first paper\n2. [ ] Decide between industry and a postdoc');
    cal.goTo('2027-01-20');
    await sayAt(OPEN, n, '/done 2');
    expect(card(n).body).toContain('1. [ ] Submit the first paper\n2. [x] Decide between industry and a postdoc (done 2027-01-20)');
    expect(card(n).state.goals).toEqual([
      { text: 'Submit the first paper', by: MENTEE, added: '2027-01-06' },
      { text: 'Decide between industry and a postdoc', by: MENTEE, added: '2027-01-06', done: '2027-01-20' },
    ]);

    // /done mistakes are each refused with what to do, and the card stays as it is.
    const goalsBefore = record(n);
    const refusedBefore = commentsOf(n, 'refused').length;
    await sayAt(MENTEE, n, '/done 3\n/done\n/done first\n/done 2\n/goal');
    const refusals = commentsOf(n, 'refused').slice(refusedBefore);
    expect(refusals).toHaveLength(5);
    expect(refusals[0]).toContain('`/done` needs the number of a goal on the card, from 1 to 2, like `/done 1` (“3” is not one).');
    expect(refusals[1]).toContain('`/done` needs the number of a goal on the card, from 1 to 2, like `/done 1`.');
    expect(refusals[2]).toContain('(“first” is not one)');
    expect(refusals[3]).toContain('goal 2 was already ticked on 2027-01-20.');
    expect(refusals[4]).toContain('`/goal` needs the goal itself');
    expect(record(n)).toEqual(goalsBefore);
    // Partnership commands never move the request's status or clock.
    expect(readClock(issue(n).body)).toMatchObject({ status: 'active', since: '2027-01-04', end: '2027-07-04' });
    expectNoDuplicateComments(n);
  });

  test('someone who is not a partner is refused every partnership command, and nothing changes', async () => {
    const n = await partnership('2027-01-04');
    await sayAt(MENTEE, n, '/goal Ship the thesis');
    const before = record(n);
    const refused = commentsOf(n, 'refused').length;
    cal.goTo('2027-01-10');
    await sayAt(OTHER, n, '/agree\n/goal Take over this partnership\n/done 1\n/checkin hello\n/end\n/complete\n/extend 3');
    const refusals = commentsOf(n, 'refused').slice(refused);
    expect(refusals).toHaveLength(7);
    const any = `only the requested mentor (@${OPEN}), the mentee who filed it (@${MENTEE}) or a program maintainer (listed in program.yml) can`;
    expect(refusals[0]).toContain(`only the requested mentor (@${OPEN}) or the mentee who filed it (@${MENTEE}) can agree for this partnership.`);
    expect(refusals[1]).toContain(`${any} add goals to this partnership.`);
    expect(refusals[2]).toContain(`${any} tick goals of this partnership.`);
    expect(refusals[3]).toContain(`${any} record check-ins on this partnership.`);
    expect(refusals[4]).toContain(`${any} end this partnership.`);
    expect(refusals[5]).toContain(`${any} complete this partnership.`);
    expect(refusals[6]).toContain(`${any} extend this partnership.`);
    for (const r of refusals) expect(r).toContain(`@${OTHER}, I can’t do`);
    expect(record(n)).toEqual(before);
    expect(labels(n)).not.toContain('ending');
    // Nothing of theirs was recorded on the card.
    expect(card(n).state).toMatchObject({ complete: [], checkins: [] });
    expect(card(n).state.ending).toBeUndefined();
    expect(card(n).state.extend).toBeUndefined();
  });
});

describe('check-ins', () => {
  test('a reminder to both after 30 days without a check-in, again after 60, none in between; a check-in starts the count again', async () => {
    const n = await partnership('2027-01-04', { term: 6 });
    await quietSweep('2027-02-02'); // day 29
    await sweepTwice('2027-02-03'); // day 30
    let reminders = commentsOf(n, 'checkin-reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain(`@${MENTEE} and @${OPEN}, it has been 30 days since the partnership started (2027-01-04) and there is no check-in yet.`);
    expect(readClock(issue(n).body)).toMatchObject({ sent: ['checkin-1'], checkin: '2027-01-04' });
    await quietSweep('2027-02-04');
    await quietSweep('2027-02-20');
    await quietSweep('2027-03-04'); // day 59
    await sweepTwice('2027-03-05'); // day 60
    reminders = commentsOf(n, 'checkin-reminder');
    expect(reminders).toHaveLength(2);
    expect(reminders[1]).toContain('it has been 60 days since the partnership started (2027-01-04) and there is no check-in yet.');

    cal.goTo('2027-03-10');
    await sayAt(OPEN, n, '/checkin Met to plan the first paper');
    expect(card(n).body).toContain(`- 2027-03-10, @${OPEN}: Met to plan the first paper`);
    expect(card(n).state.checkins).toEqual([{ date: '2027-03-10', by: OPEN, note: 'Met to plan the first paper' }]);
    expect(readClock(issue(n).body)).toMatchObject({ status: 'active', checkin: '2027-03-10', sent: [] });
    // Day 90 of the term: without the check-in a third reminder would be due today.
    await quietSweep('2027-04-04');
    await quietSweep('2027-04-08'); // 29 days after the check-in
    await sweepTwice('2027-04-09'); // 30 days after it
    reminders = commentsOf(n, 'checkin-reminder');
    expect(reminders).toHaveLength(3);
    expect(reminders[2]).toContain('it has been 30 days since the last check-in (2027-03-10).');

    // A check-in without a note, by the mentee, is recorded too.
    cal.goTo('2027-04-10');
    await sayAt(MENTEE, n, '/checkin');
    expect(card(n).body).toContain(`- 2027-04-10, @${MENTEE}\n`);
    await quietSweep('2027-05-09');
    expect(issue(n).state).toBe('open');
    expectNoDuplicateComments(n);
  });
});

describe('term end', () => {
  // Each term of program.yml, from a start date where counting months needs care (month ends, 29 February).
  const cases = [
    { months: 3, mentor: 'daniel-osei', mentee: 'mia-three', start: '2027-11-30', end: '2028-02-29', before: '2028-02-28', checkin: '2028-02-19' },
    { months: 6, mentor: 'bronwyn-ashcroft', mentee: 'mia-six', start: '2027-03-31', end: '2027-09-30', before: '2027-09-29', checkin: '2027-09-20' },
    { months: 9, mentor: 'lucia-ferreira', mentee: 'mia-nine', start: '2027-05-15', end: '2028-02-15', before: '2028-02-14', checkin: '2028-02-05' },
    { months: 12, mentor: 'mereana-hutchins', mentee: 'mia-twelve', start: '2028-02-29', end: '2029-02-28', before: '2029-02-27', checkin: '2029-02-18' },
  ];
  test('the sample program offers exactly these terms', () => {
    expect([...program.terms].sort((a, b) => a - b)).toEqual(cases.map((c) => c.months));
  });

  test.each(cases)('$months months from $start: completed on $end, not the day before', async (c) => {
    const n = await partnership(c.start, { mentee: c.mentee, mentor: c.mentor, term: c.months });
    expect(card(n).body).toContain(`**Term:** ${c.months} months, from ${c.start} to ${c.end}.`);
    expect(readClock(issue(n).body)).toMatchObject({ since: c.start, end: c.end });
    // A check-in ten days before the end, so no check-in reminder is due around it either.
    cal.goTo(c.checkin);
    await sayAt(c.mentee, n, '/checkin Last meeting of the term');
    await quietSweep(c.before);
    expect(labels(n)).toContain('status:active');
    await sweepTwice(c.end);
    const closing = expectClosed(n, 'completed', c.end);
    expect(closing).toContain(`@${c.mentee} and @${c.mentor}, your partnership is complete: the ${c.months}-month term ended on ${c.end}.`);
    expect(kinds(n)).toEqual(['welcome', 'accepted', 'completed']);
    // Closed issues are no longer the sweep's; more than a year on, nothing happens.
    await quietSweep(cal.dayAfter(c.start, 400));
  });
});

describe('ending early with /end', () => {
  test('notice: the ending label and the date on the card; closes as ended on that date, not the day before', async () => {
    const n = await partnership('2027-01-04');
    cal.goTo('2027-02-01');
    await sayAt(MENTEE, n, '/end Changed jobs');
    expect(labels(n)).toEqual(['ending', `mentor:${OPEN}`, 'request', 'status:active']);
    expect(gh.state.labels.find((l) => l.name === 'ending')).toMatchObject({ color: 'f9d0c4', description: 'Partnership ending: notice given with /end' });
    expect(card(n).body).toContain(`**Ending early on 2027-03-03:** @${MENTEE} gave notice on 2027-02-01 (“Changed jobs”).`);
    expect(card(n).state.ending).toEqual({ on: '2027-03-03', by: MENTEE, reason: 'Changed jobs', given: '2027-02-01' });
    expect(readClock(issue(n).body)).toMatchObject({ ending: '2027-03-03', end: '2027-04-04' });
    const notice = commentsOf(n, 'ending');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain(`@${OPEN}, @${MENTEE} gave notice to end this partnership early (“Changed jobs”). It ends on **2027-03-03**.`);

    // Giving notice twice, or extending during the notice, is refused and changes nothing.
    const before = record(n);
    await sayAt(MENTEE, n, '/end\n/extend 3');
    const refusals = commentsOf(n, 'refused');
    expect(refusals[0]).toContain('you already gave notice on 2027-02-01: the partnership ends on 2027-03-03.');
    expect(refusals[1]).toContain('notice to end was given on 2027-02-01, so the term can’t be extended.');
    expect(record(n)).toEqual(before);

    cal.goTo('2027-02-20');
    await sayAt(OPEN, n, '/checkin Handing over to a colleague');
    await quietSweep('2027-03-02');
    expect(issue(n).state).toBe('open');
    await sweepTwice('2027-03-03');
    const closing = expectClosed(n, 'ended', '2027-03-03');
    expect(closing).toContain(`your partnership has ended: the notice @${MENTEE} gave on 2027-02-01 ran out on 2027-03-03.`);
    expect(labels(n)).not.toContain('ending');
    expectNoDuplicateComments(n);
  });

  test('the other partner’s /end ends it at once', async () => {
    const n = await partnership('2027-01-04');
    cal.goTo('2027-02-01');
    await sayAt(OPEN, n, '/end');
    expect(labels(n)).toContain('ending');
    expect(commentsOf(n, 'ending')[0]).toContain(`@${MENTEE}, @${OPEN} gave notice to end this partnership early. It ends on **2027-03-03**.`);
    cal.goTo('2027-02-02');
    await sayAt(MENTEE, n, '/end');
    const closing = expectClosed(n, 'ended', '2027-02-02');
    expect(closing).toContain(`both of you agreed to end it early (@${OPEN} gave notice, @${MENTEE} agreed)`);
    expect(labels(n)).not.toContain('ending');
    // The notice date is no longer anything to the sweep.
    await quietSweep('2027-03-03');
  });
});

describe('/complete', () => {
  test('one partner asks and it waits; the other confirms and it completes', async () => {
    const n = await partnership('2027-01-04');
    cal.goTo('2027-03-01');
    await sayAt(MENTEE, n, '/complete');
    expect(labels(n)).toContain('status:active');
    expect(issue(n).state).toBe('open');
    expect(card(n).body).toContain(`**Completion asked:** @${MENTEE} considers the goals met; the other partner confirms with \`/complete\`.`);
    expect(commentsOf(n, 'complete-asked')[0]).toContain(`@${OPEN}, @${MENTEE} considers the goals of this partnership met. If you agree, reply \`/complete\``);

    const before = record(n);
    await sayAt(MENTEE, n, '/complete');
    expect(commentsOf(n, 'refused').at(-1)).toContain(`you already marked it complete; it ends when @${OPEN} does too.`);
    expect(record(n)).toEqual(before);

    cal.goTo('2027-03-02');
    await sayAt(OPEN, n, '/complete');
    const closing = expectClosed(n, 'completed', '2027-03-02');
    expect(closing).toContain('your partnership is complete: both of you marked the goals as met.');
    expect(card(n).body).not.toContain('Completion asked');
  });

  test('a maintainer alone completes it at once', async () => {
    const n = await partnership('2027-01-04');
    cal.goTo('2027-02-10');
    await sayAt(MAINTAINER, n, '/complete');
    const closing = expectClosed(n, 'completed', '2027-02-10');
    expect(closing).toContain(`your partnership is complete: @${MAINTAINER} (a maintainer) marked it complete.`);
  });
});

describe('/extend', () => {
  test('both partners with the same months extend the term; beyond the longest term is refused; a maintainer extends alone', async () => {
    const n = await partnership('2027-01-04', { term: 3 });
    expect(card(n).state).toMatchObject({ months: 3, end: '2027-04-04' });

    cal.goTo('2027-02-01');
    await sayAt(MENTEE, n, '/extend 3');
    expect(card(n).state).toMatchObject({ months: 3, end: '2027-04-04', extend: { months: 3, by: MENTEE, asked: '2027-02-01' } });
    expect(card(n).body).toContain(`**Extension asked:** @${MENTEE} would like 3 months more; the other partner confirms with \`/extend 3\`.`);
    expect(commentsOf(n, 'extend-asked')[0]).toContain(`@${OPEN}, @${MENTEE} would like to extend this partnership by 3 months. If you agree, reply \`/extend 3\`.`);

    // The mentor answers with a different number: that is a new ask, waiting for the mentee.
    await sayAt(OPEN, n, '/extend 6 months');
    expect(card(n).state).toMatchObject({ months: 3, end: '2027-04-04', extend: { months: 6, by: OPEN } });
    cal.goTo('2027-02-03');
    await sayAt(MENTEE, n, '/extend 6');
    expect(card(n).state).toMatchObject({ months: 9, end: '2027-10-04' });
    expect(card(n).state.extend).toBeUndefined();
    expect(card(n).body).toContain('**Term:** 9 months, from 2027-01-04 to 2027-10-04.');
    expect(commentsOf(n, 'extended')[0]).toContain(`@${MENTEE} and @${OPEN}, the partnership is extended by 6 months: the term now ends on **2027-10-04**.`);
    expect(readClock(issue(n).body)).toMatchObject({ end: '2027-10-04' });

    // 9 + 6 is more than the longest term (12 months): refused, nothing changes.
    const before = record(n);
    await sayAt(OPEN, n, '/extend 6\n/extend soon');
    const refusals = commentsOf(n, 'refused');
    expect(refusals[0]).toContain('the longest term in this program is 12 months, and this partnership already runs 9 months, so it can be extended by at most 3 months.');
    expect(refusals[1]).toContain('`/extend` needs a number of months, like `/extend 3` (“soon” is not one).');
    expect(record(n)).toEqual(before);

    // A maintainer extends alone, up to the longest term, and no further.
    cal.goTo('2027-03-01');
    await sayAt(MAINTAINER, n, '/extend 3');
    expect(card(n).state).toMatchObject({ months: 12, end: '2028-01-04' });
    const full = record(n);
    await sayAt(MAINTAINER, n, '/extend 1');
    expect(commentsOf(n, 'refused').at(-1)).toContain('the longest term in this program is 12 months, and this partnership already runs 12 months.');
    expect(record(n)).toEqual(full);

    // The old end dates pass without closing it; the new one closes it.
    cal.goTo('2027-03-25');
    await sayAt(MENTEE, n, '/checkin');
    await quietSweep('2027-04-04');
    await sweepOn('2027-10-04');
    expect(issue(n).state).toBe('open');
    cal.goTo('2027-12-25');
    await sayAt(MENTEE, n, '/checkin');
    await quietSweep('2028-01-03');
    await sweepTwice('2028-01-04');
    const closing = expectClosed(n, 'completed', '2028-01-04');
    expect(closing).toContain('the 12-month term ended on 2028-01-04.');
  });
});

describe('feedback', () => {
  // The closing comment follows program.yml whatever the sample sets; both ways are tried here.
  test.each([
    { url: 'https://forms.example.org/another-program/feedback', how: 'set' },
    { url: undefined, how: 'unset' },
  ])('feedback_url $how: the closing comment links the private form, or says nothing of feedback', async ({ url }) => {
    const ws = workspaceWith({ feedback_url: url });
    const extra = { workspace: ws.dir };
    try {
      const n = await partnership('2027-01-04', extra);
      cal.goTo('2027-02-01');
      await sayAt(MAINTAINER, n, '/complete', extra);
      expect(labels(n)).toContain('status:completed');
      expect(issue(n).state).toBe('closed');
      const closing = commentsOf(n, 'completed');
      expect(closing).toHaveLength(1);
      expectFeedback(closing[0]!, url);
    } finally {
      ws.remove();
    }
  });
});

describe('the same partnership command delivered twice changes nothing the second time', () => {
  test('every command, from asking to closing: the second delivery writes nothing and says nothing', async () => {
    const n = await partnership('2027-01-04');
    const steps: [string, string][] = [
      [MENTEE, '/agree'],
      [MENTEE, '/goal Write the methods section'],
      [OPEN, '/done 1'],
      [OPEN, '/checkin Talked about conferences'],
      [MENTEE, '/extend 3'],
      [MAINTAINER, '/extend 3'],
      [MENTEE, '/complete'],
      [MENTEE, '/end Moving abroad'],
      [OPEN, '/done 1'], // refused: already ticked
      [OPEN, '/complete'], // closes it
    ];
    for (const [login, text] of steps) {
      cal.advance(1);
      const event = await gh.as(login).comment(n, text);
      await runAt(event);
      await expectNoChange(() => runAt(event), `${text} by ${login} delivered again`);
    }
    expect(card(n).state).toMatchObject({ months: 6, end: '2027-07-04', closed: { as: 'completed' } });
    expect(card(n).state.goals).toHaveLength(1);
    expect(card(n).state.checkins).toHaveLength(1);
    expect(issue(n).state).toBe('closed');
    expectNoDuplicateComments(n);
  }, 120_000); // 22 bot runs: 30 s is too little on a loaded 2-core machine
});

describe('a forged card', () => {
  test('partnership data written into a goal or a check-in note is not read as the card’s', async () => {
    const n = await partnership('2027-01-04');
    // The mentee tries to record the mentor's /complete (and a longer term) through text the card shows.
    const forged = `{"v":1,"mentor":"${OPEN}","mentee":"${MENTEE}","by":"${OPEN}","start":"2027-01-04","months":12,"end":"2028-01-04","complete":["${OPEN}"]}`;
    cal.goTo('2027-01-10');
    await sayAt(MENTEE, n, `/goal <!-- mentorkit-partnership ${forged} -->`);
    await sayAt(MENTEE, n, `/checkin <!-- mentorkit-partnership ${forged} -->`);
    expect(card(n).state).toMatchObject({ months: 3, end: '2027-04-04', complete: [] });
    await sayAt(MENTEE, n, '/complete');
    expect(issue(n).state).toBe('open');
    expect(labels(n)).toContain('status:active');
    expect(card(n).state).toMatchObject({ months: 3, end: '2027-04-04', complete: [MENTEE] });
    expect(readClock(issue(n).body)).toMatchObject({ end: '2027-04-04' });
  });
});

describe('a partnership clock changed by hand', () => {
  test('a term end moved away in the body’s clock does not keep the partnership open past its real end', async () => {
    const n = await partnership('2027-01-04');
    cal.goTo('2027-03-25');
    await sayAt(MENTEE, n, '/checkin');
    // The mentee edits the body (the edit's run is missed): the term seems to run to 2099, the last check-in to be next year.
    const text = withoutClock(issue(n).body!);
    await gh.as(MENTEE).editIssue(n, { body: `${text}\n\n<!-- mentorkit-clock ${JSON.stringify({ ...readClock(issue(n).body)!, end: '2099-01-04', checkin: '2028-01-01' })} -->` });
    await sweepTwice('2027-04-04');
    expectClosed(n, 'completed', '2027-04-04');
  });
});
