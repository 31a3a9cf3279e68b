import type { Profile } from '../profile.ts';
import type { Program } from '../program.ts';
import { topicResolver, type TopicTaxonomy } from '../topics.ts';
import type { Mentee } from './score.ts';

/**
 * The pair score: how well one mentor suits one mentee. Pure: the reference instant for time-zone offsets is
 * passed in, never read from a clock.
 *
 * Every component is a raw value from 0 to 1, multiplied by its weight from `program.yml` (`matching.weights`):
 *
 * | component | raw value |
 * |---|---|
 * | topics   | share of the mentee's topics (synonyms mapped to canonical ids) that the mentor lists |
 * | language | 1 if they share a language (same primary subtag: pt-BR ~ pt), else 0; weight 0 while a shared language is required (then it is a hard constraint) |
 * | timezone | 1 − (hours between their UTC offsets at the reference instant, around the clock, at most 12) / 12; 0.5 if either zone is unknown |
 * | stage    | 1 if the mentor mentors the mentee's stage, else 0; 0.5 if the mentee gave no stage |
 * | format   | share of the mentee's formats the mentor offers; 1 if the mentee gave none |
 * | kind     | share of the mentee's kinds the mentor offers; 1 if the mentee gave none |
 * | slots    | the mentor's free slots / limits.max_mentor_capacity, at most 1 |
 *
 * The total is the sum of the contributions. Hard constraints (see `violations`) decide whether a pair may be
 * matched at all; they are not part of the total.
 */

/*
 * This module imports no zod and no profile schema (types only): the site's "Find mentors for me" page runs it in
 * the browser, so it must stay small. The mentee schema lives in score.ts, which re-exports all of this.
 */

export type Matching = Program['matching'];

/** What of a program the score reads. A full Program fits; so does the compact copy the site ships to browsers. */
export type ScoringProgram = TopicTaxonomy & {
  limits: Pick<Program['limits'], 'max_mentor_capacity'>;
  matching: Matching;
};

/** The profile fields the score reads. A full Profile fits. */
export type ScoredProfile = Pick<Profile, 'github' | 'topics' | 'languages' | 'stages' | 'formats' | 'kinds' | 'affiliation'> & {
  location: Pick<Profile['location'], 'timezone'>;
};

/**
 * The mentor side: a profile and how many mentees it can still take now (0 for a paused or full mentor). The
 * scorer reads only the ScoredProfile fields; callers keep whatever profile type they have.
 */
export interface MentorSlots<P extends ScoredProfile = Profile> {
  profile: P;
  free: number;
}

export const COMPONENTS = ['topics', 'language', 'timezone', 'stage', 'format', 'kind', 'slots'] as const;
export type Component = (typeof COMPONENTS)[number];

export interface ScorePart {
  component: Component;
  raw: number;
  weight: number;
  contribution: number;
  reason: string;
}

export interface Score {
  total: number;
  breakdown: ScorePart[];
}

/** A hard constraint a pair can fail. */
export type Constraint = 'self' | 'language' | 'timezone' | 'different:affiliation' | 'no-free-slot';

/** A mentee prepared once for many pairs: canonical topics, primary languages, UTC offset. */
export interface PreparedMentee {
  login: string;
  key: string;
  topics: string[];
  unknownTopics: string[];
  languages: Set<string>;
  offset: number | undefined;
  stage: string | undefined;
  formats: string[];
  kinds: string[];
  affiliation: string | undefined;
  priority: number;
}

export interface PreparedMentor {
  login: string;
  key: string;
  topics: Set<string>;
  languages: Set<string>;
  offset: number | undefined;
  stages: Set<string>;
  formats: Set<string>;
  kinds: Set<string>;
  affiliation: string | undefined;
  free: number;
}

const primaryCache = new Map<string, string>();
/** The primary language subtag, lower case: pt-BR → pt. */
export function primaryLanguage(tag: string): string {
  let p = primaryCache.get(tag);
  if (p === undefined) {
    try {
      p = new Intl.Locale(tag).language.toLowerCase();
    } catch {
      p = tag.toLowerCase().split('-')[0]!;
    }
    primaryCache.set(tag, p);
  }
  return p;
}

