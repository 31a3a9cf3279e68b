import matter from 'gray-matter';
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { programSchema, type Program } from './program.ts';
import { makeProfileSchema, type Mentor } from './profile.ts';
import { z } from 'zod';
import { findContactData, PRIVACY_KIND_TEXT, type PrivacyFinding } from './privacy.ts';
import { findProfileHtml, htmlMessage } from './profile-html.ts';
import { blocklistEntrySchema, blocklistItemSchema } from './abuse.ts';
import { memo } from './memo.ts';
import { isRealDate } from './clock.ts';
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

/** Where a finding is, for the second half of its message: why the file is public and what to do instead. */
export type PrivacyPlace = 'profile' | 'content' | 'program' | 'blocklist';
const PRIVACY_FIX: Record<PrivacyPlace, string> = {
  profile: 'profiles are public, so remove it (mentees reach you through the request issue)',
  content: 'everything under content/ is published, so remove it (point readers to the request form, or to the private "Report a concern" channel that program.yml sets under safety.report)',
  program: 'program.yml is public, so remove it (the one address it may hold is the moderators\' safety.report.email)',
  blocklist: 'the blocklist is public, so remove it (keep reasons short and factual; details belong in the private report)',
};

/** `looks like an e-mail address ("ad…rg"); profiles are public, so remove it (…)`. */
export function privacyMessage(f: PrivacyFinding, place: PrivacyPlace): string {
  return `${PRIVACY_KIND_TEXT[f.kind]} ("${f.excerpt}"); ${PRIVACY_FIX[place]}`;
}

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
      if (found.length === 0 && findProfileHtml(fm.content).length === 0) return { mentor: { ...parsed.data, body: fm.content }, diagnostics: [] };
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
    diagnostics.push({ file, line: f.line, field: f.line <= frontEnd ? keyOnLine(text, f.line) : 'body', message: privacyMessage(f, 'profile') });
  }
  // The body is what the site renders as Markdown; HTML in the front matter is shown as text.
  const body = end ? text.split('\n').slice(frontEnd).join('\n') : '';
  for (const f of findProfileHtml(body)) diagnostics.push({ file, line: f.line + frontEnd, field: 'body', message: htmlMessage(f) });
  return diagnostics;
}

const schemas = new WeakMap<Program, ReturnType<typeof makeProfileSchema>>();
function profileSchemaFor(program: Program) {
  return memo(schemas, program, () => makeProfileSchema(program));
}

