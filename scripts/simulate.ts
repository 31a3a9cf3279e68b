#!/usr/bin/env node
// npm run simulate: try the request workflow with no GitHub account. It starts the offline GitHub over the
// sample content, plays a short scenario through the real bundled action, and prints what happened.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startEmulator, type Emulator, type EmulatorEvent } from '../src/testing/emulator/index.ts';
import { runAction } from '../src/testing/run-action.ts';
import { requestBody, type RequestFields } from '../src/testing/request-body.ts';
import { describeChanges, statusTable } from '../src/testing/timeline.ts';
import { loadProgram } from '../src/files/content.ts';
import { formatDiagnostic } from '../src/core/diagnostics.ts';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL, labelSpec } from '../src/core/labels.ts';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cohort } from '../src/core/program.ts';
import { cohortForm } from '../src/core/cohort-forms.ts';
import { cohortLabel, matchesPath } from '../src/core/matching/matches-file.ts';
import { cohortBody, type CohortFields } from '../src/testing/cohort-application-body.ts';
import { pushEvent } from '../src/testing/push-event.ts';
import { runMatch } from './match.ts';

const usage = `usage: npm run simulate [-- --days N] [--cohort [id]] [--keep-running] [--quiet]

  --days N        after the scenario, fast-forward N days (0 to 800), running the daily sweep once a
                  day: watch reminders, an expiry, check-in reminders and partnerships completing
                  (try --days 200)
  --cohort [id]   play a cohort instead of single requests: mentors and mentees apply with the
                  cohort forms, the committee runs npm run match (which opens a pull request),
                  merges it, and the bot opens one partnership issue per pair (default: the first
                  cohort in program.yml); add --days 200 to watch check-ins and the term end
  --keep-running  after the scenario, keep the emulator running, print its URL and a token,
                  and run the bot on every event you cause by hand (Ctrl+C to stop)
  --quiet         print only the final table`;

