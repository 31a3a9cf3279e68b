import { isMap, isScalar, isSeq, parse as parseYaml, parseDocument, YAMLSeq, type Document } from 'yaml';
import { z } from 'zod';
import { GITHUB_LOGIN } from './github-login.ts';
import { isoDate, withoutClock } from './clock.ts';
import { FIELD } from './request-fields.ts';
import type { ParsedRequest, Problem } from './request-form.ts';

/**
 * Abuse limits on requests (docs/security.md, "Abuse limits"): a weekly quota per mentee, a minimum account age,
 * a blocklist, a length limit per form field and no mentions of people the request does not name. Pure: the bot
 * reads the facts (the mentee's recent requests, the account's creation date, blocklist.yml) and passes them in.
 */

type FieldId = (typeof FIELD)[keyof typeof FIELD]['id'];

/** Per-field limits, in characters as written in the issue. Logins fit easily (39 characters, or a profile URL). */
const defaultLengths: Record<FieldId, number> = {
  mentor: 100,
  'alternate-1': 100,
  'alternate-2': 100,
  areas: 1000,
  goals: 2000,
  term: 50,
  format: 100,
  languages: 1000,
  timezone: 100,
  stage: 100,
  about: 2000,
  coc: 300,
};

const length = (f: { id: FieldId; label: string }) =>
  z.number().int().min(1).max(60000).default(defaultLengths[f.id]).describe(`Longest “${f.label}” the bot accepts, in characters.`);

export const abuseSchema = z.strictObject({
  max_requests_per_week: z
    .number().int().min(0).max(100).default(5)
    .describe('New requests a mentee may file in any 7 days, closed ones included. 0 turns the limit off (and saves an API call per new request).'),
  min_account_age_days: z
    .number().int().min(0).max(3650).default(0)
    .describe('A mentee’s GitHub account must be at least this many days old to file a request. 0 turns the check off; otherwise it costs one API call per new request.'),
  blocklist: z
    .string()
    // The bot's workflow checks out only these (a sparse checkout): a file anywhere else would never be read.
    .regex(/^(?:blocklist\.yml|content\/(?!.*\.\.)[\w./-]+\.ya?ml)$/, { error: 'must be blocklist.yml or a .yml file under content/ (the only places the bot’s workflow checks out)' })
    .default('blocklist.yml')
    .describe('The blocklist file, edited by moderators through a pull request: a YAML list of {login, reason, since, by}. Blocked people can’t file requests and can’t be asked as mentors. blocklist.yml at the root or a .yml file under content/; a missing file means nobody is blocked.'),
  allow_mentions: z
    .boolean()
    .default(false)
    .describe('Whether a request may @mention people other than the mentors it names (and its author). Off: such requests are refused, because a mention notifies the person.'),
  max_length: z
    .strictObject({
      mentor: length(FIELD.mentor),
      'alternate-1': length(FIELD.alternate1),
      'alternate-2': length(FIELD.alternate2),
      areas: length(FIELD.areas),
      goals: length(FIELD.goals),
      term: length(FIELD.term),
      format: length(FIELD.format),
      languages: length(FIELD.languages),
      timezone: length(FIELD.timezone),
      stage: length(FIELD.stage),
      about: length(FIELD.about),
      coc: length(FIELD.coc),
    })
    .prefault({})
    .describe('The longest text each field of the request form may hold, by the field’s id in the form.'),
});
export type AbuseLimits = z.infer<typeof abuseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// The blocklist file.

/** One blocked person. `reason` stays in the file: the bot never repeats it in a public comment. */
export const blocklistEntrySchema = z.strictObject({
  login: z
    .string()
    .transform((s) => s.trim().replace(/^@/, ''))
    .pipe(z.string().regex(GITHUB_LOGIN, { error: 'is not a GitHub login' })),
  reason: z.string().optional(),
  since: z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  by: z.string().transform((s) => s.trim().replace(/^@/, '')).pipe(z.string().regex(GITHUB_LOGIN, { error: 'is not a GitHub login' })).optional(),
});
export type BlocklistEntry = z.infer<typeof blocklistEntrySchema>;

