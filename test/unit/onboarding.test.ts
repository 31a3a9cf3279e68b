import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadProgram } from '../../src/files/content.ts';
import { programSchema, type Program } from '../../src/core/program.ts';
import { validateProfile } from '../../src/core/validate.ts';
import { requestBody } from '../../src/testing/request-body.ts';
import {
  APPLICATION_FORM_FILE,
  APPLICATION_LABEL,
  APP_FIELD,
  afterProposal,
  applicationBranch,
  applicationForm,
  applicationFormYaml,
  checkApplication,
  decideApplication,
  isApplication,
  looksLikeApplication,
  parseApplication,
  renderProfile,
  type ApplicationInput,
  type Proposal,
} from '../../src/core/onboarding.ts';
import { applicationBody, type ApplicationFields } from '../support/application-body.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const program = loadProgram(ROOT).program!;
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');
const TODAY = '2028-03-02';
const body = (f: Partial<ApplicationFields> = {}, p: Program = program) => applicationBody(p, f);
const check = (f: Partial<ApplicationFields> = {}, author = 'ada-example', p: Program = program) => checkApplication(body(f, p), p, author, TODAY);
const problems = (f: Partial<ApplicationFields>) => {
  const r = check(f);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
};

type FormField = { id?: string; type: string; attributes: { label?: string; options?: (string | { label: string; required?: boolean })[]; multiple?: boolean }; validations?: { required?: boolean } };

describe('the "Become a mentor" form', () => {
  const form = parse(read(`.github/ISSUE_TEMPLATE/${APPLICATION_FORM_FILE}`)) as { labels: string[]; title: string; body: FormField[] };
  const field = (id: string) => form.body.find((f) => f.id === id)!;

  test('is generated from program.yml and up to date (run npm run forms)', () => {
    expect(read(`.github/ISSUE_TEMPLATE/${APPLICATION_FORM_FILE}`)).toBe(applicationFormYaml(program));
  });

  test('its choices are the program’s: topics, stages, formats, kinds, terms, languages, capacity up to the maximum', () => {
    const t = program.taxonomy;
    expect(field('topics').attributes.options).toEqual(t.topics.map((x) => x.label));
    expect(field('stages').attributes.options).toEqual(t.stages.map((x) => x.label));
    expect(field('formats').attributes.options).toEqual(t.formats.map((x) => x.label));
    expect(field('kinds').attributes.options).toEqual(t.kinds.map((x) => x.label));
    expect(field('terms').attributes.options).toEqual(program.terms.map((m) => `${m} months`));
    expect(field('languages').attributes.options).toHaveLength(t.languages.length);
    expect(field('languages').attributes.options![0]).toBe('English (en)');
    expect(field('capacity').attributes.options).toEqual(['1', '2']);
    for (const id of ['topics', 'stages', 'formats', 'kinds', 'terms', 'languages']) {
      expect(field(id).attributes.multiple, id).toBe(true);
      expect(field(id).validations?.required, id).toBe(true);
    }
  });

  test('asks for every profile field but the login, labels the issue, and requires both agreement boxes', () => {
    const ids = form.body.filter((f) => f.id).map((f) => f.id);
    expect(ids).toEqual(Object.values(APP_FIELD).map((f) => f.id));
    expect(ids.some((id) => /login|github/i.test(id!))).toBe(false);
    expect(form.labels).toEqual([APPLICATION_LABEL]);
    for (const id of ['name', 'headline', 'country', 'about', 'help']) expect(field(id).validations?.required, id).toBe(true);
    const agree = field('agree');
    expect(agree.type).toBe('checkboxes');
    expect((agree.attributes.options as { required: boolean }[]).every((o) => o.required)).toBe(true);
  });

  test('without a language list in program.yml, languages are typed as tags', () => {
    const open = programSchema.parse({ ...parse(read('program.yml')), taxonomy: { ...parse(read('program.yml')).taxonomy, languages: [] } });
    const f = (applicationForm(open).body as FormField[]).find((x) => x.id === 'languages')!;
    expect(f.type).toBe('input');
    const r = check({ languages: ['en', 'pt-BR'] }, 'ada-example', open);
    expect(r.ok).toBe(true);
    expect(r.ok && r.text).toContain('languages: [en, pt-BR]');
  });

  test('the mentor profiles workflow listens to applications by label, or by the form’s headings', () => {
    const wf = parse(read('.github/workflows/freshness.yml')) as Record<string, any>;
    expect(wf.name).toBe('mentor profiles');
    expect(wf.on.issues.types).toEqual(['opened', 'edited']);
    expect(wf.jobs.freshness.if).toContain(`contains(github.event.issue.labels.*.name, '${APPLICATION_LABEL}')`);
    expect(wf.jobs.freshness.if).toContain(`contains(github.event.issue.body, '### ${APP_FIELD.help.label}')`);
  });
});

