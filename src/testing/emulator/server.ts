// The request pipeline: the test's latency (if set), then in GitHub's order injected fault, authentication,
// routing, request validation, handler, then response validation. Everything is recorded in `calls`; every
// mismatch with the OpenAPI description in `violations`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorObject } from 'ajv';
import { HttpError, errorBody, type FieldError } from './errors.ts';
import { faultResponse } from './faults.ts';
import type { Core } from './emulator.ts';
import type { RouteMatch } from './openapi.ts';
import type { Ctx, Handler, Result } from './routes/context.ts';
import { commentHandlers } from './routes/comments.ts';
import { repoCommentHandlers } from './routes/repo-comments.ts';
import { contentHandlers } from './routes/contents.ts';
import { gitHandlers } from './routes/git.ts';
import { pullHandlers } from './routes/pulls.ts';
import { issueEventHandlers } from './routes/issue-events.ts';
import { issueHandlers } from './routes/issues.ts';
import { labelHandlers } from './routes/labels.ts';
import { peopleHandlers } from './routes/people.ts';
import { BOT_LOGIN } from './state.ts';

const HANDLERS: Record<string, Handler> = {
  ...issueHandlers,
  ...issueEventHandlers,
  ...commentHandlers,
  ...repoCommentHandlers,
  ...labelHandlers,
  ...peopleHandlers,
  ...gitHandlers,
  ...contentHandlers,
  ...pullHandlers,
};

/** Header a helper sets to file an issue "through the issue form": existing labels apply whatever the role. */
export const ISSUE_FORM_HEADER = 'x-emulator-issue-form';

interface Outcome extends Result {
  fault?: boolean;
}

export async function handle(core: Core, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const requestId = core.nextRequestId();
  const raw = await readBody(req);
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', core.url);
  const match = core.openapi.match(method, url.pathname);
  const auth = core.authenticate(req.headers.authorization);
  // Latency is waited out before the fault and the handler, so the handler still runs in one synchronous step.
  const latency = core.latency;
  if (latency) {
    const ms = latency({ method, route: match?.template ?? null });
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }
  let out: Outcome;
  try {
    const fault = core.faults.take(method, url.pathname, match?.template ?? null);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    const injected = fault && faultResponse(fault, requestId);
    out = injected ? { ...injected, fault: true } : dispatch(core, { method, url, raw, match, auth, requestId, headers: req.headers });
  } catch (e) {
    if (e instanceof HttpError) out = { status: e.status, body: e.body, headers: e.headers };
    else {
      core.violation({ kind: 'response', method, path: url.pathname + url.search, operationId: match?.operationId ?? null, where: 'handler', message: `emulator crashed: ${(e as Error).stack ?? e}`, errors: [] });
      out = { status: 500, body: errorBody(500, 'Server Error') };
    }
  }
  if (match && core.validate && !out.fault) checkResponse(core, method, url, match, out);
  const rate = core.rate.hit(auth.login ?? '', limitFor(auth.login), match?.operationId !== 'rate-limit/get');
  const headers: Record<string, string> = {
    ...core.rate.headers(rate),
    'x-github-request-id': requestId,
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    ...out.headers,
  };
  const text = out.body === undefined ? '' : JSON.stringify(out.body);
  if (text) headers['content-type'] = 'application/json; charset=utf-8';
  // Recorded before the response leaves, so a client that awaited it always finds its call in `calls`.
  core.recordCall({
    method,
    path: url.pathname + url.search,
    route: match?.template ?? null,
    operationId: match?.operationId ?? null,
    status: out.status,
    ms: Math.round((performance.now() - started) * 100) / 100,
    user: auth.login,
    fault: Boolean(out.fault),
    requestId,
  });
  res.writeHead(out.status, headers);
  res.end(text);
}

interface Incoming {
  method: string;
  url: URL;
  raw: string;
  match: RouteMatch | null;
  auth: { login: string | null; error?: 'missing' | 'invalid' };
  requestId: string;
  headers: IncomingMessage['headers'];
}

