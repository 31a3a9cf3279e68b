// Injected failures, answered before the request reaches a handler (so a failed write changes nothing, as when
// GitHub rejects it at the edge). Faults are consumed first-come: the oldest matching entry answers.
import { DOCS_ROOT, SECONDARY_RATE_LIMIT_DOCS, errorBody } from './errors.ts';
import type { FaultSpec } from './types.ts';

interface Entry extends FaultSpec {
  remaining: number;
}

export interface FaultResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

const MESSAGES: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'Too Many Requests',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

export class Faults {
  private entries: Entry[] = [];

  add(spec: FaultSpec): void {
    if (spec.status === undefined && spec.delayMs === undefined) throw new Error('fault() needs a status or a delayMs');
    this.entries.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.entries = [];
  }

  get pending(): number {
    return this.entries.reduce((n, e) => n + e.remaining, 0);
  }

  /** Takes the first fault matching this request, if any. */
  take(method: string, pathname: string, template: string | null): Entry | undefined {
    const i = this.entries.findIndex((e) => matches(e, method, pathname, template));
    if (i < 0) return undefined;
    const e = this.entries[i]!;
    if (--e.remaining <= 0) this.entries.splice(i, 1);
    return e;
  }
}

function matches(e: FaultSpec, method: string, pathname: string, template: string | null): boolean {
  if (e.method && e.method.toUpperCase() !== method.toUpperCase()) return false;
  if (e.route instanceof RegExp) return e.route.test(pathname);
  if (typeof e.route === 'string') return e.route === template || e.route === pathname;
  return true;
}

export function faultResponse(e: FaultSpec, requestId: string): FaultResponse | undefined {
  if (e.status === undefined) return undefined;
  const headers: Record<string, string> = {};
  if (e.retryAfter !== undefined) headers['retry-after'] = String(e.retryAfter);
  if (e.secondaryRateLimit) {
    const message =
      e.message ??
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;
    return { status: e.status, body: { message, documentation_url: SECONDARY_RATE_LIMIT_DOCS, status: String(e.status) }, headers };
  }
  const extra = e.status === 422 ? { errors: [] } : {};
  return { status: e.status, body: errorBody(e.status, e.message ?? MESSAGES[e.status] ?? 'Error', DOCS_ROOT, extra), headers };
}
