import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestFields } from '../../src/testing/request-body.ts';
import { makeScorer } from '../../src/core/matching/score.ts';
import { gh, useEmulator, deliver, labels, issue, OPEN, SINGLE, PAUSED, ROOT, program } from './harness.ts';
import {
  MAINTAINER,
  MENTEE,
  OTHER,
  SPARE,
  activeOf,
  botCount,
  comment,
  forceStatus,
  fromBot,
  helpUsages,
  expectNoDuplicateComments,
  mentors,
  newBotComments,
  ofKind,
  pending,
  profile,
  savedUntil,
  say,
  snapshot,
  suggested,
  today,
} from './answers-helpers.ts';

/**
 * Every command against every role, end to end: the emulator's real payloads, the committed bundle in a child
 * process. Then what an acceptance and a decline do to the rest of the live state.
 */
useEmulator();

type Role = 'mentor' | 'mentee' | 'other' | 'maintainer' | 'bot';
const ROLES: Role[] = ['mentor', 'mentee', 'other', 'maintainer', 'bot'];
const LOGIN: Record<Exclude<Role, 'bot'>, string> = { mentor: OPEN, mentee: MENTEE, other: OTHER, maintainer: MAINTAINER };

/**
 * The mentors a closing decline may suggest: open, with a free slot, sharing a topic and a language with the
 * mentee (who gave none, so those of the mentors named: `named`), not already asked. Three of them, none left
 * out scoring higher than one suggested (the matching score, tested on its own in test/unit/matching*.test.ts).
 */
function checkSuggestions(text: string, areas: string[], excluded: string[], named: string[] = excluded, count = 3) {
  const languages = [...new Set(named.flatMap((l) => profile(l).languages))];
  const scorer = makeScorer(program, new Date(`${today()}T12:00:00Z`));
  const e = scorer.prepareMentee({ login: MENTEE, topics: areas, languages, formats: [program.taxonomy.formats[0]!.id], kinds: [] });
  const eligible = mentors
    .filter((m) => m.availability.status === 'open' && (!m.availability.until || m.availability.until >= today()))
    .filter((m) => !excluded.includes(m.github.toLowerCase()) && m.github.toLowerCase() !== MENTEE)
    .map((m) => ({ m, free: m.availability.capacity - activeOf(m.github.toLowerCase()).length }))
    .filter(({ m, free }) => free > 0 && m.topics.some((t) => areas.includes(t)) && m.languages.some((l) => languages.includes(l)))
    .map(({ m, free }) => ({ login: m.github.toLowerCase(), score: scorer.total(e, scorer.prepareMentor({ profile: m, free })) }));
  const names = suggested(text);
  expect(names.length, `suggestions in: ${text}`).toBe(Math.min(count, eligible.length));
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect(eligible.map((x) => x.login), `@${n} is open, has a free slot, shares a topic and a language`).toContain(n);
  const scores = names.map((n) => eligible.find((x) => x.login === n)!.score);
  expect(scores, 'best first').toEqual([...scores].sort((a, b) => b - a));
  for (const x of eligible.filter((y) => !names.includes(y.login))) expect(x.score, `@${x.login} scores more than a suggestion`).toBeLessThanOrEqual(Math.min(...scores) + 1e-9);
}

interface Command {
  /** The comment that carries it. */
  text: string;
  /** The request it is made on. */
  fields?: Partial<RequestFields>;
  /** Made on a request the mentee has withdrawn (closed). */
  closed?: boolean;
  /** Roles that may use it; the others are refused. */
  allowed: Role[];
  /** Phrases the refusal must contain: who may do it. */
  who: string[];
  /** What a permitted use does. `by` is who commented; `added` the bot comments it posted. */
  effect: (n: number, by: string, added: string[]) => void;
}

const AREAS = ['industry-careers', 'data-science'];
const MENTOR_OR_MAINTAINER = [`only the requested mentor (@${OPEN}) or a program maintainer (listed in program.yml)`];
const byWhom = (by: string) => (by === OPEN ? `@${OPEN}` : `@${by} (for @${OPEN})`);

