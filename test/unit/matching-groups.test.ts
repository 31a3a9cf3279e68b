import { describe, expect, test } from 'vitest';
import { formGroups, type GroupMember } from '../../src/core/matching/groups.ts';
import { programSchema } from '../../src/core/program.ts';
import { Rng } from '../../src/testing/random.ts';

const program = programSchema.parse({
  name: 'Test',
  repository: 'o/r',
  maintainers: ['chair'],
  taxonomy: {
    topics: [
      { id: 'data-science', label: 'Data science', synonyms: ['statistics'] },
      { id: 'open-source', label: 'Open source' },
      { id: 'hpc', label: 'HPC' },
      { id: 'teaching', label: 'Teaching' },
      { id: 'leadership', label: 'Leadership' },
    ],
  },
  matching: { group_size: 3 },
});

const person = (login: string, topics: string[], affiliation?: string): GroupMember => ({ login, topics, affiliation });

describe('peer groups', () => {
  test('sizes: round(n / size) groups whose sizes differ by at most one; default size from program.yml', () => {
    const people = Array.from({ length: 11 }, (_, i) => person(`p${i}`, ['hpc']));
    expect(formGroups(program, people, { size: 5 }).groups.map((g) => g.members.length).sort()).toEqual([5, 6]);
    expect(formGroups(program, people).groups.map((g) => g.members.length).sort()).toEqual([2, 3, 3, 3]);
    expect(formGroups(program, []).groups).toEqual([]);
    expect(() => formGroups(program, people, { size: 1 })).toThrow(/at least 2/);
    // Nobody is left alone: 5 people in groups of 2 are a group of 3 and one of 2, not 2 + 2 + 1.
    expect(formGroups(program, people.slice(0, 5), { size: 2 }).groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
    expect(formGroups(program, people.slice(0, 3), { size: 2 }).groups.map((g) => g.members.length)).toEqual([3]);
  });

  test('people with the same interests are grouped together (synonyms count)', () => {
    const r = formGroups(program, [
      person('ann', ['hpc'], 'U1'),
      person('bob', ['teaching'], 'U2'),
      person('cat', ['hpc'], 'U3'),
      person('dan', ['teaching', 'statistics'], 'U4'),
      person('eve', ['data-science'], 'U5'),
      person('fay', ['data-science'], 'U6'),
    ], { size: 2 });
    expect(r.groups.map((g) => g.members)).toEqual([['ann', 'cat'], ['bob', 'dan'], ['eve', 'fay']]);
    expect(r.groups[0]!.sharedTopics).toEqual([{ topic: 'hpc', members: 2 }]);
    expect(r.summary).toMatchObject({ groups: 3, sharedPairs: 3, sameInstitutionPairs: 0 });
  });

  test('institutions are kept apart even at the cost of shared topics', () => {
    // Grouping by topic would put both CERN people together; the search keeps institutions apart first.
    const r = formGroups(program, [
      person('ann', ['hpc'], 'CERN'),
      person('bob', ['hpc'], 'cern '),
      person('cat', ['teaching'], 'DESY'),
      person('dan', ['teaching'], 'Fermilab'),
    ], { size: 2 });
    expect(r.summary.sameInstitutionPairs).toBe(0);
    for (const g of r.groups) expect(g.members.filter((m) => m === 'ann' || m === 'bob')).toHaveLength(1);
  });

  test('same-institution pairs that cannot be avoided are reported', () => {
    const r = formGroups(program, [person('ann', [], 'CERN'), person('bob', [], 'CERN'), person('cat', [], 'CERN'), person('dan', [], 'DESY')], { size: 2 });
    expect(r.summary.sameInstitutionPairs).toBe(1);
    const withPair = r.groups.find((g) => g.sameInstitution.length > 0)!;
    expect(withPair.sameInstitution[0]).toMatchObject({ affiliation: 'CERN' });
  });

  test('deterministic: the same people in any order (and the same seed) give the same groups', () => {
    const rng = new Rng('groups');
    const topics = ['data-science', 'open-source', 'hpc', 'teaching', 'leadership'];
    const people = Array.from({ length: 40 }, (_, i) => person(`p${i}`, rng.sample(topics, rng.int(1, 3)), `U${rng.int(1, 12)}`));
    const a = formGroups(program, people, { size: 5 });
    expect(formGroups(program, [...people].reverse(), { size: 5 })).toEqual(a);
    expect(formGroups(program, people, { size: 5, seed: 's' })).toEqual(formGroups(program, [...people].reverse(), { size: 5, seed: 's' }));
  });

  test('random cohorts: no avoidable same-institution pair, and local search beats a plain split by login', () => {
    const topics = ['data-science', 'open-source', 'hpc', 'teaching', 'leadership'];
    for (let seed = 1; seed <= 10; seed++) {
      const rng = new Rng(seed);
      // 30 people, 6 groups of 5, no institution with more than 6 people: a group never needs two of one.
      const people = Array.from({ length: 30 }, (_, i) => person(`p${String(i).padStart(2, '0')}`, rng.sample(topics, rng.int(1, 3)), `U${i % 6}`));
      const r = formGroups(program, rng.shuffle(people), { size: 5 });
      expect(r.summary.sameInstitutionPairs, `seed ${seed}`).toBe(0);
      // The baseline: consecutive logins (one from each institution), ignoring topics.
      let baseline = 0;
      for (let k = 0; k < 6; k++) {
        const g = people.slice(k * 5, k * 5 + 5);
        for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) baseline += g[i]!.topics.filter((t) => g[j]!.topics.includes(t)).length;
      }
      expect(r.summary.sharedPairs).toBeGreaterThanOrEqual(baseline);
    }
  });
});
