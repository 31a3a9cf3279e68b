/**
 * "Find mentors for me": match/mentors.json as the build writes it (src/site/match-data.ts) and the ranking the
 * page's script makes from it (src/site/match.ts), for the rules the sample program leaves at their defaults:
 * a maximum time-zone gap, a shared language that is scored rather than required, no status file. The page
 * itself is tested in test/browser/match.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { programSchema, type Program, type ProgramInput } from '../../src/core/program.ts';
import type { Profile } from '../../src/core/profile.ts';
import type { StatusFile } from '../../src/core/status.ts';
import { makeScorer } from '../../src/core/matching/score.ts';
import { matchFile } from '../../src/site/match-data.ts';
import type { MentorEntry } from '../../src/site/model.ts';
import {
  changeHints,
  exclusions,
  offsetText,
  plainReasons,
  rankMentors,
  renderMatch,
  summaryText,
  zoneLabel,
  type MatchFile,
  type VisitorChoice,
} from '../../src/site/match.ts';

const NOW = new Date('2026-07-01T12:00:00Z');

function program(matching: ProgramInput['matching'] = {}): Program {
  return programSchema.parse({
    name: 'Test',
    repository: 'o/r',
    maintainers: ['chair'],
    limits: { max_mentor_capacity: 2 },
    taxonomy: {
      topics: [
        { id: 'data-science', label: 'Data science', synonyms: ['statistics'] },
        { id: 'open-source', label: 'Open source' },
        { id: 'hpc', label: 'HPC' },
      ],
      languages: ['en', 'de', 'pt'],
    },
    matching,
  });
}

function entry(login: string, p: Partial<Profile> = {}, slots?: { free: number; capacity: number }): MentorEntry {
  return {
    id: login,
    body: 'A bio that must not reach the matching file.',
    data: {
      name: `Name of ${login}`,
      github: login,
      headline: 'Helps',
      location: { country: 'DE', timezone: 'Europe/Berlin' },
      languages: ['en'],
      topics: ['data-science'],
      stages: ['phd'],
      formats: ['video'],
      kinds: ['one-on-one'],
      availability: { status: 'open', capacity: 2 },
      terms: [6],
      last_confirmed: '2026-01-01',
      ...p,
    },
    ...(slots ? { slots } : {}),
  };
}

const statusFile = { generated: '2026-06-30T05:00:00Z' } as StatusFile;

/** As the browser gets it: through JSON. */
const file = (p: Program, entries: MentorEntry[], status?: StatusFile): MatchFile => JSON.parse(JSON.stringify(matchFile(p, entries, status)));

const choice = (c: Partial<VisitorChoice> = {}): VisitorChoice => ({ topics: ['data-science'], languages: ['en'], timezone: 'Europe/Berlin', formats: [], kinds: [], ...c });

describe('match/mentors.json', () => {
  test('holds the scored fields of mentors taking requests, and no bio', () => {
    const f = file(program(), [entry('open-one', {}, { free: 1, capacity: 2 }), entry('paused-one', { availability: { status: 'paused', capacity: 2 } })], statusFile);
    expect(f.mentors.map((m) => m.l)).toEqual(['open-one']);
    expect(f.mentors[0]).toEqual({ l: 'open-one', n: 'Name of open-one', h: 'Helps', t: [0], g: [0], s: [2], f: [0], k: [0], z: 0, c: 2, free: 1 });
    expect(f.zones).toEqual(['Europe/Berlin']);
    expect(f.synced).toBe('2026-06-30');
    expect(JSON.stringify(f)).not.toContain('bio');
    // The form's languages come first in the vocabulary, by name.
    expect(f.vocab.language.map(([t]) => t)).toEqual(['en', 'de', 'pt']);
    expect(f.vocab.language[1]).toEqual(['de', 'German']);
  });
});

