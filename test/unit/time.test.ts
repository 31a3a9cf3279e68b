import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dateOf, daysBetween, plusDays, plusMonths, readClock, sameClock, withClock, withoutClock, type Clock } from '../../src/core/clock.ts';
import { believable, decideSweep, dueStep, expiryDate, trustedClock, type SweepInput } from '../../src/core/sweep.ts';
import { agreementItems, findCard, lastCheckin, longestTerm, noticeEnd, partnershipClock, readPartnership, renderCard, startPartnership, type Partnership } from '../../src/core/partnership.ts';
import { closePartnership, decidePartnershipCommand } from '../../src/core/partnership-commands.ts';
import { closingComment } from '../../src/core/messages.ts';
import { marker, type Decision } from '../../src/core/decision.ts';
import { rolesOf } from '../../src/core/roles.ts';
import type { BotRecord, CommandInput, CommandName } from '../../src/core/commands.ts';
import type { Program } from '../../src/core/program.ts';
import { makeProfileSchema, type Profile } from '../../src/core/profile.ts';
import { requestBody } from '../../src/testing/request-body.ts';
import { repoProgram, validProfile } from '../support/profiles.ts';

/** The pure side of time: the clock in a request's body, what the daily sweep finds due, and the partnership card. */

const URL = 'https://forms.example.org/mentoring-feedback';
const program: Program = { ...repoProgram, feedback_url: undefined };
const withFeedback: Program = { ...repoProgram, feedback_url: URL };
const CHAIR = program.maintainers[0]!;
const AGREEMENT_MDX = readFileSync(resolve(import.meta.dirname, '../../content/pages/agreement.mdx'), 'utf8');

const clock = (c: Partial<Clock> & Pick<Clock, 'status' | 'since'>): Clock => ({ v: 1, sent: [], ...c });

describe('the clock block in the body', () => {
  const c = clock({ status: 'pending', since: '2027-01-04', sent: ['reminder'] });
  const text = '### Mentor\n\nada\n\n### Goals\n\nFinish my thesis.';

  test('withClock puts it at the end; readClock reads it back; withoutClock gives the mentee’s text', () => {
    const body = withClock(text, c);
    expect(body).toBe(`${text}\n\n<!-- mentorkit-clock {"sent":["reminder"],"since":"2027-01-04","status":"pending","v":1} -->`);
    expect(readClock(body)).toEqual(c);
    expect(withoutClock(body)).toBe(text);
    // Whitespace GitHub may add after it does not matter.
    expect(readClock(`${body}\n\n  \n`)).toEqual(c);
  });

  test('a new clock replaces the old one; there is only ever one block', () => {
    const next = clock({ status: 'saved', since: '2027-01-09' });
    const body = withClock(withClock(withClock(text, c), next), next);
    expect(body.match(/mentorkit-clock/g)).toHaveLength(1);
    expect(readClock(body)).toEqual(next);
    expect(withoutClock(body)).toBe(text);
  });

  test('no block, an empty body or null: no clock', () => {
    expect(readClock(text)).toBeUndefined();
    expect(readClock('')).toBeUndefined();
    expect(readClock(null)).toBeUndefined();
    expect(readClock(undefined)).toBeUndefined();
  });

  test('escaping: nothing in the JSON can close the HTML comment early, and what round-trips is unchanged', () => {
    const sneaky = { ...c, sent: ['a --> <b>'] } as unknown as Clock;
    const body = withClock(text, sneaky);
    const block = body.slice(text.length);
    expect(block.match(/-->/g), 'the only --> is the block’s own').toHaveLength(1);
    expect(block).toContain('\\u003e');
    expect(block).toContain('\\u003c');
    // Not a clock the bot could have written (notice names are [a-z0-9-]): ignored.
    expect(readClock(body)).toBeUndefined();
  });

  test.each([
    ['not JSON', '<!-- mentorkit-clock {v:1} -->'],
    ['another version', '<!-- mentorkit-clock {"v":2,"status":"pending","since":"2027-01-04","sent":[]} -->'],
    ['a date not written YYYY-MM-DD', '<!-- mentorkit-clock {"v":1,"status":"pending","since":"2027-1-4","sent":[]} -->'],
    ['an unknown status', '<!-- mentorkit-clock {"v":1,"status":"snoozed","since":"2027-01-04","sent":[]} -->'],
    ['a notice name with other characters', '<!-- mentorkit-clock {"v":1,"status":"pending","since":"2027-01-04","sent":["Reminder!"]} -->'],
    ['text after the block', '<!-- mentorkit-clock {"v":1,"status":"pending","since":"2027-01-04","sent":[]} -->\n\nP.S. thanks'],
    ['a block split over lines', '<!-- mentorkit-clock {"v":1,"status":"pending",\n"since":"2027-01-04","sent":[]} -->'],
  ])('a tampered block is ignored: %s', (_, block) => {
    expect(readClock(`${text}\n\n${block}`)).toBeUndefined();
  });

  test('a block the mentee pasted higher up does not count; the one at the end does', () => {
    const fake = '<!-- mentorkit-clock {"v":1,"status":"pending","since":"2026-01-01","sent":[]} -->';
    const body = withClock(`${text}\n\n${fake}\n\nMore about me.`, c);
    expect(readClock(body)).toEqual(c);
  });

  test('sameClock ignores the order of keys and of sent notices', () => {
    expect(sameClock(clock({ status: 'pending', since: '2027-01-04', sent: ['reminder', 'last-notice'] }), { sent: ['last-notice', 'reminder'], since: '2027-01-04', status: 'pending', v: 1 })).toBe(true);
    expect(sameClock(c, { ...c, since: '2027-01-05' })).toBe(false);
    expect(sameClock(undefined, undefined)).toBe(true);
    expect(sameClock(c, undefined)).toBe(false);
  });
});

