import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import {
  changedMatchesFiles,
  checkMatchesFile,
  cohortMarker,
  issueMentee,
  openedDecisions,
  planCohort,
  readCohortMark,
  trustedMark,
  type CohortIssue,
  type CohortPlanInput,
  type MatchesCheck,
} from '../../src/core/cohort-issues.ts';
import { decideGroupCommand, findGroupCard, readGroupState, startGroup, renderGroupCard } from '../../src/core/peer-group.ts';
import { dueStep, believable, checkinEvery, decideSweep } from '../../src/core/sweep.ts';
import { marker } from '../../src/core/decision.ts';
import { makeProfileSchema, type Profile } from '../../src/core/profile.ts';
import type { BotRecord } from '../../src/core/commands.ts';
import { repoProgram, validProfile } from '../support/profiles.ts';
import { ANSWER_KIND, answerDecision, planAnswers, type AnswersInput, type AnswersPlan, type EntryIssue, type ListedApplication } from '../../src/core/cohort-answers.ts';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL } from '../../src/core/labels.ts';
import { matchesFileSchema, type MatchesFile } from '../../src/core/matching/matches-file.ts';
import { cohortBody, type CohortFields } from '../../src/testing/cohort-application-body.ts';

/** The pure side of opening a cohort on merge: the marker, the checks of matches/<cohort>.yaml, the plan, groups. */

const BOT = 'github-actions[bot]';
const program = repoProgram;
const profile = (github: string, capacity = 2, status: 'open' | 'paused' = 'open'): Profile =>
  makeProfileSchema(program).parse({ ...validProfile(), github, availability: { status, capacity } }) as Profile;
const mentors = new Map([profile('ada-mentor'), profile('bo-mentor', 1), profile('cy-paused', 2, 'paused')].map((p) => [p.github, p]));

const pairsFile = (pairs: { mentee: string; mentor: string }[], o: Record<string, unknown> = {}) => ({
  kind: 'pairs',
  cohort: '2027.spring',
  term_months: 6,
  at: '2027-03-01T00:00:00Z',
  method: 'optimal',
  summary: { mentees: 1, mentors: 1, slots: 1, pairs: pairs.length, total_score: 1, greedy_total: 1, ratio_to_greedy: 1, blocking_pairs: 0 },
  pairs: pairs.map((p) => ({ ...p, score: 1 })),
  ...o,
});
const FILE = 'matches/2027.spring.yaml';
const check = (data: unknown, file = FILE) => checkMatchesFile(file, typeof data === 'string' ? data : stringify(data), program, mentors);

describe('the marker on a cohort issue', () => {
  test('names the pair, group or report; cohort ids with dots read back, since logins have none', () => {
    const pair = { kind: 'pair', cohort: '2027.spring-a', mentee: 'Mia-M', mentor: 'ada-mentor' } as const;
    expect(cohortMarker(pair)).toBe('<!-- mentorkit:cohort-pair:2027.spring-a.Mia-M.ada-mentor -->');
    expect(readCohortMark(`${cohortMarker(pair)}\nHello`)).toEqual(pair);
    expect(readCohortMark(cohortMarker({ kind: 'group', cohort: 'x.y', number: 12 }))).toEqual({ kind: 'group', cohort: 'x.y', number: 12 });
    expect(readCohortMark(cohortMarker({ kind: 'problems', cohort: 'x.y' }))).toEqual({ kind: 'problems', cohort: 'x.y' });
    // Only the first line counts, and a malformed key is no mark.
    expect(readCohortMark(`Hello\n${cohortMarker(pair)}`)).toBeUndefined();
    expect(readCohortMark('<!-- mentorkit:cohort-group:x.zero -->')).toBeUndefined();
    expect(readCohortMark('<!-- mentorkit:cohort-pair:mia.ada -->')).toBeUndefined();
  });

  test('is believed only on an issue the bot opened: anyone else writing it stays the mentee of their issue', () => {
    const body = `${cohortMarker({ kind: 'pair', cohort: 'c1', mentee: 'mia', mentor: 'ada-mentor' })}\nbody`;
    expect(issueMentee(BOT, body, BOT)).toBe('mia');
    expect(issueMentee('mallory', body, BOT)).toBe('mallory');
    expect(trustedMark({ author: 'mallory', body }, BOT)).toBeUndefined();
    // A group's issue has no mentee: its author stays the bot, which is nobody's slot.
    expect(issueMentee(BOT, cohortMarker({ kind: 'group', cohort: 'c1', number: 1 }), BOT)).toBe(BOT);
    expect(issueMentee(BOT, 'no marker', BOT)).toBe(BOT);
  });
});

