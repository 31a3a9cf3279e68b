import { forbidden, notFound } from '../errors.ts';
import type { Renderer } from '../render.ts';
import type { Store } from '../state.ts';
import type { EventName, IssueRecord, Role } from '../types.ts';
import type { PayloadParts } from '../webhooks.ts';

export interface Ctx {
  store: Store;
  render: Renderer;
  /** Login of the token's user. */
  user: string;
  viaBot: boolean;
  params: Record<string, string>;
  url: URL;
  /** Parsed JSON body (already validated against the operation's schema when validation is on). */
  body: Record<string, unknown>;
  docsUrl: string;
  /** The request came from the issue-form helper: existing template labels apply whoever files the issue. */
  issueForm: boolean;
  emit(name: EventName, action: string, parts: PayloadParts): void;
}

export interface Result {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx) => Result;

export function requireIssue(ctx: Ctx): IssueRecord {
  const n = Number(ctx.params.issue_number);
  const issue = Number.isInteger(n) ? ctx.store.issue(n) : undefined;
  if (!issue) throw notFound(ctx.docsUrl);
  return issue;
}

export function requireRole(ctx: Ctx, role: Role): void {
  if (!ctx.store.atLeast(ctx.user, role)) throw forbidden(ctx.docsUrl);
}

/** Label names from the forms GitHub accepts: ["a"], [{ name: "a" }]. */
export function labelNames(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown })?.name ?? ''))).filter((n) => n.trim() !== '');
}

export function json(status: number, body?: unknown, headers?: Record<string, string>): Result {
  return { status, body, headers };
}

export function noContent(): Result {
  return { status: 204 };
}
