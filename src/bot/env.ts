import { z } from 'zod';

/** The Actions environment the bot runs in. Input names follow Actions: INPUT_<NAME> with the name upper-cased. */
export const envSchema = z.object({
  GITHUB_EVENT_NAME: z.string({ error: 'is not set; the bot runs inside GitHub Actions (or the emulator sets it)' }).min(1),
  GITHUB_EVENT_PATH: z.string({ error: 'is not set; it must point at the event payload JSON' }).min(1),
  GITHUB_REPOSITORY: z.string({ error: 'is not set' }).regex(/^[^/]+\/[^/]+$/, { error: 'must be owner/repo' }),
  GITHUB_API_URL: z.url({ error: 'must be the REST API URL, e.g. https://api.github.com' }).default('https://api.github.com'),
  GITHUB_WORKSPACE: z.string().default(process.cwd()),
  'INPUT_GITHUB-TOKEN': z.string({ error: 'is empty; pass `github-token` (it defaults to github.token)' }).min(1),
  'INPUT_BOT-LOGIN': z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : 'github-actions[bot]')),
  MENTORKIT_WRITE_PACING_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int({ error: 'must be a whole number of milliseconds' })
    .min(0)
    .max(10_000)
    .default(1000),
  /** A test-only clock: the bot's `now`, so timeline tests can run a day's sweep on any day. */
  MENTORKIT_NOW: z.iso
    .datetime({ offset: true, error: 'must be an ISO date-time such as 2026-03-01T05:23:00Z' })
    .optional()
    .transform((v) => (v ? new Date(v) : undefined)),
  /** Which of the bot's jobs this workflow runs: the request workflow, or profile freshness (which may open PRs). */
  INPUT_TASK: z
    .enum(['requests', 'freshness'], { error: 'must be "requests" or "freshness"' })
    .optional()
    .transform((v) => v ?? 'requests'),
  'INPUT_DRY-RUN': z
    .string()
    .optional()
    .transform((v) => v === 'true'),
});
export type BotEnv = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv): { env?: BotEnv; errors: string[] } {
  const r = envSchema.safeParse(env);
  if (r.success) return { env: r.data, errors: [] };
  return { errors: r.error.issues.map((i) => `${String(i.path[0])} ${i.message}`) };
}