/** One item of the file: an entry, or a bare login for short. */
export const blocklistItemSchema = z.preprocess((raw) => (typeof raw === 'string' ? { login: raw } : raw), blocklistEntrySchema);

export interface Blocklist {
  entries: BlocklistEntry[];
  /** Entries that could not be read, each naming where and what; the rest still apply. */
  problems: string[];
}

export const EMPTY_BLOCKLIST: Blocklist = { entries: [], problems: [] };

/**
 * Reads blocklist.yml: a YAML list of entries (an empty file, or `[]`, blocks nobody). A broken entry is reported
 * and skipped rather than failing the whole file, so one typo doesn't unblock everyone else.
 */
export function parseBlocklist(text: string, file = 'blocklist.yml'): Blocklist {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    return { entries: [], problems: [`${file}: is not valid YAML (${(e as Error).message.split('\n')[0]}); fix it so the blocklist applies.`] };
  }
  if (data === null || data === undefined) return { entries: [], problems: [] };
  if (!Array.isArray(data)) return { entries: [], problems: [`${file}: must be a list of entries such as “- login: someone”; nobody is blocked until it is.`] };
  const entries: BlocklistEntry[] = [];
  const problems: string[] = [];
  data.forEach((raw, i) => {
    const r = blocklistItemSchema.safeParse(raw);
    if (r.success) entries.push(r.data);
    else problems.push(`${file}: entry ${i + 1}: ${r.error.issues.map((p) => `${p.path.length ? p.path.join('.') : 'entry'} ${p.message}`).join('; ')}`);
  });
  return { entries, problems };
}

/**
 * blocklist.yml with `entry` added (or, if the login is listed already, that entry replaced), keeping the file's
 * comments and other entries as they are: the text for a moderator's pull request.
 */
export function withBlocked(text: string, entry: BlocklistEntry): string {
  const doc: Document = parseDocument(text);
  if (doc.errors.length) throw new Error(`blocklist.yml is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it before adding to it.`);
  if (!isSeq(doc.contents)) {
    if (doc.contents !== null && !(isScalar(doc.contents) && doc.contents.value === null)) throw new Error('blocklist.yml must be a list of entries; fix it before adding to it.');
    const comment = doc.commentBefore;
    doc.contents = new YAMLSeq();
    doc.commentBefore = comment;
  }
  const seq = doc.contents as YAMLSeq;
  keepHeader(doc, seq);
  // One entry per block, so each pause is its own few lines in the pull request's diff.
  seq.flow = false;
  const clean = blocklistEntrySchema.parse(entry);
  const node = doc.createNode({ login: clean.login, ...(clean.reason ? { reason: clean.reason } : {}), ...(clean.since ? { since: clean.since } : {}), ...(clean.by ? { by: clean.by } : {}) });
  const at = seq.items.findIndex((item) => loginOf(item)?.toLowerCase() === clean.login.toLowerCase());
  if (at >= 0) seq.items[at] = node;
  else seq.items.push(node);
  return doc.toString({ lineWidth: 0 });
}

/** blocklist.yml without the login's entries (case-insensitive), comments kept. */
export function withoutBlocked(text: string, login: string): string {
  const doc = parseDocument(text);
  if (!isSeq(doc.contents)) return text;
  const seq = doc.contents;
  keepHeader(doc, seq);
  seq.items = seq.items.filter((item) => loginOf(item)?.toLowerCase() !== login.replace(/^@/, '').toLowerCase());
  return doc.toString({ lineWidth: 0 });
}

/**
 * A comment at the top of the file belongs to the file, not to whichever entry happens to come first: YAML attaches
 * it to the list or to its first entry, where it would move or vanish with that entry.
 */
function keepHeader(doc: Document, seq: YAMLSeq): void {
  if (doc.commentBefore) return;
  const first = seq.items[0] as { commentBefore?: string | null } | undefined;
  const header = seq.commentBefore ?? first?.commentBefore;
  if (!header) return;
  doc.commentBefore = header;
  seq.commentBefore = null;
  if (first) first.commentBefore = null;
}

function loginOf(item: unknown): string | undefined {
  const raw = isMap(item) ? item.get('login') : isScalar(item) ? item.value : undefined;
  return typeof raw === 'string' ? raw.trim().replace(/^@/, '') : undefined;
}

