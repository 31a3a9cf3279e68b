import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Program } from '../../src/core/program.ts';
import { validateProgram, validateProfile } from '../../src/core/validate.ts';
import { Rng, Zipf } from '../../src/testing/random.ts';
import * as W from './words.ts';

/**
 * Synthetic mentor profiles for the benchmark. Deterministic: profile i depends
 * only on the seed and i, so runs are comparable and the first 1,000 profiles of
 * a 10,000 run are the 1,000 of a 1,000 run.
 */

export const DEFAULT_SEED = 'mentorkit-bench-1';

export interface GeneratedProfile {
  login: string;
  text: string;
}

export interface GenerateStats {
  count: number;
  paused: number;
  bioWords: { min: number; median: number; max: number };
  /** Distinct lowercase word tokens over all bios and headlines. */
  vocabulary: number;
  /** gzip -9 of all profile files concatenated, as a share of their raw size. */
  gzipRatio: number;
  validated: number;
}

// ---------------------------------------------------------------------------
// Inflection, good enough for generated prose.

const IRREGULAR_PAST: Record<string, string> = {
  build: 'built', choose: 'chose', lead: 'led', run: 'ran', speak: 'spoke', teach: 'taught', understand: 'understood', write: 'wrote',
  learn: 'learned', rebuild: 'rebuilt', draw: 'drew', grow: 'grew', forecast: 'forecast', rewrite: 'rewrote', weigh: 'weighed',
};
const DOUBLE_FINAL = new Set(['map', 'plan', 'run', 'debug', 'model', 'travel', 'label', 'signal', 'scan']);
const UNCOUNTABLE = new Set([
  'access', 'advice', 'attention', 'behaviour', 'confidence', 'culture', 'curiosity', 'data', 'education', 'energy', 'equipment', 'evidence',
  'exposure', 'feedback', 'freedom', 'funding', 'growth', 'guidance', 'hardware', 'history', 'impact', 'independence', 'information',
  'infrastructure', 'intuition', 'knowledge', 'literature', 'logic', 'maintenance', 'matter', 'momentum', 'motivation', 'pressure', 'progress',
  'quality', 'reality', 'research', 'science', 'software', 'support', 'talent', 'training', 'trust', 'uncertainty', 'understanding', 'work',
]);

function past(v: string): string {
  if (IRREGULAR_PAST[v]) return IRREGULAR_PAST[v];
  if (DOUBLE_FINAL.has(v)) return `${v}${v.at(-1)}ed`;
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  return `${v}ed`;
}
function gerund(v: string): string {
  if (DOUBLE_FINAL.has(v)) return `${v}${v.at(-1)}ing`;
  if (v.endsWith('ie')) return `${v.slice(0, -2)}ying`;
  if (v.endsWith('e') && !v.endsWith('ee')) return `${v.slice(0, -1)}ing`;
  return `${v}ing`;
}
function plural(n: string): string {
  if (UNCOUNTABLE.has(n)) return n;
  if (n.endsWith('is')) return `${n.slice(0, -2)}es`;
  if (/(s|x|ch|sh)$/.test(n)) return `${n}es`;
  if (/[^aeiou]y$/.test(n)) return `${n.slice(0, -1)}ies`;
  return `${n}s`;
}
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const article = (w: string): string => (/^[aeiou]/i.test(w) ? 'an' : 'a');

/** ASCII login from a display name: lowercase, accents dropped, words joined by hyphens. */
export function loginOf(name: string): string {
  return name
    .replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/[øØ]/g, 'o').replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------
// Ranked word banks (Zipf), built once.

