import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadContent } from '../../src/files/content.ts';
import { programSchema, type Cohort, type Program, type ProgramInput } from '../../src/core/program.ts';
import { menteeSchema } from '../../src/core/matching/score.ts';
import { looksLikeRequest } from '../../src/core/request-form.ts';
import { isApplication } from '../../src/core/onboarding.ts';
import { COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL, REQUEST_LABEL } from '../../src/core/labels.ts';
import {
  COHORT_FIELD,
  COHORT_FORM_FILE,
  FREE_TEXT_FIELDS,
  cohortForm,
  cohortFormFile,
  cohortFormRole,
  cohortFormYaml,
  cohortForms,
  fieldsOf,
  isCohortApplication,
  parseMenteeApplication,
  parseMentorApplication,
  problemLine,
  type Role,
} from '../../src/core/cohort-forms.ts';
import { cohortBody, type CohortFields } from '../../src/testing/cohort-application-body.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { program, mentors } = loadContent(ROOT) as { program: Program; mentors: ReturnType<typeof loadContent>['mentors'] };
const COHORT = program.cohorts[0]!;
const TEMPLATES = resolve(ROOT, '.github/ISSUE_TEMPLATE');
const read = (f: string) => readFileSync(resolve(TEMPLATES, f), 'utf8');

type FormField = { id?: string; type: string; attributes: { label?: string; description?: string; value?: string; options?: (string | { label: string; required?: boolean })[]; multiple?: boolean }; validations?: { required?: boolean } };
type Form = { name: string; title: string; labels: string[]; body: FormField[] };
const form = (role: Role, p: Program = program, c: Cohort = COHORT) => cohortForm(p, c, role) as unknown as Form;
const field = (f: Form, id: string) => f.body.find((b) => b.id === id)!;

/** A program like the sample one, changed. */
function variant(change: (p: ProgramInput) => void): Program {
  const raw = parse(readFileSync(resolve(ROOT, 'program.yml'), 'utf8')) as ProgramInput;
  change(raw);
  return programSchema.parse(raw);
}

const mentee = (f: Partial<CohortFields> = {}, o: { p?: Program; c?: Cohort; login?: string } = {}) =>
  parseMenteeApplication(cohortBody(o.p ?? program, o.c ?? COHORT, 'mentee', f), { program: o.p ?? program, cohort: o.c ?? COHORT, login: o.login ?? 'mia-mentee', filed: '2027-02-01' });
const mentor = (f: Partial<CohortFields> = {}, o: { p?: Program; c?: Cohort; login?: string; profile?: boolean } = {}) => {
  const login = o.login ?? 'new-mentor';
  return parseMentorApplication(cohortBody(o.p ?? program, o.c ?? COHORT, 'mentor', f), {
    program: o.p ?? program,
    cohort: o.c ?? COHORT,
    login,
    filed: '2027-02-01',
    profile: o.profile === false ? undefined : mentors.find((m) => m.github === login),
  });
};
const problemsOf = (r: { ok: boolean; problems?: { field: string; message: string }[] }) => {
  expect(r.ok).toBe(false);
  return r.problems!;
};

describe('the forms in the repository', () => {
  test('every open cohort has its forms, generated from program.yml and up to date (npm run forms)', () => {
    const wanted = cohortForms(program);
    expect([...wanted.keys()]).toEqual([cohortFormFile(COHORT.id, 'mentee'), cohortFormFile(COHORT.id, 'mentor')]);
    for (const [file, text] of wanted) expect(read(file), file).toBe(text);
  });

  test('no form of a closed or removed cohort is left behind', () => {
    const present = readdirSync(TEMPLATES).filter((f) => COHORT_FORM_FILE.test(f));
    expect(present.sort()).toEqual([...cohortForms(program).keys()].sort());
  });

  test('a closed cohort has no forms; a peer-groups cohort has the mentee form only', () => {
    const p = variant((raw) => {
      raw.cohorts = [
        { id: 'closed', name: 'Closed', term: 3, open: false },
        { id: 'peers', name: 'Peers', term: 6, open: true, kind: 'groups', group_size: 4 },
      ];
    });
    expect([...cohortForms(p).keys()]).toEqual(['cohort-peers-mentee.yml']);
    const f = cohortForm(p, p.cohorts[1]!, 'mentee') as unknown as Form;
    expect(f.name).toBe('Cohort application: mentee — Peers');
    expect(f.body[0]!.attributes.value).toContain('peer groups of about 4 people');
    // Groups keep institutions apart, so the affiliation is asked for.
    expect(field(f, 'affiliation').validations?.required).toBe(true);
  });
});

