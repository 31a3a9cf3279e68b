import { describe, expect, test } from 'vitest';
import { labelSpec } from '../../src/core/labels.ts';
import { gh, useEmulator, restartEmulator, deliver, file, labels, botComments, OPEN, SINGLE, PAUSED, body } from './harness.ts';

/** Intake rules, end to end: real payload shapes from the emulator, the bundled action in a child process. */
useEmulator();

describe('intake through the bundled action', () => {
  test('a valid request becomes pending with labels created on demand (colour and description) and one welcome', async () => {
    const { event, number } = await file('mia-mentee');
    gh.resetCalls();
    await deliver(event);
    expect(labels(number)).toEqual(['mentor:amara-okafor', 'request', 'status:pending']);
    const comments = botComments(number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- mentorkit:welcome:');
    expect(comments[0]!.body).toContain('@amara-okafor, @mia-mentee would like you to be their mentor');
    for (const name of ['status:pending', 'mentor:amara-okafor']) {
      const l = gh.state.labels.find((x) => x.name === name)!;
      expect({ color: l.color, description: l.description }).toEqual({ color: labelSpec(name).color, description: labelSpec(name).description });
    }
  });

  test('an invalid request gets one comment listing every problem; fixing it by an edit edits that comment and makes it pending', async () => {
    const { event, number } = await file('max-mentee', { mentor: 'nobody-here', term: 5, agreed: false });
    await deliver(event);
    expect(labels(number)).toEqual(['request', 'status:invalid']);
    let comments = botComments(number);
    expect(comments).toHaveLength(1);
    const first = comments[0]!;
    expect(first.body).toContain('“nobody-here” is not a mentor in the directory');
    expect(first.body).toContain('5 months is not a term of this program');
    expect(first.body).toContain('**Code of Conduct**: is not ticked');

    // Still wrong after a first edit: the same comment is updated, nothing new is posted.
    await deliver(await gh.as('max-mentee').editIssue(number, { body: body({ mentor: OPEN, term: 5 }) }));
    comments = botComments(number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(first.id);
    expect(comments[0]!.body).not.toContain('nobody-here');

    await deliver(await gh.as('max-mentee').editIssue(number, { body: body({ mentor: OPEN, term: 3 }) }));
    expect(labels(number)).toEqual(['mentor:amara-okafor', 'request', 'status:pending']);
    comments = botComments(number);
    expect(comments.map((c) => c.id)[0]).toBe(first.id);
    expect(comments[0]!.body).toContain('now passes every check');
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toContain('would like you to be their mentor');
  });

  test('asking a paused mentor is refused with the reason', async () => {
    const { event, number } = await file('pia-mentee', { mentor: PAUSED });
    await deliver(event);
    expect(labels(number)).toEqual(['request', 'status:invalid']);
    expect(botComments(number)[0]!.body).toContain(`@${PAUSED} is not taking requests right now`);
  });

  test('quota: at the limit, one over, and after a withdrawal', async () => {
    const a = await file('quinn', { mentor: OPEN });
    await deliver(a.event);
    const b = await file('quinn', { mentor: SINGLE, term: 3 });
    await deliver(b.event);
    expect(labels(b.number)).toContain('status:pending'); // at the limit (2)
    const c = await file('quinn', { mentor: 'andres-villalobos', term: 3 });
    await deliver(c.event);
    expect(labels(c.number)).toContain('status:invalid'); // one over
    expect(botComments(c.number)[0]!.body).toContain(`you already have 2 open requests (#${a.number}, #${b.number})`);

    // The mentee withdraws one (a maintainer closes it as withdrawn), then edits the third request.
    await gh.as('program-chair').addLabels(a.number, ['status:withdrawn']);
    await gh.as('program-chair').removeLabel(a.number, 'status:pending');
    await gh.as('program-chair').closeIssue(a.number, 'not_planned');
    await deliver(await gh.as('quinn').editIssue(c.number, { body: body({ mentor: 'andres-villalobos', term: 3, goals: 'Same goals, second try.' }) }));
    expect(labels(c.number)).toContain('status:pending');
  });

  test('a full mentor and a duplicate pair are refused against live state', async () => {
    const first = await file('rae', { mentor: SINGLE });
    await deliver(first.event);
    // A maintainer marks the partnership active by label.
    await gh.as('program-chair').addLabels(first.number, ['status:active']);
    await gh.as('program-chair').removeLabel(first.number, 'status:pending');
    const full = await file('sam', { mentor: SINGLE });
    await deliver(full.event);
    expect(botComments(full.number)[0]!.body).toContain(`@${SINGLE} has no free slot (1 of 1 taken)`);

    const p1 = await file('tess', { mentor: OPEN });
    await deliver(p1.event);
    const p2 = await file('tess', { mentor: OPEN });
    await deliver(p2.event);
    expect(botComments(p2.number)[0]!.body).toContain(`you already have a request with @${OPEN} open in #${p1.number}`);
  });


  test("on a brand-new repository the form's label is missing; the bot recognises the form and creates every label", async () => {
    await restartEmulator({ labels: [] });
    const { event, number } = await file('nia');
    expect(labels(number)).toEqual([]); // GitHub drops form labels that don't exist yet
    await deliver(event);
    expect(labels(number)).toEqual(['mentor:amara-okafor', 'request', 'status:pending']);
    const request = gh.state.labels.find((l) => l.name === 'request')!;
    expect(request.color).toBe(labelSpec('request').color);
  });

  test('self-requests, terms the mentor does not offer, bad alternates and an active partnership are refused', async () => {
    const self = await file('amara-okafor', { mentor: OPEN });
    await deliver(self.event);
    expect(botComments(self.number)[0]!.body).toContain('is your own login');

    // bronwyn-ashcroft offers 6, 9 and 12 months only.
    const term = await file('ola', { mentor: 'bronwyn-ashcroft', term: 3 });
    await deliver(term.event);
    expect(botComments(term.number)[0]!.body).toContain('@bronwyn-ashcroft offers 6 months or 9 months or 12 months');

    const alternates = await file('pat', { mentor: OPEN, alternates: [OPEN, PAUSED] });
    await deliver(alternates.event);
    const text = botComments(alternates.number)[0]!.body;
    expect(text).toContain(`@${OPEN} is already named above`);
    expect(text).toContain(`@${PAUSED} is not taking requests right now`);

    const first = await file('ray', { mentor: OPEN });
    await deliver(first.event);
    await gh.as('program-chair').addLabels(first.number, ['status:active']);
    await gh.as('program-chair').removeLabel(first.number, 'status:pending');
    const second = await file('ray', { mentor: SINGLE });
    await deliver(second.event);
    expect(botComments(second.number)[0]!.body).toContain(`you already have an active partnership (#${first.number})`);
    for (const n of [self.number, term.number, alternates.number, second.number]) expect(labels(n)).toEqual(['request', 'status:invalid']);
  }, 60_000);

  test('edits after the request has left pending are ignored, and the bot says so once', async () => {
    const { event, number } = await file('ida', { mentor: OPEN });
    await deliver(event);
    await gh.as('program-chair').addLabels(number, ['status:active']);
    await gh.as('program-chair').removeLabel(number, 'status:pending');
    await deliver(await gh.as('ida').editIssue(number, { body: body({ mentor: SINGLE }) }));
    await deliver(await gh.as('ida').editIssue(number, { body: body({ mentor: 'andres-villalobos' }) }));
    expect(labels(number)).toEqual(['mentor:amara-okafor', 'request', 'status:active']);
    const notices = botComments(number).filter((c) => c.body.includes('<!-- mentorkit:edit-ignored:'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('this request is already **active**');
  }, 60_000);
});