const COMMANDS: Record<string, Command> = {
  accept: {
    text: '/accept',
    allowed: ['mentor', 'maintainer'],
    who: MENTOR_OR_MAINTAINER,
    effect: (n, by, added) => {
      expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:active']);
      expect(issue(n).state).toBe('open');
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('<!-- mentorkit:accepted:');
      expect(added[0]).toContain(`@${MENTEE}, ${byWhom(by)} accepted your request`);
      expect(added[0]).toMatch(new RegExp(`@${OPEN}, write to @${MENTEE}`));
    },
  },
  'decline (alternate)': {
    text: '/decline no-time Busy until spring',
    fields: { alternates: [SINGLE] },
    allowed: ['mentor', 'maintainer'],
    who: MENTOR_OR_MAINTAINER,
    effect: (n, by, added) => {
      expect(labels(n)).toEqual([`mentor:${SINGLE}`, 'request', 'status:pending']);
      expect(issue(n).state).toBe('open');
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('<!-- mentorkit:handover:');
      expect(added[0]).toContain(by === OPEN ? `@${OPEN} declined (reason: no time right now)` : `declined by @${by}`);
      expect(added[0]).toContain(`The request moves on to @${SINGLE}`);
      expect(added[0]).toContain(`@${SINGLE}, @${MENTEE} would like you to be their mentor`);
    },
  },
  'decline (no alternate)': {
    text: '/decline no-time',
    fields: { areas: AREAS },
    allowed: ['mentor', 'maintainer'],
    who: MENTOR_OR_MAINTAINER,
    effect: (n, by, added) => {
      expect(labels(n).filter((l) => l.startsWith('status:'))).toEqual(['status:declined']);
      expect(labels(n)).toContain('request');
      expect(issue(n).state).toBe('closed');
      expect(issue(n).state_reason).toBe('not_planned');
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('<!-- mentorkit:declined:');
      expect(added[0]).toContain(`@${MENTEE}, @${OPEN}`);
      expect(added[0]).toContain(by === OPEN ? 'declined (reason: no time right now)' : `declined by @${by}`);
      expect(added[0]).toContain('I’m closing this request');
      checkSuggestions(added[0]!, AREAS, [OPEN]);
    },
  },
  later: {
    text: '/later',
    allowed: ['mentor', 'maintainer'],
    who: MENTOR_OR_MAINTAINER,
    effect: (n, by, added) => {
      expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:saved']);
      expect(issue(n).state).toBe('open');
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('<!-- mentorkit:saved:');
      expect(added[0]).toContain(`@${MENTEE}, ${byWhom(by)} saved your request for later on ${today()}`);
      expect(added[0]).toContain(`until ${savedUntil()}`);
    },
  },
  withdraw: {
    text: '/withdraw',
    allowed: ['mentee', 'maintainer'],
    who: [`only the mentee who filed it (@${MENTEE}) or a program maintainer (listed in program.yml)`],
    effect: (n, by, added) => {
      expect(labels(n).filter((l) => l.startsWith('status:'))).toEqual(['status:withdrawn']);
      expect(issue(n).state).toBe('closed');
      expect(issue(n).state_reason).toBe('not_planned');
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('<!-- mentorkit:withdrawn:');
      // The mentor is told.
      expect(added[0]).toContain(`@${OPEN}, `);
      expect(added[0]).toContain(by === MENTEE ? `@${MENTEE} withdrew this request` : `@${by} (a maintainer) withdrew this request for @${MENTEE}`);
    },
  },
  reassign: {
    text: `/reassign @${SPARE}`,
    allowed: ['maintainer'],
    who: ['only a program maintainer (listed in program.yml) can reassign this request'],
    effect: (n, by, added) => {
      expect(labels(n)).toEqual([`mentor:${SPARE}`, 'request', 'status:pending']);
      expect(issue(n).state).toBe('open');
      expect(added).toHaveLength(1);
      expect(added[0]).toContain(`@${by} (a maintainer) reassigned this request from @${OPEN}`);
      expect(added[0]).toContain(`The request moves on to @${SPARE}`);
      expect(added[0]).toContain(`@${SPARE}, @${MENTEE} would like you to be their mentor`);
    },
  },
  reopen: {
    text: '/reopen',
    closed: true,
    allowed: ['maintainer'],
    who: ['only a program maintainer (listed in program.yml) can reopen this request'],
    effect: (n, by, added) => {
      expect(issue(n).state).toBe('open');
      // Checked again and valid: waiting for the same mentor.
      expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
      expect(added.length).toBeGreaterThanOrEqual(1);
      expect(added[0]).toContain('<!-- mentorkit:reopened:');
      expect(added[0]).toContain(`@${by} (a maintainer) reopened this request`);
    },
  },
  suggest: {
    // On a request that ended without a mentor: where a mentee most needs it.
    text: '/suggest',
    closed: true,
    fields: { areas: AREAS },
    allowed: ['mentee', 'mentor', 'maintainer'],
    who: [`only the mentee who filed it (@${MENTEE}), the requested mentor (@${OPEN}) or a program maintainer (listed in program.yml) can ask for suggestions on this request`],
    effect: (n, by, added) => {
      expect(issue(n).state).toBe('closed');
      expect(labels(n).filter((l) => l.startsWith('status:'))).toEqual(['status:withdrawn']);
      expect(added).toHaveLength(1);
      expect(added[0]).toContain('<!-- mentorkit:suggestions:');
      expect(added[0]).toContain(`@${by}, the mentors who fit this request best right now`);
      checkSuggestions(added[0]!, AREAS, [OPEN], [OPEN], 5);
    },
  },
};

