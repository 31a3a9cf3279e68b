import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { blobSha, type Emulator } from '../../src/testing/emulator/index.ts';
import { client, manualClock, repo, start } from './helpers.ts';

let gh: Emulator;
let clock: ReturnType<typeof manualClock>;
const PROFILE = 'content/mentors/ada.md';
const TEXT = '---\nname: Ada\nlast_confirmed: 2025-01-01\n---\nHello, I’m Ada.\n';
beforeEach(async () => {
  clock = manualClock();
  gh = await start({ now: clock.now, files: { 'program.yml': 'name: Test\n', [PROFILE]: TEXT, 'content/mentors/bo.md': 'bo\n' } });
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
type Failure = { status: number; message: string; errors?: unknown };
async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (e) {
    const err = e as { status: number; response: { data: { message: string; errors?: unknown } } };
    return { status: err.status, message: err.response.data.message, ...(err.response.data.errors ? { errors: err.response.data.errors } : {}) };
  }
  throw new Error('the request succeeded');
}

describe('GET /repos/{owner}/{repo}/contents/{path}', () => {
  test('a file: base64 content wrapped at 60 characters, sha the git blob sha', async () => {
    const { data } = await client(gh, gh.botToken).rest.repos.getContent({ ...repo, path: PROFILE });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('not a file');
    expect(data).toMatchObject({ name: 'ada.md', path: PROFILE, type: 'file', encoding: 'base64', size: Buffer.byteLength(TEXT) });
    // Computed here as git hash-object does: sha1 of "blob <bytes>\0" and the bytes.
    const bytes = Buffer.from(TEXT, 'utf8');
    expect(data.sha).toBe(createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex'));
    expect(data.content.split('\n').every((l) => l.length <= 60)).toBe(true);
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(TEXT);
    expect(data.html_url).toBe(`https://github.com/mentorkit/mentorkit/blob/main/${PROFILE}`);
    expect(data.download_url).toBe(`https://raw.githubusercontent.com/mentorkit/mentorkit/main/${PROFILE}`);
  });

  test('the blob sha is git’s', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(blobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(blobSha('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  test('a directory lists its files and subdirectories', async () => {
    const bot = client(gh, gh.botToken);
    const { data } = await bot.rest.repos.getContent({ ...repo, path: 'content/mentors' });
    expect(Array.isArray(data) && data.map((e) => [e.name, e.type])).toEqual([
      ['ada.md', 'file'],
      ['bo.md', 'file'],
    ]);
    const top = await bot.rest.repos.getContent({ ...repo, path: 'content' });
    expect(Array.isArray(top.data) && top.data.map((e) => [e.path, e.type, e.download_url])).toEqual([['content/mentors', 'dir', null]]);
  });

  test('404 for a missing path or an unknown ref', async () => {
    const bot = client(gh, gh.botToken);
    expect(await failure(bot.rest.repos.getContent({ ...repo, path: 'content/mentors/nobody.md' }))).toEqual({ status: 404, message: 'Not Found' });
    expect(await failure(bot.rest.repos.getContent({ ...repo, path: PROFILE, ref: 'no-such-branch' }))).toEqual({ status: 404, message: 'No commit found for the ref no-such-branch' });
  });

  test('seeded from a directory, without .git and node_modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-files-'));
    try {
      mkdirSync(join(dir, 'content/mentors'), { recursive: true });
      mkdirSync(join(dir, '.git'));
      mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
      writeFileSync(join(dir, 'content/mentors/cy.md'), 'cy\n');
      writeFileSync(join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
      writeFileSync(join(dir, 'node_modules/x/index.js'), '');
      const other = await start({ files: dir });
      try {
        expect(other.file('content/mentors/cy.md')).toBe('cy\n');
        expect(other.file('.git/HEAD')).toBeUndefined();
        expect(other.file('node_modules/x/index.js')).toBeUndefined();
      } finally {
        await other.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PUT /repos/{owner}/{repo}/contents/{path}', () => {
  async function branch(name: string) {
    const bot = client(gh, gh.botToken);
    const main = await bot.rest.git.getRef({ ...repo, ref: 'heads/main' });
    await bot.rest.git.createRef({ ...repo, ref: `refs/heads/${name}`, sha: main.data.object.sha });
  }

  test('updates a file on a branch with the current sha: 200, a commit on top of the branch, main untouched', async () => {
    await branch('mentorkit/confirm-ada');
    clock.advance(60_000);
    const bot = client(gh, gh.botToken);
    const next = TEXT.replace('2025-01-01', '2025-03-03');
    const put = await bot.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, branch: 'mentorkit/confirm-ada', message: 'Confirm', content: b64(next), sha: blobSha(TEXT) });
    expect(put.status).toBe(200);
    expect(put.data.content).toMatchObject({ path: PROFILE, sha: blobSha(next), type: 'file' });
    expect(put.data.commit).toMatchObject({
      message: 'Confirm',
      author: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', date: '2025-03-03T09:01:00Z' },
    });
    const mainSha = gh.state.branches.find((b) => b.name === 'main')!.sha;
    expect(put.data.commit.parents!.map((p) => p.sha)).toEqual([mainSha]);
    expect(gh.state.branches.find((b) => b.name === 'mentorkit/confirm-ada')!.sha).toBe(put.data.commit.sha);
    expect(gh.file(PROFILE, 'mentorkit/confirm-ada')).toBe(next);
    expect(gh.file(PROFILE)).toBe(TEXT);
    // Read back through the API, on the branch.
    const { data } = await bot.rest.repos.getContent({ ...repo, path: PROFILE, ref: 'mentorkit/confirm-ada' });
    expect(!Array.isArray(data) && data.type === 'file' && Buffer.from(data.content, 'base64').toString('utf8')).toBe(next);
  });

  test('creates a new file without a sha: 201; on the default branch when no branch is given', async () => {
    const put = await client(gh, gh.botToken).rest.repos.createOrUpdateFileContents({ ...repo, path: 'content/mentors/new.md', message: 'Add', content: b64('new\n') });
    expect(put.status).toBe(201);
    expect(gh.file('content/mentors/new.md')).toBe('new\n');
  });

  test('409 when the sha is stale: the file changed since it was read', async () => {
    const bot = client(gh, gh.botToken);
    await bot.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, message: 'Someone else', content: b64('changed\n'), sha: blobSha(TEXT) });
    const stale = blobSha(TEXT);
    expect(await failure(bot.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, message: 'Mine', content: b64('mine\n'), sha: stale }))).toEqual({
      status: 409,
      message: `${PROFILE} does not match ${stale}`,
    });
    expect(gh.file(PROFILE)).toBe('changed\n');
  });

  test('422 when an existing file is replaced without its sha, or the content is not base64', async () => {
    const bot = client(gh, gh.botToken);
    expect(await failure(bot.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, message: 'm', content: b64('x') }))).toEqual({
      status: 422,
      message: 'Invalid request.\n\n"sha" wasn\'t supplied.',
    });
    expect(await failure(bot.rest.repos.createOrUpdateFileContents({ ...repo, path: 'a.md', message: 'm', content: 'not base64!' }))).toEqual({ status: 422, message: 'content is not valid Base64' });
    expect(gh.file(PROFILE)).toBe(TEXT);
  });

  test('404 for a missing branch, and for people who cannot push', async () => {
    expect(await failure(client(gh, gh.botToken).rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, branch: 'nope', message: 'm', content: b64('x'), sha: blobSha(TEXT) }))).toEqual({
      status: 404,
      message: 'Branch nope not found',
    });
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    expect((await failure(mia.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, message: 'm', content: b64('x'), sha: blobSha(TEXT) }))).status).toBe(404);
    const writer = client(gh, gh.tokenFor('writer'));
    expect((await writer.rest.repos.createOrUpdateFileContents({ ...repo, path: PROFILE, message: 'm', content: b64('x'), sha: blobSha(TEXT) })).status).toBe(200);
  });
});

