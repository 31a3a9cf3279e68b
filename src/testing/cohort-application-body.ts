import type { Cohort, Program } from '../core/program.ts';
import { COHORT_FIELD, cohortForm, fieldsOf, type Role } from '../core/cohort-forms.ts';
import { languageChoice } from '../core/language-choice.ts';

/**
 * The Markdown body GitHub writes when someone submits a cohort application form: one `### Label` heading per
 * field, `_No response_` for an empty field, dropdown choices joined by commas, `- [X]` for ticked boxes. Values
 * are ids (topics, stages, formats, kinds, language tags), written as the form shows them. Used by the tests and
 * by anything that plays a cohort (the simulator).
 */
export interface CohortFields {
  capacity: number | string;
  topics: string[];
  languages: string[];
  timezone: string;
  /** The mentee's stage (one id), or the mentor's stages. */
  stages: string[];
  formats: string[];
  kinds: string[];
  affiliation: string;
  motivation: string;
  notes: string;
  /** How many of the two boxes are ticked (default both). */
  agreed: number;
}

export const MENTEE_APPLICATION: Omit<CohortFields, 'capacity' | 'notes'> = {
  topics: ['data-science', 'industry-careers'],
  languages: ['en'],
  timezone: 'Europe/Berlin',
  stages: ['phd'],
  formats: ['video'],
  kinds: ['one-on-one'],
  affiliation: 'Example University',
  motivation: 'I am finishing my PhD and want to understand what data work in industry looks like.',
  agreed: 2,
};

export const MENTOR_APPLICATION: Omit<CohortFields, 'motivation'> = {
  capacity: 2,
  topics: ['data-science', 'machine-learning'],
  languages: ['en', 'de'],
  timezone: 'Europe/Zurich',
  stages: ['phd', 'postdoc'],
  formats: ['video', 'chat'],
  kinds: ['one-on-one'],
  affiliation: 'Example Lab',
  notes: '',
  agreed: 2,
};

export function cohortBody(program: Program, cohort: Cohort, role: Role, f: Partial<CohortFields> = {}): string {
  const v: CohortFields = { capacity: '', notes: '', motivation: '', ...(role === 'mentee' ? MENTEE_APPLICATION : MENTOR_APPLICATION), ...f } as CohortFields;
  const t = program.taxonomy;
  const label = (items: readonly { id: string; label: string }[], id: string) => items.find((x) => x.id === id)?.label ?? id;
  const agree = (cohortForm(program, cohort, role).body as { id?: string; attributes: { options?: { label: string }[] } }[])
    .find((b) => b.id === COHORT_FIELD.agree.id)!
    .attributes.options!.map((o) => o.label);
  const or = (s: string) => (s.trim() ? s : '_No response_');
  const value: Record<string, string> = {
    [COHORT_FIELD.capacity.id]: or(String(v.capacity)),
    [COHORT_FIELD.topics.id]: or(v.topics.map((x) => label(t.topics, x)).join(', ')),
    [COHORT_FIELD.languages.id]: or((t.languages.length ? v.languages.map(languageChoice) : v.languages).join(', ')),
    [COHORT_FIELD.timezone.id]: or(v.timezone),
    [COHORT_FIELD.stage.id]: or(v.stages.map((x) => label(t.stages, x)).join(', ')),
    [COHORT_FIELD.stages.id]: or(v.stages.map((x) => label(t.stages, x)).join(', ')),
    [COHORT_FIELD.formats.id]: or(v.formats.map((x) => label(t.formats, x)).join(', ')),
    [COHORT_FIELD.kinds.id]: or(v.kinds.map((x) => label(t.kinds, x)).join(', ')),
    [COHORT_FIELD.affiliation.id]: or(v.affiliation),
    [COHORT_FIELD.motivation.id]: or(v.motivation),
    [COHORT_FIELD.notes.id]: or(v.notes),
    [COHORT_FIELD.agree.id]: agree.map((o, i) => `- [${i < v.agreed ? 'X' : ' '}] ${o}`).join('\n'),
  };
  return fieldsOf(role)
    .map((field) => `### ${field.label}\n\n${value[field.id]}`)
    .join('\n\n');
}
