import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { readClock } from '../../src/core/clock.ts';
import { readGroupState } from '../../src/core/peer-group.ts';
import { BOT_LOGIN } from '../../src/testing/emulator/index.ts';
import { runAction } from '../../src/testing/run-action.ts';
import { pushEvent, type PushCommit } from '../../src/testing/push-event.ts';
import { gh, useEmulator, file, labels, issue, program, OPEN, SINGLE } from './harness.ts';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL, labelSpec } from '../../src/core/labels.ts';
import { cohortBody, type CohortFields } from '../../src/testing/cohort-application-body.ts';
import { siteUrl } from '../../src/core/request-form.ts';
import { suggestMentors } from '../../src/core/suggestions.ts';
import { loadContent } from '../../src/files/content.ts';
import { ROOT } from './harness.ts';
import { MAINTAINER } from './answers-helpers.ts';
import { cal, card, commentsOf, expectNoChange, kinds, quietSweep, runAt, sayAt, sweepTwice, workspaceWith } from './time-helpers.ts';

/**
 * On merge: a push of matches/<cohort>.yaml to the default branch, delivered to the bundled bot with the files in
 * its checkout, opens one partnership issue per pair (or one issue per peer group); the term rules then run as
 * for an accepted request. docs/matching.md, "On merge".
 */
// The cohort's labels exist (the setup workflow creates them), so the application forms keep them.
useEmulator({ now: () => cal.now(), labels: ['request', 'cohort:2027-spring', COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL].map(labelSpec) });

const COHORT = '2027-spring';
const PATH = `matches/${COHORT}.yaml`;
const MERGER = MAINTAINER;
const TWO = 'daniel-osei'; // open, capacity 2

let ws: { dir: string; remove: () => void };
beforeEach(() => {
  ws = workspaceWith({});
  mkdirSync(join(ws.dir, 'matches'));
  cal.goTo('2027-03-01');
});
afterEach(() => ws.remove());

type Pair = { mentee: string; mentor: string; mentee_application?: number; mentor_application?: number };
const breakdown = [
  { component: 'topics', contribution: 5, reason: '2 shared topics of 2: data-science, open-source' },
  { component: 'language', contribution: 0, reason: 'both speak en' },
];
function pairsFile(pairs: Pair[], o: { term?: number; cohort?: string } = {}) {
  return {
    kind: 'pairs',
    cohort: o.cohort ?? COHORT,
    term_months: o.term ?? 6,
    at: '2027-03-01T00:00:00Z',
    method: 'optimal',
    summary: { mentees: pairs.length, mentors: pairs.length, slots: pairs.length, pairs: pairs.length, total_score: 5 * pairs.length, greedy_total: 5 * pairs.length, ratio_to_greedy: 1, blocking_pairs: 0 },
    pairs: pairs.map((p) => ({ ...p, score: 5, breakdown })),
    unmatched: [{ login: 'uma-unmatched', reason: 'no mentor passes the hard constraints: language (33 mentors)' }],
  };
}
function groupsFile(groups: string[][], o: { term?: number } = {}) {
  return {
    kind: 'groups',
    cohort: COHORT,
    term_months: o.term ?? 3,
    at: '2027-03-01T00:00:00Z',
    summary: { people: groups.flat().length, groups: groups.length, size: 3, shared_pairs: 2, same_institution_pairs: 0 },
    groups: groups.map((members, i) => ({ number: i + 1, members, shared_topics: ['open-source', 'hpc'], same_institution: [] })),
  };
}

/** Writes the file into the checkout and returns the push that merged it (not yet delivered). */
function merge(content: unknown, change: keyof PushCommit = 'added', path = PATH) {
  writeFileSync(join(ws.dir, path), typeof content === 'string' ? content : stringify(content));
  return pushEvent(gh, { by: MERGER, at: cal.now(), commits: [{ message: 'Merge pull request #7 from mentorkit/matches-2027-spring', [change]: [path] }] });
}

async function deliverPush(event: { name: string; payload: unknown }) {
  return runAction({ apiUrl: gh.url, token: gh.botToken, repository: program.repository, workspace: ws.dir, event, extraEnv: { MENTORKIT_NOW: cal.now().toISOString() } });
}

const cohortIssues = () => gh.state.issues.filter((i) => i.user.login === BOT_LOGIN && i.labels.some((l) => l.name === `cohort:${COHORT}`));
const byTitle = (s: string) => cohortIssues().find((i) => i.title.includes(s))!;