/** Help replies: the usages each role may use on a pending request. */
const HELP: Record<Exclude<Role, 'bot'>, string[]> = {
  mentor: ['/accept', '/decline [reason]', '/later', '/suggest [topics]'],
  mentee: ['/withdraw', '/suggest [topics]'],
  other: [],
  maintainer: ['/accept', '/decline [reason]', '/later', '/withdraw', '/reassign @login', '/suggest [topics]'],
};

async function requestFor(c: Pick<Command, 'fields' | 'closed'>): Promise<number> {
  const n = await pending(MENTEE, { mentor: OPEN, term: 3, ...c.fields });
  if (c.closed) {
    await say(MENTEE, n, '/withdraw');
    expect(issue(n).state).toBe('closed');
    expect(labels(n)).toContain('status:withdrawn');
  }
  return n;
}

describe('every command × every role', () => {
  const cells = Object.keys(COMMANDS).flatMap((name) => ROLES.map((role) => [name, role] as const));
  test.each(cells)('%s by the %s', async (name, role) => {
    const c = COMMANDS[name]!;
    const n = await requestFor(c);
    const before = snapshot(n);
    const count = botCount(n);

    if (role === 'bot') {
      // The maintainer's words, delivered with a bot as the sender: ignored before a single API call.
      const event = fromBot(await comment(MAINTAINER, n, c.text));
      gh.resetCalls();
      const r = await deliver(event);
      expect(gh.calls).toEqual([]);
      expect(r.stdout).toContain('events from bots');
      expect(snapshot(n)).toEqual(before);
      expect(botCount(n)).toBe(count);
      return;
    }

    const login = LOGIN[role];
    await say(login, n, c.text);
    const added = newBotComments(n, count);
    if (c.allowed.includes(role)) {
      c.effect(n, login, added);
    } else {
      expect(snapshot(n), 'a refusal changes no label and no state').toEqual(before);
      expect(added, 'exactly one refusal').toHaveLength(1);
      const command = c.text.split(/\s/)[0]!;
      expect(added[0]).toContain('<!-- mentorkit:refused:');
      expect(added[0]).toContain(`@${login}, I can’t do \`${command}\` here:`);
      for (const w of c.who) expect(added[0]).toContain(w);
      expect(added[0]).toContain('Nothing was changed.');
    }
    expectNoDuplicateComments(n);
  });

  test.each(ROLES)('an unknown command by the %s', async (role) => {
    const n = await requestFor({});
    const before = snapshot(n);
    const count = botCount(n);
    if (role === 'bot') {
      const event = fromBot(await comment(MAINTAINER, n, '/frobnicate'));
      gh.resetCalls();
      await deliver(event);
      expect(gh.calls).toEqual([]);
      expect(botCount(n)).toBe(count);
      return;
    }
    const login = LOGIN[role];
    await say(login, n, '/frobnicate now please');
    expect(snapshot(n)).toEqual(before);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('<!-- mentorkit:help:');
    expect(added[0]).toContain(`@${login}, I don’t know the command \`/frobnicate\``);
    expect(helpUsages(added[0]!)).toEqual(HELP[role]);
    if (HELP[role].length === 0) expect(added[0]).toContain('There is no command you can use on this request.');
  });
});

