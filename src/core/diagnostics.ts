import { z } from 'zod';
import { didYouMean } from './suggest.ts';
import { LineCounter, parseDocument, isAlias, isMap, isSeq, isScalar, visit, type Document, type Node } from 'yaml';

/** One problem in one file, printed as `file:line: field: message`. */
export const diagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  field: z.string(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.field}: ${d.message}`;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
}

/** A YAML document with the means to map a data path back to the line of its key. */
export interface LocatedYaml {
  doc: Document;
  lines: LineCounter;
  /** File line of the YAML text's first line (front matter starts after `---`). */
  firstLine: number;
}

export function parseLocatedYaml(text: string, firstLine = 1): LocatedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines, firstLine };
}

function lineAt(y: LocatedYaml, offset: number): number {
  return y.lines.linePos(offset).line + y.firstLine - 1;
}

/** The line of the deepest key (or sequence item) along `path` that exists in the document. */
export function lineOfPath(y: LocatedYaml, path: readonly PropertyKey[]): number {
  let node: unknown = y.doc.contents;
  let line = y.firstLine;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) line = lineAt(y, key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineAt(y, item.range[0]);
      node = item;
    } else break;
  }
  return line;
}

export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    // A blank key (`"": x`, `" ": x`) is shown quoted, so the diagnostic still names something to find.
    const key = String(seg).trim() ? String(seg) : JSON.stringify(String(seg));
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${key}` : key;
  }
  return out || '(file)';
}

/** YAML syntax errors as diagnostics; the data is unusable until they are fixed. */
export function yamlSyntaxDiagnostics(file: string, y: LocatedYaml): Diagnostic[] {
  return y.doc.errors.map((e) => ({
    file,
    line: lineAt(y, e.pos[0]),
    field: '(yaml)',
    message: `${e.message.split('\n')[0]}; check indentation, quotes and the colon after each key`,
  }));
}

/**
 * The document as data. A document can parse without errors and still not become data: an alias whose anchor
 * is missing or comes later (`*x`), or more aliases than the parser expands (a "billion laughs" file). That is a
 * diagnostic at the first alias, never an exception (found by the fuzzing, docs/security.md).
 */
export function documentData(file: string, y: LocatedYaml): { data: unknown; diagnostics: Diagnostic[] } {
  try {
    return { data: y.doc.toJS(), diagnostics: [] };
  } catch (e) {
    let line = y.firstLine;
    visit(y.doc, {
      Alias(_, node) {
        if (isAlias(node) && node.range) line = lineAt(y, node.range[0]);
        return visit.BREAK;
      },
    });
    const why = (e as Error).message.split('\n')[0];
    return { data: undefined, diagnostics: [{ file, line, field: '(yaml)', message: `${why}; define each anchor (&name) before its alias (*name), or write the value out in full` }] };
  }
}

/** Turn zod issues into located diagnostics; unknown keys get one line each with a suggestion. */
export function zodDiagnostics(file: string, y: LocatedYaml, error: z.ZodError, allowedKeys: (path: PropertyKey[]) => string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(issue.path as PropertyKey[]);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const hint = allowed.length ? `; ${didYouMean(key, allowed)}allowed here: ${allowed.join(', ')}` : '; remove it';
        out.push({ file, line: lineOfPath(y, path), field: fieldName(path), message: `unknown field${hint}` });
      }
      continue;
    }
    const path = issue.path as PropertyKey[];
    out.push({ file, line: lineOfPath(y, path), field: fieldName(path), message: plainMessage(issue) });
  }
  return out;
}

/** Keys a strict zod object accepts at `path`, for "did you mean" hints. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  for (const seg of [...path, null]) {
    s = unwrap(s);
    if (!s) return [];
    if (seg === null) break;
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(seg)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return [];
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  for (let i = 0; i < 10 && cur; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault || cur instanceof z.ZodNullable) {
      cur = cur.unwrap() as z.ZodType;
    } else if (cur instanceof z.ZodPipe) {
      cur = cur.in as z.ZodType;
    } else break;
  }
  return cur;
}

/** Zod's built-in messages ("Too small: expected number to be >=1") rephrased as instructions. */
export function plainMessage(issue: z.core.$ZodIssue): string {
  const m = issue.message;
  if (issue.code === 'invalid_type' && /^Invalid input/.test(m)) {
    return issue.input === undefined ? `is required (${issue.expected})` : `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
  }
  if (issue.code === 'too_small' && /^Too small/.test(m)) {
    const n = Number(issue.minimum);
    if (issue.origin === 'number') return `must be at least ${n}`;
    if (issue.origin === 'string') return n <= 1 ? 'must not be empty' : `must be at least ${n} characters`;
    if (issue.origin === 'array') return `must list at least ${n} item${n === 1 ? '' : 's'}`;
  }
  if (issue.code === 'too_big' && /^Too big/.test(m)) {
    const n = Number(issue.maximum);
    if (issue.origin === 'number') return `must be at most ${n}`;
    if (issue.origin === 'string') return `must be at most ${n} characters`;
    if (issue.origin === 'array') return `must list at most ${n} items`;
  }
  if (issue.code === 'invalid_value' && /^Invalid (option|input)/.test(m)) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return m;
}

function article(type: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a mapping of keys', string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false' };
  return names[type] ?? type;
}

function describe(v: unknown): string {
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v === 'string' ? 'text' : typeof v} ${JSON.stringify(v)}`;
}