describe('a pairs file merged', () => {
  test('opens one active partnership per pair: labels, both mentioned, the card with the file’s term; the same push again changes nothing', async () => {
    const push = merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN, mentee_application: 3 }, { mentee: 'noah-newcomer', mentor: SINGLE }]));
    const r = await runAt(push, { workspace: ws.dir });
    expect(r.stdout).toContain(`${PATH}: 2 issue(s) opened`);
    const issues = cohortIssues();
    expect(issues.map((i) => i.title)).toEqual([
      `Mentoring partnership, cohort ${COHORT}: @mia-mentee with @${OPEN}`,
      `Mentoring partnership, cohort ${COHORT}: @noah-newcomer with @${SINGLE}`,
    ]);
    const [a, b] = issues.map((i) => i.number) as [number, number];
    expect(labels(a)).toEqual([`cohort:${COHORT}`, `mentor:${OPEN}`, 'request', 'status:active']);
    expect(labels(b)).toEqual([`cohort:${COHORT}`, `mentor:${SINGLE}`, 'request', 'status:active']);
    const body = issue(a).body!;
    expect(body.split('\n')[0]).toBe(`<!-- mentorkit:cohort-pair:${COHORT}.mia-mentee.${OPEN} -->`);
    expect(body).toContain(`@mia-mentee and @${OPEN}, the program committee of ${program.name} has matched you in cohort **${COHORT}**: @${OPEN} mentors @mia-mentee for 6 months.`);
    expect(body).toContain('- topics: 2 shared topics of 2: data-science, open-source');
    expect(body).toContain('Applications: #3 (@mia-mentee).');
    expect(body).not.toContain('For the program committee');

    // The card of an accepted request, started today for the file's term, by whoever merged.
    const c = card(a);
    expect(c.state).toMatchObject({ mentor: OPEN, mentee: 'mia-mentee', by: MERGER, start: '2027-03-01', months: 6, end: '2027-09-01', cohort: COHORT, agreed: {}, goals: [], checkins: [] });
    expect(c.body).toContain(`@mia-mentee and @${OPEN}, the program committee matched you in cohort **${COHORT}**: your mentoring partnership has started.`);
    expect(c.body).toContain('**Term:** 6 months, from 2027-03-01 to 2027-09-01.');
    expect(c.body).toContain(`- [ ] @mia-mentee\n- [ ] @${OPEN}`);
    expect(readClock(body)).toEqual({ v: 1, status: 'active', since: '2027-03-01', sent: [], end: '2027-09-01', checkin: '2027-03-01' });
    expect(kinds(a)).toEqual(['accepted']);
    // Labels the bot created on first use got their colour and description.
    expect(gh.state.labels.find((l) => l.name === `mentor:${SINGLE}`)).toMatchObject({ color: 'bfdadc', description: `Requests addressed to @${SINGLE}` });

    // The same delivery again (a re-run): nothing is opened or written.
    const again = await expectNoChange(() => runAt(push, { workspace: ws.dir }), 'the same push again');
    expect(again.stdout).toContain(`pairs[0] (@mia-mentee with @${OPEN}) is #${a} already.`);
  });

  test('an edit that adds a pair opens only that pair; an edit that moves a mentee to another mentor is refused, not applied', async () => {
    await runAt(merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }])), { workspace: ws.dir });
    expect(cohortIssues()).toHaveLength(1);
    const first = structuredClone(cohortIssues()[0]!);

    const added = await runAt(merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }, { mentee: 'noah-newcomer', mentor: TWO }]), 'modified'), { workspace: ws.dir });
    expect(added.stdout).toContain(`${PATH}: 1 issue(s) opened, 0 finished, 1 open already, 0 problem(s).`);
    expect(cohortIssues().map((i) => i.title)).toEqual([first.title, `Mentoring partnership, cohort ${COHORT}: @noah-newcomer with @${TWO}`]);
    expect(cohortIssues()[0]).toEqual(first);

    // Moving mia to another mentor would give her a second partnership: the bot says so and changes nothing.
    const before = structuredClone(gh.state.issues);
    const moved = await deliverPush(merge(pairsFile([{ mentee: 'mia-mentee', mentor: TWO }, { mentee: 'noah-newcomer', mentor: TWO }]), 'modified'));
    expect(moved.code).toBe(1);
    expect(moved.stdout).toMatch(new RegExp(`::error file=${PATH},line=\\d+::pairs\\[0\\]\\.mentor: @mia-mentee already has an open partnership in this cohort, #${first.number} with @${OPEN}`));
    const problems = byTitle('needs a fix');
    expect(gh.state.issues.filter((i) => i.number !== problems.number)).toEqual(before);
    expect(problems.body).toContain(`I don't move partnerships: put @${OPEN} back, or have a maintainer close #${first.number} with /end`);
  });
});

describe('a run that stops half-way, and a dry run', () => {
  test('an issue opened without its card is finished by the same push delivered again, and nothing opens twice', async () => {
    const push = merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }, { mentee: 'noah-newcomer', mentor: TWO }]));
    // GitHub keeps failing the first card's comment, past the retries: the run stops after opening #1.
    gh.fault({ method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/comments', status: 502, times: 10 });
    const failed = await deliverPush(push);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('::error::GitHub answered 502');
    expect(cohortIssues()).toHaveLength(1);
    const n = cohortIssues()[0]!.number;
    expect(readClock(issue(n).body)).toBeUndefined();
    gh.clearFaults();

    const again = await runAt(push, { workspace: ws.dir });
    expect(again.stdout).toContain(`#${n} was opened by an earlier run that did not finish; finishing it.`);
    expect(cohortIssues()).toHaveLength(2);
    expect(kinds(n)).toEqual(['accepted']);
    expect(readClock(issue(n).body)).toMatchObject({ status: 'active', since: '2027-03-01' });
    await expectNoChange(() => runAt(push, { workspace: ws.dir }), 'a third delivery');
  });

  test('--dry-run prints the issues it would open and changes nothing', async () => {
    const push = merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }]));
    const r = await expectNoChange(() => runAt(push, { workspace: ws.dir, dryRun: true }), 'a dry run');
    expect(r.stdout).toContain(`[dry-run] would open “Mentoring partnership, cohort ${COHORT}: @mia-mentee with @${OPEN}” with request, status:active, mentor:${OPEN}, cohort:${COHORT}, then post its card:`);
  });
});