describe('checking matches/<cohort>.yaml', () => {
  test('a valid file has no problems and keeps every pair', () => {
    const c = check(pairsFile([{ mentee: 'mia', mentor: 'ada-mentor' }, { mentee: 'noa', mentor: 'ada-mentor' }]));
    expect(c.problems).toEqual([]);
    expect(c.cohort).toBe('2027.spring');
    expect(c.skipped.size).toBe(0);
    expect(c.matches?.kind).toBe('pairs');
  });

  test('problems with the whole file stop all of it, with the line and the fix', () => {
    expect(check('kind: pairs\ncohort: [oops').problems[0]).toMatchObject({ file: FILE, field: '(yaml)' });
    const wrongTerm = check(pairsFile([{ mentee: 'mia', mentor: 'ada-mentor' }], { term_months: 5 }));
    expect(wrongTerm.matches).toBeUndefined();
    expect(wrongTerm.problems).toEqual([{ file: FILE, line: 3, field: 'term_months', message: "5 months is not one of the program's terms (3, 6, 9, 12 in program.yml); choose one of them" }]);
    const badName = check(pairsFile([]), 'matches/Spring 2027.yaml');
    expect(badName.cohort).toBe('2027.spring');
    expect(badName.problems[0]!.message).toBe("the file name must be the cohort's id, matches/<cohort>.yaml; rename it to matches/2027.spring.yaml");
    const missing = check({ kind: 'pairs', cohort: '2027.spring' });
    expect(missing.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['term_months', 'method', 'summary', 'at']));
    expect(check({ kind: 'trios' }).problems[0]!.field).toBe('kind');
  });

  test('pair problems keep out only the pairs involved', () => {
    const c = check(
      pairsFile([
        { mentee: 'mia', mentor: 'ada-mentor' },
        { mentee: 'ada-mentor', mentor: 'ada-mentor' }, // self, and a mentee who is a mentor here
        { mentee: 'Noa', mentor: 'bo-mentor' },
        { mentee: 'noa', mentor: 'ada-mentor' }, // noa twice, compared without case
        { mentee: 'zed', mentor: 'ghost-mentor' }, // unknown
      ]),
    );
    expect([...c.skipped].sort()).toEqual([0, 1, 2, 3, 4]);
    // ada-mentor is a mentee in pairs[1] and the mentor of pairs[0] and pairs[3]: all three stay out.
    expect(c.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'pairs[1].mentee: @ada-mentor is a mentee here and a mentor in pairs[0], pairs[3]; a person takes one role in a cohort, so remove one of those pairs',
      "pairs[1].mentor: @ada-mentor can't mentor themselves; pair them with another mentor, or move them to unmatched",
      'pairs[2].mentee: @Noa is the mentee of 2 pairs (pairs[2], pairs[3]), and a mentee has one mentor in a cohort; keep one of them and remove the others',
      'pairs[3].mentee: @noa is the mentee of 2 pairs (pairs[2], pairs[3]), and a mentee has one mentor in a cohort; keep one of them and remove the others',
      'pairs[4].mentor: @ghost-mentor has no mentor profile (content/mentors/ghost-mentor.md), or it has errors (npm run validate shows them); add or fix the profile, or pair @zed with another mentor',
    ]);
  });

  test('group problems: a number twice, a member twice in one group or in two groups', () => {
    const groups = (gs: { number: number; members: string[] }[]) => ({
      kind: 'groups',
      cohort: '2027.spring',
      term_months: 3,
      at: '2027-03-01T00:00:00Z',
      summary: { people: 6, groups: gs.length, size: 3, shared_pairs: 0, same_institution_pairs: 0 },
      groups: gs,
    });
    const c = check(groups([{ number: 1, members: ['a', 'b'] }, { number: 1, members: ['c', 'd'] }, { number: 2, members: ['e', 'e', 'f'] }, { number: 3, members: ['g', 'A'] }, { number: 4, members: ['h', 'i'] }]));
    expect([...c.skipped].sort()).toEqual([0, 1, 2, 3]);
    expect(c.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'groups[0].number: groups[0], groups[1] are all numbered 1; the number is the group\'s key (its issue), so give each group its own',
      'groups[0].members[0]: @a is in 2 groups (groups[0], groups[3]), and a person belongs to one; remove them from all but one',
      'groups[1].number: groups[0], groups[1] are all numbered 1; the number is the group\'s key (its issue), so give each group its own',
      'groups[2].members[1]: @e is listed twice in group 2; remove one',
      'groups[3].members[1]: @A is in 2 groups (groups[0], groups[3]), and a person belongs to one; remove them from all but one',
    ]);
  });
});

