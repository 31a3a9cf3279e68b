import { describe, expect, test } from 'vitest';
import { decideIntake, type IntakeInput } from '../../src/core/intake.ts';
import { abuseReadsNeeded, formSections, mentionsIn, parseBlocklist, isBlocked, withBlocked, withoutBlocked, EMPTY_BLOCKLIST, type AbuseFacts } from '../../src/core/abuse.ts';
import { readFileSync } from 'node:fs';
import { programSchema, type Program } from '../../src/core/program.ts';
import { makeProfileSchema, type Profile } from '../../src/core/profile.ts';
import { FIELD } from '../../src/core/request-form.ts';
import { requestBody, type RequestFields } from '../../src/testing/request-body.ts';
import { repoProgram, validProfile } from '../support/profiles.ts';

const schema = makeProfileSchema(repoProgram);
const mentor = (login: string): Profile => schema.parse({ ...validProfile(), github: login, name: login });
const mentors = new Map<string, Profile>([
  ['ada', mentor('ada')],
  ['bob', mentor('bob')],
  ['eve', mentor('eve')],
]);
const withAbuse = (abuse: Record<string, unknown>): Program => ({ ...repoProgram, abuse: programSchema.shape.abuse.parse(abuse) });

function input(fields: Partial<RequestFields>, abuse: AbuseFacts | undefined, over: Partial<IntakeInput> = {}, issueOver: Partial<IntakeInput['issue']> = {}): IntakeInput {
  return {
    program: repoProgram,
    mentors,
    issue: { number: 10, author: 'mia', state: 'open', labels: ['request'], body: requestBody(repoProgram, { mentor: 'ada', term: 3, ...fields }), ...issueOver },
    action: 'opened',
    openRequests: [],
    today: '2026-11-24',
    ...(abuse ? { abuse } : {}),
    ...over,
  };
}
const facts = (over: Partial<AbuseFacts> = {}): AbuseFacts => ({ blocklist: EMPTY_BLOCKLIST, ...over });
const problemsOf = (i: IntakeInput) => decideIntake(i).comments.find((c) => c.kind === 'intake')?.body ?? '';
const pending = (i: IntakeInput) => decideIntake(i).addLabels.includes('status:pending');

describe('program.yml abuse section', () => {
  test('defaults: 5 requests a week, no account age, blocklist.yml, mentions refused, a length per field', () => {
    const a = repoProgram.abuse;
    expect(a).toMatchObject({ max_requests_per_week: 5, min_account_age_days: 0, blocklist: 'blocklist.yml', allow_mentions: false });
    expect(Object.keys(a.max_length).sort()).toEqual(Object.values(FIELD).map((f) => f.id).sort());
    expect(a.max_length.goals).toBe(2000);
  });

  test('bad values name their key', () => {
    const bad = programSchema.shape.abuse.safeParse({ max_requests_per_week: -1, blocklist: '../secret.yml', max_length: { goals: 0, nickname: 3 } });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['max_requests_per_week', 'blocklist', 'max_length.goals', 'max_length']));
    // Only where the bot's sparse checkout reaches.
    for (const ok of ['blocklist.yml', 'content/moderation/blocked.yml']) expect(programSchema.shape.abuse.safeParse({ blocklist: ok }).success, ok).toBe(true);
    for (const no of ['moderation/blocklist.yml', 'content/../x.yml', 'blocklist.txt']) {
      expect(programSchema.shape.abuse.safeParse({ blocklist: no }).error?.issues[0]?.message, no).toContain('the only places the bot’s workflow checks out');
    }
  });
});

describe('field lengths', () => {
  test('each section is measured as written; the message names the field, the length and the limit', () => {
    const body = requestBody(repoProgram, { mentor: 'ada', term: 3, goals: 'é'.repeat(2001) });
    expect(formSections(body).find((s) => s.id === 'goals')!.text).toHaveLength(2001);
    const text = problemsOf(input({ goals: 'é'.repeat(2001) }, undefined));
    expect(text).toContain('**Your goals**: is 2,001 characters long; the program allows 2,000.');
    expect(pending(input({ goals: 'é'.repeat(2000) }, undefined))).toBe(true);
  });

  test('limits are configurable per field, and every field is covered (a hand-edited dropdown too)', () => {
    const program = withAbuse({ max_length: { about: 10, term: 5 } });
    const text = problemsOf(input({ about: 'Eleven char', term: '3 months and more' }, undefined, { program }));
    expect(text).toContain('**About you**: is 11 characters long; the program allows 10.');
    expect(text).toContain('**Term**: is 17 characters long; the program allows 5.');
  });
});

