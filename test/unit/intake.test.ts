import { describe, expect, test } from 'vitest';
import { decideIntake, type IntakeInput } from '../../src/core/intake.ts';
import type { RequestSummary } from '../../src/core/requests.ts';
import { makeProfileSchema, type Profile } from '../../src/core/profile.ts';
import { requestBody, type RequestFields } from '../../src/testing/request-body.ts';
import { repoProgram as program, validProfile } from '../support/profiles.ts';

const schema = makeProfileSchema(program);
const mentor = (login: string, over: Record<string, unknown> = {}): Profile => schema.parse({ ...validProfile(), github: login, name: login, ...over });
const mentors = new Map<string, Profile>([
  ['ada', mentor('ada', { terms: [3, 6] })],
  ['bob', mentor('bob', { availability: { status: 'open', capacity: 1 } })],
  ['cy', mentor('cy', { availability: { status: 'paused', capacity: 2 } })],
  ['dee', mentor('dee', { availability: { status: 'open', capacity: 2, until: '2026-01-31' } })],
]);

function input(fields: Partial<RequestFields>, over: Partial<IntakeInput> = {}, issueOver: Partial<IntakeInput['issue']> = {}): IntakeInput {
  return {
    program,
    mentors,
    issue: { number: 10, author: 'mia', state: 'open', labels: ['request'], body: requestBody(program, { mentor: 'ada', term: 3, ...fields }), ...issueOver },
    action: 'opened',
    openRequests: [],
    today: '2026-11-24',
    ...over,
  };
}
const req = (number: number, author: string, status: string, mentorLogin = 'ada'): RequestSummary => ({ number, author, labels: ['request', `status:${status}`, `mentor:${mentorLogin}`] });
const problemsOf = (i: IntakeInput) => decideIntake(i).comments.find((c) => c.kind === 'intake')?.body ?? '';

