import { Octokit } from 'octokit';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/testing/emulator/index.ts';

export const OWNER = 'mentorkit';
export const REPO = 'mentorkit';
export const repo = { owner: OWNER, repo: REPO } as const;

/** A clock the test moves by hand, so timestamps are exact. */
export function manualClock(start = '2025-03-03T09:00:00Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    iso: () => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/**
 * The cast used across the emulator tests: one person per repository role, an organisation with public and
 * private members, one team, and people with no role at all (mentors and mentees usually have none).
 */
export function cast(extra: Partial<EmulatorOptions> = {}): EmulatorOptions {
  return {
    owner: OWNER,
    repo: REPO,
    users: [{ login: 'mia-mentee', name: 'Mia' }, { login: 'amara-mentor' }, { login: 'renovate[bot]', type: 'Bot' }],
    collaborators: { chair: 'admin', keeper: 'maintain', writer: 'write', triager: 'triage', reader: 'read' },
    orgMembers: { [OWNER]: { public: ['chair', 'pub-member'], private: ['keeper', 'priv-member'] } },
    teams: { [`${OWNER}/committee`]: ['chair', 'priv-member'] },
    // Issue forms only apply labels that exist, so the form's label is set up like the labels script would.
    labels: [{ name: 'request', color: '0052cc', description: 'A mentee’s request for a mentor' }],
    ...extra,
  };
}

export function start(extra: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator(cast(extra));
}

/** A plain client: no retries and no throttling, so a failure shows up as the failure. */
export function client(gh: Emulator, token: string): Octokit {
  return new Octokit({ auth: token, baseUrl: gh.url, retry: { enabled: false }, throttle: { enabled: false } });
}

/** Keys of an object, recursively, as dotted paths (array elements are merged under `[]`). */
export function keyPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) keyPaths(v, `${prefix}[]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.add(p);
      keyPaths(v, p, out);
    }
  }
  return out;
}

export function topKeys(value: unknown): string[] {
  return Object.keys(value as object).sort();
}
