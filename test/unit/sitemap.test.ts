import { describe, expect, test } from 'vitest';
import { sitemapFiles } from '../../src/site/sitemap.ts';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('sitemap: every page but the error pages, in files of at most the given size', () => {
  test('lists each page once under the site root, without the 404 page, in a fixed order', () => {
    const files = sitemapFiles(['', 'mentors/ada/', '404', '/about/', 'mentors/ada/', 'page/2/', '404.html', '500/'], 'https://org.github.io/kit');
    expect(files.map((f) => f.name)).toEqual(['sitemap-index.xml', 'sitemap-0.xml']);
    expect(locs(files[1]!.xml)).toEqual([
      'https://org.github.io/kit/',
      'https://org.github.io/kit/about/',
      'https://org.github.io/kit/mentors/ada/',
      'https://org.github.io/kit/page/2/',
    ]);
    expect(locs(files[0]!.xml)).toEqual(['https://org.github.io/kit/sitemap-0.xml']);
    expect(files[0]!.xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect(files[1]!.xml).toMatch(/<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"><url><loc>/);
  });

  test('splits into several files past the limit, and the index names them all', () => {
    const pages = Array.from({ length: 7 }, (_, i) => `mentors/m${i}/`);
    const files = sitemapFiles(pages, 'https://x.org/', 3);
    expect(files.map((f) => f.name)).toEqual(['sitemap-index.xml', 'sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    expect(files.slice(1).map((f) => locs(f.xml).length)).toEqual([3, 3, 1]);
    expect(files.slice(1).flatMap((f) => locs(f.xml))).toEqual(pages.map((p) => `https://x.org/${p}`));
    expect(locs(files[0]!.xml)).toEqual(['https://x.org/sitemap-0.xml', 'https://x.org/sitemap-1.xml', 'https://x.org/sitemap-2.xml']);
  });

  test('escapes what XML does not allow in text, and writes nothing for a site without pages', () => {
    expect(locs(sitemapFiles(["a&b/", "o'k/"], 'https://x.org/')[1]!.xml)).toEqual(['https://x.org/a&amp;b/', 'https://x.org/o&#39;k/']);
    expect(sitemapFiles(['404'], 'https://x.org/')).toEqual([]);
  });
});