const Z = {
  noun: new Zipf(W.NOUNS, 0.85, 'noun'),
  verb: new Zipf(W.VERBS, 0.85, 'verb'),
  adj: new Zipf(W.ADJECTIVES, 0.85, 'adj'),
  adv: new Zipf(W.ADVERBS, 0.9, 'adv'),
  field: new Zipf(W.FIELDS, 0.7, 'field'),
  tool: new Zipf(W.TOOLS, 0.9, 'tool'),
  role: new Zipf(W.ROLES, 0.8, 'role'),
  first: new Zipf(W.FIRST_NAMES, 0.5, 'first'),
  last: new Zipf(W.LAST_NAMES, 0.5, 'last'),
  orgWord: new Zipf(W.ORG_WORDS, 0.5, 'org'),
  group: new Zipf(W.GROUPS, 0.8, 'group'),
  place: new Zipf(W.PLACES_BEFORE, 0.8, 'place'),
};

interface Persona {
  rng: Rng;
  name: string;
  country: W.CountryInfo;
  city: string;
  org: string;
  role: string;
  fields: string[];
  topicPhrases: string[];
  tools: string[];
  capacity: number;
  formats: string[];
}

function nounPhrase(p: Persona): string {
  const r = p.rng;
  const noun = Z.noun.draw(r);
  const adj = r.chance(0.55) ? `${Z.adj.draw(r)} ` : '';
  const form = r.int(0, 5);
  if (form === 0) return `${plural(`${adj}${noun}`)}`;
  if (form === 1) return `${article(adj || noun)} ${adj}${noun}`;
  if (form === 2) return `the ${adj}${noun} of ${r.chance(0.5) ? r.pick(p.fields) : plural(Z.noun.draw(r))}`;
  if (form === 3) return `${r.pick(['my', 'your', 'their', 'our'])} ${adj}${r.chance(0.5) ? plural(noun) : noun}`;
  if (form === 4) return r.pick(p.topicPhrases);
  return `${adj}${plural(noun)} in ${r.pick(p.fields)}`;
}

const years = (r: Rng): string => r.pick(W.NUMBER_WORDS);

/** Template numbers 0..n-1 in a shuffled order, reshuffled when used up, so a bio rarely repeats a sentence shape. */
function deck(r: Rng, n: number): () => number {
  let cards: number[] = [];
  return () => {
    if (cards.length === 0) cards = r.shuffle(Array.from({ length: n }, (_, i) => i));
    return cards.pop()!;
  };
}

function aboutSentence(p: Persona, template: number): string {
  const r = p.rng;
  const np = () => nounPhrase(p);
  const v = () => Z.verb.draw(r);
  const [toolA, toolB] = r.sample(p.tools, 2);
  switch (template) {
    case 0:
      return `I spent ${years(r)} years in ${p.fields[0]} at ${Z.place.draw(r)}, ${Z.adv.draw(r)} ${gerund(v())} ${np()}.`;
    case 1:
      return `Today I am ${article(p.role)} ${p.role.toLowerCase()} at ${p.org} in ${p.city}, where I ${v()} ${np()} and ${v()} ${np()}.`;
    case 2:
      return `My background is in ${r.pick(p.fields)}, but most of my ${plural(Z.noun.draw(r))} now involve ${r.pick(p.topicPhrases)} and ${r.pick(p.tools)}.`;
    case 3:
      return `Before that I ${past(v())} ${np()} for ${Z.place.draw(r)} and ${past(v())} ${np()}.`;
    case 4:
      return toolB ? `I ${Z.adv.draw(r)} ${v()} ${np()} with ${toolA} and ${toolB}.` : `I ${Z.adv.draw(r)} ${v()} ${np()} with ${toolA}.`;
    case 5:
      return `Along the way I learned that ${np()} matters more than ${np()}.`;
    case 6:
      return `Outside work I ${v()} ${np()} for ${Z.group.draw(r)}.`;
    case 7: {
      const other = r.pick(W.COUNTRIES);
      return `I moved from ${r.pick(other.cities)} to ${p.city} ${years(r)} years ago and still ${v()} ${np()} there.`;
    }
    case 8:
      return `${cap(Z.adv.draw(r))}, the ${Z.adj.draw(r)} ${Z.noun.draw(r)} of ${r.pick(p.fields)} taught me how to ${v()} ${np()}.`;
    case 9:
      return `My doctorate was on ${r.pick(p.fields)}, and I ${past(v())} ${np()} long before I ${past(v())} ${np()}.`;
    case 10:
      return `I have been on ${Z.adj.draw(r)} ${plural(Z.noun.draw(r))} and ${Z.adj.draw(r)} ${plural(Z.noun.draw(r))}, so I know how ${r.pick(p.topicPhrases)} feel from both sides.`;
    default:
      return `These days I care most about ${r.pick(p.topicPhrases)}, ${np()} and ${Z.adj.draw(r)} ${plural(Z.noun.draw(r))}.`;
  }
}

