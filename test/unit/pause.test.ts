import { describe, expect, test } from 'vitest';
import { changedBlocklist, decidePause, isModerationCommand, type PauseInput } from '../../src/core/pause.ts';
import { parseBlocklist } from '../../src/core/abuse.ts';
import { programSchema, type Program } from '../../src/core/program.ts';
import { repoProgram } from '../support/profiles.ts';

const { safety: _, ...rest } = repoProgram;
const withModerators = (moderators?: string[]): Program => programSchema.parse({ ...structuredClone(rest), safety: moderators ? { moderators } : {} });
const input = (over: Partial<PauseInput> = {}): PauseInput => ({
  program: withModerators(['conduct-lead']),
  actor: 'conduct-lead',
  command: { name: 'pause', args: '@spammer mass requests' },
  issue: 4,
  commentId: 99,
  today: '2026-03-02',
  ...over,
});

describe('which comments are moderation', () => {
  test.each([
    ['pause', '@someone', true],
    ['pause', '@someone spam', true],
    ['pause', '', false], // a mentor's /pause on a freshness check-in pauses their own profile
    ['pause', 'for a month', false],
    ['unpause', '@someone', true],
    ['unpause', '', true], // refused with the usage, not mistaken for something else
    ['accept', '@someone', false],
  ])('/%s %s → %s', (name, args, yes) => {
    expect(isModerationCommand({ name, args })).toBe(yes);
  });
});

describe('decidePause', () => {
  test('a moderator’s pause: the branch is keyed on the comment, the reason kept short', () => {
    const plan = decidePause(input());
    expect(plan).toMatchObject({ kind: 'change', replyKey: '4.c99', change: { action: 'pause', login: 'spammer', reason: 'mass requests', path: 'blocklist.yml', branch: 'mentorkit/pause-spammer-c99' } });
    const long = decidePause(input({ command: { name: 'pause', args: `@spammer ${'x'.repeat(500)}` } }));
    expect(long.kind === 'change' && long.change.reason!.length).toBe(200);
  });
  test('moderators default to the maintainers, compared without case', () => {
    const p = withModerators();
    expect(decidePause(input({ program: p, actor: p.maintainers[0]!.toUpperCase() })).kind).toBe('change');
    expect(decidePause(input({ program: p })).kind).toBe('refused');
  });
  test.each([
    ['a non-moderator', { actor: 'mia' }, 'only the program’s moderators (@conduct-lead) can pause someone'],
    ['no login', { command: { name: 'unpause' as const, args: '' } }, '`/unpause @login` needs the person’s GitHub login'],
    ['not a login', { command: { name: 'pause' as const, args: '@not_a-login!' } }, '(“@not_a-login!” is not one)'],
    ['oneself', { command: { name: 'pause' as const, args: '@Conduct-Lead' } }, 'you can’t pause yourself'],
  ])('refused: %s', (_, over, why) => {
    const plan = decidePause(input(over));
    expect(plan.kind).toBe('refused');
    if (plan.kind !== 'refused') return;
    expect(plan.reply.comments[0]).toMatchObject({ kind: 'pause-refused', key: '4.c99', mode: 'once' });
    expect(plan.reply.comments[0]!.body).toContain(why);
    expect(plan.reply.addLabels).toEqual([]);
  });
});

describe('changedBlocklist', () => {
  const pause = decidePause(input());
  const unpause = decidePause(input({ command: { name: 'unpause', args: '@spammer' } }));
  if (pause.kind !== 'change' || unpause.kind !== 'change') throw new Error('expected changes');
  test('adds the entry with since and by; a missing file is created', () => {
    expect(parseBlocklist(changedBlocklist(pause.change, undefined, 'conduct-lead', '2026-03-02')!).entries).toEqual([{ login: 'spammer', reason: 'mass requests', since: '2026-03-02', by: 'conduct-lead' }]);
    expect(parseBlocklist(changedBlocklist(pause.change, '[]\n', 'conduct-lead', '2026-03-02')!).entries).toHaveLength(1);
  });
  test('nothing to change when already listed (any case), or when unpausing someone not listed', () => {
    expect(changedBlocklist(pause.change, '- login: SPAMMER\n', 'conduct-lead', '2026-03-02')).toBeUndefined();
    expect(changedBlocklist(unpause.change, '- login: other\n', 'conduct-lead', '2026-03-02')).toBeUndefined();
    expect(changedBlocklist(unpause.change, undefined, 'conduct-lead', '2026-03-02')).toBeUndefined();
  });
  test('unpause takes the entry off and keeps the others', () => {
    const next = changedBlocklist(unpause.change, '- login: spammer\n- login: other\n', 'conduct-lead', '2026-03-02')!;
    expect(parseBlocklist(next).entries.map((e) => e.login)).toEqual(['other']);
  });
});
