import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/testing/run-action.ts';
import { gh, useEmulator, deliver, issue, labels, botComments, mutations, program, ROOT, OPEN, type Event } from './harness.ts';
import { MAINTAINER, MENTEE, OTHER, comment, pending, say } from './answers-helpers.ts';

/**
 * `/report` through the bundled bot. The emulator serves one repository, so the private reports repository is that
 * same repository here, reached with a moderator's own token as the second client (docs/security.md, “Reporting”).
 */
useEmulator();

const REPO = program.repository;
const MODERATOR = 'conduct-lead';
const SECRET = 'MENTORKIT_REPORTS_TOKEN';

function workspace(safety: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'mentorkit-report-'));
  cpSync(join(ROOT, 'content'), join(ws, 'content'), { recursive: true });
  writeFileSync(join(ws, 'program.yml'), `${readFileSync(join(ROOT, 'program.yml'), 'utf8')}\nsafety:\n${safety}`);
  return ws;
}
const FULL = workspace(`  moderators: [${MODERATOR}]\n  report:\n    repository: ${REPO}\n    token_secret: ${SECRET}\n  lock_on_report: true\n`);
afterAll(() => rmSync(FULL, { recursive: true, force: true }));

async function runWith(event: Event, ws: string, env: Record<string, string> = {}) {
  const r = await runAction({ apiUrl: gh.url, token: gh.botToken, repository: REPO, workspace: ws, event, extraEnv: env });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
}
const reportsEnv = () => ({ [SECRET]: gh.tokenFor(MODERATOR) });
const REASON = 'he keeps messaging me privately after I asked him to stop';
const filedReports = () => gh.state.issues.filter((i) => i.title.startsWith('Report on '));
const pings = (n: number) => botComments(n).filter((c) => c.body.includes('<!-- mentorkit:report:'));

describe('/report', () => {
  test('the comment is deleted, the moderators pinged with a link only, the report filed privately, the thread locked', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const event = await comment(MENTEE, n, `/report ${REASON}`);
    const id = (event.payload as { comment: { id: number } }).comment.id;
    gh.resetCalls();
    const r = await runWith(event, FULL, reportsEnv());

    expect(issue(n).comments.map((c) => c.id)).not.toContain(id);
    // The welcome carries the private channel's link (here the site's report page: no form or address is set).
    expect(botComments(n)[0]!.body).toContain('[Report a concern](https://mentorkit.github.io/mentorkit/report/)');
    const [ping] = pings(n);
    expect(pings(n)).toHaveLength(1);
    expect(ping!.body).toContain(`@${MODERATOR}`);
    expect(ping!.body).toContain(`/issues/${n}`);
    expect(ping!.body).not.toContain('messaging');
    expect(ping!.body).not.toContain(MENTEE);
    // Nothing of the report reaches the public log either.
    expect(r.stdout).not.toContain('messaging');

    const [filed] = filedReports();
    expect(filedReports()).toHaveLength(1);
    expect(filed!.user.login).toBe(MODERATOR);
    expect(filed!.body).toContain(`**Reporter:** @${MENTEE}`);
    expect(filed!.body).toContain(`/issues/${n}`);
    expect(filed!.body).toContain(REASON);

    expect(issue(n).locked).toBe(true);
    expect(labels(n)).toContain('status:pending');
    // The comment goes first; the request itself is untouched (no label, body or state change).
    expect(mutations().map((c) => c.operationId)).toEqual(['issues/delete-comment', 'issues/create', 'issues/create-comment', 'issues/lock']);
  });

  test('the same event again does nothing twice', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const event = await comment(OTHER, n, `/report ${REASON}`);
    await runWith(event, FULL, reportsEnv());
    const comments = issue(n).comments.length;
    gh.resetCalls();
    const again = await runWith(event, FULL, reportsEnv());
    expect(issue(n).comments).toHaveLength(comments);
    expect(pings(n)).toHaveLength(1);
    expect(filedReports()).toHaveLength(1);
    expect(again.stdout).toContain('already deleted');
    expect(again.stdout).toContain('already filed');
    // The comment is gone (404) and the lock is asked again from the payload's old state, which changes nothing.
    expect(mutations().map((c) => `${c.operationId} ${c.status}`)).toEqual(['issues/delete-comment 404', 'issues/lock 204']);
  });

  test('a report wins over the other commands in its comment, which are not answered', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const before = botComments(n).length;
    await runWith(await comment(OPEN, n, `/accept\n/report ${REASON}`), FULL, reportsEnv());
    expect(labels(n)).toContain('status:pending');
    expect(botComments(n).length).toBe(before + 1);
    expect(pings(n)).toHaveLength(1);
  });

  test('works on a closed request, from anyone, with the defaults: the maintainers are pinged, nothing filed, no lock', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(MENTEE, n, '/withdraw');
    expect(issue(n).state).toBe('closed');
    const event = await comment(OTHER, n, '/report');
    const id = (event.payload as { comment: { id: number } }).comment.id;
    await deliver(event);
    expect(issue(n).comments.map((c) => c.id)).not.toContain(id);
    expect(pings(n)[0]!.body).toContain(program.maintainers.map((m) => `@${m}`).join(' '));
    expect(filedReports()).toEqual([]);
    expect(issue(n).locked).toBe(false);
  });

  test('works in an active partnership: the card and the partnership stay as they were', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await say(OPEN, n, '/accept');
    expect(labels(n)).toContain('status:active');
    const before = botComments(n).map((c) => c.body);
    await runWith(await comment(MENTEE, n, `/report ${REASON}`), FULL, reportsEnv());
    expect(botComments(n).map((c) => c.body)).toEqual([...before, pings(n)[0]!.body]);
    expect(labels(n)).toContain('status:active');
    expect(filedReports()).toHaveLength(1);
  });

  test('a private repository without its secret in the run: pinged, not filed, and a warning says why', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const r = await runWith(await comment(MENTEE, n, `/report ${REASON}`), FULL);
    expect(pings(n)).toHaveLength(1);
    expect(filedReports()).toEqual([]);
    expect(r.stdout).toContain(`::warning::safety.report.repository is ${REPO} but the secret ${SECRET} is empty`);
  });

  test('--dry-run deletes, files, pings and locks nothing, and logs neither the words nor the reporter', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    const event = await comment(OTHER, n, `/report ${REASON}`);
    gh.resetCalls();
    const r = await runAction({ apiUrl: gh.url, token: gh.botToken, repository: REPO, workspace: FULL, event, dryRun: true, extraEnv: reportsEnv() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(mutations()).toEqual([]);
    expect(r.stdout).toContain('[dry-run]');
    expect(r.stdout).toContain(`file "Report on ${REPO}#${n}"`);
    expect(r.stdout).toContain('lock the conversation');
    expect(r.stdout).not.toContain('messaging');
    expect(r.stdout).not.toContain(OTHER);
  });

  test('after the lock the people in the thread can no longer comment; the maintainers still can', async () => {
    const n = await pending(MENTEE, { mentor: OPEN });
    await runWith(await comment(OTHER, n, '/report'), FULL, reportsEnv());
    await expect(comment(OTHER, n, 'more')).rejects.toThrow();
    // program-chair is an admin collaborator in the harness.
    await expect(comment(MAINTAINER, n, 'A moderator will be in touch.')).resolves.toBeDefined();
  });
});
