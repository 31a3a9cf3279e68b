import {
  COMPONENTS,
  makeScorer,
  primaryLanguage,
  timezoneGapHours,
  type Component,
  type Matching,
  type PreparedMentee,
  type PreparedMentor,
  type Score,
  type ScoredProfile,
  type ScoringProgram,
} from '../core/matching/scorer.ts';

/**
 * "Find mentors for me" (/match/): the visitor's choices scored against every mentor taking requests, in the
 * browser, by the matching core's own scorer (src/core/matching/scorer.ts, no zod). This module is shared by the
 * build (the types of match/mentors.json) and the page's script (ranking, plain-word reasons, result HTML), and
 * is pure: the instant for time-zone offsets is passed in.
 */

/** [id, label] pairs: a facet's vocabulary. Rows refer to entries by index. */
export type Vocab = [id: string, label: string][];

/** match/mentors.json: what the browser needs to score, and nothing else (no bios, no contact data). */
export interface MatchFile {
  v: 1;
  /** Day of the status snapshot the slots come from (YYYY-MM-DD); null when the build had none. */
  synced: string | null;
  /** The program as the score reads it: topic ids with synonyms, the capacity bound, `matching`. */
  program: ScoringProgram;
  vocab: { topic: Vocab; stage: Vocab; format: Vocab; kind: Vocab; language: Vocab };
  /** Names of languages by primary subtag, for the reasons ("Speaks Spanish"): the score compares primary subtags. */
  languageNames: Record<string, string>;
  zones: string[];
  /** Mentors taking requests, in list order. */
  mentors: MatchRow[];
}

export interface MatchRow {
  /** login, name, headline */
  l: string;
  n: string;
  h: string;
  /** topics, lanGuages, stages, formats, kinds: indices into the vocabularies */
  t: number[];
  g: number[];
  s: number[];
  f: number[];
  k: number[];
  /** time zone: index into `zones` */
  z?: number;
  /** capacity */
  c: number;
  /** free slots at the last sync; absent when the sync did not count this mentor (or there was no sync) */
  free?: number;
  /** open until this day (YYYY-MM-DD) */
  u?: string;
}

/** What the visitor picked. */
export interface VisitorChoice {
  topics: string[];
  languages: string[];
  timezone?: string;
  stage?: string;
  formats: string[];
  kinds: string[];
}

export interface Candidate {
  login: string;
  name: string;
  headline: string;
  capacity: number;
  /** Free slots at the last sync, or undefined when not counted. */
  free: number | undefined;
  until?: string;
  profile: ScoredProfile;
}

export interface Ranked {
  candidate: Candidate;
  mentor: PreparedMentor;
  score: Score;
}

export interface Ranking {
  mentee: PreparedMentee;
  /** Pass every hard constraint and have a free slot (or were not counted): best first. */
  matches: Ranked[];
  /** Would pass but were full at the last sync: listed after the others. */
  full: Ranked[];
  /** How many mentors fail each hard constraint (a mentor may fail both). */
  failed: { language: number; timezone: number };
  /** Mentors taking requests on the day of `now`. */
  considered: number;
  /** The highest total the program's weights allow. */
  maxTotal: number;
}

/** Results shown at first and added by each "Show more": the best few are what a visitor reads. */
export const PER_PAGE = 10;

export function decodeMentors(file: MatchFile): Candidate[] {
  const ids = (vocab: Vocab, xs: number[]) => xs.map((i) => vocab[i]![0]);
  return file.mentors.map((r) => ({
    login: r.l,
    name: r.n,
    headline: r.h,
    capacity: r.c,
    free: r.free,
    ...(r.u ? { until: r.u } : {}),
    profile: {
      github: r.l,
      topics: ids(file.vocab.topic, r.t),
      languages: ids(file.vocab.language, r.g),
      stages: ids(file.vocab.stage, r.s),
      formats: ids(file.vocab.format, r.f),
      kinds: ids(file.vocab.kind, r.k),
      location: r.z === undefined ? {} : { timezone: file.zones[r.z]! },
    },
  }));
}

/**
 * The program's matching rules as the site applies them: a visitor is one person looking for one mentor, so the
 * cohort-only rule (`different`, which needs an affiliation the form does not ask for) is left out, as the bot's
 * suggestions do.
 */
export function siteMatching(m: Matching): Matching {
  return { ...m, different: [] };
}

export function maxTotal(m: Matching): number {
  const w = m.weights;
  return w.topics + (m.require_shared_language ? 0 : w.language) + w.timezone + w.stage + w.format + w.kind + w.slots;
}

/** Highest total first; equal totals by login (lower case, code point order), as the core breaks ties. */
export function byScore(a: Ranked, b: Ranked): number {
  const ka = a.candidate.login.toLowerCase();
  const kb = b.candidate.login.toLowerCase();
  return b.score.total - a.score.total || (ka < kb ? -1 : ka > kb ? 1 : 0);
}

