import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadContent } from '../files/content.ts';
import type { Program } from '../core/program.ts';
import type { Profile } from '../core/profile.ts';
import { FIELD, parseRequest } from '../core/request-form.ts';
import { APP_FIELD, checkApplication } from '../core/onboarding.ts';
import { fieldsOf, type Role } from '../core/cohort-forms.ts';
import { readApplications, type ApplicationIssue } from '../core/cohort-match.ts';
import { parseCommands } from '../core/command-parser.ts';
import { validateProfile, validateProgram } from '../core/validate.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { decideCommand } from '../core/answers.ts';
import { checkRequest, decideIntake } from '../core/intake.ts';
import { COMMANDS, type CommandName, type Via } from '../core/commands.ts';
import { commentActionSchema, decisionSchema, marker, readMarker, type Decision } from '../core/decision.ts';
import { programLabels, STATUSES, statusLabel, COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL, REQUEST_LABEL } from '../core/labels.ts';
import { rolesOf, type Permission } from '../core/roles.ts';
import { cohortLabel } from '../core/matching/matches-file.ts';
import { requestBody } from './request-body.ts';
import { cohortBody } from './cohort-application-body.ts';
import { applicationBody } from '../../test/support/application-body.ts';

/**
 * Property-based fuzzing of the parsers, the validators and the decision core (issue 9). Each target is an
 * arbitrary (fast-check) and a check that returns the properties its input broke; a check that throws is a
 * crash. The unit tests (test/fuzz/) run every target with fast-check, which shrinks a failure and prints the
 * seed and path to replay it; `npm run bench -- --fuzz N` runs the same targets and counts cases, failures and
 * crashes. docs/security.md ("Fuzzing") lists the targets and their properties.
 */