export function isBlocked(list: Blocklist, login: string): boolean {
  const l = login.toLowerCase();
  return list.entries.some((e) => e.login.toLowerCase() === l);
}

/** The mentors who may be asked or suggested: a paused (blocked) mentor is neither. */
export function unblockedMentors<P>(mentors: ReadonlyMap<string, P>, list: Blocklist | undefined): ReadonlyMap<string, P> {
  return list && list.entries.length > 0 ? new Map([...mentors].filter(([login]) => !isBlocked(list, login))) : mentors;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts the bot reads, and when it needs to.

/** What the bot read for the abuse checks; a fact left out is not checked. */
export interface AbuseFacts {
  blocklist: Blocklist;
  /** The mentee's requests (any state) created since the window's start, as listed; may include this issue. */
  recentRequests?: readonly { number: number; createdAt: string }[];
  /** The mentee's account creation time (ISO); null when GitHub has no such user. */
  accountCreatedAt?: string | null;
}

const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * Which API reads the abuse checks need for this intake. A request that is already pending passed both checks,
 * and neither can turn against it (earlier requests only age out of the window, an account only gets older), so
 * only new and invalid requests pay for them. A blocked mentee needs neither.
 */
export function abuseReadsNeeded(
  limits: AbuseLimits,
  issue: { author: string; labels: readonly string[] },
  blocklist: Blocklist,
  today: string,
): { requestsSince?: string; accountAge: boolean } {
  const pending = issue.labels.includes('status:pending');
  if (pending || isBlocked(blocklist, issue.author)) return { accountAge: false };
  return {
    ...(limits.max_requests_per_week > 0 ? { requestsSince: `${addDays(today, -6)}T00:00:00Z` } : {}),
    accountAge: limits.min_account_age_days > 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The checks.

const KNOWN_LABELS = new Map<string, { id: FieldId; label: string }>(Object.values(FIELD).map((f) => [f.label, f]));

/** The form's sections as written: each field's text between its heading and the next. */
export function formSections(body: string): { id: FieldId; label: string; text: string }[] {
  const out: { id: FieldId; label: string; text: string }[] = [];
  let current: { id: FieldId; label: string; lines: string[] } | undefined;
  const flush = () => {
    if (current) out.push({ id: current.id, label: current.label, text: current.lines.join('\n').trim() });
  };
  for (const line of withoutClock(body).split(/\r?\n/)) {
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    const field = heading ? KNOWN_LABELS.get(heading[1]!) : undefined;
    if (field) {
      flush();
      current = { id: field.id, label: field.label, lines: [] };
    } else current?.lines.push(line);
  }
  flush();
  return out;
}

const chars = (s: string) => [...s].length;
const n = (x: number) => x.toLocaleString('en-US');

function lengthProblems(limits: AbuseLimits, body: string): Problem[] {
  return formSections(body)
    .filter((s) => chars(s.text) > limits.max_length[s.id])
    .map((s) => ({
      field: s.label,
      message: `is ${n(chars(s.text))} characters long; the program allows ${n(limits.max_length[s.id])}. Shorten it, then save your edit and I’ll check again.`,
    }));
}

/**
 * @mentions GitHub would notify: `@login` or `@org/team` not inside a word (so e-mail addresses don't count),
 * outside code spans, code blocks and HTML comments, where GitHub sends no notification.
 */
export function mentionsIn(text: string): string[] {
  const visible = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1?\2[^\n]*$|(?![\s\S]))/gm, ' ')
    .replace(/(`+)[\s\S]*?\1/g, ' ');
  const out: string[] = [];
  for (const m of visible.matchAll(/(?<![\w`@./+-])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(\/[A-Za-z0-9][\w.-]*)?(?![\w-]|\.\w)/g)) {
    const who = `${m[1]}${m[2] ?? ''}`;
    if (!out.some((o) => o.toLowerCase() === who.toLowerCase())) out.push(who);
  }
  return out;
}