let flags: { 'keep-running'?: boolean; quiet?: boolean; help?: boolean; days?: string; cohort?: string };
try {
  // `--cohort` may stand alone (the first cohort): it takes the next argument only when that is not a flag.
  const args = process.argv.slice(2).map((a, i, all) => (a === '--cohort' && (i + 1 >= all.length || all[i + 1]!.startsWith('-')) ? '--cohort=' : a));
  flags = parseArgs({ args, options: { 'keep-running': { type: 'boolean' }, quiet: { type: 'boolean' }, days: { type: 'string' }, cohort: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
} catch (e) {
  console.error(`simulate: ${(e as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const days = Number(flags.days ?? '0');
if (!/^\d+$/.test(flags.days ?? '0') || days > 800) {
  console.error(`simulate: --days "${flags.days}" is not a number of days from 0 to 800, e.g. --days 200\n\n${usage}`);
  process.exit(2);
}

const ROOT = resolve(import.meta.dirname, '..');
const { program, diagnostics } = loadProgram(ROOT);
if (!program) {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  console.error('simulate: program.yml is invalid; fix it first (npm run validate).');
  process.exit(1);
}
const cohort = flags.cohort === undefined ? undefined : flags.cohort === '' ? program.cohorts[0] : program.cohorts.find((c) => c.id === flags.cohort);
if (flags.cohort !== undefined && !cohort) {
  const known = program.cohorts.map((c) => c.id);
  console.error(`simulate: ${flags.cohort ? `there is no cohort "${flags.cohort}" in program.yml` : 'program.yml declares no cohort'}; ${known.length ? `the cohorts are ${known.join(', ')}` : 'add one under cohorts: (docs/program-yml.md)'}.\n\n${usage}`);
  process.exit(2);
}
if (cohort && cohort.kind !== 'pairs') {
  console.error(`simulate: cohort ${cohort.id} forms peer groups; the simulator plays a cohort of pairs. Try npm run match -- --cohort ${cohort.id} --dry-run.`);
  process.exit(2);
}
// The bot reads matches/<cohort>.yaml from its checkout: a cohort is played in a copy of the rules and profiles,
// so the proposal never lands in your working tree.
const WORKSPACE = cohort ? mkdtempSync(join(tmpdir(), 'mentorkit-simulate-')) : ROOT;
if (cohort) {
  cpSync(join(ROOT, 'program.yml'), join(WORKSPACE, 'program.yml'));
  cpSync(join(ROOT, 'content'), join(WORKSPACE, 'content'), { recursive: true });
  process.on('exit', () => rmSync(WORKSPACE, { recursive: true, force: true }));
}
const [owner, repo] = program.repository.split('/') as [string, string];
// --quiet silences the scripted scenario only; what you do by hand is always reported.
let live = false;
const say = (line = '') => {
  if (!flags.quiet || live) console.log(line);
};

// One clock for the emulated GitHub and the bot (MENTORKIT_NOW), so --days can move both forward.
let clock = Date.parse(`${new Date().toISOString().slice(0, 10)}T09:00:00Z`);
const gh: Emulator = await startEmulator({
  now: () => new Date(clock),
  owner,
  repo,
  collaborators: Object.fromEntries(program.maintainers.map((m) => [m, 'admin' as const])),
  labels: [labelSpec('request'), ...(cohort ? [labelSpec(COHORT_MENTEE_LABEL), labelSpec(COHORT_MENTOR_LABEL), { name: cohortLabel(cohort.id), color: 'bfd4f2', description: `Cohort ${cohort.name}` }] : [])],
});

/** Deliver what a person caused to the bot, one run per event, as Actions would; print the bot's changes. */
async function deliver(events: EmulatorEvent[]) {
  for (const event of events) {
    if (event.viaBotToken || event.name === 'label') continue; // GITHUB_TOKEN changes start no runs; repository label events aren't subscribed
    const before = gh.state;
    gh.resetCalls();
    const run = await runAction({
      apiUrl: gh.url,
      token: gh.botToken,
      repository: program!.repository,
      workspace: WORKSPACE,
      event: { name: event.name, payload: event.payload },
      extraEnv: { MENTORKIT_NOW: new Date(clock).toISOString() },
    });
    const changes = describeChanges(before, gh.state, gh.botLogin);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    if (changes.length || errors.length) {
      say(`  ↳ bot (${event.name}${event.action ? `.${event.action}` : ''}, ${gh.calls.length} API calls):`);
      for (const l of [...errors, ...changes]) say(`    ${l}`);
    }
  }
}

function step(title: string) {
  say();
  say(`── ${title} ${'─'.repeat(Math.max(3, 72 - title.length))}`);
}

async function request(mentee: string, fields: Partial<RequestFields>, note: string) {
  const res = await gh.as(mentee).openIssue({ title: 'Mentorship request', body: requestBody(program!, { mentor: 'amara-okafor', term: 3, ...fields }), labels: ['request'] });
  const number = (res.payload as { issue: { number: number } }).issue.number;
  say(`#${number} opened by @${mentee}: ${note}`);
  await deliver(res.events);
  return number;
}

if (cohort) await playCohort(cohort);
else {
step('1. Mia asks Amara Okafor, an open mentor');
  await request('mia-mentee', { mentor: 'amara-okafor', areas: ['industry-careers', 'data-science'], term: 6, goals: 'Prepare for interviews at instrument companies.' }, 'a complete request');
  
  step('2. Leo makes mistakes, then fixes them by editing the issue');
  const leo = await request('leo-mentee', { mentor: 'amara-okafr', term: 5, agreed: false }, 'misspelt login, a 5-month term, Code of Conduct not ticked');
  const edit = await gh.as('leo-mentee').editIssue(leo, { body: requestBody(program, { mentor: 'amara-okafor', term: 3 }) });
  say(`#${leo} edited by @leo-mentee: login, term and checkbox fixed`);
  await deliver(edit.events);
  
  step('3. Quinn asks three mentors; the program allows two open requests');
  await request('quinn-mentee', { mentor: 'andres-villalobos' }, 'first request');
  await request('quinn-mentee', { mentor: 'ayesha-rahman' }, 'second request');
  await request('quinn-mentee', { mentor: 'daniel-osei' }, 'third request, one over the limit');
  
  step('4. Pia asks a mentor who has paused their profile');
  await request('pia-mentee', { mentor: 'chen-yuhan' }, 'request to a paused mentor');
  
  /** A person comments on an issue; the bot answers. */
  async function comment(login: string, number: number, text: string, note: string) {
    const res = await gh.as(login).comment(number, text);
    say(`#${number} @${login} commented ${JSON.stringify(text)}: ${note}`);
    await deliver(res.events);
  }
  
  step('5. Amara saves Mia’s request for later, then accepts it');
  await comment('amara-okafor', 1, '/later', 'busy this week');
  await comment('amara-okafor', 1, 'Happy to mentor you!\n/accept', 'the partnership starts');
  
  step('5b. Mia and Amara use the partnership card: the agreement, a goal, a first check-in');
  await comment('mia-mentee', 1, '/agree\n/goal Prepare for two interviews at instrument companies\n/checkin First call: we agreed to meet every two weeks', 'three commands in one comment');
  
  step('6. Andrés accepts Quinn: Quinn’s last free slot, so Quinn’s other request is withdrawn');
  await comment('andres-villalobos', 3, '/accept', 'Quinn has one slot for a partnership');
  
  step('7. Noor names two alternates; each mentor declines in turn, then the request closes with suggestions');
  const noor = await request('noor-mentee', { mentor: 'daniel-osei', alternates: ['aino-koskinen', 'tomas-nunez'] }, 'Daniel first, then Aino, then Tomás');
  await comment('daniel-osei', noor, '/decline no-time Sorry, not this term.', 'the request moves to Aino');
  await comment('aino-koskinen', noor, '/decline outside-topics', 'the request moves to Tomás');
  await comment('tomas-nunez', noor, '/decline not-a-fit', 'no alternate left');
  
  step('8. Leo changes his mind and withdraws');
  await comment('leo-mentee', leo, '/withdraw', 'Amara is told');
  
  step('9. Sam asks Mereana Hutchins, who never answers');
  await request('sam-mentee', { mentor: 'mereana-hutchins', areas: ['open-source'], term: 3 }, 'nobody answers: reminders, then expiry (with --days)');
}

if (days > 0) {
  step(`Fast-forward ${days} day${days === 1 ? '' : 's'}: the daily sweep runs at 05:23 UTC`);
  const first = clock;
  let quiet = 0;
  for (let d = 1; d <= days; d++) {
    const date = new Date(first + d * 86_400_000).toISOString().slice(0, 10);
    clock = Date.parse(`${date}T05:23:00Z`);
    const before = gh.state;
    gh.resetCalls();
    const run = await runAction({
      apiUrl: gh.url,
      token: gh.botToken,
      repository: program.repository,
      workspace: WORKSPACE,
      event: { name: 'schedule', payload: { schedule: '23 5 * * *' } },
      extraEnv: { MENTORKIT_NOW: new Date(clock).toISOString() },
    });
    const changes = describeChanges(before, gh.state, gh.botLogin);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    if (!changes.length && !errors.length) {
      quiet++;
      continue;
    }
    say(`Day ${d}, ${date} (${quiet ? `after ${quiet} quiet day${quiet === 1 ? '' : 's'}; ` : ''}sweep: ${gh.calls.length} API calls):`);
    for (const l of [...errors, ...changes]) say(`    ${l}`);
    quiet = 0;
  }
  if (quiet) say(`${quiet} quiet day${quiet === 1 ? '' : 's'} to the end (nothing was due: each cost only the lists of open requests and peer groups).`);
}

/**
 * A small cohort end to end: applications through the cohort forms, the committee's `npm run match` with its pull
 * request, the merge, the bot opening one partnership per pair, and a first check-in.
 */
async function playCohort(c: Cohort) {
  const chair = program!.maintainers[0]!;
  step(`C1. Four mentors and seven mentees apply to the cohort ${c.id} (${c.name})`);
  const apply = async (login: string, role: 'mentee' | 'mentor', fields: Partial<CohortFields>, note: string) => {
    const form = cohortForm(program!, c, role) as { title: string; labels: string[] };
    const res = await gh.as(login).openIssue({ title: form.title, body: cohortBody(program!, c, role, fields), labels: form.labels });
    say(`#${(res.payload as { issue: { number: number } }).issue.number} @${login} (${role}): ${note}`);
    await deliver(res.events);
  };
  // Mentors with a directory profile leave the scored fields empty: the profile fills them.
  const fromProfile = { topics: [], languages: [], timezone: '', stages: [], formats: [], kinds: [], affiliation: '' };
  await apply('amara-okafor', 'mentor', { ...fromProfile, capacity: 2 }, 'two mentees; everything else from her profile');
  await apply('andres-villalobos', 'mentor', { ...fromProfile, capacity: 1 }, 'one mentee');
  await apply('ayesha-rahman', 'mentor', { ...fromProfile, capacity: 1 }, 'one mentee');
  await apply('marcus-bell', 'mentor', { ...fromProfile, capacity: 1 }, 'one mentee');
  const mentee = (topics: string[], languages: string[], timezone: string, stage: string, affiliation: string): Partial<CohortFields> => ({
    topics, languages, timezone, stages: [stage], formats: ['video'], kinds: ['one-on-one'], affiliation, motivation: 'Confidential: read by the committee only.',
  });
  await apply('mia-mentee', 'mentee', mentee(['data-science', 'industry-careers'], ['en'], 'Europe/Berlin', 'phd', 'TU Example'), 'data science for industry, in Berlin');
  await apply('kofi-mentee', 'mentee', mentee(['data-science', 'job-search'], ['en'], 'Africa/Accra', 'postdoc', 'Coast University'), 'data science, in Accra');
  await apply('lucia-mentee', 'mentee', mentee(['software-engineering', 'industry-careers'], ['es'], 'America/Bogota', 'career-change', 'Universidad Andina'), 'Spanish only, in Bogotá');
  await apply('ren-mentee', 'mentee', mentee(['scientific-writing', 'data-science'], ['en'], 'Asia/Kolkata', 'phd', 'Institute of Example'), 'writing and data, in India');
  await apply('zoe-mentee', 'mentee', mentee(['industry-careers', 'job-search'], ['en'], 'America/Chicago', 'postdoc', 'Prairie State University'), 'job search, in Chicago');
  await apply('ana-mentee', 'mentee', mentee(['instrumentation', 'academic-careers'], ['fr'], 'Europe/Paris', 'phd', 'Université Exemple'), 'French only: no mentor who applied speaks it');
  await apply('ola-mentee', 'mentee', { ...mentee(['hpc'], [], 'Europe/Oslo', 'phd', 'Nordic Example'), languages: [] }, 'forgot to choose a language');

  step('C2. The committee runs the match workflow (npm run match -- --cohort … --pr)');
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const code = await runMatch({ cohort: c.id, root: WORKSPACE, pr: true }, io, {
    GITHUB_TOKEN: gh.tokenFor(chair),
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: program!.repository,
    MENTORKIT_WRITE_PACING_MS: '0',
    MENTORKIT_NOW: new Date(clock).toISOString(),
  });
  for (const l of lines) say(`  ${l}`);
  const pull = gh.state.pulls.at(-1);
  if (code !== 0 || !pull) {
    console.error(`simulate: npm run match failed (exit ${code}); see above.`);
    process.exit(1);
  }

  step(`C3. @${chair} reviews the pull request #${pull.number} and merges it; the bot opens the partnerships`);
  gh.takeEvents();
  gh.mergePull(pull.number, chair);
  const push = pushEvent(gh, { by: chair, commits: [{ message: `Merge pull request #${pull.number}`, added: [matchesPath(c.id)] }], at: new Date(clock) });
  await deliver([{ ...push, action: '', actor: chair, viaBotToken: false, requestId: '' } as unknown as EmulatorEvent]);

  step('C4. A mentor records the first check-in on the partnership');
  const first = gh.state.issues.find((i) => i.user.login === gh.botLogin && i.labels.some((l) => l.name === 'status:active'));
  if (first) {
    const mentor = first.labels.find((l) => l.name.startsWith('mentor:'))!.name.slice('mentor:'.length);
    const res = await gh.as(mentor).comment(first.number, '/checkin First call: we agreed on three goals.');
    say(`#${first.number} @${mentor} commented "/checkin …"`);
    await deliver(res.events);
  }
}

step('Where things stand');
for (const l of statusTable(gh)) console.log(l);
if (gh.violations.length) {
  console.error(`\n${gh.violations.length} call(s) did not match GitHub's API description:`);
  for (const v of gh.violations) console.error(`  ${v.method} ${v.path}: ${v.message}`);
}

if (!flags['keep-running']) {
  await gh.close();
  say('\nRun `npm run simulate -- --keep-running` to keep this GitHub running and try your own requests.');
} else {
  const token = gh.tokenFor('you');
  console.log(`
The emulated GitHub is running at ${gh.url} (repository ${program.repository}).
Act as @you with this token: ${token}
Every change you make is delivered to the bot, and its answer is printed here. For example:

  curl -s -X POST ${gh.url}/repos/${program.repository}/issues \\
    -H "Authorization: token ${token}" -H "Content-Type: application/json" \\
    -d '{"title":"Mentorship request","labels":["request"],"body":"### Mentor’s GitHub login\\n\\nmereana-hutchins\\n\\n### Your goals\\n\\nLearn to maintain a package"}'

  curl -s ${gh.url}/repos/${program.repository}/issues/1/comments -H "Authorization: token ${token}"

Press Ctrl+C to stop.`);
  gh.takeEvents();
  live = true;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const events = gh.takeEvents().filter((e) => !e.viaBotToken);
      for (const e of events) {
        const issue = (e.payload as { issue?: { number: number } }).issue;
        console.log(`\n${e.name}.${e.action} by @${e.actor}${issue ? ` on #${issue.number}` : ''}`);
        await deliver([e]);
      }
      gh.takeEvents(); // the bot's own changes start no runs
    } finally {
      busy = false;
    }
  }, 300);
  process.on('SIGINT', async () => {
    clearInterval(timer);
    await gh.close();
    process.exit(0);
  });
}