const offsetCache = new Map<string, number | undefined>();
/**
 * Minutes east of UTC of an IANA zone at the given instant, from Intl's long offset name ("GMT+05:30");
 * undefined for an unknown zone.
 */
export function utcOffsetMinutes(timeZone: string, at: Date): number | undefined {
  const key = `${timeZone}@${at.getTime()}`;
  if (offsetCache.has(key)) return offsetCache.get(key);
  let minutes: number | undefined;
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = name === undefined ? null : /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(name);
    if (m) minutes = m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  } catch {
    minutes = undefined;
  }
  offsetCache.set(key, minutes);
  return minutes;
}

/** Hours between two UTC offsets around the 24-hour clock (UTC+14 and UTC−10 are 0 hours apart), 0–12. */
export function timezoneGapHours(a: number, b: number): number {
  const d = Math.abs(a - b) % (24 * 60);
  return Math.min(d, 24 * 60 - d) / 60;
}

const norm = (s: string | undefined) => (s === undefined ? undefined : s.trim().toLowerCase().replace(/\s+/g, ' ') || undefined);

export interface Scorer {
  readonly matching: Matching;
  prepareMentee(m: Mentee): PreparedMentee;
  prepareMentor(m: MentorSlots<ScoredProfile>): PreparedMentor;
  /** Hard constraints the pair fails; empty when it may be matched. */
  violations(e: PreparedMentee, r: PreparedMentor): Constraint[];
  /** The total only, for the assignment's inner loop. */
  total(e: PreparedMentee, r: PreparedMentor): number;
  /** The total with one entry per component and a reason. */
  score(e: PreparedMentee, r: PreparedMentor): Score;
}

