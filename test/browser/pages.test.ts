/**
 * The site without JavaScript (the server-rendered list and its pages), mentor
 * pages with their request link, the sitemap and the 404 page.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../support/browser.ts';
import { PER_PAGE, logins, mentors, pausedMentors, program, requestableMentors } from './expected.ts';

let browser: Browser;
let page: Page;
let context: BrowserContext;
let site: string;

beforeAll(async () => {
  site = inject('siteUrl');
  browser = await launchBrowser();
  page = await newPage(browser, { javaScriptEnabled: false });
  context = page.context();
});
afterAll(async () => {
  await browser?.close();
});

interface ShownCard {
  login: string;
  href: string;
  name: string;
  headline: string;
  topics: string[];
  meta: string;
  paused: boolean;
}

function readCards(): Promise<ShownCard[]> {
  return page.$$eval('#results .card', (cards) =>
    cards.map((card) => {
      const link = card.querySelector<HTMLAnchorElement>('.card-name a')!;
      const visible = (el: Element | null) => (el as HTMLElement | null)?.checkVisibility() ?? false;
      return {
        login: decodeURIComponent(link.pathname.replace(/\/$/, '').split('/').pop()!),
        href: link.getAttribute('href')!,
        name: (link as HTMLElement).innerText.trim(),
        headline: (card.querySelector('.card-headline') as HTMLElement).innerText.trim(),
        topics: [...card.querySelectorAll('.tags li')].map((li) => (li as HTMLElement).innerText.trim()),
        meta: (card.querySelector('.card-meta') as HTMLElement).innerText.trim(),
        paused: visible(card.querySelector('.badge-paused')),
      };
    }),
  );
}

const base = program.site.base;
const topicLabel = new Map(program.taxonomy.topics.map((t) => [t.id, t.label]));

describe('without JavaScript', () => {
  test('every mentor is listed, page by page, as a readable card', async () => {
    const pages = Math.ceil(mentors.length / PER_PAGE);
    const seen: ShownCard[] = [];
    await page.goto(site);
    expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(false);
    for (let n = 1; n <= pages; n++) {
      const expected = mentors.slice((n - 1) * PER_PAGE, n * PER_PAGE);
      expect(new URL(page.url()).pathname).toBe(n === 1 ? base : `${base}page/${n}/`);
      const cards = await readCards();
      expect(cards.map((c) => c.login)).toEqual(logins(expected));
      for (const [i, card] of cards.entries()) {
        const m = expected[i]!;
        expect(card.name).toBe(m.name);
        expect(card.headline).toBe(m.headline);
        expect(card.href).toBe(`${base}mentors/${encodeURIComponent(m.login)}/`);
        expect(card.topics).toEqual(m.values.topic.map((t) => topicLabel.get(t) ?? t));
        expect(card.meta.length).toBeGreaterThan(0);
        expect(card.paused).toBe(!m.open);
      }
      seen.push(...cards);
      const first = (n - 1) * PER_PAGE + 1;
      expect((await page.textContent('#result-count'))!.trim()).toBe(
        pages > 1 ? `Showing ${first}–${first + expected.length - 1} of ${mentors.length} mentors` : `${mentors.length} mentors`,
      );
      // Script-only controls stay out of the way; the note says why filters do nothing.
      for (const sel of ['#show-more', '#empty-state']) expect(await page.isVisible(sel), sel).toBe(false);
      expect(await page.isVisible('#filters .note')).toBe(true);
      if (pages > 1) {
        expect(await page.textContent('#pagination [aria-current="page"]')).toBe(String(n));
        expect(await page.locator('#pagination a[rel="prev"]').count()).toBe(n > 1 ? 1 : 0);
      }
      if (n < pages) {
        // The numbered link and "Next" both lead to the next page.
        expect(await page.getAttribute(`#pagination a:text-is("${n + 1}")`, 'href')).toBe(`${base}page/${n + 1}/`);
        await page.click('#pagination a[rel="next"]');
      } else {
        expect(await page.locator('#pagination a[rel="next"]').count()).toBe(0);
      }
    }
    expect(seen.map((c) => c.login)).toEqual(logins(mentors));
    if (pages > 1) {
      await page.click('#pagination a[rel="prev"]');
      expect(new URL(page.url()).pathname).toBe(pages === 2 ? base : `${base}page/${pages - 1}/`);
    }
  });

  test('every mentor page is reachable from the list', async () => {
    const responses = await Promise.all(mentors.map((m) => context.request.get(new URL(`mentors/${encodeURIComponent(m.login)}/`, site).href)));
    for (const [i, r] of responses.entries()) {
      expect(r.status(), mentors[i]!.login).toBe(200);
      const h1 = /<h1[^>]*>([^<]*)/.exec(await r.text())?.[1] ?? '';
      const text = h1.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(text.trim()).toBe(mentors[i]!.name);
    }
  });
});

describe('mentor pages', () => {
  const requestHref = (login: string) =>
    `https://github.com/${program.repository}/issues/new?template=request-a-mentor.yml&mentor=${encodeURIComponent(login)}`;

  test('a mentor taking requests has the pre-filled request link', async () => {
    // Full mentors (every slot taken at the last sync) have no button: see status.test.ts.
    for (const m of requestableMentors) {
      await page.goto(`${site}mentors/${encodeURIComponent(m.login)}/`, { waitUntil: 'domcontentloaded' });
      expect(await page.textContent('h1')).toContain(m.name);
      const link = page.locator('#request-link');
      expect(await link.count(), m.login).toBe(1);
      expect(await link.isVisible()).toBe(true);
      expect((await link.innerText()).trim()).toBe('Request mentorship');
      const href = (await link.getAttribute('href'))!;
      expect(href).toBe(requestHref(m.login));
      const url = new URL(href);
      expect(url.searchParams.get('mentor')).toBe(m.login);
      expect(url.searchParams.get('template')).toBe('request-a-mentor.yml');
      expect(await page.locator('#not-taking').count()).toBe(0);
      expect(await page.getAttribute('.breadcrumb a', 'href')).toBe(base);
    }
  });

  test('a paused mentor says "not taking requests" and offers no button', async () => {
    expect(pausedMentors.length).toBeGreaterThan(0);
    for (const m of pausedMentors) {
      await page.goto(`${site}mentors/${encodeURIComponent(m.login)}/`, { waitUntil: 'domcontentloaded' });
      expect(await page.textContent('h1')).toContain(m.name);
      expect(await page.isVisible('#not-taking'), m.login).toBe(true);
      expect(await page.innerText('#not-taking')).toMatch(/not taking requests/i);
      expect(await page.locator('#request-link').count()).toBe(0);
      expect(await page.locator('a[href*="request-a-mentor"]').count()).toBe(0);
      expect(await page.getByRole('link', { name: /request mentorship/i }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /request/i }).count()).toBe(0);
    }
  });
});

describe('sitemap and 404', () => {
  test('sitemap-index.xml lists every mentor page and the program pages', async () => {
    const origin = new URL(program.site.base, program.site.url).href;
    const local = (u: string) => u.replace(origin, site);
    const index = await context.request.get(`${site}sitemap-index.xml`);
    expect(index.status()).toBe(200);
    const sitemaps = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const urls: string[] = [];
    for (const s of sitemaps) {
      expect(s.startsWith(origin), s).toBe(true);
      const r = await context.request.get(local(s));
      expect(r.status()).toBe(200);
      urls.push(...[...(await r.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]!));
    }
    for (const m of mentors) expect(urls).toContain(`${origin}mentors/${encodeURIComponent(m.login)}/`);
    for (const p of ['', 'about/', 'guide/', 'code-of-conduct/', 'agreement/']) expect(urls).toContain(`${origin}${p}`);
    // Every listed page really exists.
    const statuses = await Promise.all(urls.map(async (u) => (await context.request.get(local(u))).status()));
    expect(statuses.every((s) => s === 200)).toBe(true);
    await page.goto(site);
    expect(await page.getAttribute('link[rel="sitemap"]', 'href')).toBe(`${base}sitemap-index.xml`);
  });

  test('the 404 page exists at 404.html', async () => {
    const r = await page.goto(`${site}404.html`);
    expect(r!.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('Page not found');
    expect(await page.getAttribute('main a[href]', 'href')).toBe(base);
  });
});
