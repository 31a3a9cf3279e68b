import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseCommands } from '../../src/core/command-parser.ts';
import { readMarker } from '../../src/core/decision.ts';
import {
  afterChange,
  branchFor,
  decideCheckinComment,
  decideSweep,
  dueOn,
  editProfile,
  type Checkin,
  type SweepInput,
} from '../../src/core/freshness.ts';
import { daysBetween, plusDays } from '../../src/core/clock.ts';
import { makeProfileSchema, type Profile } from '../../src/core/profile.ts';
import { programSchema, type Program } from '../../src/core/program.ts';
import { profileFile, repoProgram, validProfile } from '../support/profiles.ts';

const program: Program = programSchema.parse({ ...structuredClone(repoProgram), limits: { ...repoProgram.limits, freshness_days: 180, freshness_answer_days: 14 } });
const schema = makeProfileSchema(program);
const ADA = 'ada-example';
function profile(over: Record<string, unknown> = {}): Profile {
  return schema.parse({ ...validProfile(), availability: { status: 'open', capacity: 2 }, ...over });
}
const mentorsOf = (...ps: Profile[]) => new Map(ps.map((p) => [p.github.toLowerCase(), p]));
function sweep(over: Partial<SweepInput> & { today: string }) {
  const mentors = over.mentors ?? mentorsOf(profile({ last_confirmed: '2027-09-01' }));
  return decideSweep({ program, mentors, profileFiles: [...mentors.keys()], checkins: [], ...over });
}
const checkin = (over: Partial<Checkin> = {}): Checkin => ({ number: 7, mentor: ADA, state: 'open', opened: '2028-02-28', ...over });

