/**
 * Accessibility: axe finds nothing on the home page, mentor pages and a program
 * page in light and dark colour schemes and on a 360 px wide phone; the pages do
 * not scroll sideways; everything works with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, newPage } from '../support/browser.ts';
import { PER_PAGE, cardLogins, countText, filtered, logins, mentors, openMentors, pausedMentors, settled } from './expected.ts';

let browser: Browser;
let site: string;

beforeAll(async () => {
  site = inject('siteUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages to check, as paths under the base, with an optional step to reach a state first. */
const targets: { name: string; path: string; prepare?: (page: Page) => Promise<void> }[] = [
  { name: 'home page', path: '' },
  {
    name: 'home page, filtered by script',
    path: `?topic=${mentors[0]!.values.topic[0]}`,
    prepare: async (page) => {
      await page.waitForFunction(() => document.querySelector('#result-count')?.textContent?.includes('match'));
      await settled(page);
    },
  },
  {
    name: 'home page, empty state',
    path: '?q=qqzxqqzx',
    prepare: async (page) => {
      await page.waitForSelector('#empty-state', { state: 'visible' });
    },
  },
  { name: 'mentor page', path: `mentors/${openMentors[0]!.login}/` },
  ...(pausedMentors[0] ? [{ name: 'paused mentor page', path: `mentors/${pausedMentors[0].login}/` }] : []),
  { name: 'program page', path: 'guide/' },
  { name: 'report page', path: 'report/' },
];

const modes: { name: string; options: BrowserContextOptions; dark: boolean; width?: number }[] = [
  { name: 'light', options: { colorScheme: 'light' }, dark: false },
  { name: 'dark', options: { colorScheme: 'dark' }, dark: true },
  { name: '360 px, light', options: { colorScheme: 'light', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, dark: false, width: 360 },
  { name: '360 px, dark', options: { colorScheme: 'dark', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, dark: true, width: 360 },
];

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}

describe.each(modes)('axe, $name', ({ options, dark, width }) => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser, options);
  });
  afterAll(async () => {
    await page.context().close();
  });

  test.each(targets)('$name has no violations', async ({ path, prepare }) => {
    await page.goto(`${site}${path}`);
    if (prepare) await prepare(page);
    // The colour scheme really is the one under test.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(bg) < 0.5, `body background ${bg}`).toBe(dark);

    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
    expect(summary).toEqual([]);

    if (width) {
      const scroll = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      expect(scroll.doc, 'no horizontal scroll').toBeLessThanOrEqual(width);
      expect(scroll.body).toBeLessThanOrEqual(width);
    }
  });
});

describe('keyboard only', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage(browser);
  });

  async function focused() {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        cls: el.className,
        name: el.getAttribute('name'),
        value: (el as HTMLInputElement).value,
        checked: (el as HTMLInputElement).checked,
        text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
        facet: el.closest('details.facet')?.getAttribute('data-facet') ?? null,
        outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
        inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      };
    });
  }

  async function tabUntil(test: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 200) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (test(f)) return f!;
    }
    throw new Error('never reached by Tab');
  }

  test('the skip link comes first and moves focus to the main content', async () => {
    await page.goto(site);
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first).toMatchObject({ tag: 'a', cls: 'skip-link', text: 'Skip to content', outline: true, inView: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');
    // The next Tab lands on the search box, not back in the header.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ id: 'q', outline: true });
  });

  test('search box, facet summaries and checkboxes work with the keyboard', async () => {
    await page.goto(site);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ id: 'q', outline: true });

    // Type a search, then erase it.
    const target = openMentors[0]!;
    const word = target.name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    await page.keyboard.type(word);
    await expect.poll(async () => (await settled(page), (await cardLogins(page))[0])).toBe(target.login);
    for (let i = 0; i < word.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => cardLogins(page)).toEqual(logins(mentors.slice(0, PER_PAGE)));

    // The (open) topic facet: summary, then its first checkbox; Space ticks it.
    const topicSummary = await tabUntil((f) => f?.tag === 'summary');
    expect(topicSummary).toMatchObject({ facet: 'topic', outline: true });
    const firstTopic = await tabUntil((f) => f?.tag === 'input');
    expect(firstTopic).toMatchObject({ facet: 'topic', name: 'topic', checked: false, outline: true });
    await page.keyboard.press('Space');
    expect(await focused()).toMatchObject({ name: 'topic', value: firstTopic.value, checked: true, outline: true });
    const want = filtered({ topic: [firstTopic.value] });
    await expect.poll(() => cardLogins(page)).toEqual(logins(want.slice(0, PER_PAGE)));
    expect((await page.textContent('#result-count'))!.trim()).toBe(countText(want.length));
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([firstTopic.value]);
    await page.keyboard.press('Space');
    await expect.poll(() => cardLogins(page)).toEqual(logins(mentors.slice(0, PER_PAGE)));

    // A closed facet opens from its summary with Enter; its checkboxes follow.
    const stageSummary = await tabUntil((f) => f?.tag === 'summary' && f.facet === 'stage');
    expect(stageSummary.outline).toBe(true);
    expect(await page.evaluate(() => (document.querySelector('details[data-facet="stage"]') as HTMLDetailsElement).open)).toBe(false);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.querySelector('details[data-facet="stage"]') as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    const firstStage = (await focused())!;
    expect(firstStage).toMatchObject({ name: 'stage', outline: true });
    await page.keyboard.press('Space');
    const wantStage = filtered({ stage: [firstStage.value] });
    await expect.poll(() => cardLogins(page)).toEqual(logins(wantStage.slice(0, PER_PAGE)));
    // And Space on a summary closes it again.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ tag: 'summary', facet: 'stage' });
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.querySelector('details[data-facet="stage"]') as HTMLDetailsElement).open)).toBe(false);

    // "Clear filters" is reachable and restores the list; focus returns to the search box.
    await tabUntil((f) => f?.id === 'clear-filters');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardLogins(page)).toEqual(logins(mentors.slice(0, PER_PAGE)));
    expect(await focused()).toMatchObject({ id: 'q' });
  });

  test('every element Tab reaches shows a visible focus outline', async () => {
    for (const path of ['', `mentors/${openMentors[0]!.login}/`, 'about/']) {
      await page.goto(`${site}${path}`);
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (!f) break; // wrapped past the end of the document
        const key = `${f.tag}#${f.id}.${f.name}=${f.value}:${f.text}`;
        if (seen.has(key)) break;
        seen.add(key);
        expect(f.outline, `${path || 'home'}: ${key} has no visible outline`).toBe(true);
        expect(f.inView, `${path || 'home'}: ${key} is focused but off screen`).toBe(true);
      }
      expect(seen.size).toBeGreaterThan(3);
    }
  });
});
