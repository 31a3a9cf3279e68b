// Request and response validation against the official description.
//
// openapi-backend routes requests and validates their parameters and bodies. It would also validate responses,
// but it dereferences the document and compiles every status of an operation at once, inlining `issue`,
// `simple-user` and friends again in each schema: ~1 s of Ajv compilation. Responses are therefore validated
// with one Ajv instance that holds the subset document and compiles `{ $ref }`s to it lazily, so each component
// is compiled once per process. Both sides use Ajv instances obtained from openapi-backend, so the emulator
// depends on no package the project does not declare.
import { OpenAPIBackend } from 'openapi-backend';
import type { ErrorObject } from 'ajv';
import { ITEM_SCHEMAS, loadSpecSubset, type SpecSubset } from './spec.ts';

type AjvLike = {
  addSchema(schema: object, key?: string, meta?: boolean, validateSchema?: boolean): unknown;
  compile(schema: object): ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
};

export interface RouteMatch {
  operationId: string;
  /** OpenAPI path template. */
  template: string;
  docsUrl: string;
}

export interface RequestInput {
  method: string;
  /** Path including the query string. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, the raw text when it is not JSON, or undefined. */
  body: unknown;
}

const FORMATS = {
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i,
  date: /^\d{4}-\d\d-\d\d$/,
  uri: (s: string) => URL.canParse(s),
  // Formats GitHub uses only descriptively; accepting them keeps Ajv quiet.
  'uri-template': true,
  email: true,
  binary: true,
  hostname: true,
  ipv4: true,
  ipv6: true,
  uuid: true,
  'repo.nwo': true,
} as const;

export class OpenApi {
  private static instance: Promise<OpenApi> | undefined;
  readonly spec: SpecSubset;
  private readonly backend: OpenAPIBackend;
  private readonly responseAjv: AjvLike;
  private readonly responseValidators = new Map<string, ReturnType<AjvLike['compile']> | null>();
  private allTemplates: Array<{ method: string; re: RegExp; literals: number }> | undefined;

  /** One per process: the compiled validators are pure functions of the spec and are worth sharing. */
  static get(): Promise<OpenApi> {
    OpenApi.instance ??= OpenApi.create();
    return OpenApi.instance;
  }

  private static async create(): Promise<OpenApi> {
    const spec = loadSpecSubset();
    const backend = new OpenAPIBackend({
      definition: structuredClone(spec.document) as never,
      quick: true, // synchronous dereference, validators compiled on first use
      validate: true,
      coerceTypes: true, // query strings arrive as text; `per_page=abc` must fail, `per_page=5` must not
      ajvOpts: { formats: FORMATS as never, logger: false, allErrors: true },
    });
    await backend.init();
    return new OpenApi(spec, backend);
  }

  private constructor(spec: SpecSubset, backend: OpenAPIBackend) {
    this.spec = spec;
    this.backend = backend;
    const validator = backend.validator;
    const original = validator.getAjv.bind(validator);
    // openapi-backend makes a fresh Ajv for every operation and context; sharing two (coercing for parameters,
    // plain for bodies) cuts request-validator compilation from ~500 ms to ~90 ms for the whole subset.
    const plain = original('requestBodyValidator' as never);
    const coercing = original('paramsValidator' as never, { coerceTypes: true });
    validator.getAjv = ((_ctx: unknown, opts: { coerceTypes?: boolean } = {}) => (opts.coerceTypes ? coercing : plain)) as never;
    // Refs compiled as functions of their own, not inlined: the issue events' anyOf of 26 event kinds, each with
    // simple-user and the app inlined again, otherwise takes ~300 ms to compile (~150 ms this way).
    this.responseAjv = original('responseValidator' as never, { inlineRefs: false } as never) as unknown as AjvLike;
    this.responseAjv.addSchema(structuredClone(spec.document), 'gh', undefined, false);
  }

  match(method: string, pathname: string): RouteMatch | null {
    const op = this.backend.router.matchOperation({ method, path: pathname, headers: {} });
    if (!op?.operationId) return null;
    // `/issues/comments` fits `/issues/{issue_number}` too; GitHub routes it to its own (unimplemented) operation.
    if (this.moreSpecificElsewhere(method, pathname, op.path)) return null;
    const docs = (op as { externalDocs?: { url?: string } }).externalDocs?.url ?? 'https://docs.github.com/rest';
    return { operationId: op.operationId, template: op.path, docsUrl: docs };
  }

  /** For a request the emulator cannot route: is it a GitHub operation we did not implement, or nothing at all? */
  classifyUnrouted(method: string, pathname: string): 'unimplemented' | 'unknown' {
    return this.templates().some((t) => t.method === method.toUpperCase() && t.re.test(pathname)) ? 'unimplemented' : 'unknown';
  }