describe('calendar days', () => {
  test('plusDays across month ends, year ends and 29 February', () => {
    expect(plusDays('2028-02-20', 7)).toBe('2028-02-27');
    expect(plusDays('2028-02-20', 23)).toBe('2028-03-14');
    expect(plusDays('2028-02-20', 30)).toBe('2028-03-21');
    expect(plusDays('2027-02-20', 30)).toBe('2027-03-22');
    expect(plusDays('2027-12-25', 7)).toBe('2028-01-01');
    expect(plusDays('2027-01-31', 30)).toBe('2027-03-02');
  });
  test('plusMonths keeps the day, or the month’s last day when it has none', () => {
    expect(plusMonths('2027-01-04', 3)).toBe('2027-04-04');
    expect(plusMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(plusMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(plusMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(plusMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(plusMonths('2027-03-31', 6)).toBe('2027-09-30');
  });
  test('daysBetween counts calendar days; dateOf is the UTC date of an ISO time', () => {
    expect(daysBetween('2028-02-20', '2028-03-21')).toBe(30);
    expect(daysBetween('2027-02-20', '2027-03-21')).toBe(29);
    expect(daysBetween('2027-01-04', '2027-01-04')).toBe(0);
    expect(daysBetween('2027-01-11', '2027-01-04')).toBe(-7);
    expect(dateOf('2027-01-04T23:59:59Z')).toBe('2027-01-04');
    expect(dateOf('2027-01-05T00:00:01Z')).toBe('2027-01-05');
  });
});

describe('dueStep: what is due today', () => {
  const on = (c: Clock, today: string, p: Program = program) => dueStep(c, p, today);
  const pending = (sent: string[] = []) => clock({ status: 'pending', since: '2027-01-04', sent });

  test.each([
    ['2027-01-10', [], undefined], // day 6
    ['2027-01-11', [], 'reminder'], // day 7
    ['2027-01-11', ['reminder'], undefined],
    ['2027-01-26', [], 'reminder'], // day 22, the reminder was missed: still due
    ['2027-01-26', ['reminder'], undefined],
    ['2027-01-27', ['reminder'], 'last-notice'], // day 23
    ['2027-01-29', [], 'last-notice'], // day 25, nothing sent yet: the last notice only, not the reminder as well
    ['2027-01-29', ['last-notice'], undefined],
    ['2027-02-02', ['reminder', 'last-notice'], undefined], // day 29
    ['2027-02-03', ['reminder', 'last-notice'], 'expire'], // day 30
    ['2027-02-03', [], 'expire'], // day 30 without any notice: expiry is never put off
    ['2027-03-10', [], 'expire'],
  ])('pending since 2027-01-04, on %s with %j sent: %s', (today, sent, step) => {
    expect(on(pending(sent), today)).toBe(step);
  });

  test('pending across 29 February: 2028-02-20 → reminder 02-27, last notice 03-14, expiry 03-21', () => {
    const c = (sent: string[]) => clock({ status: 'pending', since: '2028-02-20', sent });
    expect(on(c([]), '2028-02-26')).toBeUndefined();
    expect(on(c([]), '2028-02-27')).toBe('reminder');
    expect(on(c(['reminder']), '2028-03-13')).toBeUndefined();
    expect(on(c(['reminder']), '2028-03-14')).toBe('last-notice');
    expect(on(c(['reminder', 'last-notice']), '2028-03-20')).toBeUndefined();
    expect(on(c(['reminder', 'last-notice']), '2028-03-21')).toBe('expire');
    expect(expiryDate(c([]), program)).toBe('2028-03-21');
  });

  test.each([
    ['2027-01-28', [], undefined], // day 22 after saving
    ['2027-01-29', [], 'save-notice'], // day 23 = 30 − 7
    ['2027-01-29', ['save-notice'], undefined],
    ['2027-02-04', ['save-notice'], undefined],
    ['2027-02-05', ['save-notice'], 'expire'], // day 30
    ['2027-02-05', [], 'expire'],
  ])('saved on 2027-01-06, on %s with %j sent: %s', (today, sent, step) => {
    expect(on(clock({ status: 'saved', since: '2027-01-06', sent }), today)).toBe(step);
  });

  test('saved: expiryDate is save_for_later_days after saving', () => {
    expect(expiryDate(clock({ status: 'saved', since: '2027-01-06' }), program)).toBe('2027-02-05');
    expect(expiryDate(clock({ status: 'invalid', since: '2027-01-06' }), program)).toBeUndefined();
  });

  test('invalid: closed on day 30, not day 29', () => {
    const c = clock({ status: 'invalid', since: '2027-01-04' });
    expect(on(c, '2027-02-02')).toBeUndefined();
    expect(on(c, '2027-02-03')).toBe('close-invalid');
  });

  describe('active', () => {
    const active = (o: Partial<Clock> = {}) => clock({ status: 'active', since: '2027-01-04', end: '2027-04-04', checkin: '2027-01-04', ...o });
    test('a check-in reminder after each 30 quiet days, once each', () => {
      expect(on(active(), '2027-02-02')).toBeUndefined();
      expect(on(active(), '2027-02-03')).toBe('checkin-1');
      expect(on(active({ sent: ['checkin-1'] }), '2027-02-03')).toBeUndefined();
      expect(on(active({ sent: ['checkin-1'] }), '2027-03-04')).toBeUndefined();
      expect(on(active({ sent: ['checkin-1'] }), '2027-03-05')).toBe('checkin-2');
      // A sweep missed on day 30 does not send checkin-1 late on day 60.
      expect(on(active(), '2027-03-05')).toBe('checkin-2');
    });
    test('a check-in starts the count again', () => {
      const long = active({ end: '2027-07-04', checkin: '2027-03-10' });
      expect(on(long, '2027-04-04')).toBeUndefined();
      expect(on(long, '2027-04-08')).toBeUndefined();
      expect(on(long, '2027-04-09')).toBe('checkin-1');
    });
    test('the term ends on its end date, not the day before', () => {
      expect(on(active({ sent: ['checkin-1', 'checkin-2'] }), '2027-04-03')).toBeUndefined();
      expect(on(active({ sent: ['checkin-1', 'checkin-2'] }), '2027-04-04')).toBe('complete');
      // Due even when a check-in reminder is too: the end comes first.
      expect(on(active(), '2027-04-04')).toBe('complete');
      expect(on(active(), '2027-05-01')).toBe('complete');
    });
    test('a notice ends it on the notice’s date, before the term', () => {
      const ending = active({ ending: '2027-03-03', checkin: '2027-02-20' });
      expect(on(ending, '2027-03-02')).toBeUndefined();
      expect(on(ending, '2027-03-03')).toBe('end');
      expect(on(ending, '2027-04-04')).toBe('end');
      // Notice that runs to the term's last day: the term is complete, nothing ended early.
      expect(on(active({ ending: '2027-04-04', checkin: '2027-03-20' }), '2027-04-04')).toBe('complete');
    });
  });

  test('the numbers come from program.yml', () => {
    const quick: Program = { ...program, limits: { ...program.limits, request_reminder_days: 2, request_last_notice_days: 4, request_expiry_days: 5, save_for_later_days: 10, save_notice_days: 3, invalid_close_days: 3, checkin_interval_days: 14 } };
    expect(on(pending(), '2027-01-06', quick)).toBe('reminder');
    expect(on(pending(['reminder']), '2027-01-08', quick)).toBe('last-notice');
    expect(on(pending(['reminder', 'last-notice']), '2027-01-09', quick)).toBe('expire');
    expect(on(clock({ status: 'saved', since: '2027-01-04' }), '2027-01-11', quick)).toBe('save-notice');
    expect(on(clock({ status: 'saved', since: '2027-01-04', sent: ['save-notice'] }), '2027-01-14', quick)).toBe('expire');
    expect(on(clock({ status: 'invalid', since: '2027-01-04' }), '2027-01-07', quick)).toBe('close-invalid');
    expect(on(clock({ status: 'active', since: '2027-01-04', end: '2027-04-04' }), '2027-01-18', quick)).toBe('checkin-1');
  });

  test.each(['declined', 'withdrawn', 'expired', 'completed', 'ended'] as const)('%s: nothing is ever due', (status) => {
    expect(on(clock({ status, since: '2020-01-01' }), '2027-01-04')).toBeUndefined();
  });
});

describe('believable: a copy the bot could have written by today', () => {
  const today = '2027-01-11';
  test.each([
    ['a fresh pending clock', clock({ status: 'pending', since: '2027-01-04' }), true],
    ['the reminder sent on day 7', clock({ status: 'pending', since: '2027-01-04', sent: ['reminder'] }), true],
    ['a first day in the future', clock({ status: 'pending', since: '2027-03-01' }), false],
    ['a reminder marked sent on day 6', clock({ status: 'pending', since: '2027-01-05', sent: ['reminder'] }), false],
    ['a last notice marked sent on day 7', clock({ status: 'pending', since: '2027-01-04', sent: ['reminder', 'last-notice'] }), false],
    ['a last notice sent on day 23', clock({ status: 'pending', since: '2026-12-19', sent: ['last-notice'] }), true],
    ['a save notice on day 23 after saving', clock({ status: 'saved', since: '2026-12-19', sent: ['save-notice'] }), true],
    ['a save notice on day 22', clock({ status: 'saved', since: '2026-12-20', sent: ['save-notice'] }), false],
    ['a notice of another status', clock({ status: 'saved', since: '2026-12-01', sent: ['reminder'] }), false],
    ['an unknown notice', clock({ status: 'pending', since: '2026-12-01', sent: ['thank-you'] }), false],
    ['an invalid clock', clock({ status: 'invalid', since: '2026-12-01' }), true],
    ['checkin-2 after 60 quiet days', clock({ status: 'active', since: '2026-11-12', end: '2027-02-12', checkin: '2026-11-12', sent: ['checkin-1', 'checkin-2'] }), true],
    ['checkin-2 after 59 quiet days', clock({ status: 'active', since: '2026-11-13', end: '2027-02-13', checkin: '2026-11-13', sent: ['checkin-2'] }), false],
    ['a check-in in the future', clock({ status: 'active', since: '2026-11-12', end: '2027-02-12', checkin: '2027-02-01' }), false],
    ['a term end far in the future', clock({ status: 'active', since: '2026-11-12', end: '2099-01-01', checkin: '2026-11-12' }), true],
  ])('%s: %s', (_, c, ok) => {
    expect(believable(c, program, today)).toBe(ok);
  });
});

// ── Records: the bot's own comments, which the sweep trusts ─────────────────────────────────────────────

const N = 5;
let nextId = 100;
const rec = (kind: string, key: string, createdAt: string, body?: string): BotRecord => ({ id: nextId++, kind, key, createdAt, ...(body ? { body } : {}) });
const issueOn = (createdAt = '2027-01-04T09:00:00Z') => ({ number: N, createdAt });

describe('trustedClock: the clock the bot’s own comments give', () => {
  test('pending: since the newest welcome or hand-over; notices of that phase only', () => {
    const records = [rec('welcome', `${N}.ada`, '2027-01-04T09:01:00Z'), rec('reminder', `${N}.2027-01-04`, '2027-01-11T05:23:00Z')];
    expect(trustedClock('pending', records, issueOn())).toEqual(clock({ status: 'pending', since: '2027-01-04', sent: ['reminder'] }));
    const handedOver = [...records, rec('last-notice', `${N}.2027-01-04`, '2027-01-27T05:23:00Z'), rec('handover', `${N}.bob.2027-01-04-expiry`, '2027-02-03T05:23:00Z')];
    expect(trustedClock('pending', handedOver, issueOn())).toEqual(clock({ status: 'pending', since: '2027-02-03' }));
    const reminded = [...handedOver, rec('reminder', `${N}.2027-02-03`, '2027-02-10T05:23:00Z')];
    expect(trustedClock('pending', reminded, issueOn())).toEqual(clock({ status: 'pending', since: '2027-02-03', sent: ['reminder'] }));
  });
  test('pending without records: the issue’s creation date (UTC)', () => {
    expect(trustedClock('pending', [], issueOn('2027-01-04T23:59:59Z'))).toEqual(clock({ status: 'pending', since: '2027-01-04' }));
    // A record without a time cannot date anything.
    expect(trustedClock('pending', [{ id: 1, kind: 'welcome', key: `${N}.ada` }], issueOn())).toEqual(clock({ status: 'pending', since: '2027-01-04' }));
  });
  test('the welcome’s UTC date is day 0, whatever the hour', () => {
    expect(trustedClock('pending', [rec('welcome', `${N}.ada`, '2027-01-05T00:01:00Z')], issueOn('2027-01-04T23:59:30Z'))?.since).toBe('2027-01-05');
  });
  test('saved: since the newest saved comment, with its save notice', () => {
    const records = [rec('welcome', `${N}.ada`, '2027-01-04T09:01:00Z'), rec('saved', `${N}.c7-0`, '2027-01-06T10:00:00Z'), rec('save-notice', `${N}.2027-01-06`, '2027-01-29T05:23:00Z')];
    expect(trustedClock('saved', records, issueOn())).toEqual(clock({ status: 'saved', since: '2027-01-06', sent: ['save-notice'] }));
  });
  test('invalid: since the problems comment was first posted (edits of it don’t count)', () => {
    expect(trustedClock('invalid', [rec('intake', `${N}`, '2027-01-04T09:01:00Z')], issueOn())).toEqual(clock({ status: 'invalid', since: '2027-01-04' }));
    expect(trustedClock('invalid', [], issueOn())).toEqual(clock({ status: 'invalid', since: '2027-01-04' }));
  });
  test('active: from the card, with the check-in reminders since the last check-in', () => {
    const s = { ...startPartnership({ mentor: 'ada', mentee: 'mia', by: 'ada', today: '2027-01-04', months: 3 }), checkins: [{ date: '2027-02-20', by: 'ada', note: '' }] };
    const records = [
      rec('accepted', `${N}.ada`, '2027-01-04T10:00:00Z', cardBody(s)),
      rec('checkin-reminder', `${N}.2027-01-04.1`, '2027-02-03T05:23:00Z'),
      rec('checkin-reminder', `${N}.2027-02-20.1`, '2027-03-22T05:23:00Z'),
    ];
    expect(trustedClock('active', records, issueOn())).toEqual(clock({ status: 'active', since: '2027-01-04', end: '2027-04-04', checkin: '2027-02-20', sent: ['checkin-1'] }));
    expect(trustedClock('active', records.slice(1), issueOn()), 'no card: nothing to time').toBeUndefined();
  });
  test('closed statuses have no clock', () => {
    expect(trustedClock('declined', [], issueOn())).toBeUndefined();
    expect(trustedClock('completed', [], issueOn())).toBeUndefined();
  });
});

// ── Partnerships ─────────────────────────────────────────────────────────────────────────────────────

const cardBody = (s: Partnership, p: Program = program) => `${marker('accepted', `${N}.${s.mentor}`)}\n${renderCard(p, [], s)}`;
const base = (o: Partial<Partnership> = {}): Partnership => ({ ...startPartnership({ mentor: 'ada', mentee: 'mia', by: 'ada', today: '2027-01-04', months: 3 }), ...o });

describe('the card', () => {
  test('term dates for every term of the program, counted in calendar months', () => {
    const ends = program.terms.map((months) => startPartnership({ mentor: 'ada', mentee: 'mia', by: 'ada', today: '2027-11-30', months }).end);
    expect(program.terms).toEqual([3, 6, 9, 12]);
    expect(ends).toEqual(['2028-02-29', '2028-05-30', '2028-08-30', '2028-11-30']);
    expect(longestTerm(program)).toBe(12);
    expect(longestTerm({ ...program, terms: [6, 24, 3] })).toBe(24);
  });

  test('renders term, agreement, goals and check-ins, and reads back exactly its data', () => {
    const s = base({ agreed: { mia: '2027-01-05' }, goals: [{ text: 'Submit the paper', by: 'mia', added: '2027-01-05', done: '2027-02-01' }, { text: 'Apply for jobs', by: 'ada', added: '2027-01-06' }], checkins: [{ date: '2027-01-20', by: 'ada', note: 'First meeting' }] });
    const body = renderCard(program, ['**Goals**: agree on goals.', '**Check-ins**: once a month.'], s);
    expect(body).toContain('**Term:** 3 months, from 2027-01-04 to 2027-04-04.');
    expect(body).toContain('- **Goals**: agree on goals.\n- **Check-ins**: once a month.');
    expect(body).toContain('- [x] @mia agreed on 2027-01-05\n- [ ] @ada');
    expect(body).toContain('1. [x] Submit the paper (done 2027-02-01)\n2. [ ] Apply for jobs');
    expect(body).toContain('- 2027-01-20, @ada: First meeting');
    expect(body).toContain('To end early:');
    expect(readPartnership(body)).toEqual(s);
    expect(body.trimEnd().split('\n').at(-1)).toMatch(/^<!-- mentorkit-partnership \{.*\} -->$/);
  });

  test('the partners’ words can’t forge the data or hide the card: a data block in a goal or note is shown, not read', () => {
    const forged = `<!-- mentorkit-partnership ${JSON.stringify({ ...base(), months: 12, end: '2028-01-04', complete: ['ada'] })} -->`;
    const s = base({ goals: [{ text: forged, by: 'mia', added: '2027-01-05' }], checkins: [{ date: '2027-01-06', by: 'mia', note: forged }], ending: { on: '2027-02-04', by: 'mia', reason: forged, given: '2027-01-05' } });
    const body = renderCard(program, [], s);
    expect(readPartnership(body)).toEqual(s);
    expect(body.match(/<!--/g), 'only the data block opens an HTML comment').toHaveLength(1);
    expect(body).toContain('1. [ ] &lt;!-- mentorkit-partnership {');
    // A card whose data is not the last line (someone else's text after it) is not a card.
    expect(readPartnership(`${body}\n\nP.S.`)).toBeUndefined();
  });

  test('closed, ending, extension and completion lines', () => {
    expect(renderCard(program, [], base({ closed: { as: 'completed', on: '2027-04-04' } }))).toContain('**Completed on 2027-04-04.**');
    expect(renderCard(program, [], base({ closed: { as: 'ended', on: '2027-03-03' } }))).not.toContain('To end early:');
    expect(renderCard(program, [], base({ ending: { on: '2027-03-03', by: 'mia', reason: '', given: '2027-02-01' } }))).toContain('**Ending early on 2027-03-03:** @mia gave notice on 2027-02-01.');
    expect(renderCard(program, [], base({ extend: { months: 3, by: 'ada', asked: '2027-02-01' } }))).toContain('**Extension asked:** @ada would like 3 months more; the other partner confirms with `/extend 3`.');
    expect(renderCard(program, [], base({ complete: ['mia'] }))).toContain('**Completion asked:** @mia considers the goals met');
  });

  test('readPartnership: nothing for no block, bad JSON or a bad schema', () => {
    expect(readPartnership(undefined)).toBeUndefined();
    expect(readPartnership('hello')).toBeUndefined();
    expect(readPartnership('<!-- mentorkit-partnership {nope} -->')).toBeUndefined();
    expect(readPartnership(`<!-- mentorkit-partnership ${JSON.stringify({ ...base(), months: 0 })} -->`)).toBeUndefined();
  });

  test('findCard: the bot’s acceptance comment on this issue, with data', () => {
    const card = rec('accepted', `${N}.ada`, '2027-01-04T10:00:00Z', cardBody(base()));
    expect(findCard([rec('welcome', `${N}.ada`, '2027-01-04T09:00:00Z'), card], N)?.record).toBe(card);
    expect(findCard([card], N + 1)).toBeUndefined();
    expect(findCard([rec('accepted', `${N}.ada`, '2027-01-04T10:00:00Z', 'no data')], N)).toBeUndefined();
  });

  test('agreement items: the ## headings of agreement.mdx with their first sentence, or program.yml’s list', () => {
    const items = agreementItems(program, AGREEMENT_MDX);
    const headings = [...AGREEMENT_MDX.matchAll(/^## +(.+)$/gm)].map((m) => m[1]!.trim());
    expect(items.map((i) => /^\*\*(.+?)\*\*/.exec(i)?.[1])).toEqual(headings);
    expect(items[0]).toBe('**Goals**: In the first meeting, the mentee and mentor agree two or three goals for the term and record them on the partnership issue.');
    expect(items.find((i) => i.startsWith('**Ending early**'))).toMatch(/^\*\*Ending early\*\*: Circumstances change\./);
    // A summary, not the page: never a whole section.
    for (const i of items) expect(i.length).toBeLessThan(300);
    expect(agreementItems({ ...program, agreement: ['Meet monthly.', 'Be kind.'] }, AGREEMENT_MDX)).toEqual(['Meet monthly.', 'Be kind.']);
    expect(agreementItems(program, undefined)).toEqual([]);
    expect(agreementItems(program, '---\ntitle: x\n---\n## Only a heading\n')).toEqual(['**Only a heading**']);
  });

  test('noticeEnd: notice_days from today, or the term’s end if sooner', () => {
    expect(noticeEnd(base(), program, '2027-02-01')).toBe('2027-03-03');
    expect(noticeEnd(base(), program, '2027-03-20')).toBe('2027-04-04');
    expect(noticeEnd(base(), { ...program, limits: { ...program.limits, notice_days: 7 } }, '2027-03-20')).toBe('2027-03-27');
  });

  test('partnershipClock: the check-in reminders since the last check-in only', () => {
    const s = base({ checkins: [{ date: '2027-02-20', by: 'mia', note: '' }], ending: { on: '2027-03-20', by: 'mia', reason: '', given: '2027-02-18' } });
    expect(lastCheckin(base())).toBe('2027-01-04');
    expect(lastCheckin(s)).toBe('2027-02-20');
    const records = [rec('checkin-reminder', `${N}.2027-01-04.1`, '2027-02-03T05:00:00Z'), rec('checkin-reminder', `${N}.2027-02-20.1`, '2027-03-22T05:00:00Z'), rec('checkin-reminder', `${N + 1}.2027-02-20.2`, '2027-03-22T05:00:00Z')];
    expect(partnershipClock(s, records, N)).toEqual({ v: 1, status: 'active', since: '2027-01-04', sent: ['checkin-1'], end: '2027-04-04', checkin: '2027-02-20', ending: '2027-03-20' });
  });
});

// ── Partnership commands ─────────────────────────────────────────────────────────────────────────────

interface Cmd {
  actor?: string;
  state?: Partnership;
  today?: string;
  via?: CommandInput['via'];
  records?: BotRecord[];
  p?: Program;
}
const refused = (why: string): Decision[] => [{ issue: N, addLabels: [], removeLabels: [], comments: [{ kind: 'refused', key: `${N}.x`, mode: 'once', body: why }], notes: [] }];
let commentId = 1000;
function cmd(name: CommandName, args = '', c: Cmd = {}): Decision[] {
  const s = c.state ?? base();
  const login = c.actor ?? 'mia';
  const p = c.p ?? program;
  const labels = ['request', 'status:active', `mentor:${s.mentor}`];
  return decidePartnershipCommand(
    {
      program: p,
      mentors: new Map(),
      today: c.today ?? '2027-02-01',
      issue: { number: N, author: s.mentee, state: 'open', labels, body: requestBody(p, { mentor: s.mentor, term: s.months }) },
      openRequests: [{ number: N, author: s.mentee, labels }],
      records: c.records ?? [rec('welcome', `${N}.${s.mentor}`, '2027-01-03T09:00:00Z'), rec('accepted', `${N}.${s.mentor}`, `${s.start}T10:00:00Z`, cardBody(s, p))],
      actor: { login, roles: rolesOf(login, { program: p, author: s.mentee, mentor: s.mentor }) },
      agreement: [],
      command: { name, args },
      via: c.via ?? { kind: 'comment', id: commentId++, index: 0 },
    },
    refused,
  );
}
/** The one decision, and the card's state after it. */
function after(ds: Decision[]) {
  expect(ds).toHaveLength(1);
  const d = ds[0]!;
  const card = d.comments.find((x) => x.kind === 'accepted');
  return { d, state: card ? readPartnership(card.body) : undefined, kinds: d.comments.map((x) => x.kind) };
}
const refusal = (ds: Decision[]) => {
  const { d, kinds } = after(ds);
  expect(kinds).toEqual(['refused']);
  expect(d.addLabels).toEqual([]);
  expect(d.close).toBeUndefined();
  return d.comments[0]!.body;
};

describe('/agree, /goal, /done, /checkin', () => {
  test('/agree ticks the partner’s box once', () => {
    const { state, d } = after(cmd('agree', '', { actor: 'Mia' }));
    expect(state!.agreed).toEqual({ mia: '2027-02-01' });
    expect(d.clock).toMatchObject({ status: 'active', since: '2027-01-04' });
    expect(refusal(cmd('agree', '', { state: base({ agreed: { mia: '2027-01-05' } }) }))).toBe('you already agreed on 2027-01-05.');
  });

  test('/goal adds a goal; empty, too long and one too many are refused', () => {
    expect(after(cmd('goal', 'Submit the paper')).state!.goals).toEqual([{ text: 'Submit the paper', by: 'mia', added: '2027-02-01' }]);
    expect(refusal(cmd('goal', ''))).toContain('`/goal` needs the goal itself');
    expect(after(cmd('goal', 'x'.repeat(200))).state!.goals).toHaveLength(1);
    expect(refusal(cmd('goal', 'x'.repeat(201)))).toBe('a goal can be at most 200 characters (this one has 201). Shorten it, or split it into two goals.');
    const full = base({ goals: Array.from({ length: 20 }, (_, i) => ({ text: `goal ${i}`, by: 'mia', added: '2027-01-05' })) });
    expect(refusal(cmd('goal', 'one more', { state: full }))).toContain('the plan already has 20 goals');
  });

  test('/done ticks a goal by number; every mistake is refused with what to do', () => {
    const two = base({ goals: [{ text: 'A', by: 'mia', added: '2027-01-05' }, { text: 'B', by: 'ada', added: '2027-01-05', done: '2027-01-20' }] });
    expect(after(cmd('done', '1', { state: two, actor: 'ada' })).state!.goals[0]!.done).toBe('2027-02-01');
    expect(after(cmd('done', '#1', { state: two })).state!.goals[0]!.done).toBe('2027-02-01');
    expect(refusal(cmd('done', '1'))).toBe('there are no goals on the card yet. Add one with `/goal <text>`.');
    expect(refusal(cmd('done', '', { state: two }))).toBe('`/done` needs the number of a goal on the card, from 1 to 2, like `/done 1`.');
    expect(refusal(cmd('done', '3', { state: two }))).toBe('`/done` needs the number of a goal on the card, from 1 to 2, like `/done 1` (“3” is not one).');
    expect(refusal(cmd('done', '0', { state: two }))).toContain('(“0” is not one)');
    expect(refusal(cmd('done', 'A', { state: two }))).toContain('(“A” is not one)');
    expect(refusal(cmd('done', '1.5', { state: two }))).toContain('(“1.5” is not one)');
    expect(refusal(cmd('done', '2', { state: two }))).toBe('goal 2 was already ticked on 2027-01-20.');
  });

  test('/checkin records the day and a short note, and the reminder count starts again', () => {
    const records = [rec('accepted', `${N}.ada`, '2027-01-04T10:00:00Z', cardBody(base())), rec('checkin-reminder', `${N}.2027-01-04.1`, '2027-02-03T05:23:00Z')];
    const { state, d } = after(cmd('checkin', `Met. ${'x'.repeat(300)}`, { today: '2027-02-10', records, actor: 'ada' }));
    expect(state!.checkins).toEqual([{ date: '2027-02-10', by: 'ada', note: `Met. ${'x'.repeat(195)}` }]);
    expect(d.clock).toEqual({ v: 1, status: 'active', since: '2027-01-04', sent: [], end: '2027-04-04', checkin: '2027-02-10' });
    expect(after(cmd('checkin', '', { actor: CHAIR })).state!.checkins).toEqual([{ date: '2027-02-01', by: CHAIR, note: '' }]);
  });
});

describe('/end', () => {
  test('gives notice: the date, the ending label, a word to the other partner, the clock', () => {
    const { state, d, kinds } = after(cmd('end', 'Changed jobs'));
    expect(state!.ending).toEqual({ on: '2027-03-03', by: 'mia', reason: 'Changed jobs', given: '2027-02-01' });
    expect(d.addLabels).toEqual(['ending']);
    expect(kinds).toEqual(['ending', 'accepted']);
    expect(d.comments[0]!.body).toBe('@ada, @mia gave notice to end this partnership early (“Changed jobs”). It ends on **2027-03-03**. If you both agree to stop sooner, reply `/end` too and it ends today.');
    expect(d.clock).toMatchObject({ ending: '2027-03-03', end: '2027-04-04' });
    expect(d.close).toBeUndefined();
  });
  test('near the term’s end, the notice runs to the end', () => {
    expect(after(cmd('end', '', { today: '2027-03-20' })).state!.ending!.on).toBe('2027-04-04');
  });
  test('a maintainer’s notice is told to both', () => {
    expect(after(cmd('end', '', { actor: CHAIR })).d.comments[0]!.body).toMatch(/^@mia, @ada, @program-chair gave notice/);
  });
  test('the same partner twice is refused; the other partner ends it at once', () => {
    const noticed = base({ ending: { on: '2027-03-03', by: 'mia', reason: '', given: '2027-02-01' } });
    expect(refusal(cmd('end', '', { state: noticed, today: '2027-02-02' }))).toBe('you already gave notice on 2027-02-01: the partnership ends on 2027-03-03.');
    const { d, state } = after(cmd('end', '', { state: noticed, actor: 'ada', today: '2027-02-02' }));
    expect(state!.closed).toEqual({ as: 'ended', on: '2027-02-02' });
    expect(d.addLabels).toEqual(['status:ended']);
    expect(d.removeLabels).toContain('ending');
    expect(d.removeLabels).toContain('status:active');
    expect(d.close).toEqual({ reason: 'completed' });
    expect(d.comments.find((c) => c.kind === 'ended')!.body).toContain('your partnership has ended: both of you agreed to end it early (@mia gave notice, @ada agreed).');
  });
});

describe('/complete', () => {
  test('one partner asks and it waits; twice is refused; the other partner completes it', () => {
    const { state, kinds, d } = after(cmd('complete'));
    expect(state!.complete).toEqual(['mia']);
    expect(kinds).toEqual(['complete-asked', 'accepted']);
    expect(d.close).toBeUndefined();
    const asked = base({ complete: ['mia'] });
    expect(refusal(cmd('complete', '', { state: asked }))).toBe('you already marked it complete; it ends when @ada does too.');
    const done = after(cmd('complete', '', { state: asked, actor: 'ada' }));
    expect(done.state!.closed).toEqual({ as: 'completed', on: '2027-02-01' });
    expect(done.d.addLabels).toEqual(['status:completed']);
    expect(done.d.close).toEqual({ reason: 'completed' });
  });
  test('a maintainer alone completes it at once', () => {
    const { state, d } = after(cmd('complete', '', { actor: CHAIR }));
    expect(state!.closed).toEqual({ as: 'completed', on: '2027-02-01' });
    expect(d.comments.find((c) => c.kind === 'completed')!.body).toContain(`@${CHAIR} (a maintainer) marked it complete`);
  });
});

describe('/extend', () => {
  test('needs a number of months', () => {
    expect(refusal(cmd('extend', ''))).toBe('`/extend` needs a number of months, like `/extend 3`.');
    expect(refusal(cmd('extend', 'a bit'))).toBe('`/extend` needs a number of months, like `/extend 3` (“a bit” is not one).');
    expect(refusal(cmd('extend', '0'))).toContain('(“0” is not one)');
    expect(refusal(cmd('extend', '-3'))).toContain('(“-3” is not one)');
    expect(after(cmd('extend', '3 months')).state!.extend).toEqual({ months: 3, by: 'mia', asked: '2027-02-01' });
    expect(after(cmd('extend', '1 month')).state!.extend).toEqual({ months: 1, by: 'mia', asked: '2027-02-01' });
  });
  test('both partners, the same months: the term grows from its start', () => {
    const asked = base({ start: '2027-01-31', end: '2027-04-30', extend: { months: 3, by: 'mia', asked: '2027-02-01' } });
    const { state, kinds, d } = after(cmd('extend', '3', { state: asked, actor: 'ada' }));
    expect(state).toMatchObject({ months: 6, end: '2027-07-31' });
    expect(state!.extend).toBeUndefined();
    expect(kinds).toEqual(['extended', 'accepted']);
    expect(d.comments[0]!.body).toBe('@mia and @ada, the partnership is extended by 3 months: the term now ends on **2027-07-31**.');
    expect(d.clock).toMatchObject({ end: '2027-07-31' });
  });
  test('different months, or the same partner again, is a new ask', () => {
    const asked = base({ extend: { months: 3, by: 'mia', asked: '2027-02-01' } });
    expect(after(cmd('extend', '6', { state: asked, actor: 'ada' })).state).toMatchObject({ months: 3, extend: { months: 6, by: 'ada' } });
    expect(after(cmd('extend', '3', { state: asked })).state).toMatchObject({ months: 3, extend: { months: 3, by: 'mia' } });
  });
  test('up to the longest term in all, and no further', () => {
    expect(after(cmd('extend', '9', { actor: CHAIR })).state).toMatchObject({ months: 12, end: '2028-01-04' });
    expect(refusal(cmd('extend', '10', { actor: CHAIR }))).toBe('the longest term in this program is 12 months, and this partnership already runs 3 months, so it can be extended by at most 9 months.');
    expect(refusal(cmd('extend', '1', { state: base({ months: 12, end: '2028-01-04' }) }))).toBe('the longest term in this program is 12 months, and this partnership already runs 12 months.');
    expect(after(cmd('extend', '21', { actor: CHAIR, p: { ...program, terms: [3, 24] } })).state).toMatchObject({ months: 24 });
  });
  test('refused during a notice period', () => {
    expect(refusal(cmd('extend', '3', { state: base({ ending: { on: '2027-03-03', by: 'ada', reason: '', given: '2027-02-01' } }) }))).toContain('notice to end was given on 2027-02-01, so the term can’t be extended.');
  });
});

describe('the same command again', () => {
  const via = { kind: 'comment', id: 4242, index: 1 } as const;
  test('a command already on the card changes nothing and says nothing', () => {
    const first = after(cmd('goal', 'Ship it', { via })).state!;
    expect(first.handled).toEqual(['c4242-1']);
    const again = after(cmd('goal', 'Ship it', { via, state: first }));
    expect(again.kinds).toEqual([]);
    expect(again.d.addLabels).toEqual([]);
    expect(again.d.clock).toMatchObject({ status: 'active' });
    // The ending label a stopped run left off is put back.
    const noticed = after(cmd('end', '', { via })).state!;
    expect(after(cmd('end', '', { via, state: noticed })).d.addLabels).toEqual(['ending']);
  });
  test('a refused command is not recorded as handled', () => {
    const { d } = after(cmd('done', '1', { via }));
    expect(d.comments.map((c) => c.kind)).toEqual(['refused']);
    expect(base().handled).toEqual([]);
  });
  test('a card that says closed on an open issue is closed, on the day it says', () => {
    const closed = base({ closed: { as: 'completed', on: '2027-02-01' }, handled: ['c1-0'] });
    const { d, state } = after(cmd('checkin', 'hello', { state: closed, today: '2027-02-05' }));
    expect(state!.closed).toEqual({ as: 'completed', on: '2027-02-01' });
    expect(state!.checkins).toEqual([]);
    expect(d.addLabels).toEqual(['status:completed']);
    expect(d.close).toEqual({ reason: 'completed' });
  });
});

describe('closing', () => {
  const input = (p: Program, records: BotRecord[] = []) => ({ program: p, agreement: [], records, today: '2027-04-04', issue: { number: N } });
  const card = rec('accepted', `${N}.ada`, '2027-01-04T10:00:00Z', cardBody(base()));

  test('thanks both, with the private feedback link when program.yml has one', () => {
    const [d] = closePartnership(input(withFeedback), card, base(), 'completed', 'the 3-month term ended on 2027-04-04');
    const thanks = d!.comments.find((c) => c.kind === 'completed')!.body;
    expect(thanks).toBe(
      [
        '@mia and @ada, your partnership is complete: the 3-month term ended on 2027-04-04. Thank you both for the time and care you gave it since 2027-01-04.',
        '',
        `The program committee would like to hear how it went, from each of you separately: [give feedback privately](${URL}). It is not shared with your partner, and this public thread is not the place for it.`,
        '',
        'You are welcome to file a new request in the directory whenever you are ready.',
      ].join('\n'),
    );
  });
  test('without feedback_url, no word of feedback at all', () => {
    const text = closingComment(program, base(), 'ended', 'the notice ran out');
    expect(text).not.toMatch(/feedback/i);
    expect(text).toContain('your partnership has ended: the notice ran out.');
  });
  test('labels, state and the card’s last edit; the sweep’s close is keyed by the issue, a command’s by the command', () => {
    const [d] = closePartnership(input(program), card, base({ extend: { months: 3, by: 'mia', asked: '2027-02-01' } }), 'completed', 'why');
    expect(d!.addLabels).toEqual(['status:completed']);
    expect(d!.removeLabels).toEqual(expect.arrayContaining(['status:active', 'status:pending', 'ending']));
    expect(d!.removeLabels).not.toContain('status:completed');
    expect(d!.close).toEqual({ reason: 'completed' });
    expect(d!.comments.map((c) => `${c.kind}:${c.key}:${c.mode}`)).toEqual([`completed:${N}:once`, `accepted:${N}.ada:upsert`]);
    const s = readPartnership(d!.comments[1]!.body)!;
    expect(s.closed).toEqual({ as: 'completed', on: '2027-04-04' });
    expect(s.extend).toBeUndefined();
    const [byCommand] = closePartnership(input(program), card, base(), 'ended', 'why', 'c77-0');
    expect(byCommand!.comments[0]!.key).toBe(`${N}.c77-0`);
    // A close an earlier run began reuses that comment, so there is only ever one.
    const [again] = closePartnership(input(program, [rec('ended', `${N}.c77-0`, '2027-04-04T06:00:00Z')]), card, base(), 'ended', 'why');
    expect(again!.comments[0]!.key).toBe(`${N}.c77-0`);
  });
});

// ── The sweep's decision for one request ─────────────────────────────────────────────────────────────

const schema = makeProfileSchema(program);
const profile = (login: string, topics: string[]): Profile => schema.parse({ ...validProfile(), github: login, name: login, topics, availability: { status: 'open', capacity: 2 } });
const mentors = new Map<string, Profile>([
  ['ada', profile('ada', ['research-software'])],
  ['bob', profile('bob', ['research-software'])],
  ['cy', profile('cy', ['research-software', 'open-source'])],
]);

function sweep(status: string, records: BotRecord[], today: string, o: { alternates?: string[]; p?: Program; body?: string } = {}): Decision[] {
  const labels = ['request', `status:${status}`, 'mentor:ada'];
  const input: SweepInput = {
    program: o.p ?? program,
    mentors,
    today,
    issue: { number: N, author: 'mia', labels, body: o.body ?? requestBody(program, { mentor: 'ada', term: 3, areas: ['research-software'], alternates: o.alternates ?? [] }), createdAt: '2027-01-04T09:00:00Z' },
    openRequests: [{ number: N, author: 'mia', labels }],
    records,
    agreement: [],
  };
  return decideSweep(input);
}
const welcome = rec('welcome', `${N}.ada`, '2027-01-04T09:01:00Z');

describe('decideSweep', () => {
  test('the reminder, keyed by the phase, with the clock that records it', () => {
    const [d] = sweep('pending', [welcome], '2027-01-11');
    expect(d!.comments.map((c) => `${c.kind}:${c.key}:${c.mode}`)).toEqual([`reminder:${N}.2027-01-04:once`]);
    expect(d!.comments[0]!.body).toBe('@ada, a gentle reminder: @mia asked you 7 days ago to be their mentor. Please answer with `/accept`, `/decline [reason]` or `/later`. Without an answer the request expires on 2027-02-03.');
    expect(d!.clock).toEqual(clock({ status: 'pending', since: '2027-01-04', sent: ['reminder'] }));
    // Once posted, the same day again decides nothing new.
    const [again] = sweep('pending', [welcome, rec('reminder', `${N}.2027-01-04`, '2027-01-11T05:23:00Z')], '2027-01-11');
    expect(again!.comments).toEqual([]);
    expect(again!.clock).toEqual(clock({ status: 'pending', since: '2027-01-04', sent: ['reminder'] }));
  });
  test('judged by the records, not by the clock in the body: a body that says it expires today does not expire it', () => {
    const tampered = withClock(requestBody(program, { mentor: 'ada', term: 3 }), clock({ status: 'pending', since: '2026-11-01' }));
    const [d] = sweep('pending', [welcome], '2027-01-08', { body: tampered });
    expect(d!.comments).toEqual([]);
    expect(d!.close).toBeUndefined();
    expect(d!.clock).toEqual(clock({ status: 'pending', since: '2027-01-04' }));
  });
  test('the last notice names the next alternate who could take it', () => {
    const [d] = sweep('pending', [welcome, rec('reminder', `${N}.2027-01-04`, '2027-01-11T05:23:00Z')], '2027-01-27', { alternates: ['bob'] });
    expect(d!.comments[0]!.body).toContain('If there is none by **2027-02-03**, it moves on to @bob, the next mentor @mia named.');
    const [none] = sweep('pending', [welcome], '2027-01-27');
    expect(none!.comments[0]!.body).toContain('If there is none by **2027-02-03**, it closes, and @mia gets suggestions for other mentors.');
  });
  test('expiry hands over to the next alternate, clock restarting; without one it closes as expired with suggestions', () => {
    const [moved] = sweep('pending', [welcome], '2027-02-03', { alternates: ['bob'] });
    expect(moved!.addLabels).toEqual(['mentor:bob', 'status:pending']);
    expect(moved!.comments[0]!.kind).toBe('handover');
    expect(moved!.comments[0]!.key).toBe(`${N}.bob.2027-01-04-expiry`);
    expect(moved!.clock).toEqual(clock({ status: 'pending', since: '2027-02-03' }));
    const [closed] = sweep('pending', [welcome], '2027-02-03');
    expect(closed!.addLabels).toEqual(['status:expired']);
    expect(closed!.close).toEqual({ reason: 'not_planned' });
    expect(closed!.comments[0]!.body).toContain('@ada did not answer within 30 days.');
    expect(closed!.comments[0]!.body).toMatch(/mentors\/(bob|cy)\//);
  });
  test('saved: the notice, then expiry that says when it was saved', () => {
    const saved = [welcome, rec('saved', `${N}.c9-0`, '2027-01-06T12:00:00Z')];
    const [notice] = sweep('saved', saved, '2027-01-29');
    expect(notice!.comments[0]!.body).toBe('@ada and @mia, this request was saved for later on 2027-01-06 and expires on **2027-02-05**. @ada, please `/accept` or `/decline` it before then.');
    const [expired] = sweep('saved', saved, '2027-02-05');
    expect(expired!.comments[0]!.body).toContain('@ada saved this request on 2027-01-06 but did not answer within 30 days.');
    expect(expired!.addLabels).toEqual(['status:expired']);
  });
  test('invalid for 30 days: closed as expired with a friendly note', () => {
    const [d] = sweep('invalid', [rec('intake', `${N}`, '2027-01-04T09:01:00Z')], '2027-02-03');
    expect(d!.comments.map((c) => c.kind)).toEqual(['closed-invalid']);
    expect(d!.comments[0]!.body).toContain('still had problems to fix after 30 days');
    expect(d!.addLabels).toEqual(['status:expired']);
    expect(d!.removeLabels).toEqual(expect.arrayContaining(['status:invalid', 'mentor:ada']));
    expect(d!.close).toEqual({ reason: 'not_planned' });
  });
  test('a partnership: the check-in reminder, then the term’s end with the program’s feedback link', () => {
    const card = rec('accepted', `${N}.ada`, '2027-01-04T10:00:00Z', cardBody(base()));
    const [reminder] = sweep('active', [welcome, card], '2027-02-03');
    expect(reminder!.comments.map((c) => `${c.kind}:${c.key}`)).toEqual([`checkin-reminder:${N}.2027-01-04.1`]);
    expect(reminder!.comments[0]!.body).toBe('@mia and @ada, it has been 30 days since the partnership started (2027-01-04) and there is no check-in yet. When you have met, record it with `/checkin [short note]`; if the partnership has run its course, `/complete` or `/end` closes it.');
    const [end] = sweep('active', [welcome, card], '2027-04-04', { p: withFeedback });
    expect(end!.addLabels).toEqual(['status:completed']);
    expect(end!.comments.find((c) => c.kind === 'completed')!.body).toContain(`the 3-month term ended on 2027-04-04.`);
    expect(end!.comments.find((c) => c.kind === 'completed')!.body).toContain(`(${URL})`);
    const [ended] = sweep('active', [welcome, rec('accepted', `${N}.ada`, '2027-01-04T10:00:00Z', cardBody(base({ ending: { on: '2027-03-03', by: 'ada', reason: '', given: '2027-02-01' } })))], '2027-03-03');
    expect(ended!.addLabels).toEqual(['status:ended']);
    expect(ended!.comments.find((c) => c.kind === 'ended')!.body).toContain('the notice @ada gave on 2027-02-01 ran out on 2027-03-03.');
    expect(ended!.comments.find((c) => c.kind === 'ended')!.body).not.toMatch(/feedback/i);
  });
  test('an active request without its card: nothing to time, and a note saying so', () => {
    const [d] = sweep('active', [welcome], '2027-04-04');
    expect(d!.comments).toEqual([]);
    expect(d!.clock).toBeUndefined();
    expect(d!.notes[0]).toContain('partnership card is missing');
  });
});