describe('a file with problems', () => {
  test('pair problems keep only those pairs out, each reported with file, line and fix; the fix opens them and closes the report', async () => {
    const text = stringify(
      pairsFile([
        { mentee: 'mia-mentee', mentor: OPEN }, // fine
        { mentee: 'noah-newcomer', mentor: 'nobody-here' }, // unknown mentor
        { mentee: 'dora-double', mentor: TWO }, // dora twice
        { mentee: 'dora-double', mentor: SINGLE },
        { mentee: 'ivo-both', mentor: 'lucia-ferreira' }, // ivo is a mentee and a mentor
        { mentee: 'pia-pupil', mentor: 'ivo-both' },
      ]),
    );
    const push = merge(text);
    const r = await deliverPush(push);
    expect(r.code, r.stdout).toBe(1);
    const lineOf = (needle: string, nth = 0) => text.split('\n').map((l, i) => (l.includes(needle) ? i + 1 : 0)).filter(Boolean)[nth];
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error file='));
    expect(errors).toEqual([
      `::error file=${PATH},line=${lineOf('mentor: nobody-here')}::pairs[1].mentor: @nobody-here has no mentor profile (content/mentors/nobody-here.md), or it has errors (npm run validate shows them); add or fix the profile, or pair @noah-newcomer with another mentor`,
      `::error file=${PATH},line=${lineOf('mentee: dora-double')}::pairs[2].mentee: @dora-double is the mentee of 2 pairs (pairs[2], pairs[3]), and a mentee has one mentor in a cohort; keep one of them and remove the others`,
      `::error file=${PATH},line=${lineOf('mentee: dora-double', 1)}::pairs[3].mentee: @dora-double is the mentee of 2 pairs (pairs[2], pairs[3]), and a mentee has one mentor in a cohort; keep one of them and remove the others`,
      `::error file=${PATH},line=${lineOf('mentee: ivo-both')}::pairs[4].mentee: @ivo-both is a mentee here and a mentor in pairs[5]; a person takes one role in a cohort, so remove one of those pairs`,
      `::error file=${PATH},line=${lineOf('mentor: ivo-both')}::pairs[5].mentor: @ivo-both has no mentor profile (content/mentors/ivo-both.md), or it has errors (npm run validate shows them); add or fix the profile, or pair @pia-pupil with another mentor`,
    ]);
    expect(r.stdout).toContain('::error::5 problem(s) in the matches files of this push');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // Only mia's pair opened; the report names each problem and how to fix it.
    const partnerships = cohortIssues().filter((i) => i.labels.some((l) => l.name === 'request'));
    expect(partnerships.map((i) => i.title)).toEqual([`Mentoring partnership, cohort ${COHORT}: @mia-mentee with @${OPEN}`]);
    const report = byTitle('needs a fix');
    expect(report.title).toBe(`Cohort ${COHORT}: ${PATH} needs a fix`);
    expect(labels(report.number)).toEqual([`cohort:${COHORT}`]);
    expect(report.body).toContain(`@${MERGER}, I could not use all of \`${PATH}\` as merged in ${String((push.payload as { after: string }).after).slice(0, 7)}:`);
    expect(report.body).toContain(`- \`${PATH}:${lineOf('mentor: nobody-here')}\` \`pairs[1].mentor\`: @nobody-here has no mentor profile`);
    expect(report.body).toContain('The pairs these problems name were left out; 1 of 6 pairs are open.');
    expect(report.body).toContain('Fix the file in a new pull request.');

    // The same push again: the report is as it was, nothing opens twice.
    await expectNoChange(() => deliverPush(push), 'the same push with problems again');

    // The committee fixes it: what was left out opens, the report closes.
    const fixed = await runAt(
      merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }, { mentee: 'noah-newcomer', mentor: 'lucia-ferreira' }, { mentee: 'dora-double', mentor: TWO }, { mentee: 'pia-pupil', mentor: 'mereana-hutchins' }]), 'modified'),
      { workspace: ws.dir },
    );
    expect(fixed.stdout).toContain(`${PATH}: 3 issue(s) opened, 0 finished, 1 open already, 0 problem(s).`);
    expect(cohortIssues().filter((i) => i.labels.some((l) => l.name === 'request'))).toHaveLength(4);
    expect(issue(report.number).state).toBe('closed');
    expect(issue(report.number).comments.at(-1)!.body).toContain(`\`${PATH}\` has no problems left as of`);
  });

  test('a problem with the whole file (schema, term, cohort) opens nothing', async () => {
    const r = await deliverPush(merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }], { term: 7 })));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error file=matches\/2027-spring\.yaml,line=3::term_months: 7 months is not one of the program's terms \(3, 6, 9, 12 in program\.yml\); choose one of them/);
    expect(cohortIssues().map((i) => i.title)).toEqual([`Cohort ${COHORT}: ${PATH} needs a fix`]);
    expect(byTitle('needs a fix').body).toContain('Nothing was opened from this version of the file: these problems concern it as a whole.');

    // Not YAML the schema knows: a misspelt key, with a suggestion; a cohort that isn't the file's name.
    const bad = stringify({ ...pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }], { cohort: '2027-autumn' }), pairz: [] });
    const r2 = await deliverPush(merge(bad, 'modified'));
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain('pairz: unknown field; did you mean "pairs"? allowed here: kind, cohort, term_months, seed, at, method, summary, pairs, unmatched, unmatched_mentors, blocking');
    const r3 = await deliverPush(merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }], { cohort: '2027-autumn' }), 'modified'));
    expect(r3.stdout).toContain(`cohort: "2027-autumn" is not this file's cohort: the file is ${PATH}. Make them the same`);
    expect(cohortIssues().filter((i) => i.labels.some((l) => l.name === 'request'))).toEqual([]);
    expect(gh.state.issues.filter((i) => i.state === 'open')).toHaveLength(1);
  });

  test('a push that is not to the default branch, or touches no matches file, does nothing', async () => {
    writeFileSync(join(ws.dir, PATH), stringify(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }])));
    const other = pushEvent(gh, { by: MERGER, ref: 'refs/heads/matches-2027-spring', commits: [{ added: [PATH] }] });
    expect((await expectNoChange(() => runAt(other, { workspace: ws.dir }), 'a push to another branch')).stdout).toContain('matches files count once they are on the default branch (main)');
    const readme = pushEvent(gh, { by: MERGER, commits: [{ modified: ['README.md'] }] });
    expect((await expectNoChange(() => runAt(readme, { workspace: ws.dir }), 'a push of other files')).stdout).toContain('No matches/<cohort>.yaml was added or changed in this push');
  });
});

