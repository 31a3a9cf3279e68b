import { z } from 'zod';
import { programSchema } from './program.ts';

/**
 * docs/program-yml.md is generated from the zod schema, so the schema and its
 * documentation cannot drift apart (a test compares the committed file).
 */

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  enum?: unknown[];
  format?: string;
}

interface Row {
  key: string;
  type: string;
  required: boolean;
  default: string;
  rule: string;
  description: string;
}

function typeOf(s: JsonSchema): string {
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'values'}`;
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(' \\| ');
  if (Array.isArray(s.type)) return s.type.join(' or ');
  if (s.format === 'uri') return 'URL';
  return s.type ?? 'any';
}

function ruleOf(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum}–${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
  if (s.maxLength !== undefined) parts.push(`≤ ${s.maxLength} chars`);
  if (s.minItems !== undefined) parts.push(`at least ${s.minItems}`);
  if (s.type === 'array' && s.items) {
    const inner = ruleOf(s.items);
    if (inner) parts.push(`each ${inner}`);
  }
  return parts.join(', ');
}

function walk(schema: JsonSchema, prefix: string, rows: Row[]): void {
  const required = new Set(schema.required ?? []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const key = prefix ? `${prefix}.${name}` : name;
    const isObject = prop.type === 'object';
    rows.push({
      key,
      type: isObject ? 'mapping' : typeOf(prop),
      required: required.has(name) && prop.default === undefined,
      default: defaultOf(prop, isObject),
      rule: ruleOf(prop),
      description: prop.description ?? '',
    });
    if (isObject) walk(prop, key, rows);
    if (prop.type === 'array' && prop.items?.type === 'object') walk(prop.items, `${key}[]`, rows);
  }
}

function defaultOf(prop: JsonSchema, isObject: boolean): string {
  if (prop.default === undefined || isObject) return '';
  if (Array.isArray(prop.default) && prop.default.some((d) => typeof d === 'object')) return 'see below';
  return `\`${JSON.stringify(prop.default)}\``;
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function programDocs(): string {
  const json = z.toJSONSchema(programSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: Row[] = [];
  walk(json, '', rows);
  const table = [
    '| key | type | required | default | allowed | description |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.key}\` | ${esc(r.type)} | ${r.required ? 'yes' : ''} | ${esc(r.default)} | ${esc(r.rule)} | ${esc(r.description)} |`),
  ].join('\n');
  return `<!-- Generated from src/core/program.ts by \`npm run docs\`. Do not edit by hand. -->
# program.yml reference

\`program.yml\` at the repository root holds the rules of your program. It is checked by
\`npm run validate\`, by every site build and by the bot; a mistake is reported as
\`program.yml:LINE: key: message\`. Keys not listed here are rejected, so a typo cannot be silently ignored.

${table}

Defaults apply when a key is left out. The taxonomy's \`stages\`, \`formats\` and \`kinds\` default to:

${defaultsList()}
`;
}

function defaultsList(): string {
  const t = programSchema.parse({ name: 'x', repository: 'o/r', maintainers: ['m'], taxonomy: { topics: [{ id: 't', label: 'T' }] } }).taxonomy;
  return (['stages', 'formats', 'kinds'] as const)
    .map((k) => `- \`${k}\`: ${t[k].map((i) => `\`${i.id}\` (${i.label})`).join(', ')}`)
    .join('\n');
}
