import { expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function simulate(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'scripts/simulate.ts'), ...args], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b));
    child.stderr.on('data', (b: Buffer) => (err += b));
    child.on('close', (code) => done({ code, out, err }));
  });
}

test('npm run simulate plays the scenario through the bundled action and prints a timeline', async () => {
  const r = await simulate();
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  // a valid request
  expect(r.out).toMatch(/#1 labels: \+mentor:amara-okafor \+status:pending/);
  // invalid, then fixed by an edit: the same comment is edited and the request becomes pending
  expect(r.out).toMatch(/#2 labels: \+status:invalid/);
  expect(r.out).toContain('“amara-okafr” is not a mentor in the directory');
  expect(r.out).toMatch(/#2 bot edited its comment:\n\s+│ @leo-mentee, thanks: your request now passes every check/);
  // the quota, and a paused mentor
  expect(r.out).toContain('you already have 2 open requests (#3, #4)');
  expect(r.out).toContain('@chen-yuhan is not taking requests right now');
  expect(r.out).toMatch(/#5\s+@quinn-mentee\s+–\s+invalid\s+open/);
  // save for later, then accept
  expect(r.out).toMatch(/#1 labels: \+status:saved -status:pending/);
  expect(r.out).toMatch(/#1 labels: \+status:active -status:saved/);
  expect(r.out).toContain('@mia-mentee, @amara-okafor accepted your request');
  // an acceptance that takes the mentee's last slot withdraws their other request, telling its mentor
  expect(r.out).toMatch(/#4 labels: \+status:withdrawn -status:pending/);
  expect(r.out).toContain('@ayesha-rahman, @quinn-mentee has started a mentoring partnership in #3');
  expect(r.out).toMatch(/#4 closed \(not_planned\)/);
  // decline with a cascade through both alternates, then closed with suggestions
  expect(r.out).toMatch(/#7 labels: \+mentor:aino-koskinen -mentor:daniel-osei/);
  expect(r.out).toMatch(/#7 labels: \+mentor:tomas-nunez -mentor:aino-koskinen/);
  expect(r.out).toContain('@noor-mentee, @tomas-nunez declined (reason: not a good fit). I’m closing this request.');
  expect(r.out).toMatch(/#7\s+@noor-mentee\s+tomas-nunez\s+declined\s+closed/);
  // withdraw
  expect(r.out).toContain('@amara-okafor, @leo-mentee withdrew this request.');
  expect(r.out).toMatch(/#2\s+@leo-mentee\s+amara-okafor\s+withdrawn\s+closed/);
  // the partnership card: three commands in one comment edit it in place
  expect(r.out).toMatch(/#1 bot edited its comment:/);
  expect(r.out).not.toContain('::error::');
  expect(r.out).not.toContain('did not match GitHub');
}, 120_000);

test('--days fast-forwards the daily sweep: a reminder on day 7, a last notice on day 23, an expiry on day 30', async () => {
  const r = await simulate('--days', '31');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const day = (n: number) => r.out.split(new RegExp(`^Day ${n}, `, 'm'))[1]?.split(/^Day \d+, /m)[0] ?? '';
  expect(day(7)).toContain('@mereana-hutchins, a gentle reminder: @sam-mentee asked you 7 days ago');
  expect(day(23)).toContain('last notice: this request has had no answer');
  expect(day(30)).toContain('@sam-mentee, @mereana-hutchins did not answer within 30 days.');
  expect(day(30)).toMatch(/#8 closed \(not_planned\)/);
  // invalid requests left unfixed close on day 30 too; quiet days cost only the list calls and print nothing
  expect(day(30)).toContain('@pia-mentee, this request still had problems to fix after 30 days');
  expect(r.out).not.toMatch(/^Day (1|8|24), /m);
  expect(r.out).toMatch(/#8\s+@sam-mentee\s+mereana-hutchins\s+expired\s+closed/);
  expect(r.out).not.toContain('::error::');
}, 120_000);

test('--days must be a number of days', async () => {
  const r = await simulate('--days', 'soon');
  expect(r.code).toBe(2);
  expect(r.err).toContain('simulate: --days "soon" is not a number of days from 0 to 800');
});

test('a bad flag is explained with the usage', async () => {
  const r = await simulate('--keep-runing');
  expect(r.code).toBe(2);
  expect(r.err).toContain("simulate: Unknown option '--keep-runing'");
  expect(r.err).toContain('--keep-running');
});

test('--keep-running serves the emulator and runs the bot on events posted by hand', async () => {
  const child = spawn(process.execPath, [resolve(ROOT, 'scripts/simulate.ts'), '--keep-running', '--quiet'], { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b));
  try {
    await expect.poll(() => out, { timeout: 90_000, interval: 200 }).toContain('Press Ctrl+C to stop.');
    const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const token = /with this token: (\S+)/.exec(out)![1]!;
    const body = '### Mentor’s GitHub login\n\nchen-yuhan\n\n### Your goals\n\nLearn to review code';
    const res = await fetch(`${url}/repos/mentorkit/mentorkit/issues`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Mentorship request', body, labels: ['request'] }),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => out, { timeout: 30_000, interval: 200 }).toMatch(/#9 labels: .*\+status:invalid/);
    expect(out).toContain('issues.opened by @you on #9');
  } finally {
    child.kill('SIGINT');
  }
}, 150_000);

test('--cohort plays a cohort: applications, npm run match with its pull request, the merge, one partnership per pair', async () => {
  const r = await simulate('--cohort');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  // The applications are not requests: the bot leaves them alone.
  expect(r.out).toMatch(/#1 @amara-okafor \(mentor\): two mentees/);
  expect(r.out).not.toMatch(/#(?:[1-9]|1[01]) labels:/);
  // The committee's run: one invalid application left out with its field, one mentee nobody can mentor.
  expect(r.out).toMatch(/applications\s+6 mentees and 4 mentors used; 1 invalid/);
  expect(r.out).toMatch(/pairs\s+5 of 6 mentees \(5 slots from 4 mentors\)/);
  expect(r.out).toContain('- Languages: is empty. Choose at least one language you can be mentored in.');
  expect(r.out).toMatch(/match: pull request #12 opened/);
  // The merge: five partnership issues, each active with both people named, the mentee read from the bot's marker.
  expect(r.out).toMatch(/↳ bot \(push, \d+ API calls\)/);
  for (const [mentee, mentor] of [['kofi-mentee', 'amara-okafor'], ['lucia-mentee', 'andres-villalobos'], ['mia-mentee', 'amara-okafor'], ['ren-mentee', 'ayesha-rahman'], ['zoe-mentee', 'marcus-bell']]) {
    expect(r.out).toContain(`@${mentee} and @${mentor}, the program committee matched you in cohort **2027-spring**`);
    expect(r.out).toMatch(new RegExp(`#1[3-7]\\s+@${mentee}\\s+${mentor}\\s+active\\s+open`));
  }
  expect(r.out).not.toContain('@ana-mentee and');
  // Every application the file decides is answered and closed: the matched with their issue, the unmatched with
  // the reason and mentors from the directory; the invalid one (not in the file) stays open.
  expect(r.out).toMatch(/#5 bot commented:\n\s+│ @mia-mentee, you are matched with @amara-okafor in cohort \*\*2027-spring\*\*: see #1[3-7]\./);
  expect(r.out).toContain('@ana-mentee, thank you for applying to cohort **2027-spring** of Open Science Mentoring. The program committee could not match you with a mentor this time; the reason, as the matching recorded it: no mentor passes the hard constraints: language (4 mentors).');
  expect(r.out).toContain('- [@fatima-zahra-benali](https://mentorkit.github.io/mentorkit/mentors/fatima-zahra-benali/): Fatima Zahra Benali');
  expect(r.out).toMatch(/#10 closed \(not_planned\)/);
  expect(r.out).toMatch(/#11\s+@ola-mentee\s+–\s+–\s+open/);
  // The partnership commands work on a cohort partnership.
  expect(r.out).toMatch(/#13 @amara-okafor commented "\/checkin …"\n\s+↳ bot \(issue_comment\.created/);
}, 240_000);

test('--cohort with --days: the sweep treats cohort partnerships as any other (check-in reminders on day 30)', async () => {
  // The term's end through the sweep is tested in cohort-on-merge.test.ts; 200 days here would cost 100 s.
  const r = await simulate('--cohort', '--days', '31');
  expect(r.code).toBe(0);
  const day30 = r.out.slice(r.out.indexOf('Day 30,'));
  expect(day30).toContain('@kofi-mentee and @amara-okafor, it has been 30 days since the last check-in');
  for (const [mentee, mentor] of [['lucia-mentee', 'andres-villalobos'], ['mia-mentee', 'amara-okafor'], ['ren-mentee', 'ayesha-rahman'], ['zoe-mentee', 'marcus-bell']]) {
    expect(day30).toContain(`@${mentee} and @${mentor}, it has been 30 days since the partnership started`);
  }
}, 240_000);

test('--cohort names a cohort of program.yml', async () => {
  const r = await simulate('--cohort', 'nope');
  expect(r.code).toBe(2);
  expect(r.err).toContain('simulate: there is no cohort "nope" in program.yml; the cohorts are 2027-spring.');
});
