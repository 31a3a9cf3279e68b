import fc from 'fast-check';
import { createClient } from '../github/client.ts';
import { dispatch } from '../bot/dispatch.ts';
import { ReportedFailure } from '../bot/context.ts';
import { startEmulator, BOT_LOGIN, type Emulator, type EmulatorEvent } from './emulator/index.ts';
import { labelSpec, mentorLabel, programLabels, STATUSES, statusLabel } from '../core/labels.ts';
import { readMarker } from '../core/decision.ts';
import { parseCommands } from '../core/command-parser.ts';
import { requestBody } from './request-body.ts';
import { brokenInvariants } from './races.ts';
import { isAvailable } from '../core/requests.ts';
import { FUZZ_RUNS_ENV, fuzzRuns, text, type FuzzWorld } from './fuzz.ts';

/**
 * The bot's handlers fuzzed through the emulator (issue 9): a request is filed, then people comment random
 * text and commands and set random labels; after every event the bot's dispatch runs in this process (the
 * same code the bundle runs, without a process per event: a bundled run costs about half a second) against
 * the emulator, which checks every request and response against GitHub's OpenAPI description. After a run:
 * no handler threw, no OpenAPI violation, the invariants of src/testing/races.ts hold, and the bot wrote only
 * its own labels and marked comments and touched no one else's comment (but the `/report` it removes).
 */

/** Cases for the bot target: MENTORKIT_FUZZ_BOT_RUNS, else 30 (each starts an emulator: about 0.2 s). */
export const BOT_FUZZ_RUNS_ENV = 'MENTORKIT_FUZZ_BOT_RUNS';
export const botFuzzRuns = (env: NodeJS.ProcessEnv = process.env) => fuzzRuns({ [FUZZ_RUNS_ENV]: env[BOT_FUZZ_RUNS_ENV] }, 30, BOT_FUZZ_RUNS_ENV);

const CHAIR = 'program-chair';
const MENTEE = 'fuzz-mentee';
const STRANGER = 'passer-by';

type Step =
  | { kind: 'comment'; who: number; body: string }
  | { kind: 'label'; who: number; label: string }
  | { kind: 'unlabel'; who: number; label: string }
  | { kind: 'edit'; body: string }
  | { kind: 'close' }
  | { kind: 'reopen' };

export interface BotCase {
  mentor: number;
  body: string;
  steps: Step[];
}

const COMMAND_WORDS = ['accept', 'decline', 'later', 'withdraw', 'reassign', 'reopen', 'agree', 'goal', 'done', 'checkin', 'end', 'complete', 'extend', 'suggest', 'help', 'report', 'pause', 'unpause', 'Accept', 'ACCEPT', 'unknown'];

/** A comment: some lines of text, some commands with random arguments, sometimes quoted or fenced. */
const commentBody: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { arbitrary: fc.tuple(fc.constantFrom(...COMMAND_WORDS), fc.oneof(fc.constantFrom('', ' no time', ' @amara-okafor', ' 2', ' 1', ' Goal one', ' @program-chair spam'), text(30))).map(([c, a]) => `/${c}${a}`), weight: 4 },
      { arbitrary: fc.constantFrom('> /accept', '```\n/accept\n```', 'Thanks!', '<!-- mentorkit:accepted:1 -->', '    /decline'), weight: 1 },
      { arbitrary: text(80), weight: 1 },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((lines) => lines.join('\n'));

