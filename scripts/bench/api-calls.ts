import { resolve } from 'node:path';
import { startEmulator, type Emulator } from '../../src/testing/emulator/index.ts';
import type { EmulatorEvent } from '../../src/testing/emulator/types.ts';
import { runAction } from '../../src/testing/run-action.ts';
import { requestBody, type RequestFields } from '../../src/testing/request-body.ts';
import { loadProgram } from '../../src/files/content.ts';
import { labelSpec } from '../../src/core/labels.ts';
import type { Program } from '../../src/core/program.ts';

/**
 * Counting the API calls the bundled bot makes for an event, against the emulator with the sample content.
 * A scenario files requests and delivers events; each delivery is one row.
 */
export interface ApiCalls {
  kind: string;
  calls: number;
}

export interface Scenario {
  gh: Emulator;
  program: Program;
  /** Run the bot on an event and count its calls under `kind`. */
  deliver(kind: string, event: EmulatorEvent): Promise<void>;
  /** File a request from the form, with the given labels (the form's `request`, or a state set up by hand). */
  file(login: string, fields: Partial<RequestFields>, labels?: string[]): Promise<{ event: EmulatorEvent; number: number }>;
}

export async function countCalls(
  setup: { labels: string[]; collaborators?: Record<string, 'admin'> },
  script: (s: Scenario) => Promise<void>,
  repoRoot = resolve(import.meta.dirname, '../..'),
): Promise<ApiCalls[]> {
  const program = loadProgram(repoRoot).program;
  if (!program) throw new Error('program.yml is invalid; run npm run validate');
  const [owner, repo] = program.repository.split('/') as [string, string];
  const gh = await startEmulator({ owner, repo, labels: setup.labels.map(labelSpec), collaborators: setup.collaborators ?? {} });
  const out: ApiCalls[] = [];
  try {
    await script({
      gh,
      program,
      async deliver(kind, event) {
        gh.resetCalls();
        const r = await runAction({ apiUrl: gh.url, token: gh.botToken, repository: program.repository, workspace: repoRoot, event });
        if (r.code !== 0) throw new Error(`the bot failed on ${kind}:\n${r.stdout}${r.stderr}`);
        out.push({ kind, calls: gh.calls.length });
      },
      async file(login, fields, labels = ['request']) {
        const event = await gh.as(login).openIssue({ title: 'Mentorship request', body: requestBody(program, { mentor: 'amara-okafor', term: 3, ...fields }), labels });
        return { event, number: (event.payload as { issue: { number: number } }).issue.number };
      },
    });
    if (gh.violations.length) throw new Error(`calls that do not match the API description: ${gh.violations.map((v) => v.message).join('; ')}`);
  } finally {
    await gh.close();
  }
  return out;
}
