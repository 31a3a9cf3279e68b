// The official GitHub REST description is ~13 MB with ~1000 operations; compiling validators for all of it
// would take many seconds. We cut out only the operations the emulator implements, plus the components they
// reference, and cache that subset on disk keyed by the @octokit/openapi version (the full parse costs ~0.2 s).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** Operations the emulator implements. Anything else the spec knows is answered 404 and recorded. */
export const OPERATIONS: ReadonlyArray<readonly [Method, string]> = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['post', '/repos/{owner}/{repo}/issues'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['patch', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['put', '/repos/{owner}/{repo}/issues/{issue_number}/lock'],
  ['delete', '/repos/{owner}/{repo}/issues/{issue_number}/lock'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['get', '/repos/{owner}/{repo}/issues/comments'],
  ['get', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['delete', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/events'],
  ['get', '/repos/{owner}/{repo}/labels'],
  ['post', '/repos/{owner}/{repo}/labels'],
  ['get', '/repos/{owner}/{repo}/labels/{name}'],
  ['patch', '/repos/{owner}/{repo}/labels/{name}'],
  ['delete', '/repos/{owner}/{repo}/labels/{name}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['put', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['delete', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['delete', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}'],
  ['get', '/repos/{owner}/{repo}/collaborators/{username}/permission'],
  ['get', '/repos/{owner}/{repo}/collaborators/{username}'],
  ['get', '/orgs/{org}/members/{username}'],
  ['get', '/orgs/{org}/public_members/{username}'],
  ['get', '/orgs/{org}/teams/{team_slug}/memberships/{username}'],
  ['get', '/users/{username}'],
  ['get', '/user'],
  ['get', '/rate_limit'],
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['post', '/repos/{owner}/{repo}/git/refs'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['put', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
];

/**
 * Lists whose documented item schema is too loose to catch a mistake, checked item by item against the schema
 * of the item's own kind as well. `issue-event-for-issue` is an anyOf in which the project-card branches require
 * only the fields every event has, so any event passes it; and closed/reopened events, which GitHub sends, are
 * documented as `state-change-issue-event` (for the timeline) only.
 */
export const ITEM_SCHEMAS: Readonly<Record<string, { by: string; schemas: Readonly<Record<string, string>> }>> = {
  'issues/list-events': {
    by: 'event',
    schemas: {
      labeled: 'labeled-issue-event',
      unlabeled: 'unlabeled-issue-event',
      renamed: 'renamed-issue-event',
      closed: 'state-change-issue-event',
      reopened: 'state-change-issue-event',
    },
  },
};

/**
 * Responses the description gets wrong in a way no body can satisfy: the 409 of PUT contents is a `oneOf` of
 * basic-error and repository-rule-violation-error, two schemas without required keys, so every error body
 * matches both and the `oneOf` fails whatever GitHub sends. They are read as `anyOf`.
 */
const ONE_OF_AS_ANY_OF: ReadonlyArray<readonly [Method, string, string]> = [['put', '/repos/{owner}/{repo}/contents/{path}', '409']];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export interface SpecSubset {
  /** OpenAPI 3.0 document holding only OPERATIONS, ITEM_SCHEMAS and what they reference (no examples). */
  document: JsonObject;
  /** Every `METHOD /template` of the full description, to tell "unimplemented" from "not GitHub at all". */
  allOperations: string[];
  /** @octokit/openapi version the subset came from. */
  version: string;
}

const require = createRequire(import.meta.url);
let memo: SpecSubset | undefined;

export function loadSpecSubset(): SpecSubset {
  if (memo) return memo;
  const version = (require('@octokit/openapi/package.json') as { version: string }).version;
  // Keyed by this file's own text too, so a change to how the subset is cut never reads a stale cache.
  const key = createHash('sha256').update(version).update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'mentorkit-github-emulator');
  const file = join(dir, `subset-${key}.json`);
  try {
    memo = JSON.parse(readFileSync(file, 'utf8')) as SpecSubset;
    return memo;
  } catch {
    // no cache yet (or unreadable): build it below
  }
  const full = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as JsonObject;
  memo = { document: buildSubset(full), allOperations: listOperations(full), version };
  try {
    mkdirSync(dir, { recursive: true });
    // Write-then-rename so a parallel test worker never reads a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(memo));
    renameSync(tmp, file);
  } catch {
    // A read-only tmp only costs the rebuild next time.
  }
  return memo;
}

function listOperations(full: JsonObject): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(full.paths as JsonObject)) {
    for (const m of Object.keys(item as JsonObject)) if (METHODS.includes(m)) out.push(`${m.toUpperCase()} ${path}`);
  }
  return out;
}

export function buildSubset(full: JsonObject): JsonObject {
  const fullPaths = full.paths as Record<string, JsonObject>;
  const paths: Record<string, JsonObject> = {};
  for (const [method, path] of OPERATIONS) {
    const item = fullPaths[path];
    const op = item?.[method];
    if (!item || !op) throw new Error(`@octokit/openapi has no operation ${method.toUpperCase()} ${path}`);
    const target = (paths[path] ??= item.parameters ? { parameters: item.parameters } : {});
    target[method] = op;
    for (const [m, p, status] of ONE_OF_AS_ANY_OF) {
      if (m !== method || p !== path) continue;
      type Responses = Record<string, { content: Record<string, { schema: JsonObject }> }>;
      const copy = structuredClone(op) as JsonObject;
      const media = (copy.responses as unknown as Responses)[status]!.content['application/json']!;
      const { oneOf, ...rest } = media.schema;
      media.schema = { ...rest, anyOf: oneOf! };
      target[method] = copy;
    }
  }
  const components: Record<string, Record<string, Json>> = {};
  const fullComponents = full.components as Record<string, Record<string, Json>>;
  const itemRefs = Object.values(ITEM_SCHEMAS).flatMap((i) => Object.values(i.schemas).map((name) => ({ $ref: `#/components/schemas/${name}` })));
  const pending: Json[] = [strip(paths as Json), itemRefs];
  const seen = new Set<string>();
  // Breadth-first over $refs: pull in each referenced component once, then scan it for more refs.
  while (pending.length) {
    const node = pending.pop()!;
    for (const ref of refsIn(node)) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const [, , kind, name] = ref.split('/') as [string, string, string, string];
      const value = fullComponents[kind]?.[name];
      if (value === undefined) throw new Error(`dangling ${ref}`);
      const stripped = strip(value);
      (components[kind] ??= {})[name] = stripped;
      pending.push(stripped);
    }
  }
  return {
    openapi: full.openapi as string,
    info: full.info as Json,
    servers: [{ url: '/' }],
    paths: strip(paths as Json),
    components,
  } as JsonObject;
}

function refsIn(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refsIn(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

// Examples and prose are most of the bytes and mean nothing to a validator. Keys inside `properties`
// are property names, not keywords, so they are kept whatever they are called.
function strip(node: Json, inProperties = false): Json {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (!inProperties && (k === 'examples' || k === 'example' || k === 'x-github')) continue;
    if (!inProperties && (k === 'description' || k === 'summary') && typeof v === 'string') {
      out[k] = ''; // responses must keep a description to stay valid OpenAPI
      continue;
    }
    out[k] = strip(v, !inProperties && k === 'properties');
  }
  return inProperties ? out : nullable(out);
}

// OpenAPI 3.0 `nullable` needs two translations for Ajv. Next to oneOf/anyOf without a `type`, Ajv refuses it
// ("nullable" cannot be used without "type"), so null becomes one more alternative. Next to an `enum`, Ajv
// still applies the enum to null (`state_reason: null` would fail), so null joins the enum.
function nullable(schema: JsonObject): JsonObject {
  if (schema.nullable !== true) return schema;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema = { ...schema, enum: [...schema.enum, null] };
  if ('type' in schema) return schema;
  const { nullable: _, ...rest } = schema;
  const nul = { type: 'null' } as JsonObject;
  if (Array.isArray(rest.oneOf)) return { ...rest, oneOf: [...rest.oneOf, nul] };
  if (Array.isArray(rest.anyOf)) return { ...rest, anyOf: [...rest.anyOf, nul] };
  return { anyOf: [rest, nul] };
}
