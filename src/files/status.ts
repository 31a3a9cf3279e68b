import { existsSync, readFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { statusFileSchema, type StatusFile } from '../core/status.ts';

/**
 * Reads `data/status.json`, the snapshot `npm run sync` writes (see docs/status.md). The site and `npm run export`
 * use it; a missing or broken file is never an exception: the caller gets a one-line reason instead, naming the
 * file and, for a schema problem, the field.
 */

export const STATUS_FILE = 'data/status.json';

export type LoadedStatus =
  | { status: StatusFile; file: string }
  | {
      status: undefined;
      file: string;
      /** `missing`: no file (nothing synced yet); `invalid`: unreadable JSON or a field the schema rejects. */
      problem: 'missing' | 'invalid';
      /** One line, e.g. `data/status.json: mentors.ada.slotsFree: must be ≥ 0`. */
      reason: string;
    };

/**
 * `file` defaults to `data/status.json` under `root`; a relative `file` is taken from `root`. Reasons name the file
 * as given relative to `root` when it lies inside it.
 */
export function loadStatus(root: string, file: string = STATUS_FILE): LoadedStatus {
  const path = isAbsolute(file) ? file : join(root, file);
  const shown = shownPath(root, path);
  if (!existsSync(path)) {
    return { status: undefined, file: shown, problem: 'missing', reason: `${shown} not found` };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { status: undefined, file: shown, problem: 'invalid', reason: `${shown}: not valid JSON (${(e as Error).message})` };
  }
  const parsed = statusFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.map(String).join('.') : '(file)';
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    return { status: undefined, file: shown, problem: 'invalid', reason: `${shown}: ${field}: ${issue.message}${more}` };
  }
  return { status: parsed.data, file: shown };
}

/** The line the build prints about the snapshot: what the site will show, and what to do if it shows less. */
export function statusBuildLine(loaded: LoadedStatus): string {
  if (loaded.status) {
    const s = loaded.status;
    return `[mentorkit] ${loaded.file}: ${Object.keys(s.mentors).length} mentors, ${s.requests.length} requests, synced ${s.generated}`;
  }
  if (loaded.problem === 'missing') {
    return `[mentorkit] ${loaded.reason}: the directory shows profiles only (run npm run sync)`;
  }
  return `[mentorkit] ${loaded.reason}: the directory shows profiles only (run npm run sync to write it again)`;
}

function shownPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}
