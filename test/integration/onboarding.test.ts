import { afterAll, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOT_LOGIN } from '../../src/testing/emulator/index.ts';
import { labelSpec } from '../../src/core/labels.ts';
import { validateProfile } from '../../src/core/validate.ts';
import { APPLICATION_LABEL, APPLICATION_LABEL_SPEC } from '../../src/core/onboarding.ts';
import { applicationBody, type ApplicationFields } from '../support/application-body.ts';
import { deliver, gh, program, restartEmulator, ROOT, useEmulator, type Event } from './harness.ts';

/**
 * Mentor onboarding through the bundled bot (`task: freshness`, the workflow allowed to open pull requests) and
 * the emulator. The workspace is a checkout of the emulated default branch: program.yml and two profiles.
 */

const ADA = 'ada-example'; // applies to become a mentor
const EXISTING = 'amara-okafor'; // has a profile already
const MAINTAINER = 'program-chair';
const HELPER = 'helper-hana'; // a collaborator with write access, not a program maintainer
const STRANGER = 'otto-other';
const TODAY = '2028-03-02';
const PATH = `content/mentors/${ADA}.md`;

const workspace = mkdtempSync(join(tmpdir(), 'mentorkit-onboarding-'));
mkdirSync(join(workspace, 'content/mentors'), { recursive: true });
copyFileSync(join(ROOT, 'program.yml'), join(workspace, 'program.yml'));
for (const login of [EXISTING, 'aino-koskinen']) copyFileSync(join(ROOT, 'content/mentors', `${login}.md`), join(workspace, 'content/mentors', `${login}.md`));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

let now = `${TODAY}T09:15:00Z`;
const EMULATOR = {
  now: () => new Date(now),
  files: workspace,
  collaborators: { [MAINTAINER]: 'admin' as const, [HELPER]: 'write' as const },
  labels: [labelSpec('request'), APPLICATION_LABEL_SPEC],
};
useEmulator(EMULATOR);

const bot = (event: Event, opts: { dryRun?: boolean; task?: 'requests' | 'freshness' } = {}) =>
  deliver(event, workspace, { task: opts.task ?? 'freshness', now: new Date(now).toISOString(), dryRun: opts.dryRun });

async function apply(login: string, fields: Partial<ApplicationFields> = {}, opts: { dryRun?: boolean } = {}) {
  const event = await gh.as(login).openIssue({ title: 'Mentor application', body: applicationBody(program, fields), labels: [APPLICATION_LABEL] });
  const number = (event.payload as { issue: { number: number } }).issue.number;
  const run = await bot(event, opts);
  return { event, number, run };
}
async function edit(login: string, n: number, fields: Partial<ApplicationFields>, opts: { dryRun?: boolean } = {}) {
  const event = await gh.as(login).editIssue(n, { body: applicationBody(program, fields) });
  const run = await bot(event, opts);
  return { event, run };
}

const issue = (n: number) => gh.state.issues.find((i) => i.number === n)!;
const botComments = (n: number) => issue(n).comments.filter((c) => c.user.login === BOT_LOGIN);
const botWrites = () => gh.calls.filter((c) => c.user === BOT_LOGIN && c.method !== 'GET');
const branchOf = (login: string, n: number) => `mentorkit/mentor-${login}-${n}`;

/** The profile on the pull request's branch passes the real validator, as `npm run validate` would run it. */
function expectValidProfile(login: string, branch: string) {
  const text = gh.file(`content/mentors/${login}.md`, branch);
  expect(text, `content/mentors/${login}.md on ${branch}`).toBeDefined();
  const r = validateProfile(`content/mentors/${login}.md`, login, text!, program);
  expect(r.diagnostics).toEqual([]);
  return { text: text!, mentor: r.mentor! };
}

