import type { Program } from '../core/program.ts';
import { FIELD, requestForm, termOption } from '../core/request-form.ts';
import { languageChoice } from '../core/language-choice.ts';

/**
 * The Markdown body GitHub writes when someone submits the request form: one
 * `### Label` heading per field, `_No response_` for empty optional fields,
 * comma-separated dropdown choices and `- [X]` for ticked boxes.
 */
export interface RequestFields {
  mentor: string;
  alternates?: string[];
  areas?: string[];
  goals?: string;
  term?: number | string;
  format?: string;
  /** Language tags. */
  languages?: string[];
  timezone?: string;
  /** A career stage id. */
  stage?: string;
  about?: string;
  agreed?: boolean;
}

export function requestBody(program: Program, f: RequestFields): string {
  const topicLabel = (id: string) => program.taxonomy.topics.find((t) => t.id === id)?.label ?? id;
  const formatLabel = (id: string) => program.taxonomy.formats.find((t) => t.id === id)?.label ?? id;
  const cocOption = ((requestForm(program).body as { id?: string; attributes: { options?: { label: string }[] } }[]).find((b) => b.id === FIELD.coc.id)!.attributes.options![0]!).label;
  const or = (s: string | undefined) => (s && s.trim() ? s : '_No response_');
  const sections: [string, string][] = [
    [FIELD.mentor.label, or(f.mentor)],
    [FIELD.alternate1.label, or(f.alternates?.[0])],
    [FIELD.alternate2.label, or(f.alternates?.[1])],
    [FIELD.areas.label, or((f.areas ?? [program.taxonomy.topics[0]!.id]).map(topicLabel).join(', '))],
    [FIELD.goals.label, or(f.goals ?? 'Decide between an industry job and a second postdoc by spring.')],
    [FIELD.term.label, or(typeof f.term === 'string' ? f.term : termOption(f.term ?? program.terms[0]!))],
    [FIELD.format.label, or(formatLabel(f.format ?? program.taxonomy.formats[0]!.id))],
    [FIELD.languages.label, or((f.languages ?? []).map(languageChoice).join(', '))],
    [FIELD.timezone.label, or(f.timezone)],
    [FIELD.stage.label, or(f.stage === undefined ? undefined : (program.taxonomy.stages.find((s) => s.id === f.stage)?.label ?? f.stage))],
    [FIELD.about.label, or(f.about ?? 'Third-year PhD student in condensed matter physics.')],
    [FIELD.coc.label, `- [${f.agreed === false ? ' ' : 'X'}] ${cocOption}`],
  ];
  return sections.map(([h, v]) => `### ${h}\n\n${v}`).join('\n\n');
}
