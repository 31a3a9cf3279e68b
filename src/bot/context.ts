import type { GitHub } from '../github/client.ts';
import type { Repo } from '../github/repo.ts';
import type { Program } from '../core/program.ts';
import type { Profile } from '../core/profile.ts';

/** Everything a handler needs for one run. */
export interface RunContext {
  gh: GitHub;
  repo: Repo;
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  workspace: string;
  /** The mentoring agreement's checklist items for partnership cards (program.yml, or agreement.mdx). */
  agreement: readonly string[];
  dryRun: boolean;
  /** The account the token acts as; only its marked comments count as the bot's records. */
  botLogin: string;
  /** The real clock, or MENTORKIT_NOW in tests. The core never reads a clock: handlers pass dates derived from this. */
  now: Date;
  /** The workflow this run belongs to: requests (issues: write) or freshness (also contents and pull requests). */
  task: 'requests' | 'freshness';
  log: (line: string) => void;
  /** A client for the private reports repository (program.yml safety.report), when its token secret is set. */
  reports?: GitHub;
}

/** The UTC date of the run's clock: the only way a date reaches the core. */
export const todayOf = (ctx: Pick<RunContext, 'now'>) => ctx.now.toISOString().slice(0, 10);

/**
 * A run that did what it could and reported what it could not (its message says where to look): main prints the
 * message and exits 1, so the run shows red, with no stack trace.
 */
export class ReportedFailure extends Error {}