describe('the plan', () => {
  const usable = (c: MatchesCheck) => c as CohortPlanInput['check'];
  const plan = (pairs: { mentee: string; mentor: string }[], o: Partial<CohortPlanInput> = {}) =>
    planCohort({ program, mentors, check: usable(check(pairsFile(pairs))), existing: [], openRequests: [], today: '2027-03-01', ...o });
  const existing = (number: number, mentee: string, mentor: string, o: Partial<CohortIssue> = {}): CohortIssue => ({
    number,
    mark: { kind: 'pair', cohort: '2027.spring', mentee, mentor },
    state: 'open',
    body: '',
    complete: true,
    ...o,
  });

  test('opens each pair with the labels of an accepted request and its cohort; counts the run’s own pairs against capacity', () => {
    const p = plan([{ mentee: 'mia', mentor: 'bo-mentor' }, { mentee: 'noa', mentor: 'bo-mentor' }, { mentee: 'ola', mentor: 'cy-paused' }]);
    expect(p.open.map((o) => o.labels)).toEqual([
      ['request', 'status:active', 'mentor:bo-mentor', 'cohort:2027.spring'],
      ['request', 'status:active', 'mentor:bo-mentor', 'cohort:2027.spring'],
      ['request', 'status:active', 'mentor:cy-paused', 'cohort:2027.spring'],
    ]);
    expect(p.open[0]!.notes).toEqual([]);
    expect(p.open[1]!.notes).toEqual(['Opened as the committee decided, although @bo-mentor now has 2 active partnerships for a capacity of 1 (with others of this cohort).']);
    expect(p.open[1]!.body).toContain('**For the program committee:** this partnership opened as you decided, although:');
    expect(p.open[2]!.notes).toEqual(["Opened as the committee decided, although @cy-paused's profile says they are not taking mentees (availability: paused)."]);
  });

  test('a mentee already in a partnership is opened anyway and the committee told', () => {
    const p = plan([{ mentee: 'mia', mentor: 'ada-mentor' }], { openRequests: [{ number: 9, author: 'Mia', labels: ['request', 'status:active', 'mentor:bo-mentor'] }] });
    expect(p.open[0]!.notes).toEqual(['Opened as the committee decided, although @mia already has 1 active partnership (#9), the most the program allows (1).']);
  });

  test('what exists is not opened again; an interrupted issue is finished; a moved mentee is a problem', () => {
    const p = plan([{ mentee: 'mia', mentor: 'ada-mentor' }, { mentee: 'noa', mentor: 'ada-mentor' }, { mentee: 'ola', mentor: 'bo-mentor' }], {
      existing: [existing(4, 'MIA', 'ada-mentor'), existing(5, 'noa', 'ada-mentor', { complete: false }), existing(6, 'ola', 'ada-mentor')],
    });
    expect(p.open).toEqual([]);
    expect(p.notes).toEqual(['pairs[0] (@mia with @ada-mentor) is #4 already.']);
    expect(p.resume.map((r) => r.number)).toEqual([5]);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ field: 'pairs[2].mentor', line: expect.any(Number) });
    expect(p.problems[0]!.message).toContain('@ola already has an open partnership in this cohort, #6 with @ada-mentor');
    // Once that partnership closed, the new pair opens.
    const later = plan([{ mentee: 'ola', mentor: 'bo-mentor' }], { existing: [existing(6, 'ola', 'ada-mentor', { state: 'closed' })] });
    expect(later.open.map((o) => o.mark)).toEqual([{ kind: 'pair', cohort: '2027.spring', mentee: 'ola', mentor: 'bo-mentor' }]);
  });
});

