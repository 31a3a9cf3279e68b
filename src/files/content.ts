import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename, relative } from 'node:path';
import { validateProgram, validateProfile } from '../core/validate.ts';
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