  private moreSpecificElsewhere(method: string, pathname: string, template: string): boolean {
    const literals = literalCount(template);
    return this.templates().some((t) => t.method === method.toUpperCase() && t.literals > literals && t.re.test(pathname));
  }

  private templates(): Array<{ method: string; re: RegExp; literals: number }> {
    this.allTemplates ??= this.spec.allOperations.map((s) => {
      const [m, t] = s.split(' ') as [string, string];
      const pattern = t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      return { method: m, re: new RegExp(`^${pattern}/?$`), literals: literalCount(t) };
    });
    return this.allTemplates;
  }

  validateRequest(req: RequestInput, operationId: string): ErrorObject[] {
    const result = this.backend.validateRequest(
      { method: req.method, path: req.url, headers: req.headers as Record<string, string | string[]>, body: req.body },
      operationId,
    );
    return (result.errors ?? []) as ErrorObject[];
  }

  /**
   * Errors for a response body, [] when it conforms, null when the operation documents no such status (GitHub
   * may answer any request with 401, 403, 500... and the description only lists the usual ones).
   */
  validateResponse(operationId: string, template: string, method: string, status: number, body: unknown): ErrorObject[] | null {
    const key = `${operationId} ${status}`;
    if (!this.responseValidators.has(key)) this.responseValidators.set(key, this.compileResponse(template, method, status));
    const validate = this.responseValidators.get(key);
    if (validate === undefined || validate === null) {
      if (!this.documented(template, method, status)) return null;
      // "No content" on a 204 or 302 means none; on an error status GitHub still sends its JSON message.
      return body !== undefined && status < 400 ? [bodyNotAllowed(status)] : [];
    }
    if (!validate(body)) return [...(validate.errors ?? [])];
    return this.validateItems(operationId, status, body);
  }

  /** ITEM_SCHEMAS: each item of a successful list against the schema of its kind (unknown kinds are errors). */
  private validateItems(operationId: string, status: number, body: unknown): ErrorObject[] {
    const spec = ITEM_SCHEMAS[operationId];
    if (!spec || status >= 300 || !Array.isArray(body)) return [];
    const errors: ErrorObject[] = [];
    body.forEach((item: unknown, i) => {
      const kind = String((item as Record<string, unknown> | null)?.[spec.by]);
      const name = spec.schemas[kind];
      if (!name) {
        errors.push({ instancePath: `/${i}/${spec.by}`, schemaPath: '#', keyword: 'enum', params: { allowedValues: Object.keys(spec.schemas) }, message: `is ${kind}, which the emulator does not produce` });
        return;
      }
      const key = `#schema ${name}`;
      if (!this.responseValidators.has(key)) this.responseValidators.set(key, this.responseAjv.compile({ $ref: `gh#/components/schemas/${esc(name)}` }));
      const validate = this.responseValidators.get(key)!;
      if (!validate(item)) for (const e of validate.errors ?? []) errors.push({ ...e, instancePath: `/${i}${e.instancePath}`, message: `${e.message ?? e.keyword} (as ${name})` });
    });
    return errors;
  }

  private responseObject(template: string, method: string, status: number): { pointer: string; content?: Record<string, { schema?: unknown }> } | null {
    const doc = this.spec.document as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>; components: { responses?: Record<string, unknown> } };
    const res = doc.paths[template]?.[method.toLowerCase()]?.responses?.[String(status)] as { $ref?: string; content?: Record<string, { schema?: unknown }> } | undefined;
    if (!res) return null;
    if (res.$ref) {
      const name = res.$ref.split('/').pop()!;
      return { pointer: `/components/responses/${esc(name)}`, ...(doc.components.responses?.[name] as object) };
    }
    return { pointer: `/paths/${esc(template)}/${method.toLowerCase()}/responses/${status}`, ...res };
  }

  private documented(template: string, method: string, status: number): boolean {
    return this.responseObject(template, method, status) !== null;
  }

  private compileResponse(template: string, method: string, status: number): ReturnType<AjvLike['compile']> | null {
    const res = this.responseObject(template, method, status);
    if (!res?.content?.['application/json']?.schema) return null;
    return this.responseAjv.compile({ $ref: `gh#${res.pointer}/content/application~1json/schema` });
  }
}

function literalCount(template: string): number {
  return template.split('/').filter((seg) => seg && !seg.includes('{')).length;
}

/** A JSON-pointer segment, percent-encoded for use in a URI fragment (templates contain braces). */
function esc(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function bodyNotAllowed(status: number): ErrorObject {
  return { instancePath: '', schemaPath: '#', keyword: 'content', params: {}, message: `status ${status} is documented without a body` };
}
