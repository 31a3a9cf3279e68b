import type { GitHub } from './client.ts';
import type { RequestSummary } from '../core/requests.ts';
import { REQUEST_LABEL } from '../core/labels.ts';
import { applyLabels, marker, readMarker, type Decision } from '../core/decision.ts';
import { labelSpec, looksAsGitHubCreatesIt } from '../core/labels.ts';
import { readClock, sameClock, withClock } from '../core/clock.ts';
import type { Permission } from '../core/roles.ts';
import { issueMentee } from '../core/cohort-issues.ts';

/** Reading and writing one repository's requests. Only this folder calls GitHub. */

export interface Repo {
  owner: string;
  repo: string;
}

/** An issue as read. It is a RequestSummary, so the core's quota questions take the open list as it was read. */
export interface IssueState extends RequestSummary {
  authorType: string;
  state: 'open' | 'closed';
  labels: string[];
  body: string;
  createdAt: string;
  /** Labels on it that still look as GitHub creates them on first use (grey, no description) but should not. */
  uncoloured?: string[];
}

type RawIssue = {
  number: number;
  user: { login: string; type?: string } | null;
  state: string;
  labels: RawLabel[];
  body?: string | null;
  created_at?: string;
  pull_request?: unknown;
};

/**
 * An issue as the core reads it. `author` is the mentee: the issue's author, except on a cohort partnership the
 * bot's own account opened, whose mentee the bot's marker names (cohort-issues.ts). Nobody else's marker counts.
 */
export function toIssueState(i: RawIssue, botLogin: string): IssueState {
  return {
    number: i.number,
    author: issueMentee(i.user?.login ?? 'ghost', i.body, botLogin),
    authorType: i.user?.type ?? 'User',
    state: i.state === 'closed' ? 'closed' : 'open',
    labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    body: i.body ?? '',
    createdAt: i.created_at ?? '',
    uncoloured: i.labels.filter(looksUncoloured).map((l) => (l as { name: string }).name),
  };
}

function looksUncoloured(l: RawLabel): boolean {
  if (typeof l === 'string' || !l.name) return false;
  return looksAsGitHubCreatesIt(l) && !looksAsGitHubCreatesIt(labelSpec(l.name));
}

/**
 * The labels of a response (an issue just created or labelled) that GitHub created on first use, given their colour
 * and description: once in the repository's life, when first seen.
 */
export async function colourCreatedLabels(gh: GitHub, r: Repo, labels: readonly RawLabel[]): Promise<void> {
  await colourLabels(gh, r, labels.filter(looksUncoloured).map((l) => (l as { name: string }).name));
}

/** Give labels GitHub created on first use their colour and description; each is done once, when first seen. */
export async function colourLabels(gh: GitHub, r: Repo, names: Iterable<string>): Promise<void> {
  for (const name of names) {
    const spec = labelSpec(name);
    await gh.rest.issues.updateLabel({ ...r, name, color: spec.color, description: spec.description });
  }
}

/** Every open request, from the issues list (not search: its index lags and would let quotas slip). */
export async function listOpenRequests(gh: GitHub, r: Repo, botLogin: string): Promise<IssueState[]> {
  return listIssues(gh, r, { state: 'open', labels: REQUEST_LABEL }, botLogin);
}

/** Issues with a label (every page), pull requests left out. */
export async function listIssues(gh: GitHub, r: Repo, q: { state: 'open' | 'all'; labels: string }, botLogin: string): Promise<IssueState[]> {
  const issues = await gh.paginate(gh.rest.issues.listForRepo, { ...r, ...q, per_page: 100 });
  return issues.filter((i) => !i.pull_request).map((i) => toIssueState(i as RawIssue, botLogin));
}

export async function getIssue(gh: GitHub, r: Repo, number: number, botLogin: string): Promise<IssueState> {
  const { data } = await gh.rest.issues.get({ ...r, issue_number: number });
  return toIssueState(data as RawIssue, botLogin);
}

/** Opens an issue as the bot, with its labels (GITHUB_TOKEN has issues: write, so they are applied). */
export async function createIssue(gh: GitHub, r: Repo, issue: { title: string; body: string; labels: string[] }, botLogin: string): Promise<IssueState> {
  const { data } = await gh.rest.issues.create({ ...r, ...issue });
  return toIssueState(data as RawIssue, botLogin);
}

export interface BotComment {
  id: number;
  kind: string;
  key: string;
  body: string;
  createdAt: string;
}

/** The bot's own marked comments on an issue. Comments by anyone else never count as bot state. */
export async function listBotComments(gh: GitHub, r: Repo, number: number, botLogin: string): Promise<BotComment[]> {
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...r, issue_number: number, per_page: 100 });
  const out: BotComment[] = [];
  for (const c of comments) {
    if (c.user?.login !== botLogin) continue;
    const m = readMarker(c.body);
    if (m) out.push({ id: c.id, ...m, body: c.body ?? '', createdAt: c.created_at });
  }
  return out;
}

export async function isOrgMember(gh: GitHub, org: string, login: string): Promise<boolean> {
  try {
    await gh.rest.orgs.checkMembershipForUser({ org, username: login });
    return true;
  } catch (e) {
    if ((e as { status?: number }).status === 404 || (e as { status?: number }).status === 302) return false;
    throw e;
  }
}

