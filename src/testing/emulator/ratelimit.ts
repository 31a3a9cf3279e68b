// Primary rate limit bookkeeping, only so the headers clients read are present and move like GitHub's.
// GITHUB_TOKEN gets 1,000 requests an hour per repository, a personal token 5,000.
export interface RateState {
  limit: number;
  remaining: number;
  reset: number;
  used: number;
}

export class RateLimits {
  private readonly used = new Map<string, number>();
  private windowEnd = 0;
  private readonly now: () => Date;

  constructor(now: () => Date) {
    this.now = now;
  }

  private roll(): void {
    const t = Math.floor(this.now().getTime() / 1000);
    if (t >= this.windowEnd) {
      this.windowEnd = t + 3600;
      this.used.clear();
    }
  }

  /** Counts one request for `key` (a login, or '' for anonymous) and returns the state after it. */
  hit(key: string, limit: number, count = true): RateState {
    this.roll();
    const used = (this.used.get(key) ?? 0) + (count ? 1 : 0);
    this.used.set(key, used);
    return { limit, used, remaining: Math.max(limit - used, 0), reset: this.windowEnd };
  }

  headers(s: RateState): Record<string, string> {
    return {
      'x-ratelimit-limit': String(s.limit),
      'x-ratelimit-remaining': String(s.remaining),
      'x-ratelimit-reset': String(s.reset),
      'x-ratelimit-used': String(s.used),
      'x-ratelimit-resource': 'core',
    };
  }
}
