import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { OPERATIONS, startEmulator } from '../../src/testing/emulator/index.ts';
import { buildSubset } from '../../src/testing/emulator/spec.ts';
import { client, repo } from './helpers.ts';

const require = createRequire(import.meta.url);

test('the first emulator of a test file starts in well under 1.5 s; later ones reuse the validators', async () => {
  let t0 = performance.now();
  const gh = await startEmulator({ owner: 'mentorkit', repo: 'mentorkit' });
  const first = performance.now() - t0;
  t0 = performance.now();
  const again = await startEmulator({ owner: 'mentorkit', repo: 'mentorkit' });
  const second = performance.now() - t0;
  console.info(`startEmulator: first ${first.toFixed(0)} ms, second ${second.toFixed(0)} ms`);
  expect(first).toBeLessThan(1500);
  expect(second).toBeLessThan(100);
  await Promise.all([gh.close(), again.close()]);
});

test('validators compile on first use; touching every operation once stays within budget', async () => {
  const gh = await startEmulator({ owner: 'mentorkit', repo: 'mentorkit', collaborators: { chair: 'admin' }, orgMembers: { mentorkit: { public: ['chair'] } }, teams: { 'mentorkit/team': ['chair'] } });
  const bot = client(gh, gh.botToken);
  const chair = client(gh, gh.tokenFor('chair'));
  const t0 = performance.now();
  await bot.rest.issues.create({ ...repo, title: 't', labels: ['a'] });
  await bot.rest.issues.get({ ...repo, issue_number: 1 });
  await bot.rest.issues.update({ ...repo, issue_number: 1, body: 'b' });
  await bot.rest.issues.listForRepo(repo);
  const c = await bot.rest.issues.createComment({ ...repo, issue_number: 1, body: 'c' });
  await bot.rest.issues.listComments({ ...repo, issue_number: 1 });
  await bot.rest.issues.getComment({ ...repo, comment_id: c.data.id });
  await bot.rest.issues.updateComment({ ...repo, comment_id: c.data.id, body: 'd' });
  await bot.rest.issues.deleteComment({ ...repo, comment_id: c.data.id });
  await bot.rest.issues.createLabel({ ...repo, name: 'b', color: 'ffffff' });
  await bot.rest.issues.getLabel({ ...repo, name: 'b' });
  await bot.rest.issues.updateLabel({ ...repo, name: 'b', description: 'x' });
  await bot.rest.issues.listLabelsForRepo(repo);
  await bot.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['b'] });
  await bot.rest.issues.setLabels({ ...repo, issue_number: 1, labels: ['a', 'b'] });
  await bot.rest.issues.listLabelsOnIssue({ ...repo, issue_number: 1 });
  await bot.rest.issues.removeLabel({ ...repo, issue_number: 1, name: 'b' });
  await bot.rest.issues.removeAllLabels({ ...repo, issue_number: 1 });
  await bot.rest.issues.listEvents({ ...repo, issue_number: 1 });
  await bot.rest.issues.deleteLabel({ ...repo, name: 'b' });
  await bot.rest.repos.get(repo);
  await bot.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'chair' });
  await bot.rest.repos.checkCollaborator({ ...repo, username: 'chair' });
  await bot.rest.orgs.checkMembershipForUser({ org: 'mentorkit', username: 'chair' });
  await chair.rest.teams.getMembershipForUserInOrg({ org: 'mentorkit', team_slug: 'team', username: 'chair' });
  await bot.rest.users.getByUsername({ username: 'chair' });
  await chair.rest.users.getAuthenticated();
  await bot.rest.rateLimit.get();
  const tour = performance.now() - t0;
  console.info(`first call of all ${OPERATIONS.length} operations (compiling their validators): ${tour.toFixed(0)} ms`);
  expect(new Set(gh.calls.map((c) => c.operationId)).size).toBe(OPERATIONS.length);
  expect(gh.violations).toEqual([]);
  expect(tour).toBeLessThan(3000);
  await gh.close();
});

test('the subset holds exactly the implemented operations, without examples, and builds fast from the full description', () => {
  const t0 = performance.now();
  const full = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'));
  const subset = buildSubset(full) as { paths: Record<string, Record<string, unknown>>; components: Record<string, Record<string, unknown>> };
  const ms = performance.now() - t0;
  console.info(`parse full description + build subset: ${ms.toFixed(0)} ms, subset ${JSON.stringify(subset).length} bytes`);
  const ops = Object.entries(subset.paths).flatMap(([p, item]) => Object.keys(item).filter((m) => m !== 'parameters').map((m) => `${m} ${p}`));
  expect(ops.sort()).toEqual(OPERATIONS.map(([m, p]) => `${m} ${p}`).sort());
  expect(JSON.stringify(subset)).not.toContain('"examples"');
  expect(subset.components.schemas!.issue).toBeDefined();
  expect(ms).toBeLessThan(1500);
});
