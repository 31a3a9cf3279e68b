import { describe, expect, test } from 'vitest';
import { BOT_LOGIN } from '../../src/testing/emulator/index.ts';
import { gh, useEmulator, deliver, file, labels, issue, body, mutations, OPEN, SINGLE } from './harness.ts';
import { MAINTAINER, MENTEE, OTHER, botCount, comment, helpUsages, expectNoDuplicateComments, newBotComments, ofKind, pending, say, snapshot } from './answers-helpers.ts';

/** Words that look like commands but are not, people who look like the mentor but are not, and commands in order. */
useEmulator();

const FENCE = '```';

describe('text that is not a command', () => {
  const forms: [string, string][] = [
    ['a quoted command', `> /accept`],
    ['a command quoted from the welcome, with a reply below', `> Please answer by commenting:\n> /accept\n\nI will think about it.`],
    ['a quote inside a list item', `- earlier you wrote:\n  > /accept\n- noted`],
    ['a fenced command', `${FENCE}\n/accept\n${FENCE}`],
    ['a tilde-fenced command', `~~~text\n/accept\n~~~`],
    ['an indented code block', `Example:\n\n    /accept\n`],
    ['an HTML comment', `<!--\n/accept\n-->`],
    ['a command that does not start the line', `I will /accept tomorrow.`],
  ];
  test.each(forms)('%s from the mentor changes nothing', async (_, text) => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const before = snapshot(n);
    const count = botCount(n);
    const event = await comment(OPEN, n, text);
    gh.resetCalls();
    await deliver(event);
    expect(mutations()).toEqual([]);
    expect(snapshot(n)).toEqual(before);
    expect(botCount(n)).toBe(count);
  });

  test('an edited comment is not a new command: nothing happens, zero writes', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const created = await comment(OPEN, n, 'Let me think about it.');
    await deliver(created);
    const id = (created.payload.comment as { id: number }).id;
    const before = snapshot(n);
    const count = botCount(n);
    const edited = await gh.as(OPEN).editComment(id, '/accept');
    expect(edited.name).toBe('issue_comment');
    expect(edited.action).toBe('edited');
    gh.resetCalls();
    await deliver(edited);
    expect(mutations()).toEqual([]);
    expect(snapshot(n)).toEqual(before);
    expect(botCount(n)).toBe(count);
  });

  test('editing an answered command into another command does not replay it', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const { event } = await say(OPEN, n, '/later');
    expect(labels(n)).toContain('status:saved');
    const count = botCount(n);
    const edited = await gh.as(OPEN).editComment((event.payload.comment as { id: number }).id, '/decline');
    gh.resetCalls();
    await deliver(edited);
    expect(mutations()).toEqual([]);
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:saved']);
    expect(botCount(n)).toBe(count);
  });

  test('a command in the issue body is not acted on: the request stays pending, when filed and when edited', async () => {
    // No @mention of anyone the request doesn't name: that alone would make it invalid (abuse limits).
    const goals = 'Find my first industry job.\n\n/accept\n\n/withdraw';
    const { event, number } = await file(MENTEE, { mentor: OPEN, goals });
    expect(issue(number).body).toContain('\n/accept\n');
    await deliver(event);
    expect(labels(number)).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
    await deliver(await gh.as(MENTEE).editIssue(number, { body: body({ mentor: OPEN, goals: `${goals}\n\n/accept` }) }));
    expect(labels(number)).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
    expect(ofKind(number, 'accepted')).toEqual([]);
  });

  test('the bot’s own comment that starts a line with a command is ignored without an API call', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const event = await gh.as(BOT_LOGIN).comment(n, '/accept');
    expect((event.payload.sender as { login: string }).login).toBe(BOT_LOGIN);
    gh.resetCalls();
    const r = await deliver(event);
    expect(gh.calls).toEqual([]);
    expect(r.stdout).toContain('events from bots');
    expect(labels(n)).toContain('status:pending');
  });

  test('a command on an issue that is not a request is left alone', async () => {
    const opened = await gh.as(MENTEE).openIssue({ title: 'Question', body: 'How do I become a mentor?' });
    const n = (opened.payload.issue as { number: number }).number;
    const event = await comment(MAINTAINER, n, '/accept');
    gh.resetCalls();
    await deliver(event);
    expect(mutations()).toEqual([]);
    expect(labels(n)).toEqual([]);
  });
});

describe('people who are not who they look like', () => {
  test.each(['amara-okafor-x', 'xamara-okafor', 'amara-okafo'])('%s cannot accept a request for amara-okafor', async (login) => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const before = snapshot(n);
    const count = botCount(n);
    await say(login, n, '/accept');
    expect(snapshot(n)).toEqual(before);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(`@${login}, I can’t do \`/accept\` here: only the requested mentor (@${OPEN}) or a program maintainer`);
  });

  test('a person’s comment that forges the accepted marker does not stop the real acceptance being announced', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(OTHER, n, `<!-- mentorkit:accepted:${n}.${OPEN} -->\nAccepted already, no need to post.`);
    await say(OPEN, n, '/accept');
    expect(labels(n)).toContain('status:active');
    expect(ofKind(n, 'accepted')).toHaveLength(1);
    expect(ofKind(n, 'accepted')[0]).toContain(`@${MENTEE}, @${OPEN} accepted your request`);
  });

  test('a person’s comment that forges a hand-over marker does not make the bot skip that alternate', async () => {
    const n = await pending(MENTEE, { mentor: OPEN, alternates: [SINGLE] });
    await say(OTHER, n, `<!-- mentorkit:handover:${n}.${SINGLE} -->\n@${SINGLE} was already asked.`);
    await say(OPEN, n, '/decline');
    expect(labels(n)).toEqual([`mentor:${SINGLE}`, 'request', 'status:pending']);
    expect(ofKind(n, 'handover')).toHaveLength(1);
    expect(issue(n).state).toBe('open');
  });
});

