import { resolve } from 'node:path';
import { startEmulator } from '../../src/testing/emulator/index.ts';
import { runAction } from '../../src/testing/run-action.ts';
import { requestBody } from '../../src/testing/request-body.ts';
import { loadProgram } from '../../src/files/content.ts';
import { labelSpec } from '../../src/core/labels.ts';

/**
 * API calls the bundled bot makes per intake event, against the emulator with
 * the sample content: a valid request, an invalid one, and the edit that fixes
 * it. The repository already has its labels, as it does once a program runs.
 */
export interface IntakeCalls {
  kind: string;
  calls: number;
}

export async function measureIntakeCalls(repoRoot = resolve(import.meta.dirname, '../..')): Promise<IntakeCalls[]> {
  const program = loadProgram(repoRoot).program;
  if (!program) throw new Error('program.yml is invalid; run npm run validate');
  const [owner, repo] = program.repository.split('/') as [string, string];
  const names = ['request', 'status:pending', 'status:invalid', 'mentor:amara-okafor'];
  const gh = await startEmulator({ owner, repo, labels: names.map(labelSpec) });
  const out: IntakeCalls[] = [];
  try {
    const deliver = async (kind: string, event: { name: string; payload: unknown }) => {
      gh.resetCalls();
      const r = await runAction({ apiUrl: gh.url, token: gh.botToken, repository: program.repository, workspace: repoRoot, event });
      if (r.code !== 0) throw new Error(`the bot failed on ${kind}:\n${r.stdout}${r.stderr}`);
      out.push({ kind, calls: gh.calls.length });
    };
    const open = async (login: string, mentor: string, term: number) => {
      const e = await gh.as(login).openIssue({ title: 'Mentorship request', body: requestBody(program, { mentor, term }), labels: ['request'] });
      return { event: e, number: (e.payload as { issue: { number: number } }).issue.number };
    };
    const valid = await open('bench-a', 'amara-okafor', 3);
    await deliver('opened, valid', valid.event);
    const invalid = await open('bench-b', 'amara-okafor', 5);
    await deliver('opened, invalid', invalid.event);
    const fix = await gh.as('bench-b').editIssue(invalid.number, { body: requestBody(program, { mentor: 'amara-okafor', term: 3 }) });
    await deliver('edited, fixed', fix);
    await deliver('same event again', fix);
    if (gh.violations.length) throw new Error(`calls that do not match the API description: ${gh.violations.map((v) => v.message).join('; ')}`);
  } finally {
    await gh.close();
  }
  return out;
}
