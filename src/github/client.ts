import { Octokit } from 'octokit';
import Bottleneck from 'bottleneck/light.js';
import { createOnce } from './create-once.ts';

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
  /**
   * Minimum milliseconds between two writes (comments and other notifying writes wait three times as long).
   * GitHub asks integrations to space mutating requests about a second apart; 0 is for the emulator.
   */
  writePacingMs?: number;
  log?: (msg: string) => void;
  /** Seconds-to-milliseconds factor of the retry plugin's backoff (default 1000: 1 s, then 4 s); 0 in tests. */
  retryDelayMs?: number;
  /** The fetch octokit uses; tests pass one that fails or stops a run at a chosen call (src/testing/faults-matrix.ts). */
  fetch?: typeof globalThis.fetch;
}

export function createClient(o: ClientOptions): GitHub {
  const retries = o.rateLimitRetries ?? 3;
  const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    o.log?.(`${kind} on ${options.method} ${options.url}; retry ${retryCount + 1} in ${retryAfter}s`);
    return retryCount < retries;
  };
  const pacing = o.writePacingMs ?? 1000;
  // The throttling plugin's own groups are fixed at 1 s and 3 s; passing groups is how it lets pacing be set.
  const group = (id: string, minTime: number) => new Bottleneck.Group({ id, maxConcurrent: 1, minTime });
  const octokit = new Octokit({
    auth: o.token,
    baseUrl: o.baseUrl.replace(/\/$/, ''),
    userAgent: 'mentorkit-bot',
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      write: group('mentorkit-write', pacing),
      notifications: group('mentorkit-notifications', pacing * 3),
    },
    // Two retries (1 s, then 4 s): runs are idempotent and the next event or the daily sweep completes
    // anything left, so waiting longer would only hold up the single queue every event shares.
    retry: { retries: 2, ...(o.retryDelayMs !== undefined ? { retryAfterBaseValue: o.retryDelayMs } : {}) },
    ...(o.fetch ? { request: { fetch: o.fetch } } : {}),
    log: { debug: () => {}, info: () => {}, warn: (m: string) => o.log?.(m), error: (m: string) => o.log?.(m) },
  });
  createOnce(octokit);
  return octokit;
}