describe('mentions', () => {
  test('what counts as a mention: not e-mail addresses, code, or HTML comments; teams do', () => {
    expect(mentionsIn('Ask @Ada-L and @org/team-x, mail a@b.org, `@incode` <!-- @hidden -->\n```\n@fenced\n```\n@last.')).toEqual(['Ada-L', 'org/team-x', 'last']);
  });

  test('a mention of someone the request does not name is refused with who and why', () => {
    const text = problemsOf(input({ goals: 'Work with @stranger-x on papers.', about: 'cc @ADA and @mia and @bob' }, undefined, {}, {}));
    expect(text).toContain('**Your goals**: mentions @stranger-x. A request may mention only the mentors it names');
    expect(text).toContain('sends a notification');
    expect(text).toContain('**About you**: mentions @bob.');
  });

  test('named mentors (alternates too) and the mentee themself may be mentioned; allow_mentions turns the rule off', () => {
    expect(pending(input({ alternates: ['bob'], goals: 'With @ada, or else @bob.', about: 'I am @mia.' }, undefined))).toBe(true);
    expect(pending(input({ goals: 'Hi @stranger' }, undefined, { program: withAbuse({ allow_mentions: true }) }))).toBe(true);
  });

  test('a team mention says it reaches the whole team', () => {
    expect(problemsOf(input({ about: 'cc @acme/everyone' }, undefined))).toContain('a team mention reaches all its members');
  });
});

describe('requests per 7 days', () => {
  const created = (number: number, date: string) => ({ number, createdAt: `${date}T12:00:00Z` });
  const recent = [created(3, '2026-11-18'), created(5, '2026-11-20'), created(6, '2026-11-21'), created(8, '2026-11-23'), created(9, '2026-11-24'), created(10, '2026-11-24')];
  const program = withAbuse({ max_requests_per_week: 3 });

  test('over the limit: counts the earlier requests in the window, closed ones included, and says when to retry', () => {
    const text = problemsOf(input({}, facts({ recentRequests: recent }), { program }));
    expect(text).toContain('**Requests this week**: you filed 5 requests in the last 7 days (#3, #5, #6, #8, #9), closed ones included; the program takes at most 3 per 7 days');
    // Three of them must age out: #3 (filed 11-18), #5 (11-20), #6 (11-21) → from 11-28 only two are left.
    expect(text).toContain('Edit this issue on or after 2026-11-28');
  });

  test('at the limit passes; later requests and requests older than 7 days don’t count', () => {
    const early = recent.filter((r) => r.number !== 8 && r.number !== 9); // #3 is 6 days old: counts; #5, #6 count
    expect(problemsOf(input({}, facts({ recentRequests: early }), { program }))).toContain('you filed 3 requests');
    expect(pending(input({}, facts({ recentRequests: early }), { program, today: '2026-11-25' }))).toBe(true); // #3 is now 7 days old
    expect(pending(input({}, facts({ recentRequests: recent }), { program }, { number: 6 }))).toBe(true); // #3 and #5 only
  });

  test('0 turns it off, and without the read nothing is checked', () => {
    expect(pending(input({}, facts({ recentRequests: recent }), { program: withAbuse({ max_requests_per_week: 0 }) }))).toBe(true);
    expect(pending(input({}, facts(), { program }))).toBe(true);
  });
});

describe('account age', () => {
  const program = withAbuse({ min_account_age_days: 30 });
  test('a young account is refused with its age, the minimum and the day to retry', () => {
    const text = problemsOf(input({}, facts({ accountCreatedAt: '2026-11-20T23:59:59Z' }), { program }));
    expect(text).toContain('**Your account**: your GitHub account is 4 days old; this program accepts requests from accounts at least 30 days old');
    expect(text).toContain('Edit this issue on or after 2026-12-20');
  });
  test('old enough passes; an account GitHub doesn’t know is told to retry', () => {
    expect(pending(input({}, facts({ accountCreatedAt: '2026-10-25T00:00:00Z' }), { program }))).toBe(true);
    expect(problemsOf(input({}, facts({ accountCreatedAt: null }), { program }))).toContain('GitHub could not tell me how old your account is');
  });
});

