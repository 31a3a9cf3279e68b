import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RequestError } from 'octokit';
import type { Emulator } from '../../src/testing/emulator/index.ts';
import { client, repo, start } from './helpers.ts';

let gh: Emulator;
beforeEach(async () => {
  gh = await start({ labels: [{ name: 'request', color: '0052cc', description: 'A request' }] });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const names = (labels: Array<string | { name?: string }>) => labels.map((l) => (typeof l === 'string' ? l : l.name));

describe('repository labels', () => {
  test('create, get (case-insensitive), update, delete', async () => {
    const bot = client(gh, gh.botToken);
    const created = await bot.rest.issues.createLabel({ ...repo, name: 'status:pending', color: 'FBCA04', description: 'Waiting' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'status:pending', color: 'fbca04', description: 'Waiting', default: false });
    expect(created.data.url).toBe(`${gh.url}/repos/mentorkit/mentorkit/labels/status%3Apending`);
    expect((await bot.rest.issues.getLabel({ ...repo, name: 'STATUS:Pending' })).data.name).toBe('status:pending');
    const updated = await bot.rest.issues.updateLabel({ ...repo, name: 'status:pending', new_name: 'status:waiting', color: '000000' });
    expect(updated.data).toMatchObject({ name: 'status:waiting', color: '000000', description: 'Waiting' });
    expect((await bot.rest.issues.deleteLabel({ ...repo, name: 'status:waiting' })).status).toBe(204);
    await expect(bot.rest.issues.getLabel({ ...repo, name: 'status:waiting' })).rejects.toMatchObject({ status: 404 });
    const list = await bot.paginate(bot.rest.issues.listLabelsForRepo, { ...repo, per_page: 1 });
    expect(list.map((l) => l.name)).toEqual(['request']);
  });

  test('creating a label that exists is 422 already_exists, in GitHub’s shape', async () => {
    const bot = client(gh, gh.botToken);
    const err = await bot.rest.issues.createLabel({ ...repo, name: 'Request', color: 'ffffff' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect((err as RequestError).status).toBe(422);
    expect((err as RequestError).response?.data).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
      documentation_url: 'https://docs.github.com/rest/issues/labels#create-a-label',
      status: '422',
    });
  });

  test('an invalid colour is 422 invalid, like the recorded fixture', async () => {
    const bot = client(gh, gh.botToken);
    await expect(bot.rest.issues.createLabel({ ...repo, name: 'foo', color: 'invalid' })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'invalid', field: 'color' }] } },
    });
  });

  test('only write access manages repository labels', async () => {
    const triager = client(gh, gh.tokenFor('triager'));
    await expect(triager.rest.issues.createLabel({ ...repo, name: 'x', color: 'ffffff' })).rejects.toMatchObject({ status: 403 });
    await expect(client(gh, gh.tokenFor('writer')).rest.issues.createLabel({ ...repo, name: 'x', color: 'ffffff' })).resolves.toMatchObject({ status: 201 });
  });
});

describe('issue labels', () => {
  test('add creates unknown labels with GitHub’s default colour; set, remove one, remove all', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't', labels: ['request'] });
    const bot = client(gh, gh.botToken);
    const added = await bot.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['status:pending', 'REQUEST', 'mentor:amara'] });
    expect(names(added.data)).toEqual(['mentor:amara', 'request', 'status:pending']);
    expect(gh.state.labels.find((l) => l.name === 'status:pending')).toEqual({ name: 'status:pending', color: 'ededed', description: null });
    const listed = await bot.rest.issues.listLabelsOnIssue({ ...repo, issue_number: 1 });
    expect(names(listed.data)).toEqual(['mentor:amara', 'request', 'status:pending']);

    const set = await bot.rest.issues.setLabels({ ...repo, issue_number: 1, labels: ['request', 'status:active'] });
    expect(names(set.data)).toEqual(['request', 'status:active']);

    const removed = await bot.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'status:active' });
    expect(names(removed.data)).toEqual(['request']);
    await expect(bot.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'status:active' })).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Label does not exist' } },
    });
    expect((await bot.rest.issues.removeAllLabels({ ...repo, issue_number: 1 })).status).toBe(204);
    expect(gh.state.issues[0]!.labels).toEqual([]);
  });

  test('labelling needs the triage role; mentees and mentors without one get 403', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't' });
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    await expect(mia.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['status:active'] })).rejects.toMatchObject({ status: 403 });
    await expect(gh.as('amara-mentor').addLabels(1, ['status:active'])).rejects.toMatchObject({ status: 403 });
    const ev = await gh.as('triager').addLabels(1, ['status:active']);
    expect(ev).toMatchObject({ name: 'issues', action: 'labeled', actor: 'triager', viaBotToken: false });
  });

  test('deleting a repository label takes it off every issue', async () => {
    await gh.as('mia-mentee').openIssue({ title: 't', labels: ['request'] });
    await client(gh, gh.botToken).rest.issues.deleteLabel({ ...repo, name: 'request' });
    expect(gh.state.issues[0]!.labels).toEqual([]);
  });
});
