import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { readSiteAddress } from '../../src/files/site-address.ts';
import { programSchema } from '../../src/core/program.ts';
import { repoProgram } from '../support/profiles.ts';

function rootWith(programYml: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'mentorkit-site-'));
  if (programYml !== undefined) writeFileSync(join(dir, 'program.yml'), programYml);
  return dir;
}
const withSite = (site: unknown) => stringify({ ...repoProgram, site });

describe("program.yml's site address, read before the program is checked", () => {
  test('equals what the program schema makes of every address it accepts', () => {
    const sites = [
      { url: 'https://org.github.io', base: '/mentoring/' },
      { url: 'http://localhost:4321/', base: '/' },
      { url: 'https://mentors.example.org' },
      { base: '/a/b-c/d.e/' },
      {},
    ];
    for (const site of sites) {
      const checked = programSchema.parse({ ...repoProgram, site }).site;
      expect(readSiteAddress(rootWith(withSite(site))), JSON.stringify(site)).toEqual(checked);
    }
  });

  test('leaves out what the schema would refuse, so the check reports it instead of Astro', () => {
    for (const site of [{ url: 'ftp://org.example/', base: '/x/' }, { url: 'not a url', base: 'no-slashes' }, { url: 42, base: ['/'] }, 'text']) {
      expect(() => programSchema.parse({ ...repoProgram, site })).toThrow();
      const read = readSiteAddress(rootWith(withSite(site)));
      expect(read.url).toBeUndefined();
      expect(['/', '/x/']).toContain(read.base);
    }
  });

  test('a missing program.yml, or one that is not YAML, gives the default address', () => {
    expect(readSiteAddress(rootWith(undefined))).toEqual({ base: '/' });
    expect(readSiteAddress(rootWith('site: [unclosed\n  url: :'))).toEqual({ base: '/' });
    expect(readSiteAddress(rootWith(''))).toEqual({ base: '/' });
  });
});