/** A scorer for a program; `at` is the instant the UTC offsets are taken at (daylight saving differs over the year). */
export function makeScorer(program: ScoringProgram, at: Date, matching: Matching = program.matching): Scorer {
  const { canonical } = topicResolver(program);
  const w = matching.weights;
  const langWeight = matching.require_shared_language ? 0 : w.language;
  const maxCap = program.limits.max_mentor_capacity;

  const prepareMentee = (m: Mentee): PreparedMentee => {
    const topics: string[] = [];
    const unknownTopics: string[] = [];
    for (const t of m.topics) {
      const id = canonical.get(t) ?? canonical.get(t.toLowerCase());
      if (id === undefined) unknownTopics.push(t);
      else if (!topics.includes(id)) topics.push(id);
    }
    return {
      login: m.login,
      key: m.login.toLowerCase(),
      topics,
      unknownTopics,
      languages: new Set(m.languages.map(primaryLanguage)),
      offset: m.timezone === undefined ? undefined : utcOffsetMinutes(m.timezone, at),
      stage: m.stage,
      formats: [...new Set(m.formats)],
      kinds: [...new Set(m.kinds)],
      affiliation: norm(m.affiliation),
      priority: m.priority ?? 0,
    };
  };

  const prepareMentor = ({ profile: p, free }: MentorSlots<ScoredProfile>): PreparedMentor => ({
    login: p.github,
    key: p.github.toLowerCase(),
    topics: new Set(p.topics),
    languages: new Set(p.languages.map(primaryLanguage)),
    offset: p.location.timezone === undefined ? undefined : utcOffsetMinutes(p.location.timezone, at),
    stages: new Set(p.stages),
    formats: new Set(p.formats),
    kinds: new Set(p.kinds),
    affiliation: norm(p.affiliation),
    free: Math.max(0, Math.floor(free)),
  });

  const sharesLanguage = (e: PreparedMentee, r: PreparedMentor) => {
    for (const l of e.languages) if (r.languages.has(l)) return true;
    return false;
  };
  const gap = (e: PreparedMentee, r: PreparedMentor) =>
    e.offset === undefined || r.offset === undefined ? undefined : timezoneGapHours(e.offset, r.offset);
  const share = (wanted: readonly string[], offered: Set<string>) => {
    if (wanted.length === 0) return 1;
    let n = 0;
    for (const x of wanted) if (offered.has(x)) n++;
    return n / wanted.length;
  };

  const raws = (e: PreparedMentee, r: PreparedMentor): number[] => {
    let sharedTopics = 0;
    for (const t of e.topics) if (r.topics.has(t)) sharedTopics++;
    const g = gap(e, r);
    return [
      e.topics.length === 0 ? 0 : sharedTopics / e.topics.length,
      sharesLanguage(e, r) ? 1 : 0,
      g === undefined ? 0.5 : 1 - g / 12,
      e.stage === undefined ? 0.5 : r.stages.has(e.stage) ? 1 : 0,
      share(e.formats, r.formats),
      share(e.kinds, r.kinds),
      Math.min(1, r.free / maxCap),
    ];
  };
  const weights = [w.topics, langWeight, w.timezone, w.stage, w.format, w.kind, w.slots];

  const total = (e: PreparedMentee, r: PreparedMentor) => {
    const x = raws(e, r);
    let t = 0;
    for (let i = 0; i < x.length; i++) t += x[i]! * weights[i]!;
    return t;
  };

  const list = (xs: readonly string[]) => xs.join(', ');
  const reasons = (e: PreparedMentee, r: PreparedMentor): string[] => {
    const shared = e.topics.filter((t) => r.topics.has(t));
    const langs = [...e.languages].filter((l) => r.languages.has(l));
    const g = gap(e, r);
    const formats = e.formats.filter((f) => r.formats.has(f));
    const kinds = e.kinds.filter((k) => r.kinds.has(k));
    return [
      e.topics.length === 0
        ? 'the mentee named no known topic'
        : shared.length === 0
          ? `no shared topic (of ${e.topics.length})`
          : `${shared.length} shared topic${shared.length === 1 ? '' : 's'} of ${e.topics.length}: ${list(shared)}`,
      (langs.length === 0 ? 'no shared language' : `shared language: ${list(langs)}`) +
        (matching.require_shared_language ? ' (a requirement, not scored)' : ''),
      g === undefined ? 'a time zone is unknown' : g === 0 ? 'same UTC offset' : `${round(g)} hour${round(g) === 1 ? '' : 's'} apart`,
      e.stage === undefined ? 'the mentee gave no career stage' : r.stages.has(e.stage) ? `mentors ${e.stage}` : `does not list ${e.stage}`,
      e.formats.length === 0 ? 'any format' : formats.length === 0 ? 'no shared format' : `formats: ${list(formats)}`,
      e.kinds.length === 0 ? 'any kind' : kinds.length === 0 ? 'no shared kind' : `kinds: ${list(kinds)}`,
      `${r.free} of ${maxCap} slots free`,
    ];
  };

  const score = (e: PreparedMentee, r: PreparedMentor): Score => {
    const x = raws(e, r);
    const why = reasons(e, r);
    const breakdown = COMPONENTS.map((component, i) => ({
      component,
      raw: round(x[i]!),
      weight: weights[i]!,
      contribution: round(x[i]! * weights[i]!),
      reason: why[i]!,
    }));
    return { total: round(total(e, r)), breakdown };
  };

  const violations = (e: PreparedMentee, r: PreparedMentor): Constraint[] => {
    const out: Constraint[] = [];
    if (e.key === r.key) out.push('self');
    if (matching.require_shared_language && !sharesLanguage(e, r)) out.push('language');
    if (matching.max_timezone_gap_hours !== undefined) {
      const g = gap(e, r);
      if (g !== undefined && g > matching.max_timezone_gap_hours + 1e-9) out.push('timezone');
    }
    for (const field of matching.different) {
      if (e[field] !== undefined && e[field] === r[field]) out.push(`different:${field}`);
    }
    if (r.free <= 0) out.push('no-free-slot');
    return out;
  };

  return { matching, prepareMentee, prepareMentor, violations, total, score };
}

/** Rounded for output: four decimals, so printed totals do not show float noise. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