/** Cases per target: MENTORKIT_FUZZ_RUNS, else 500 (what `npm test` runs). */
export const FUZZ_RUNS_ENV = 'MENTORKIT_FUZZ_RUNS';
export const DEFAULT_FUZZ_RUNS = 500;
export function fuzzRuns(env: NodeJS.ProcessEnv = process.env, fallback = DEFAULT_FUZZ_RUNS, name = FUZZ_RUNS_ENV): number {
  const raw = env[FUZZ_RUNS_ENV]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: "${raw}" is not a whole number of cases of at least 1, e.g. ${name}=10000`);
  return n;
}

/**
 * fast-check's replay parameters from the environment: MENTORKIT_FUZZ_SEED and MENTORKIT_FUZZ_PATH, copied from
 * the failure message (`seed: …, path: "…"`), replay exactly the failing case.
 */
export function fuzzReplay(env: NodeJS.ProcessEnv = process.env): { seed?: number; path?: string } {
  const seed = env.MENTORKIT_FUZZ_SEED?.trim();
  const path = env.MENTORKIT_FUZZ_PATH?.trim();
  return { ...(seed ? { seed: Number(seed) } : {}), ...(path ? { path } : {}) };
}

export interface FuzzTarget<T = unknown> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** The properties the input broke, in words; empty when all hold. Throwing is a crash. */
  check(input: T): string[];
}

// ── Strings ──────────────────────────────────────────────────────────────────────────────────────────────

/** Pieces of the syntax the parsers read, so random text often looks almost like the real thing. */
const FRAGMENTS = [
  '### ', '###', '\n', '\r\n', '\n\n', ' ', ',', ', ', '_No response_', 'None', '- [X] ', '- [x] ', '- [ ] ', '```', '~~~', '    ', '> ', '`',
  '<!-- ', ' -->', '<!-- mentorkit:welcome:1 -->', '<!-- mentorkit-clock {"v":1} -->', '<details>', '</details>', '@', '@ada', '#1', '/accept',
  '/decline', '/withdraw', '/reassign @x', '/', '---', ':', ': ', '- ', '* ', '[', ']', '(', ')', '{', '}', '"', "'", '\\', '\t', '\u0000', '\u200b',
  '\u202e', 'é', '👩🏽‍💻', '𝔘', 'Europe/Berlin', 'Mars/Olympus', '3 months', '0 months', '99999999999999999999 months', 'https://github.com/ada',
  'mailto:a@example.org', 'ada@example.org', '+49 30 1234567', '0', '-1', '1e309', 'NaN', 'null', 'true', '__proto__', 'constructor', 'toString',
];

/** Random text: plain, full Unicode, lone surrogates, or spliced from the fragments above. */
export const text = (maxLength = 200): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom(...FRAGMENTS),
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 30 }).map((xs) => xs.join('')),
  );

// ── Form bodies ──────────────────────────────────────────────────────────────────────────────────────────

type Mutation =
  | { kind: 'value'; at: number; value: string }
  | { kind: 'heading'; at: number; value: string }
  | { kind: 'drop'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; value: string }
  | { kind: 'crlf' }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: text() }),
  fc.record({ kind: fc.constant('heading' as const), at: fc.nat(), value: text(40) }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: text() }),
  fc.constant({ kind: 'crlf' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** A form body (`### Label` sections, as GitHub writes them) with a few sections changed by hand. */
export function mutateForm(body: string, mutations: readonly Mutation[]): string {
  let sections = body.split(/\n\n(?=### )/).map((s) => {
    const [heading, ...rest] = s.split('\n\n');
    return { heading: heading!, value: rest.join('\n\n') };
  });
  let tail = '';
  for (const m of mutations) {
    const n = sections.length;
    const at = n ? ('at' in m ? m.at % n : 0) : 0;
    if (m.kind === 'crlf') continue;
    if (m.kind === 'truncate') {
      tail = '';
      continue;
    }
    if (n === 0) break;
    if (m.kind === 'value') sections[at] = { ...sections[at]!, value: m.value };
    else if (m.kind === 'heading') sections[at] = { ...sections[at]!, heading: `### ${m.value}` };
    else if (m.kind === 'drop') sections = sections.filter((_, i) => i !== at);
    else if (m.kind === 'duplicate') sections.splice(at, 0, { ...sections[at]! });
    else if (m.kind === 'swap') {
      const j = m.with % n;
      [sections[at], sections[j]] = [sections[j]!, sections[at]!];
    } else if (m.kind === 'insert') sections.splice(at, 0, { heading: m.value, value: '' });
  }
  let out = sections.map((s) => (s.value ? `${s.heading}\n\n${s.value}` : s.heading)).join('\n\n') + tail;
  const truncate = mutations.find((m) => m.kind === 'truncate');
  if (truncate && 'at' in truncate) out = out.slice(0, truncate.at % (out.length + 1));
  if (mutations.some((m) => m.kind === 'crlf')) out = out.replace(/\n/g, '\r\n');
  return out;
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

/** Either anything at all, or a body the form wrote and someone then edited. */
const formBody = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: text(2000), weight: 1 },
    { arbitrary: fc.tuple(valid, mutations).map(([b, ms]) => mutateForm(b, ms)), weight: 3 },
    { arbitrary: valid, weight: 1 },
  );

/** One of these, or random text: near-valid values for the test builders' fields. */
const maybe = <T>(...values: T[]): fc.Arbitrary<T | string> => fc.oneof(fc.constantFrom(...values), text(60));
const someOf = <T>(values: readonly T[]) => fc.array(fc.oneof(fc.constantFrom(...values), text(30)), { maxLength: 4 });

// ── The targets ──────────────────────────────────────────────────────────────────────────────────────────

export interface FuzzWorld {
  program: Program;
  mentors: ReadonlyMap<string, Profile>;
  programText: string;
}

/** The repository's own program.yml and profiles: the fuzzed inputs name real topics, terms and mentors. */
export function repoWorld(root = resolve(import.meta.dirname, '../..')): FuzzWorld {
  const content = loadContent(root);
  if (!content.program) throw new Error('program.yml is invalid; run npm run validate');
  return {
    program: content.program,
    mentors: new Map(content.mentors.map((m) => [m.github.toLowerCase(), m])),
    programText: readFileSync(resolve(root, 'program.yml'), 'utf8'),
  };
}

const unknownField = (what: string, fields: ReadonlySet<string>, field: string) => (fields.has(field) ? [] : [`${what} names “${field}”, which is not a field of the form`]);

