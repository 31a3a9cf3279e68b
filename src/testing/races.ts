import { startEmulator, type StateSnapshot } from './emulator/index.ts';
import { readClock } from '../core/clock.ts';
import type { EmulatorEvent } from './emulator/types.ts';
import { runAction } from './run-action.ts';
import { requestBody } from './request-body.ts';
import { Rng } from './random.ts';
import { loadContent } from '../files/content.ts';
import { labelSpec, mentorLabel, STATUSES, statusLabel } from '../core/labels.ts';
import { readMarker } from '../core/decision.ts';
import { isAvailable } from '../core/requests.ts';
import { issueMentee } from '../core/cohort-issues.ts';
import type { Program } from '../core/program.ts';
import type { Profile } from '../core/profile.ts';

/**
 * Randomised interleavings of concurrent acceptances. Each round files a few pending requests built to
 * conflict (several mentees asking one mentor, one mentee asking several mentors, or both), has mentors and
 * maintainers accept them by comment or by label at once, and runs one bundled-bot process per event
 * concurrently against the emulator, whose responses are delayed at random so the processes' requests
 * interleave differently every round. After every round the invariants are checked on the emulator's state.
 */

export interface RaceOptions {
  rounds: number;
  workspace: string;
  seed?: string;
  /** Upper bound of the random delay before each API request, in ms. */
  maxLatencyMs?: number;
  onRound?: (round: number, result: RoundResult) => void;
}

export interface RoundResult {
  shape: Shape;
  runs: number;
  accepted: number;
  rolledBack: number;
  broken: string[];
}

export interface RaceReport {
  rounds: number;
  runs: number;
  /** Acceptances that stood, and the ones that undid themselves because another one was first. */
  accepted: number;
  rolledBack: number;
  /** Rounds in which at least one acceptance rolled back: the races the scheme actually had to settle. */
  contested: number;
  broken: string[];
}

type Shape = 'one mentor, several mentees' | 'one mentee, several mentors' | 'crossed';

const BOT = 'github-actions[bot]';

