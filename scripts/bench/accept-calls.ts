import { resolve } from 'node:path';
import { startEmulator } from '../../src/testing/emulator/index.ts';
import type { EmulatorEvent } from '../../src/testing/emulator/types.ts';
import { runAction } from '../../src/testing/run-action.ts';
import { requestBody } from '../../src/testing/request-body.ts';
import { loadProgram } from '../../src/files/content.ts';
import { labelSpec, mentorLabel, STATUSES, statusLabel } from '../../src/core/labels.ts';

/**
 * API calls the bundled bot makes per acceptance, live checks included, against the emulator with the sample
 * content and a repository that already has its labels: a mentor's /accept, one that also withdraws the
 * mentee's other request, and a maintainer setting status:active by hand.
 */
export interface AcceptCalls {
  kind: string;
  calls: number;
}

export async function measureAcceptCalls(repoRoot = resolve(import.meta.dirname, '../..')): Promise<AcceptCalls[]> {
  const program = loadProgram(repoRoot).program;
  if (!program) throw new Error('program.yml is invalid; run npm run validate');
  const [owner, repo] = program.repository.split('/') as [string, string];
  const mentors = ['amara-okafor', 'aino-koskinen'];
  const labels = [labelSpec('request'), ...STATUSES.map((s) => labelSpec(statusLabel(s))), ...mentors.map((m) => labelSpec(mentorLabel(m)))];
  const chair = program.maintainers[0]!;
  const gh = await startEmulator({ owner, repo, labels, collaborators: { [chair]: 'admin' } });
  const out: AcceptCalls[] = [];
  try {
    const deliver = async (kind: string, event: EmulatorEvent) => {
      gh.resetCalls();
      const r = await runAction({ apiUrl: gh.url, token: gh.botToken, repository: program.repository, workspace: repoRoot, event });
      if (r.code !== 0) throw new Error(`the bot failed on ${kind}:\n${r.stdout}${r.stderr}`);
      out.push({ kind, calls: gh.calls.length });
    };
    const pending = async (login: string, mentor: string) => {
      const e = await gh.as(login).openIssue({
        title: 'Mentorship request',
        body: requestBody(program, { mentor, term: 3 }),
        labels: ['request', mentorLabel(mentor), statusLabel('pending')],
      });
      return (e.payload as { issue: { number: number } }).issue.number;
    };
    const a = await pending('bench-a', 'amara-okafor');
    await deliver('/accept', await gh.as('amara-okafor').comment(a, '/accept'));
    const b = await pending('bench-b', 'amara-okafor');
    await pending('bench-b', 'aino-koskinen');
    await deliver('/accept, withdrawing 1 other request', await gh.as('amara-okafor').comment(b, '/accept'));
    const c = await pending('bench-c', 'aino-koskinen');
    await deliver('status:active set by a maintainer', await gh.as(chair).addLabels(c, [statusLabel('active')]));
    if (gh.violations.length) throw new Error(`calls that do not match the API description: ${gh.violations.map((v) => v.message).join('; ')}`);
  } finally {
    await gh.close();
  }
  return out;
}