describe('a valid application', () => {
  test('opens a pull request that adds content/mentors/<author>.md, valid, and links it in one comment; a re-run changes nothing', async () => {
    const { event, number } = await apply(ADA);
    // docs/onboarding.md counts them: the issue, two pull request lookups, the repository, the ref, the file on the
    // default branch, the branch, the commit, the pull request, the bot's comments and the comment.
    expect(gh.calls.filter((c) => c.user === BOT_LOGIN)).toHaveLength(11);

    expect(gh.state.pulls).toHaveLength(1);
    const pr = gh.state.pulls[0]!;
    expect(pr).toMatchObject({ state: 'open', base: 'main', head: branchOf(ADA, number), files: [PATH], user: { login: BOT_LOGIN }, title: `Add @${ADA}'s mentor profile` });
    expect(pr.body).toContain(`Closes #${number}`);
    expect(gh.file(PATH)).toBeUndefined(); // the default branch is left to the maintainers

    const { text, mentor } = expectValidProfile(ADA, pr.head);
    expect(mentor).toMatchObject({
      name: 'Ada Example',
      github: ADA,
      headline: 'Research software engineer helping physicists ship code',
      location: { country: 'DE', region: 'Berlin', timezone: 'Europe/Berlin' },
      languages: ['en', 'de'],
      topics: ['research-software', 'open-source'],
      formats: ['video', 'chat'],
      availability: { status: 'open', capacity: 2 },
      terms: [3, 6],
      links: [{ label: 'Personal site', url: 'https://example.org/ada' }],
      last_confirmed: TODAY,
    });
    expect(text).toContain('\n## About me\n\nI build analysis software');
    expect(text).toContain('\n## How I can help\n\n- Turning research code into a package.\n');

    const comments = botComments(number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`<!-- mentorkit:application:${number} -->`);
    expect(comments[0]!.body).toContain(`@${ADA}, thank you for offering to mentor! Your profile passes every check. Pull request [#${pr.number}](https://github.com/${program.repository}/pull/${pr.number}) adds it as \`${PATH}\``);

    const writes = botWrites().length;
    await bot(event);
    expect(botWrites()).toHaveLength(writes);
    expect(gh.state.pulls).toHaveLength(1);
    expect(botComments(number)).toHaveLength(1);
  });

  test('the file is always the author’s login (lower-cased), whatever the form says', async () => {
    const { number } = await apply('Zoe-Zhang', { name: 'Amara Okafor', headline: 'I am amara-okafor, really' });
    const pr = gh.state.pulls[0]!;
    expect(pr.files).toEqual(['content/mentors/zoe-zhang.md']);
    expect(pr.head).toBe(branchOf('zoe-zhang', number));
    expect(expectValidProfile('zoe-zhang', pr.head).mentor.github).toBe('zoe-zhang');
    expect(gh.file(`content/mentors/${EXISTING}.md`, pr.head)).toBe(gh.file(`content/mentors/${EXISTING}.md`));
  });

  test('someone who has a profile already is told so and pointed at editing it; no pull request', async () => {
    const { number } = await apply(EXISTING);
    expect(gh.state.pulls).toEqual([]);
    expect(gh.state.branches.map((b) => b.name)).toEqual(['main']);
    const [c] = botComments(number);
    expect(c!.body).toContain(`@${EXISTING}, you already have a mentor profile: [\`content/mentors/${EXISTING}.md\`](https://github.com/${program.repository}/blob/HEAD/content/mentors/${EXISTING}.md). To change it, edit that file in a pull request`);
  });

  test('a second application by the same person while the first is open points at the first', async () => {
    const first = await apply(ADA);
    const second = await apply(ADA, { headline: 'Another try' });
    expect(gh.state.pulls).toHaveLength(1);
    expect(botComments(second.number)[0]!.body).toContain(`@${ADA}, you already applied in #${first.number}, and [#${gh.state.pulls[0]!.number}]`);
  });
});