describe('days in UTC', () => {
  test('across a month end, a year end and a leap day', () => {
    expect(plusDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(plusDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(plusDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2027-02-01', '2027-03-01')).toBe(28);
    // Across the European and American daylight-saving changes: still whole days.
    expect(daysBetween('2027-03-01', '2027-04-01')).toBe(31);
    expect(plusDays('2027-10-30', 2)).toBe('2027-11-01');
  });

  test('a profile confirmed on 2027-09-01 is due exactly on 2028-02-28 (180 days), not a day earlier', () => {
    expect(dueOn(program, '2027-09-01')).toBe('2028-02-28');
    expect(sweep({ today: '2028-02-27' }).open).toEqual([]);
    expect(sweep({ today: '2028-02-28' }).open.map((c) => c.mentor)).toEqual([ADA]);
    // Crossing the leap day: confirmed 2027-09-02 is due on the 29th, which 2028 has.
    expect(dueOn(program, '2027-09-02')).toBe('2028-02-29');
    expect(dueOn(program, '2027-09-03')).toBe('2028-03-01');
  });

  test('the answer period: a check-in opened 2028-02-28 times out on 2028-03-13 (14 days)', () => {
    const input = { checkins: [checkin()] };
    const waiting = sweep({ ...input, today: '2028-03-12' }).pending;
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.silence).toBeUndefined();
    expect(sweep({ ...input, today: '2028-03-12' }).notes).toEqual(['#7: waiting for @ada-example until 2028-03-13.']);
    expect(sweep({ ...input, today: '2028-03-13' }).pending[0]!.silence).toBeDefined();
  });
});

describe('the sweep', () => {
  test('a stale profile gets one check-in that mentions the mentor, carries a marker and the labels', () => {
    const plan = sweep({ today: '2028-03-01' });
    expect(plan.open).toHaveLength(1);
    const c = plan.open[0]!;
    expect(c.title).toBe('Are you still mentoring? (@ada-example)');
    expect(c.labels).toEqual(['freshness', 'mentor:ada-example']);
    expect(readMarker(c.body)).toEqual({ kind: 'checkin', key: 'ada-example' });
    expect(c.body).toContain('@ada-example, your mentor profile');
    expect(c.body).toContain('last confirmed on 2027-09-01');
    expect(c.body).toContain('`/confirm`');
    expect(c.body).toContain('`/pause`');
    expect(c.body).toContain('Without an answer by 2028-03-15');
    expect(plan.pending).toEqual([]);
    expect(plan.decisions).toEqual([]);
  });

  test('no second check-in while one is open; none for a fresh or a paused profile', () => {
    expect(sweep({ today: '2028-03-01', checkins: [checkin({ opened: '2028-03-01' })] }).open).toEqual([]);
    expect(sweep({ today: '2028-03-01', mentors: mentorsOf(profile({ last_confirmed: '2028-01-01' })) }).open).toEqual([]);
    expect(sweep({ today: '2028-03-01', mentors: mentorsOf(profile({ last_confirmed: '2020-01-01', availability: { status: 'paused', capacity: 1 } })) }).open).toEqual([]);
  });

  test('after a closed check-in the next one comes a full period later, even if its pull request was never merged', () => {
    const checkins = [checkin({ state: 'closed', opened: '2028-02-28' })];
    expect(sweep({ today: '2028-08-25', checkins }).open).toEqual([]);
    expect(sweep({ today: '2028-08-26', checkins }).open.map((c) => c.mentor)).toEqual([ADA]);
  });

  test('silence: a pause change on the check-in’s own branch, with the answers’ branches to look for first', () => {
    const [t] = sweep({ today: '2028-03-20', checkins: [checkin()] }).pending;
    expect(t!.silence).toMatchObject({
      action: 'pause',
      mentor: ADA,
      checkin: 7,
      path: 'content/mentors/ada-example.md',
      branch: 'mentorkit/pause-ada-example-2028-02-28',
      field: 'availability.status',
      value: 'paused',
    });
    expect(t!.silence!.by).toBeUndefined();
    expect(t!.silence!.body).toContain('did not answer the check-in opened on 2028-02-28 within 14 days');
    // An answer cut short is finished instead: the same branches a /confirm or /pause on this check-in uses.
    expect(t!.answers.confirm).toMatchObject({ branch: branchFor('confirm', ADA, '2028-02-28'), by: ADA, value: '2028-03-20' });
    expect(t!.answers.pause.branch).toBe(t!.silence!.branch);
  });

  test('an open check-in ends without a pull request when the profile was confirmed, paused or removed meanwhile', () => {
    const confirmed = sweep({ today: '2028-03-20', checkins: [checkin()], mentors: mentorsOf(profile({ last_confirmed: '2028-03-02' })) });
    expect(confirmed.decisions).toMatchObject([{ issue: 7, close: { reason: 'completed' } }]);
    expect(confirmed.decisions[0]!.comments[0]!.body).toContain('confirmed on 2028-03-02');
    expect(confirmed.pending).toEqual([]);

    const paused = sweep({ today: '2028-03-20', checkins: [checkin()], mentors: mentorsOf(profile({ last_confirmed: '2027-09-01', availability: { status: 'paused', capacity: 1 } })) });
    expect(paused.decisions).toMatchObject([{ issue: 7, close: { reason: 'completed' } }]);

    const removed = decideSweep({ program, mentors: new Map(), profileFiles: [], checkins: [checkin()], today: '2028-03-20' });
    expect(removed.decisions).toMatchObject([{ issue: 7, close: { reason: 'not_planned' } }]);

    // A file that fails validation is still a profile: it is not closed, and not paused by a pull request either.
    const broken = decideSweep({ program, mentors: new Map(), profileFiles: [ADA], checkins: [checkin()], today: '2028-03-20' });
    expect(broken.decisions).toEqual([]);
    expect(broken.pending).toEqual([]);
    expect(broken.open).toEqual([]);
  });

  test('a second open check-in for the same mentor is closed in favour of the first', () => {
    const plan = sweep({ today: '2028-03-01', checkins: [checkin({ number: 9, opened: '2028-03-01' }), checkin({ number: 7, opened: '2028-02-28' })] });
    expect(plan.decisions).toMatchObject([{ issue: 9, close: { reason: 'not_planned' } }]);
    expect(plan.decisions[0]!.comments[0]!.body).toContain('#7');
    expect(plan.open).toEqual([]);
  });
});

describe('answers on a check-in', () => {
  const answer = (actor: string, text: string, over: Partial<Parameters<typeof decideCheckinComment>[0]> = {}) =>
    decideCheckinComment({ program, checkin: checkin(), profile: profile({ last_confirmed: '2027-09-01' }), actor, commands: parseCommands(text), commentId: 501, today: '2028-03-02', ...over });

  test('/confirm by the mentor: last_confirmed set to today on the confirm branch', () => {
    const plan = answer('Ada-Example', '/confirm');
    expect(plan.decisions).toEqual([]);
    expect(plan.change).toMatchObject({
      action: 'confirm',
      by: 'Ada-Example',
      field: 'last_confirmed',
      value: '2028-03-02',
      branch: 'mentorkit/confirm-ada-example-2028-02-28',
      title: "Confirm @ada-example's mentor profile (last_confirmed: 2028-03-02)",
    });
    expect(plan.change!.body).toContain('sets `last_confirmed: 2028-03-02` in `content/mentors/ada-example.md`; nothing else in the file changes');
    expect(plan.change!.body).toContain('close and reopen this pull request');
  });

  test('/pause by a maintainer, for the mentor', () => {
    const plan = answer('program-chair', 'Taking this one:\n\n/pause');
    expect(plan.change).toMatchObject({ action: 'pause', by: 'program-chair', field: 'availability.status', value: 'paused', branch: 'mentorkit/pause-ada-example-2028-02-28' });
    expect(plan.change!.body).toContain('@program-chair (a program maintainer, for @ada-example) asked on 2028-03-02 to pause');
  });

  test('anyone else is refused, saying who may answer; nothing changes', () => {
    const plan = answer('otto-other', '/confirm');
    expect(plan.change).toBeUndefined();
    expect(plan.decisions).toHaveLength(1);
    expect(plan.decisions[0]!.close).toBeUndefined();
    expect(plan.decisions[0]!.comments).toEqual([
      {
        kind: 'refused',
        key: '7.c501-0',
        mode: 'once',
        body: '@otto-other, I can’t do `/confirm` here: only @ada-example or a program maintainer can answer this check-in. Nothing was changed.',
      },
    ]);
  });

  test('unknown commands get one help reply: the two answers for those who may give them, who may for others', () => {
    const mentor = answer(ADA, '/accept\n/yes');
    expect(mentor.change).toBeUndefined();
    expect(mentor.decisions).toHaveLength(1);
    const help = mentor.decisions[0]!.comments[0]!;
    expect(help).toMatchObject({ kind: 'help', key: '7.c501', mode: 'once' });
    expect(help.body).toContain('I don’t know the commands `/accept`, `/yes`.');
    expect(help.body).toContain('- `/confirm`:');
    expect(help.body).toContain('- `/pause`:');
    const other = answer('otto-other', '/hello').decisions[0]!.comments[0]!.body;
    expect(other).not.toContain('- `/confirm`');
    expect(other).toContain('Commands here are for @ada-example and the program maintainers.');
  });

  test('the first answer in a comment decides; a closed check-in reads no commands; code blocks don’t count', () => {
    expect(answer(ADA, '/pause\n/confirm').change!.action).toBe('pause');
    const closed = answer(ADA, '/confirm', { checkin: checkin({ state: 'closed' }) });
    expect(closed.change).toBeUndefined();
    expect(closed.decisions).toEqual([]);
    expect(answer(ADA, '```\n/confirm\n```').change).toBeUndefined();
  });

  test('without a valid profile the answer is refused with the reason', () => {
    const plan = answer(ADA, '/confirm', { profile: undefined });
    expect(plan.change).toBeUndefined();
    expect(plan.decisions[0]!.comments[0]!.body).toContain('is missing or does not pass validation');
  });
});

describe('after the pull request', () => {
  const confirm = decideCheckinComment({ program, checkin: checkin(), profile: profile(), actor: ADA, commands: parseCommands('/confirm'), commentId: 1, today: '2028-03-02' }).change!;
  const pull = { kind: 'pull' as const, number: 12, url: 'https://github.com/o/r/pull/12', existed: false };

  test('an answer: the link, closed as completed', () => {
    const d = afterChange(confirm, pull);
    expect(d).toMatchObject({ issue: 7, close: { reason: 'completed' }, addLabels: [], removeLabels: [] });
    expect(d.comments).toHaveLength(1);
    expect(d.comments[0]).toMatchObject({ kind: 'freshness', key: 'answer', mode: 'once' });
    expect(d.comments[0]!.body).toContain('@ada-example, thank you for answering. I opened [#12](https://github.com/o/r/pull/12)');
  });

  test('silence: closed as not planned; nothing to change: closed without a link', () => {
    const [t] = sweep({ today: '2028-03-20', checkins: [checkin()] }).pending;
    const d = afterChange(t!.silence!, pull);
    expect(d.close).toEqual({ reason: 'not_planned' });
    expect(d.comments[0]!.body).toContain('I haven’t heard from you since this check-in opened on 2028-02-28, so I opened [#12]');
    const same = afterChange(confirm, { kind: 'unchanged' });
    expect(same.close).toEqual({ reason: 'completed' });
    expect(same.comments[0]!.body).toContain('already says `last_confirmed: 2028-03-02`');
  });
});

describe('editProfile changes one value and no other byte', () => {
  /** What differs between two texts: the changed span of each, after the common prefix and suffix. */
  function diff(a: string, b: string) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    let j = 0;
    while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
    return [a.slice(i, a.length - j), b.slice(i, b.length - j)];
  }

  test('a generated profile: last_confirmed, then availability.status', () => {
    const text = profileFile(validProfile());
    const confirmed = editProfile(text, 'last_confirmed', '2028-03-02');
    expect(confirmed.ok && confirmed.changed).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.text).toBe(text.replace('last_confirmed: 2026-10-01', 'last_confirmed: 2028-03-02'));
    const paused = editProfile(text, 'availability.status', 'paused');
    if (!paused.ok) throw new Error(paused.reason);
    expect(diff(text, paused.text)).toEqual(['open', 'paused']);
  });

  test('quoting, comments, flow style and CRLF line endings are kept', () => {
    const text = [
      '---',
      'name: Ada   # shown on the card',
      'availability: { status: "open", capacity: 2 }',
      "last_confirmed: '2027-09-01' # confirmed at the meetup",
      'topics: [a, b]',
      '---',
      'last_confirmed: 2000-01-01 (in the body: not front matter)',
      '',
    ].join('\r\n');
    const a = editProfile(text, 'last_confirmed', '2028-03-02');
    if (!a.ok) throw new Error(a.reason);
    expect(a.text).toBe(text.replace("'2027-09-01'", "'2028-03-02'"));
    expect(a.text).toContain("last_confirmed: '2028-03-02' # confirmed at the meetup\r\n");
    const b = editProfile(text, 'availability.status', 'paused');
    if (!b.ok) throw new Error(b.reason);
    expect(b.text).toContain('availability: { status: "paused", capacity: 2 }\r\n');
    expect(b.text).toBe(text.replace('"open"', '"paused"'));
    expect(diff(text, b.text)).toEqual(['open', 'paused']);
  });

  test('a value already set is no change; a missing field or front matter is a clear refusal', () => {
    const text = profileFile(validProfile());
    expect(editProfile(text, 'last_confirmed', '2026-10-01')).toEqual({ ok: true, text, changed: false });
    expect(editProfile('no front matter', 'last_confirmed', '2028-01-01')).toEqual({ ok: false, reason: 'the file has no front matter (it must start with a line "---")' });
    expect(editProfile('---\nname: x\n---\n', 'last_confirmed', '2028-01-01')).toEqual({ ok: false, reason: 'the front matter has no `last_confirmed` value to change' });
    expect(editProfile('---\nname: x\n', 'last_confirmed', '2028-01-01')).toEqual({ ok: false, reason: 'the front matter has no closing "---" line' });
  });
});