describe('once the issue exists', () => {
  const base = { program, agreement: [], cohort: '2027.spring', months: 6, by: 'chair', today: '2027-03-01', records: [] as BotRecord[] };
  const mark = { kind: 'pair', cohort: '2027.spring', mentee: 'mia', mentor: 'ada-mentor' } as const;

  test('the mentee’s waiting requests are withdrawn when this takes the last slot, then the card and the clock', () => {
    const open = [
      { number: 3, author: 'mia', labels: ['request', 'status:pending', 'mentor:bo-mentor'] },
      { number: 10, author: 'mia', labels: ['request', 'status:active', 'mentor:ada-mentor'] },
    ];
    const plan = openedDecisions({ ...base, openRequests: open }, 10, { mark });
    expect(plan.map((d) => d.issue)).toEqual([3, 10]);
    expect(plan[0]).toMatchObject({ addLabels: ['status:withdrawn'], close: { reason: 'not_planned' } });
    expect(plan[1]!.comments.map((c) => `${c.kind}:${c.key}`)).toEqual(['accepted:10.ada-mentor']);
    expect(plan[1]!.clock).toEqual({ v: 1, status: 'active', since: '2027-03-01', sent: [], end: '2027-09-01', checkin: '2027-03-01' });
    // With room for more partnerships, nothing is withdrawn.
    const roomy = openedDecisions({ ...base, program: { ...program, limits: { ...program.limits, max_active_partnerships: 2 } }, openRequests: open }, 10, { mark });
    expect(roomy.map((d) => d.issue)).toEqual([10]);
  });

  test('finishing an interrupted issue keeps the card it has (its start date), and posts none again', () => {
    const first = openedDecisions({ ...base, openRequests: [] }, 10, { mark })[0]!;
    const posted: BotRecord = { id: 1, kind: 'accepted', key: '10.ada-mentor', body: `${marker('accepted', '10.ada-mentor')}\n${first.comments[0]!.body}` };
    const again = openedDecisions({ ...base, today: '2027-03-04', records: [posted], openRequests: [] }, 10, { mark });
    expect(again[0]!.clock).toMatchObject({ since: '2027-03-01', end: '2027-09-01' });
  });
});

describe('a changed file in a push', () => {
  test('only matches/<x>.yaml directly under matches/, not removed by a later commit of the push', () => {
    expect(
      changedMatchesFiles([
        { added: ['matches/a.yaml', 'matches/b.yaml', 'README.md', 'matches/sub/c.yaml', 'matches/d.yml'] },
        { modified: ['matches/e.yaml'], removed: ['matches/b.yaml'] },
        { modified: ['matches/a.yaml'] },
      ]),
    ).toEqual(['matches/a.yaml', 'matches/e.yaml']);
  });
});