/**
 * Every mentor taking requests, scored for the visitor. A mentor is left out if it fails a hard constraint (no
 * shared language when the program requires one, further apart than `max_timezone_gap_hours`) or is open only
 * until a day already past. Mentors full at the last sync are kept apart and scored with 0 free slots; a mentor
 * the sync did not count is scored with its whole capacity free.
 */
export function rankMentors(file: MatchFile, choice: VisitorChoice, now: Date, candidates: Candidate[] = decodeMentors(file)): Ranking {
  const matching = siteMatching(file.program.matching);
  const scorer = makeScorer(file.program, now, matching);
  const mentee = scorer.prepareMentee({ login: '', ...choice });
  const today = now.toISOString().slice(0, 10);
  const out: Ranking = { mentee, matches: [], full: [], failed: { language: 0, timezone: 0 }, considered: 0, maxTotal: maxTotal(matching) };
  for (const c of candidates) {
    if (c.until !== undefined && c.until < today) continue;
    out.considered++;
    const mentor = scorer.prepareMentor({ profile: c.profile, free: c.free ?? c.capacity });
    const failed = scorer.violations(mentee, mentor);
    if (failed.includes('language')) out.failed.language++;
    if (failed.includes('timezone')) out.failed.timezone++;
    if (failed.some((f) => f !== 'no-free-slot')) continue;
    (failed.length === 0 ? out.matches : out.full).push({ candidate: c, mentor, score: scorer.score(mentee, mentor) });
  }
  out.matches.sort(byScore);
  out.full.sort(byScore);
  return out;
}

/* ------------------------------ plain words ------------------------------ */

// card.ts has the same escaper; importing it here would move card.ts into a chunk shared with the directory's
// script and add a request to the home page's first view.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const points = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
export const formatPoints = (x: number) => points.format(x);

