import { expect, test } from 'vitest';
import { gh, useEmulator, deliver, file, run, labels, mutations, OPEN, SINGLE, ROOT } from './harness.ts';

useEmulator();

test('a dry run of commands prints each decision and the settle step it would take, and writes nothing', async () => {
  const a = await file('dora', { mentor: OPEN });
  await deliver(a.event);
  const b = await file('dora', { mentor: SINGLE });
  await deliver(b.event);
  const event = await gh.as(OPEN).comment(a.number, '/accept\n/frobnicate');
  gh.resetCalls();
  const r = await run(event, ROOT, { dryRun: true });
  expect(r.code, r.stdout).toBe(0);
  expect(mutations()).toEqual([]);
  expect(r.stdout).toContain(`[dry-run] #${a.number}: Claimed: @${OPEN} accepts #${a.number}`);
  expect(r.stdout).toMatch(/\[dry-run\] {3}labels: .*status:pending.* -> .*status:active/);
  expect(r.stdout).toContain('[dry-run]   then re-read the open requests and confirm or roll back this acceptance');
  expect(r.stdout).toContain(`[dry-run]     | @${OPEN}, I don’t know the command \`/frobnicate\`.`);
  expect(labels(a.number)).toContain('status:pending');
  expect(labels(b.number)).toContain('status:pending');
});
