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
  dryRun: boolean;
  /** The account the token acts as; only its marked comments count as the bot's records. */
  botLogin: string;
  now: Date;
  log: (line: string) => void;
}