function keyOnLine(text: string, line: number, otherwise = '(front matter)'): string {
  const lineText = text.split(/\r?\n/)[line - 1] ?? '';
  const m = /^\s*-?\s*([A-Za-z_][\w-]*)\s*:/.exec(lineText);
  return m?.[1] ?? (/^\s*#/.test(lineText) ? '(comment)' : otherwise);
}

/**
 * Any other file under content/ (pages, data files): published with the site or the repository, so it holds no
 * contact data. Only text files are read; the caller skips binary ones.
 */
export function validateContentFile(file: string, text: string): Diagnostic[] {
  return findContactData(text).map((f) => ({ file, line: f.line, field: fieldOnLine(text, f.line, file), message: privacyMessage(f, 'content') }));
}

function fieldOnLine(text: string, line: number, file: string): string {
  if (/\.(?:md|mdx|markdown)$/i.test(file)) {
    const end = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
    const frontLines = end ? end[0].split(/\r?\n/).length - 1 : 0;
    return line <= frontLines ? keyOnLine(text, line) : 'body';
  }
  return /\.ya?ml$/i.test(file) ? keyOnLine(text, line, '(text)') : '(text)';
}

/**
 * Contact data in program.yml, comments included: the file is public. `safety.report.email`, the moderators'
 * address that the "Report a concern" links lead to, is the one address allowed (on its own line).
 * Kept apart from validateProgram so that the bot, which only needs the rules, never stops over it.
 */
export function programPrivacy(file: string, text: string): Diagnostic[] {
  const y = parseLocatedYaml(text);
  let allowed: number | undefined;
  if (!y.doc.errors.length) {
    const data = documentData(file, y).data as { safety?: { report?: { email?: unknown } } } | undefined;
    if (typeof data?.safety?.report?.email === 'string') allowed = lineOfPath(y, ['safety', 'report', 'email']);
  }
  return findContactData(text)
    .filter((f) => !(f.line === allowed && (f.kind === 'email' || f.kind === 'mailto')))
    .map((f) => ({ file, line: f.line, field: keyOnLine(text, f.line, '(text)'), message: privacyMessage(f, 'program') }));
}

/** The blocklist file as npm run validate reads it: what parseBlocklist (abuse.ts) reads, each entry as it does. */
export const blocklistFileSchema = z
  .array(blocklistItemSchema)
  .nullable()
  .describe('A YAML list of {login, reason?, since?, by?}; an empty file or [] blocks nobody.');

const ENTRY_SHAPE = 'write each entry as "- login: someone", optionally with reason, since (YYYY-MM-DD) and by (a login)';

/**
 * blocklist.yml (or the file program.yml's abuse.blocklist names): YAML syntax, then every entry against the
 * schema the bot reads it with, each problem at the line of its entry or key. The bot skips a broken entry and
 * keeps the rest, so until it is fixed that person is not blocked. Contact data is refused as anywhere public
 * (`contactData: false` when the caller scans the file for it already).
 */
export function validateBlocklist(file: string, text: string, o: { contactData?: boolean } = {}): Diagnostic[] {
  const y = parseLocatedYaml(text);
  const syntax = yamlSyntaxDiagnostics(file, y);
  if (syntax.length) return syntax.map((d) => ({ ...d, message: `${d.message}; until it parses, the bot blocks nobody` }));
  const js = documentData(file, y);
  if (js.diagnostics.length) return js.diagnostics;
  const privacy = o.contactData === false ? [] : findContactData(text).map((f) => ({ file, line: f.line, field: keyOnLine(text, f.line, '(text)'), message: privacyMessage(f, 'blocklist') }));
  const data = js.data === undefined ? null : js.data;
  if (data !== null && !Array.isArray(data)) {
    const line = y.doc.contents?.range ? lineAtOffset(y, y.doc.contents.range[0]) : 1;
    const what = typeof data === 'object' ? 'a mapping' : `${typeof data} ${JSON.stringify(data)}`;
    return [{ file, line, field: '(file)', message: `must be a list of entries, not ${what}; until it is, the bot blocks nobody. ${capitalise(ENTRY_SHAPE)}, or write [] to block nobody` }, ...privacy];
  }
  const parsed = blocklistFileSchema.safeParse(data, { reportInput: true });
  const schema = parsed.success
    ? []
    : zodDiagnostics(file, y, parsed.error, (p) => keysAt(blocklistEntrySchema, p.slice(1))).map((d) => ({
        ...d,
        field: entryField(d.field),
        message: `${d.message}; the bot skips this entry until it is fixed, so that person is not blocked (${ENTRY_SHAPE})`,
      }));
  (Array.isArray(data) ? data : []).forEach((raw, i) => {
    const since = (raw as { since?: unknown } | null)?.since;
    // `since` is only shape-checked by the bot, but 2027-02-30 is a typo worth a line here.
    if (typeof since === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(since) && !isRealDate(since)) {
      schema.push({ file, line: lineOfPath(y, [i, 'since']), field: entryField(`[${i}].since`), message: `${since} is not a day of the calendar; correct the date (YYYY-MM-DD)` });
    }
  });
  return [...schema, ...privacy].sort((a, b) => a.line - b.line);
}

/** `[1].login` as the moderators count: `entry 2.login`, as the bot's warnings say. */
const entryField = (field: string) => field.replace(/^\[(\d+)\]/, (_, i: string) => `entry ${Number(i) + 1}`);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lineAtOffset = (y: ReturnType<typeof parseLocatedYaml>, offset: number) => y.lines.linePos(offset).line + y.firstLine - 1;