describe('intake decisions', () => {
  test('a valid request becomes pending with the mentor label and one welcome', () => {
    const d = decideIntake(input({}));
    expect(d.addLabels).toEqual(['request', 'mentor:ada', 'status:pending']);
    expect(d.comments.map((c) => `${c.kind}:${c.key}:${c.mode}`)).toEqual(['welcome:10.ada:once']);
    expect(d.comments[0]!.body).toMatch(/^@ada, @mia would like you to be their mentor/);
    expect(d.comments[0]!.body).toContain('`/accept`');
    expect(d.comments[0]!.body).toContain('`/decline [reason]`');
    expect(d.comments[0]!.body).toContain('`/later`');
  });

  test('an invalid request lists every problem at once', () => {
    const d = decideIntake(input({ mentor: 'nobody', term: 5, agreed: false, goals: '' }));
    expect(d.addLabels).toEqual(['request', 'status:invalid']);
    const body = d.comments[0]!.body;
    expect(body).toContain('“nobody” is not a mentor in the directory');
    expect(body).toContain('5 months is not a term of this program');
    expect(body).toContain('**Your goals**: is empty');
    expect(body).toContain('**Code of Conduct**: is not ticked');
    expect(d.comments.map((c) => `${c.kind}:${c.mode}`)).toEqual(['intake:upsert']);
  });

  test('a fixed request becomes pending, edits the problems comment and welcomes', () => {
    const d = decideIntake(input({}, { action: 'edited' }, { labels: ['request', 'status:invalid'] }));
    expect(d.addLabels).toContain('status:pending');
    expect(d.removeLabels).toEqual(['status:invalid']);
    expect(d.comments.map((c) => `${c.kind}:${c.mode}`)).toEqual(['intake:upsert', 'welcome:once']);
  });

  test('when the named mentor can’t take it, the problems comment suggests the mentors who fit best; other problems don’t', () => {
    const full = problemsOf(input({ mentor: 'bob', areas: ['research-software'] }, { openRequests: [req(1, 'zed', 'active', 'bob')] }));
    expect(full).toContain('@bob has no free slot');
    expect(full).toContain('These mentors have a free slot now and fit your request best (by the program’s matching score):');
    // ada has 2 of 2 free, so ranks first; cy is paused, dee's availability ended, bob is the one named.
    expect([...full.matchAll(/^- \[@([a-z]+)\]/gm)].map((m) => m[1])).toEqual(['ada']);
    expect(full).toContain('(1 shared topic of 1: research-software; shared language: en, de; formats: video)');
    expect(problemsOf(input({ mentor: 'cy', areas: ['research-software'] }))).toMatch(/^- \[@ada\]/m);
    expect(problemsOf(input({ mentor: 'nobody', areas: ['research-software'] }))).toMatch(/^- \[@ada\]/m);
    // Named as an alternate already: not suggested again (bob, with 1 of 1 free, is next).
    expect([...problemsOf(input({ mentor: 'cy', alternates: ['ada'], areas: ['research-software'] })).matchAll(/^- \[@([a-z]+)\]/gm)].map((m) => m[1])).toEqual(['bob']);
    expect(problemsOf(input({ goals: '' }))).not.toContain('These mentors');
  });

  test('mentor must exist, be open, not paused past their until date, and not be yourself', () => {
    expect(problemsOf(input({ mentor: 'adaa' }))).toContain('did you mean "ada"?');
    expect(problemsOf(input({ mentor: 'cy' }))).toContain('@cy is not taking requests right now');
    expect(problemsOf(input({ mentor: 'dee' }))).toContain('@dee is not taking requests right now');
    expect(problemsOf(input({ mentor: 'mia' }))).toContain('is your own login');
    expect(problemsOf(input({ mentor: 'not a login!' }))).toContain('is not a GitHub login');
  });

  test('mentor capacity counts live active partnerships', () => {
    expect(decideIntake(input({ mentor: 'bob' }, { openRequests: [req(1, 'zed', 'pending', 'bob')] })).addLabels).toContain('status:pending');
    expect(problemsOf(input({ mentor: 'bob' }, { openRequests: [req(1, 'zed', 'active', 'bob')] }))).toContain('@bob has no free slot (1 of 1 taken)');
  });

  test('quota: at the limit is fine, one over is not, and a withdrawal frees a slot', () => {
    const one = [req(1, 'mia', 'pending', 'bob')];
    expect(decideIntake(input({}, { openRequests: one })).addLabels).toContain('status:pending');
    const two = [req(1, 'mia', 'pending', 'bob'), req(2, 'mia', 'saved', 'dee')];
    expect(problemsOf(input({}, { openRequests: two }))).toContain('you already have 2 open requests (#1, #2)');
    // A withdrawn request is closed, so it is no longer in the open list.
    expect(decideIntake(input({}, { openRequests: [two[0]!] })).addLabels).toContain('status:pending');
    // Invalid requests of the same mentee do not count toward the quota.
    expect(decideIntake(input({}, { openRequests: [req(1, 'mia', 'pending', 'bob'), req(3, 'mia', 'invalid', 'x')] })).addLabels).toContain('status:pending');
  });

  test('one active partnership per mentee', () => {
    expect(problemsOf(input({}, { openRequests: [req(4, 'mia', 'active', 'bob')] }))).toContain('you already have an active partnership (#4)');
  });

  test('one open request per mentee–mentor pair', () => {
    expect(problemsOf(input({}, { openRequests: [req(5, 'mia', 'pending', 'ada')] }))).toContain('you already have a request with @ada open in #5');
    // The issue itself is in the live list; it never counts against itself.
    expect(decideIntake(input({}, { openRequests: [req(10, 'mia', 'pending', 'ada')] })).addLabels).toContain('status:pending');
  });

  test('the term must be offered by the program and by the mentor', () => {
    expect(problemsOf(input({ term: 12 }))).toContain('@ada offers 3 months or 6 months');
    expect(problemsOf(input({ term: 'a year' }))).toContain('“a year” is not a term');
  });

  test('alternates must be known, open, distinct and not yourself', () => {
    expect(decideIntake(input({ alternates: ['bob', 'dee'] }, { today: '2026-01-01' })).addLabels).toContain('status:pending');
    const body = problemsOf(input({ alternates: ['ada', 'ghost'] }));
    expect(body).toContain('@ada is already named above');
    expect(body).toContain('“ghost” is not a mentor in the directory');
    expect(problemsOf(input({ alternates: ['cy'] }))).toContain('@cy is not taking requests right now');
    expect(problemsOf(input({ alternates: ['mia'] }))).toContain('is your own login');
  });

  test('the eligibility gate', () => {
    expect(problemsOf(input({}, { eligibility: { ok: false, reason: 'members only' } }))).toContain('**Eligibility**: members only');
    expect(decideIntake(input({}, { eligibility: { ok: true, reason: '' } })).addLabels).toContain('status:pending');
  });

  test('edits after a request has left pending or invalid are ignored, said once', () => {
    const d = decideIntake(input({ mentor: 'bob' }, { action: 'edited' }, { labels: ['request', 'status:active', 'mentor:ada'] }));
    expect(d.addLabels).toEqual([]);
    expect(d.comments.map((c) => `${c.kind}:${c.mode}`)).toEqual(['edit-ignored:once']);
  });

  test('changing the mentor while pending moves the mentor label and welcomes the new mentor', () => {
    const d = decideIntake(input({ mentor: 'bob' }, { action: 'edited' }, { labels: ['request', 'status:pending', 'mentor:ada'] }));
    expect(d.addLabels).toEqual(['request', 'mentor:bob', 'status:pending']);
    expect(d.removeLabels).toEqual(['mentor:ada']);
    expect(d.comments.map((c) => c.key)).toEqual(['10.bob']);
  });

  test('closed issues are left alone', () => {
    expect(decideIntake(input({}, {}, { state: 'closed' }))).toMatchObject({ addLabels: [], removeLabels: [], comments: [] });
  });
});

