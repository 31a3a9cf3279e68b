import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator, seedIssues, BOT_LOGIN, type Emulator, type SeedIssue } from '../../src/testing/emulator/index.ts';
import { runAction } from '../../src/testing/run-action.ts';
import { requestBody } from '../../src/testing/request-body.ts';
import { Rng } from '../../src/testing/random.ts';
import { loadContent } from '../../src/files/content.ts';
import { decideIntake } from '../../src/core/intake.ts';
import { decideCommand } from '../../src/core/answers.ts';
import { settleAcceptance } from '../../src/core/accept.ts';
import { SWEPT, decideSweep, dueStep, type Step } from '../../src/core/sweep.ts';
import { agreementItems } from '../../src/core/partnership.ts';
import { applyLabels, type Decision } from '../../src/core/decision.ts';
import { daysBetween, plusDays, plusMonths, readClock, sameClock, withClock, type Clock } from '../../src/core/clock.ts';
import { ENDING_LABEL, REQUEST_LABEL, STATUSES, labelSpec, mentorLabel, statusLabel, statusOf, type Status } from '../../src/core/labels.ts';
import { isAvailable, type RequestSummary } from '../../src/core/requests.ts';
import { commentBody } from '../../src/github/repo.ts';
import type { BotRecord, CommandName } from '../../src/core/commands.ts';
import type { Role } from '../../src/core/roles.ts';
import type { Program } from '../../src/core/program.ts';
import type { Profile } from '../../src/core/profile.ts';
import { atMost, fmt, type Row } from './report.ts';

/**
 * API calls of one daily sweep of the bundled bot over N open requests, against the emulator.
 *
 * Thousands of requests can't be filed through the bot one by one (a run takes half a second), so their history
 * is replayed in memory by the core itself, and the result seeded into the emulator (`seedIssues`): each
 * request is filed (decideIntake), answered with /later or /accept (decideCommand, settleAcceptance), its
 * partners /agree, add a /goal and /checkin (decideCommand), and the daily sweep runs every morning until
 * yesterday (decideSweep, on the days the body's clock says something is due, as the bot does). Each decision
 * is applied as src/github/repo.ts applies it: marked comments first, then labels and the clock at the end of
 * the body. So a seeded request has the comments, labels and body the bot would have left, and
 * test/integration/sweep-cost.test.ts checks that against requests the real bot made. Then today's sweep is
 * the real bundled bot, and every call it makes is counted.
 */

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** What the bot reads at startup: program.yml, the profiles and the agreement items. */
export interface World {
  root: string;
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  agreement: readonly string[];
}

export function loadWorld(root = REPO_ROOT): World {
  const content = loadContent(root);
  if (!content.program) throw new Error('program.yml is invalid; run npm run validate');
  const mentors = new Map<string, Profile>(content.mentors.map((m) => [m.github.toLowerCase(), m]));
  const agreementPath = join(root, 'content/pages/agreement.mdx');
  const agreement = agreementItems(content.program, existsSync(agreementPath) ? readFileSync(agreementPath, 'utf8') : undefined);
  return { root, program: content.program, mentors, agreement };
}

/**
 * One request's history, as ages in days before the sweep's day (`today`). Nothing happens on `today` itself
 * before the sweep, which runs at 05:23 UTC as the workflow's cron does.
 */
export type Shape =
  /** Filed `age` days ago, nobody has answered. */
  | { kind: 'pending'; age: number; alternates?: number }
  /** Filed `age + waited` days ago; the mentor said /later `age` days ago. */
  | { kind: 'saved'; age: number; waited: number }
  /** Filed `age` days ago with a mentor login that is not in the directory; never fixed. */
  | { kind: 'invalid'; age: number }
  /**
   * Filed 2 days before the start; accepted `age` days ago (or, with `termEnds`, so that the term's last day
   * is today); both partners /agree and the mentee adds a /goal on the first day; a /checkin on each of the
   * days `checkins` (days after the start); with `endGiven`, the mentee gives notice with /end that day.
   */
  | { kind: 'active'; age: number; months: number; checkins: number[]; termEnds?: boolean; endGiven?: number };

/** Placeholder comment ids in keys made before the real ids exist (a command's reply is keyed by its comment). */
const PLACEHOLDER = 900_000_000;
const PLACEHOLDER_KEY = /\bc9\d{8}-/;
const PLACEHOLDER_KEYS = /\bc(9\d{8})-/g;

interface SimComment {
  /** Local id, PLACEHOLDER + index; replaced by the seeded comment's id in any key that names it. */
  id: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  kind?: string;
  key?: string;
}

const at = (day: string, time: string) => `${day}T${time}Z`;
const SWEEP_TIME = '05:23:00';

/** One request replayed through the core. */
export class RequestSim {
  readonly comments: SimComment[] = [];
  labels: string[] = [];
  /** Who put each label on, and when. */
  readonly labelAt = new Map<string, { by: string; at: string }>();
  body: string;
  private clockCache: { body: string; clock: Clock | undefined } | undefined;

