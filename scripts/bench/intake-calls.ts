import { requestBody } from '../../src/testing/request-body.ts';
import { countCalls, type ApiCalls } from './api-calls.ts';

/**
 * API calls per intake event: a valid request, an invalid one, and the edit that fixes it. The repository
 * already has its labels, as it does once a program runs.
 */
export function measureIntakeCalls(): Promise<ApiCalls[]> {
  return countCalls({ labels: ['request', 'status:pending', 'status:invalid', 'mentor:amara-okafor'] }, async ({ gh, program, deliver, file }) => {
    await deliver('opened, valid', (await file('bench-a', {})).event);
    const invalid = await file('bench-b', { term: 5 });
    await deliver('opened, invalid', invalid.event);
    const fix = await gh.as('bench-b').editIssue(invalid.number, { body: requestBody(program, { mentor: 'amara-okafor', term: 3 }) });
    await deliver('edited, fixed', fix);
    await deliver('same event again', fix);
  });
}
