import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { pushEvent } from './push-event.ts';
import { MAINTAINER, MODERATOR, type Scenario, type Stage } from './faults-matrix.ts';

/**
 * The runs the fault matrix interrupts: one per bot handler, each built so that its run makes every kind of write
 * it can (comments on two issues, labels GitHub creates on first use, closing, locking, deleting, a branch, a
 * commit and a pull request).
 */

const MENTEE = 'mia-mentee';
const OTHER = 'otto-other';
// Sample mentors (content/mentors): open with capacity 2, open with capacity 1, open with capacity 2.
const OPEN = 'amara-okafor';
const SINGLE = 'aino-koskinen';
const SPARE = 'andres-villalobos';
const SPAMMER = 'spam-account-7';

const ROOT = resolve(import.meta.dirname, '../..');
const repoFile = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const profile = (login: string, confirmed: string) => repoFile(`content/mentors/${login}.md`).replace(/^last_confirmed: .*$/m, `last_confirmed: ${confirmed}`);

/** The profiles workflow's checkout: one profile due for a check-in on 2027-01-04 (180 days), one fresh. */
const FRESHNESS_CHECKOUT = {
  'program.yml': repoFile('program.yml'),
  [`content/mentors/${OPEN}.md`]: profile(OPEN, '2026-07-01'),
  [`content/mentors/${SINGLE}.md`]: profile(SINGLE, '2026-12-20'),
};

const COHORT = '2027-spring';
/** A pairs file as npm run match writes it and the committee merges it. */
const PAIRS = stringify({
  kind: 'pairs',
  cohort: COHORT,
  term_months: 6,
  at: '2027-03-01T00:00:00Z',
  method: 'optimal',
  summary: { mentees: 2, mentors: 2, slots: 2, pairs: 2, total_score: 10, greedy_total: 10, ratio_to_greedy: 1, blocking_pairs: 0 },
  pairs: [
    { mentee: MENTEE, mentor: OPEN, score: 5, breakdown: [{ component: 'topics', contribution: 5, reason: '2 shared topics of 2: data-science, open-source' }] },
    { mentee: OTHER, mentor: SINGLE, score: 5, breakdown: [{ component: 'topics', contribution: 5, reason: '1 shared topic: hpc' }] },
  ],
  unmatched: [],
});

