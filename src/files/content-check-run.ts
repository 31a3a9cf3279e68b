import { threadId } from 'node:worker_threads';
import { checkRepository } from './content.ts';
import { loadStatus, statusBuildLine } from './status.ts';
import type { ProfilesCheck } from './content-check.ts';

/**
 * The check itself, as the worker thread runs it (or this thread, where no worker can start): what npm run validate
 * does but the blocklist (the site does not publish it), plus the status file and its line. Only the verdict, the program
 * and the status file cross threads, not the mentors' data.
 */
export function checkProfiles(root: string): ProfilesCheck {
  const { program, mentors, diagnostics } = checkRepository(root);
  const status = loadStatus(root);
  return {
    diagnostics,
    profiles: mentors.length,
    ...(program ? { program } : {}),
    status: { line: statusBuildLine(status), ...(status.status ? { file: status.status } : {}) },
    threadId,
  };
}