function mentionProblems(body: string, author: string, request: ParsedRequest): Problem[] {
  const allowed = new Set([author, request.mentor, ...request.alternates].filter(Boolean).map((l) => l.toLowerCase()));
  const problems: Problem[] = [];
  for (const s of formSections(body)) {
    const others = mentionsIn(s.text).filter((m) => !allowed.has(m.toLowerCase()));
    if (others.length === 0) continue;
    const list = others.map((m) => `@${m}`).join(', ');
    const team = others.some((m) => m.includes('/'));
    problems.push({
      field: s.label,
      message: `mentions ${list}. A request may mention only the mentors it names: every mention sends a notification, and people who didn’t ask to be involved ${team ? '(a team mention reaches all its members) ' : ''}shouldn’t get one. Remove the @ (or write the name in \`code\`), then save your edit and I’ll check again.`,
    });
  }
  return problems;
}

function weeklyProblem(limits: AbuseLimits, issue: { number: number }, recent: readonly { number: number; createdAt: string }[], today: string): Problem | undefined {
  const max = limits.max_requests_per_week;
  if (max === 0) return undefined;
  const start = addDays(today, -6);
  // Only requests filed before this one count: a request that was within the quota stays within it when the
  // mentee files more later, and a refused one passes once the earlier ones age out of the window.
  const earlier = [...new Map(recent.filter((r) => r.number < issue.number && r.createdAt.slice(0, 10) >= start).map((r) => [r.number, r])).values()].sort(
    (a, b) => a.number - b.number,
  );
  if (earlier.length < max) return undefined;
  // The request passes once (earlier - max + 1) of them are 7 days old.
  const retry = addDays(earlier[earlier.length - max]!.createdAt.slice(0, 10), 7);
  return {
    field: 'Requests this week',
    message: `you filed ${earlier.length} request${earlier.length === 1 ? '' : 's'} in the last 7 days (${earlier.map((r) => `#${r.number}`).join(', ')}), closed ones included; the program takes at most ${max} per 7 days, so that mentors aren’t flooded. Edit this issue on or after ${retry} and I’ll check again.`,
  };
}

function accountAgeProblem(limits: AbuseLimits, created: string | null | undefined, today: string): Problem | undefined {
  const min = limits.min_account_age_days;
  if (min === 0 || created === undefined) return undefined;
  if (created === null) {
    return { field: 'Your account', message: `GitHub could not tell me how old your account is, and this program accepts requests from accounts at least ${min} days old. Edit this issue to have me check again.` };
  }
  const day = created.slice(0, 10);
  const age = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY);
  if (age >= min) return undefined;
  return {
    field: 'Your account',
    message: `your GitHub account is ${age} day${age === 1 ? '' : 's'} old; this program accepts requests from accounts at least ${min} days old, to keep out accounts made for spam. Edit this issue on or after ${addDays(day, min)} and I’ll check again.`,
  };
}

export function blockedMentorMessage(login: string, alternate: boolean): string {
  return `@${login} is not taking requests in this program right now. ${alternate ? 'Name another mentor or leave it empty.' : 'Choose another mentor from the directory.'}`;
}

/** What the mentee reads when they are on the blocklist. The entry's reason is not repeated in public. */
export function blockedMenteeComment(author: string): string {
  return [
    `@${author}, this program’s moderators have paused requests from your account, so I’ve closed this request.`,
    '',
    'If you think this is a mistake, contact the program committee through the private channel named in the Code of Conduct. Reopening or editing this issue won’t change the answer until the pause is lifted.',
  ].join('\n');
}

/** Every abuse-limit problem with a request, except the blocked mentee (decideIntake closes those). */
export function abuseProblems(
  limits: AbuseLimits,
  issue: { number: number; author: string; body: string },
  request: ParsedRequest,
  facts: AbuseFacts,
  today: string,
): Problem[] {
  const problems = lengthProblems(limits, issue.body);
  if (!limits.allow_mentions) problems.push(...mentionProblems(issue.body, issue.author, request));
  const weekly = facts.recentRequests ? weeklyProblem(limits, issue, facts.recentRequests, today) : undefined;
  if (weekly) problems.push(weekly);
  const age = accountAgeProblem(limits, facts.accountCreatedAt, today);
  if (age) problems.push(age);
  return problems;
}
