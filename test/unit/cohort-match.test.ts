import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadContent } from '../../src/files/content.ts';
import { programSchema, type Program, type ProgramInput } from '../../src/core/program.ts';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL } from '../../src/core/labels.ts';
import { matchesFileSchema } from '../../src/core/matching/matches-file.ts';
import { assign, blockingPairs } from '../../src/core/matching/assign.ts';
import {
  ProposalError,
  leftOutLines,
  matchesPullBody,
  parseApplicationsJson,
  proposeMatches,
  readApplications,
  renderMatches,
  summaryLines,
  type ApplicationIssue,
} from '../../src/core/cohort-match.ts';
import type { Role } from '../../src/core/cohort-forms.ts';
import { cohortBody, type CohortFields } from '../../src/testing/cohort-application-body.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { program, mentors } = loadContent(ROOT) as { program: Program; mentors: ReturnType<typeof loadContent>['mentors'] };
const COHORT = program.cohorts[0]!;
const LABEL = `cohort:${COHORT.id}`;
const AT = new Date('2027-03-01T00:00:00Z');

let n = 0;
function app(login: string, role: Role, f: Partial<CohortFields> = {}, o: Partial<ApplicationIssue> = {}): ApplicationIssue {
  n++;
  return {
    number: n,
    author: login,
    state: 'open',
    labels: [LABEL, role === 'mentee' ? COHORT_MENTEE_LABEL : COHORT_MENTOR_LABEL],
    body: cohortBody(program, COHORT, role, f),
    createdAt: `2027-02-${String(n % 28 + 1).padStart(2, '0')}T10:00:00Z`,
    ...o,
  };
}
const read = (issues: ApplicationIssue[], groups = false, p: Program = program) => readApplications({ program: p, cohort: p.cohorts[0]!, issues, profiles: mentors, groups });