/** Repository permission of a person, from the REST permission endpoint; `none` for people without access. */
export async function getPermission(gh: GitHub, r: Repo, login: string): Promise<Permission> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...r, username: login });
    // role_name tells maintain and triage apart; a custom role falls back to its base permission.
    const known: readonly string[] = ['admin', 'maintain', 'write', 'triage', 'read'];
    return (known.includes(data.role_name) ? data.role_name : known.includes(data.permission) ? data.permission : 'none') as Permission;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return 'none';
    throw e;
  }
}

/**
 * When each issue's current `status:active` label was applied, as the id of that `labeled` event. Event ids
 * increase in the order GitHub records changes, which ranks concurrent acceptances (docs/races.md).
 */
export async function activeLabelOrder(gh: GitHub, r: Repo, numbers: readonly number[]): Promise<Map<number, number>> {
  const order = new Map<number, number>();
  for (const n of numbers) {
    const events = await gh.paginate(gh.rest.issues.listEvents, { ...r, issue_number: n, per_page: 100 });
    let last: number | undefined;
    for (const e of events) if (e.event === 'labeled' && (e as { label?: { name?: string } }).label?.name === 'status:active') last = e.id;
    if (last !== undefined) order.set(n, last);
  }
  return order;
}

export interface ApplyContext {
  /** The issue's labels now; the new set is computed from these so labels the bot doesn't own survive. */
  currentLabels: string[];
  /** The issue body now: a decision's clock is written at its end when it differs from the one there. */
  currentBody: string;
  /** Labels known to exist in the repository (seen on issues); others are looked up and created with colour and description. */
  knownLabels: Set<string>;
  existingComments: BotComment[];
}

export interface ApplyResult {
  labelsChanged: boolean;
  commentsCreated: number;
  commentsUpdated: number;
  closed: boolean;
}

export function commentBody(c: { kind: string; key: string; body: string }): string {
  return `${marker(c.kind, c.key)}\n${c.body}`;
}

/**
 * Apply a decision. Comments go first: if a later call fails, the next run
 * finds the comment by its marker and only completes the labels, so nothing is
 * posted twice.
 */
export async function applyDecision(gh: GitHub, r: Repo, d: Decision, ctx: ApplyContext): Promise<ApplyResult> {
  const result: ApplyResult = { labelsChanged: false, commentsCreated: 0, commentsUpdated: 0, closed: false };
  for (const c of d.comments) {
    const body = commentBody(c);
    const existing = ctx.existingComments.find((e) => e.kind === c.kind && e.key === c.key);
    if (!existing) {
      const { data } = await gh.rest.issues.createComment({ ...r, issue_number: d.issue, body });
      // Recorded at once, so a later decision in the same run sees it.
      ctx.existingComments.push({ id: data.id, kind: c.kind, key: c.key, body, createdAt: data.created_at });
      result.commentsCreated++;
    } else if (c.mode === 'upsert' && existing.body.trim() !== body.trim()) {
      await gh.rest.issues.updateComment({ ...r, comment_id: existing.id, body });
      existing.body = body;
      result.commentsUpdated++;
    }
  }

  const next = applyLabels(ctx.currentLabels, d);
  const same = next.length === ctx.currentLabels.length && next.every((l) => ctx.currentLabels.includes(l));
  const body = d.clock && !sameClock(readClock(ctx.currentBody), d.clock) ? withClock(ctx.currentBody, d.clock) : undefined;
  let written: RawLabel[] = [];
  if (d.close || d.reopen || body !== undefined) {
    // Labels, clock and state in one request: the issue is never closed with a waiting status, or open with a
    // final one, and a clock never belongs to a status the labels don't show.
    const { data } = await gh.rest.issues.update({
      ...r,
      issue_number: d.issue,
      ...(same ? {} : { labels: next }),
      ...(body !== undefined ? { body } : {}),
      ...(d.close ? { state: 'closed', state_reason: d.close.reason } : d.reopen ? { state: 'open', state_reason: 'reopened' } : {}),
    });
    written = same ? [] : (data.labels as RawLabel[]);
    result.labelsChanged = !same;
    result.closed = Boolean(d.close);
  } else if (!same) {
    // PUT needs at least one label; an empty set is a DELETE.
    if (next.length > 0) written = (await gh.rest.issues.setLabels({ ...r, issue_number: d.issue, labels: next })).data;
    else await gh.rest.issues.removeAllLabels({ ...r, issue_number: d.issue });
    result.labelsChanged = true;
  }
  await colourNewLabels(gh, r, written, d.addLabels, ctx.knownLabels);
  return result;
}

export type RawLabel = string | { name?: string; color?: string | null; description?: string | null };

/**
 * GitHub creates a label that doesn't exist yet when it is applied, grey and without a description. Checking
 * first would cost a call per label on every run; instead a label that comes back looking freshly created gets
 * its colour and description, once in the repository's life. Labels a maintainer restyled are left alone.
 */
async function colourNewLabels(gh: GitHub, r: Repo, written: RawLabel[], added: string[], known: Set<string>): Promise<void> {
  const grey: string[] = [];
  for (const l of written) {
    if (typeof l === 'string' || !l.name || known.has(l.name) || !added.includes(l.name)) continue;
    known.add(l.name);
    if (looksUncoloured(l)) grey.push(l.name);
  }
  await colourLabels(gh, r, grey);
}