describe('peer groups', () => {
  const s = startGroup({ cohort: 'c1', number: 2, members: ['gia', 'gus', 'gwen'], by: 'chair', today: '2027-03-01', months: 3 });
  const cardRecord: BotRecord = { id: 5, kind: 'group', key: '7.group', body: `${marker('group', '7.group')}\n${renderGroupCard(s)}` };
  const labels = ['peer-group', 'status:active', 'cohort:c1'];

  test('reminders every 14 days, the request interval stays 30', () => {
    expect(checkinEvery(program, labels)).toBe(14);
    expect(checkinEvery(program, ['request', 'status:active'])).toBe(program.limits.checkin_interval_days);
    const c = { v: 1 as const, status: 'active' as const, since: '2027-03-01', sent: [], end: '2027-06-01', checkin: '2027-03-01' };
    expect(dueStep(c, program, '2027-03-14', 14)).toBeUndefined();
    expect(dueStep(c, program, '2027-03-15', 14)).toBe('checkin-1');
    expect(dueStep(c, program, '2027-03-15')).toBeUndefined();
    expect(believable({ ...c, sent: ['checkin-1'] }, program, '2027-03-15', 14)).toBe(true);
    expect(believable({ ...c, sent: ['checkin-1'] }, program, '2027-03-15')).toBe(false);
  });

  test('the sweep reminds every member, and completes the group at its term end', () => {
    const issue = { number: 7, author: BOT, labels, body: '', createdAt: '2027-03-01T09:00:00Z' };
    const input = { program, mentors: new Map(), issue, openRequests: [], records: [cardRecord], agreement: [] };
    const due = decideSweep({ ...input, today: '2027-03-15' })[0]!;
    expect(due.comments).toEqual([expect.objectContaining({ kind: 'checkin-reminder', key: '7.2027-03-01.1', mode: 'once' })]);
    expect(due.comments[0]!.body).toContain('@gia, @gus and @gwen, it has been 14 days since the group started (2027-03-01)');
    const end = decideSweep({ ...input, today: '2027-06-01' })[0]!;
    expect(end).toMatchObject({ addLabels: ['status:completed'], close: { reason: 'completed' } });
    expect(readGroupState(end.comments[1]!.body)!.closed).toEqual({ as: 'completed', on: '2027-06-01' });
  });

  test('only the bot’s own card is the record; a command delivered twice is applied once', () => {
    expect(findGroupCard([{ ...cardRecord, key: '8.group' }], 7)).toBeUndefined();
    const input = { program, today: '2027-03-05', issue: { number: 7, state: 'open' as const }, records: [cardRecord], actor: 'gus', command: { name: 'checkin', args: 'met' }, via: { kind: 'comment' as const, id: 99, index: 0 } };
    const first = decideGroupCommand(input)[0]!;
    const updated: BotRecord = { ...cardRecord, body: `${marker('group', '7.group')}\n${first.comments[0]!.body}` };
    const again = decideGroupCommand({ ...input, records: [updated] })[0]!;
    expect(again.comments).toEqual([]);
    expect(readGroupState(updated.body)!.checkins).toHaveLength(1);
  });
});