function list(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function labeller(vocab: Vocab): (id: string) => string {
  const m = new Map(vocab);
  return (id) => m.get(id) ?? id;
}

function hours(h: number): string {
  const n = Math.round(h * 10) / 10;
  return `${points.format(n)} hour${n === 1 ? '' : 's'}`;
}

/** "UTC+05:30", "UTC−03:00", "UTC" */
export function offsetText(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** "America/Sao Paulo (UTC−03:00)": how a zone is offered in the form. */
export function zoneLabel(zone: string, minutes: number | undefined): string {
  const name = zone.replace(/_/g, ' ');
  return minutes === undefined || offsetText(minutes) === name ? name : `${name} (${offsetText(minutes)})`;
}

export interface Reason {
  component: Component;
  /** The core's contribution to the total. */
  contribution: number;
  /** "3.3 of 5", or "required" for a rule that is not scored. */
  points: string;
  text: string;
}

/**
 * One sentence per score component, addressed to the visitor ("Lists 2 of your 3 topics: …"), with its points.
 * The numbers are the core's breakdown; the words use the program's labels instead of ids.
 */
export function plainReasons(file: MatchFile, ranking: Ranking, r: Ranked): Reason[] {
  const e = ranking.mentee;
  const m = r.mentor;
  const topic = labeller(file.vocab.topic);
  const stage = labeller(file.vocab.stage);
  const format = labeller(file.vocab.format);
  const kind = labeller(file.vocab.kind);
  const language = (p: string) => file.languageNames[p] ?? p;
  const required = file.program.matching.require_shared_language;
  const sharedOf = (wanted: readonly string[], offered: Set<string>) => wanted.filter((x) => offered.has(x));
  const partial = (what: string, wanted: readonly string[], offered: Set<string>, label: (id: string) => string) => {
    const shared = sharedOf(wanted, offered);
    if (shared.length === 0) return `Offers none of your ${what}`;
    if (shared.length === wanted.length) return `Offers ${list(shared.map(label))}`;
    return `Offers ${shared.length} of your ${wanted.length} ${what}: ${list(shared.map(label))}`;
  };

  const text: Record<Component, string> = {
    topics: (() => {
      const shared = sharedOf(e.topics, m.topics);
      const n = e.topics.length;
      if (n === 0) return 'You picked no topic';
      if (shared.length === 0) return n === 1 ? 'Does not list your topic' : `Lists none of your ${n} topics`;
      if (shared.length === n) {
        const which = n === 1 ? 'your topic' : n === 2 ? 'both your topics' : `all ${n} of your topics`;
        return `Lists ${which}: ${list(shared.map(topic))}`;
      }
      return `Lists ${shared.length} of your ${n} topics: ${list(shared.map(topic))}`;
    })(),
    language: (() => {
      const shared = [...e.languages].filter((l) => m.languages.has(l)).map(language);
      return shared.length === 0 ? 'Speaks none of your languages' : `Speaks ${list(shared)} with you`;
    })(),
    timezone: (() => {
      if (e.offset === undefined) return 'You gave no time zone';
      if (m.offset === undefined) return 'Has not given a time zone';
      const g = timezoneGapHours(e.offset, m.offset);
      return g === 0 ? 'Same time of day as you' : `${hours(g)} from your time zone`;
    })(),
    stage:
      e.stage === undefined ? 'You gave no career stage' : m.stages.has(e.stage) ? `Mentors: ${stage(e.stage)}` : `Does not list ${stage(e.stage)}`,
    format: e.formats.length === 0 ? 'You did not pick a way to meet' : partial('ways to meet', e.formats, m.formats, format),
    kind: e.kinds.length === 0 ? 'You did not pick a kind of mentoring' : partial('kinds of mentoring', e.kinds, m.kinds, kind),
    slots:
      r.candidate.free === undefined
        ? `Takes up to ${r.candidate.capacity} mentee${r.candidate.capacity === 1 ? '' : 's'}${file.synced ? '; not counted at the last sync' : ''}`
        : r.candidate.free <= 0
          ? 'Full at the last sync'
          : `${r.candidate.free} of ${r.candidate.capacity} slot${r.candidate.capacity === 1 ? '' : 's'} free at the last sync`,
  };

  return COMPONENTS.map((component) => {
    const part = r.score.breakdown.find((b) => b.component === component)!;
    const isRule = component === 'language' && required;
    return {
      component,
      contribution: part.contribution,
      points: isRule ? 'required' : `${formatPoints(part.contribution)} of ${formatPoints(part.weight)}`,
      text: text[component],
    };
  });
}

/** One result as HTML (an <li> of the ranked list). */
export function renderMatch(file: MatchFile, ranking: Ranking, r: Ranked, base: string): string {
  const c = r.candidate;
  const href = `${base}mentors/${encodeURIComponent(c.login)}/`;
  const reasons = plainReasons(file, ranking, r)
    .map(
      (x) =>
        `<li data-component="${x.component}" data-points="${x.contribution}"><span class="points">${escapeHtml(x.points)}<span class="visually-hidden">:</span></span> ${escapeHtml(x.text)}</li>`,
    )
    .join('');
  return (
    `<li class="match" data-login="${escapeHtml(c.login)}" data-score="${r.score.total}">` +
    `<div class="match-head"><h3 class="match-name"><a href="${href}">${escapeHtml(c.name)}</a></h3>` +
    `<p class="match-score"><strong>${formatPoints(r.score.total)}</strong> of ${formatPoints(ranking.maxTotal)} points</p></div>` +
    `<p class="match-headline">${escapeHtml(c.headline)}</p>` +
    `<h4 class="visually-hidden">Why ${escapeHtml(c.name)}</h4><ul class="reasons">${reasons}</ul></li>`
  );
}

/** The sentence the live region reads after a search. */
export function summaryText(r: Ranking): string {
  const n = r.matches.length;
  const full = r.full.length;
  const fullText = full === 0 ? '' : ` ${full} more who fit ${full === 1 ? 'was' : 'were'} full at the last sync.`;
  if (n > 0) return `${n} mentor${n === 1 ? '' : 's'} match${n === 1 ? 'es' : ''}, best first.${fullText}`;
  if (full > 0) return `No mentor with a free slot matches.${fullText}`;
  return 'No mentor matches your choices.';
}

/** Who was left out and why ("12 speak none of your languages (Turkish)"), one line per hard constraint. */
export function exclusions(file: MatchFile, r: Ranking, choice: VisitorChoice): string[] {
  const out: string[] = [];
  const { language, timezone } = r.failed;
  if (language > 0) {
    const names = choice.languages.map((t) => file.languageNames[primaryLanguage(t)] ?? t);
    out.push(`${language} speak${language === 1 ? 's' : ''} none of your languages (${list(names)})`);
  }
  if (timezone > 0) {
    out.push(`${timezone} ${timezone === 1 ? 'is' : 'are'} more than ${hours(file.program.matching.max_timezone_gap_hours ?? 12)} from ${choice.timezone?.replace(/_/g, ' ')}`);
  }
  return out;
}

/** What to change when nothing matches, one sentence per hard constraint that ruled mentors out. */
export function changeHints(r: Ranking): string[] {
  if (r.considered === 0) return ['No mentor is taking requests right now: browse the directory, or come back later.'];
  const out: string[] = [];
  if (r.failed.language > 0) out.push('Add another language you can be mentored in.');
  if (r.failed.timezone > 0) out.push('Choose a time zone nearer theirs, or “Not given” if any hour of the day suits you.');
  return out;
}