describe('blocklist', () => {
  const list = parseBlocklist('- login: "@Troll-1"\n  reason: "spam in #12"\n  since: 2026-11-01\n  by: program-chair\n- eve\n');

  test('the file: entries with login, reason, since and by; a bare login works; logins are case-insensitive', () => {
    expect(list.problems).toEqual([]);
    expect(list.entries).toEqual([{ login: 'Troll-1', reason: 'spam in #12', since: '2026-11-01', by: 'program-chair' }, { login: 'eve' }]);
    expect(isBlocked(list, 'troll-1')).toBe(true);
    expect(isBlocked(list, 'mia')).toBe(false);
    expect(parseBlocklist('')).toEqual({ entries: [], problems: [] });
  });

  test('a broken entry is reported by number and skipped; a broken file is reported', () => {
    const r = parseBlocklist('- login: ok-one\n- login: not a login\n- reason: no login\n- login: x\n  when: today\n');
    expect(r.entries.map((e) => e.login)).toEqual(['ok-one']);
    expect(r.problems).toEqual([
      'blocklist.yml: entry 2: login is not a GitHub login',
      expect.stringMatching(/^blocklist\.yml: entry 3: login /),
      expect.stringMatching(/^blocklist\.yml: entry 4: entry .*when/),
    ]);
    expect(parseBlocklist('login: x').problems[0]).toContain('must be a list of entries');
    expect(parseBlocklist('- [').problems[0]).toContain('is not valid YAML');
  });

  test('the repository’s blocklist.yml reads as empty; adding and removing entries keeps its comments and other entries', () => {
    const file = readFileSync(new URL('../../blocklist.yml', import.meta.url), 'utf8');
    expect(parseBlocklist(file)).toEqual({ entries: [], problems: [] });
    const one = withBlocked(file, { login: '@Spam-1', reason: 'mass requests', since: '2027-01-05', by: 'program-chair' });
    expect(one.startsWith(file.slice(0, file.indexOf('[]')))).toBe(true);
    expect(one).toContain('\n- login: Spam-1\n  reason: mass requests\n  since: 2027-01-05\n  by: program-chair\n');
    expect(parseBlocklist(one).entries).toEqual([{ login: 'Spam-1', reason: 'mass requests', since: '2027-01-05', by: 'program-chair' }]);
    const two = withBlocked(withBlocked(one, { login: 'other' }), { login: 'spam-1', reason: 'updated' });
    expect(parseBlocklist(two).entries).toEqual([{ login: 'spam-1', reason: 'updated' }, { login: 'other' }]);
    const back = withoutBlocked(two, 'SPAM-1');
    expect(parseBlocklist(back).entries).toEqual([{ login: 'other' }]);
    expect(back).toContain('# People whose requests the bot refuses');
    // A header written right above the first entry stays when that entry goes.
    expect(withoutBlocked('# who is paused\n- login: a\n- login: b\n', 'a')).toBe('# who is paused\n\n- login: b\n');
    expect(parseBlocklist(withBlocked('', { login: 'x' })).entries).toEqual([{ login: 'x' }]);
    expect(() => withBlocked('login: x', { login: 'y' })).toThrow('must be a list of entries');
    expect(() => withBlocked('- x', { login: 'not a login' })).toThrow();
  });

  test('a blocked mentee’s request is closed at once with a neutral message that does not repeat the reason', () => {
    const d = decideIntake(input({}, facts({ blocklist: list }), {}, { author: 'TROLL-1', labels: ['request', 'status:pending', 'mentor:ada'] }));
    expect(d.close).toEqual({ reason: 'not_planned' });
    expect(d.addLabels).toEqual(['request', 'status:invalid']);
    expect(d.removeLabels).toEqual(['status:pending', 'mentor:ada']);
    const body = d.comments[0]!.body;
    expect(body).toContain('@TROLL-1, this program’s moderators have paused requests from your account');
    expect(body).not.toContain('spam');
  });

  test('a blocked mentor can’t be asked, as mentor or alternate, and is never suggested', () => {
    const text = problemsOf(input({ mentor: 'eve', alternates: ['eve'] }, facts({ blocklist: list })));
    expect(text).toContain('**Mentor’s GitHub login**: @eve is not taking requests in this program right now. Choose another mentor');
    const alt = problemsOf(input({ alternates: ['eve'] }, facts({ blocklist: list })));
    expect(alt).toContain('**First alternate mentor (optional)**: @eve is not taking requests in this program right now. Name another mentor');
    // ada and bob fit as well as eve; eve, blocked, is not among the suggestions.
    const suggested = (t: string) => [...t.matchAll(/^- \[@([a-z]+)\]/gm)].map((m) => m[1]);
    expect(suggested(problemsOf(input({ mentor: 'eve', areas: ['research-software'] }, facts({ blocklist: list }))))).toEqual(['ada', 'bob']);
    expect(suggested(problemsOf(input({ mentor: 'nobody', areas: ['research-software'] }, facts())))).toContain('eve');
  });
});

describe('which reads the bot makes', () => {
  const limits = withAbuse({ min_account_age_days: 10 }).abuse;
  test('new and invalid requests need both reads; pending ones and blocked mentees none; off rules none', () => {
    expect(abuseReadsNeeded(limits, { author: 'mia', labels: ['request'] }, EMPTY_BLOCKLIST, '2026-11-24')).toEqual({ requestsSince: '2026-11-18T00:00:00Z', accountAge: true });
    expect(abuseReadsNeeded(limits, { author: 'mia', labels: ['request', 'status:invalid'] }, EMPTY_BLOCKLIST, '2026-11-24').accountAge).toBe(true);
    expect(abuseReadsNeeded(limits, { author: 'mia', labels: ['request', 'status:pending'] }, EMPTY_BLOCKLIST, '2026-11-24')).toEqual({ accountAge: false });
    expect(abuseReadsNeeded(limits, { author: 'eve', labels: [] }, parseBlocklist('- eve'), '2026-11-24')).toEqual({ accountAge: false });
    expect(abuseReadsNeeded(repoProgram.abuse, { author: 'mia', labels: [] }, EMPTY_BLOCKLIST, '2026-11-24')).toEqual({ requestsSince: '2026-11-18T00:00:00Z', accountAge: false });
  });
});
