import { z } from 'zod';
import { GITHUB_LOGIN } from './github-login.ts';

/**
 * program.yml `safety:`: who reads Code of Conduct reports and where they go. A public repository is the worst place
 * for a report, so the channel is private: a private repository the bot files into, a form, or an e-mail address.
 */

const login = z.string().regex(GITHUB_LOGIN, { error: 'is not a GitHub login (letters, digits and single hyphens, at most 39 characters)' });

export const safetySchema = z.strictObject({
  moderators: z
    .array(login)
    .optional()
    .describe('GitHub logins of the people who read Code of Conduct reports and may /pause someone. Unset: the maintainers.'),
  report: z
    .strictObject({
      repository: z
        .string()
        .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { error: 'must be "owner/name" of a private repository, e.g. my-society/conduct-reports' })
        .optional()
        .describe('A private repository (owner/name) the bot files each `/report` into, as an issue with the reporter, the thread and the reason. Needs token_secret.'),
      token_secret: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be the name of a repository secret, e.g. MENTORKIT_REPORTS_TOKEN (letters, digits and underscores)' })
        .optional()
        .describe('Name of the repository secret holding a token with issues: write on the private repository (GITHUB_TOKEN cannot reach another repository). mentor-bot.yml maps the secret onto an environment variable of the same name; the default workflow uses MENTORKIT_REPORTS_TOKEN.'),
      form: z
        .url({ protocol: /^https$/, error: 'must be an https URL of a private form, e.g. https://forms.example.org/conduct' })
        .optional()
        .describe('A private form where anyone can report a concern. The “Report a concern” links lead here first.'),
      email: z
        .email({ error: 'must be an e-mail address, e.g. conduct@example.org' })
        .optional()
        .describe('An e-mail address the moderators read. The “Report a concern” links lead here when no form is set.'),
    })
    .prefault({})
    .describe('Where reports go. Any of the three; the links lead to the form, else the e-mail address, else the site’s report page (which explains /report).'),
  lock_on_report: z
    .boolean()
    .default(false)
    .describe('Lock the conversation of a thread when someone uses /report in it, so only collaborators can comment until a moderator unlocks it.'),
}).superRefine((s, ctx) => {
  if (s.report.repository && !s.report.token_secret) {
    ctx.addIssue({ code: 'custom', path: ['report', 'token_secret'], message: 'is needed with report.repository: name the secret that holds a token for the private repository, e.g. MENTORKIT_REPORTS_TOKEN' });
  }
  if (s.report.token_secret && !s.report.repository) {
    ctx.addIssue({ code: 'custom', path: ['report', 'repository'], message: 'is needed with report.token_secret: the private repository (owner/name) the token files reports into' });
  }
});
export type Safety = z.infer<typeof safetySchema>;

/** The people a report pings and who may /pause: the moderators, or the maintainers when none are named. */
export function moderatorsOf(p: { maintainers: readonly string[]; safety: Safety }): string[] {
  return [...(p.safety.moderators?.length ? p.safety.moderators : p.maintainers)];
}

export function isModerator(p: { maintainers: readonly string[]; safety: Safety }, login: string): boolean {
  return moderatorsOf(p).some((m) => m.toLowerCase() === login.toLowerCase());
}

/**
 * Where “Report a concern” leads: the private form, else the e-mail address, else the site's report page, which
 * says who reads reports and how /report works (a private repository takes no reports from outsiders).
 */
export function reportLink(p: { repository: string; site: { url?: string; base: string }; safety: Safety }): string {
  const r = p.safety.report;
  if (r.form) return r.form;
  if (r.email) return `mailto:${r.email}`;
  return `${siteOrigin(p)}${p.site.base}report/`;
}

function siteOrigin(p: { repository: string; site: { url?: string } }): string {
  if (p.site.url) return p.site.url.replace(/\/$/, '');
  // As siteUrl in request-form.ts: GitHub Pages of the repository's owner.
  return `https://${p.repository.split('/')[0]}.github.io`;
}

/** In a sentence: where a report goes and who reads it. The site and the bot say the same. */
export function reportChannelSentence(p: { maintainers: readonly string[]; safety: Safety }): string {
  const r = p.safety.report;
  const who = moderatorsOf(p).map((m) => `@${m}`).join(', ');
  const where = [
    r.form ? `the private form ${r.form}` : '',
    r.email ? `e-mail to ${r.email}` : '',
    r.repository ? `\`/report\` in a request or partnership thread (filed in a private repository only the moderators can see)` : '`/report` in a request or partnership thread',
  ].filter(Boolean);
  return `Reports reach the moderators (${who}) through ${where.length > 1 ? `${where.slice(0, -1).join(', ')} or ${where[where.length - 1]}` : where[0]}.`;
}

/** The last line of every bot card: where a Code of Conduct concern goes. */
export function concernLine(p: Parameters<typeof reportLink>[0]): string {
  return `**Something wrong?** [Report a concern](${reportLink(p)}) privately to the moderators, or comment \`/report\` here: I delete that comment and alert them.`;
}