function helpBullet(p: Persona, template: number): string {
  const r = p.rng;
  const np = () => nounPhrase(p);
  switch (template) {
    case 0:
      return `${cap(gerund(Z.verb.draw(r)))} ${np()} and ${r.pick(p.topicPhrases)}.`;
    case 1:
      return `${cap(r.pick(p.topicPhrases))}: ${gerund(Z.verb.draw(r))} ${np()}, ${np()} and ${np()}.`;
    case 2:
      return `Getting started with ${r.pick(p.tools)} for ${r.pick(p.fields)}.`;
    case 3: {
      const adj = Z.adj.draw(r);
      return `${cap(gerund(Z.verb.draw(r)))} ${article(adj)} ${adj} ${Z.noun.draw(r)} for ${r.pick(p.topicPhrases)}.`;
    }
    case 4:
      return `Understanding ${np()} when you come from ${r.pick(p.fields)}.`;
    default:
      return `${cap(Z.adv.draw(r))} ${gerund(Z.verb.draw(r))} ${np()} without losing ${np()}.`;
  }
}

function expectSentence(p: Persona, first: boolean, template = 0): string {
  const r = p.rng;
  const np = () => nounPhrase(p);
  if (first) {
    const how = p.formats.includes('video') ? 'by video' : p.formats.includes('chat') ? 'over chat' : p.formats.includes('in-person') ? 'in person' : 'in writing';
    const often = r.pick(['every two weeks', 'every three weeks', 'once a month', 'twice a month', 'every other week']);
    return `I take ${p.capacity === 1 ? 'one mentee' : `up to ${W.NUMBER_WORDS[p.capacity - 2] ?? p.capacity} mentees`} at a time and meet ${how} ${often}.`;
  }
  switch (template) {
    case 0:
      return `Please ${Z.verb.draw(r)} ${np()} before our first ${Z.noun.draw(r)}.`;
    case 1:
      return `I ${Z.adv.draw(r)} ${Z.verb.draw(r)} ${np()}, so bring ${np()}.`;
    case 2:
      return `I expect ${Z.adj.draw(r)} ${plural(Z.noun.draw(r))} between calls and ${Z.adj.draw(r)} ${plural(Z.noun.draw(r))} from both of us.`;
    case 3:
      return `I will be ${Z.adj.draw(r)} about ${np()}, including the parts that are not ${Z.adj.draw(r)}.`;
    default:
      return `Keep a short list of ${plural(Z.noun.draw(r))} and ${plural(Z.noun.draw(r))} between meetings.`;
  }
}

/** Lowercase words, for the vocabulary statistic (independent of the site's own tokenizer). */
const tokenize = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

function headline(p: Persona): string {
  const r = p.rng;
  for (let attempt = 0; attempt < 12; attempt++) {
    const field = r.pick(p.fields);
    const h = [
      `${p.role} in ${field}`,
      `${p.role} at ${p.org}`,
      `${p.role} who left ${field} for ${r.pick(['industry', 'a startup', 'policy', 'teaching', 'open source', 'data work'])}`,
      `${p.role} helping ${Z.group.draw(r)} with ${r.pick(p.topicPhrases)}`,
      `${cap(field)} ${p.role.toLowerCase()}, ex-${Z.role.draw(r).toLowerCase()}`,
      `${p.role} working on ${r.pick(p.topicPhrases)} and ${r.pick(p.tools)}`,
    ][r.int(0, 5)]!;
    if (h.length <= 80) return h;
  }
  return p.role;
}

