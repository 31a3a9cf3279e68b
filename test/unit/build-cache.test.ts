import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('builds of content outside the repository (MENTORKIT_ROOT)', () => {
  test('a build after another content folder was deleted renders its own .mdx pages, not the deleted folder’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mentorkit-cache-'));
    // Text no earlier build has seen, so Astro's cache cannot hold these pages from some other folder already.
    const marker = `Build ${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const contentFolder = (name: string) => {
      const root = join(dir, name);
      mkdirSync(join(root, 'content/mentors'), { recursive: true });
      cpSync(join(ROOT, 'program.yml'), join(root, 'program.yml'));
      cpSync(join(ROOT, 'content/pages'), join(root, 'content/pages'), { recursive: true });
      cpSync(join(ROOT, 'content/mentors/aino-koskinen.md'), join(root, 'content/mentors/aino-koskinen.md'));
      const about = join(root, 'content/pages/about.mdx');
      writeFileSync(about, `${readFileSync(about, 'utf8')}\n${marker}\n`);
      return root;
    };
    try {
      const first = contentFolder('first');
      const one = buildSite(join(dir, 'out-1'), first);
      expect(one.status, one.stderr).toBe(0);
      rmSync(first, { recursive: true });

      const second = contentFolder('second');
      const two = buildSite(join(dir, 'out-2'), second);
      expect(two.status, two.stderr).toBe(0);
      expect(readFileSync(join(dir, 'out-2/about/index.html'), 'utf8')).toContain(marker);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