describe('an invalid application', () => {
  // Each message is the validator's own (compare test/unit/validate-cli.test.ts), shown at the form field's label.
  const BAD: Partial<ApplicationFields> = {
    headline: 'I help with everything about research software, packaging, testing, continuous integration and more',
    country: 'Germany',
    timezone: 'Berlin',
    links: 'Blog: http://example.org/blog',
    help: 'Write to me at ada@example.org and we will find a time.',
    topics: ['research-software', 'ml'],
  };
  const PROBLEMS = [
    '- **Headline**: is longer than 80 characters; shorten it',
    '- **Country**: is not an ISO 3166-1 alpha-2 country code; use two capital letters such as DE, BR or KE',
    '- **Time zone (optional)**: is not an IANA time zone; use a name such as Europe/Berlin or America/Sao_Paulo',
    '- **Topics** (`topics[1]`): "ml" is a synonym; use the canonical topic "machine-learning"',
    '- **Links (optional)** (`links[0].url`): must be an https:// URL',
    '- **How I can help**: looks like an e-mail address ("ad…rg"); profiles are public, so remove it (mentees reach you through the request issue)',
  ];

  test('one comment lists every problem; fixed by an edit, the same comment links a new pull request; a later edit updates that pull request', async () => {
    now = `${TODAY}T09:15:00Z`;
    const { number } = await apply(ADA, BAD);
    expect(gh.state.pulls).toEqual([]);
    expect(gh.state.branches.map((b) => b.name)).toEqual(['main']);
    const [c] = botComments(number);
    expect(botComments(number)).toHaveLength(1);
    expect(c!.body).toBe(
      [
        `<!-- mentorkit:application:${number} -->`,
        `@${ADA}, thank you for offering to mentor! Your profile can’t be added yet, because:`,
        '',
        ...PROBLEMS,
        '',
        'Edit this issue (the ⋯ menu on your first comment, then **Edit**) to fix it. I check again every time you save, and I’ll update this comment.',
      ].join('\n'),
    );

    // A partial fix: the same comment, fewer problems.
    await edit(ADA, number, { ...BAD, headline: 'Research software engineer', country: 'de' });
    expect(botComments(number)).toHaveLength(1);
    expect(botComments(number)[0]!.id).toBe(c!.id);
    expect(botComments(number)[0]!.body).not.toContain('**Headline**');
    expect(botComments(number)[0]!.body).not.toContain('**Country**');
    expect(botComments(number)[0]!.body).toContain(PROBLEMS[2]);
    expect(gh.state.pulls).toEqual([]);

    // Fixed: the same comment now links the pull request.
    await edit(ADA, number, {});
    expect(gh.state.pulls).toHaveLength(1);
    const pr = gh.state.pulls[0]!;
    expect(botComments(number)).toHaveLength(1);
    expect(botComments(number)[0]!.id).toBe(c!.id);
    expect(botComments(number)[0]!.body).toContain(`Pull request [#${pr.number}]`);
    expectValidProfile(ADA, pr.head);

    // Edited again, a day later: the same pull request's file is updated; nothing new is opened.
    now = '2028-03-03T10:00:00Z';
    await edit(ADA, number, { headline: 'Research software engineer and open-source maintainer', capacity: 1 });
    expect(gh.state.pulls).toHaveLength(1);
    expect(gh.state.branches.map((b) => b.name).sort()).toEqual(['main', branchOf(ADA, number)]);
    const { mentor } = expectValidProfile(ADA, pr.head);
    expect(mentor).toMatchObject({ headline: 'Research software engineer and open-source maintainer', availability: { capacity: 1 }, last_confirmed: '2028-03-03' });
    expect(gh.state.pulls[0]!.files).toEqual([PATH]);
    expect(botComments(number)).toHaveLength(1);
    const prs = gh.calls.filter((x) => x.method === 'POST' && /\/pulls$/.test(x.path));
    expect(prs).toHaveLength(1);

    // Broken again: the problems are listed, the pull request keeps the last version that passed.
    const before = gh.file(PATH, pr.head);
    await edit(ADA, number, { ...BAD });
    expect(gh.file(PATH, pr.head)).toBe(before);
    expect(botComments(number)[0]!.body).toContain(PROBLEMS[0]);
    expect(botComments(number)[0]!.body).toContain(`Pull request [#${pr.number}](https://github.com/${program.repository}/pull/${pr.number}) keeps the last version that passed`);
    now = `${TODAY}T09:15:00Z`;
  });

  test('a re-run of the same event changes nothing', async () => {
    const { event, number } = await apply(ADA, BAD);
    const writes = botWrites().length;
    await bot(event);
    expect(botWrites()).toHaveLength(writes);
    expect(botComments(number)).toHaveLength(1);
  });

  test('empty bio sections and unticked boxes are problems too', async () => {
    const { number } = await apply(ADA, { about: '', agreed: 1 });
    const body = botComments(number)[0]!.body;
    expect(body).toContain('- **About me**: is empty.');
    expect(body).toContain('- **Code of Conduct and privacy**: is not fully ticked.');
    expect(gh.state.pulls).toEqual([]);
  });
});

