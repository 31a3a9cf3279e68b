import { readFileSync, readdirSync, existsSync, type Dirent } from 'node:fs';
import { join, basename, dirname, relative, resolve, sep } from 'node:path';
import { programPrivacy, validateBlocklist, validateContentFile, validateProgram, validateProfile } from '../core/validate.ts';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.ts';
import type { Program } from '../core/program.ts';
import type { Mentor } from '../core/profile.ts';

/** The file-system adapter: reads program.yml and the profiles of a repository checkout. */

export interface LoadedContent {
  program?: Program;
  mentors: Mentor[];
  diagnostics: Diagnostic[];
}

export const MENTORS_DIR = 'content/mentors';

export function loadProgram(root: string): { program?: Program; diagnostics: Diagnostic[] } {
  const path = join(root, 'program.yml');
  if (!existsSync(path)) {
    return { diagnostics: [{ file: 'program.yml', line: 1, field: '(file)', message: 'is missing; copy program.yml from the mentorkit template and edit it' }] };
  }
  return validateProgram('program.yml', readFileSync(path, 'utf8'));
}

export function loadContent(root: string, mentorsDir = join(root, MENTORS_DIR)): LoadedContent {
  const { program, diagnostics } = loadProgram(root);
  const mentors: Mentor[] = [];
  if (!program) return { mentors, diagnostics };
  const files = existsSync(mentorsDir) ? readdirSync(mentorsDir).filter((f) => !f.startsWith('.')).sort() : [];
  // The folder as printed, worked out once: path.relative per file cost 0.1 s at 10,000 profiles.
  const shownDir = relative(root, mentorsDir);
  for (const name of files) {
    const shown = join(shownDir, name);
    if (!name.endsWith('.md')) {
      diagnostics.push({ file: shown, line: 1, field: '(file)', message: 'is not a profile; profiles are Markdown files named <github-login>.md' });
      continue;
    }
    const result = validateProfile(shown, basename(name, '.md'), readFileSync(join(mentorsDir, name), 'utf8'), program);
    diagnostics.push(...result.diagnostics);
    if (result.mentor) mentors.push(result.mentor);
  }
  return { program, mentors, diagnostics: sortDiagnostics(diagnostics) };
}

/** Files under content/ that are not text (images, fonts): nothing to scan. */
function isText(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8192).includes(0);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/**
 * What loadContent checks, plus what is published but not a profile: every other text file under content/ and
 * program.yml are scanned for contact data, and (with `blocklist`) the blocklist file is checked against the
 * schema the bot reads it with. npm run validate checks all of it; the site build leaves the blocklist out,
 * since the site does not publish it and a typo in it must not stop the directory from being published.
 */
export function checkRepository(root: string, o: { mentorsDir?: string; blocklist?: boolean } = {}): LoadedContent {
  const mentorsDir = o.mentorsDir ?? join(root, MENTORS_DIR);
  const loaded = loadContent(root, mentorsDir);
  const extra: Diagnostic[] = [];
  const programPath = join(root, 'program.yml');
  if (existsSync(programPath)) extra.push(...programPrivacy('program.yml', readFileSync(programPath, 'utf8')));
  const profiles = new Set([resolve(mentorsDir), resolve(root, MENTORS_DIR)]);
  for (const path of filesUnder(join(root, 'content'))) {
    // Profiles were scanned by validateProfile; anything else in their folder was reported as not a profile.
    if (profiles.has(dirname(resolve(path)))) continue;
    const bytes = readFileSync(path);
    if (!isText(bytes)) continue;
    extra.push(...validateContentFile(relative(root, path).split(sep).join('/'), bytes.toString('utf8')));
  }
  if (o.blocklist && loaded.program) {
    const file = loaded.program.abuse.blocklist;
    const path = join(root, file);
    // A missing blocklist blocks nobody, which is how a new program starts.
    if (existsSync(path)) {
      // Under content/ its contact data was looked for above already.
      extra.push(...validateBlocklist(file, readFileSync(path, 'utf8'), { contactData: !file.startsWith('content/') }));
    }
  }
  return { ...loaded, diagnostics: sortDiagnostics([...loaded.diagnostics, ...extra]) };
}