describe('which applications count', () => {
  test('the latest application of a person in a role counts, even when it is the invalid one', () => {
    const first = app('mia', 'mentee', {}, { createdAt: '2027-02-01T10:00:00Z' });
    const second = app('mia', 'mentee', { topics: ['open-source'] }, { createdAt: '2027-02-03T10:00:00Z' });
    const r = read([second, first]);
    expect(r.mentees.map((m) => [m.issue, m.mentee.topics])).toEqual([[second.number, ['open-source']]]);
    expect(r.superseded).toEqual([{ issue: first.number, login: 'mia', role: 'mentee', by: second.number }]);

    const broken = app('mia', 'mentee', { topics: [] }, { createdAt: '2027-02-05T10:00:00Z' });
    const r2 = read([first, second, broken]);
    expect(r2.mentees).toEqual([]);
    expect(r2.invalid.map((i) => i.issue)).toEqual([broken.number]);
    expect(r2.superseded.map((s) => s.by)).toEqual([broken.number, broken.number]);
  });

  test('the same person as mentee and as mentor: both count (the core never pairs them with themselves)', () => {
    const r = read([app('sam', 'mentee'), app('sam', 'mentor')]);
    expect([r.mentees.length, r.mentors.length, r.superseded.length]).toEqual([1, 1, 0]);
  });

  test('logins compare case-insensitively; equal dates fall back to the higher issue number', () => {
    const a = app('Mia', 'mentee', {}, { createdAt: '2027-02-01T10:00:00Z' });
    const b = app('mia', 'mentee', { topics: ['teaching'] }, { createdAt: '2027-02-01T10:00:00Z' });
    expect(read([b, a]).mentees.map((m) => m.issue)).toEqual([b.number]);
  });

  test('closed issues, other cohorts, requests, bots’ issues and unlabelled non-forms are skipped, each with why', () => {
    const issues = [
      app('ann', 'mentee', {}, { state: 'closed' }),
      app('bob', 'mentee', {}, { labels: ['cohort:other', COHORT_MENTEE_LABEL] }),
      app('cyd', 'mentee', {}, { labels: [LABEL, 'request', 'status:active'] }),
      app('dependabot', 'mentee', {}, { authorType: 'Bot' }),
      app('eve', 'mentee', {}, { labels: [LABEL], body: 'Please match me!' }),
    ];
    expect(read(issues).skipped.map((s) => s.reason)).toEqual([
      'closed',
      `not labelled ${LABEL}`,
      'labelled request: a request or partnership, not an application',
      'filed by a bot (@dependabot)',
      'neither cohort-mentee nor cohort-mentor, and not written by a cohort form',
    ]);
  });

  test('without a role label (or with both) the form that wrote the body decides', () => {
    const r = read([app('fay', 'mentor', {}, { labels: [LABEL] }), app('gus', 'mentee', {}, { labels: [LABEL, COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL] })]);
    expect(r.mentors.map((m) => m.mentor.profile.github)).toEqual(['fay']);
    expect(r.mentees.map((m) => m.mentee.login)).toEqual(['gus']);
  });

  test('for peer groups, mentor applications are skipped', () => {
    const r = read([app('hal', 'mentor'), app('ivy', 'mentee')], true);
    expect(r.mentors).toEqual([]);
    expect(r.skipped).toEqual([{ issue: n - 1, reason: 'a mentor application: peer groups are formed from the mentee applications' }]);
  });

  test('priority:<n> labels become the mentee’s priority; an unreadable one is a warning and ignored', () => {
    const r = read([
      app('jo', 'mentee', {}, { labels: [LABEL, COHORT_MENTEE_LABEL, 'priority:3'] }),
      app('kim', 'mentee', {}, { labels: [LABEL, COHORT_MENTEE_LABEL, 'priority:high'] }),
      app('lou', 'mentee'),
    ]);
    expect(r.mentees.map((m) => [m.mentee.login, m.mentee.priority])).toEqual([['jo', 3], ['kim', undefined], ['lou', undefined]]);
    expect(r.warnings).toEqual([expect.stringMatching(/^#\d+ @kim: the priority label \(priority:high\) is not a number; ignored/)]);
  });

  test('invalid applications are listed with their issue, login, role and problems; nothing else stops', () => {
    const bad = app('max', 'mentor', { capacity: 9, agreed: 0 });
    const r = read([app('ned', 'mentee'), bad]);
    expect(r.invalid).toEqual([{ issue: bad.number, login: 'max', role: 'mentor', problems: [expect.objectContaining({ field: 'Mentees you can take in this cohort' }), expect.objectContaining({ field: 'Code of Conduct and privacy' })] }]);
    expect(leftOutLines(r)).toEqual([`  #${bad.number} @max (mentor):`, expect.stringMatching(/^ {4}- Mentees you can take in this cohort: “9” is not a number from 1 to 2/), expect.stringMatching(/^ {4}- Code of Conduct and privacy: /)]);
  });
});

describe('the JSON format', () => {
  const body = cohortBody(program, COHORT, 'mentee');
  test('GitHub’s REST issues list: user, created_at, label objects; pull requests are left out', () => {
    const r = parseApplicationsJson(
      JSON.stringify([
        { number: 3, user: { login: 'mia', type: 'User' }, labels: [{ name: LABEL }, { name: COHORT_MENTEE_LABEL }], body, created_at: '2027-02-01T10:00:00Z', state: 'open' },
        { number: 4, user: { login: 'bot', type: 'Bot' }, labels: [], body: null, created_at: '2027-02-01T10:00:00Z', state: 'closed', pull_request: { url: 'x' } },
      ]),
    );
    expect(r).toEqual({ ok: true, issues: [{ number: 3, author: 'mia', authorType: 'User', state: 'open', labels: [LABEL, COHORT_MENTEE_LABEL], body, createdAt: '2027-02-01T10:00:00Z' }] });
  });

  test('gh issue list --json: author, createdAt, state in capitals; gh api --slurp pages are flattened', () => {
    const gh = { number: 5, author: { login: 'noa', is_bot: false, name: 'Noa' }, labels: [{ id: 'x', name: LABEL, color: 'fff' }], body, createdAt: '2027-02-02T10:00:00Z', state: 'OPEN' };
    const r = parseApplicationsJson(JSON.stringify([[gh], [{ ...gh, number: 6, state: 'CLOSED', author: { login: 'app', is_bot: true } }]]));
    expect(r.ok && r.issues.map((i) => [i.number, i.author, i.state, i.authorType])).toEqual([
      [5, 'noa', 'open', undefined],
      [6, 'app', 'closed', 'Bot'],
    ]);
  });

  test('mistakes name the item, the issue and the field', () => {
    expect(parseApplicationsJson('{oops')).toEqual({ ok: false, errors: [expect.stringMatching(/^is not JSON \(/)] });
    expect(parseApplicationsJson('{"issues": []}')).toEqual({ ok: false, errors: [expect.stringMatching(/^must be a JSON array of issues/)] });
    const r = parseApplicationsJson(
      JSON.stringify([{ number: 7, body: 'x', labels: [] }, { number: 'eight', user: { login: 'a' }, created_at: '2027-02-01T10:00:00Z' }, { number: 9, user: { login: 'a' }, created_at: 'yesterday' }]),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        'item 1 (issue #7): user: is missing: each issue needs its author as user.login (REST) or author.login (gh issue list)',
        'item 1 (issue #7): created_at: is missing: each issue needs created_at (REST) or createdAt (gh issue list)',
        'item 2: number: must be the issue number',
        'item 3 (issue #9): created_at: "yesterday" is not a date-time such as 2027-02-01T09:30:00Z',
      ],
    });
  });
});

describe('the proposal', () => {
  const cohortIssues = () => [
    app('mia', 'mentee', { topics: ['data-science'] }),
    app('noa', 'mentee', { topics: ['machine-learning'], timezone: 'America/New_York' }),
    app('ola', 'mentee', { topics: ['teaching'], languages: ['fr'] }),
    app('ada', 'mentor', { capacity: 1 }),
    app('bea', 'mentor', { topics: ['machine-learning', 'teaching'], capacity: 2, timezone: 'America/Toronto' }),
  ];

  test('pairs: the breakdown of every pair, its applications, the unmatched with the public reason, the summary', () => {
    const issues = cohortIssues();
    const apps = read(issues);
    const file = proposeMatches({ program, cohort: COHORT, applications: apps, at: AT });
    expect(matchesFileSchema.parse(file)).toEqual(file);
    if (file.kind !== 'pairs') throw new Error('pairs expected');
    expect(file).toMatchObject({ kind: 'pairs', cohort: COHORT.id, term_months: COHORT.term, at: '2027-03-01T00:00:00Z', method: 'optimal' });
    expect(file.pairs.map((p) => [p.mentee, p.mentor, p.mentee_application, p.mentor_application])).toEqual([
      ['mia', 'ada', issues[0]!.number, issues[3]!.number],
      ['noa', 'bea', issues[1]!.number, issues[4]!.number],
    ]);
    for (const p of file.pairs) {
      expect(p.breakdown.map((b) => b.component)).toEqual(['topics', 'language', 'timezone', 'stage', 'format', 'kind', 'slots']);
      expect(Math.abs(p.breakdown.reduce((s, b) => s + b.contribution, 0) - p.score)).toBeLessThan(0.001);
    }
    expect(file.unmatched).toEqual([{ login: 'ola', reason: 'no mentor passes the hard constraints: language (2 mentors)', application: issues[2]!.number }]);
    expect(file.unmatched_mentors).toEqual([]);
    expect(file.summary).toMatchObject({ mentees: 3, mentors: 2, slots: 3, pairs: 2, blocking_pairs: 0 });
    expect(file.summary.total_score).toBeCloseTo(file.pairs.reduce((s, p) => s + p.score, 0), 3);
    expect(summaryLines(file, apps, COHORT)[0]).toBe('  cohort          2027-spring (Spring 2027), pairs by the optimal method, 6 months');
  });

  test('mentors the proposal used who got no mentee are listed with their applications, so the bot can thank them on merge', () => {
    const issues = [app('mia', 'mentee', { topics: ['data-science'] }), app('Zed', 'mentor', { capacity: 1, topics: ['teaching'] }), app('ada', 'mentor', { capacity: 1 }), app('bea', 'mentor', { capacity: 1, topics: ['teaching'] })];
    const file = proposeMatches({ program, cohort: COHORT, applications: read(issues), at: AT });
    if (file.kind !== 'pairs') throw new Error('pairs expected');
    expect(file.pairs.map((p) => p.mentor)).toEqual(['ada']);
    // By login (case-insensitive), whatever the order the applications came in.
    expect(file.unmatched_mentors).toEqual([
      { login: 'bea', application: issues[3]!.number },
      { login: 'Zed', application: issues[1]!.number },
    ]);
  });

  test('blocking pairs are those of blockingPairs for the chosen method', () => {
    const issues = [
      app('pat', 'mentee', { topics: ['data-science', 'machine-learning'] }),
      app('quinn', 'mentee', { topics: ['data-science'] }),
      app('ada', 'mentor', { capacity: 1, topics: ['data-science', 'machine-learning'] }),
      app('bea', 'mentor', { capacity: 1, topics: ['data-science'], timezone: 'Asia/Tokyo' }),
    ];
    const apps = read(issues);
    for (const method of ['optimal', 'greedy', 'stable'] as const) {
      const file = proposeMatches({ program, cohort: COHORT, applications: apps, at: AT, method });
      if (file.kind !== 'pairs') throw new Error('pairs expected');
      const input = { program, mentees: apps.mentees.map((m) => m.mentee), mentors: apps.mentors.map((m) => m.mentor), at: AT, method };
      expect(file.blocking, method).toEqual(blockingPairs(assign(input), input));
      expect(file.summary.blocking_pairs, method).toBe(file.blocking.length);
      if (method === 'stable') expect(file.blocking).toEqual([]);
    }
  });

  test('peer groups: members, shared topics, and same-institution pairs by login only', () => {
    const issues = ['a1', 'a2', 'b1', 'b2'].map((l) => app(l, 'mentee', { affiliation: `Institute ${l[0]}`, topics: ['data-science'] }));
    const file = proposeMatches({ program, cohort: COHORT, applications: read(issues, true), at: AT, groupSize: 2, seed: 's1' });
    if (file.kind !== 'groups') throw new Error('groups expected');
    expect(file.seed).toBe('s1');
    expect(file.summary).toMatchObject({ people: 4, groups: 2, size: 2, same_institution_pairs: 0 });
    expect(file.groups.map((g) => g.members.map((m) => m[0]).sort().join(''))).toEqual(['ab', 'ab']);
    expect(file.groups.every((g) => g.shared_topics.includes('data-science'))).toBe(true);
    const same = proposeMatches({ program, cohort: COHORT, applications: read(['c1', 'c2'].map((l) => app(l, 'mentee', { affiliation: 'Same Place' })), true), at: AT, groupSize: 2 });
    if (same.kind !== 'groups') throw new Error('groups expected');
    expect(same.groups[0]!.same_institution).toEqual(['c1 & c2']);
    expect(renderMatches(same, COHORT)).not.toContain('Same Place');
  });

  test('fewer than two people cannot make a group: a clear error, not a file', () => {
    expect(() => proposeMatches({ program, cohort: COHORT, applications: read([app('solo', 'mentee')], true), at: AT, groupSize: 5 })).toThrow(ProposalError);
    expect(() => proposeMatches({ program, cohort: COHORT, applications: read([app('solo', 'mentee')], true), at: AT, groupSize: 5 })).toThrow('peer groups need at least two valid applications; cohort 2027-spring has 1');
  });

  test('the same applications in any order, with the same seed, give the same bytes', () => {
    const issues = cohortIssues();
    const text = (list: ApplicationIssue[], seed?: string) => renderMatches(proposeMatches({ program, cohort: COHORT, applications: read(list), at: AT, seed }), COHORT);
    expect(text([...issues].reverse())).toBe(text(issues));
    expect(text([...issues].reverse(), 'x')).toBe(text(issues, 'x'));
    expect(text(issues, 'x')).toContain('seed: x\n');
  });

  test('the rendered file starts with what it is for and parses back to the same data', () => {
    const file = proposeMatches({ program, cohort: COHORT, applications: read(cohortIssues()), at: AT });
    const text = renderMatches(file, COHORT);
    expect(text.split('\n').slice(0, 3).every((l) => l.startsWith('# '))).toBe(true);
    expect(matchesFileSchema.parse(parse(text))).toEqual(file);
  });

  test('the pull request body: the figures, the left-out applications by issue, and how the review goes', () => {
    const issues = [...cohortIssues(), app('zed', 'mentee', { topics: [] })];
    const apps = read(issues);
    const body = matchesPullBody(proposeMatches({ program, cohort: COHORT, applications: apps, at: AT }), apps, COHORT, program);
    expect(body).toContain('Proposed matches for **Spring 2027** (cohort `2027-spring`, 6 months)');
    expect(body).toContain(`- #${issues.at(-1)!.number} @zed (mentee): **Topics** is empty.`);
    expect(body).toContain('Merging opens one partnership issue per pair.');
    expect(body).toContain('@program-chair');
  });
});

test('a program whose cohort term is not one of its terms is refused, naming the cohort', () => {
  const raw = parse(readFileSync(resolve(ROOT, 'program.yml'), 'utf8')) as ProgramInput;
  raw.cohorts = [{ id: 'x', name: 'X', term: 5 }, { id: 'x', name: 'Y', term: 3 }, { id: 'Bad Id', name: 'Z', term: 3 }, { id: 'a'.repeat(44), name: 'Long', term: 3 }];
  const r = programSchema.safeParse(raw);
  expect(r.success).toBe(false);
  expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
    expect.arrayContaining([
      ['cohorts.0.term', '5 months is not one of terms (3, 6, 9, 12); choose one of them or add it to terms'],
      ['cohorts.1.id', 'cohort "x" is listed twice; each cohort needs its own id'],
      ['cohorts.2.id', expect.stringMatching(/^must be 1–50 lower-case letters/)],
      ['cohorts.3.id', 'is longer than 43 characters: its label cohort:<id> must fit GitHub’s 50'],
    ]),
  );
});
