import type { z } from 'zod';

/**
 * Data the bot keeps in an HTML comment on the last line of a text it writes (the request's clock, the partnership
 * card's state): invisible when rendered, read back only from the last line, so text people wrote above it can't
 * stand in for it.
 */

const lastLine = (name: string) => new RegExp(`\\n*<!-- mentorkit-${name} (\\{[^\\n]*?\\}) -->\\s*$`);

/** The data on the text's last line, or undefined when it is missing or doesn't match the schema. */
export function readHidden<S extends z.ZodType>(body: string | null | undefined, name: string, schema: S): z.infer<S> | undefined {
  const m = lastLine(name).exec(body ?? '');
  if (!m) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(m[1]!));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The text without its hidden data line. */
export function withoutHidden(body: string, name: string): string {
  return body.replace(lastLine(name), '');
}

/**
 * The HTML comment holding `value`; `<` and `>` are escaped so nothing in it can close the comment early. Keys are
 * written in sorted order: the same data read back and written again is the same text, so a run that repeats an
 * edit (after a failure half-way) finds nothing to change instead of editing the comment again.
 */
export function hiddenLine(name: string, value: unknown): string {
  return `<!-- mentorkit-${name} ${JSON.stringify(value, sortedKeys).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')} -->`;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
