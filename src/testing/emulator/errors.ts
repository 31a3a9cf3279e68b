// GitHub's error bodies. Clients (and @octokit/plugin-throttling) match on these messages, so they are verbatim.
export const DOCS_ROOT = 'https://docs.github.com/rest';
export const SECONDARY_RATE_LIMIT_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

export interface FieldError {
  resource: string;
  field?: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  message?: string;
  value?: unknown;
}

/** Thrown by handlers; the server turns it into a response. */
export class HttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    super(String(body.message));
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function errorBody(status: number, message: string, docs = DOCS_ROOT, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { message, ...extra, documentation_url: docs, status: String(status) };
}

export const notFound = (docs?: string) => new HttpError(404, errorBody(404, 'Not Found', docs));

export const validationFailed = (docs: string, errors: FieldError[]) =>
  new HttpError(422, errorBody(422, 'Validation Failed', docs, { errors }));

/** What GitHub answers when a token's user lacks the repository role an action needs. */
export const forbidden = (docs: string, message = 'Must have admin rights to Repository.') => new HttpError(403, errorBody(403, message, docs));

/** GITHUB_TOKEN is an installation token: user-scoped endpoints refuse it with this message. */
export const notAccessibleByIntegration = (docs: string) =>
  new HttpError(403, errorBody(403, 'Resource not accessible by integration', docs));
