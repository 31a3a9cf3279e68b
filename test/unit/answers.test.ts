import { describe, expect, test } from 'vitest';
import { decideCommand, decideHelp } from '../../src/core/answers.ts';
import { settleAcceptance, type SettleInput } from '../../src/core/accept.ts';
import { parseDeclineReason } from '../../src/core/decline.ts';
import { COMMANDS, type CommandInput, type CommandName, type Via } from '../../src/core/commands.ts';
import { rolesOf, type Permission } from '../../src/core/roles.ts';
import { applyLabels, type Decision } from '../../src/core/decision.ts';
import type { RequestSummary } from '../../src/core/requests.ts';
import { makeProfileSchema, type Profile } from '../../src/core/profile.ts';
import { requestBody, type RequestFields } from '../../src/testing/request-body.ts';
import { repoProgram as program, validProfile } from '../support/profiles.ts';

const schema = makeProfileSchema(program);
const mentor = (login: string, over: Record<string, unknown> = {}): Profile =>
  schema.parse({ ...validProfile(), github: login, name: login, topics: ['research-software'], ...over });
const mentors = new Map<string, Profile>([
  ['ada', mentor('ada', { availability: { status: 'open', capacity: 2 } })],
  ['bob', mentor('bob', { availability: { status: 'open', capacity: 1 } })],
  ['cy', mentor('cy', { availability: { status: 'paused', capacity: 2 } })],
  ['dee', mentor('dee', { topics: ['research-software', 'open-source'] })],
  ['eve', mentor('eve', { topics: ['open-source'] })],
  ['fay', mentor('fay', { topics: ['research-software'] })],
  ['gus', mentor('gus', { topics: ['research-software'] })],
]);
const CHAIR = program.maintainers[0]!;
const req = (number: number, author: string, status: string, m = 'ada'): RequestSummary => ({ number, author, labels: ['request', `status:${status}`, `mentor:${m}`] });

interface Case {
  actor?: string;
  permission?: Permission;
  status?: string;
  state?: 'open' | 'closed';
  open?: RequestSummary[];
  records?: CommandInput['records'];
  fields?: Partial<RequestFields>;
  via?: Via;
  mentorLogin?: string;
  mentors?: Map<string, Profile>;
}
function run(name: CommandName, args = '', c: Case = {}): Decision[] {
  const m = c.mentorLogin ?? 'ada';
  const labels = ['request', `mentor:${m}`, ...(c.status === 'none' ? [] : [`status:${c.status ?? 'pending'}`])];
  if (c.via?.kind === 'label') labels.push(c.via.label);
  const issue = { number: 10, author: 'mia', state: c.state ?? 'open', labels, body: requestBody(program, { mentor: m, term: 3, areas: ['research-software'], ...c.fields }) } as const;
  const login = c.actor ?? m;
  return decideCommand({
    program,
    mentors: c.mentors ?? mentors,
    today: '2026-11-24',
    agreement: [],
    issue: { ...issue, labels },
    openRequests: c.open ?? (issue.state === 'open' ? [{ number: 10, author: 'mia', labels }] : []),
    records: c.records ?? [{ id: 1, kind: 'welcome', key: `10.${m}` }],
    actor: { login, roles: rolesOf(login, { program, author: 'mia', mentor: m, permission: c.permission }) },
    command: { name, args },
    via: c.via ?? { kind: 'comment', id: 77, index: 0 },
  });
}
const labelsAfter = (d: Decision, before: string[]) => applyLabels(before, d).filter((l) => l.startsWith('status:') || l.startsWith('mentor:')).sort();
const only = (ds: Decision[]) => {
  expect(ds).toHaveLength(1);
  return ds[0]!;
};
const refusal = (ds: Decision[]) => {
  const d = only(ds);
  expect(d.addLabels).toEqual([]);
  expect(d.close).toBeUndefined();
  expect(d.comments.map((c) => c.kind)).toEqual(['refused']);
  return d.comments[0]!.body;
};

