import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assign } from '../../src/core/matching/assign.ts';
import type { Mentee, MentorSlots } from '../../src/core/matching/score.ts';
import type { Profile } from '../../src/core/profile.ts';
import type { Program } from '../../src/core/program.ts';
import { validateProgram } from '../../src/core/validate.ts';
import { Rng } from '../../src/testing/random.ts';

/**
 * The matching bench: 2,000 mentee applications and 500 mentors with capacities 1 to 3, generated from a seed,
 * matched by the optimal method and by greedy. Run once with `node scripts/bench/matching.ts` (Node 24 strips the types).
 */

const ZONES = [
  'Europe/Berlin', 'Europe/London', 'Europe/Zurich', 'America/New_York', 'America/Chicago', 'America/Los_Angeles',
  'America/Sao_Paulo', 'America/Mexico_City', 'Africa/Nairobi', 'Africa/Lagos', 'Asia/Kolkata', 'Asia/Tokyo',
  'Asia/Shanghai', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Jakarta',
];
const SECOND_LANGUAGES = ['es', 'fr', 'de', 'pt', 'zh', 'hi', 'sw', 'ja', 'it', 'ar'];

export interface Cohort {
  mentees: Mentee[];
  mentors: MentorSlots[];
}

/** A deterministic cohort: the same seed and sizes always give the same people. */
export function generateCohort(program: Program, seed: string, menteeCount: number, mentorCount: number, capacity: [number, number] = [1, 3]): Cohort {
  const rng = new Rng(seed);
  const topics = program.taxonomy.topics;
  const stages = program.taxonomy.stages.map((s) => s.id);
  const formats = program.taxonomy.formats.map((s) => s.id);
  const kinds = program.taxonomy.kinds.map((s) => s.id);
  const affiliations = Array.from({ length: 40 }, (_, i) => `Institute ${i + 1}`);
  const languages = () => {
    const out = rng.chance(0.85) ? ['en'] : [];
    if (out.length === 0 || rng.chance(0.4)) out.push(rng.pick(SECOND_LANGUAGES));
    return out;
  };
  const mentors: MentorSlots[] = [];
  for (let i = 0; i < mentorCount; i++) {
    const profile: Profile = {
      name: `Mentor ${i}`,
      github: `mentor-${i}`,
      headline: 'Mentor',
      affiliation: rng.pick(affiliations),
      location: { country: 'DE', timezone: rng.pick(ZONES) },
      languages: languages(),
      topics: rng.sample(topics, rng.int(2, 6)).map((t) => t.id),
      stages: rng.sample(stages, rng.int(1, 4)),
      formats: rng.sample(formats, rng.int(1, 3)),
      kinds: rng.sample(kinds, rng.int(1, 2)),
      availability: { status: 'open', capacity: Math.min(program.limits.max_mentor_capacity, 3) },
      terms: [6],
      last_confirmed: '2026-01-01',
    };
    mentors.push({ profile, free: rng.int(capacity[0], capacity[1]) });
  }
  const mentees: Mentee[] = [];
  for (let i = 0; i < menteeCount; i++) {
    mentees.push({
      login: `mentee-${i}`,
      // A mentee may name a topic by a synonym; the score maps it to its canonical id.
      topics: rng.sample(topics, rng.int(1, 4)).map((t) => (t.synonyms.length > 0 && rng.chance(0.3) ? rng.pick(t.synonyms) : t.id)),
      languages: languages(),
      timezone: rng.chance(0.9) ? rng.pick(ZONES) : undefined,
      stage: rng.chance(0.9) ? rng.pick(stages) : undefined,
      formats: rng.sample(formats, rng.int(0, 2)),
      kinds: rng.sample(kinds, rng.int(0, 2)),
      affiliation: rng.chance(0.8) ? rng.pick(affiliations) : undefined,
      priority: rng.int(0, 2),
    });
  }
  return { mentees, mentors };
}

export function benchProgram(root = resolve(import.meta.dirname, '../..')): Program {
  const { program } = validateProgram('program.yml', readFileSync(resolve(root, 'program.yml'), 'utf8'));
  if (!program) throw new Error('program.yml is invalid; run npm run validate');
  // Capacities 1 to 3 need a program maximum of at least 3; cohort constraints as CERN uses them.
  return {
    ...program,
    limits: { ...program.limits, max_mentor_capacity: Math.max(3, program.limits.max_mentor_capacity) },
    matching: { ...program.matching, different: ['affiliation'], max_timezone_gap_hours: 8 },
  };
}

export interface MatchingBench {
  mentees: number;
  mentors: number;
  slots: number;
  pairs: number;
  greedyPairs: number;
  seconds: number;
  greedySeconds: number;
  total: number;
  greedyTotal: number;
  ratio: number;
}

export function benchMatching(seed = 'mentorkit-matching-1', menteeCount = 2000, mentorCount = 500): MatchingBench {
  const program = benchProgram();
  const cohort = generateCohort(program, seed, menteeCount, mentorCount);
  const at = new Date('2026-03-01T12:00:00Z');
  let t0 = performance.now();
  const optimal = assign({ program, ...cohort, at, method: 'optimal' });
  const seconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const greedy = assign({ program, ...cohort, at, method: 'greedy' });
  const greedySeconds = (performance.now() - t0) / 1000;
  return {
    mentees: menteeCount,
    mentors: mentorCount,
    slots: optimal.summary.slots,
    pairs: optimal.summary.pairs,
    greedyPairs: greedy.summary.pairs,
    seconds: Math.round(seconds * 1000) / 1000,
    greedySeconds: Math.round(greedySeconds * 1000) / 1000,
    total: optimal.summary.total,
    greedyTotal: optimal.summary.greedyTotal,
    ratio: optimal.summary.ratioToGreedy,
  };
}

if (import.meta.main) console.log(benchMatching());
