import { describe, expect, test } from 'vitest';
import { validateProfile } from '../../src/core/validate.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { profileFile, repoProgram, validProfile } from '../support/profiles.ts';

function check(mutate: (p: Record<string, any>) => void, body?: string) {
  const data = validProfile();
  mutate(data);
  const login = typeof data.github === 'string' ? data.github : 'ada-example';
  return validateProfile(`content/mentors/${login}.md`, login, profileFile(data, body), repoProgram).diagnostics.map(formatDiagnostic);
}

describe('profile rules: a valid and an invalid case for each', () => {
  test('the base fixture is valid', () => {
    expect(check(() => {})).toEqual([]);
  });

  const cases: [string, (p: Record<string, any>) => void, (p: Record<string, any>) => void, RegExp][] = [
    ['avatar must be https', (p) => (p.avatar = 'https://img.example.org/a.png'), (p) => (p.avatar = 'http://img.example.org/a.png'), /avatar: must be an https:\/\/ URL/],
    ['headline ≤ 80 characters', (p) => (p.headline = 'x'.repeat(80)), (p) => (p.headline = 'x'.repeat(81)), /headline: is longer than 80 characters/],
    ['headline is required', () => {}, (p) => delete p.headline, /headline: is required/],
    ['ISO 3166 country', (p) => (p.location.country = 'BR'), (p) => (p.location.country = 'XZ'), /location\.country: is not an ISO 3166-1 alpha-2 country code/],
    ['country must be upper case alpha-2', (p) => (p.location.country = 'KE'), (p) => (p.location.country = 'de'), /location\.country: is not an ISO 3166-1/],
    ['IANA time zone', (p) => (p.location.timezone = 'America/Sao_Paulo'), (p) => (p.location.timezone = 'Europe/Atlantis'), /location\.timezone: is not an IANA time zone/],
    ['BCP 47 languages', (p) => (p.languages = ['pt', 'en']), (p) => (p.languages = ['en', 'e_n!']), /languages\[1\]: "e_n!" is not a BCP 47 language tag/],
    ['languages from the program', (p) => (p.languages = ['sw']), (p) => (p.languages = ['haw']), /languages\[0\]: language "haw" is not offered by this program/],
    ['topics from the taxonomy', (p) => (p.topics = ['hpc']), (p) => (p.topics = ['astrology']), /topics\[0\]: unknown topic "astrology"/],
    ['a synonym is rejected with the canonical tag', (p) => (p.topics = ['machine-learning']), (p) => (p.topics = ['ml']), /topics\[0\]: "ml" is a synonym; use the canonical topic "machine-learning"/],
    ['a near-miss topic gets a suggestion', (p) => (p.topics = ['data-science']), (p) => (p.topics = ['data-scince']), /did you mean "data-science"/],
    ['capacity ≤ the program maximum', (p) => (p.availability.capacity = repoProgram.limits.max_mentor_capacity), (p) => (p.availability.capacity = repoProgram.limits.max_mentor_capacity + 1), /availability\.capacity: is above the program's maximum of 2/],
    ['capacity ≥ 1', (p) => (p.availability.capacity = 1), (p) => (p.availability.capacity = 0), /availability\.capacity: must be at least 1/],
    ['availability status open or paused', (p) => (p.availability.status = 'paused'), (p) => (p.availability.status = 'busy'), /availability\.status: must be "open" or "paused"/],
    ['terms ⊆ program terms', (p) => (p.terms = [12]), (p) => (p.terms = [3, 4]), /terms\[1\]: 4 months is not a term this program offers/],
    ['stages from the taxonomy', (p) => (p.stages = ['undergraduate']), (p) => (p.stages = ['phd-student']), /stages\[0\]: unknown career stage "phd-student"/],
    ['formats from the taxonomy', (p) => (p.formats = ['in-person']), (p) => (p.formats = ['telepathy']), /formats\[0\]: unknown format "telepathy"/],
    ['kinds from the taxonomy', (p) => (p.kinds = ['peer-group']), (p) => (p.kinds = ['group']), /kinds\[0\]: unknown kind "group"/],
    ['no duplicate list entries', (p) => (p.topics = ['hpc', 'teaching']), (p) => (p.topics = ['hpc', 'hpc']), /topics: lists the same topic twice/],
    ['github login format', (p) => (p.github = 'ada-example'), (p) => (p.github = '-bad--login-'), /github: is not a GitHub login/],
    ['last_confirmed is a real date', (p) => (p.last_confirmed = '2026-02-28'), (p) => (p.last_confirmed = '2026-02-30'), /last_confirmed: must be a real date/],
    ['links are https', (p) => (p.links = [{ label: 'Site', url: 'https://example.org' }]), (p) => (p.links = [{ label: 'Site', url: 'ftp://example.org' }]), /links\[0\]\.url: must be an https:\/\/ URL/],
    ['unknown fields are rejected with a suggestion', (p) => (p.pronouns = 'they/them'), (p) => (p.pronoun = 'they/them'), /pronoun: unknown field; did you mean "pronouns"\?/],
  ];

  for (const [name, good, bad, message] of cases) {
    test(name, () => {
      expect(check(good)).toEqual([]);
      const errors = check(bad);
      expect(errors.some((e) => message.test(e)), errors.join('\n')).toBe(true);
    });
  }

  test('the file name must match the github login', () => {
    const text = profileFile(validProfile());
    const errors = validateProfile('content/mentors/someone-else.md', 'someone-else', text, repoProgram).diagnostics.map(formatDiagnostic);
    expect(errors).toEqual([
      'content/mentors/someone-else.md:3: github: "ada-example" does not match the file name "someone-else.md"; rename the file to ada-example.md or correct the login',
    ]);
  });

  test('no e-mail address anywhere in the file', () => {
    expect(check(() => {}, 'Reach me through the request issue.\n')).toEqual([]);
    expect(check(() => {}, 'Write to ada.example@uni.example.edu any time.\n')).toEqual([
      expect.stringMatching(/^content\/mentors\/ada-example\.md:\d+: body: looks like an e-mail address/),
    ]);
    expect(check((p) => (p.affiliation = 'ada@example.org'))).toEqual([
      expect.stringMatching(/: affiliation: looks like an e-mail address/),
    ]);
  });

  test('no phone number anywhere in the file', () => {
    expect(check(() => {}, 'I worked there for twelve years, from 2009 to 2021.\n')).toEqual([]);
    expect(check(() => {}, 'Call me on +49 30 901820 after six.\n')).toEqual([expect.stringMatching(/: body: looks like a phone number/)]);
  });

  test('a file without front matter is explained', () => {
    const r = validateProfile('content/mentors/x.md', 'x', '# Just a title\n', repoProgram);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'content/mentors/x.md:1: (file): has no front matter; start the file with a line "---", the profile fields, then "---"',
    ]);
  });

  test('broken YAML is reported with its line, not thrown', () => {
    const r = validateProfile('content/mentors/x.md', 'x', '---\nname: X\nheadline: [unclosed\n---\nbody\n', repoProgram);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]!.field).toBe('(yaml)');
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  test('a valid profile yields typed data and the body', () => {
    const r = validateProfile('content/mentors/ada-example.md', 'ada-example', profileFile(validProfile(), 'Hello.\n'), repoProgram);
    expect(r.mentor?.availability.capacity).toBe(2);
    expect(r.mentor?.last_confirmed).toBe('2026-10-01');
    expect(r.mentor?.body).toBe('Hello.\n');
  });
});