export function requestFormTarget(w: FuzzWorld): FuzzTarget<string> {
  const { program } = w;
  const logins = [...w.mentors.keys()];
  const t = program.taxonomy;
  const valid = fc
    .record(
      {
        mentor: maybe(...logins, `@${logins[0]}`, `https://github.com/${logins[0]}`),
        alternates: someOf(logins),
        areas: someOf(t.topics.map((x) => x.id)),
        goals: text(),
        term: fc.oneof(fc.constantFrom(...program.terms), text(20)),
        format: maybe(...t.formats.map((x) => x.id)),
        languages: someOf(t.languages),
        timezone: maybe('Europe/Berlin', 'America/Bogota'),
        stage: maybe(...t.stages.map((x) => x.id)),
        about: text(),
        agreed: fc.boolean(),
      },
      { requiredKeys: ['mentor'] },
    )
    .map((f) => requestBody(program, f as Parameters<typeof requestBody>[1]));
  const fields = new Set(Object.values(FIELD).map((f) => f.label));
  return {
    name: 'request form (parseRequest)',
    arbitrary: formBody(valid),
    check(body) {
      return parseRequest(body, program).problems.flatMap((p) => [...unknownField('a problem', fields, p.field), ...(p.message.trim() ? [] : [`the problem with ${p.field} has no message`])]);
    },
  };
}

export function applicationFormTarget(w: FuzzWorld): FuzzTarget<{ body: string; author: string }> {
  const { program } = w;
  const t = program.taxonomy;
  const valid = fc
    .record(
      {
        name: text(60),
        timezone: maybe('Europe/Berlin'),
        country: maybe('DE', 'de', 'XX'),
        languages: someOf(t.languages),
        topics: someOf(t.topics.map((x) => x.id)),
        stages: someOf(t.stages.map((x) => x.id)),
        capacity: fc.oneof(fc.integer({ min: -2, max: 20 }), text(10)),
        terms: fc.array(fc.oneof(fc.constantFrom(...program.terms), text(10)), { maxLength: 3 }),
        links: text(),
        about: text(),
        agreed: fc.integer({ min: 0, max: 2 }),
      },
      { requiredKeys: [] },
    )
    .map((f) => applicationBody(program, f as Parameters<typeof applicationBody>[1]));
  // 'Profile' is what checkApplication names when the validator's finding belongs to no form field.
  const fields = new Set([...Object.values(APP_FIELD).map((f) => f.label), 'Profile']);
  return {
    name: 'mentor application form (checkApplication)',
    arbitrary: fc.record({ body: formBody(valid), author: fc.oneof(fc.constant('ada-example'), text(40)) }),
    check({ body, author }) {
      const r = checkApplication(body, program, author, '2026-11-24');
      if (r.ok) return [];
      return r.problems.flatMap((p) => [...unknownField('a problem', fields, p.field), ...(p.message.trim() ? [] : [`the problem with ${p.field} has no message`])]);
    },
  };
}