describe('who may use which command', () => {
  const people = { mentor: 'ada', mentee: 'mia', other: 'zed', maintainer: CHAIR } as const;
  // The request commands; partnership commands have their own tests (partnership.test.ts).
  const allowed: Partial<Record<CommandName, (keyof typeof people)[]>> = {
    accept: ['mentor', 'maintainer'],
    decline: ['mentor', 'maintainer'],
    later: ['mentor', 'maintainer'],
    withdraw: ['mentee', 'maintainer'],
    reassign: ['maintainer'],
    reopen: ['maintainer'],
  };
  for (const [name, may] of Object.entries(allowed) as [CommandName, (keyof typeof people)[]][]) {
    for (const [role, login] of Object.entries(people) as [keyof typeof people, string][]) {
      test(`/${name} by the ${role}: ${may.includes(role) ? 'acts' : 'refused, saying who may'}`, () => {
        const closed = name === 'reopen';
        const ds = run(name, name === 'reassign' ? '@dee' : '', { actor: login, state: closed ? 'closed' : 'open', status: closed ? 'declined' : 'pending' });
        if (may.includes(role)) {
          expect(ds[0]!.comments.map((c) => c.kind)).not.toContain('refused');
        } else {
          expect(refusal(ds)).toMatch(new RegExp(`@${login}, I can’t do \`/${name}\` here: only .* can`));
        }
      });
    }
  }
});

describe('/accept', () => {
  test('claims the request: status:active, nothing said until it is settled', () => {
    const d = only(run('accept'));
    expect(d.verify).toBe('acceptance');
    expect(labelsAfter(d, ['request', 'mentor:ada', 'status:pending'])).toEqual(['mentor:ada', 'status:active']);
    expect(d.comments).toEqual([]);
  });

  test('a full mentor is refused with the partnerships that fill the slots', () => {
    const body = refusal(run('accept', '', { mentorLogin: 'bob', open: [req(10, 'mia', 'pending', 'bob'), req(4, 'kim', 'active', 'bob')] }));
    expect(body).toContain('@bob has no free slot: 1 of 1 taken (#4)');
    expect(body).toContain('Nothing was changed.');
  });

  test('a mentee at the active limit is refused', () => {
    expect(refusal(run('accept', '', { open: [req(10, 'mia', 'pending'), req(3, 'mia', 'active', 'dee')] }))).toContain('@mia already has an active partnership (#3)');
  });

  test('invalid, closed and already-active requests are refused; an unannounced active one is completed', () => {
    expect(refusal(run('accept', '', { status: 'invalid' }))).toContain('still has problems for @mia to fix');
    expect(refusal(run('accept', '', { state: 'closed', status: 'declined' }))).toContain('this request is closed (declined)');
    expect(refusal(run('accept', '', { status: 'active', records: [{ id: 50, kind: 'accepted', key: '10.ada' }] }))).toContain('already active');
    expect(only(run('accept', '', { status: 'active', records: [] })).verify).toBe('acceptance');
    // The same command run again after it was announced (comment 77, announcement 90): settle again, quietly.
    expect(only(run('accept', '', { status: 'active', records: [{ id: 90, kind: 'accepted', key: '10.ada' }] }))).toMatchObject({ verify: 'acceptance', comments: [] });
  });
});