/** The three invariants of issue 5, plus: what the bot announced as accepted is active. */
export function brokenInvariants(state: StateSnapshot, program: Program, mentors: ReadonlyMap<string, Profile>, round?: readonly number[]): string[] {
  const broken: string[] = [];
  const perMentor = new Map<string, number[]>();
  const perMentee = new Map<string, number[]>();
  for (const issue of state.issues) {
    const names = issue.labels.map((l) => l.name);
    const statuses = names.filter((n) => n.startsWith('status:'));
    if (statuses.length > 1) broken.push(`#${issue.number} has ${statuses.length} status labels: ${statuses.join(', ')}`);
    // The clock at the end of the body is written with the labels, so it always belongs to the status shown.
    const clock = readClock(issue.body);
    if (issue.state === 'open' && (!round || round.includes(issue.number)) && statuses.length === 1 && clock && statusLabel(clock.status) !== statuses[0]) {
      broken.push(`#${issue.number} is ${statuses[0]} but the clock in its body says ${clock.status}`);
    }
    const announced = issue.comments.some((c) => c.user.login === BOT && readMarker(c.body)?.kind === 'accepted');
    // Earlier rounds' partnerships were ended by closing them; only this round's announcements are checked.
    if (announced && (!round || round.includes(issue.number)) && !(issue.state === 'open' && statuses.includes('status:active'))) {
      broken.push(`#${issue.number} was announced as accepted but is ${issue.state} with ${statuses.join(', ') || 'no status'}`);
    }
    if (issue.state !== 'open' || !statuses.includes('status:active')) continue;
    const mentor = names.find((n) => n.startsWith('mentor:'))?.slice(7) ?? '?';
    perMentor.set(mentor, [...(perMentor.get(mentor) ?? []), issue.number]);
    // A cohort partnership is opened by the bot: its mentee is the one its marker names.
    const mentee = issueMentee(issue.user.login, issue.body, BOT);
    perMentee.set(mentee, [...(perMentee.get(mentee) ?? []), issue.number]);
  }
  for (const [m, ns] of perMentor) {
    const cap = mentors.get(m)?.availability.capacity ?? 0;
    if (ns.length > cap) broken.push(`@${m} has ${ns.length} active partnerships (${ns.map((n) => `#${n}`).join(', ')}), capacity ${cap}`);
  }
  for (const [e, ns] of perMentee) {
    if (ns.length > program.limits.max_active_partnerships) {
      broken.push(`@${e} has ${ns.length} active partnerships (${ns.map((n) => `#${n}`).join(', ')}), limit ${program.limits.max_active_partnerships}`);
    }
  }
  return broken;
}

export async function runRaces(o: RaceOptions): Promise<RaceReport> {
  const content = loadContent(o.workspace);
  if (!content.program) throw new Error('program.yml in the race workspace is invalid');
  const program = content.program;
  const mentors = new Map(content.mentors.map((m) => [m.github.toLowerCase(), m]));
  const today = new Date().toISOString().slice(0, 10);
  const pool = [...mentors.values()].filter((m) => isAvailable(m, today) && m.availability.capacity <= 2 && m.terms.includes(program.terms[0]!));
  if (pool.length < 3) throw new Error('the race workspace needs at least three open mentors with capacity 1 or 2');
  const [owner, repo] = program.repository.split('/') as [string, string];
  const chair = program.maintainers[0]!;
  const labels = [labelSpec('request'), ...STATUSES.map((s) => labelSpec(statusLabel(s))), ...pool.map((m) => labelSpec(mentorLabel(m.github)))];
  const gh = await startEmulator({ owner, repo, collaborators: { [chair]: 'admin' }, labels });
  const rng = new Rng(o.seed ?? 'races');
  const maxLatency = o.maxLatencyMs ?? 25;
  const report: RaceReport = { rounds: 0, runs: 0, accepted: 0, rolledBack: 0, contested: 0, broken: [] };

  try {
    for (let round = 1; round <= o.rounds; round++) {
      const shape = rng.pick<Shape>(['one mentor, several mentees', 'one mentee, several mentors', 'crossed']);
      const chosen = rng.sample(pool, 3);
      const pairs: [string, Profile][] = [];
      const mentee = (k: number) => `mentee-${round}-${k}`;
      if (shape === 'one mentor, several mentees') {
        const m = chosen[0]!;
        for (let k = 0; k <= m.availability.capacity; k++) pairs.push([mentee(k), m]);
      } else if (shape === 'one mentee, several mentors') {
        for (const m of chosen.slice(0, program.limits.max_open_requests)) pairs.push([mentee(0), m]);
      } else {
        // One mentee asks two mentors while a second mentee asks the first of them: both limits at stake at once.
        pairs.push([mentee(0), chosen[0]!], [mentee(0), chosen[1]!], [mentee(1), chosen[0]!]);
      }

      const events: EmulatorEvent[] = [];
      const numbers: number[] = [];
      for (const [login, m] of pairs) {
        const opened = await gh.as(login).openIssue({
          title: 'Mentorship request',
          body: requestBody(program, { mentor: m.github, term: program.terms[0]! }),
          labels: ['request', mentorLabel(m.github), statusLabel('pending')],
        });
        const n = (opened.payload.issue as { number: number }).number;
        numbers.push(n);
        const how = rng.int(0, 2);
        if (how === 0) events.push(await gh.as(m.github).comment(n, 'Happy to!\n/accept'));
        else if (how === 1) events.push(await gh.as(chair).comment(n, `/accept`));
        else events.push(await gh.as(chair).addLabels(n, [statusLabel('active')]));
      }

      gh.setLatency(() => rng.int(0, maxLatency));
      const runs = await Promise.all(
        events.map((e) => runAction({ apiUrl: gh.url, token: gh.botToken, repository: program.repository, workspace: o.workspace, event: { name: e.name, payload: e.payload } })),
      );
      gh.setLatency(undefined);

      const state = gh.state;
      const broken = brokenInvariants(state, program, mentors, numbers);
      runs.forEach((r, i) => {
        if (r.code !== 0) broken.push(`round ${round}: the run for #${numbers[i]} exited ${r.code}: ${(r.stdout + r.stderr).trim().split('\n').slice(-3).join(' | ')}`);
      });
      const issues = state.issues.filter((i) => numbers.includes(i.number));
      const accepted = issues.filter((i) => i.comments.some((c) => c.user.login === BOT && readMarker(c.body)?.kind === 'accepted')).length;
      const rolledBack = issues.filter((i) => i.comments.some((c) => c.user.login === BOT && readMarker(c.body)?.kind === 'rolled-back')).length;
      const result: RoundResult = { shape, runs: runs.length, accepted, rolledBack, broken: broken.map((b) => `round ${round} (${shape}): ${b}`) };
      report.rounds++;
      report.runs += runs.length;
      report.accepted += accepted;
      report.rolledBack += rolledBack;
      if (rolledBack) report.contested++;
      report.broken.push(...result.broken);
      o.onRound?.(round, result);

      // Free the slots for the next round: the partnerships of this one end.
      for (const i of issues) if (i.state === 'open') await gh.as(chair).closeIssue(i.number, 'completed');
    }
  } finally {
    await gh.close();
  }
  return report;
}
