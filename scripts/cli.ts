import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Shared by the command-line scripts: how they print, parse flags and check a repository name. */

export interface Io {
  out: (text: string) => void;
  err: (line: string) => void;
}

export const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parse flags strictly. A mistake prints `<name>: <what is wrong>` and the usage; `--help` prints the usage.
 * Either way the caller gets the exit code to return (2 for a mistake, 0 for help) instead of values.
 */
export function parseFlags<T>(name: string, argv: string[], options: Options, usage: string, io: Io): { values: T } | { exit: number } {
  let values: T & { help?: boolean; repo?: string };
  try {
    values = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values as T & { help?: boolean; repo?: string };
  } catch (e) {
    // Node's hint about positionals ("To specify a positional argument …") is noise here: the scripts take none.
    io.err(`${name}: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}\n\n${usage}`);
    return { exit: 2 };
  }
  if (values.help) {
    io.out(usage);
    return { exit: 0 };
  }
  if (typeof values.repo === 'string' && !REPO.test(values.repo)) {
    io.err(`${name}: --repo "${values.repo}" is not a repository; write it as owner/name, e.g. --repo my-org/mentoring\n\n${usage}`);
    return { exit: 2 };
  }
  return { values };
}
