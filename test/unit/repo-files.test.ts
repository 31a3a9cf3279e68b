import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadProgram } from '../../src/files/content.ts';
import { abuseLimitsSentence, issueConfigYaml, requestFormYaml, FIELD } from '../../src/core/request-form.ts';
import { bundleText, BUNDLE } from '../../scripts/bundle.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const program = loadProgram(ROOT).program!;
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');

describe('issue forms', () => {
  const form = parse(read('.github/ISSUE_TEMPLATE/request-a-mentor.yml')) as { body: { id?: string; type: string; attributes: Record<string, unknown>; validations?: { required?: boolean } }[]; labels: string[] };
  const field = (id: string) => form.body.find((f) => f.id === id)!;

  test('the request form is generated from program.yml and up to date (run npm run forms)', () => {
    expect(read('.github/ISSUE_TEMPLATE/request-a-mentor.yml')).toBe(requestFormYaml(program));
    expect(read('.github/ISSUE_TEMPLATE/config.yml')).toBe(issueConfigYaml(program));
  });

  test('the form tells mentees the abuse limits from program.yml before they write', () => {
    const intro = String(form.body[0]!.attributes.value);
    expect(intro).toContain(abuseLimitsSentence(program.abuse));
    const a = program.abuse;
    expect(abuseLimitsSentence(a)).toBe(
      `To keep out spam, the program accepts at most ${a.max_requests_per_week} new requests from you in any 7 days, up to 2,000 characters in each of “Your goals” and “About you”, and no @mentions of anyone but the mentors you name.`,
    );
    const other = { ...a, max_requests_per_week: 0, min_account_age_days: 30, allow_mentions: true, max_length: { ...a.max_length, goals: 1500, about: 3000 } };
    expect(abuseLimitsSentence(other)).toBe('To keep out spam, the program accepts up to 1,500 characters in “Your goals” and 3,000 in “About you”, from GitHub accounts at least 30 days old.');
    expect(abuseLimitsSentence({ ...other, max_requests_per_week: 1 })).toBe(
      'To keep out spam, the program accepts at most 1 new request from you in any 7 days and up to 1,500 characters in “Your goals” and 3,000 in “About you”, from GitHub accounts at least 30 days old.',
    );
  });

  test("the form's options match program.yml", () => {
    expect(field('term').attributes.options).toEqual(program.terms.map((t) => `${t} months`));
    expect(field('format').attributes.options).toEqual(program.taxonomy.formats.map((f) => f.label));
    expect(field('areas').attributes.options).toEqual(program.taxonomy.topics.map((t) => t.label));
  });

  test('the mentor login is an input with id "mentor", so the directory link pre-fills it', () => {
    expect(field('mentor').type).toBe('input');
    expect(field('mentor').validations?.required).toBe(true);
    expect(field(FIELD.alternate1.id).type).toBe('input');
    expect(field(FIELD.alternate2.id).type).toBe('input');
  });

  test('the Code of Conduct checkbox is required and the form labels requests', () => {
    const coc = field('coc');
    expect(coc.type).toBe('checkboxes');
    expect((coc.attributes.options as { required: boolean }[])[0]!.required).toBe(true);
    expect(form.labels).toContain('request');
  });

  test('blank issues are off and the directory and Code of Conduct are linked', () => {
    const config = parse(read('.github/ISSUE_TEMPLATE/config.yml')) as { blank_issues_enabled: boolean; contact_links: { url: string }[] };
    expect(config.blank_issues_enabled).toBe(false);
    expect(config.contact_links.map((l) => l.url)).toEqual(['https://mentorkit.github.io/mentorkit/', 'https://mentorkit.github.io/mentorkit/code-of-conduct/', 'https://mentorkit.github.io/mentorkit/report/']);
  });
});

describe('the action', () => {
  test('the committed bundle is up to date with src/bot (run npm run bundle)', async () => {
    expect(readFileSync(BUNDLE, 'utf8') === (await bundleText())).toBe(true);
  }, 60_000);

  test('action.yml runs the bundle on node24 with a github-token input defaulting to github.token', () => {
    const action = parse(read('.github/actions/mentor-bot/action.yml')) as { runs: { using: string; main: string }; inputs: Record<string, { default?: string }> };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.mjs' });
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(action.inputs['dry-run']!.default).toBe('false');
  });
});

// actionlint and the security rules for every workflow: test/unit/workflow-security.test.ts.
describe('workflows', () => {
  const bot = parse(read('.github/workflows/mentor-bot.yml')) as Record<string, any>;
  test('the bot workflow listens to the events the bot handles', () => {
    expect(bot.on.issues.types).toEqual(['opened', 'edited', 'reopened', 'labeled', 'unlabeled']);
    expect(bot.on.issue_comment.types).toEqual(['created']);
    expect(bot.on.schedule).toHaveLength(1);
    expect(bot.on.workflow_dispatch.inputs['dry-run'].type).toBe('boolean');
    // Merged cohort matches: only pushes to the default branch that touch a matches file start a run.
    expect(bot.on.push).toEqual({ branches: ['main'], paths: ['matches/*.yaml'] });
  });
  test('the daily sweep is never skipped as a bot run (its actor is whoever last edited the cron)', () => {
    const cond = String(bot.jobs.bot.if).replace(/\s+/g, ' ');
    expect(cond).toMatch(/^\$\{\{ github\.event_name == 'schedule' \|\| github\.event_name == 'workflow_dispatch' \|\| github\.event_name == 'push' \|\| \(!endsWith\(github\.actor, '\[bot\]'\)/);
  });
  test('least privilege and a queue that drops nothing', () => {
    expect(bot.permissions).toEqual({ issues: 'write', contents: 'read' });
    expect(bot.concurrency).toEqual({ group: 'mentor-bot', 'cancel-in-progress': false, queue: 'max' });
  });
  test('the bot checks out only program.yml, blocklist.yml, content/, matches/ and the action itself', () => {
    const checkout = bot.jobs.bot.steps[0];
    expect(checkout.with['sparse-checkout'].trim().split('\n')).toEqual(['program.yml', 'blocklist.yml', 'content', 'matches', '.github/actions/mentor-bot']);
    expect(bot.jobs.bot.steps[1].uses).toBe('./.github/actions/mentor-bot');
  });
});
