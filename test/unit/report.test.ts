import { describe, expect, test } from 'vitest';
import { decideReport, type ReportInput } from '../../src/core/report.ts';
import { programSchema, type Program } from '../../src/core/program.ts';
import { isModerator, moderatorsOf, reportChannelSentence, reportLink, safetySchema } from '../../src/core/safety.ts';
import { readMarker } from '../../src/core/decision.ts';
import { parseCommands } from '../../src/core/command-parser.ts';
import { repoProgram, validProfile } from '../support/profiles.ts';
import { makeProfileSchema } from '../../src/core/profile.ts';
import { cohortGroupIntro, helpComment, welcomeComment } from '../../src/core/messages.ts';
import { renderCard, startPartnership } from '../../src/core/partnership.ts';
import { parseRequest } from '../../src/core/request-form.ts';
import { requestBody } from '../../src/testing/request-body.ts';

const withSafety = (safety: Record<string, unknown>): Program => programSchema.parse({ ...structuredClone(repoProgramInput()), safety });
function repoProgramInput() {
  // The repository's program, as input again: safety replaced, everything else as committed.
  const { safety: _, ...rest } = repoProgram;
  return rest;
}

const REASON = '/report @troll keeps sending me private messages after I said stop';
const input = (program: Program, over: Partial<ReportInput> = {}): ReportInput => ({
  program,
  repository: 'mentorkit/mentorkit',
  issue: { number: 7, url: 'https://github.com/mentorkit/mentorkit/issues/7', locked: false },
  reporter: 'mia',
  comment: { id: 4242, body: REASON, createdAt: '2026-03-01T10:00:00Z' },
  canFile: true,
  ...over,
});

describe('program.yml safety', () => {
  test('defaults: the maintainers moderate, no private channel, no lock', () => {
    const p = withSafety({});
    expect(moderatorsOf(p)).toEqual(p.maintainers);
    expect(p.safety.lock_on_report).toBe(false);
    expect(reportLink(p)).toBe('https://mentorkit.github.io/mentorkit/report/');
    expect(reportChannelSentence(p)).toContain('`/report` in a request or partnership thread');
  });
  test('named moderators replace the maintainers; logins compare without case', () => {
    const p = withSafety({ moderators: ['Conduct-Lead'] });
    expect(moderatorsOf(p)).toEqual(['Conduct-Lead']);
    expect(isModerator(p, 'conduct-lead')).toBe(true);
    expect(isModerator(p, p.maintainers[0]!)).toBe(false);
  });
  test('the link leads to the form first, then the e-mail address', () => {
    expect(reportLink(withSafety({ report: { form: 'https://forms.example.org/conduct', email: 'conduct@example.org' } }))).toBe('https://forms.example.org/conduct');
    expect(reportLink(withSafety({ report: { email: 'conduct@example.org' } }))).toBe('mailto:conduct@example.org');
    expect(reportChannelSentence(withSafety({ report: { email: 'conduct@example.org' } }))).toContain('e-mail to conduct@example.org');
  });
  test.each([
    [{ report: { repository: 'org/reports' } }, 'report.token_secret', 'is needed with report.repository'],
    [{ report: { token_secret: 'X' } }, 'report.repository', 'is needed with report.token_secret'],
    [{ report: { repository: 'no-slash', token_secret: 'X' } }, 'report.repository', 'must be "owner/name"'],
    [{ report: { form: 'http://forms.example.org' } }, 'report.form', 'must be an https URL'],
    [{ report: { email: 'not-an-address' } }, 'report.email', 'must be an e-mail address'],
    [{ report: { repository: 'org/reports', token_secret: 'has space' } }, 'report.token_secret', 'must be the name of a repository secret'],
    [{ moderators: ['not a login'] }, 'moderators.0', 'is not a GitHub login'],
    [{ lock_on_report: 'yes' }, 'lock_on_report', ''],
    [{ unknown: 1 }, '', 'unknown'],
  ])('%j is refused at its field', (safety, path, message) => {
    const r = safetySchema.safeParse(safety);
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    expect(issue.message.toLowerCase()).toContain(message.toLowerCase());
  });
});