  readonly world: World;
  readonly number: number;
  readonly author: string;
  readonly createdAt: string;

  constructor(world: World, number: number, author: string, formBody: string, createdAt: string) {
    this.world = world;
    this.number = number;
    this.author = author;
    this.createdAt = createdAt;
    this.body = formBody;
    // The issue form applies the `request` label, as its author.
    this.labels = [REQUEST_LABEL];
    this.labelAt.set(REQUEST_LABEL, { by: author, at: createdAt });
  }

  get clock(): Clock | undefined {
    if (this.clockCache?.body !== this.body) this.clockCache = { body: this.body, clock: readClock(this.body) };
    return this.clockCache.clock;
  }

  records(): BotRecord[] {
    return this.comments.filter((c) => c.author === BOT_LOGIN && c.kind).map((c) => ({ id: c.id, kind: c.kind!, key: c.key!, body: c.body, createdAt: c.createdAt }));
  }

  summary(): RequestSummary {
    return { number: this.number, author: this.author, labels: this.labels };
  }

  issue() {
    return { number: this.number, author: this.author, state: 'open' as const, labels: [...this.labels], body: this.body, createdAt: this.createdAt };
  }

  /** A person's comment. */
  say(author: string, body: string, when: string): SimComment {
    const c: SimComment = { id: PLACEHOLDER + this.comments.length, author, body, createdAt: when, updatedAt: when };
    this.comments.push(c);
    return c;
  }

  /** A decision applied as applyDecision (src/github/repo.ts) applies it. History never closes a request. */
  apply(d: Decision, when: string): void {
    if (d.issue !== this.number) throw new Error(`#${this.number}: a decision for #${d.issue} in its history`);
    if (d.close || d.reopen) throw new Error(`#${this.number}: its history would ${d.close ? 'close' : 'reopen'} it (${d.notes.join(' ')})`);
    for (const c of d.comments) {
      const body = commentBody(c);
      const existing = this.comments.find((e) => e.author === BOT_LOGIN && e.kind === c.kind && e.key === c.key);
      if (!existing) this.comments.push({ id: PLACEHOLDER + this.comments.length, author: BOT_LOGIN, body, createdAt: when, updatedAt: when, kind: c.kind, key: c.key });
      else if (c.mode === 'upsert' && existing.body.trim() !== body.trim()) {
        existing.body = body;
        existing.updatedAt = when;
      }
    }
    const next = applyLabels(this.labels, d);
    for (const l of next) if (!this.labels.includes(l)) this.labelAt.set(l, { by: BOT_LOGIN, at: when });
    for (const l of this.labels) if (!next.includes(l)) this.labelAt.delete(l);
    this.labels = next;
    if (d.clock && !sameClock(this.clock, d.clock)) this.body = withClock(this.body, d.clock);
  }

  /** The intake run on `issues.opened`. */
  file(day: string): void {
    const { program, mentors } = this.world;
    if (program.eligibility) throw new Error('seeding assumes no eligibility gate in program.yml');
    this.apply(decideIntake({ program, mentors, issue: this.issue(), action: 'opened', openRequests: [this.summary()], today: day }), this.createdAt);
  }

  /** A command comment and the bot's run on it (an acceptance is settled at once, as nobody competes). */
  command(author: string, roles: Role[], text: string, day: string, time: string): void {
    if (day === this.createdAt.slice(0, 10) && at(day, time) <= this.createdAt) throw new Error(`#${this.number}: ${text} before the request was filed`);
    const when = at(day, time);
    const c = this.say(author, text, when);
    const [name = '', ...args] = text.slice(1).split(' ');
    const { program, mentors, agreement } = this.world;
    const before = statusOf(this.labels);
    const previousClock = this.clock;
    const plan = decideCommand({
      program,
      mentors,
      today: day,
      issue: this.issue(),
      openRequests: [this.summary()],
      records: this.records(),
      actor: { login: author, roles },
      agreement,
      command: { name: name as CommandName, args: args.join(' ') },
      via: { kind: 'comment', id: c.id, index: 0 },
    });
    for (const d of plan) {
      if (d.comments.some((x) => x.kind === 'refused')) throw new Error(`#${this.number}: ${text} by @${author} was refused: ${d.notes.join(' ')}`);
      this.apply(d, when);
      if (d.verify !== 'acceptance') continue;
      const settled = settleAcceptance({
        program,
        mentors,
        issue: this.issue(),
        mentor: author,
        previous: before === 'saved' ? 'saved' : 'pending',
        by: author,
        openRequests: [this.summary()],
        key: `c${c.id}-0`,
        today: day,
        agreement,
        ...(previousClock && previousClock.status !== 'active' ? { previousClock } : {}),
      });
      if (!('plan' in settled)) throw new Error(`#${this.number}: the acceptance needs ordering`);
      for (const s of settled.plan) this.apply(s, when);
    }
  }

