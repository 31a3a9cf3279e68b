import type { Program } from '../../src/core/program.ts';
import { APP_FIELD, applicationForm, languageChoice, termChoice } from '../../src/core/onboarding.ts';

/**
 * The Markdown body GitHub writes when someone submits the "Become a mentor" form: one `### Label` heading per
 * field, `_No response_` for empty optional fields, dropdown choices joined by commas and `- [X]` for ticked boxes.
 * Values are given as the form shows them (topic labels, "3 months"), or as ids where noted.
 */
export interface ApplicationFields {
  name: string;
  pronouns: string;
  headline: string;
  avatar: string;
  affiliation: string;
  country: string;
  region: string;
  timezone: string;
  /** BCP 47 tags; written as the dropdown shows them ("English (en)"). */
  languages: string[];
  /** Topic ids; written as their labels. */
  topics: string[];
  stages: string[];
  formats: string[];
  kinds: string[];
  capacity: number | string;
  terms: (number | string)[];
  links: string;
  about: string;
  help: string;
  expect: string;
  /** How many of the two boxes are ticked (default both). */
  agreed: number;
}

export const VALID_APPLICATION: ApplicationFields = {
  name: 'Ada Example',
  pronouns: 'she/her',
  headline: 'Research software engineer helping physicists ship code',
  avatar: '',
  affiliation: 'Example Lab',
  country: 'DE',
  region: 'Berlin',
  timezone: 'Europe/Berlin',
  languages: ['en', 'de'],
  topics: ['research-software', 'open-source'],
  stages: ['phd', 'postdoc'],
  formats: ['video', 'chat'],
  kinds: ['one-on-one'],
  capacity: 2,
  terms: [3, 6],
  links: 'Personal site: https://example.org/ada',
  about: 'I build analysis software for a detector group and maintain two open-source libraries.',
  help: '- Turning research code into a package.\n- Getting started in open source.',
  expect: 'We meet by video once a month; bring a question or a piece of code.',
  agreed: 2,
};

export function applicationBody(program: Program, f: Partial<ApplicationFields> = {}): string {
  const v = { ...VALID_APPLICATION, ...f };
  const label = (items: { id: string; label: string }[], id: string) => items.find((x) => x.id === id)?.label ?? id;
  const t = program.taxonomy;
  const agree = ((applicationForm(program).body as { id?: string; attributes: { options?: { label: string }[] } }[]).find((b) => b.id === APP_FIELD.agree.id)!.attributes.options!).map((o) => o.label);
  const or = (s: string | undefined) => (s && s.trim() ? s : '_No response_');
  const sections: [string, string][] = [
    [APP_FIELD.name.label, or(v.name)],
    [APP_FIELD.pronouns.label, or(v.pronouns)],
    [APP_FIELD.headline.label, or(v.headline)],
    [APP_FIELD.avatar.label, or(v.avatar)],
    [APP_FIELD.affiliation.label, or(v.affiliation)],
    [APP_FIELD.country.label, or(v.country)],
    [APP_FIELD.region.label, or(v.region)],
    [APP_FIELD.timezone.label, or(v.timezone)],
    [APP_FIELD.languages.label, or((t.languages.length ? v.languages.map(languageChoice) : v.languages).join(', '))],
    [APP_FIELD.topics.label, or(v.topics.map((x) => label(t.topics, x)).join(', '))],
    [APP_FIELD.stages.label, or(v.stages.map((x) => label(t.stages, x)).join(', '))],
    [APP_FIELD.formats.label, or(v.formats.map((x) => label(t.formats, x)).join(', '))],
    [APP_FIELD.kinds.label, or(v.kinds.map((x) => label(t.kinds, x)).join(', '))],
    [APP_FIELD.capacity.label, or(String(v.capacity))],
    [APP_FIELD.terms.label, or(v.terms.map((x) => (typeof x === 'number' ? termChoice(x) : x)).join(', '))],
    [APP_FIELD.links.label, or(v.links)],
    [APP_FIELD.about.label, or(v.about)],
    [APP_FIELD.help.label, or(v.help)],
    [APP_FIELD.expect.label, or(v.expect)],
    [APP_FIELD.agree.label, agree.map((o, i) => `- [${i < v.agreed ? 'X' : ' '}] ${o}`).join('\n')],
  ];
  return sections.map(([h, x]) => `### ${h}\n\n${x}`).join('\n\n');
}