describe('ranking', () => {
  test('is the core score, best first, ties by login; full mentors apart; a mentor open until a past day left out', () => {
    const p = program();
    const entries = [
      entry('zed', { topics: ['data-science', 'hpc'] }, { free: 2, capacity: 2 }),
      entry('amy', { topics: ['data-science'] }, { free: 2, capacity: 2 }),
      entry('bob', { topics: ['data-science'] }, { free: 2, capacity: 2 }),
      entry('full', { topics: ['data-science', 'open-source'] }, { free: 0, capacity: 2 }),
      entry('gone', { availability: { status: 'open', capacity: 2, until: '2026-06-30' } }, { free: 2, capacity: 2 }),
    ];
    const f = file(p, entries, statusFile);
    const r = rankMentors(f, choice({ topics: ['data-science', 'hpc'] }), NOW);
    expect(r.matches.map((m) => m.candidate.login)).toEqual(['zed', 'amy', 'bob']);
    expect(r.full.map((m) => m.candidate.login)).toEqual(['full']);
    expect(r.considered).toBe(4);
    const scorer = makeScorer(p, NOW);
    const e = scorer.prepareMentee({ login: '', ...choice({ topics: ['data-science', 'hpc'] }) });
    for (const m of [...r.matches, ...r.full]) {
      const profile = entries.find((x) => x.data.github === m.candidate.login)!;
      expect(m.score).toEqual(scorer.score(e, scorer.prepareMentor({ profile: profile.data, free: profile.slots!.free })));
    }
    expect(summaryText(r)).toBe('3 mentors match, best first. 1 more who fit was full at the last sync.');
    expect(plainReasons(f, r, r.matches[1]!).map((x) => x.text)).toEqual([
      'Lists 1 of your 2 topics: Data science',
      'Speaks English with you',
      'Same time of day as you',
      'You gave no career stage',
      'You did not pick a way to meet',
      'You did not pick a kind of mentoring',
      '2 of 2 slots free at the last sync',
    ]);
  });

  test('a mentor further than max_timezone_gap_hours is left out, and the page says so and what to change', () => {
    const f = file(program({ max_timezone_gap_hours: 3 }), [entry('berlin'), entry('tokyo', { location: { country: 'JP', timezone: 'Asia/Tokyo' } })]);
    const c = choice({ timezone: 'America/New_York' });
    const r = rankMentors(f, c, NOW);
    expect(r.matches).toEqual([]);
    expect(r.failed).toEqual({ language: 0, timezone: 2 });
    expect(summaryText(r)).toBe('No mentor matches your choices.');
    expect(exclusions(f, r, c)).toEqual(['2 are more than 3 hours from America/New York']);
    expect(changeHints(r)).toEqual(['Choose a time zone nearer theirs, or “Not given” if any hour of the day suits you.']);

    // Berlin is 2 hours from London in summer: listed; Tokyo still left out, and counted.
    const near = rankMentors(f, choice({ timezone: 'Europe/London' }), NOW);
    expect(near.matches.map((m) => m.candidate.login)).toEqual(['berlin']);
    expect(exclusions(f, near, choice({ timezone: 'Europe/London' }))).toEqual(['1 is more than 3 hours from Europe/London']);
    // No time zone given: the gap cannot be judged, so nobody is left out for it.
    const any = rankMentors(f, choice({ timezone: undefined }), NOW);
    expect(any.matches.map((m) => m.candidate.login)).toEqual(['berlin', 'tokyo']);
    expect(plainReasons(f, any, any.matches[0]!)[2]!.text).toBe('You gave no time zone');
  });

  test('a language nobody speaks: counted per mentor, named, and the hint says to add one', () => {
    const f = file(program(), [entry('a'), entry('b', { languages: ['de', 'en'] })]);
    const c = choice({ languages: ['pt'] });
    const r = rankMentors(f, c, NOW);
    expect(r.failed.language).toBe(2);
    expect(exclusions(f, r, c)).toEqual(['2 speak none of your languages (Portuguese)']);
    expect(changeHints(r)).toEqual(['Add another language you can be mentored in.']);
    // pt-BR and pt share the primary subtag: a Brazilian Portuguese speaker matches a pt mentor.
    const br = rankMentors(file(program(), [entry('p', { languages: ['pt'] })]), choice({ languages: ['pt-BR'] }), NOW);
    expect(br.matches.map((m) => m.candidate.login)).toEqual(['p']);
  });

  test('when a shared language is scored, not required, nobody is left out for it and the points show', () => {
    const f = file(program({ require_shared_language: false }), [entry('a'), entry('b', { languages: ['de'] })]);
    const r = rankMentors(f, choice(), NOW);
    expect(r.matches.map((m) => m.candidate.login)).toEqual(['a', 'b']);
    const [a, b] = r.matches.map((m) => plainReasons(f, r, m).find((x) => x.component === 'language')!);
    expect(a).toMatchObject({ points: '1 of 1', text: 'Speaks English with you' });
    expect(b).toMatchObject({ points: '0 of 1', text: 'Speaks none of your languages' });
    expect(r.maxTotal).toBe(12.5);
  });

  test('without a status file every mentor taking requests is scored with its whole capacity free', () => {
    const f = file(program(), [entry('one', { availability: { status: 'open', capacity: 1 } })]);
    const r = rankMentors(f, choice(), NOW);
    expect(r.matches[0]!.score.breakdown.find((b) => b.component === 'slots')!.raw).toBe(0.5);
    expect(plainReasons(f, r, r.matches[0]!).at(-1)!.text).toBe('Takes up to 1 mentee');
    // With a sync that did not count this mentor, the words say so.
    const synced = file(program(), [entry('one', { availability: { status: 'open', capacity: 1 } })], statusFile);
    const rs = rankMentors(synced, choice(), NOW);
    expect(plainReasons(synced, rs, rs.matches[0]!).at(-1)!.text).toBe('Takes up to 1 mentee; not counted at the last sync');
  });

  test('nobody taking requests', () => {
    const r = rankMentors(file(program(), []), choice(), NOW);
    expect(changeHints(r)).toEqual(['No mentor is taking requests right now: browse the directory, or come back later.']);
  });
});

describe('words and HTML', () => {
  test('offsets and zone names', () => {
    expect(offsetText(330)).toBe('UTC+05:30');
    expect(offsetText(-180)).toBe('UTC−03:00');
    expect(offsetText(0)).toBe('UTC');
    expect(zoneLabel('America/Sao_Paulo', -180)).toBe('America/Sao Paulo (UTC−03:00)');
    expect(zoneLabel('UTC', 0)).toBe('UTC');
  });

  test('names and headlines are escaped; the link goes to the mentor page under the base', () => {
    const f = file(program(), [entry('x', { name: '<img src=x onerror=alert(1)>', headline: 'A & B "quoted"' })]);
    const r = rankMentors(f, choice(), NOW);
    const html = renderMatch(f, r, r.matches[0]!, '/base/');
    expect(html).toContain('<a href="/base/mentors/x/">&lt;img src=x onerror=alert(1)&gt;</a>');
    expect(html).toContain('A &amp; B &quot;quoted&quot;');
    expect(html).not.toContain('<img');
  });
});