describe('recognising an application', () => {
  test('by its headings or its label, never a request', () => {
    expect(looksLikeApplication(body())).toBe(true);
    expect(looksLikeApplication(requestBody(program, { mentor: 'amara-okafor' }))).toBe(false);
    expect(looksLikeApplication('')).toBe(false);
    expect(isApplication({ labels: [APPLICATION_LABEL], body: 'free text' })).toBe(true);
    expect(isApplication({ labels: ['request'], body: 'free text' })).toBe(false);
  });
});

describe('the profile an application makes', () => {
  test('passes the validator; ids for labels, the author’s login, today as last_confirmed, inline lists as in the samples', () => {
    const r = check({}, 'Ada-Example');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.path).toBe('content/mentors/ada-example.md');
    expect(r.text).toBe(
      [
        '---',
        'name: Ada Example',
        'github: ada-example',
        'pronouns: she/her',
        'headline: Research software engineer helping physicists ship code',
        'affiliation: Example Lab',
        'location:',
        '  country: DE',
        '  region: Berlin',
        '  timezone: Europe/Berlin',
        'languages: [en, de]',
        'topics: [research-software, open-source]',
        'stages: [phd, postdoc]',
        'formats: [video, chat]',
        'kinds: [one-on-one]',
        'availability:',
        '  status: open',
        '  capacity: 2',
        'terms: [3, 6]',
        'links:',
        '  - label: Personal site',
        '    url: https://example.org/ada',
        `last_confirmed: ${TODAY}`,
        '---',
        '',
        '## About me',
        '',
        'I build analysis software for a detector group and maintain two open-source libraries.',
        '',
        '## How I can help',
        '',
        '- Turning research code into a package.',
        '- Getting started in open source.',
        '',
        '## What I expect from a mentee',
        '',
        'We meet by video once a month; bring a question or a piece of code.',
        '',
      ].join('\n'),
    );
    expect(validateProfile(r.path, 'ada-example', r.text, program).diagnostics).toEqual([]);
  });

  test('optional fields left empty are left out; the optional section too', () => {
    const r = check({ pronouns: '', affiliation: '', region: '', timezone: '', links: '', expect: '' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).not.toMatch(/pronouns|affiliation|region|timezone|links|What I expect/);
    expect(r.text).toContain('location:\n  country: DE\n');
  });

  test('text that YAML would misread is quoted, and reads back as written', () => {
    const r = check({ name: 'Ada: "the" #1', headline: '- yes, no, 2028-01-01', affiliation: 'null' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const mentor = validateProfile(r.path, 'ada-example', r.text, program).mentor!;
    expect(mentor).toMatchObject({ name: 'Ada: "the" #1', headline: '- yes, no, 2028-01-01', affiliation: 'null' });
  });

  test('links: "Label: url", Markdown links, bare URLs (named after their host), bullets', () => {
    const parsed = parseApplication(body({ links: '- [Blog](https://blog.example.org)\nhttps://www.example.org/ada\nTalks – https://talks.example.org/ada\n* Code: https://github.com/ada' }), program, 'ada', TODAY);
    expect(parsed.data.links).toEqual([
      { label: 'Blog', url: 'https://blog.example.org' },
      { label: 'example.org', url: 'https://www.example.org/ada' },
      { label: 'Talks', url: 'https://talks.example.org/ada' },
      { label: 'Code', url: 'https://github.com/ada' },
    ]);
  });

  test('a lower-case country code is the code; a hand-typed topic id or language tag is read as such', () => {
    const parsed = parseApplication(body({ country: 'de' }).replace('Research software, Open source', 'research-software, Open source').replace('English (en), German (de)', 'en, German (de)'), program, 'ada', TODAY);
    expect(parsed.data).toMatchObject({ location: { country: 'DE' }, topics: ['research-software', 'open-source'], languages: ['en', 'de'] });
  });
});

describe('problems, in the validator’s words at the form’s labels', () => {
  test('every problem at once, in the order of the form', () => {
    expect(problems({ name: '', headline: 'x'.repeat(81), country: 'Germany', timezone: 'Berlin', languages: ['en', 'en'], capacity: 3, terms: [5], links: 'http://example.org', about: '', agreed: 1 })).toEqual([
      { field: 'Name', message: 'is required: the name to show on the card' },
      { field: 'Headline', message: 'is longer than 80 characters; shorten it' },
      { field: 'Country', message: 'is not an ISO 3166-1 alpha-2 country code; use two capital letters such as DE, BR or KE' },
      { field: 'Time zone (optional)', message: 'is not an IANA time zone; use a name such as Europe/Berlin or America/Sao_Paulo' },
      { field: 'Languages', message: 'lists the same language twice' },
      { field: 'Mentees at a time', message: "is above the program's maximum of 2 (limits.max_mentor_capacity)" },
      { field: 'Terms you offer', path: 'terms[0]', message: '5 months is not a term this program offers; choose from 3, 6, 9, 12' },
      { field: 'Links (optional)', path: 'links[0].url', message: 'must be an https:// URL' },
      { field: 'About me', message: 'is empty. A few sentences are enough; they are the body of your profile.' },
      { field: 'Code of Conduct and privacy', message: 'is not fully ticked. Read the Code of Conduct, then tick both boxes.' },
    ]);
  });

  test('choices the program doesn’t have (a hand-edited body) get the validator’s message, with its suggestion', () => {
    const edited = body().replace('Research software, Open source', 'Research software, ml, Astrology').replace('PhD student, Postdoc', 'PhD student, Retiree');
    const r = checkApplication(edited, program, 'ada', TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      { field: 'Topics', path: 'topics[1]', message: '"ml" is a synonym; use the canonical topic "machine-learning"' },
      { field: 'Topics', path: 'topics[2]', message: 'unknown topic "Astrology"; topics are listed in program.yml under taxonomy.topics' },
      { field: 'Career stages you mentor', path: 'stages[1]', message: expect.stringMatching(/^unknown career stage "Retiree"; .*allowed: undergraduate, masters, phd/) },
    ]);
  });

  test('contact details are found wherever they are, and shown at their field', () => {
    expect(problems({ headline: 'Call me on +49 30 1234567', region: 'ada@example.org', expect: 'Mail ada@example.org' })).toEqual([
      { field: 'Headline', message: 'looks like a phone number ("+4…67"); profiles are public, so remove it (mentees reach you through the request issue)' },
      { field: 'Region (optional)', path: 'region', message: 'looks like an e-mail address ("ad…rg"); profiles are public, so remove it (mentees reach you through the request issue)' },
      { field: 'What I expect from a mentee (optional)', message: 'looks like an e-mail address ("ad…rg"); profiles are public, so remove it (mentees reach you through the request issue)' },
    ]);
  });

  test('a list emptied by an edit gets the validator’s message', () => {
    expect(problems({ topics: [] })).toEqual([{ field: 'Topics', message: 'must name at least one topic' }]);
  });
});

describe('renderProfile', () => {
  test('lists of words inline, lists of links as blocks; bio sections span their lines', () => {
    const r = renderProfile({ name: 'A', topics: ['x', 'y'], links: [{ label: 'L', url: 'https://e.org' }] }, [{ field: APP_FIELD.about, heading: 'About me', text: 'one\ntwo' }]);
    expect(r.text).toBe('---\nname: A\ntopics: [x, y]\nlinks:\n  - label: L\n    url: https://e.org\n---\n\n## About me\n\none\ntwo\n');
    expect(r.sections).toEqual([{ field: APP_FIELD.about, from: 9, to: 12 }]);
  });
});

describe('decideApplication', () => {
  const input = (over: Partial<ApplicationInput> = {}, issue: Partial<ApplicationInput['issue']> = {}): ApplicationInput => ({
    program,
    repository: 'mentorkit/mentorkit',
    issue: { number: 12, author: 'ada-example', state: 'open', labels: [APPLICATION_LABEL], body: body(), ...issue },
    action: 'opened',
    actor: 'ada-example',
    today: TODAY,
    profileExists: false,
    ...over,
  });
  const OPEN_PULL = { number: 13, url: 'https://github.com/mentorkit/mentorkit/pull/13', state: 'open' as const, merged: false };
  const comment = (plan: ReturnType<typeof decideApplication>) => (plan.kind === 'answer' ? plan.decision.comments : []);

  test('valid: propose the file on the application’s own branch; nothing is posted before the pull request exists', () => {
    const plan = decideApplication(input());
    expect(plan.kind).toBe('propose');
    if (plan.kind !== 'propose') return;
    expect(plan.proposal).toMatchObject({ login: 'ada-example', issue: 12, path: 'content/mentors/ada-example.md', branch: 'mentorkit/mentor-ada-example-12', title: "Add @ada-example's mentor profile", message: "Add @ada-example's mentor profile (#12)" });
    expect(plan.proposal.update).toBeUndefined();
    expect(plan.proposal.body).toContain('Closes #12');
    expect(plan.decision.comments).toEqual([]);
    expect(plan.decision.addLabels).toEqual([]);
    // The same input decides the same.
    expect(decideApplication(input())).toEqual(plan);
  });

  test('with its pull request open: an update of that branch', () => {
    const plan = decideApplication(input({ action: 'edited', pull: OPEN_PULL }));
    expect(plan.kind === 'propose' && plan.proposal).toMatchObject({ update: OPEN_PULL, branch: applicationBranch('ada-example', 12), message: "Update @ada-example's mentor profile from #12" });
  });

  test('the file is named after the author, lower-cased, whatever the form says', () => {
    const plan = decideApplication(input({}, { author: 'Ada-Example', body: body({ name: 'Amara Okafor' }) }));
    expect(plan.kind === 'propose' && plan.proposal.path).toBe('content/mentors/ada-example.md');
    expect(plan.kind === 'propose' && plan.proposal.text).toContain('github: ada-example\n');
  });

  test('edits count from the author and program maintainers only; bots’ and closed issues are not read', () => {
    expect(decideApplication(input({ action: 'edited', actor: 'otto-other' }))).toEqual({
      kind: 'ignore',
      notes: ["@otto-other edited @ada-example's application #12: only the applicant's and the program maintainers' edits are read, so nothing changes."],
    });
    expect(decideApplication(input({ action: 'edited', actor: 'Program-Chair' })).kind).toBe('propose');
    expect(decideApplication(input({ action: 'edited', actor: 'ADA-EXAMPLE' })).kind).toBe('propose');
    expect(decideApplication(input({}, { state: 'closed' })).kind).toBe('ignore');
    expect(decideApplication(input({}, { authorType: 'Bot' })).kind).toBe('ignore');
  });

  test('invalid: one upsert comment keyed by the issue, listing every problem; with an open pull request, it says that keeps the last good version', () => {
    const plan = decideApplication(input({}, { body: body({ country: 'Germany', headline: 'x'.repeat(81) }) }));
    expect(plan.kind).toBe('answer');
    const [c] = comment(plan);
    expect(c).toMatchObject({ kind: 'application', key: '12', mode: 'upsert' });
    expect(c!.body).toContain('- **Headline**: is longer than 80 characters; shorten it\n- **Country**: is not an ISO 3166-1 alpha-2 country code');
    expect(c!.body).not.toContain('keeps the last version');
    const withPull = comment(decideApplication(input({ pull: OPEN_PULL }, { body: body({ country: 'Germany' }) })))[0]!;
    expect(withPull.body).toContain('Pull request [#13](https://github.com/mentorkit/mentorkit/pull/13) keeps the last version that passed; I update it once these are fixed.');
  });

  test('a profile that exists already, a merged or closed pull request, another open application: said in the same comment, nothing proposed', () => {
    const exists = comment(decideApplication(input({ profileExists: true })))[0]!;
    expect(exists.body).toBe('@ada-example, you already have a mentor profile: [`content/mentors/ada-example.md`](https://github.com/mentorkit/mentorkit/blob/HEAD/content/mentors/ada-example.md). To change it, edit that file in a pull request (the pencil button on the file), or ask a program maintainer; I don’t add a second one.');
    const merged = comment(decideApplication(input({ profileExists: true, pull: { ...OPEN_PULL, state: 'closed', merged: true } })))[0]!;
    expect(merged.body).toContain('your profile was added in [#13]');
    const closed = comment(decideApplication(input({ pull: { ...OPEN_PULL, state: 'closed', merged: false } })))[0]!;
    expect(closed.body).toContain('was closed without merging');
    expect(closed.body).toContain('Ask @program-chair or @program-cochair');
    const other = comment(decideApplication(input({ otherPull: { ...OPEN_PULL, number: 9, issue: 8 } })))[0]!;
    expect(other.body).toContain('you already applied in #8, and [#9]');
    for (const c of [exists, merged, closed, other]) expect(c).toMatchObject({ kind: 'application', key: '12', mode: 'upsert' });
  });

  test('the label is added when the form’s label was missing', () => {
    const plan = decideApplication(input({}, { labels: [], body: body({ country: 'x' }) }));
    expect(plan.kind === 'answer' && plan.decision.addLabels).toEqual([APPLICATION_LABEL]);
  });
});

describe('afterProposal', () => {
  const base = { program, repository: 'mentorkit/mentorkit', issue: { number: 12, author: 'ada-example', state: 'open' as const, labels: [], body: '' } };
  const p = { issue: 12, path: 'content/mentors/ada-example.md', branch: 'b' } as Proposal;
  const empty = { issue: 12, addLabels: [], removeLabels: [], comments: [], notes: [] };

  test('opened, updated or unchanged: the same comment, so an edit doesn’t churn it', () => {
    const bodies = (['opened', 'updated', 'unchanged'] as const).map((kind) => afterProposal(base, p, { kind, number: 13, url: 'https://x/pull/13' }, empty).comments[0]!.body);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('Pull request [#13](https://x/pull/13) adds it as `content/mentors/ada-example.md`');
    expect(bodies[0]).toContain('[directory](https://mentorkit.github.io/mentorkit/)');
  });

  test('the file reached the default branch meanwhile: says it exists', () => {
    const d = afterProposal(base, p, { kind: 'exists' }, empty);
    expect(d.comments[0]!.body).toContain('you already have a mentor profile');
  });
});