export function cohortApplicationsTarget(w: FuzzWorld): FuzzTarget<ApplicationIssue[]> {
  const { program } = w;
  const cohort = program.cohorts[0];
  const t = program.taxonomy;
  const issue = (role: Role) =>
    fc.record({
      number: fc.integer({ min: 1, max: 50 }),
      author: fc.oneof(fc.constantFrom('mia', 'noa', ...w.mentors.keys()), text(20)),
      authorType: fc.option(fc.constantFrom('User', 'Bot'), { nil: undefined }),
      state: fc.constantFrom('open' as const, 'closed' as const),
      labels: fc.array(
        fc.oneof(fc.constantFrom(cohort ? cohortLabel(cohort.id) : 'cohort:x', COHORT_MENTEE_LABEL, COHORT_MENTOR_LABEL, REQUEST_LABEL, 'priority:2', 'priority:x'), text(20)),
        { maxLength: 4 },
      ),
      body: formBody(
        cohort
          ? fc
              .record(
                {
                  capacity: fc.oneof(fc.integer({ min: -1, max: 9 }), text(8)),
                  topics: someOf(t.topics.map((x) => x.id)),
                  languages: someOf(t.languages),
                  timezone: maybe('Europe/Berlin'),
                  stages: someOf(t.stages.map((x) => x.id)),
                  formats: someOf(t.formats.map((x) => x.id)),
                  affiliation: text(150),
                  motivation: text(),
                  agreed: fc.integer({ min: 0, max: 2 }),
                },
                { requiredKeys: [] },
              )
              .map((f) => cohortBody(program, cohort, role, f as Parameters<typeof cohortBody>[3]))
          : text(),
      ),
      createdAt: fc.oneof(fc.constant('2026-11-01T10:00:00Z'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text(20)),
    });
  const labelsOf = (role: Role) => new Set(fieldsOf(role).map((f) => f.label));
  return {
    name: 'cohort applications (readApplications)',
    arbitrary: fc.array(fc.oneof(issue('mentee'), issue('mentor')), { maxLength: 4 }),
    check(issues) {
      if (!cohort) return [];
      const r = readApplications({ program, cohort, issues, profiles: [...w.mentors.values()], groups: cohort.kind === 'groups' });
      return r.invalid.flatMap((i) => i.problems.flatMap((p) => unknownField(`#${i.issue}'s problem`, labelsOf(i.role), p.field)));
    },
  };
}

// ── Commands ─────────────────────────────────────────────────────────────────────────────────────────────

/** A line the parser must never read as a command, in a block that hides it. */
const HIDDEN = 'zz-hidden';
type Block = { kind: 'text'; lines: string[] } | { kind: 'hidden'; how: 'fence' | 'tilde' | 'indent' | 'quote' | 'inline' | 'html' | 'nested-quote' };
const safeLine = fc.stringMatching(/^[A-Za-z0-9 ./,!?-]{0,30}$/);
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), lines: fc.array(fc.oneof(safeLine, fc.constantFrom('/accept', '/Decline no time', '/later.', '- /withdraw')), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('hidden' as const), how: fc.constantFrom('fence' as const, 'tilde' as const, 'indent' as const, 'quote' as const, 'inline' as const, 'html' as const, 'nested-quote' as const) }),
);
function renderBlock(b: Block): string {
  if (b.kind === 'text') return b.lines.join('\n');
  const cmd = `/${HIDDEN} now`;
  switch (b.how) {
    case 'fence':
      return `\`\`\`\n${cmd}\n\`\`\``;
    case 'tilde':
      return `~~~md\n${cmd}\n~~~`;
    case 'indent':
      // After a blank line and a paragraph at the margin: right after a list item, an indented line continues the item.
      return `Code:\n\n    ${cmd}`;
    case 'quote':
      return `> ${cmd}`;
    case 'nested-quote':
      return `- item\n  > ${cmd}`;
    case 'inline':
      return `\`${cmd}\``;
    case 'html':
      return `<div>\n${cmd}\n</div>`;
  }
}

export function commandParserTarget(): FuzzTarget<{ markdown: string; structured: boolean }> {
  return {
    name: 'command parser (parseCommands)',
    arbitrary: fc.oneof(
      text(500).map((markdown) => ({ markdown, structured: false })),
      fc.array(block, { minLength: 1, maxLength: 8 }).map((bs) => ({ markdown: bs.map(renderBlock).join('\n\n'), structured: true })),
    ),
    check({ markdown, structured }) {
      const lines = markdown.replace(/\r\n?/g, '\n').split('\n').length;
      return parseCommands(markdown).flatMap((c) => [
        ...(/^[a-z][a-z0-9-]*$/.test(c.name) ? [] : [`command name “${c.name}” is not lower-case letters, digits and dashes`]),
        ...(/[\r\n]/.test(c.args) ? [`/${c.name}'s args span lines: ${JSON.stringify(c.args)}`] : []),
        ...(c.args === c.args.trim() ? [] : [`/${c.name}'s args are not trimmed`]),
        ...(Number.isInteger(c.line) && c.line >= 1 && c.line <= lines ? [] : [`/${c.name} is on line ${c.line} of ${lines}`]),
        ...(structured && c.name === HIDDEN ? [`/${HIDDEN} on line ${c.line} sits in code, a quote or HTML and was still read`] : []),
      ]);
    },
  };
}

// ── Validation ───────────────────────────────────────────────────────────────────────────────────────────

/** A JSON-ish value that YAML can hold. */
const yamlValue: fc.Arbitrary<unknown> = fc.oneof(
  text(40),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text(20), { maxLength: 3 }),
  fc.dictionary(text(10), text(20), { maxKeys: 3 }),
);

type Edit = { path: number[]; op: 'set' | 'delete'; value: unknown; key: string };
const edit: fc.Arbitrary<Edit> = fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), op: fc.constantFrom('set' as const, 'delete' as const), value: yamlValue, key: text(12) });

