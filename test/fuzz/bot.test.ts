import fc from 'fast-check';
import { expect, test } from 'vitest';
import { resolve } from 'node:path';
import { fuzzReplay, repoWorld } from '../../src/testing/fuzz.ts';
import { botCaseArbitrary, BOT_FUZZ_RUNS_ENV, botFuzzRuns, runBotCase } from '../../src/testing/fuzz-bot.ts';

/**
 * The bot's handlers through the emulator with random comments, labels, edits, closes and reopens on a request
 * (src/testing/fuzz-bot.ts). Each case starts its own emulator, so npm test runs 30 (MENTORKIT_FUZZ_BOT_RUNS for
 * more). A failure prints fast-check's seed and path (docs/security.md, "Fuzzing").
 */

const ROOT = resolve(import.meta.dirname, '../..');
const world = repoWorld(ROOT);
const mentor = [...world.mentors.values()].find((m) => m.availability.status === 'open')!.github;

test(`bot handlers through the emulator: ${botFuzzRuns()} random threads, no crash, invariants hold, only the bot's own labels and marked comments`, async () => {
  await fc.assert(
    fc.asyncProperty(botCaseArbitrary(world), async (c) => {
      const r = await runBotCase(world, ROOT, c);
      expect(r.broken, r.log.slice(-20).join('\n')).toEqual([]);
    }),
    { numRuns: botFuzzRuns(), ...fuzzReplay() },
  );
}, 300_000);

test('a case really runs the bot: a valid request, then the mentor’s /accept, is an active partnership with its cards', async () => {
  const open = [...world.mentors.values()].filter((m) => m.availability.status === 'open');
  const r = await runBotCase(world, ROOT, { mentor: 0, body: '', steps: [{ kind: 'comment', who: 0, body: 'Gladly.\n/accept' }] });
  expect(r.broken).toEqual([]);
  expect(r.events).toBe(2);
  expect(r.labels).toContain('status:active');
  expect(r.botComments[0]).toBe('welcome');
  expect(r.botComments).toContain('accepted');
  expect(open.length).toBeGreaterThan(0);
  expect(mentor).toBeTruthy();
});

test('the bot case count comes from MENTORKIT_FUZZ_BOT_RUNS, 30 by default', () => {
  expect(botFuzzRuns({})).toBe(30);
  expect(botFuzzRuns({ [BOT_FUZZ_RUNS_ENV]: '7' })).toBe(7);
  expect(() => botFuzzRuns({ [BOT_FUZZ_RUNS_ENV]: '0' })).toThrow(/MENTORKIT_FUZZ_BOT_RUNS/);
});
