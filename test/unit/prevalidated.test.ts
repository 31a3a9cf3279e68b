import { describe, expect, test } from 'vitest';
import { buildCheck, markCheckedForBuild, validatedProfile } from '../../src/files/prevalidated.ts';

describe('the light profile schema of a checked build', () => {
  test('turns js-yaml dates into YYYY-MM-DD text in place, so the entry and its front matter stay one object', () => {
    const links = [{ label: 'Site', url: 'https://example.org/' }];
    const location = { country: 'ES', timezone: 'Europe/Madrid' };
    const raw = { name: 'Ana', last_confirmed: new Date('2026-09-01T00:00:00Z'), location, links, history: [new Date('2025-01-31T00:00:00Z')] };
    const parsed = validatedProfile.parse(raw);
    expect(parsed).toBe(raw);
    expect(parsed).toEqual({ name: 'Ana', last_confirmed: '2026-09-01', location, links, history: ['2025-01-31'] });
    expect(raw.location).toBe(location);
    expect(raw.links).toBe(links);
  });
});

describe('the build check registry', () => {
  test('hands the check to the content config of the same content root only', async () => {
    let awaited = 0;
    markCheckedForBuild('/content/a', async () => {
      awaited++;
    });
    expect(buildCheck('/content/b')).toBeUndefined();
    await buildCheck('/content/a')?.();
    expect(awaited).toBe(1);
  });
});
