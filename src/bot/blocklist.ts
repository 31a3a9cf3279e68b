import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBlocklist, EMPTY_BLOCKLIST, type Blocklist } from '../core/abuse.ts';
import type { RunContext } from './context.ts';

/** The moderators' blocklist (program.yml `abuse.blocklist`) from the checked-out workspace; no file: nobody. */
export function readBlocklist(ctx: RunContext): Blocklist {
  const file = ctx.program.abuse.blocklist;
  const path = join(ctx.workspace, file);
  if (!existsSync(path)) return EMPTY_BLOCKLIST;
  const list = parseBlocklist(readFileSync(path, 'utf8'), file);
  // A broken entry is skipped, not fatal: the run goes on with the entries that parse, and says what to fix.
  for (const p of list.problems) ctx.log(`::warning::${p}`);
  return list;
}
