import type { Program } from '../core/program.ts';
import { primaryLanguage } from '../core/matching/scorer.ts';
import type { StatusFile } from '../core/status.ts';
import { labelsFor, languageLabel, type MentorEntry } from './model.ts';
import type { MatchFile, MatchRow, Vocab } from './match.ts';

/**
 * Builds match/mentors.json for "Find mentors for me": the fields the score reads, for mentors taking requests,
 * with each facet's values written once and referred to by index. Build side only (it needs the program's
 * labels from model.ts); the browser reads the result with src/site/match.ts.
 */

/** Languages the form offers: the program's list, or (when any tag is allowed) those the mentors speak. */
export function offeredLanguages(program: Program, mentors: readonly MentorEntry[]): string[] {
  const tags = program.taxonomy.languages.length > 0 ? program.taxonomy.languages : [...new Set(mentors.flatMap((m) => m.data.languages))];
  return [...tags].sort((a, b) => languageLabel(a).localeCompare(languageLabel(b), 'en'));
}

/** Topics the form offers: those of the taxonomy that a mentor taking requests lists, in taxonomy order. */
export function offeredTopics(program: Program, mentors: readonly MentorEntry[]): Vocab {
  const listed = new Set(takingRequests(mentors).flatMap((m) => m.data.topics));
  return program.taxonomy.topics.filter((t) => listed.has(t.id)).map((t) => [t.id, t.label]);
}

export function takingRequests(mentors: readonly MentorEntry[]): MentorEntry[] {
  return mentors.filter((m) => m.data.availability.status === 'open');
}

class Indexer {
  readonly vocab: Vocab = [];
  private readonly at = new Map<string, number>();
  private readonly label: (id: string) => string;
  constructor(label: (id: string) => string, ids: readonly string[] = []) {
    this.label = label;
    for (const id of ids) this.of(id);
  }
  of(id: string): number {
    let i = this.at.get(id);
    if (i === undefined) {
      i = this.vocab.length;
      this.at.set(id, i);
      this.vocab.push([id, this.label(id)]);
    }
    return i;
  }
}

export function matchFile(program: Program, mentors: readonly MentorEntry[], status: StatusFile | undefined): MatchFile {
  const labels = labelsFor(program);
  const open = takingRequests(mentors);
  const topic = new Indexer(labels.topic, program.taxonomy.topics.map((t) => t.id));
  const stage = new Indexer(labels.stage, program.taxonomy.stages.map((t) => t.id));
  const format = new Indexer(labels.format, program.taxonomy.formats.map((t) => t.id));
  const kind = new Indexer(labels.kind, program.taxonomy.kinds.map((t) => t.id));
  const language = new Indexer(labels.language, offeredLanguages(program, mentors));
  const zones = new Indexer((z) => z);
  const rows: MatchRow[] = open.map(({ data: p, slots }) => {
    const row: MatchRow = {
      l: p.github,
      n: p.name,
      h: p.headline,
      t: p.topics.map((x) => topic.of(x)),
      g: p.languages.map((x) => language.of(x)),
      s: p.stages.map((x) => stage.of(x)),
      f: p.formats.map((x) => format.of(x)),
      k: p.kinds.map((x) => kind.of(x)),
      c: p.availability.capacity,
    };
    if (p.location.timezone) row.z = zones.of(p.location.timezone);
    if (slots) row.free = slots.free;
    if (p.availability.until) row.u = p.availability.until;
    return row;
  });
  const languageNames = Object.fromEntries(language.vocab.map(([tag]) => [primaryLanguage(tag), languageLabel(primaryLanguage(tag))]));
  return {
    v: 1,
    synced: status ? status.generated.slice(0, 10) : null,
    program: {
      taxonomy: { topics: program.taxonomy.topics.map((t) => ({ id: t.id, synonyms: t.synonyms })) },
      limits: { max_mentor_capacity: program.limits.max_mentor_capacity },
      matching: program.matching,
    },
    vocab: { topic: topic.vocab, stage: stage.vocab, format: format.vocab, kind: kind.vocab, language: language.vocab },
    languageNames,
    zones: zones.vocab.map(([z]) => z),
    mentors: rows,
  };
}
