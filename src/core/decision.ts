import { z } from 'zod';
import { clockSchema } from './clock.ts';

/**
 * What the bot will do, as plain data: the GitHub adapter applies it, a dry run
 * prints it, tests assert on it.
 */
export const commentActionSchema = z.object({
  /** Kind and key form the hidden marker `<!-- mentorkit:<kind>:<key> -->` that makes comments idempotent. */
  kind: z.string().regex(/^[a-z-]+$/),
  key: z.string().regex(/^[A-Za-z0-9._-]+$/),
  body: z.string(),
  /** upsert: create, or edit the existing one in place; once: create only if none exists yet. */
  mode: z.enum(['upsert', 'once']),
});
export type CommentAction = z.infer<typeof commentActionSchema>;

export const decisionSchema = z.object({
  issue: z.number().int(),
  addLabels: z.array(z.string()).default([]),
  removeLabels: z.array(z.string()).default([]),
  comments: z.array(commentActionSchema).default([]),
  close: z.object({ reason: z.enum(['completed', 'not_planned']) }).optional(),
  /** Reopen a closed issue: a maintainer's /reopen. */
  reopen: z.boolean().optional(),
  /**
   * Apply the labels, then re-read the live requests and settle this acceptance against concurrent ones
   * before anything is announced (docs/races.md).
   */
  verify: z.literal('acceptance').optional(),
  /** The request's clock to keep at the end of its body (written only when it differs from the one there). */
  clock: clockSchema.optional(),
  /** Why, in a sentence each: printed by --dry-run and in the Actions log. */
  notes: z.array(z.string()).default([]),
});
export type Decision = z.infer<typeof decisionSchema>;

export function emptyDecision(issue: number): Decision {
  return { issue, addLabels: [], removeLabels: [], comments: [], notes: [] };
}

export function marker(kind: string, key: string): string {
  return `<!-- mentorkit:${kind}:${key} -->`;
}

const MARKER = /<!-- mentorkit:([a-z-]+):([A-Za-z0-9._-]+) -->/;
export function readMarker(body: string | null | undefined): { kind: string; key: string } | undefined {
  const m = MARKER.exec(body ?? '');
  return m ? { kind: m[1]!, key: m[2]! } : undefined;
}

/** Labels after applying a decision, preserving labels the bot does not manage. */
export function applyLabels(current: readonly string[], d: Pick<Decision, 'addLabels' | 'removeLabels'>): string[] {
  const remove = new Set(d.removeLabels);
  const out = current.filter((l) => !remove.has(l));
  for (const l of d.addLabels) if (!out.includes(l)) out.push(l);
  return out;
}