function dispatch(core: Core, r: Incoming): Outcome {
  const path = r.url.pathname + r.url.search;
  if (r.auth.error === 'missing') return { status: 401, body: errorBody(401, 'Requires authentication') };
  if (r.auth.error === 'invalid' || !r.auth.login) return { status: 401, body: errorBody(401, 'Bad credentials') };
  if (!r.match) {
    const kind = core.openapi.classifyUnrouted(r.method, r.url.pathname);
    core.violation({
      kind: 'route',
      method: r.method,
      path,
      operationId: null,
      where: 'route',
      message: kind === 'unimplemented' ? `${r.method} ${r.url.pathname} is a GitHub operation the emulator does not implement` : `${r.method} ${r.url.pathname} is not a GitHub REST operation`,
      errors: [],
    });
    return { status: 404, body: errorBody(404, 'Not Found') };
  }
  const { operationId, template, docsUrl } = r.match;
  const params = pathParams(template, r.url.pathname);
  if (template.startsWith('/repos/{owner}/{repo}') && !sameRepo(core, params)) return { status: 404, body: errorBody(404, 'Not Found', docsUrl) };

  let body: unknown;
  if (r.raw.trim() !== '') {
    try {
      body = JSON.parse(r.raw);
    } catch {
      core.violation({ kind: 'request', method: r.method, path, operationId, where: 'requestBody', message: 'body is not JSON', errors: [] });
      return { status: 400, body: errorBody(400, 'Problems parsing JSON', docsUrl) };
    }
  }
  if (core.validate) {
    const errors = core.openapi.validateRequest({ method: r.method, url: path, headers: r.headers, body }, operationId);
    if (errors.length) {
      core.violation({ kind: 'request', method: r.method, path, operationId, where: whereOf(errors), message: describe(errors), errors });
      return { status: 422, body: errorBody(422, 'Validation Failed', docsUrl, { errors: errors.map((e) => fieldError(operationId, e)) }) };
    }
  }
  const login = r.auth.login;
  if (operationId === 'rate-limit/get') return rateLimit(core, login);
  const handler = HANDLERS[operationId];
  if (!handler) throw new Error(`no handler for ${operationId}`);
  const viaBot = login === BOT_LOGIN;
  const ctx: Ctx = {
    store: core.store,
    render: core.render,
    user: login,
    viaBot,
    params,
    url: r.url,
    body: (body && typeof body === 'object' ? body : {}) as Record<string, unknown>,
    docsUrl,
    issueForm: r.headers[ISSUE_FORM_HEADER] === 'true',
    emit: (name, action, parts) => core.emit(name, action, parts, login, r.requestId),
  };
  return handler(ctx);
}

function limitFor(login: string | null): number {
  return login === BOT_LOGIN ? 1000 : login ? 5000 : 60;
}

/** GET /rate_limit does not count against the limit it reports. */
function rateLimit(core: Core, login: string): Outcome {
  const s = core.rate.hit(login, limitFor(login), false);
  const core_ = { limit: s.limit, used: s.used, remaining: s.remaining, reset: s.reset };
  const other = (limit: number) => ({ limit, used: 0, remaining: limit, reset: s.reset });
  return {
    status: 200,
    body: { resources: { core: core_, search: other(30), graphql: other(login === BOT_LOGIN ? 1000 : 5000), integration_manifest: other(5000) }, rate: core_ },
  };
}

function checkResponse(core: Core, method: string, url: URL, match: RouteMatch, out: Outcome): void {
  const body = out.body === undefined ? undefined : JSON.parse(JSON.stringify(out.body));
  const errors = core.openapi.validateResponse(match.operationId, match.template, method, out.status, body);
  if (errors === null) {
    // Undocumented error statuses are normal on GitHub (401, 403, 500); an undocumented success is our bug.
    if (out.status < 400) {
      core.violation({ kind: 'response', method, path: url.pathname + url.search, operationId: match.operationId, where: `response ${out.status}`, message: `status ${out.status} is not documented for ${match.operationId}`, errors: [] });
    }
    return;
  }
  if (errors.length) {
    core.violation({ kind: 'response', method, path: url.pathname + url.search, operationId: match.operationId, where: `response ${out.status}`, message: describe(errors), errors });
  }
}

function pathParams(template: string, pathname: string): Record<string, string> {
  const t = template.split('/');
  const p = pathname.replace(/\/+$/, '').split('/');
  const out: Record<string, string> = {};
  t.forEach((seg, i) => {
    const m = /^\{(.+)\}$/.exec(seg);
    if (m && p[i] !== undefined) out[m[1]!] = safeDecode(p[i]!);
  });
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function sameRepo(core: Core, params: Record<string, string>): boolean {
  return params.owner?.toLowerCase() === core.store.owner.toLowerCase() && params.repo?.toLowerCase() === core.store.repo.toLowerCase();
}

function whereOf(errors: ErrorObject[]): string {
  const e = errors[0];
  if ((e?.params as { missingProperty?: string } | undefined)?.missingProperty === 'requestBody') return 'requestBody';
  return e?.instancePath.split('/')[1] ?? 'request';
}

function describe(errors: ErrorObject[]): string {
  return errors
    .map((e) => {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      return `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${extra ? `: ${extra}` : ''}`;
    })
    .join('; ');
}

function resourceOf(operationId: string): string {
  if (operationId.includes('comment')) return 'IssueComment';
  if (operationId.includes('label')) return 'Label';
  if (operationId.startsWith('issues/')) return 'Issue';
  if (operationId.startsWith('pulls/')) return 'PullRequest';
  return 'Request';
}

function fieldError(operationId: string, e: ErrorObject): FieldError {
  const segments = e.instancePath.split('/').filter(Boolean);
  const missing = e.keyword === 'required' ? String((e.params as { missingProperty?: string }).missingProperty) : undefined;
  const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty?: string }).additionalProperty) : undefined;
  const field = missing ?? extra ?? segments.slice(1).join('.') ?? segments[0] ?? '';
  return {
    resource: resourceOf(operationId),
    field: field || (segments[0] ?? ''),
    code: missing ? 'missing_field' : 'invalid',
    message: `${segments.join('.') || 'request'} ${e.message ?? e.keyword}`,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