describe('/report', () => {
  test('deletes the comment, pings the moderators with the link only, no words and no reporter', () => {
    const p = withSafety({ moderators: ['conduct-lead', 'conduct-second'] });
    const plan = decideReport(input(p));
    expect(plan.deleteComment).toBe(4242);
    expect(plan.file).toBeUndefined();
    expect(plan.lock).toBe(false);
    const [ping] = plan.ping.comments;
    expect(ping).toMatchObject({ kind: 'report', key: '7.c4242', mode: 'once' });
    expect(ping!.body).toContain('@conduct-lead @conduct-second');
    expect(ping!.body).toContain('https://github.com/mentorkit/mentorkit/issues/7');
    expect(ping!.body).not.toContain('troll');
    expect(ping!.body).not.toContain('private messages');
    expect(ping!.body).not.toContain('mia');
    expect(plan.ping.addLabels).toEqual([]);
    expect(plan.ping.close).toBeUndefined();
  });
  test('files in the private repository with the reporter, the thread and the words, quoted and without live mentions', () => {
    const p = withSafety({ report: { repository: 'mentorkit/conduct', token_secret: 'MENTORKIT_REPORTS_TOKEN' } });
    const plan = decideReport(input(p));
    expect(plan.file).toMatchObject({ repository: 'mentorkit/conduct', title: 'Report on mentorkit/mentorkit#7' });
    expect(readMarker(plan.file!.body)).toEqual({ kind: 'report', key: 'mentorkit.mentorkit.7.c4242' });
    expect(plan.file!.body).toContain('**Reporter:** @mia');
    expect(plan.file!.body).toContain('**Thread:** https://github.com/mentorkit/mentorkit/issues/7');
    expect(plan.file!.body).toContain('> /report @\u200btroll keeps sending me private messages');
    expect(plan.file!.body).toContain(`@${p.maintainers[0]}`);
    expect(plan.ping.comments[0]!.body).toContain('private repository');
  });
  test('without the token the report is not filed, and the run says why', () => {
    const p = withSafety({ report: { repository: 'mentorkit/conduct', token_secret: 'MENTORKIT_REPORTS_TOKEN' } });
    const plan = decideReport(input(p, { canFile: false }));
    expect(plan.file).toBeUndefined();
    expect(plan.notes.join(' ')).toContain('the secret MENTORKIT_REPORTS_TOKEN is empty');
    expect(plan.ping.comments).toHaveLength(1);
  });
  test('locks when configured, unless the thread is locked already', () => {
    const p = withSafety({ lock_on_report: true });
    expect(decideReport(input(p)).lock).toBe(true);
    expect(decideReport(input(p, { issue: { number: 7, url: 'u', locked: true } })).lock).toBe(false);
  });
  test('the ping is keyed on the comment: another report in the same thread is another ping', () => {
    const p = withSafety({});
    const a = decideReport(input(p)).ping.comments[0]!.key;
    const b = decideReport(input(p, { comment: { id: 4243, body: '/report', createdAt: '2026-03-01T11:00:00Z' } })).ping.comments[0]!.key;
    expect(a).not.toBe(b);
  });
  test('the help reply tells everyone about /report, whatever else they may use', () => {
    expect(helpComment('zed', ['nope'], [], 'Commands here are for the mentee.')).toContain('Anyone can comment `/report [reason]`');
    expect(helpComment('ada', ['nope'], [{ usage: '/accept', does: 'accept' }], '')).toContain('Anyone can comment `/report [reason]`');
  });
  test('the parser reads /report with or without a reason', () => {
    expect(parseCommands('/report')).toEqual([{ name: 'report', args: '', line: 1 }]);
    expect(parseCommands('/report he insulted me\n/accept')).toEqual([
      { name: 'report', args: 'he insulted me', line: 1 },
      { name: 'accept', args: '', line: 2 },
    ]);
  });
});

describe('“Report a concern” in every bot card', () => {
  const FORM = 'https://forms.example.org/conduct';
  const p = withSafety({ report: { form: FORM } });
  const link = `[Report a concern](${FORM})`;
  const mentor = makeProfileSchema(p).parse({ ...validProfile(), github: 'ada', name: 'Ada', topics: ['research-software'] });
  test('the welcome', () => {
    const { request } = parseRequest(requestBody(p, { mentor: 'ada', term: 3 }), p);
    expect(welcomeComment(p, 'mia', request, mentor)).toContain(link);
  });
  test('the partnership card, a request’s and a cohort’s', () => {
    for (const cohort of [undefined, 'spring']) {
      const s = startPartnership({ mentor: 'ada', mentee: 'mia', by: 'ada', today: '2026-03-01', months: 3, ...(cohort ? { cohort } : {}) });
      expect(renderCard(p, [], s)).toContain(link);
    }
  });
  test('the peer group’s issue', () => {
    expect(cohortGroupIntro(p, 'spring', { number: 1, members: ['a', 'b', 'c'], shared_topics: [] }, 6)).toContain(link);
  });
  test('without a form or an address, the site’s report page', () => {
    const s = startPartnership({ mentor: 'ada', mentee: 'mia', by: 'ada', today: '2026-03-01', months: 3 });
    expect(renderCard(withSafety({}), [], s)).toContain('[Report a concern](https://mentorkit.github.io/mentorkit/report/)');
  });
});