function organisation(r: Rng, country: W.CountryInfo, fields: string[]): string {
  switch (r.int(0, 5)) {
    case 0:
      return `University of ${r.pick(country.cities)}`;
    case 1:
      return `${r.pick(country.cities)} Institute of ${cap(r.pick(fields))}`;
    case 2:
      return `${Z.orgWord.draw(r)} ${r.pick(W.ORG_SUFFIXES)}`;
    case 3:
      return `${Z.orgWord.draw(r)} ${cap(r.pick(fields).split(' ')[0]!)} ${r.pick(W.ORG_SUFFIXES)}`;
    case 4:
      return `${r.pick(country.cities)} ${cap(r.pick(fields))} Centre`;
    default:
      return `${Z.last.draw(r)} ${r.pick(['Lab', 'Group', 'Consulting', 'Research'])}`;
  }
}

/** A YAML scalar: plain when safe (as people write them), double-quoted otherwise. */
function yamlString(s: string): string {
  const plain =
    /^[\p{L}\p{N}(]/u.test(s) && !/: | #|:$|\s$|[\n"]/.test(s) && !/^(true|false|yes|no|null|on|off|~|[\d.:-]+)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function dateIn(r: Rng, year: number, fromMonth: number, toMonth: number): string {
  return `${year}-${pad(r.int(fromMonth, toMonth))}-${pad(r.int(1, 28))}`;
}

export function generateProfile(program: Program, seed: string, i: number, taken: Set<string>): GeneratedProfile {
  const r = new Rng(`${seed}:${i}`);
  const last = Z.last.draw(r);
  let second = r.chance(0.06) ? Z.last.draw(r) : '';
  if (second === last) second = '';
  const name = `${Z.first.draw(r)} ${second ? `${second}-` : ''}${last}`;
  let login = loginOf(name).slice(0, 34).replace(/-+$/, '');
  if (taken.has(login)) {
    const [first = 'm', ...rest] = login.split('-');
    const candidates = [`${first[0]}${rest.join('')}`, `${first}${rest.join('')}`, `${rest.join('-')}-${first}`];
    login = candidates.find((c) => !taken.has(c)) ?? login;
    for (let k = 2; taken.has(login); k++) login = `${loginOf(name).slice(0, 34).replace(/-+$/, '')}-${k}`;
  }
  taken.add(login);

  const topicIds = program.taxonomy.topics.map((t) => t.id);
  const topicZipf = new Zipf(topicIds, 0.6, 'topics');
  const topics = r.sample(topicIds, r.weighted([1, 2, 3, 4, 5], [2, 4, 4, 2, 1]), () => topicZipf.draw(r)).slice(0, 8);
  const country = r.weighted(W.COUNTRIES, W.COUNTRIES.map((c) => c.weight));
  const fields = [Z.field.draw(r), Z.field.draw(r)];
  const formatIds = program.taxonomy.formats.map((f) => f.id);
  const formats = r.sample(formatIds, r.weighted([1, 2, 3], [4, 4, 1]));
  const maxCap = Math.min(2, program.limits.max_mentor_capacity);
  const capacity = r.int(1, maxCap);
  const role = Z.role.draw(r);
  const p: Persona = {
    rng: r,
    name,
    country,
    city: r.pick(country.cities),
    org: organisation(r, country, fields),
    role,
    fields,
    topicPhrases: topics.flatMap((t) => W.TOPIC_PHRASES[t] ?? [program.taxonomy.topics.find((x) => x.id === t)!.label.toLowerCase()]),
    tools: r.sample(W.TOOLS, r.int(2, 4), () => Z.tool.draw(r)),
    capacity,
    formats,
  };

  const offered = new Set(program.taxonomy.languages);
  const allowed = (l: string) => offered.size === 0 || offered.has(l);
  const spoken = country.languages.filter(allowed);
  const languages = [...new Set([...(r.chance(0.9) && allowed('en') ? ['en'] : []), ...r.sample(spoken, r.int(1, Math.min(2, spoken.length)))])];
  if (r.chance(0.08)) {
    const extra = r.pick(program.taxonomy.languages.length ? program.taxonomy.languages : ['en']);
    if (!languages.includes(extra)) languages.push(extra);
  }
  if (languages.length === 0) languages.push(program.taxonomy.languages[0] ?? 'en');

  const stageIds = program.taxonomy.stages.map((s) => s.id);
  const stages = stageIds.filter((id) => r.chance(0.35));
  if (stages.length === 0) stages.push(r.pick(stageIds));
  const kindIds = program.taxonomy.kinds.map((k) => k.id);
  const kinds = r.sample(kindIds, r.weighted([1, 2], [3, 1]));
  const terms = program.terms.filter(() => r.chance(0.45));
  if (terms.length === 0) terms.push(r.pick(program.terms));
  const paused = r.chance(0.15);

  // Bio: 100-200 words in the three sections the sample profiles use; each
  // section is filled up to its share of the target, never past 200 words.
  const target = r.int(100, 200);
  const about: string[] = [];
  const help: string[] = [];
  const expect: string[] = [expectSentence(p, true)];
  let words = wordCount(expect[0]!);
  const fill = (list: string[], make: (template: number) => string, templates: number, goal: number) => {
    const next = deck(r, templates);
    for (let tries = 0; tries < 40 && words < goal; tries++) {
      const s = make(next());
      const n = wordCount(s);
      if (words + n > 200) continue;
      list.push(s);
      words += n;
    }
  };
  fill(about, (t) => aboutSentence(p, t), 12, target * 0.55);
  fill(help, (t) => helpBullet(p, t), 6, target * 0.85);
  fill(expect, (t) => expectSentence(p, false, t), 5, target);
  const body = [
    `## ${r.pick(['About me', 'About me', 'My path', 'Background'])}`,
    '',
    about.join(' '),
    '',
    `## ${r.pick(['How I can help', 'How I can help', 'What I can help with'])}`,
    '',
    ...help.map((b) => `- ${b}`),
    '',
    `## ${r.pick(['What I expect from a mentee', 'What I expect from a mentee', 'How I work'])}`,
    '',
    expect.join(' '),
    '',
  ].join('\n');

  const fm: string[] = ['---', `name: ${yamlString(name)}`, `github: ${login}`];
  if (r.chance(0.85)) fm.push(`pronouns: ${r.weighted(W.PRONOUNS, [10, 9, 2, 1, 1])}`);
  fm.push(`headline: ${yamlString(headline(p))}`);
  if (r.chance(0.9)) fm.push(`affiliation: ${yamlString(p.org)}`);
  fm.push('location:', `  country: ${country.code}`);
  if (country.regions.length && r.chance(0.8)) fm.push(`  region: ${yamlString(r.pick(country.regions))}`);
  if (r.chance(0.85)) fm.push(`  timezone: ${r.pick(country.zones)}`);
  fm.push(`languages: [${languages.join(', ')}]`);
  fm.push(`topics: [${topics.join(', ')}]`);
  fm.push(`stages: [${stages.join(', ')}]`);
  fm.push(`formats: [${formats.join(', ')}]`);
  fm.push(`kinds: [${kinds.join(', ')}]`);
  fm.push('availability:', `  status: ${paused ? 'paused' : 'open'}`, `  capacity: ${capacity}`);
  if (!paused && r.chance(0.12)) fm.push(`  until: ${dateIn(r, 2027, 1, 12)}`);
  fm.push(`terms: [${terms.join(', ')}]`);
  if (r.chance(0.25)) {
    fm.push('links:');
    for (const label of r.sample(['Personal site', 'Blog', 'Publications', 'Lab page', 'Slides', 'Talks'], r.int(1, 2))) {
      fm.push(`  - label: ${label}`, `    url: https://example.org/${login}/${loginOf(label)}`);
    }
  }
  fm.push(`last_confirmed: ${dateIn(r, 2026, 1, 11)}`, '---', '');
  return { login, text: `${fm.join('\n')}\n${body}` };
}

export function generateProfiles(program: Program, n: number, seed = DEFAULT_SEED): GeneratedProfile[] {
  const taken = new Set<string>();
  return Array.from({ length: n }, (_, i) => generateProfile(program, seed, i, taken));
}

export function readProgram(repoRoot: string): Program {
  const { program, diagnostics } = validateProgram('program.yml', readFileSync(join(repoRoot, 'program.yml'), 'utf8'));
  if (!program) {
    throw new Error(`program.yml in ${repoRoot} is invalid:\n${diagnostics.map((d) => `  ${d.file}:${d.line}: ${d.field}: ${d.message}`).join('\n')}`);
  }
  return program;
}

/**
 * Write a content root that mirrors the repository: program.yml and
 * content/pages copied, content/mentors generated. Validates a sample of the
 * generated files with the project's own validator and throws on any problem.
 */
export function writeContentRoot(repoRoot: string, dest: string, n: number, seed = DEFAULT_SEED, sampleSize = 200): GenerateStats {
  const program = readProgram(repoRoot);
  mkdirSync(join(dest, 'content/mentors'), { recursive: true });
  cpSync(join(repoRoot, 'program.yml'), join(dest, 'program.yml'));
  cpSync(join(repoRoot, 'content/pages'), join(dest, 'content/pages'), { recursive: true });

  const profiles = generateProfiles(program, n, seed);
  for (const p of profiles) writeFileSync(join(dest, 'content/mentors', `${p.login}.md`), p.text);

  // Self-check: an evenly spread sample through the validator the build uses.
  const step = Math.max(1, Math.floor(n / sampleSize));
  const problems: string[] = [];
  let validated = 0;
  for (let i = 0; i < n; i += step) {
    const p = profiles[i]!;
    const file = `content/mentors/${p.login}.md`;
    const result = validateProfile(file, p.login, p.text, program);
    validated++;
    for (const d of result.diagnostics) problems.push(`${d.file}:${d.line}: ${d.field}: ${d.message}`);
  }
  if (problems.length > 0) {
    throw new Error(`generated profiles fail validation (seed ${seed}):\n  ${problems.slice(0, 20).join('\n  ')}`);
  }

  const vocab = new Set<string>();
  const counts: number[] = [];
  let paused = 0;
  for (const p of profiles) {
    const body = p.text.slice(p.text.indexOf('\n---\n', 4) + 5);
    counts.push(wordCount(body.replace(/^##.*$/gm, '')));
    for (const t of tokenize(body.replace(/^##.*$/gm, ''))) vocab.add(t);
    const h = /^headline: (.*)$/m.exec(p.text)?.[1] ?? '';
    for (const t of tokenize(h)) vocab.add(t);
    if (/^ {2}status: paused$/m.test(p.text)) paused++;
  }
  counts.sort((a, b) => a - b);
  const all = Buffer.from(profiles.map((p) => p.text).join('\n'));
  return {
    count: n,
    paused,
    bioWords: { min: counts[0] ?? 0, median: counts[counts.length >> 1] ?? 0, max: counts[counts.length - 1] ?? 0 },
    vocabulary: vocab.size,
    gzipRatio: gzipSync(all, { level: 9 }).length / all.length,
    validated,
  };
}