describe('the mentee of a cohort partnership', () => {
  test('comes from the bot’s marker: the mentee’s commands work, the sweep reminds both, and the term ends as a request’s would', async () => {
    // Noah has a request waiting for another mentor; the cohort partnership takes his only slot.
    cal.goTo('2027-02-20');
    const waiting = await file('noah-newcomer', { mentor: 'lucia-ferreira', term: 6 });
    await runAt(waiting.event);
    expect(labels(waiting.number)).toContain('status:pending');
    cal.goTo('2027-03-01');
    await runAt(merge(pairsFile([{ mentee: 'noah-newcomer', mentor: TWO }], { term: 3 })), { workspace: ws.dir });
    const n = cohortIssues()[0]!.number;
    expect(issue(waiting.number).state).toBe('closed');
    expect(labels(waiting.number)).toContain('status:withdrawn');
    expect(commentsOf(waiting.number, 'auto-withdrawn')[0]).toContain(`@noah-newcomer has started a mentoring partnership in #${n}`);

    // The mentee (named by the marker, not the issue's author) agrees and records goals; a stranger can't.
    cal.goTo('2027-03-02');
    await sayAt('noah-newcomer', n, '/agree\n/goal Ship the first release');
    expect(card(n).state.agreed).toEqual({ 'noah-newcomer': '2027-03-02' });
    expect(card(n).state.goals.map((g) => g.by)).toEqual(['noah-newcomer']);
    await sayAt('otto-other', n, '/checkin hello');
    expect(commentsOf(n, 'refused').at(-1)).toContain(`only the requested mentor (@${TWO}), the mentee who filed it (@noah-newcomer) or a program maintainer (listed in program.yml) can record check-ins on this partnership.`);

    // Check-in reminders every 30 days, to both.
    await quietSweep('2027-03-30');
    await sweepTwice('2027-03-31');
    expect(commentsOf(n, 'checkin-reminder')).toHaveLength(1);
    expect(commentsOf(n, 'checkin-reminder')[0]).toContain(`@noah-newcomer and @${TWO}, it has been 30 days since the partnership started (2027-03-01)`);

    // Noah's new request while the partnership runs is refused at intake: his one slot is taken.
    cal.goTo('2027-04-02');
    const another = await file('noah-newcomer', { mentor: 'lucia-ferreira', term: 6 });
    await runAt(another.event);
    expect(labels(another.number)).toContain('status:invalid');
    expect(commentsOf(another.number, 'intake')[0]).toContain(`you already have an active partnership (#${n}).`);
    await quietSweep('2027-04-03');

    // The term's last day completes it.
    await sweepTwice('2027-06-01');
    expect(labels(n).filter((l) => l.startsWith('status:'))).toEqual(['status:completed']);
    expect(issue(n).state).toBe('closed');
    expect(commentsOf(n, 'completed')[0]).toContain(`@noah-newcomer and @${TWO}, your partnership is complete: the 3-month term ended on 2027-06-01.`);
  });

  test('a marker written into someone’s own issue is theirs: they stay its mentee, and the bot’s cohort issue still opens', async () => {
    // mallory files a request whose body starts with the bot's marker naming mia as the mentee.
    const spoof = `<!-- mentorkit:cohort-pair:${COHORT}.mia-mentee.${OPEN} -->\n`;
    const { requestBody } = await import('../../src/testing/request-body.ts');
    const event = await gh.as('mallory-m').openIssue({ title: 'Mentorship request', body: spoof + requestBody(program, { mentor: OPEN, term: 3 }), labels: ['request'] });
    const m = (event.payload as { issue: { number: number } }).issue.number;
    await runAt(event);
    expect(labels(m)).toContain('status:pending');
    expect(commentsOf(m, 'welcome')[0]).toContain(`@${OPEN}, @mallory-m would like you to be their mentor`);
    // mia is not its mentee: she can't withdraw it; mallory can.
    await sayAt('mia-mentee', m, '/withdraw');
    expect(commentsOf(m, 'refused').at(-1)).toContain('only the mentee who filed it (@mallory-m) or a program maintainer (listed in program.yml) can withdraw this request.');
    expect(issue(m).state).toBe('open');

    // Nor does it stand in for the cohort's issue: merging the pair opens the real one.
    await runAt(merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN }])), { workspace: ws.dir });
    const real = cohortIssues();
    expect(real).toHaveLength(1);
    expect(real[0]!.number).not.toBe(m);
    await sayAt('mallory-m', m, '/withdraw');
    expect(labels(m)).toContain('status:withdrawn');
  });
});

