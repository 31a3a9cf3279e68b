import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countFuzz, fuzzReplay, fuzzRuns, FUZZ_RUNS_ENV, mutateForm, pureTargets, repoWorld, type FuzzTarget } from '../../src/testing/fuzz.ts';
import { validProfile } from '../support/profiles.ts';

/**
 * Issue 9's fuzzing of the parsers, the validators and the decision core: every target, fuzzRuns() cases each
 * (500; MENTORKIT_FUZZ_RUNS for more). A failure prints fast-check's seed and path: set MENTORKIT_FUZZ_SEED and
 * MENTORKIT_FUZZ_PATH to replay exactly that case (docs/security.md, "Fuzzing").
 */

const world = repoWorld();
const targets = pureTargets(world, validProfile());

describe('fuzzing: no crash, every problem names its field, the bot writes only its own labels and markers', () => {
  for (const target of targets) {
    test(target.name, () => {
      fc.assert(
        fc.property((target as FuzzTarget<unknown>).arbitrary, (input) => {
          expect((target as FuzzTarget<unknown>).check(input)).toEqual([]);
        }),
        { numRuns: fuzzRuns(), ...fuzzReplay() },
      );
    }, 120_000);
  }
});

describe('the fuzzing itself', () => {
  test('the case count comes from MENTORKIT_FUZZ_RUNS, 500 by default, and a bad value is named', () => {
    expect(fuzzRuns({})).toBe(500);
    expect(fuzzRuns({ [FUZZ_RUNS_ENV]: '10000' })).toBe(10_000);
    expect(() => fuzzRuns({ [FUZZ_RUNS_ENV]: 'lots' })).toThrow(/MENTORKIT_FUZZ_RUNS: "lots" is not a whole number/);
  });

  test('countFuzz counts cases, failures and crashes separately and goes on past the first', () => {
    const target: FuzzTarget<number> = {
      name: 'modulo',
      arbitrary: fc.nat({ max: 99 }),
      check(n) {
        if (n % 3 === 0) throw new Error('boom');
        return n % 3 === 1 ? ['odd one'] : [];
      },
    };
    const c = countFuzz(target, 300, 1);
    expect(c.cases).toBe(300);
    expect(c.crashes).toBeGreaterThan(0);
    expect(c.failures).toBeGreaterThan(0);
    expect(c.crashes + c.failures).toBeLessThan(300);
    expect(c.examples[0]).toMatch(/^modulo: (threw boom|odd one)/);
  });

  test('a broken property is caught: the checks are not vacuous', () => {
    // A target whose check rejects every problem must fail on the first invalid request body.
    const request = targets[0] as FuzzTarget<string>;
    const strict: FuzzTarget<string> = { ...request, check: (b) => (request.check(b).length === 0 && /### Mentor/.test(b) ? [] : ['x']) };
    expect(countFuzz(strict, 50).failures).toBeGreaterThan(0);
  });

  test('the form mutator edits, drops, duplicates and swaps sections', () => {
    const body = '### A\n\na\n\n### B\n\nb';
    expect(mutateForm(body, [{ kind: 'drop', at: 0 }])).toBe('### B\n\nb');
    expect(mutateForm(body, [{ kind: 'value', at: 1, value: 'x' }])).toBe('### A\n\na\n\n### B\n\nx');
    expect(mutateForm(body, [{ kind: 'swap', at: 0, with: 1 }])).toBe('### B\n\nb\n\n### A\n\na');
    expect(mutateForm(body, [{ kind: 'duplicate', at: 0 }])).toBe('### A\n\na\n\n### A\n\na\n\n### B\n\nb');
    expect(mutateForm(body, [{ kind: 'crlf' }])).toBe('### A\r\n\r\na\r\n\r\n### B\r\n\r\nb');
  });
});
