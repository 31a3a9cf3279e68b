import { stringify } from 'yaml';
import { programSchema, type Program } from '../../src/core/program.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const repoProgram: Program = programSchema.parse(parse(readFileSync(resolve(import.meta.dirname, '../../program.yml'), 'utf8')));

/** A profile that passes every rule; tests break one rule at a time. */
export function validProfile(): Record<string, unknown> {
  return {
    name: 'Ada Example',
    github: 'ada-example',
    pronouns: 'she/her',
    avatar: 'https://avatars.example.org/ada.png',
    headline: 'Research software engineer helping physicists ship reliable code',
    affiliation: 'Example Institute',
    location: { country: 'DE', region: 'Berlin', timezone: 'Europe/Berlin' },
    languages: ['en', 'de'],
    topics: ['research-software', 'open-source'],
    stages: ['phd', 'postdoc'],
    formats: ['video', 'chat'],
    kinds: ['one-on-one'],
    availability: { status: 'open', capacity: 2, until: '2027-06-30' },
    terms: [3, 6],
    links: [{ label: 'Website', url: 'https://example.org/ada' }],
    last_confirmed: '2026-10-01',
  };
}

export function profileFile(data: Record<string, unknown>, body = '## About me\n\nI help people write tests.\n'): string {
  return `---\n${stringify(data)}---\n${body}`;
}