/** A request accepted by its mentor: the partnership thread. */
async function partnership(s: Stage, mentee = MENTEE): Promise<number> {
  const n = await s.request(mentee, { mentor: OPEN });
  await s.say(OPEN, n, '/accept');
  return n;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'intake: a request that passes (welcome, labels, clock)',
    setup: async (s) => s.gh.as(MENTEE).openIssue({ title: 'Mentorship request', body: s.body({ mentor: OPEN, alternates: [SPARE] }), labels: ['request'] }),
  },
  {
    name: 'intake: a request refused and closed (Code of Conduct box unticked)',
    setup: async (s) => s.gh.as(MENTEE).openIssue({ title: 'Mentorship request', body: s.body({ mentor: OPEN, agreed: false }), labels: ['request'] }),
  },
  {
    name: '/accept, withdrawing the mentee’s other request',
    setup: async (s) => {
      const r1 = await s.request(MENTEE, { mentor: OPEN });
      await s.request(MENTEE, { mentor: SINGLE });
      return s.gh.as(OPEN).comment(r1, '/accept');
    },
  },
  {
    name: 'status:active applied as a label by a maintainer',
    setup: async (s) => {
      const r1 = await s.request(MENTEE, { mentor: OPEN });
      await s.request(MENTEE, { mentor: SINGLE });
      return s.gh.as(MAINTAINER).addLabels(r1, ['status:active']);
    },
  },
  {
    name: '/decline with a reason, handing the request to the alternate',
    setup: async (s) => {
      const n = await s.request(MENTEE, { mentor: OPEN, alternates: [SPARE] });
      return s.gh.as(OPEN).comment(n, '/decline I am away until June');
    },
  },
  {
    name: '/later',
    setup: async (s) => s.gh.as(OPEN).comment(await s.request(MENTEE, { mentor: OPEN }), '/later'),
  },
  {
    name: '/withdraw by the mentee',
    setup: async (s) => s.gh.as(MENTEE).comment(await s.request(MENTEE, { mentor: OPEN }), '/withdraw'),
  },
  {
    name: '/suggest',
    setup: async (s) => s.gh.as(MENTEE).comment(await s.request(MENTEE, { mentor: OPEN }), '/suggest'),
  },
  {
    name: 'an unknown command and a command from someone not allowed',
    setup: async (s) => s.gh.as(OTHER).comment(await s.request(MENTEE, { mentor: OPEN }), '/accept\n/frobnicate'),
  },
  {
    name: 'partnership: /agree, /goal and /checkin edit the card',
    setup: async (s) => s.gh.as(MENTEE).comment(await partnership(s), '/agree\n/goal Submit the thesis chapter\n/checkin We met and planned the term'),
  },
  {
    name: 'partnership: /complete by a maintainer closes it',
    setup: async (s) => s.gh.as(MAINTAINER).comment(await partnership(s), '/complete'),
  },
  {
    name: 'partnership: /end by one partner gives notice',
    setup: async (s) => s.gh.as(MENTEE).comment(await partnership(s), '/end'),
  },
  {
    name: '/report: comment deleted, moderators pinged, report filed privately, thread locked',
    program: (p) => ({
      ...p,
      safety: { ...p.safety, moderators: [MODERATOR], report: { ...p.safety.report, repository: p.repository, token_secret: 'MENTORKIT_REPORTS_TOKEN' }, lock_on_report: true },
    }),
    reports: true,
    setup: async (s) => s.gh.as(MENTEE).comment(await s.request(MENTEE, { mentor: OPEN }), '/report he keeps messaging me after I asked him to stop'),
  },
  {
    name: '/pause @login: a pull request to blocklist.yml (mentor profiles workflow)',
    task: 'freshness',
    emulator: { files: { 'blocklist.yml': readFileSync(resolve(ROOT, 'blocklist.yml'), 'utf8'), 'program.yml': readFileSync(resolve(ROOT, 'program.yml'), 'utf8') } },
    setup: async (s) => {
      const opened = await s.gh.as(SPAMMER).openIssue({ title: 'Buy now', body: 'spam' });
      return s.gh.as(MAINTAINER).comment((opened.payload.issue as { number: number }).number, `/pause @${SPAMMER} spam in three threads`);
    },
  },
  {
    name: 'the daily sweep: a reminder, an expiry and a check-in reminder due at once',
    setup: async (s) => {
      await s.request(MENTEE, { mentor: OPEN });
      await partnership(s, OTHER);
      s.at('2027-01-27');
      await s.request('nina-newer', { mentor: SPARE });
      s.at('2027-02-03');
      return { name: 'schedule', payload: { schedule: '23 5 * * *' } };
    },
  },
  {
    name: 'freshness: the sweep opens a check-in for a stale profile',
    task: 'freshness',
    checkout: FRESHNESS_CHECKOUT,
    setup: async () => ({ name: 'schedule', payload: { schedule: '37 6 * * *' } }),
  },
  {
    name: 'freshness: /confirm opens the pull request and closes the check-in',
    task: 'freshness',
    checkout: FRESHNESS_CHECKOUT,
    setup: async (s) => {
      await s.bot({ name: 'schedule', payload: { schedule: '37 6 * * *' } });
      const checkin = s.gh.state.issues.find((i) => i.user.login !== OPEN)!.number;
      return s.gh.as(OPEN).comment(checkin, 'Still here!\n\n/confirm');
    },
  },
  {
    name: 'a merged pairs file opens one partnership issue per pair',
    start: '2027-03-01',
    checkout: {
      'program.yml': repoFile('program.yml'),
      [`content/mentors/${OPEN}.md`]: repoFile(`content/mentors/${OPEN}.md`),
      [`content/mentors/${SINGLE}.md`]: repoFile(`content/mentors/${SINGLE}.md`),
      [`matches/${COHORT}.yaml`]: PAIRS,
    },
    setup: async (s) => pushEvent(s.gh, { by: MAINTAINER, at: s.now, commits: [{ message: `Merge pull request #7 from mentorkit/matches-${COHORT}`, added: [`matches/${COHORT}.yaml`] }] }),
  },
];