  /** The daily sweep's look at this request on `day`: only when the body's clock says so, as the bot decides. */
  sweep(day: string): void {
    const status = statusOf(this.labels);
    if (!status || !SWEPT.includes(status)) return;
    const clock = this.clock;
    if (clock && clock.status === status && dueStep(clock, this.world.program, day) === undefined) return;
    const { program, mentors, agreement } = this.world;
    const plan = decideSweep({ program, mentors, today: day, issue: this.issue(), openRequests: [this.summary()], records: this.records(), agreement });
    for (const d of plan) this.apply(d, at(day, SWEEP_TIME));
  }

  /** What the bot will see due today, by the clock in the body (undefined: nothing, it won't read the thread). */
  dueOn(day: string): Step | undefined {
    const clock = this.clock;
    if (!clock || clock.status !== statusOf(this.labels)) throw new Error(`#${this.number}: no current clock after its history`);
    return dueStep(clock, this.world.program, day);
  }

  /** The request as `seedIssues` takes it. Placeholder ids in keys become the seeded comments' ids. */
  toSeed(title = 'Mentorship request'): SeedIssue {
    return {
      author: this.author,
      title,
      body: this.body,
      createdAt: this.createdAt,
      labels: this.labels.map((name) => ({ name, ...this.labelAt.get(name)! })),
      comments: this.comments.map((c) => ({
        author: c.author,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        body: PLACEHOLDER_KEY.test(c.body) ? ({ ids }) => c.body.replace(PLACEHOLDER_KEYS, (_, id: string) => `c${ids[Number(id) - PLACEHOLDER]}-`) : c.body,
      })),
    };
  }
}

/** Mentors taking requests on `day`, in login order. */
export function openMentors(world: World, day: string): Profile[] {
  return [...world.mentors.values()].filter((m) => isAvailable(m, day)).sort((a, b) => a.github.localeCompare(b.github));
}

