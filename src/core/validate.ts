import matter from 'gray-matter';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { programSchema, type Program } from './program.ts';
import { makeProfileSchema, type Mentor } from './profile.ts';
import { findContactData } from './privacy.ts';
import { memo } from './memo.ts';
import {
  type Diagnostic,
  documentData,
  keysAt,
  lineOfPath,
  parseLocatedYaml,
  yamlSyntaxDiagnostics,
  zodDiagnostics,
} from './diagnostics.ts';

export interface ProgramResult {
  program?: Program;
  diagnostics: Diagnostic[];
}

export function validateProgram(file: string, text: string): ProgramResult {
  const y = parseLocatedYaml(text);
  const syntax = yamlSyntaxDiagnostics(file, y);
  if (syntax.length) return { diagnostics: syntax };
  const js = documentData(file, y);
  if (js.diagnostics.length) return { diagnostics: js.diagnostics };
  const parsed = programSchema.safeParse(js.data ?? {});
  if (parsed.success) return { program: parsed.data, diagnostics: [] };
  return { diagnostics: zodDiagnostics(file, y, parsed.error, (p) => keysAt(programSchema, p)) };
}

export interface ProfileResult {
  mentor?: Mentor;
  diagnostics: Diagnostic[];
}

const PRIVACY_HINT = {
  email: 'looks like an e-mail address; profiles are public, so remove it (mentees reach you through the request issue)',
  phone: 'looks like a phone number; profiles are public, so remove it (mentees reach you through the request issue)',
} as const;

/**
 * Validate one profile file. `file` is the path to print; `login` is the file's
 * base name, which must equal the `github` field.
 */
export function validateProfile(file: string, login: string, text: string, program: Program): ProfileResult {
  if (!/^---\r?\n/.test(text)) {
    return {
      diagnostics: [{ file, line: 1, field: '(file)', message: 'has no front matter; start the file with a line "---", the profile fields, then "---"' }],
    };
  }
  // Fast path: js-yaml, the parser Astro uses, but with the core schema so that dates stay text and an
  // impossible date (2026-02-30) is caught instead of rolling over. The slower, position-aware parse runs
  // only when something is wrong and lines are needed.
  let fm: matter.GrayMatterFile<string> | undefined;
  try {
    fm = matter(text, { engines: { yaml: (s: string) => loadYaml(s, { schema: CORE_SCHEMA }) as object } } as never);
  } catch {
    fm = undefined;
  }
  const schema = profileSchemaFor(program);
  if (fm) {
    const parsed = schema.safeParse(fm.data);
    if (parsed.success && parsed.data.github === login) {
      const found = findContactData(text, parsed.data.location.country);
      if (found.length === 0) return { mentor: { ...parsed.data, body: fm.content }, diagnostics: [] };
    }
  }
  return { diagnostics: locatedProfileDiagnostics(file, login, text, program) };
}

/** The slow path: every problem, each with the line of its key. */
function locatedProfileDiagnostics(file: string, login: string, text: string, program: Program): Diagnostic[] {
  const end = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  const frontText = end ? text.slice(text.indexOf('\n') + 1, 3 + end.index + 1) : text.slice(text.indexOf('\n') + 1);
  const y = parseLocatedYaml(frontText, 2);
  const diagnostics = yamlSyntaxDiagnostics(file, y);
  const js = diagnostics.length ? undefined : documentData(file, y);
  if (js) diagnostics.push(...js.diagnostics);
  const data = js && !js.diagnostics.length ? (js.data as Record<string, unknown> | undefined) : undefined;
  if (data !== undefined) {
    const schema = profileSchemaFor(program);
    const parsed = schema.safeParse(data ?? {});
    if (!parsed.success) diagnostics.push(...zodDiagnostics(file, y, parsed.error, (p) => keysAt(schema, p)));
    if (typeof data?.github === 'string' && data.github !== login) {
      diagnostics.push({
        file,
        line: lineOfPath(y, ['github']),
        field: 'github',
        message: `"${data.github}" does not match the file name "${login}.md"; rename the file to ${data.github}.md or correct the login`,
      });
    }
  }
  const country = (data?.location as { country?: unknown } | undefined)?.country;
  const frontEnd = 1 + frontText.split(/\r?\n/).length;
  for (const f of findContactData(text, typeof country === 'string' ? country : undefined)) {
    diagnostics.push({ file, line: f.line, field: f.line <= frontEnd ? keyOnLine(text, f.line) : 'body', message: PRIVACY_HINT[f.kind] });
  }
  return diagnostics;
}

const schemas = new WeakMap<Program, ReturnType<typeof makeProfileSchema>>();
function profileSchemaFor(program: Program) {
  return memo(schemas, program, () => makeProfileSchema(program));
}

function keyOnLine(text: string, line: number): string {
  const m = /^\s*-?\s*([A-Za-z_][\w-]*)\s*:/.exec(text.split(/\r?\n/)[line - 1] ?? '');
  return m?.[1] ?? '(front matter)';
}