/** Change or delete a value somewhere in a document, following the path by index at each level (or add a key). */
function applyEdit(doc: unknown, e: Edit): unknown {
  const root = structuredClone(doc) as Record<string, unknown>;
  let node: unknown = root;
  for (let depth = 0; depth < e.path.length; depth++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    const last = depth === e.path.length - 1 || keys.length === 0;
    const key = keys.length === 0 || e.path[depth]! % (keys.length + 1) === keys.length ? e.key : keys[e.path[depth]! % keys.length]!;
    // Own properties only, defined rather than assigned: a `__proto__` key is data here, as it is in YAML.
    const child = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    if (last || child === null || typeof child !== 'object') {
      if (Array.isArray(node) && !/^\d+$/.test(key)) break;
      if (e.op === 'delete') delete (node as Record<string, unknown>)[key];
      else Object.defineProperty(node, key, { value: e.value, enumerable: true, writable: true, configurable: true });
      break;
    }
    node = child;
  }
  return root;
}

/** A line of the document replaced, inserted or dropped: the YAML syntax itself broken. */
type LineEdit = { at: number; op: 'replace' | 'insert' | 'drop' | 'indent'; value: string };
const lineEdit: fc.Arbitrary<LineEdit> = fc.record({ at: fc.nat(), op: fc.constantFrom('replace' as const, 'insert' as const, 'drop' as const, 'indent' as const), value: text(60) });
function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const at = e.at % (lines.length + 1);
    if (e.op === 'insert') lines.splice(at, 0, e.value);
    else if (at < lines.length) {
      if (e.op === 'replace') lines[at] = e.value;
      else if (e.op === 'drop') lines.splice(at, 1);
      else lines[at] = ` ${lines[at]}`;
    }
  }
  return lines.join('\n');
}

const diagnosticProblems = (ds: readonly Diagnostic[], lineCount: number) =>
  ds.flatMap((d) => [
    ...(d.field.trim() ? [] : [`a diagnostic has no field: ${d.message}`]),
    ...(Number.isInteger(d.line) && d.line >= 1 && d.line <= lineCount + 1 ? [] : [`${d.field}: line ${d.line} is not a line of the file (${lineCount} lines)`]),
    ...(d.message.trim() ? [] : [`${d.field}: the diagnostic has no message`]),
  ]);

const yamlDoc = (valid: unknown, stringify: (v: unknown) => string) =>
  fc.oneof(
    { arbitrary: text(1000), weight: 1 },
    { arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }).map((es) => stringify(es.reduce(applyEdit, valid))), weight: 3 },
    { arbitrary: fc.tuple(fc.array(edit, { maxLength: 2 }), fc.array(lineEdit, { minLength: 1, maxLength: 3 })).map(([es, ls]) => applyLineEdits(stringify(es.reduce(applyEdit, valid)), ls)), weight: 2 },
  );

export function programTarget(w: FuzzWorld): FuzzTarget<string> {
  const valid = parseYaml(w.programText) as unknown;
  return {
    name: 'program.yml validation (validateProgram)',
    arbitrary: yamlDoc(valid, (v) => stringifyYaml(v)),
    check(text) {
      const r = validateProgram('program.yml', text);
      const lines = text.split(/\r?\n/).length;
      return [...diagnosticProblems(r.diagnostics, lines), ...(r.program || r.diagnostics.length ? [] : ['neither a program nor a diagnostic'])];
    },
  };
}

export function profileTarget(w: FuzzWorld, valid: Record<string, unknown>): FuzzTarget<{ text: string; login: string }> {
  const file = (data: unknown, body: string) => `---\n${stringifyYaml(data)}---\n${body}`;
  const login = String(valid.github);
  return {
    name: 'profile validation (validateProfile)',
    arbitrary: fc.record({
      text: fc.oneof(
        { arbitrary: text(1000), weight: 1 },
        { arbitrary: fc.tuple(yamlDoc(valid, (v) => stringifyYaml(v)), text(300)).map(([front, body]) => `---\n${front}---\n${body}`), weight: 4 },
        { arbitrary: fc.tuple(fc.array(lineEdit, { minLength: 1, maxLength: 3 }), text(100)).map(([ls, body]) => applyLineEdits(file(valid, body), ls)), weight: 2 },
      ),
      login: fc.oneof({ arbitrary: fc.constant(login), weight: 4 }, { arbitrary: text(20), weight: 1 }),
    }),
    check({ text, login: l }) {
      const r = validateProfile(`content/mentors/${l}.md`, l, text, w.program);
      const lines = text.split(/\r?\n/).length;
      return [...diagnosticProblems(r.diagnostics, lines), ...(r.mentor || r.diagnostics.length ? [] : ['neither a profile nor a diagnostic'])];
    },
  };
}