describe('request form parsing', () => {
  test('parses the body GitHub writes and normalises logins', async () => {
    const { parseRequest } = await import('../../src/core/request-form.ts');
    const body = requestBody(program, { mentor: '@Ada', alternates: ['https://github.com/bob'], areas: ['hpc', 'teaching'], term: 6, format: 'chat' });
    expect(parseRequest(body, program)).toEqual({
      request: { mentor: 'ada', alternates: ['bob'], areas: ['hpc', 'teaching'], goals: expect.any(String), term: 6, format: 'chat', languages: [], about: expect.any(String), agreed: true },
      problems: [],
    });
  });
  test('the optional languages, time zone and career stage are read when given, and a wrong one is a problem naming its field', async () => {
    const { parseRequest, FIELD } = await import('../../src/core/request-form.ts');
    const stage = program.taxonomy.stages[0]!;
    const good = parseRequest(requestBody(program, { mentor: 'ada', languages: ['es', 'en'], timezone: 'America/Bogota', stage: stage.id }), program);
    expect(good.problems).toEqual([]);
    expect(good.request).toMatchObject({ languages: ['es', 'en'], timezone: 'America/Bogota', stage: stage.id });
    const bad = parseRequest(
      requestBody(program, { mentor: 'ada', timezone: 'Mars/Olympus' }).replace(/### Languages you can be mentored in\n\n_No response_/, '### Languages you can be mentored in\n\nKlingon'),
      program,
    );
    expect(bad.problems).toEqual([
      { field: FIELD.languages.label, message: '“Klingon” is not one of the program’s languages. Choose from the list in the form, or leave it empty.' },
      { field: FIELD.timezone.label, message: '“Mars/Olympus” is not a time zone. Use an IANA name such as Europe/Berlin or America/New_York, or leave it empty.' },
    ]);
    expect(bad.request).not.toHaveProperty('timezone');
    // A request filed before these fields existed has none of their sections: still valid.
    const old = requestBody(program, { mentor: 'ada' }).replace(/### (Languages you can be mentored in|Your time zone \(optional\)|Your career stage \(optional\))\n\n_No response_\n\n/g, '');
    expect(old).not.toContain('time zone');
    expect(parseRequest(old, program)).toMatchObject({ problems: [], request: { languages: [] } });
  });
  test('a section edited out of shape is reported, not thrown', async () => {
    const { parseRequest } = await import('../../src/core/request-form.ts');
    const body = requestBody(program, { mentor: 'ada' }).replace(/### Code of Conduct\n\n- \[X\] .*/, '### Code of Conduct\n\nyes I agree');
    const { problems } = parseRequest(body, program);
    expect(problems.map((p) => p.field)).toContain('Code of Conduct');
  });
});
