import { mentorLabel, STATUSES, statusLabel } from '../../src/core/labels.ts';
import { countCalls, type ApiCalls } from './api-calls.ts';

/**
 * API calls per acceptance, live checks included, on a repository that already has its labels: a mentor's
 * /accept, one that also withdraws the mentee's other request, and a maintainer setting status:active by hand.
 */
export function measureAcceptCalls(): Promise<ApiCalls[]> {
  const mentors = ['amara-okafor', 'aino-koskinen'];
  const labels = ['request', ...STATUSES.map(statusLabel), ...mentors.map(mentorLabel)];
  const chair = 'program-chair';
  return countCalls({ labels, collaborators: { [chair]: 'admin' } }, async ({ gh, deliver, file }) => {
    const pending = async (login: string, mentor: string) => (await file(login, { mentor }, ['request', mentorLabel(mentor), statusLabel('pending')])).number;
    const a = await pending('bench-a', 'amara-okafor');
    await deliver('/accept', await gh.as('amara-okafor').comment(a, '/accept'));
    const b = await pending('bench-b', 'amara-okafor');
    await pending('bench-b', 'aino-koskinen');
    await deliver('/accept, withdrawing 1 other request', await gh.as('amara-okafor').comment(b, '/accept'));
    const c = await pending('bench-c', 'aino-koskinen');
    await deliver('status:active set by a maintainer', await gh.as(chair).addLabels(c, [statusLabel('active')]));
  });
}