describe('a groups file merged', () => {
  const G1 = ['gia-one', 'gus-two', 'gwen-three'];
  const G2 = ['hal-four', 'hana-five', 'hugo-six'];

  test('opens one issue per group with its card; members check in, others are refused, reminders every 14 days, the term completes it', async () => {
    const push = merge(groupsFile([G1, G2]));
    await runAt(push, { workspace: ws.dir });
    const groups = cohortIssues();
    expect(groups.map((i) => i.title)).toEqual([`Peer group 1, cohort ${COHORT}`, `Peer group 2, cohort ${COHORT}`]);
    const [g1, g2] = groups.map((i) => i.number) as [number, number];
    expect(labels(g1)).toEqual([`cohort:${COHORT}`, 'peer-group', 'status:active']);
    expect(issue(g1).body).toContain('@gia-one, @gus-two and @gwen-three, welcome to peer group 1 of cohort **2027-spring**');
    expect(issue(g1).body).toContain('you share an interest in Open source, High-performance computing');
    const groupCard = () => issue(g1).comments.find((c) => c.user.login === BOT_LOGIN && c.body.includes('<!-- mentorkit:group:'))!;
    expect(readGroupState(groupCard().body)).toMatchObject({ cohort: COHORT, number: 1, members: G1, start: '2027-03-01', months: 3, end: '2027-06-01', checkins: [] });
    expect(groupCard().body).toContain('**Members:** @gia-one, @gus-two, @gwen-three');
    expect(readClock(issue(g1).body)).toEqual({ v: 1, status: 'active', since: '2027-03-01', sent: [], end: '2027-06-01', checkin: '2027-03-01' });
    // Groups are not requests: they take nobody's slot, and the requests list doesn't show them.
    expect(labels(g1)).not.toContain('request');
    await expectNoChange(() => runAt(push, { workspace: ws.dir }), 'the same push again');

    // Day 13: quiet; day 14: everyone reminded, once.
    await quietSweep('2027-03-14');
    await sweepTwice('2027-03-15');
    expect(commentsOf(g1, 'checkin-reminder')).toEqual(['<!-- mentorkit:checkin-reminder:' + `${g1}.2027-03-01.1 -->\n@gia-one, @gus-two and @gwen-three, it has been 14 days since the group started (2027-03-01) and there is no check-in yet. When you have met, record it with \`/checkin [short note]\`.`]);
    expect(commentsOf(g2, 'checkin-reminder')).toHaveLength(1);

    // A member checks in: the count starts again. A stranger's check-in and a member's /goal are refused.
    cal.goTo('2027-03-20');
    await sayAt('gus-two', g1, '/checkin First meeting: we picked a reading list\n/goal Read it all\n/end');
    expect(readGroupState(groupCard().body)!.checkins).toEqual([{ date: '2027-03-20', by: 'gus-two', note: 'First meeting: we picked a reading list' }]);
    expect(groupCard().body).toContain('- 2027-03-20, @gus-two: First meeting: we picked a reading list');
    const refusals = commentsOf(g1, 'refused');
    expect(refusals[0]).toContain('@gus-two, I can’t do `/goal` here: `/goal` is for one-on-one requests and partnerships, not peer groups. In a peer group: `/checkin [note]` to record a meeting of the group (any member, or a maintainer); `/end` to close the group now (a program maintainer).');
    expect(refusals[1]).toContain('@gus-two, I can’t do `/end` here: only a program maintainer (listed in program.yml) can close a peer group.');
    await sayAt('otto-other', g1, '/checkin me too');
    expect(commentsOf(g1, 'refused').at(-1)).toContain('only the group’s members (@gia-one, @gus-two, @gwen-three) or a program maintainer (listed in program.yml) can record check-ins here.');
    await sayAt('gia-one', g1, '/hello');
    expect(commentsOf(g1, 'help').at(-1)).toContain('- `/checkin [note]`: record a meeting of the group');
    expect(readClock(issue(g1).body)).toMatchObject({ checkin: '2027-03-20', sent: [] });
    // Day 28: group 2, which never checked in, gets its second reminder; group 1 checked in 9 days ago.
    await sweepTwice('2027-03-29');
    expect(commentsOf(g2, 'checkin-reminder').at(-1)).toContain('it has been 28 days since the group started (2027-03-01) and there is no check-in yet.');
    expect(commentsOf(g1, 'checkin-reminder')).toHaveLength(1);
    await quietSweep('2027-04-02'); // 13 days after group 1's check-in
    await sweepTwice('2027-04-03');
    expect(commentsOf(g1, 'checkin-reminder').at(-1)).toContain('it has been 14 days since the group’s last check-in (2027-03-20).');

    // A maintainer closes group 2 early; group 1 completes at its term's end.
    cal.goTo('2027-04-10');
    await sayAt(MAINTAINER, g2, '/end the group has dissolved');
    expect(issue(g2).state).toBe('closed');
    expect(labels(g2)).toEqual([`cohort:${COHORT}`, 'peer-group', 'status:ended']);
    expect(commentsOf(g2, 'ended')[0]).toContain(`@hal-four, @hana-five and @hugo-six, your peer group has ended: @${MAINTAINER} (a maintainer) closed it (“the group has dissolved”).`);
    await sweepTwice('2027-06-01');
    expect(labels(g1)).toEqual([`cohort:${COHORT}`, 'peer-group', 'status:completed']);
    expect(issue(g1).state).toBe('closed');
    expect(commentsOf(g1, 'completed')[0]).toContain('your peer group has completed its term: its 3-month term ended on 2027-06-01.');
    expect(readGroupState(groupCard().body)!.closed).toEqual({ as: 'completed', on: '2027-06-01' });
  });

  test('a person in two groups keeps both groups out; the sweep over requests and groups with nothing due only lists them', async () => {
    const r = await deliverPush(merge(groupsFile([G1, ['hal-four', 'gus-two', 'hugo-six'], G2.map((m) => `${m}-x`)])));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('groups[0].members[1]: @gus-two is in 2 groups (groups[0], groups[1]), and a person belongs to one; remove them from all but one');
    expect(cohortIssues().filter((i) => i.labels.some((l) => l.name === 'peer-group')).map((i) => i.title)).toEqual([`Peer group 3, cohort ${COHORT}`]);

    // A request alongside: nothing is due on 2027-03-05, and the sweep only lists requests and groups, and reads one
    // page of labels for any left grey (labels-repair.ts).
    cal.goTo('2027-03-04');
    const req = await file('mia-mentee', { mentor: OPEN });
    await runAt(req.event);
    gh.resetCalls();
    await quietSweep('2027-03-05');
    expect(gh.calls.map((c) => `${c.method} ${c.route}`)).toEqual(['GET /repos/{owner}/{repo}/issues', 'GET /repos/{owner}/{repo}/issues', 'GET /repos/{owner}/{repo}/labels']);
  });
});