export function botCaseArbitrary(w: FuzzWorld): fc.Arbitrary<BotCase> {
  // Any status label, a mentor label or another label set by hand: the two that stand for commands are checked like
  // them, the others are reverted (docs/security.md, label tampering). A person may take any label off.
  const any = [...STATUSES.map(statusLabel), 'request', 'bug', `mentor:${[...w.mentors.keys()][0]}`];
  const labels = any;
  return fc.record({
    mentor: fc.nat(),
    body: fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: text(200), weight: 1 }),
    steps: fc.array(
      fc.oneof(
        { arbitrary: fc.record({ kind: fc.constant('comment' as const), who: fc.nat(3), body: commentBody }), weight: 6 },
        { arbitrary: fc.record({ kind: fc.constant('label' as const), who: fc.nat(3), label: fc.constantFrom(...labels) }), weight: 2 },
        { arbitrary: fc.record({ kind: fc.constant('unlabel' as const), who: fc.nat(3), label: fc.constantFrom(...any) }), weight: 1 },
        { arbitrary: fc.record({ kind: fc.constant('edit' as const), body: text(200) }), weight: 1 },
        { arbitrary: fc.constant({ kind: 'close' as const }), weight: 1 },
        { arbitrary: fc.constant({ kind: 'reopen' as const }), weight: 1 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  });
}

export interface BotRun {
  events: number;
  /** Properties broken, in words; empty when all hold. */
  broken: string[];
  log: string[];
  /** The request at the end: its labels and the kinds of the bot's comments, oldest first. */
  labels: string[];
  botComments: string[];
}

/** One case against a fresh emulator: file the request, then each step, running the bot after each event. */
export async function runBotCase(w: FuzzWorld, workspace: string, c: BotCase): Promise<BotRun> {
  const { program } = w;
  const [owner, repo] = program.repository.split('/') as [string, string];
  const today = new Date().toISOString().slice(0, 10);
  const open = [...w.mentors.values()].filter((m) => isAvailable(m, today) && m.terms.includes(program.terms[0]!));
  const mentor = open[c.mentor % open.length]!.github;
  const people = [mentor, MENTEE, CHAIR, STRANGER];
  const gh: Emulator = await startEmulator({
    owner,
    repo,
    collaborators: { [CHAIR]: 'admin' },
    labels: [labelSpec('request'), ...STATUSES.map((s) => labelSpec(statusLabel(s))), labelSpec(mentorLabel(mentor))],
  });
  const log: string[] = [];
  const broken: string[] = [];
  const client = createClient({ token: gh.botToken, baseUrl: gh.url, writePacingMs: 0, log: (l) => log.push(l) });
  const owned = new Set(programLabels(program, [...w.mentors.values()]).map((l) => l.name));
  const ownedLabel = (l: string) => owned.has(l) || l.startsWith('status:') || l.startsWith('mentor:');
  /** What people wrote, by comment id: the bot may not change it (it may delete a /report). */
  const written = new Map<number, string>();
  let events = 0;
  let final: Pick<BotRun, 'labels' | 'botComments'> = { labels: [], botComments: [] };

  const deliver = async (e: EmulatorEvent) => {
    events++;
    const payload = e.payload as Record<string, unknown>;
    const comment = payload.comment as { id?: number; body?: string } | undefined;
    if (e.name === 'issue_comment' && comment?.id !== undefined) written.set(comment.id, comment.body ?? '');
    try {
      await dispatch(
        { gh: client, repo: { owner, repo }, program, mentors: w.mentors, workspace, agreement: ['We meet once a month.'], dryRun: false, botLogin: BOT_LOGIN, now: new Date(), task: 'requests', log: (l) => log.push(l) },
        e.name,
        structuredClone(payload),
      );
    } catch (err) {
      // A ReportedFailure is the bot saying what it could not do, the way main prints it; anything else is a crash.
      if (!(err instanceof ReportedFailure)) broken.push(`${e.name}.${String(payload.action)}: threw ${(err as Error).stack ?? String(err)}`);
    }
  };

  try {
    const opened = await gh.as(MENTEE).openIssue({
      title: 'Mentorship request',
      body: c.body || requestBody(program, { mentor, term: program.terms[0]! }),
      labels: ['request'],
    });
    const number = (opened.payload.issue as { number: number }).number;
    await deliver(opened);
    for (const s of c.steps) {
      const actor = gh.as(s.kind === 'comment' || s.kind === 'label' || s.kind === 'unlabel' ? people[s.who % people.length]! : MENTEE);
      const current = gh.state.issues.find((i) => i.number === number)!;
      try {
        if (s.kind === 'comment') await deliver(await actor.comment(number, s.body));
        else if (s.kind === 'label') await deliver(await actor.addLabels(number, [s.label]));
        else if (s.kind === 'unlabel') {
          if (current.labels.some((l) => l.name === s.label)) await deliver(await actor.removeLabel(number, s.label));
        } else if (s.kind === 'edit') await deliver(await actor.editIssue(number, { body: s.body }));
        else if (s.kind === 'close') {
          if (current.state === 'open') await deliver(await gh.as(CHAIR).closeIssue(number, 'not_planned'));
        } else if (current.state === 'closed') await deliver(await gh.as(CHAIR).reopenIssue(number));
      } catch (err) {
        // A person's action GitHub refuses (a closed or locked issue) is not the bot's doing.
        log.push(`step ${s.kind} refused: ${(err as Error).message}`);
      }
    }

    const state = gh.state;
    // A person who closes a partnership or takes its label off by hand changes what the bot announced; that is theirs.
    const tampered = c.steps.some((s) => s.kind === 'close' || s.kind === 'unlabel');
    // An issue whose body is not the request form is left to the maintainers: a status:active set on it by hand has
    // no mentor (`@?`) and is theirs too.
    broken.push(
      ...brokenInvariants(state, program, w.mentors, [number]).filter(
        (b) =>
          !(tampered && /announced as accepted/.test(b)) &&
          // /complete and /end close an accepted partnership: the announcement was true when it was made.
          !/announced as accepted but is closed with status:(completed|ended)$/.test(b) &&
          !b.startsWith('@? '),
      ),
    );
    for (const issue of state.issues) {
      for (const e of issue.events) {
        if (e.actor.login !== BOT_LOGIN || !e.label) continue;
        if (!ownedLabel(e.label.name)) broken.push(`#${issue.number}: the bot ${e.event} “${e.label.name}”, which is not its label`);
      }
      for (const cm of issue.comments) {
        if (cm.user.login === BOT_LOGIN) {
          if (!/^<!-- mentorkit:[a-z-]+:[A-Za-z0-9._-]+ -->/.test(cm.body) || !readMarker(cm.body)) broken.push(`#${issue.number}: bot comment ${cm.id} does not begin with its marker: ${cm.body.slice(0, 80)}`);
        } else if (written.has(cm.id) && written.get(cm.id) !== cm.body) {
          broken.push(`#${issue.number}: comment ${cm.id} by @${cm.user.login} was changed`);
        }
      }
      const left = new Set(issue.comments.map((cm) => cm.id));
      for (const [id, body] of written) {
        if (issue.number === number && !left.has(id) && !parseCommands(body).some((p) => p.name === 'report')) broken.push(`#${issue.number}: comment ${id} (no /report in it) was deleted`);
      }
    }
    broken.push(...gh.violations.map((v) => `OpenAPI violation: ${JSON.stringify(v).slice(0, 300)}`));
    const mine = state.issues.find((i) => i.number === number)!;
    final = { labels: mine.labels.map((l) => l.name).sort(), botComments: mine.comments.filter((cm) => cm.user.login === BOT_LOGIN).map((cm) => readMarker(cm.body)?.kind ?? '?') };
  } finally {
    await gh.close();
  }
  return { events, broken, log, ...final };
}

export interface BotFuzzCount {
  cases: number;
  events: number;
  /** Cases that broke a property other than a crash. */
  failures: number;
  /** Cases in which a handler threw. */
  crashes: number;
  examples: string[];
}

/** `runs` generated cases, one after the other, counted (the bench's row). */
export async function countBotFuzz(w: FuzzWorld, workspace: string, runs: number, seed = 9, onCase?: (i: number) => void): Promise<BotFuzzCount> {
  const out: BotFuzzCount = { cases: 0, events: 0, failures: 0, crashes: 0, examples: [] };
  for (const c of fc.sample(botCaseArbitrary(w), { numRuns: runs, seed })) {
    const r = await runBotCase(w, workspace, c);
    out.cases++;
    out.events += r.events;
    if (r.broken.some((b) => b.includes(': threw '))) out.crashes++;
    else if (r.broken.length) out.failures++;
    if (r.broken.length && out.examples.length < 3) out.examples.push(`bot handlers: ${r.broken[0]!.slice(0, 300)} (case ${fc.stringify(c).slice(0, 200)})`);
    onCase?.(out.cases);
  }
  return out;
}