/** The request form's body for a mentee asking `mentor`, with what that mentor offers. */
export function formFor(world: World, mentor: Profile, rng: Rng, extra: { alternates?: string[]; login?: string; term?: number; goals?: string } = {}): string {
  const { program } = world;
  const terms = mentor.terms.filter((t) => program.terms.includes(t));
  const formats = mentor.formats.filter((f) => program.taxonomy.formats.some((x) => x.id === f));
  const topics = mentor.topics.filter((t) => program.taxonomy.topics.some((x) => x.id === t));
  return requestBody(program, {
    mentor: extra.login ?? mentor.github,
    term: extra.term ?? rng.pick(terms.length ? terms : program.terms),
    ...(extra.alternates?.length ? { alternates: extra.alternates } : {}),
    ...(extra.goals !== undefined ? { goals: extra.goals } : {}),
    ...(formats.length ? { format: rng.pick(formats) } : {}),
    ...(topics.length ? { areas: topics.slice(0, rng.int(1, Math.min(2, topics.length))) } : {}),
  });
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A time of day after the sweep's 05:23, so the day's sweep runs before anything else that day. */
const timeOfDay = (rng: Rng) => `${pad(rng.int(6, 21))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
const plusMinutes = (time: string, minutes: number) => {
  const [h, m, s] = time.split(':').map(Number) as [number, number, number];
  const t = h * 60 + m + minutes;
  return `${pad(Math.min(23, Math.floor(t / 60)))}:${pad(t % 60)}:${pad(s)}`;
};

/**
 * Replays one request's history up to (not including) the sweep on `today`. The mentee is `mentee`, the mentor
 * `mentor`; `number` is the number the emulator will give the issue.
 */
export function replay(world: World, today: string, number: number, shape: Shape, mentee: string, mentor: Profile, rng: Rng): RequestSim {
  const open = openMentors(world, today).filter((m) => m.github !== mentor.github);
  let filed: string;
  let start = '';
  if (shape.kind === 'saved') filed = plusDays(today, -(shape.age + shape.waited));
  else if (shape.kind === 'active') {
    start = shape.termEnds ? plusMonths(today, -shape.months) : plusDays(today, -shape.age);
    if (shape.termEnds && plusMonths(start, shape.months) !== today) throw new Error(`no term of ${shape.months} months ends on ${today}`);
    filed = plusDays(start, -2);
  } else filed = plusDays(today, -shape.age);

  const alternates = shape.kind === 'pending' ? Array.from({ length: shape.alternates ?? 0 }, (_, i) => open[(number + 7 * i) % open.length]!.github) : [];
  const term = shape.kind === 'active' ? shape.months : undefined;
  const body = formFor(world, mentor, rng, {
    alternates,
    ...(term !== undefined ? { term } : {}),
    // The goals left empty, so the request is invalid. (Not a mentor who can't take it: that problem comes with
    // suggestions ranked by free slots, which this one-request replay can't know; the twin test compares texts.)
    ...(shape.kind === 'invalid' ? { goals: '' } : {}),
  });
  if (shape.age < (shape.kind === 'active' ? 0 : 1)) throw new Error(`${shape.kind}: filed today, after the sweep at ${SWEEP_TIME}`);
  const time = timeOfDay(rng);
  const sim = new RequestSim(world, number, mentee, body, at(filed, time));

  // Commands by day, each after that day's sweep (and after the filing).
  const commands = new Map<string, Array<[string, string, string]>>();
  const on = (day: string, who: string, text: string, t: string) => commands.set(day, [...(commands.get(day) ?? []), [who, text, t]]);
  if (shape.kind === 'saved') {
    if (shape.waited < 1) throw new Error('a saved request waits at least a day before /later');
    on(plusDays(today, -shape.age), mentor.github, '/later', timeOfDay(rng));
  }
  if (shape.kind === 'active') {
    const t = timeOfDay(rng);
    on(start, mentor.github, '/accept', t);
    on(start, mentee, '/agree', plusMinutes(t, 20));
    on(start, mentor.github, '/agree', plusMinutes(t, 50));
    on(start, mentee, '/goal Decide between an industry job and a second postdoc', plusMinutes(t, 55));
    for (const d of shape.checkins) {
      if (d <= 0 || plusDays(start, d) >= today) throw new Error(`check-in on day ${d} is not between the start and today`);
      on(plusDays(start, d), rng.chance(0.5) ? mentee : mentor.github, '/checkin Talked through the plan', timeOfDay(rng));
    }
    if (shape.endGiven !== undefined) {
      if (shape.endGiven <= 0 || plusDays(start, shape.endGiven) >= today) throw new Error(`notice on day ${shape.endGiven} is not between the start and today`);
      on(plusDays(start, shape.endGiven), mentee, '/end Moving abroad for a new job', timeOfDay(rng));
    }
  }

  sim.file(filed);
  for (let day = filed; day < today; day = plusDays(day, 1)) {
    if (day !== filed) sim.sweep(day);
    // Roles as the bot computes them here: the author is the mentee, the mentor label's login the mentor.
    const onTheDay = [...(commands.get(day) ?? [])].sort((a, b) => a[2].localeCompare(b[2]));
    for (const [who, text, t] of onTheDay) sim.command(who, [who === mentee ? 'mentee' : 'mentor'], text, day, t);
  }
  return sim;
}

export interface Seeded {
  number: number;
  shape: Shape;
  status: Status;
  /** What the bot should find due today (undefined: nothing). */
  due: Step | undefined;
}

/** Replays kept between runs: a request at the same number with the same shape (the same object) is reused. */
export type Replays = Map<number, { shape: Shape; sim: RequestSim }>;

/**
 * Seeds `shapes` into the emulator, one request each, mentees `mentee-00001`… and mentors in turn from the
 * open sample mentors. Returns each request's number and what is due on `today`. Each request's history
 * depends only on its shape and its number, so two repositories that share requests can share `replays`.
 */
export function seedRequests(gh: Emulator, world: World, today: string, shapes: readonly Shape[], opts: { seed?: string; replays?: Replays } = {}): Seeded[] {
  const seed = opts.seed ?? 'sweep';
  const mentors = openMentors(world, today);
  const first = gh.store.nextNumber();
  const sims = shapes.map((shape, i) => {
    const number = first + i;
    const kept = opts.replays?.get(number);
    if (kept?.shape === shape) return kept.sim;
    // Mentors in turn; a partnership's mentor offers its term.
    const offering = shape.kind === 'active' ? mentors.filter((m) => m.terms.includes(shape.months)) : mentors;
    if (!offering.length) throw new Error(`no open mentor offers ${shape.kind === 'active' ? shape.months : '?'} months`);
    const sim = replay(world, today, number, shape, `mentee-${String(number).padStart(5, '0')}`, offering[i % offering.length]!, new Rng(`${seed}:${number}`));
    opts.replays?.set(number, { shape, sim });
    return sim;
  });
  const numbers = seedIssues(gh, sims.map((s) => s.toSeed()));
  numbers.forEach((n, i) => {
    if (n !== first + i) throw new Error(`seeded #${n} where #${first + i} was expected`);
  });
  return sims.map((s, i) => ({ number: s.number, shape: shapes[i]!, status: statusOf(s.labels)!, due: s.dueOn(today) }));
}

/** Every label the bot uses, coloured: the repository of a program that has been running. */
export function programLabels(world: World) {
  return [REQUEST_LABEL, ENDING_LABEL, ...STATUSES.map(statusLabel), ...[...world.mentors.keys()].map(mentorLabel)].map(labelSpec);
}

// ---- The mix ----

/** Largest-remainder split of `total` by weights. */
function split<K extends string>(total: number, weights: Record<K, number>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((a, k) => a + weights[k], 0);
  const exact = keys.map((k) => (total * weights[k]) / sum);
  const out = Object.fromEntries(keys.map((k, i) => [k, Math.floor(exact[i]!)])) as Record<K, number>;
  let left = total - keys.reduce((a, k) => a + out[k], 0);
  const order = keys.map((k, i) => [k, exact[i]! - Math.floor(exact[i]!)] as const).sort((a, b) => b[1] - a[1]);
  for (const [k] of order) if (left-- > 0) out[k]++;
  return out;
}

