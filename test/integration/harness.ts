import { afterEach, beforeEach, expect } from 'vitest';
import { resolve } from 'node:path';
import { startEmulator, type Emulator } from '../../src/testing/emulator/index.ts';
import { runAction } from '../../src/testing/run-action.ts';
import { requestBody, type RequestFields } from '../../src/testing/request-body.ts';
import { loadProgram } from '../../src/files/content.ts';
import { labelSpec } from '../../src/core/labels.ts';

/** Shared by the integration tests: the emulator per test, and the bundled action run as Actions would. */

export const ROOT = resolve(import.meta.dirname, '../..');
export const program = loadProgram(ROOT).program!;
const REPO = program.repository;
const [owner, repo] = REPO.split('/') as [string, string];

// Sample mentors used below (see content/mentors): open with capacity 2, open with capacity 1, paused.
export const OPEN = 'amara-okafor';
export const SINGLE = 'aino-koskinen';
export const PAUSED = 'chen-yuhan';

export let gh: Emulator;
/** A fresh emulator per test, with the `request` label the issue form applies (GitHub drops form labels that don't exist). */
export function useEmulator(options: Partial<Parameters<typeof startEmulator>[0]> = {}) {
  beforeEach(async () => {
    gh = await startEmulator({ owner, repo, collaborators: { 'program-chair': 'admin' }, labels: [labelSpec('request')], ...options });
  });
  afterEach(async () => {
    expect(gh.violations, 'every request and response matches the OpenAPI description').toEqual([]);
    await gh.close();
  });
}
export async function restartEmulator(options: Partial<Parameters<typeof startEmulator>[0]>) {
  await gh.close();
  gh = await startEmulator({ owner, repo, labels: [labelSpec('request')], ...options });
}

export type Event = { name: string; payload: unknown };
/** How a run differs from the request workflow's on a live event: a dry run, the profiles workflow, a fixed clock. */
export interface RunExtra {
  dryRun?: boolean;
  /** The workflow's `task` input (default: requests). */
  task?: 'requests' | 'freshness';
  /** MENTORKIT_NOW: the bot's clock, as an ISO date-time. */
  now?: string;
  env?: Record<string, string>;
}
export async function run(event: Event, workspace = ROOT, extra: RunExtra = {}) {
  const env = { ...(extra.task ? { INPUT_TASK: extra.task } : {}), ...(extra.now ? { MENTORKIT_NOW: extra.now } : {}), ...extra.env };
  return runAction({ apiUrl: gh.url, token: gh.botToken, repository: REPO, workspace, event, ...(extra.dryRun ? { dryRun: true } : {}), extraEnv: env });
}
/** Run the bot and expect it to exit with `code` (default 0, success). */
export async function deliver(event: Event, workspace = ROOT, extra: RunExtra & { code?: number } = {}) {
  const r = await run(event, workspace, extra);
  expect(r.code, r.stdout + r.stderr).toBe(extra.code ?? 0);
  return r;
}
export const body = (f: Partial<RequestFields>) => requestBody(program, { mentor: OPEN, term: 3, ...f });
export const issue = (n: number) => gh.state.issues.find((i) => i.number === n)!;
export const labels = (n: number) => issue(n).labels.map((l) => l.name).sort();
export const botComments = (n: number) => issue(n).comments.filter((c) => c.user.login === 'github-actions[bot]');
export const mutations = () => gh.calls.filter((c) => c.method !== 'GET');

export async function file(mentee: string, f: Partial<RequestFields> = {}) {
  const event = await gh.as(mentee).openIssue({ title: 'Mentorship request', body: body(f), labels: ['request'] });
  const number = (event.payload as { issue: { number: number } }).issue.number;
  return { event, number };
}