describe('what an acceptance checks and does', () => {
  test('a mentor whose only slot is taken elsewhere is refused with the exact reason; nothing changes', async () => {
    const first = await pending('ana-first', { mentor: SINGLE });
    const second = await pending('ben-second', { mentor: SINGLE });
    await say(SINGLE, first, '/accept');
    expect(labels(first)).toContain('status:active');

    const before = snapshot(second);
    const count = botCount(second);
    await say(SINGLE, second, '/accept');
    expect(snapshot(second)).toEqual(before);
    const added = newBotComments(second, count);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(`@${SINGLE} has no free slot: 1 of 1 taken (#${first})`);
    expect(labels(first)).toEqual([`mentor:${SINGLE}`, 'request', 'status:active']);
    expect(activeOf(SINGLE)).toEqual([first]);
  });

  test('a maintainer accepting for a full mentor is refused too: capacity is checked against live state', async () => {
    const first = await pending('cai-first', { mentor: SINGLE });
    const second = await pending('dee-second', { mentor: SINGLE });
    // The first partnership was made active by hand and no run saw it: only the live list knows.
    await forceStatus(first, 'active');
    const before = snapshot(second);
    await say(MAINTAINER, second, '/accept');
    expect(snapshot(second)).toEqual(before);
    expect(ofKind(second, 'refused').at(-1)).toContain(`@${SINGLE} has no free slot: 1 of 1 taken (#${first})`);
  });

  test('a mentee who already has an active partnership cannot be accepted again', async () => {
    const r1 = await pending('eve-mentee', { mentor: OPEN });
    const r2 = await pending('eve-mentee', { mentor: SINGLE });
    await forceStatus(r1, 'active'); // set by hand earlier, the labeled event never handled
    const before = snapshot(r2);
    await say(SINGLE, r2, '/accept');
    expect(snapshot(r2)).toEqual(before);
    const refusals = ofKind(r2, 'refused');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain(`@eve-mentee already has an active partnership (#${r1}), the most the program allows (${program.limits.max_active_partnerships})`);
    expect(activeOf(SINGLE)).toEqual([]);
  });

  test('the acceptance that fills the mentee’s last slot withdraws their other pending and saved requests, telling each mentor why', async () => {
    const r1 = await pending('fay-mentee', { mentor: OPEN });
    const r2 = await pending('fay-mentee', { mentor: SINGLE });
    await say(SINGLE, r2, '/later');
    expect(labels(r2)).toContain('status:saved');
    // Someone else's request to the same mentor is not touched.
    const stranger = await pending('gus-other', { mentor: SINGLE });

    await say(OPEN, r1, '/accept');
    expect(labels(r1)).toEqual([`mentor:${OPEN}`, 'request', 'status:active']);
    expect(ofKind(r1, 'accepted')).toHaveLength(1);
    expect(ofKind(r1, 'accepted')[0]).toContain(`@fay-mentee, @${OPEN} accepted your request`);

    expect(issue(r2).state).toBe('closed');
    expect(issue(r2).state_reason).toBe('not_planned');
    expect(labels(r2).filter((l) => l.startsWith('status:'))).toEqual(['status:withdrawn']);
    const why = ofKind(r2, 'auto-withdrawn');
    expect(why).toHaveLength(1);
    expect(why[0]).toContain(`@${SINGLE}, @fay-mentee has started a mentoring partnership in #${r1}`);
    expect(why[0]).toContain('withdrawn automatically');

    expect(snapshot(stranger)).toMatchObject({ state: 'open' });
    expect(labels(stranger)).toContain('status:pending');
    expectNoDuplicateComments(r1, r2, stranger);
  });

  test('a decline cascades across two alternates, then closes with suggestions that leave out everyone asked', async () => {
    const n = await pending(MENTEE, { mentor: OPEN, alternates: [SINGLE, SPARE], areas: AREAS });
    await say(OPEN, n, '/decline');
    expect(labels(n)).toEqual([`mentor:${SINGLE}`, 'request', 'status:pending']);
    let handover = ofKind(n, 'handover').at(-1)!;
    expect(handover).toContain(`The request moves on to @${SINGLE}`);
    expect(handover).toContain(`**Alternates if you can’t:** @${SPARE}`);

    await say(SINGLE, n, '/decline not-a-fit');
    expect(labels(n)).toEqual([`mentor:${SPARE}`, 'request', 'status:pending']);
    handover = ofKind(n, 'handover').at(-1)!;
    expect(handover).toContain(`@${SINGLE} declined (reason: not a good fit). The request moves on to @${SPARE}`);
    // Only the alternates still to come are listed: none.
    expect(handover).toContain('**Alternates if you can’t:** none');

    await say(SPARE, n, '/decline');
    expect(labels(n).filter((l) => l.startsWith('status:'))).toEqual(['status:declined']);
    expect(issue(n).state).toBe('closed');
    expect(issue(n).state_reason).toBe('not_planned');
    const declined = ofKind(n, 'declined');
    expect(declined).toHaveLength(1);
    expect(declined[0]).toContain('I’m closing this request');
    checkSuggestions(declined[0]!, AREAS, [OPEN, SINGLE, SPARE]);
    expectNoDuplicateComments(n);
  });

  test('a decline skips an alternate who has become full, and says why', async () => {
    const n = await pending(MENTEE, { mentor: OPEN, alternates: [SINGLE, SPARE] });
    const other = await pending('hal-other', { mentor: SINGLE });
    await say(SINGLE, other, '/accept');
    expect(activeOf(SINGLE)).toEqual([other]);

    await say(OPEN, n, '/decline');
    expect(labels(n)).toEqual([`mentor:${SPARE}`, 'request', 'status:pending']);
    const handover = ofKind(n, 'handover');
    expect(handover).toHaveLength(1);
    expect(handover[0]).toContain(`The request moves on to @${SPARE}; I skipped @${SINGLE} (no free slot)`);
  });

  test('when every alternate is ineligible (full, or paused since) the request closes and the mentee is told why each was skipped', async () => {
    // A workspace where the second alternate has paused since the request was filed.
    const ws = mkdtempSync(join(tmpdir(), 'mentorkit-ws-'));
    try {
      cpSync(join(ROOT, 'content'), join(ws, 'content'), { recursive: true });
      cpSync(join(ROOT, 'program.yml'), join(ws, 'program.yml'));
      const path = join(ws, 'content/mentors', `${SPARE}.md`);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('status: open');
      writeFileSync(path, text.replace('status: open', 'status: paused'));

      const n = await pending(MENTEE, { mentor: OPEN, alternates: [SINGLE, SPARE] });
      const other = await pending('ivy-other', { mentor: SINGLE });
      await say(SINGLE, other, '/accept');

      const event = await comment(OPEN, n, '/decline');
      await deliver(event, ws);
      expect(issue(n).state).toBe('closed');
      expect(labels(n).filter((l) => l.startsWith('status:'))).toEqual(['status:declined']);
      const declined = ofKind(n, 'declined');
      expect(declined).toHaveLength(1);
      expect(declined[0]).toContain(`Your alternates could not take it either: @${SINGLE} (no free slot), @${SPARE} (not taking requests now)`);
      expect(suggested(declined[0]!)).not.toContain(SINGLE);
      expect(suggested(declined[0]!)).not.toContain(SPARE);
      expect(profile(PAUSED).availability.status).toBe('paused');
      expect(suggested(declined[0]!)).not.toContain(PAUSED);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  }, 30_000);
});
