import { resolve } from 'node:path';

/**
 * The folder that holds program.yml and content/. The repository itself by
 * default; the benchmark and tests point MENTORKIT_ROOT at generated content.
 */
export function contentRoot(): string {
  return resolve(process.env.MENTORKIT_ROOT ?? process.cwd());
}
