import { Octokit } from 'octokit';

/**
 * The one way mentorkit talks to GitHub: REST through octokit, with the retry
 * plugin for 5xx and the throttling plugin for primary and secondary rate
 * limits (both bundled in the `octokit` package's Octokit).
 */
export type GitHub = InstanceType<typeof Octokit>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Retries for a request that hit a rate limit; the throttling plugin waits `retry-after` first. */
  rateLimitRetries?: number;
  log?: (msg: string) => void;
}

export function createClient(o: ClientOptions): GitHub {
  const retries = o.rateLimitRetries ?? 3;
  const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    o.log?.(`${kind} on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`);
    return retryCount < retries;
  };
  return new Octokit({
    auth: o.token,
    baseUrl: o.baseUrl.replace(/\/$/, ''),
    userAgent: 'mentorkit-bot',
    throttle: { onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    // Two retries (1 s, then 4 s): runs are idempotent and the next event or the daily sweep completes
    // anything left, so waiting longer would only hold up the single queue every event shares.
    retry: { retries: 2 },
    log: { debug: () => {}, info: () => {}, warn: (m: string) => o.log?.(m), error: (m: string) => o.log?.(m) },
  });
}