/**
 * Requests with nothing due today, by share: fresh, already reminded, saved, invalid, partnerships. Days are
 * those of program.yml's limits (the sample: reminder on day 7, last notice 23, expiry 30, save notice 23).
 */
export const QUIET_MIX = {
  'pending, before the reminder': 18,
  'pending, reminded': 14,
  'pending, last notice sent': 4,
  'saved, before its notice': 6,
  'saved, notice sent': 2,
  'invalid, before it closes': 8,
  'active, checking in': 38,
  'active, notice given (/end)': 2,
  'active, reminded to check in': 8,
} as const;

/** Requests with something due today, by share. */
export const DUE_MIX = {
  'pending, reminder due': 22,
  'pending, last notice due': 15,
  'pending, expires': 10,
  'saved, notice due': 8,
  'saved, expires': 5,
  'invalid, closes': 10,
  'active, check-in reminder due': 15,
  'active, term ends today': 10,
  'active, notice ends today': 5,
} as const;

type Limits = Program['limits'];

/** Check-ins 14 days to two days short of the interval apart from `from` on, so no reminder falls due, up to `age`. */
function steadyCheckins(rng: Rng, l: Limits, age: number, from = 0): number[] {
  const step = () => rng.int(Math.min(14, l.checkin_interval_days - 2), l.checkin_interval_days - 2);
  const out: number[] = [];
  for (let d = from + step(); d < age; d += step()) out.push(d);
  return out;
}

/** Days from `months` before today to today. */
const termDays = (today: string, months: number) => daysBetween(plusMonths(today, -months), today);

function quietShape(kind: keyof typeof QUIET_MIX, rng: Rng, l: Limits, today: string): Shape {
  const alternates = rng.int(0, 2);
  const saveNotice = l.save_for_later_days - l.save_notice_days;
  const interval = l.checkin_interval_days;
  switch (kind) {
    case 'pending, before the reminder':
      return { kind: 'pending', age: rng.int(1, l.request_reminder_days - 1), alternates };
    case 'pending, reminded':
      return { kind: 'pending', age: rng.int(l.request_reminder_days + 1, l.request_last_notice_days - 1), alternates };
    case 'pending, last notice sent':
      return { kind: 'pending', age: rng.int(l.request_last_notice_days + 1, l.request_expiry_days - 1), alternates };
    case 'saved, before its notice':
      return { kind: 'saved', age: rng.int(1, saveNotice - 1), waited: rng.int(1, l.request_reminder_days - 1) };
    case 'saved, notice sent':
      return { kind: 'saved', age: rng.int(saveNotice + 1, l.save_for_later_days - 1), waited: rng.int(1, l.request_reminder_days - 1) };
    case 'invalid, before it closes':
      return { kind: 'invalid', age: rng.int(1, l.invalid_close_days - 1) };
    case 'active, checking in': {
      const months = rng.pick([3, 6, 6, 9, 12]);
      const age = rng.int(1, termDays(today, months) - 1);
      return { kind: 'active', age, months, checkins: steadyCheckins(rng, l, age) };
    }
    case 'active, notice given (/end)': {
      // Notice given by the mentee less than notice_days ago, well inside the term; they still check in.
      const months = rng.pick([6, 9, 12]);
      const given = rng.int(1, l.notice_days - 1);
      const age = rng.int(given + 20, termDays(today, months) - l.notice_days - 10);
      return { kind: 'active', age, months, checkins: steadyCheckins(rng, l, age), endGiven: age - given };
    }
    case 'active, reminded to check in': {
      // The last check-in between one and two intervals ago: the first reminder went out, the second is not due.
      const months = rng.pick([6, 9, 12]);
      const quiet = rng.int(interval + 1, 2 * interval - 1);
      const age = rng.int(quiet + 1, termDays(today, months) - 1);
      const checkins = [...steadyCheckins(rng, l, age - quiet - 14), age - quiet];
      return { kind: 'active', age, months, checkins: [...new Set(checkins)].filter((d) => d > 0) };
    }
  }
}

function dueShape(kind: keyof typeof DUE_MIX, rng: Rng, l: Limits, today: string, i: number): Shape {
  const interval = l.checkin_interval_days;
  switch (kind) {
    case 'pending, reminder due':
      return { kind: 'pending', age: l.request_reminder_days, alternates: rng.int(0, 2) };
    case 'pending, last notice due':
      return { kind: 'pending', age: l.request_last_notice_days, alternates: rng.int(0, 2) };
    case 'pending, expires':
      // Half of them name an alternate, who takes over if they have a free slot.
      return { kind: 'pending', age: l.request_expiry_days, alternates: i % 2 };
    case 'saved, notice due':
      return { kind: 'saved', age: l.save_for_later_days - l.save_notice_days, waited: rng.int(1, l.request_reminder_days - 1) };
    case 'saved, expires':
      return { kind: 'saved', age: l.save_for_later_days, waited: rng.int(1, l.request_reminder_days - 1) };
    case 'invalid, closes':
      return { kind: 'invalid', age: l.invalid_close_days };
    case 'active, check-in reminder due': {
      const age = rng.int(2 * interval + 1, 4 * interval);
      return { kind: 'active', age, months: 6, checkins: [...steadyCheckins(rng, l, age - interval - 14), age - interval] };
    }
    case 'active, notice ends today': {
      // The mentee's /end notice_days ago, well before the term's end.
      const age = rng.int(l.notice_days + 20, l.notice_days + 90);
      return { kind: 'active', age, months: 12, checkins: steadyCheckins(rng, l, age), endGiven: age - l.notice_days };
    }
    case 'active, term ends today': {
      const months = rng.pick([3, 6]);
      const age = termDays(today, months);
      return { kind: 'active', age, months, termEnds: true, checkins: steadyCheckins(rng, l, age) };
    }
  }
}

