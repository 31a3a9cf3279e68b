import { escapeHtml } from './card.ts';

/**
 * The sitemap: `sitemap-index.xml` naming one `sitemap-N.xml` per 45,000 pages, as @astrojs/sitemap writes it,
 * listing every page the build wrote but the 404 page. Our own because that integration sorts the addresses with
 * a numeric, locale-aware comparison, which alone took 0.2–0.4 s of a 10,000-mentor build (docs/performance.md,
 * sixth pass); a plain sort gives search engines the same list.
 */

/** Pages per sitemap file: the protocol allows 50,000; @astrojs/sitemap's default leaves room below it. */
export const PAGES_PER_SITEMAP = 45_000;

export interface SitemapFile {
  /** File name in the output folder. */
  name: string;
  xml: string;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
const ERROR_PAGE = /^\/?(?:404|500)(?:\.html|\/)?$/;

/**
 * @param pathnames what Astro reports as built (`astro:build:done`): `''` for the home page, `mentors/ada/`…
 * @param siteRoot the site's address with its base path, e.g. `https://org.github.io/mentoring/`
 */
export function sitemapFiles(pathnames: readonly string[], siteRoot: string, perFile = PAGES_PER_SITEMAP): SitemapFile[] {
  const root = siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`;
  const urls = [...new Set(pathnames.filter((p) => !ERROR_PAGE.test(p)).map((p) => root + p.replace(/^\//, '')))].sort();
  if (urls.length === 0) return [];
  const files: SitemapFile[] = [];
  for (let i = 0; i * perFile < urls.length; i++) {
    const entries = urls.slice(i * perFile, (i + 1) * perFile).map((u) => `<url><loc>${escapeHtml(u)}</loc></url>`);
    files.push({ name: `sitemap-${i}.xml`, xml: `${HEAD}<urlset ${NS}>${entries.join('')}</urlset>` });
  }
  const index = files.map((f) => `<sitemap><loc>${escapeHtml(root + f.name)}</loc></sitemap>`).join('');
  return [{ name: 'sitemap-index.xml', xml: `${HEAD}<sitemapindex ${NS}>${index}</sitemapindex>` }, ...files];
}