// ── The decision core ────────────────────────────────────────────────────────────────────────────────────

/** What the bot may write: its own labels (status:*, mentor:*, the program's fixed and cohort labels), and marked comments only. */
function ownershipProblems(d: Decision, owned: (label: string) => boolean): string[] {
  const out: string[] = [];
  for (const l of [...d.addLabels, ...d.removeLabels]) if (!owned(l)) out.push(`#${d.issue}: changes the label “${l}”, which is not the bot's`);
  for (const c of d.comments) {
    if (!commentActionSchema.safeParse(c).success) out.push(`#${d.issue}: comment ${c.kind}:${c.key} has a kind or key that is not marker-safe`);
    const read = readMarker(`${marker(c.kind, c.key)}\n${c.body}`);
    if (read?.kind !== c.kind || read.key !== c.key) out.push(`#${d.issue}: comment ${c.kind}:${c.key} reads back as ${read ? `${read.kind}:${read.key}` : 'unmarked'}`);
  }
  const parsed = decisionSchema.safeParse(d);
  if (!parsed.success) out.push(`#${d.issue}: not a valid decision: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return out;
}

function ownedLabels(w: FuzzWorld): (label: string) => boolean {
  const fixed = new Set(programLabels(w.program, [...w.mentors.values()]).map((l) => l.name));
  return (l) => fixed.has(l) || l.startsWith('status:') || l.startsWith('mentor:');
}

const STATUS_LABELS = STATUSES.map(statusLabel);

function issueState(w: FuzzWorld) {
  const logins = [...w.mentors.keys()];
  const people = ['mia', 'noa', ...logins.slice(0, 4), ...w.program.maintainers];
  const label = fc.oneof(
    { arbitrary: fc.constantFrom(...STATUS_LABELS), weight: 4 },
    { arbitrary: fc.constantFrom(...logins.slice(0, 4), 'ghost', 'MIA').map((l) => `mentor:${l}`), weight: 3 },
    { arbitrary: fc.constantFrom(REQUEST_LABEL, 'ending', 'bug', 'priority:1', 'good first issue', 'cohort:2027-spring'), weight: 2 },
    { arbitrary: text(20), weight: 1 },
  );
  const body = formBody(
    fc
      .record({ mentor: maybe(...logins.slice(0, 4), 'mia'), term: fc.oneof(fc.constantFrom(...w.program.terms), text(10)), agreed: fc.boolean() }, { requiredKeys: ['mentor'] })
      .map((f) => requestBody(w.program, f as Parameters<typeof requestBody>[1])),
  );
  const summary = fc.record({ number: fc.integer({ min: 1, max: 12 }), author: fc.constantFrom(...people), labels: fc.array(label, { maxLength: 4 }) });
  return {
    people,
    issue: fc.record({
      number: fc.integer({ min: 1, max: 12 }),
      author: fc.constantFrom(...people),
      state: fc.constantFrom('open' as const, 'open' as const, 'closed' as const),
      labels: fc.array(label, { maxLength: 5 }),
      body,
    }),
    openRequests: fc.array(summary, { maxLength: 6 }),
    today: fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  };
}

export function decideCommandTarget(w: FuzzWorld) {
  const s = issueState(w);
  const names = Object.keys(COMMANDS) as CommandName[];
  const arbitrary = fc.record({
    issue: s.issue,
    openRequests: s.openRequests,
    today: s.today,
    actor: fc.oneof(fc.constantFrom(...s.people), text(20)),
    permission: fc.option(fc.constantFrom<Permission>('admin', 'maintain', 'write', 'triage', 'read', 'none'), { nil: undefined }),
    name: fc.constantFrom(...names),
    args: fc.oneof(fc.constantFrom('', '@ada', '3', '1', 'no time', '12', '-1', 'open-source, research-software'), text(80)),
    via: fc.oneof(
      fc.record({ kind: fc.constant('comment' as const), id: fc.nat(), index: fc.nat({ max: 5 }) }),
      fc.record({ kind: fc.constant('label' as const), label: fc.constantFrom(statusLabel('active'), statusLabel('declined')) }),
    ) as fc.Arbitrary<Via>,
    records: fc.array(
      fc.record({ id: fc.nat(), kind: fc.constantFrom('welcome', 'refused', 'accepted', 'partnership', 'intake'), key: fc.oneof(fc.constant('1.ada'), fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/)), body: fc.option(text(200), { nil: undefined }) }),
      { maxLength: 3 },
    ),
  });
  const owned = ownedLabels(w);
  type Input = typeof arbitrary extends fc.Arbitrary<infer T> ? T : never;
  return {
    name: 'command decisions (decideCommand)',
    arbitrary,
    check(x: Input) {
      const mentor = x.issue.labels.find((l) => l.startsWith('mentor:'))?.slice(7);
      const labels = x.via.kind === 'label' && !x.issue.labels.includes(x.via.label) ? [...x.issue.labels, x.via.label] : x.issue.labels;
      const plan = decideCommand({
        program: w.program,
        mentors: w.mentors,
        today: x.today,
        agreement: ['We meet once a month.'],
        issue: { ...x.issue, labels },
        openRequests: x.openRequests,
        records: x.records,
        actor: { login: x.actor, roles: rolesOf(x.actor, { program: w.program, author: x.issue.author, mentor, permission: x.permission }) },
        command: { name: x.name, args: x.args },
        via: x.via,
      });
      return plan.flatMap((d) => ownershipProblems(d, owned));
    },
  } satisfies FuzzTarget<Input>;
}

export function decideIntakeTarget(w: FuzzWorld) {
  const s = issueState(w);
  const arbitrary = fc.record({
    issue: s.issue,
    openRequests: s.openRequests,
    today: s.today,
    action: fc.constantFrom('opened' as const, 'edited' as const, 'reopened' as const),
    eligibility: fc.option(fc.record({ ok: fc.boolean(), reason: text(60) }), { nil: undefined }),
  });
  const owned = ownedLabels(w);
  // Problems name a form field, or one of the pseudo-fields for what is not in the form (docs/security.md).
  const fields = new Set([...Object.values(FIELD).map((f) => f.label), 'Your requests', 'Your partnerships', 'Eligibility', 'Your account', 'Requests this week']);
  type Input = typeof arbitrary extends fc.Arbitrary<infer T> ? T : never;
  return {
    name: 'intake decisions (decideIntake)',
    arbitrary,
    check(x: Input) {
      const input = { program: w.program, mentors: w.mentors, ...x };
      const d = decideIntake(input);
      const problems = checkRequest(input).problems.flatMap((p) => unknownField('an intake problem', fields, p.field));
      return [...ownershipProblems(d, owned), ...problems];
    },
  } satisfies FuzzTarget<Input>;
}

// ── Running them ─────────────────────────────────────────────────────────────────────────────────────────

/** Every pure target, against the repository's program and profiles. */
export function pureTargets(w: FuzzWorld, validProfile: Record<string, unknown>): FuzzTarget<never>[] {
  return [
    requestFormTarget(w),
    applicationFormTarget(w),
    cohortApplicationsTarget(w),
    commandParserTarget(),
    programTarget(w),
    profileTarget(w, validProfile),
    decideCommandTarget(w),
    decideIntakeTarget(w),
  ] as FuzzTarget<never>[];
}

export interface FuzzCount {
  name: string;
  cases: number;
  /** Cases that broke a property. */
  failures: number;
  /** Cases on which the code under test threw. */
  crashes: number;
  /** The first few, for the report. */
  examples: string[];
}

/** Run a target over `runs` generated cases and count; unlike fc.assert, it goes on past the first failure. */
export function countFuzz<T>(target: FuzzTarget<T>, runs: number, seed = 9): FuzzCount {
  const out: FuzzCount = { name: target.name, cases: 0, failures: 0, crashes: 0, examples: [] };
  for (const input of fc.sample(target.arbitrary, { numRuns: runs, seed })) {
    out.cases++;
    try {
      const broken = target.check(input);
      if (broken.length) {
        out.failures++;
        if (out.examples.length < 3) out.examples.push(`${target.name}: ${broken[0]} (input ${fc.stringify(input).slice(0, 200)})`);
      }
    } catch (e) {
      out.crashes++;
      if (out.examples.length < 3) out.examples.push(`${target.name}: threw ${(e as Error).message} (input ${fc.stringify(input).slice(0, 200)})`);
    }
  }
  return out;
}