describe('settling an acceptance', () => {
  const body = requestBody(program, { mentor: 'ada', term: 3 });
  const base = (open: RequestSummary[], order?: Map<number, number>, m = 'ada'): SettleInput => ({
    program,
    mentors,
    issue: { number: 10, author: 'mia', body },
    mentor: m,
    previous: 'pending',
    today: '2026-03-02',
    agreement: [],
    by: m,
    openRequests: open,
    key: 'c77-0',
    ...(order ? { order } : {}),
  });

  test('within limits: announce, and withdraw the mentee’s other waiting requests when the last slot is used', () => {
    const s = settleAcceptance(base([req(10, 'mia', 'active'), req(11, 'mia', 'pending', 'dee'), req(12, 'mia', 'saved', 'eve'), req(13, 'kim', 'pending', 'dee')]));
    if (!('plan' in s)) throw new Error('expected a plan');
    expect(s.plan.map((d) => d.issue)).toEqual([10, 11, 12]);
    expect(s.plan[0]!.comments[0]!.kind).toBe('accepted');
    expect(s.plan[0]!.comments[0]!.body).toContain('@mia, @ada accepted your request');
    for (const w of s.plan.slice(1)) {
      expect(w.close).toEqual({ reason: 'not_planned' });
      expect(w.addLabels).toEqual(['status:withdrawn']);
      expect(w.comments[0]!.body).toMatch(/^@(dee|eve), @mia has started a mentoring partnership in #10/);
    }
  });

  test('over capacity: asks for the order, then the earlier label wins and the later one rolls back to its previous status', () => {
    const open = [req(10, 'mia', 'active', 'bob'), req(7, 'kim', 'active', 'bob')];
    const first = settleAcceptance(base(open, undefined, 'bob'));
    expect(first).toEqual({ needsOrder: [7, 10] });
    const lost = settleAcceptance(base(open, new Map([[7, 100], [10, 101]]), 'bob'));
    if (!('plan' in lost)) throw new Error('expected a plan');
    const d = only(lost.plan);
    expect(labelsAfter(d, open[0]!.labels)).toEqual(['mentor:bob', 'status:pending']);
    expect(d.close).toBeUndefined();
    expect(d.comments[0]!.body).toContain('taken a moment earlier by #7');
    // The same view from the other side: #10 was first, so it stands (the lower issue number does not decide).
    const won = settleAcceptance(base(open, new Map([[7, 102], [10, 101]]), 'bob'));
    if (!('plan' in won)) throw new Error('expected a plan');
    expect(won.plan[0]!.comments[0]!.kind).toBe('accepted');
  });

  test('over the mentee limit: the later acceptance withdraws its request, as the earlier one would have', () => {
    const open = [req(10, 'mia', 'active', 'ada'), req(12, 'mia', 'active', 'dee')];
    const s = settleAcceptance(base(open, new Map([[12, 5], [10, 9]])));
    if (!('plan' in s)) throw new Error('expected a plan');
    const d = only(s.plan);
    expect(d.close).toEqual({ reason: 'not_planned' });
    expect(labelsAfter(d, open[0]!.labels)).toEqual(['mentor:ada', 'status:withdrawn']);
    expect(d.comments[0]!.body).toContain('taken a moment earlier by the partnership in #12');
  });

  test('a request changed meanwhile (withdrawn, reassigned) is left as it is', () => {
    const s = settleAcceptance(base([req(10, 'mia', 'withdrawn')]));
    if (!('plan' in s)) throw new Error('expected a plan');
    expect(only(s.plan)).toMatchObject({ addLabels: [], removeLabels: [], comments: [] });
  });
});

describe('/decline', () => {
  test('reasons come from program.yml; anything else is free text under the last reason', () => {
    expect(parseDeclineReason('no-time back in May', program)).toMatchObject({ reason: { id: 'no-time' }, text: 'back in May' });
    expect(parseDeclineReason('Not-A-Fit.', program)).toMatchObject({ reason: { id: 'not-a-fit' }, text: '' });
    expect(parseDeclineReason('too busy', program)).toMatchObject({ reason: { id: 'other' }, text: 'too busy' });
    expect(parseDeclineReason('', program)).toEqual({ text: '' });
  });

  test('hands over to the first eligible alternate, skipping the ineligible with the reason', () => {
    const open = [req(10, 'mia', 'pending'), req(4, 'kim', 'active', 'bob')];
    const d = only(run('decline', 'no-time', { fields: { alternates: ['bob', 'dee'] }, open }));
    expect(labelsAfter(d, ['request', 'mentor:ada', 'status:pending'])).toEqual(['mentor:dee', 'status:pending']);
    expect(d.comments.map((c) => `${c.kind}:${c.key}`)).toEqual(['handover:10.dee.c77-0']);
    expect(d.comments[0]!.body).toMatch(/^@ada declined \(reason: no time right now\)\. The request moves on to @dee; I skipped @bob \(no free slot\)\./);
    expect(d.comments[0]!.body).toContain('@dee, @mia would like you to be their mentor');
    expect(d.comments[0]!.body).toContain('**Alternates if you can’t:** none');
  });

  test('alternates the bot has already asked are not asked again', () => {
    const d = only(run('decline', '', { mentorLogin: 'dee', fields: { alternates: ['dee', 'fay'] }, records: [{ id: 1, kind: 'welcome', key: '10.ada' }, { id: 2, kind: 'handover', key: '10.dee' }] }));
    expect(d.comments[0]!.key).toBe('10.fay.c77-0');
  });

  test('a hand-over announced but never applied (the run stopped) is finished, not skipped', () => {
    const records = [{ id: 1, kind: 'welcome', key: '10.ada' }, { id: 9, kind: 'handover', key: '10.dee.c77-0' }];
    const d = only(run('decline', 'no-time', { fields: { alternates: ['dee', 'fay'] }, records }));
    expect(labelsAfter(d, ['request', 'mentor:ada', 'status:pending'])).toEqual(['mentor:dee', 'status:pending']);
    expect(d.comments.map((c) => `${c.kind}:${c.key}`)).toEqual(['handover:10.dee.c77-0']);
  });

  test('a collaborator’s decline is not called a maintainer’s', () => {
    const d = only(run('decline', '', { actor: 'wren', permission: 'write', via: { kind: 'label', label: 'status:declined' } }));
    expect(d.comments[0]!.body).toContain('declined by @wren, a repository collaborator');
    expect(only(run('decline', '', { actor: CHAIR })).comments[0]!.body).toContain(`declined by @${CHAIR}, a maintainer`);
  });

  test('with no alternate left: declined, closed as not planned, three suggestions by shared topics then free slots', () => {
    const open = [req(10, 'mia', 'pending'), req(5, 'kim', 'active', 'fay')];
    const d = only(run('decline', 'other I am moving jobs', { open }));
    expect(d.close).toEqual({ reason: 'not_planned' });
    expect(labelsAfter(d, ['request', 'mentor:ada', 'status:pending'])).toEqual(['mentor:ada', 'status:declined']);
    const body = d.comments[0]!.body;
    expect(body).toMatch(/^@mia, @ada declined \(reason: other\)\. I’m closing this request\./);
    // All share the one topic; dee and gus have 2 free slots, bob and fay 1 (login breaks the tie); eve shares
    // nothing, cy is paused, ada was asked.
    const suggested = [...body.matchAll(/^- \[@([a-z-]+)\]/gm)].map((m) => m[1]);
    expect(suggested).toEqual(['dee', 'gus', 'bob']);
  });
});

describe('/later, /withdraw, /reassign, /reopen', () => {
  test('/later saves the request with today’s date and the date it stays open until', () => {
    const d = only(run('later'));
    expect(labelsAfter(d, ['request', 'mentor:ada', 'status:pending'])).toEqual(['mentor:ada', 'status:saved']);
    expect(d.comments[0]!.body).toContain('saved your request for later on 2026-11-24. It stays open until 2026-12-24');
    expect(refusal(run('later', '', { status: 'saved' }))).toContain('already saved for later');
  });

  test('/withdraw closes as not planned and tells the mentor; an active partnership is not withdrawn', () => {
    const d = only(run('withdraw', '', { actor: 'mia' }));
    expect(d.close).toEqual({ reason: 'not_planned' });
    expect(d.comments[0]!.body).toBe('@ada, @mia withdrew this request. There is nothing more for you to do here.');
    expect(refusal(run('withdraw', '', { actor: 'mia', status: 'active' }))).toContain('already active');
  });

  test('/reassign needs a login of an eligible mentor', () => {
    expect(refusal(run('reassign', '', { actor: CHAIR }))).toContain('needs the new mentor’s login');
    expect(refusal(run('reassign', '@-x-', { actor: CHAIR }))).toContain('(“@-x-” is not a GitHub login)');
    expect(refusal(run('reassign', '@nobody', { actor: CHAIR }))).toContain('@nobody can’t take this request: not a mentor in the directory.');
    expect(refusal(run('reassign', '@cy', { actor: CHAIR }))).toContain('@cy can’t take this request: not taking requests now.');
    expect(refusal(run('reassign', '@ada', { actor: CHAIR }))).toContain('@ada is already the mentor');
    const d = only(run('reassign', '@DEE', { actor: CHAIR }));
    expect(labelsAfter(d, ['request', 'mentor:ada', 'status:pending'])).toEqual(['mentor:dee', 'status:pending']);
    expect(d.comments[0]!.body).toMatch(/^@program-chair \(a maintainer\) reassigned this request from @ada\. The request moves on to @dee\./);
  });

  test('/reopen re-checks the request as intake does; a finished partnership stays closed', () => {
    const d = only(run('reopen', '', { actor: CHAIR, state: 'closed', status: 'declined' }));
    expect(d.reopen).toBe(true);
    expect(labelsAfter(d, ['request', 'mentor:ada', 'status:declined'])).toEqual(['mentor:ada', 'status:pending']);
    expect(d.comments.map((c) => `${c.kind}:${c.key}`)).toEqual(['reopened:10.c77-0', 'welcome:10.ada.c77-0']);
    const full = only(run('reopen', '', { actor: CHAIR, state: 'closed', status: 'withdrawn', mentorLogin: 'bob', open: [req(4, 'kim', 'active', 'bob')] }));
    expect(labelsAfter(full, ['request', 'mentor:bob', 'status:withdrawn'])).toEqual(['status:invalid']);
    expect(refusal(run('reopen', '', { actor: CHAIR, state: 'closed', status: 'completed' }))).toContain('a completed partnership stays closed');
    expect(refusal(run('reopen', '', { actor: CHAIR }))).toContain('already open');
  });
});

describe('the same event run again', () => {
  test('a command the bot already answered is not refused by the state it left behind', () => {
    const records = [{ id: 1, kind: 'welcome', key: '10.ada' }, { id: 80, kind: 'saved', key: '10.c77-0' }];
    expect(only(run('later', '', { status: 'saved', records }))).toMatchObject({ addLabels: [], removeLabels: [], comments: [] });
    // A different /later comment on a saved request is still told.
    expect(refusal(run('later', '', { status: 'saved', records, via: { kind: 'comment', id: 99, index: 0 } }))).toContain('already saved');
  });

  test('a refusal delivered twice is the same comment (same marker)', () => {
    const a = run('accept', '', { actor: 'zed' })[0]!.comments[0]!;
    const b = run('accept', '', { actor: 'zed' })[0]!.comments[0]!;
    expect([a.kind, a.key, a.mode]).toEqual(['refused', '10.c77-0', 'once']);
    expect(b.key).toBe(a.key);
  });

  test('a hand-set status:active that is already the only status is settled again, announced or not (a run may have stopped before the withdrawals); it changes no label', () => {
    const active: Via = { kind: 'label', label: 'status:active' };
    const labels = ['request', 'mentor:ada', 'status:active'];
    const input = (records: CommandInput['records']): CommandInput => ({
      program, mentors, today: '2026-11-24', agreement: [], records, via: active, command: { name: 'accept', args: '' },
      issue: { number: 10, author: 'mia', state: 'open', labels, body: requestBody(program, { mentor: 'ada', term: 3 }) },
      openRequests: [{ number: 10, author: 'mia', labels }],
      actor: { login: CHAIR, roles: ['maintainer'] },
    });
    for (const records of [[{ id: 5, kind: 'accepted', key: '10.ada' }], []]) {
      const d = only(decideCommand(input(records)));
      expect(d.verify).toBe('acceptance');
      expect(labelsAfter(d, labels)).toEqual(['mentor:ada', 'status:active']);
      expect(d.comments).toEqual([]);
    }
    // Any other hand-set status already in effect is done.
    const declined = { ...input([]), via: { kind: 'label', label: 'status:declined' } as Via, command: { name: 'decline' as const, args: '' } };
    declined.issue = { ...declined.issue, labels: ['request', 'mentor:ada', 'status:declined'] };
    expect(only(decideCommand(declined))).toMatchObject({ addLabels: [], removeLabels: [], comments: [] });
  });
});

describe('status labels set by hand', () => {
  const active: Via = { kind: 'label', label: 'status:active' };
  test('a collaborator with write access may set status:active; it is settled like /accept', () => {
    const d = only(run('accept', '', { actor: 'helper', permission: 'write', via: active }));
    expect(d.verify).toBe('acceptance');
    expect(labelsAfter(d, ['request', 'mentor:ada', 'status:pending', 'status:active'])).toEqual(['mentor:ada', 'status:active']);
  });

  test('from a triager or a stranger it is taken off again, saying who may set it', () => {
    for (const permission of ['triage', 'read', 'none'] as const) {
      const d = only(run('accept', '', { actor: 'helper', permission, via: active }));
      expect(d.removeLabels).toEqual(['status:active']);
      expect(d.comments[0]).toMatchObject({ kind: 'refused', mode: 'upsert' });
      expect(d.comments[0]!.body).toContain('@helper, I removed the `status:active` label again: only the requested mentor (@ada), a program maintainer (listed in program.yml) or a repository collaborator with write access can accept this request.');
    }
  });

  test('a label that fails the live checks is taken off with the reason', () => {
    const d = only(run('accept', '', { actor: CHAIR, mentorLogin: 'bob', via: active, open: [req(4, 'kim', 'active', 'bob')] }));
    expect(d.removeLabels).toEqual(['status:active']);
    expect(d.comments[0]!.body).toContain('@bob has no free slot');
  });
});

test('help lists only the commands this person may use on this request now', () => {
  const help = (login: string, status: string, state: 'open' | 'closed' = 'open') =>
    decideHelp({
      program,
      mentors,
      today: '2026-11-24',
      agreement: [],
      issue: { number: 10, author: 'mia', state, labels: ['request', 'mentor:ada', `status:${status}`], body: '' },
      openRequests: [],
      records: [],
      actor: { login, roles: rolesOf(login, { program, author: 'mia', mentor: 'ada' }) },
      unknown: ['acept'],
      commentId: 5,
    }).comments[0]!.body;
  expect(help('ada', 'pending')).toContain('`/accept`');
  expect(help('ada', 'pending')).not.toContain('`/withdraw`');
  expect(help('mia', 'pending')).toMatch(/Here you can use:\n\n- `\/withdraw`: withdraw the request\n- `\/suggest \[topics\]`: list the 5 mentors who fit this request best now, with reasons \(optionally for other topics\)\n\nAnyone can comment `\/report \[reason\]`[^\n]*$/);
  expect(help('mia', 'declined', 'closed')).toMatch(/Here you can use:\n\n- `\/suggest \[topics\]`[^\n]*\n\nAnyone can comment `\/report/);
  expect(help('zed', 'pending')).toContain('There is no command you can use on this request. Commands here are for @ada, @mia and the program maintainers.');
  expect(help(CHAIR, 'declined', 'closed')).toMatch(/- `\/reopen`/);
  expect(help(CHAIR, 'completed', 'closed')).not.toContain('/reopen');
  expect(help('ada', 'pending')).toMatch(/^@ada, I don’t know the command `\/acept`\./);
});

describe('/suggest', () => {
  const listed = (body: string) => [...body.matchAll(/^\d+\. \[@([a-z-]+)\]/gm)].map((m) => m[1]);
  const answer = (ds: Decision[]) => {
    const d = only(ds);
    expect(d.addLabels).toEqual([]);
    expect(d.removeLabels).toEqual([]);
    expect(d.close).toBeUndefined();
    expect(d.comments.map((c) => c.kind)).toEqual(['suggestions']);
    return d.comments[0]!.body;
  };

  test('the mentee gets the best-scoring mentors with reasons: open, with a free slot, sharing a topic, not already asked', () => {
    const body = answer(run('suggest', '', { actor: 'mia' }));
    // Same topics, languages, zone and stages; dee, fay and gus have 2 of 2 slots free (login breaks the tie),
    // bob 1 of 1 (a smaller share of the program's maximum of 2). ada is asked already; cy is paused; eve shares no topic.
    expect(listed(body)).toEqual(['dee', 'fay', 'gus', 'bob']);
    expect(body).toMatch(/^@mia, the mentors who fit this request best right now, by the program’s matching score \(out of \d+(\.\d+)?\):/);
    expect(body).toContain('1. [@dee](https://mentorkit.github.io/mentorkit/mentors/dee/): dee, Research software engineer helping physicists ship reliable code (1 shared topic of 1: research-software; shared language: en, de; formats: video), score 9.5\n');
    expect(body).toContain('(out of 11.5)');
    expect(body).toMatch(/^4\. \[@bob\].*, score 9\.25$/m);
    expect(body).toContain('To ask one of them, use **Request mentorship** on their page.');
  });

  test('the scores order the list, and the request’s languages and time zone count', () => {
    const far = new Map(mentors);
    far.set('gus', mentor('gus', { location: { country: 'JP', timezone: 'Asia/Tokyo' } }));
    far.set('hal', mentor('hal', { languages: ['es'] }));
    const body = answer(run('suggest', '', { actor: 'mia', mentors: far, fields: { timezone: 'Europe/Paris', languages: ['en'] } }));
    // gus is 7 or 8 hours away, so falls behind bob despite a free slot more; hal shares no language.
    expect(listed(body)).toEqual(['dee', 'fay', 'bob', 'gus']);
    expect(body).toContain('same UTC offset');
    const scores = [...body.matchAll(/score (\d+(?:\.\d+)?)$/gm)].map((m) => Number(m[1]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('topics in the arguments replace the request’s areas; labels and synonyms work; an unknown one is refused with a suggestion', () => {
    expect(listed(answer(run('suggest', 'open-source', { actor: 'mia' })))).toEqual(['dee', 'eve']);
    expect(answer(run('suggest', 'oss', { actor: 'mia' }))).toMatch(/^@mia, the mentors who fit the topics open-source best/);
    expect(listed(answer(run('suggest', 'Open source, Research software', { actor: 'mia' })))[0]).toBe('dee');
    const why = refusal(run('suggest', 'open-sauce', { actor: 'mia' }));
    expect(why).toContain('“open-sauce” is not a topic of this program. did you mean "open-source"? Use topic ids separated by commas');
  });

  test('on a request closed without a mentor it still answers; on an active partnership and for strangers it refuses', () => {
    expect(listed(answer(run('suggest', '', { actor: 'mia', status: 'declined', state: 'closed' })))).toEqual(['dee', 'fay', 'gus', 'bob']);
    expect(listed(answer(run('suggest', '', { actor: CHAIR, status: 'expired', state: 'closed' })))).toHaveLength(4);
    expect(refusal(run('suggest', '', { actor: 'mia', status: 'active' }))).toContain('the partnership is already active');
    expect(refusal(run('suggest', '', { actor: 'zed' }))).toContain('only the mentee who filed it (@mia), the requested mentor (@ada) or a program maintainer (listed in program.yml) can ask for suggestions on this request.');
    expect(refusal(run('suggest', '', { actor: 'mia', status: 'completed', state: 'closed' }))).toContain('commands no longer apply');
  });

  test('mentors already asked or named as alternates are left out; with nobody left the answer says so', () => {
    const body = answer(run('suggest', '', { actor: 'mia', fields: { alternates: ['dee', 'gus'] }, records: [{ id: 1, kind: 'welcome', key: '10.ada' }, { id: 2, kind: 'handed-over', key: '10.bob.x' }] }));
    expect(listed(body)).not.toContain('dee');
    expect(listed(body)).not.toContain('gus');
    const none = answer(run('suggest', 'grant-writing', { actor: 'mia' }));
    expect(none).toBe('@mia, no other mentor fits the topics grant-writing right now: none who is open, has a free slot, shares a topic and meets the program’s rules. Browse the [directory](https://mentorkit.github.io/mentorkit/); mentors’ availability changes.');
  });

  test('run twice for the same comment, the answer has the same key, so it is posted once', () => {
    const a = only(run('suggest', '', { actor: 'mia' })).comments[0]!;
    const b = only(run('suggest', '', { actor: 'mia' })).comments[0]!;
    expect(a.key).toBe(b.key);
    expect(a.mode).toBe('once');
  });
});