describe('git refs', () => {
  test('GET /git/ref/heads/main, then POST /git/refs: a branch at that commit', async () => {
    const bot = client(gh, gh.botToken);
    const main = await bot.rest.git.getRef({ ...repo, ref: 'heads/main' });
    expect(main.data).toMatchObject({ ref: 'refs/heads/main', object: { type: 'commit' } });
    expect(main.data.object.sha).toMatch(/^[0-9a-f]{40}$/);
    const created = await bot.rest.git.createRef({ ...repo, ref: 'refs/heads/mentorkit/pause-ada-2025-03-03', sha: main.data.object.sha });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${gh.url}/repos/mentorkit/mentorkit/git/refs/heads/mentorkit/pause-ada-2025-03-03`);
    const again = await bot.rest.git.getRef({ ...repo, ref: 'heads/mentorkit/pause-ada-2025-03-03' });
    expect(again.data.object.sha).toBe(main.data.object.sha);
  });

  test('errors: 404 for a missing ref, 422 for an existing one, an unknown sha or a bad name; 404 without push access', async () => {
    const bot = client(gh, gh.botToken);
    expect(await failure(bot.rest.git.getRef({ ...repo, ref: 'heads/nope' }))).toEqual({ status: 404, message: 'Not Found' });
    const sha = (await bot.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    expect(await failure(bot.rest.git.createRef({ ...repo, ref: 'refs/heads/main', sha }))).toEqual({ status: 422, message: 'Reference already exists' });
    expect(await failure(bot.rest.git.createRef({ ...repo, ref: 'refs/heads/x', sha: '0'.repeat(40) }))).toEqual({ status: 422, message: 'Object does not exist' });
    expect(await failure(bot.rest.git.createRef({ ...repo, ref: 'heads/x', sha }))).toEqual({ status: 422, message: 'heads/x is not a valid ref name.' });
    const mia = client(gh, gh.tokenFor('mia-mentee'));
    expect((await failure(mia.rest.git.createRef({ ...repo, ref: 'refs/heads/mine', sha }))).status).toBe(404);
    expect(gh.state.branches.map((b) => b.name)).toEqual(['main']);
  });
});