describe('answering the applications on merge', () => {
  const SPRING = program.cohorts.find((c) => c.id === '2027-spring')!;
  const LABEL = 'cohort:2027-spring';
  const topicMentors = new Map<string, Profile>(
    [profile('ada-mentor'), profile('bo-mentor', 1), profile('cy-paused', 2, 'paused')].map((p) => [p.github, { ...p, topics: ['open-source'], languages: ['en'] }]),
  );
  const FITS: Partial<CohortFields> = { topics: ['open-source'], languages: ['en'], timezone: 'Europe/Berlin', stages: ['phd'], formats: [], kinds: [] };
  const app = (number: number, author: string, role: 'mentee' | 'mentor', o: Partial<ListedApplication> = {}, f: Partial<CohortFields> = FITS): ListedApplication => ({
    number,
    author,
    authorType: 'User',
    state: 'open',
    labels: [LABEL, role === 'mentee' ? COHORT_MENTEE_LABEL : COHORT_MENTOR_LABEL],
    body: cohortBody(program, SPRING, role, f),
    createdAt: '2027-02-10T09:00:00Z',
    stateReason: null,
    comments: 0,
    ...o,
  });
  type PairIn = { mentee: string; mentor: string; mentee_application?: number; mentor_application?: number };
  const pairs = (ps: PairIn[], o: Record<string, unknown> = {}) =>
    matchesFileSchema.parse({ ...pairsFile(ps.map((p) => ({ ...p }))), cohort: '2027-spring', ...o }) as MatchesFile;
  const pairMark = (mentee: string, mentor: string) => ({ kind: 'pair' as const, cohort: '2027-spring', mentee, mentor });
  const input = (matches: MatchesFile, applications: ListedApplication[], issues: EntryIssue[], o: Partial<AnswersInput> = {}): AnswersInput => ({
    program,
    mentors: topicMentors,
    cohort: SPRING,
    matches,
    issues,
    applications,
    openRequests: [],
    today: '2027-03-01',
    ...o,
  });
  const brief = (p: AnswersPlan) => p.answers.map((a) => [a.application.number, a.outcome, a.close]);

  test('matched: by the application number the file gives, else the person’s latest by login and role label; a number that is not theirs falls back, with a note', () => {
    const apps = [
      app(1, 'mia', 'mentee'),
      app(2, 'noa', 'mentee'),
      app(3, 'ada-mentor', 'mentor'),
      app(5, 'Noa', 'mentee', { createdAt: '2027-02-12T09:00:00Z' }), // noa applied again: the latest counts
      app(6, 'mallory', 'mentee', { authorType: 'Bot' }), // never an applicant
    ];
    const m = pairs([
      { mentee: 'mia', mentor: 'ada-mentor', mentee_application: 1, mentor_application: 3 },
      { mentee: 'noa', mentor: 'ada-mentor', mentee_application: 3 }, // #3 is ada's
    ]);
    const plan = planAnswers(input(m, apps, [{ mark: pairMark('mia', 'ada-mentor'), number: 10 }, { mark: pairMark('noa', 'ada-mentor'), number: 11 }]));
    expect(brief(plan)).toEqual([
      [1, 'matched', 'completed'],
      [3, 'matched', 'completed'],
      [5, 'matched', 'completed'],
    ]);
    expect(plan.notes).toEqual(["pairs[1]: #3 is not @noa's mentee application of cohort 2027-spring; answering their latest one instead, if any."]);
    const [mia, ada, noa] = plan.answers;
    expect(mia!.comment).toEqual({
      kind: ANSWER_KIND,
      key: '2027-spring.1',
      mode: 'once',
      body: '@mia, you are matched with @ada-mentor in cohort **2027-spring**: see #10. Your partnership has started there: agree to the mentoring agreement and set your first goals in that issue.\n\nThis application has done its job, so I’m closing it; it stays here for the record.',
    });
    // A mentor with two mentees: one answer naming both issues.
    expect(ada!.comment.body).toContain('@ada-mentor, you are matched in cohort **2027-spring** with:\n\n- @mia: see #10\n- @noa: see #11\n');
    expect(noa!.comment.body).toContain('@noa, you are matched with @ada-mentor in cohort **2027-spring**: see #11.');
  });

  test('a person waits until every pair naming them has its issue; closed applications and those the file does not name are left alone', () => {
    const apps = [app(1, 'mia', 'mentee'), app(2, 'noa', 'mentee'), app(3, 'ada-mentor', 'mentor'), app(4, 'zed', 'mentee'), app(7, 'bo-mentor', 'mentor', { state: 'closed' })];
    const m = pairs([{ mentee: 'mia', mentor: 'ada-mentor' }, { mentee: 'noa', mentor: 'ada-mentor' }, { mentee: 'pia', mentor: 'bo-mentor' }]);
    // noa's pair is held back by a problem: no issue yet.
    const plan = planAnswers(input(m, apps, [{ mark: pairMark('mia', 'ada-mentor'), number: 10 }, { mark: pairMark('pia', 'bo-mentor'), number: 12 }]));
    expect(brief(plan)).toEqual([[1, 'matched', 'completed']]);
    expect(plan.closed).toEqual([7]);
    expect(plan.notes).toEqual([
      '@ada-mentor (mentor) waits for the issue of pairs[1]; their application is answered once it opens.',
      '@noa (mentee) waits for the issue of pairs[1]; their application is answered once it opens.',
      'pairs[2]: @pia has no mentee application of cohort 2027-spring; nothing to answer.',
    ]);
  });

  test('unmatched: the file’s reason and directory mentors with a free slot who fit, counting this cohort’s partnerships (a dry run’s too); someone in a pair is matched', () => {
    const apps = [app(1, 'uma', 'mentee'), app(2, 'noa', 'mentee')];
    const reason = 'every slot of the 1 eligible mentor went to <others>.';
    const m = pairs([{ mentee: 'noa', mentor: 'bo-mentor' }], { unmatched: [{ login: 'uma', reason, application: 1 }, { login: 'noa', reason: 'x' }] });
    const suggested = (p: AnswersPlan) => p.answers.find((a) => a.outcome === 'unmatched')!.suggestions.map((s) => s.profile.github);
    // bo-mentor's one slot goes to noa: in a dry run (no issue yet) and once opened (an open request) alike.
    const dry = planAnswers(input(m, apps, [{ mark: pairMark('noa', 'bo-mentor'), number: null }]));
    const partnership = { number: 12, author: 'noa', labels: ['request', 'status:active', 'mentor:bo-mentor'] };
    const real = planAnswers(input(m, apps, [{ mark: pairMark('noa', 'bo-mentor'), number: 12 }], { openRequests: [partnership] }));
    expect(suggested(dry)).toEqual(['ada-mentor']);
    expect(suggested(real)).toEqual(['ada-mentor']);
    // Without that partnership bo-mentor would be suggested; cy-paused never is.
    expect(suggested(planAnswers(input(pairs([], { unmatched: [{ login: 'uma', reason, application: 1 }] }), apps, [])))).toEqual(['ada-mentor', 'bo-mentor']);

    expect(brief(real)).toEqual([
      [2, 'matched', 'completed'],
      [1, 'unmatched', 'not_planned'],
    ]);
    expect(real.notes).toContain('unmatched[1]: @noa is also in a pair, so they are answered as matched.');
    const body = real.answers[1]!.comment.body;
    expect(body).toContain('@uma, thank you for applying to cohort **2027-spring** of Open Science Mentoring. The program committee could not match you with a mentor this time; the reason, as the matching recorded it: every slot of the 1 eligible mentor went to &lt;others>.');
    expect(body).toMatch(/\n- \[@ada-mentor\]\(https:\/\/[^)]+\/mentors\/ada-mentor\/\): Ada Example, /);
    expect(body).toContain('To ask one of them, file a normal request: use **Request mentorship** on their page');

    // An application edited since the proposal so that it no longer parses: no suggestions, the directory instead.
    const broken = planAnswers(input(pairs([], { unmatched: [{ login: 'uma', reason }] }), [app(1, 'uma', 'mentee', {}, { ...FITS, topics: [] })], []));
    expect(broken.answers[0]!.suggestions).toEqual([]);
    expect(broken.answers[0]!.comment.body).toContain('No mentor in the directory fits your application and has a free slot right now, but availability changes: browse the [directory]');
    expect(broken.notes).toEqual(['#1 (@uma) no longer reads as a valid application, so no mentors are suggested to them.']);
    // A cohort no longer in program.yml: the forms are read with a stand-in, and the suggestions still come.
    expect(suggested(planAnswers({ ...input(pairs([], { unmatched: [{ login: 'uma', reason }] }), apps, []), cohort: undefined }))).toEqual(['ada-mentor', 'bo-mentor']);
  });

  test('mentors with no mentee: thanks, pointing to their directory profile or to joining the directory; a paired one is answered as matched', () => {
    const apps = [app(3, 'ada-mentor', 'mentor'), app(4, 'newbie', 'mentor'), app(5, 'bo-mentor', 'mentor'), app(1, 'mia', 'mentee')];
    const m = pairs([{ mentee: 'mia', mentor: 'bo-mentor' }], { unmatched_mentors: [{ login: 'ada-mentor', application: 3 }, { login: 'newbie' }, { login: 'bo-mentor' }] });
    const plan = planAnswers(input(m, apps, [{ mark: pairMark('mia', 'bo-mentor'), number: 9 }]));
    expect(brief(plan)).toEqual([
      [1, 'matched', 'completed'],
      [5, 'matched', 'completed'],
      [3, 'unmatched-mentor', 'not_planned'],
      [4, 'unmatched-mentor', 'not_planned'],
    ]);
    expect(plan.answers[2]!.comment.body).toContain('@ada-mentor, thank you for offering to mentor in cohort **2027-spring** of Open Science Mentoring. No mentee was matched with you this time; there is nothing you need to do.\n\nYour profile stays in the [directory]');
    expect(plan.answers[3]!.comment.body).toContain('To mentor outside cohorts, join the [directory]');
    expect(plan.notes).toEqual(['unmatched_mentors[2]: @bo-mentor is also in a pair, so they are answered as matched.']);
  });

  test('a groups file: each member’s mentee application links the group’s issue; a group without one makes its members wait', () => {
    const apps = [app(1, 'gia', 'mentee'), app(2, 'gus', 'mentee'), app(3, 'hal', 'mentee'), app(4, 'gia', 'mentor')];
    const m = matchesFileSchema.parse({
      kind: 'groups',
      cohort: '2027-spring',
      term_months: 3,
      at: '2027-03-01T00:00:00Z',
      summary: { people: 4, groups: 2, size: 2, shared_pairs: 0, same_institution_pairs: 0 },
      groups: [{ number: 1, members: ['gia', 'gus'] }, { number: 2, members: ['hal', 'hana'] }],
    }) as MatchesFile;
    const plan = planAnswers(input(m, apps, [{ mark: { kind: 'group', cohort: '2027-spring', number: 1 }, number: 20 }]));
    expect(brief(plan)).toEqual([
      [1, 'group', 'completed'],
      [2, 'group', 'completed'],
    ]);
    expect(plan.answers[0]!.comment.body).toBe(
      '@gia, you are in peer group 1 of cohort **2027-spring** with @gus: see #20. Meet there, and record each meeting with `/checkin [note]`.\n\nThis application has done its job, so I’m closing it; it stays here for the record.',
    );
    expect(plan.notes).toEqual(["groups[1] (group 2) has no issue yet; its members' applications wait for it."]);
  });

  test('the decision: the answer and the close; with the bot’s answer there, only the close, unless someone reopened it since', () => {
    const [a] = planAnswers(input(pairs([{ mentee: 'mia', mentor: 'ada-mentor' }]), [app(1, 'mia', 'mentee')], [{ mark: pairMark('mia', 'ada-mentor'), number: 10 }])).answers;
    const fresh = answerDecision(a!, [])!;
    expect(fresh).toMatchObject({ issue: 1, comments: [a!.comment], close: { reason: 'completed' }, addLabels: [], removeLabels: [] });
    const answer: BotRecord = { id: 5, kind: ANSWER_KIND, key: '2027-spring.1' };
    // Someone else's answer-looking record for another issue, or another kind, is no answer.
    expect(answerDecision(a!, [{ ...answer, key: '2027-spring.2' }, { ...answer, kind: 'welcome' }])!.comments).toEqual([a!.comment]);
    const finishing = answerDecision(a!, [answer])!;
    expect(finishing.comments).toEqual([]);
    expect(finishing.close).toEqual({ reason: 'completed' });
    expect(finishing.notes).toEqual(["@mia's mentee application was answered (matched) by a run that stopped before closing it; closing it as completed."]);
    expect(answerDecision({ ...a!, application: { ...a!.application, stateReason: 'reopened' } }, [answer])).toBeUndefined();
    // Reopened before any answer (the applicant closed and reopened it): answered as usual.
    expect(answerDecision({ ...a!, application: { ...a!.application, stateReason: 'reopened' } }, [])!.comments).toHaveLength(1);
  });
});
