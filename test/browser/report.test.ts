/** “Report a concern” on every page, and the report page saying where reports go and who reads them. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../support/browser.ts';
import { ROOT } from './expected.ts';
import { loadProgram } from '../../src/files/content.ts';
import { moderatorsOf, reportLink } from '../../src/core/safety.ts';

// Parsed with its defaults (the site's build does the same), so `safety` is there even when program.yml leaves it out.
const program = loadProgram(ROOT).program!;
let browser: Browser;
let page: Page;
let site: string;

beforeAll(async () => {
  site = inject('siteUrl');
  browser = await launchBrowser();
  page = await newPage(browser, { javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
});

/** Every page the sitemap lists, as local URLs. */
async function allPages(): Promise<string[]> {
  const origin = new URL(program.site.base, program.site.url).href;
  const local = (u: string) => u.replace(origin, site);
  const index = await page.context().request.get(`${site}sitemap-index.xml`);
  const urls: string[] = [];
  for (const s of [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!)) {
    const r = await page.context().request.get(local(s));
    urls.push(...[...(await r.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => local(x[1]!)));
  }
  return urls;
}

describe('Report a concern', () => {
  test('every page links to the configured channel, and to who reads reports', async () => {
    const urls = [...(await allPages()), `${site}404.html`];
    expect(urls).toContain(`${site}report/`);
    for (const u of urls) {
      const html = await (await page.context().request.get(u)).text();
      expect(html, u).toContain(`id="report-a-concern"`);
      expect(html, u).toContain(`href="${reportLink(program)}" id="report-a-concern"`);
      expect(html, u).toContain(`href="${new URL(program.site.base, 'http://x').pathname}report/"`);
    }
  });

  test('the report page says where reports go and who reads them', async () => {
    await page.goto(`${site}report/`);
    expect(await page.textContent('h1')).toBe('Report a concern');
    const channels = (await page.textContent('#report-channels'))!;
    expect(channels).toContain('/report');
    expect(channels).toContain('deletes your comment');
    const moderators = await page.$$eval('#report-moderators li', (li) => li.map((l) => (l as HTMLElement).innerText.trim()));
    expect(moderators).toEqual(moderatorsOf(program).map((m) => `@${m}`));
    expect(await page.textContent('main')).toContain('GitHub e-mails every new comment');
  });
});