describe('answering the applications', () => {
  const SPRING = program.cohorts.find((c) => c.id === COHORT)!;
  /** Files a cohort application from the form (the bot leaves these alone when they are filed). */
  async function apply(login: string, role: 'mentee' | 'mentor', f: Partial<CohortFields> = {}): Promise<number> {
    const event = await gh.as(login).openIssue({ title: `Cohort application: ${role}`, body: cohortBody(program, SPRING, role, f), labels: [`cohort:${COHORT}`, role === 'mentee' ? COHORT_MENTEE_LABEL : COHORT_MENTOR_LABEL] });
    return (event.payload as { issue: { number: number } }).issue.number;
  }
  const answers = (n: number) => issue(n).comments.filter((c) => c.user.login === BOT_LOGIN && c.body.startsWith(`<!-- mentorkit:cohort-answer:${COHORT}.${n} -->`)).map((c) => c.body);
  const closedAs = (n: number) => [issue(n).state, issue(n).state_reason];
  /** The calls that touched #n: its comments and its update. */
  const callsOn = (n: number, from = 0) => gh.calls.slice(from).filter((c) => new RegExp(`/issues/${n}(/|\\?|$)`).test(c.path)).map((c) => `${c.method} ${c.route}`);
  // Uma's application fits Aino (topics, language, stage, zone), whose one slot goes to Noah's pair.
  const UMA: Partial<CohortFields> = { topics: ['entrepreneurship', 'industry-careers'], languages: ['en'], timezone: 'Europe/Helsinki', stages: ['phd'], formats: ['video'], kinds: [] };

  test('matched, unmatched and mentors with no mentee are each answered once and closed; applications the file does not name are left alone', async () => {
    cal.goTo('2027-02-10');
    const mia = await apply('mia-mentee', 'mentee');
    const noah = await apply('noah-newcomer', 'mentee');
    const uma = await apply('uma-unmatched', 'mentee', UMA);
    const amara = await apply(OPEN, 'mentor');
    const aino = await apply(SINGLE, 'mentor', { capacity: 1 });
    const daniel = await apply(TWO, 'mentor');
    const zoe = await apply('zoe-newmentor', 'mentor', { capacity: 1 });
    const invalid = await apply('ivy-invalid', 'mentee', { topics: [] });
    cal.goTo('2027-02-20');
    const late = await apply('larry-late', 'mentee');
    // A committee member asks Uma something on her application: it has a comment now, so its thread is read.
    await gh.as(MAINTAINER).comment(uma, 'Thanks, we will decide on 1 March.');

    cal.goTo('2027-03-01');
    const content = {
      ...pairsFile([
        { mentee: 'mia-mentee', mentor: OPEN, mentee_application: mia, mentor_application: amara },
        { mentee: 'noah-newcomer', mentor: SINGLE }, // no numbers: found by login and role label
      ]),
      unmatched: [{ login: 'uma-unmatched', reason: 'every slot of the 1 eligible mentor went to others', application: uma }],
      unmatched_mentors: [{ login: TWO, application: daniel }, { login: 'zoe-newmentor' }],
    };
    const push = merge(content);
    const from = gh.calls.length;
    const r = await runAt(push, { workspace: ws.dir });
    const [pMia, pNoah] = cohortIssues().map((i) => i.number) as [number, number];
    expect(r.stdout).toContain(`${PATH}: 7 application(s) answered, 0 reopened after the answer and left open.`);

    // Matched: one comment linking the partnership, closed as completed.
    expect(answers(mia)).toEqual([
      `<!-- mentorkit:cohort-answer:${COHORT}.${mia} -->\n@mia-mentee, you are matched with @${OPEN} in cohort **${COHORT}**: see #${pMia}. Your partnership has started there: agree to the mentoring agreement and set your first goals in that issue.\n\nThis application has done its job, so I’m closing it; it stays here for the record.`,
    ]);
    expect(answers(noah)[0]).toContain(`@noah-newcomer, you are matched with @${SINGLE} in cohort **${COHORT}**: see #${pNoah}.`);
    expect(answers(amara)[0]).toContain(`@${OPEN}, you are matched with @mia-mentee in cohort **${COHORT}**: see #${pMia}.`);
    expect(answers(aino)[0]).toContain(`@${SINGLE}, you are matched with @noah-newcomer in cohort **${COHORT}**: see #${pNoah}.`);
    for (const n of [mia, noah, amara, aino]) expect(closedAs(n), `#${n}`).toEqual(['closed', 'completed']);

    // Unmatched: the file's reason, directory mentors with a free slot who fit, how to file a request; not planned.
    const [umaAnswer] = answers(uma);
    expect(umaAnswer).toContain(`@uma-unmatched, thank you for applying to cohort **${COHORT}** of ${program.name}. The program committee could not match you with a mentor this time; the reason, as the matching recorded it: every slot of the 1 eligible mentor went to others.`);
    expect(umaAnswer).toContain('These mentors in the directory have a free slot now and fit your application best');
    expect(umaAnswer).toContain(`To ask one of them, file a normal request: use **Request mentorship** on their page (or find others in the [directory](${siteUrl(program)})).`);
    const suggested = [...umaAnswer!.matchAll(/^- \[@([\w-]+)\]\(/gm)].map((m) => m[1]);
    expect(suggested).toHaveLength(3);
    // Aino would top the list with her slot free; Noah's partnership took it, so she is not suggested.
    const profiles = new Map(loadContent(ROOT).mentors.map((m) => [m.github, m]));
    const mentee = { login: 'uma-unmatched', topics: UMA.topics!, languages: ['en'], timezone: 'Europe/Helsinki', stage: 'phd', formats: ['video'], kinds: [] };
    expect(suggestMentors({ program, mentors: profiles, openRequests: [], mentee, exclude: [], today: '2027-03-01' })[0]!.profile.github).toBe(SINGLE);
    expect(suggested).not.toContain(SINGLE);
    expect(closedAs(uma)).toEqual(['closed', 'not_planned']);

    // Mentors with no mentee: thanks; with a profile, the directory; without, how to join it.
    expect(answers(daniel)[0]).toContain(`@${TWO}, thank you for offering to mentor in cohort **${COHORT}** of ${program.name}. No mentee was matched with you this time`);
    expect(answers(daniel)[0]).toContain('Your profile stays in the [directory]');
    expect(answers(zoe)[0]).toContain('To mentor outside cohorts, join the [directory]');
    for (const n of [daniel, zoe]) expect(closedAs(n), `#${n}`).toEqual(['closed', 'not_planned']);

    // Not in the file: open, untouched.
    for (const n of [invalid, late]) {
      expect(issue(n).state).toBe('open');
      expect(issue(n).comments).toEqual([]);
      expect(callsOn(n, from)).toEqual([]);
    }
    // The cost: one comment and one update per application; Uma's thread (it had a comment) read once.
    for (const n of [mia, noah, amara, aino, daniel, zoe]) expect(callsOn(n, from), `#${n}`).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'PATCH /repos/{owner}/{repo}/issues/{issue_number}']);
    expect(callsOn(uma, from)).toEqual(['GET /repos/{owner}/{repo}/issues/{issue_number}/comments', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'PATCH /repos/{owner}/{repo}/issues/{issue_number}']);

    // The same push again: nothing is written.
    const again = await expectNoChange(() => runAt(push, { workspace: ws.dir }), 'the same push again');
    expect(again.stdout).toContain(`${PATH}: 7 application(s) the file names are closed already (#${mia}, #${noah}, #${uma}, #${amara}, #${aino}, #${daniel}, #${zoe}); left as they are.`);

    // The committee reopens Mia's application by hand; a later edit of the file adds Larry's pair. Larry's application
    // is answered, Mia's stays open with its one answer.
    await gh.as(MAINTAINER).reopenIssue(mia);
    cal.goTo('2027-03-03');
    const edited = await runAt(merge({ ...content, pairs: [...content.pairs, { mentee: 'larry-late', mentor: 'lucia-ferreira', score: 5, breakdown }] }, 'modified'), { workspace: ws.dir });
    expect(edited.stdout).toContain(`${PATH}: #${mia} carried my answer and were reopened since; left open.`);
    expect(edited.stdout).toContain(`pairs[2]: @lucia-ferreira has no mentor application of cohort ${COHORT}; nothing to answer.`);
    expect(issue(mia).state).toBe('open');
    expect(answers(mia)).toHaveLength(1);
    expect(answers(late)[0]).toContain(`@larry-late, you are matched with @lucia-ferreira in cohort **${COHORT}**: see #${byTitle('@larry-late').number}.`);
    expect(closedAs(late)).toEqual(['closed', 'completed']);
    for (const n of [noah, uma, daniel]) expect(answers(n), `#${n}`).toHaveLength(1);
    expect(issue(invalid).comments).toEqual([]);
  });

  test('an application answered by a run that stopped before closing it is closed by the next delivery, not answered twice', async () => {
    cal.goTo('2027-02-10');
    const mia = await apply('mia-mentee', 'mentee');
    cal.goTo('2027-03-01');
    const push = merge(pairsFile([{ mentee: 'mia-mentee', mentor: OPEN, mentee_application: mia }]));
    gh.fault({ method: 'PATCH', route: new RegExp(`/issues/${mia}$`), status: 502, times: 10 });
    const failed = await deliverPush(push);
    expect(failed.code).toBe(1);
    expect(answers(mia)).toHaveLength(1);
    expect(issue(mia).state).toBe('open');
    gh.clearFaults();

    const again = await runAt(push, { workspace: ws.dir });
    expect(again.stdout).toContain(`@mia-mentee's mentee application was answered (matched) by a run that stopped before closing it; closing it as completed.`);
    expect(answers(mia)).toHaveLength(1);
    expect(closedAs(mia)).toEqual(['closed', 'completed']);
  });

  test('--dry-run prints each answer, with the issue it would open, and changes nothing', async () => {
    cal.goTo('2027-02-10');
    const mia = await apply('mia-mentee', 'mentee');
    const uma = await apply('uma-unmatched', 'mentee', UMA);
    cal.goTo('2027-03-01');
    const push = merge(pairsFile([{ mentee: 'mia-mentee', mentor: SINGLE }]));
    const r = await expectNoChange(() => runAt(push, { workspace: ws.dir, dryRun: true }), 'a dry run');
    expect(r.stdout).toContain(`[dry-run] #${mia}: @mia-mentee's mentee application: matched; answered and closed as completed.`);
    expect(r.stdout).toContain(`[dry-run]     | @mia-mentee, you are matched with @${SINGLE} in cohort **${COHORT}**: see #(the issue this run opens).`);
    expect(r.stdout).toContain(`[dry-run]   close as completed`);
    // Uma is unmatched in this file: the pair the dry run would open takes Aino's slot, so she is not suggested.
    expect(r.stdout).toMatch(new RegExp(`\\[dry-run\\] #${uma}: @uma-unmatched's mentee application: not matched, 3 mentor\\(s\\) suggested; answered and closed as not planned\\.`));
    expect(r.stdout).not.toContain(`| - [@${SINGLE}]`);
    expect(r.stdout).toContain(`${PATH}: 2 application(s) answered (dry run: nothing written), 0 reopened after the answer and left open.`);
  });

  test('a groups file: each member’s application links their group’s issue and is closed; a pair’s member waits while a problem holds it', async () => {
    cal.goTo('2027-02-10');
    const gia = await apply('gia-one', 'mentee');
    const gus = await apply('gus-two', 'mentee');
    const gwen = await apply('gwen-three', 'mentee');
    const hal = await apply('hal-four', 'mentee');
    cal.goTo('2027-03-01');
    // Hal is in two groups: both wait for the fix, and so do their members' applications.
    const r = await deliverPush(merge(groupsFile([['gia-one', 'gus-two', 'gwen-three'], ['hal-four', 'hana-five'], ['hal-four', 'hugo-six']])));
    expect(r.code).toBe(1);
    const g1 = byTitle('Peer group 1').number;
    for (const [n, who, others] of [[gia, 'gia-one', '@gus-two and @gwen-three'], [gus, 'gus-two', '@gia-one and @gwen-three'], [gwen, 'gwen-three', '@gia-one and @gus-two']] as const) {
      expect(answers(n)).toEqual([
        `<!-- mentorkit:cohort-answer:${COHORT}.${n} -->\n@${who}, you are in peer group 1 of cohort **${COHORT}** with ${others}: see #${g1}. Meet there, and record each meeting with \`/checkin [note]\`.\n\nThis application has done its job, so I’m closing it; it stays here for the record.`,
      ]);
      expect(closedAs(n)).toEqual(['closed', 'completed']);
    }
    expect(r.stdout).toContain(`${PATH}: groups[1] (group 2) has no issue yet; its members' applications wait for it.`);
    expect(issue(hal).state).toBe('open');
    expect(issue(hal).comments).toEqual([]);

    // The fix opens Hal's group and answers his application; the others are not answered again.
    await runAt(merge(groupsFile([['gia-one', 'gus-two', 'gwen-three'], ['hal-four', 'hana-five', 'hugo-six']]), 'modified'), { workspace: ws.dir });
    expect(answers(hal)[0]).toContain(`@hal-four, you are in peer group 2 of cohort **${COHORT}** with @hana-five and @hugo-six: see #${byTitle('Peer group 2').number}.`);
    expect(closedAs(hal)).toEqual(['closed', 'completed']);
    for (const n of [gia, gus, gwen]) expect(answers(n)).toHaveLength(1);
  });
});