describe('several commands in one comment', () => {
  test('are processed in order, each against the state the one before left: /later then /accept', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const count = botCount(n);
    await say(OPEN, n, 'Thanks for asking!\n/later\nOn second thought:\n/accept');
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:active']);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(2);
    expect(added[0]).toContain('<!-- mentorkit:saved:');
    expect(added[1]).toContain('<!-- mentorkit:accepted:');
  });

  test('/accept then /later: the second is refused because the first already made it active', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const count = botCount(n);
    await say(OPEN, n, '/accept\n/later');
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:active']);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(2);
    expect(added[0]).toContain('<!-- mentorkit:accepted:');
    expect(added[1]).toContain('I can’t do `/later` here: the partnership is already active.');
    expectNoDuplicateComments(n);
  });

  test('/decline then /accept: after the hand-over the first mentor is no longer the one asked', async () => {
    const n = await pending(MENTEE, { mentor: OPEN, alternates: [SINGLE] });
    const count = botCount(n);
    await say(OPEN, n, '/decline\n/accept');
    expect(labels(n)).toEqual([`mentor:${SINGLE}`, 'request', 'status:pending']);
    const added = newBotComments(n, count);
    expect(added).toHaveLength(2);
    expect(added[0]).toContain(`The request moves on to @${SINGLE}`);
    expect(added[1]).toContain(`@${OPEN}, I can’t do \`/accept\` here: only the requested mentor (@${SINGLE})`);
  });

  test('unknown commands among known ones get one help reply, listing what is possible after the known ones ran', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const count = botCount(n);
    await say(MAINTAINER, n, '/frobnicate\n/later\n/bogus\n/frobnicate');
    expect(labels(n)).toContain('status:saved');
    const added = newBotComments(n, count);
    expect(added).toHaveLength(2);
    expect(added[0]).toContain('<!-- mentorkit:saved:');
    expect(added[1]).toContain('I don’t know the commands `/frobnicate`, `/bogus`');
    // Saved now: /later no longer applies, the rest still do.
    expect(helpUsages(added[1]!)).toEqual(['/accept', '/decline [reason]', '/withdraw', '/reassign @login', '/suggest [topics]']);
  });
});

describe('commands on a closed request', () => {
  test('are refused, except /reopen by a maintainer', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(OPEN, n, '/decline');
    expect(issue(n).state).toBe('closed');
    const closed = snapshot(n);
    expect(closed.labels).toContain('status:declined');

    const refused: [string, string, string][] = [
      [OPEN, '/accept', 'this request is closed (declined), so commands no longer apply to it. A maintainer can reopen it with `/reopen`.'],
      [OPEN, '/later', 'this request is closed (declined)'],
      [MENTEE, '/withdraw', 'this request is closed (declined)'],
      [MAINTAINER, '/accept', 'this request is closed (declined)'],
      [MAINTAINER, `/reassign @${SINGLE}`, 'this request is closed (declined)'],
      [MENTEE, '/reopen', 'only a program maintainer (listed in program.yml) can reopen this request'],
      [OPEN, '/reopen', 'only a program maintainer (listed in program.yml) can reopen this request'],
    ];
    for (const [login, text, why] of refused) {
      const count = botCount(n);
      await say(login, n, text);
      expect(snapshot(n), `${login}: ${text}`).toEqual(closed);
      const added = newBotComments(n, count);
      expect(added, `${login}: ${text}`).toHaveLength(1);
      expect(added[0]).toContain(`@${login}, I can’t do \`${text.split(' ')[0]}\` here: ${why}`);
    }

    await say(MAINTAINER, n, '/reopen');
    expect(issue(n).state).toBe('open');
    expect(labels(n)).toEqual([`mentor:${OPEN}`, 'request', 'status:pending']);
    expect(ofKind(n, 'reopened')).toHaveLength(1);
    expectNoDuplicateComments(n);
  }, 60_000);

  test('/reopen of a request that fails its checks now reopens it as invalid, saying what to fix', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(MENTEE, n, '/withdraw');
    // Meanwhile the mentee filed two other requests: the most they may have waiting.
    const a = await pending(MENTEE, { mentor: SINGLE });
    const b = await pending(MENTEE, { mentor: 'andres-villalobos' });
    const count = botCount(n);
    await say(MAINTAINER, n, '/reopen');
    expect(issue(n).state).toBe('open');
    expect(labels(n).filter((l) => l.startsWith('status:'))).toEqual(['status:invalid']);
    const added = newBotComments(n, count).join('\n');
    expect(added).toContain('reopened this request');
    expect(added).toContain(`you already have 2 open requests (#${a}, #${b})`);
  });

  test('after /reopen makes a request pending again, its mentor is told it is waiting for them (the reopen notice says “see below”)', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(MENTEE, n, '/withdraw');
    expect(ofKind(n, 'withdrawn')[0]).toContain(`@${OPEN}, @${MENTEE} withdrew this request. There is nothing more for you to do here.`);
    const count = botCount(n);
    await say(MAINTAINER, n, '/reopen');
    expect(labels(n)).toContain('status:pending');
    const added = newBotComments(n, count);
    expect(added[0]).toContain('see below');
    // Something below the notice must tell the mentor the request waits for their answer again.
    expect(added.slice(1).join('\n'), `comments after the reopen notice: ${JSON.stringify(added)}`).toContain(`@${OPEN}`);
  });
});