describe('the freshness workflow and the action input', () => {
  const ROOT = resolve(import.meta.dirname, '../..');
  const wf = parse(readFileSync(resolve(ROOT, '.github/workflows/freshness.yml'), 'utf8')) as Record<string, any>;

  test('daily, by hand with a dry run, and on comments; exactly the three write permissions; its own queue', () => {
    expect(wf.on.schedule).toHaveLength(1);
    expect(wf.on.workflow_dispatch.inputs['dry-run']).toMatchObject({ type: 'boolean', default: false });
    expect(wf.on.issue_comment.types).toEqual(['created']);
    expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' });
    expect(wf.concurrency).toMatchObject({ group: 'mentor-freshness', 'cancel-in-progress': false });
  });

  test('comments count only on freshness issues and only with a slash; the action runs the freshness task', () => {
    const job = wf.jobs.freshness;
    expect(job.if).toContain("contains(github.event.issue.labels.*.name, 'freshness')");
    expect(job.if).toContain("contains(github.event.comment.body, '/')");
    expect(job.steps[0].with['sparse-checkout'].trim().split('\n')).toEqual(['program.yml', 'content', '.github/actions/mentor-bot']);
    expect(job.steps[1]).toMatchObject({ uses: './.github/actions/mentor-bot', with: { task: 'freshness' } });
    const action = parse(readFileSync(resolve(ROOT, '.github/actions/mentor-bot/action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
    expect(action.inputs.task!.default).toBe('requests');
  });
});