describe('the mentee form', () => {
  const f = form('mentee');

  test('named for the cohort, labelled cohort:<id> and cohort-mentee', () => {
    expect(f.name).toBe(`Cohort application: mentee — ${COHORT.name}`);
    expect(f.labels).toEqual([`cohort:${COHORT.id}`, COHORT_MENTEE_LABEL]);
    expect(cohortFormYaml(program, COHORT, 'mentee')).toMatch(/^# Generated from program\.yml \(cohort 2027-spring\) by `npm run forms`/);
  });

  test("the scored fields come from program.yml's taxonomy", () => {
    expect(field(f, 'topics').attributes.options).toEqual(program.taxonomy.topics.map((t) => t.label));
    expect(field(f, 'topics').attributes.multiple).toBe(true);
    expect(field(f, 'languages').attributes.options).toContain('English (en)');
    expect(field(f, 'languages').attributes.options).toHaveLength(program.taxonomy.languages.length);
    expect(field(f, 'stage').attributes.options).toEqual(program.taxonomy.stages.map((t) => t.label));
    expect(field(f, 'stage').attributes.multiple).toBeUndefined();
    expect(field(f, 'formats').attributes.options).toEqual(program.taxonomy.formats.map((t) => t.label));
    expect(field(f, 'kinds').attributes.options).toEqual(program.taxonomy.kinds.map((t) => t.label));
    expect(f.body.map((b) => b.id).filter(Boolean)).toEqual(fieldsOf('mentee').map((x) => x.id));
  });

  test('the motivation is required and says honestly who reads it', () => {
    const m = field(f, 'motivation');
    expect(m.type).toBe('textarea');
    expect(m.validations?.required).toBe(true);
    expect(m.attributes.label).toMatch(/confidential/i);
    expect(m.attributes.description).toContain('never copied into the matches file, the directory site or any export');
    expect(m.attributes.description).toContain('This issue itself is visible to everyone who can see this repository');
  });

  test('both boxes of the agreement are required', () => {
    const a = field(f, 'agree');
    expect(a.type).toBe('checkboxes');
    expect((a.attributes.options as { required: boolean }[]).map((o) => o.required)).toEqual([true, true]);
  });

  test('the affiliation is required when matching.different names it, optional otherwise', () => {
    expect(field(f, 'affiliation').validations?.required).toBe(false);
    const cern = variant((raw) => {
      raw.matching = { different: ['affiliation'] };
    });
    expect(field(form('mentee', cern, cern.cohorts[0]!), 'affiliation').validations?.required).toBe(true);
  });

  test('a language input instead of a dropdown when the program lists no languages', () => {
    const any = variant((raw) => {
      raw.taxonomy!.languages = [];
    });
    expect(field(form('mentee', any, any.cohorts[0]!), 'languages').type).toBe('input');
  });
});

describe('the mentor form', () => {
  const f = form('mentor');

  test('labelled cohort:<id> and cohort-mentor, with the capacity for this cohort from 1 to the maximum', () => {
    expect(f.name).toBe(`Cohort application: mentor — ${COHORT.name}`);
    expect(f.labels).toEqual([`cohort:${COHORT.id}`, COHORT_MENTOR_LABEL]);
    const c = field(f, 'capacity');
    expect(c.attributes.options).toEqual(Array.from({ length: program.limits.max_mentor_capacity }, (_, i) => String(i + 1)));
    expect(c.validations?.required).toBe(true);
  });

  test('the scored fields are optional in the form: a directory profile may fill them', () => {
    for (const id of ['topics', 'languages', 'stages', 'formats', 'kinds', 'timezone', 'affiliation']) {
      expect(field(f, id).validations?.required, id).toBe(false);
      expect(field(f, id).attributes.description, id).toContain('directory profile');
    }
    expect(field(f, 'notes').attributes.description).toContain('never copied into the matches file');
  });
});

describe('telling applications apart', () => {
  test('neither form is a mentor request nor a "Become a mentor" application', () => {
    for (const role of ['mentee', 'mentor'] as const) {
      const body = cohortBody(program, COHORT, role);
      expect(looksLikeRequest(body), role).toBe(false);
      expect(isApplication({ labels: form(role).labels, body }), role).toBe(false);
      expect(cohortFormRole(body)).toBe(role);
      expect(isCohortApplication({ labels: [], body })).toBe(true);
    }
  });

  test('by label, whatever the body; a request is not one', () => {
    expect(isCohortApplication({ labels: [COHORT_MENTEE_LABEL], body: '' })).toBe(true);
    expect(isCohortApplication({ labels: [COHORT_MENTOR_LABEL, REQUEST_LABEL], body: 'hello' })).toBe(true);
    expect(isCohortApplication({ labels: [REQUEST_LABEL, `cohort:${COHORT.id}`], body: '### Your goals\n\nx' })).toBe(false);
    expect(cohortFormRole(null)).toBeUndefined();
  });
});

describe('a mentee application', () => {
  test('becomes the matching core’s mentee; the motivation is dropped', () => {
    const motivation = 'MOTIVATION-7f3a: my private reasons';
    const r = mentee({ motivation });
    expect(r).toEqual({
      ok: true,
      mentee: {
        login: 'mia-mentee',
        topics: ['data-science', 'industry-careers'],
        languages: ['en'],
        timezone: 'Europe/Berlin',
        stage: 'phd',
        formats: ['video'],
        kinds: ['one-on-one'],
        affiliation: 'Example University',
      },
    });
    if (r.ok) expect(menteeSchema.parse(r.mentee)).toEqual(r.mentee);
    expect(JSON.stringify(r)).not.toContain('MOTIVATION-7f3a');
  });

  test('optional fields left empty: no time zone, any format and kind, no affiliation', () => {
    const r = mentee({ timezone: '', formats: [], kinds: [], affiliation: '' });
    expect(r.ok && r.mentee).toEqual({ login: 'mia-mentee', topics: ['data-science', 'industry-careers'], languages: ['en'], stage: 'phd', formats: [], kinds: [] });
  });

  const L = COHORT_FIELD;
  const cases: [string, Partial<CohortFields>, string, RegExp][] = [
    ['no topic', { topics: [] }, L.topics.label, /is empty\. Choose at least one topic/],
    ['an unknown topic', { topics: ['Astrology'] }, L.topics.label, /“Astrology” is not one of the choices\. Choose from the list in the form/],
    ['no language', { languages: [] }, L.languages.label, /is empty\. Choose at least one language/],
    ['a language the program lacks', { languages: ['xh'] }, L.languages.label, /“xh” is not a language of this program/],
    ['a time zone that is not one', { timezone: 'Berlin time' }, L.timezone.label, /“Berlin time” is not an IANA time zone\. Write one such as Europe\/Berlin/],
    ['no career stage', { stages: [] }, L.stage.label, /is empty\. Choose the stage closest to yours/],
    ['two career stages', { stages: ['phd', 'postdoc'] }, L.stage.label, /names more than one stage/],
    ['an unknown format', { formats: ['Carrier pigeon'] }, L.formats.label, /“Carrier pigeon” is not one of the choices/],
    ['an unknown kind', { kinds: ['Group therapy'] }, L.kinds.label, /“Group therapy” is not one of the choices/],
    ['an overlong affiliation', { affiliation: 'x'.repeat(121) }, L.affiliation.label, /is 121 characters long; shorten it to at most 120/],
    ['no motivation', { motivation: '' }, L.motivation.label, /is empty\. Say in a few sentences why you are applying/],
    ['one box unticked', { agreed: 1 }, L.agree.label, /is not fully ticked/],
  ];
  test.each(cases)('%s: the problem names the field and how to fix it', (_, fields, label, message) => {
    const problems = problemsOf(mentee(fields));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(label);
    expect(problems[0]!.message).toMatch(message);
    expect(problemLine(problems[0]!)).toBe(`${label}: ${problems[0]!.message}`);
  });

  test('every field of the form has a test above that names it (all but the optional affiliation when not needed)', () => {
    const named = new Set(cases.map((c) => c[2]));
    expect(fieldsOf('mentee').filter((f) => !named.has(f.label))).toEqual([]);
  });

  test('a needed affiliation left empty is a problem', () => {
    const cern = variant((raw) => {
      raw.matching = { different: ['affiliation'] };
    });
    const p = problemsOf(mentee({ affiliation: '' }, { p: cern, c: cern.cohorts[0]! }));
    expect(p).toEqual([{ field: L.affiliation.label, message: expect.stringMatching(/is empty\. Name where you work or study/) }]);
  });

  test('several problems at once, in the order of the form; a deleted section is named', () => {
    const body = cohortBody(program, COHORT, 'mentee', { topics: [], agreed: 0 }).replace(/### Your career stage\n\nPhD student\n\n/, '');
    const r = parseMenteeApplication(body, { program, cohort: COHORT, login: 'mia-mentee', filed: '2027-02-01' });
    expect(problemsOf(r).map((p) => p.field)).toEqual([L.topics.label, L.stage.label, L.agree.label]);
    expect(problemsOf(r)[1]!.message).toContain('is missing from the application (its “### Your career stage” heading is gone)');
  });

  test('problems never quote the motivation', () => {
    const secret = 'SECRET-MOTIVATION-91c2';
    const r = mentee({ motivation: secret, topics: [], timezone: 'nowhere', agreed: 0 });
    expect(JSON.stringify(r)).not.toContain(secret);
  });

  test('typed language tags, when the program lists none', () => {
    const any = variant((raw) => {
      raw.taxonomy!.languages = [];
    });
    const ok = mentee({ languages: ['pt-BR', 'en'] }, { p: any, c: any.cohorts[0]! });
    expect(ok.ok && ok.mentee.languages).toEqual(['pt-BR', 'en']);
    const bad = problemsOf(mentee({ languages: ['english!'] }, { p: any, c: any.cohorts[0]! }));
    expect(bad).toEqual([{ field: L.languages.label, message: expect.stringContaining('“english!” is not a language tag') }]);
  });
});

describe('a mentor application', () => {
  test('without a directory profile: the answers, the capacity for this cohort as free slots', () => {
    const r = mentor({ capacity: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mentor.free).toBe(1);
    expect(r.fromProfile).toEqual([]);
    const p = r.mentor.profile;
    expect({ github: p.github, topics: p.topics, languages: p.languages, stages: p.stages, formats: p.formats, kinds: p.kinds, tz: p.location.timezone, affiliation: p.affiliation, availability: p.availability }).toEqual({
      github: 'new-mentor',
      topics: ['data-science', 'machine-learning'],
      languages: ['en', 'de'],
      stages: ['phd', 'postdoc'],
      formats: ['video', 'chat'],
      kinds: ['one-on-one'],
      tz: 'Europe/Zurich',
      affiliation: 'Example Lab',
      availability: { status: 'open', capacity: 1 },
    });
  });

  test('without a profile, empty formats and kinds mean any; notes are dropped', () => {
    const r = mentor({ formats: [], kinds: [], notes: 'NOTES-5d1e keep apart from @x' });
    expect(r.ok && [r.mentor.profile.formats, r.mentor.profile.kinds]).toEqual([program.taxonomy.formats.map((f) => f.id), program.taxonomy.kinds.map((k) => k.id)]);
    expect(JSON.stringify(r)).not.toContain('NOTES-5d1e');
  });

  test('with a directory profile, every empty field is the profile’s, and the answers given win', () => {
    const amara = mentors.find((m) => m.github === 'amara-okafor')!;
    const r = mentor({ topics: [], languages: [], stages: ['masters'], formats: [], kinds: [], timezone: '', affiliation: '', capacity: 1 }, { login: 'amara-okafor' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.mentor.profile;
    expect([p.topics, p.languages, p.stages, p.formats, p.kinds, p.location.timezone, p.affiliation]).toEqual([
      amara.topics,
      amara.languages,
      ['masters'],
      amara.formats,
      amara.kinds,
      amara.location.timezone,
      amara.affiliation,
    ]);
    // The cohort's capacity, not the profile's, and open whatever the profile says.
    expect(r.mentor.free).toBe(1);
    expect(p.availability).toEqual({ status: 'open', capacity: 1 });
    expect(r.fromProfile).toEqual([COHORT_FIELD.topics.label, COHORT_FIELD.languages.label, COHORT_FIELD.formats.label, COHORT_FIELD.kinds.label, COHORT_FIELD.timezone.label, COHORT_FIELD.affiliation.label]);
  });

  const L = COHORT_FIELD;
  const cases: [string, Partial<CohortFields>, string, RegExp][] = [
    ['no capacity', { capacity: '' }, L.capacity.label, /is empty\. Choose how many mentees you can take in this cohort, from 1 to 2/],
    ['a capacity above the maximum', { capacity: 3 }, L.capacity.label, /“3” is not a number from 1 to 2 \(limits\.max_mentor_capacity\)/],
    ['no topic and no profile', { topics: [] }, L.topics.label, /is empty, and you have no profile in the directory to take it from\. Choose at least one topic/],
    ['no language and no profile', { languages: [] }, L.languages.label, /Choose at least one language/],
    ['a time zone that is not one', { timezone: 'CET' }, L.timezone.label, /“CET” is not an IANA time zone/],
    ['no stage and no profile', { stages: [] }, L.stages.label, /Choose at least one career stage/],
    ['an unknown format', { formats: ['Fax'] }, L.formats.label, /“Fax” is not one of the choices/],
    ['an unknown kind', { kinds: ['Tutoring'] }, L.kinds.label, /“Tutoring” is not one of the choices/],
    ['an overlong affiliation', { affiliation: 'y'.repeat(130) }, L.affiliation.label, /is 130 characters long/],
    ['no box ticked', { agreed: 0 }, L.agree.label, /is not fully ticked/],
  ];
  test.each(cases)('%s: the problem names the field and how to fix it', (_, fields, label, message) => {
    const problems = problemsOf(mentor(fields));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(label);
    expect(problems[0]!.message).toMatch(message);
  });

  test('every field but the optional notes has a test above that names it', () => {
    const named = new Set(cases.map((c) => c[2]));
    expect(fieldsOf('mentor').filter((f) => !named.has(f.label)).map((f) => f.id)).toEqual(['notes']);
  });

  test('a needed affiliation that neither the answer nor a profile gives is a problem', () => {
    const cern = variant((raw) => {
      raw.matching = { different: ['affiliation'] };
    });
    expect(problemsOf(mentor({ affiliation: '' }, { p: cern, c: cern.cohorts[0]! }))).toEqual([
      { field: L.affiliation.label, message: expect.stringMatching(/is empty, and no directory profile names one/) },
    ]);
    // amara-okafor's profile names hers.
    expect(mentor({ affiliation: '' }, { p: cern, c: cern.cohorts[0]!, login: 'amara-okafor' }).ok).toBe(true);
  });
});

test('the free-text fields are the inputs and textareas of each form', () => {
  for (const role of ['mentee', 'mentor'] as const) {
    const f = form(role);
    const free = f.body.filter((b) => (b.type === 'input' || b.type === 'textarea') && b.id !== 'languages').map((b) => b.id);
    expect(FREE_TEXT_FIELDS[role].map((x) => x.id).sort()).toEqual(free.sort());
  }
});