const quietMixes = new Map<string, Array<{ shape: Shape; group: string }>>();

/**
 * N requests, `due` of them with something due today, spread over the list's pages. The requests that are not
 * due are the same, at the same places, whatever `due` is: a 10 %-due repository is the nothing-due one with
 * one request in ten replaced, and the shapes it keeps are the same objects (so `Replays` can reuse them).
 * Same seed, same requests.
 */
export function mixShapes(program: Program, n: number, due: number, today: string, seed = 'sweep-mix'): Array<{ shape: Shape; group: string }> {
  const l = program.limits;
  const shuffle = <T>(rng: Rng, list: T[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const memo = `${seed}:${n}:${today}:${JSON.stringify(l)}`;
  let base = quietMixes.get(memo);
  if (!base) {
    const quiet = new Rng(`${seed}:${n}:quiet`);
    base = [];
    for (const [kind, count] of Object.entries(split(n, QUIET_MIX)) as [keyof typeof QUIET_MIX, number][]) {
      for (let i = 0; i < count; i++) base.push({ shape: quietShape(kind, quiet, l, today), group: kind });
    }
    shuffle(quiet, base);
    quietMixes.set(memo, base);
  }
  const out = [...base];
  const rng = new Rng(`${seed}:${n}:due`);
  const places = shuffle(rng, out.map((_, i) => i)).slice(0, due);
  let k = 0;
  for (const [kind, count] of Object.entries(split(due, DUE_MIX)) as [keyof typeof DUE_MIX, number][]) {
    for (let i = 0; i < count; i++) out[places[k++]!] = { shape: dueShape(kind, rng, l, today, i), group: kind };
  }
  return out;
}

// ---- Running a sweep ----

/** The comment kind a due step posts (an expiry posts `expired`, or `handover` when an alternate takes over). */
export function noticeOf(step: Step): string[] {
  if (step === 'expire') return ['expired', 'handover'];
  if (step === 'close-invalid') return ['closed-invalid'];
  if (step === 'complete') return ['completed'];
  if (step === 'end') return ['ended'];
  if (step.startsWith('checkin-')) return ['checkin-reminder'];
  return [step];
}

export interface SweepResult {
  calls: number;
  /** Calls by `METHOD route`. */
  byRoute: Map<string, number>;
  /** Calls per issue number (the list calls are under 0). */
  byIssue: Map<number, number>;
  seconds: number;
  stdout: string;
}

/** Runs the bundled bot's daily sweep once at `now` and counts its calls. */
export async function sweepOnce(gh: Emulator, world: World, now: Date): Promise<SweepResult> {
  gh.resetCalls();
  const started = performance.now();
  const r = await runAction({
    apiUrl: gh.url,
    token: gh.botToken,
    repository: world.program.repository,
    workspace: world.root,
    event: { name: 'schedule', payload: { schedule: '23 5 * * *' } },
    extraEnv: { MENTORKIT_NOW: now.toISOString() },
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.code !== 0) throw new Error(`the sweep failed:\n${r.stdout.slice(-2000)}${r.stderr.slice(-2000)}`);
  const byRoute = new Map<string, number>();
  const byIssue = new Map<number, number>();
  for (const c of gh.calls) {
    const k = `${c.method} ${c.route ?? c.path.split('?')[0]}`;
    byRoute.set(k, (byRoute.get(k) ?? 0) + 1);
    const comment = /\/issues\/comments\/(\d+)/.exec(c.path)?.[1];
    const n = comment ? (gh.store.comment(Number(comment))?.issue_number ?? 0) : Number(/\/issues\/(\d+)/.exec(c.path)?.[1] ?? 0);
    byIssue.set(n, (byIssue.get(n) ?? 0) + 1);
  }
  return { calls: gh.calls.length, byRoute, byIssue, seconds, stdout: r.stdout };
}

/**
 * What today's sweep posted, checked against what was due: every due request exactly one new bot comment of
 * its step's kind, every other request none. Returns the mismatches (empty when all is well).
 */
export function checkNotices(gh: Emulator, seeded: readonly Seeded[], since: string): string[] {
  const posted = new Map<number, string[]>();
  for (const c of gh.store.comments) {
    if (c.user !== BOT_LOGIN || c.created_at < since) continue;
    const kind = /<!-- mentorkit:([a-z-]+):/.exec(c.body)?.[1] ?? '?';
    posted.set(c.issue_number, [...(posted.get(c.issue_number) ?? []), kind]);
  }
  const wrong: string[] = [];
  for (const s of seeded) {
    const got = posted.get(s.number) ?? [];
    const want = s.due ? noticeOf(s.due) : [];
    if (s.due ? got.length !== 1 || !want.includes(got[0]!) : got.length > 0) {
      wrong.push(`#${s.number} (${s.status}, due: ${s.due ?? 'nothing'}): posted ${got.join(', ') || 'nothing'}`);
    }
  }
  return wrong;
}

export interface SweepCase {
  n: number;
  due: number;
  /** Due requests by step. */
  steps: Map<string, number>;
  /** Calls per due request, by step (the requests' own calls, without the list). */
  costByStep: Map<string, { requests: number; calls: number }>;
  result: SweepResult;
  wrong: string[];
  seedSeconds: number;
  /** Seeded requests by group of the mix (QUIET_MIX, DUE_MIX). */
  groups: Map<string, number>;
}

/** The sweep's day in the benchmark: any date works; this one lets terms of 3 and 6 months end on it. */
export const BENCH_TODAY = '2027-06-15';

/** Seeds N requests (`dueShare` of them due) into a fresh emulator, runs one sweep, and counts. */
export async function measureSweepCase(world: World, n: number, dueShare: number, opts: { today?: string; replays?: Replays } = {}): Promise<SweepCase> {
  const today = opts.today ?? BENCH_TODAY;
  const now = new Date(`${today}T${SWEEP_TIME}Z`);
  const [owner, repo] = world.program.repository.split('/') as [string, string];
  const gh = await startEmulator({ owner, repo, now: () => now, labels: programLabels(world) });
  try {
    const t0 = performance.now();
    const due = Math.round(n * dueShare);
    const mix = mixShapes(world.program, n, due, today);
    const groups = new Map<string, number>();
    for (const m of mix) groups.set(m.group, (groups.get(m.group) ?? 0) + 1);
    const seeded = seedRequests(gh, world, today, mix.map((m) => m.shape), opts.replays ? { replays: opts.replays } : {});
    const seedSeconds = (performance.now() - t0) / 1000;
    const steps = new Map<string, number>();
    for (const s of seeded) if (s.due) steps.set(s.due.replace(/^checkin-\d+$/, 'checkin'), (steps.get(s.due.replace(/^checkin-\d+$/, 'checkin')) ?? 0) + 1);
    const found = [...steps.values()].reduce((a, b) => a + b, 0);
    if (found !== due) throw new Error(`seeded ${found} due requests where ${due} were meant to be`);
    const result = await sweepOnce(gh, world, now);
    const costByStep = new Map<string, { requests: number; calls: number }>();
    for (const s of seeded) {
      if (!s.due) continue;
      const k = s.due.replace(/^checkin-\d+$/, 'checkin');
      const c = costByStep.get(k) ?? { requests: 0, calls: 0 };
      c.requests++;
      c.calls += result.byIssue.get(s.number) ?? 0;
      costByStep.set(k, c);
    }
    if (gh.violations.length) throw new Error(`calls that do not match the API description: ${gh.violations.slice(0, 3).map((v) => v.message).join('; ')}`);
    return { n, due, steps, costByStep, result, wrong: checkNotices(gh, seeded, now.toISOString().replace(/\.\d{3}Z$/, 'Z')), seedSeconds, groups };
  } finally {
    await gh.close();
  }
}

/** The issue's budget for a sweep with nothing due: the list pages, plus two. */
export const sweepBudget = (n: number) => Math.ceil(n / 100) + 2;

// ---- Rows for npm run bench ----

/** The comparison from the issue: actions/stale on 1,000 open issues, 100 of them waiting. */
export const STALE_COMPARISON = { calls: 215, open: 1000, waiting: 100 } as const;

const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const int = fmt.int;

/**
 * GitHub's pacing as the bot applies it outside the emulator (src/github/client.ts): writes at least 1 s apart,
 * writes that notify (new comments) 3 s apart. A lower bound on a real sweep's time, ignoring latency.
 */
export function pacedSeconds(byRoute: Map<string, number>): number {
  let writes = 0;
  let notifying = 0;
  for (const [k, v] of byRoute) {
    if (k.startsWith('GET ')) continue;
    writes += v;
    if (k === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments') notifying += v;
  }
  return Math.max(writes * 1, notifying * 3);
}

/**
 * The benchmark's sweep rows: for each size, one sweep with nothing due (against the budget ⌈N/100⌉ + 2) and
 * one with 10 % due; the wall time of both at the largest size; the breakdown and the comparison as notes.
 */
export async function measureSweepRows(
  sizes: readonly number[],
  note: (heading: string, ...lines: string[]) => void,
  progress: (line: string) => void = () => {},
): Promise<Row[]> {
  const world = loadWorld();
  const rows: Row[] = [];
  const cases: SweepCase[] = [];
  const heading = 'Daily sweep (bundled bot against the emulator, one run per case; docs/performance.md)';
  for (const n of sizes) {
    const replays: Replays = new Map();
    for (const share of [0, 0.1]) {
      const what = share ? '10 % due' : 'nothing due';
      progress(`sweep N=${int(n)}, ${what}: seeding ${int(n)} requests and running the sweep`);
      const c = await measureSweepCase(world, n, share, { replays });
      cases.push(c);
      const list = c.result.byRoute.get('GET /repos/{owner}/{repo}/issues') ?? 0;
      const routes = byCount(c.result.byRoute).map(([k, v]) => `${v} ${k}`).join(', ');
      progress(`sweep N=${int(n)}, ${what}: ${c.result.calls} calls in ${c.result.seconds.toFixed(1)} s (seeded in ${c.seedSeconds.toFixed(1)} s)`);
      if (!share) {
        const budget = sweepBudget(n);
        rows.push({
          metric: 'API calls per daily sweep, nothing due',
          n,
          measured: `${int(c.result.calls)} (${int(list)} list page${list === 1 ? '' : 's'})`,
          target: `≤ ${int(budget)} (⌈N/100⌉ + 2)`,
          status: c.wrong.length ? 'FAIL' : atMost(c.result.calls, budget),
        });
        note(heading, `N=${int(n)}, nothing due: ${routes}`);
      } else {
        const per = (c.result.calls - list) / Math.max(1, c.due);
        rows.push({
          metric: 'API calls per daily sweep, 10 % due',
          n,
          measured: c.wrong.length
            ? `${int(c.result.calls)}; ${c.wrong.length} of ${c.due} due requests got the wrong notices`
            : `${int(c.result.calls)} (${int(list)} list + ${int(c.result.calls - list)} for ${int(c.due)} due: ${per.toFixed(2)} each)`,
          status: c.wrong.length ? 'FAIL' : 'INFO',
        });
        const steps = [...c.costByStep].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => `${k} ${v.requests} × ${(v.calls / v.requests).toFixed(v.calls % v.requests ? 1 : 0)}`);
        note(heading, `N=${int(n)}, ${int(c.due)} due: ${routes}`, `  due by step (requests × calls each): ${steps.join(', ')}`);
      }
      for (const w of c.wrong.slice(0, 10)) note(heading, `  wrong notice: ${w}`);
    }
  }
  const largest = Math.max(...sizes);
  for (const c of cases.filter((x) => x.n === largest)) {
    rows.push({
      metric: `Daily sweep wall time, ${c.due ? '10 % due' : 'nothing due'}`,
      n: c.n,
      measured: `${c.result.seconds.toFixed(1)} s (${int(c.result.calls)} calls${c.due ? `; on GitHub its pacing alone: ≥ ${int(pacedSeconds(c.result.byRoute))} s` : ''})`,
      status: 'INFO',
    });
  }
  const at1k = cases.find((c) => c.n === 1000 && c.due);
  const quiet1k = cases.find((c) => c.n === 1000 && !c.due);
  if (at1k) {
    note(
      'Daily sweep at N=1,000 with 10 % due: calls by method and route',
      ...byCount(at1k.result.byRoute).map(([k, v]) => `${String(v).padStart(5)}  ${k}`),
      `${String(at1k.result.calls).padStart(5)}  in all`,
    );
  }
  const mixOf = (c: SweepCase) => byCount(c.groups).map(([g, k]) => `${g}: ${int(k)}`).join('; ');
  if (quiet1k) note(heading, `mix at N=1,000, nothing due: ${mixOf(quiet1k)}`);
  if (at1k) note(heading, `mix at N=1,000, 10 % due: ${mixOf(at1k)}`);
  const pending = (c: SweepCase) => [...c.groups].filter(([g]) => g.startsWith('pending')).reduce((a, [, k]) => a + k, 0);
  note(
    'Daily sweep compared (the issue’s figure)',
    `actions/stale: ${STALE_COMPARISON.calls} calls on ${int(STALE_COMPARISON.open)} open issues of which ${STALE_COMPARISON.waiting} were waiting. ` +
      `mentorkit's budget there: ${sweepBudget(STALE_COMPARISON.open)} (⌈N/100⌉ + 2) when nothing is due` +
      (quiet1k ? `; measured: ${quiet1k.result.calls} calls over 1,000 open requests, ${int(pending(quiet1k))} of them waiting for their mentor, none due` : '') +
      (at1k ? `; ${at1k.result.calls} when ${at1k.due} have a step due today (${((at1k.result.calls - (at1k.result.byRoute.get('GET /repos/{owner}/{repo}/issues') ?? 0)) / at1k.due).toFixed(2)} each: read the thread, post the one notice, write labels and clock in one PATCH; a closing partnership also edits its card)` : '') +
      '.',
    "Wall times are the bot's run from start to exit against the in-process emulator (about 15–25 ms a call, most of it in octokit's retry and throttling queues); " +
      'on GitHub the bot spaces writes 1 s apart and new comments 3 s apart, the lower bound given with the 10 % due row.',
  );
  return rows;
}