describe('who counts', () => {
  test('an edit by another collaborator changes nothing; a comment by anyone changes nothing, in either workflow', async () => {
    const { number } = await apply(ADA);
    const pr = gh.state.pulls[0]!;
    const file = gh.file(PATH, pr.head);
    const writes = botWrites().length;

    const r = await edit(HELPER, number, { headline: 'Hijacked headline', name: 'Someone Else' });
    expect(r.run.stdout).toContain(`@${HELPER} edited @${ADA}'s application #${number}: only the applicant's and the program maintainers' edits are read`);
    const said = await gh.as(STRANGER).comment(number, 'Please use my login instead: /confirm');
    await bot(said);
    await bot(said, { task: 'requests' });
    await bot(r.event, { task: 'requests' });

    expect(botWrites()).toHaveLength(writes);
    expect(gh.file(PATH, pr.head)).toBe(file);
    expect(gh.state.pulls).toHaveLength(1);
    expect(botComments(number)).toHaveLength(1);
  });

  test('a program maintainer may edit the application for the applicant: the profile stays the applicant’s', async () => {
    const { number } = await apply(ADA, { country: 'Germany' });
    await edit(MAINTAINER, number, { country: 'DE' });
    const pr = gh.state.pulls[0]!;
    expect(pr.files).toEqual([PATH]);
    expect(expectValidProfile(ADA, pr.head).mentor.github).toBe(ADA);
    expect(botComments(number)).toHaveLength(1);
  });

  test('the request workflow leaves applications alone', async () => {
    const event = await gh.as(ADA).openIssue({ title: 'Mentor application', body: applicationBody(program), labels: [APPLICATION_LABEL] });
    const r = await bot(event, { task: 'requests' });
    expect(r.stdout).toContain('A mentor application: the mentor profiles workflow (freshness task) answers it.');
    expect(botWrites()).toEqual([]);
  });
});

describe('after the pull request', () => {
  test('merged: a later edit says where the profile is and writes nothing else', async () => {
    const { number } = await apply(ADA);
    const pr = gh.state.pulls[0]!;
    gh.mergePull(pr.number, MAINTAINER);
    expect(gh.file(PATH)).toBe(gh.file(PATH, pr.head));
    await edit(ADA, number, { headline: 'Changed my mind' });
    expect(gh.state.pulls).toHaveLength(1);
    expect(botComments(number)).toHaveLength(1);
    expect(botComments(number)[0]!.body).toContain(`@${ADA}, your profile was added in [#${pr.number}]`);
  });
});

describe('the dry run and the label', () => {
  test('a dry run prints the pull request and the comment and writes nothing', async () => {
    const { run, number } = await apply(ADA, {}, { dryRun: true });
    expect(run.stdout).toContain(`[dry-run] pull request "Add @${ADA}'s mentor profile" from ${branchOf(ADA, number)}, adding ${PATH}:`);
    expect(run.stdout).toContain('[dry-run]     | github: ada-example');
    expect(run.stdout).toContain(`[dry-run]   comment application:${number} (upsert):`);
    expect(botWrites()).toEqual([]);
    expect(gh.state.pulls).toEqual([]);

    const bad = await edit(ADA, number, { country: 'Germany' }, { dryRun: true });
    expect(bad.run.stdout).toContain('[dry-run]     | - **Country**: is not an ISO 3166-1 alpha-2 country code');
    expect(botWrites()).toEqual([]);
  });

  test('without the label in the repository, the form is recognised by its headings and the bot adds the label, coloured', async () => {
    await restartEmulator({ ...EMULATOR, labels: [labelSpec('request')] });
    const { number } = await apply(ADA);
    expect(issue(number).labels.map((l) => l.name)).toEqual([APPLICATION_LABEL]);
    expect(gh.state.labels.find((l) => l.name === APPLICATION_LABEL)).toMatchObject({ color: APPLICATION_LABEL_SPEC.color, description: APPLICATION_LABEL_SPEC.description });
    expect(gh.state.pulls).toHaveLength(1);
  });
});
