/**
 * The home page with JavaScript: search (typos, prefixes), every facet, counts,
 * the empty state, "show more", and the state kept in the URL and history.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { distance } from 'fastest-levenshtein';
import { launchBrowser, newPage } from '../support/browser.ts';
import {
  FACETS,
  PER_PAGE,
  cardLogins,
  checkedValues,
  countText,
  expectedCounts,
  filtered,
  fold,
  logins,
  mentors,
  program,
  settled,
  shownCounts,
  tick,
  type Facet,
  type Filters,
} from './expected.ts';

const POLL = { timeout: 5_000, interval: 50 };
const initialCountText = mentors.length > PER_PAGE ? `Showing 1–${PER_PAGE} of ${mentors.length} mentors` : `${mentors.length} mentors`;

let browser: Browser;
let page: Page;
let site: string;
const errors: string[] = [];

beforeAll(async () => {
  site = inject('siteUrl');
  browser = await launchBrowser();
  page = await newPage(browser);
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
});

async function home(search = ''): Promise<void> {
  await page.goto(`${site}${search}`);
  await settled(page);
}

/** What a visitor sees of the directory, in one comparable object. */
async function view() {
  return page.evaluate(() => {
    const $ = (s: string) => document.querySelector<HTMLElement>(s)!;
    // Rendered, not merely without the hidden attribute: CSS can override [hidden].
    const shown = (s: string) => document.querySelector<HTMLElement>(s)?.checkVisibility() ?? false;
    return {
      count: $('#result-count').textContent!.trim(),
      cards: document.querySelectorAll('#results .card').length,
      empty: shown('#empty-state'),
      showMore: shown('#show-more'),
      pagination: shown('#pagination'),
    };
  });
}

/** The full, unfiltered first view. */
async function expectFullList(): Promise<void> {
  await expect.poll(() => cardLogins(page), POLL).toEqual(logins(mentors.slice(0, PER_PAGE)));
  expect(await view()).toEqual({
    count: initialCountText,
    cards: Math.min(PER_PAGE, mentors.length),
    empty: false,
    showMore: false,
    pagination: mentors.length > PER_PAGE,
  });
  expect(await shownCounts(page)).toEqual(expectedCounts({}));
  expect(await checkedValues(page)).toEqual({});
  expect(await page.inputValue('#q')).toBe('');
}

/** The page shows exactly the mentors matching `filters` (first page of them), with matching counts. */
async function expectFiltered(filters: Filters): Promise<void> {
  const want = filtered(filters);
  await expect.poll(() => cardLogins(page), POLL).toEqual(logins(want.slice(0, PER_PAGE)));
  expect(await view()).toMatchObject({ count: countText(want.length), empty: want.length === 0, showMore: want.length > PER_PAGE, pagination: false });
  expect(await shownCounts(page)).toEqual(expectedCounts(filters));
  const selected = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length).map(([f, v]) => [f, [...v].sort()]));
  expect(await checkedValues(page)).toEqual(selected);
  for (const f of FACETS) {
    const n = filters[f]?.length ?? 0;
    expect(await page.textContent(`[data-selected-for="${f}"]`)).toBe(n ? `(${n} selected)` : '');
  }
}

/** Values of `facet` held by some but not all mentors, and by at most a page of them; most common first. */
function narrowingValues(facet: Facet): string[] {
  const values = [...new Set(mentors.flatMap((m) => m.values[facet]))];
  const sized = values
    .map((v) => ({ v, n: filtered({ [facet]: [v] }).length }))
    .filter(({ n }) => n >= 1 && n < mentors.length && n <= PER_PAGE)
    .sort((a, b) => b.n - a.n || a.v.localeCompare(b.v));
  if (!sized[0]) throw new Error(`sample content has no narrowing value for ${facet}`);
  return sized.map(({ v }) => v);
}
const narrowingValue = (facet: Facet) => narrowingValues(facet)[0]!;

async function searchResults(): Promise<string[]> {
  await settled(page);
  return cardLogins(page);
}

describe('search', () => {
  test('a misspelt name word finds the mentor', async () => {
    await home();
    // Drop one letter from the middle of the most distinctive (longest) name word of a mentor.
    const target = mentors.find((m) => m.name.split(/\s+/).some((w) => w.length >= 8))!;
    const word = target.name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    const typo = word.slice(0, 4) + word.slice(5);
    await page.fill('#q', typo);
    await expect.poll(searchResults, POLL).toContain(target.login);
    const found = await cardLogins(page);
    expect(found[0]).toBe(target.login);
    expect(found.length).toBeLessThan(mentors.length);
    expect((await view()).count).toBe(countText(found.length));
  });

  test('a misspelt topic finds every mentor with that topic, and little else', async () => {
    await home();
    const topic = program.taxonomy.topics.find((t) => t.id === 'machine-learning') ?? program.taxonomy.topics[0]!;
    const label = topic.label.split(/\s+/).sort((a, b) => b.length - a.length)[0]!; // "learning"
    const typo = label.slice(0, 2) + label.slice(3); // "lerning"
    const withTopic = logins(filtered({ topic: [topic.id] }));
    expect(withTopic.length).toBeGreaterThan(0);
    await page.fill('#q', typo);
    await expect.poll(async () => (await searchResults()).length, POLL).toBeGreaterThan(0);
    const found = await cardLogins(page);
    expect(found).toEqual(expect.arrayContaining(withTopic));
    // Everyone else found really mentions a word close to it.
    const stem = fold(label).slice(0, 4);
    for (const login of found) {
      const m = mentors.find((x) => x.login === login)!;
      expect(withTopic.includes(login) || m.text.includes(stem), `${login} should not match "${typo}"`).toBe(true);
    }
    expect(found.length).toBeLessThan(mentors.length);
  });

  test('accents and case are folded', async () => {
    await home();
    const target = mentors.find((m) => fold(m.name) !== m.name.toLowerCase());
    if (!target) return;
    await page.fill('#q', fold(target.name).toUpperCase());
    await expect.poll(async () => (await searchResults())[0], POLL).toBe(target.login);
  });

  test('prefix search narrows the results as you type', async () => {
    await home();
    const target = mentors.find((m) => m.name.split(/\s+/).some((w) => w.length >= 8))!;
    const word = fold(target.name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!);
    const seen: number[] = [];
    await page.focus('#q');
    // Type the first letter, then enough letters for a prefix that matches no whole word.
    await page.keyboard.type(word.slice(0, 1));
    await expect.poll(searchResults, POLL).not.toEqual(logins(mentors.slice(0, PER_PAGE)));
    seen.push(Number(/\d+/.exec((await view()).count)![0]));
    await page.keyboard.type(word.slice(1, 5), { delay: 30 });
    await expect.poll(async () => (await searchResults())[0], POLL).toBe(target.login);
    await expect.poll(async () => (await view()).count, POLL).toBe(countText((await cardLogins(page)).length));
    seen.push((await cardLogins(page)).length);
    expect(seen[1]).toBeLessThan(seen[0]!);
    expect(await page.inputValue('#q')).toBe(word.slice(0, 5));
    // Clearing the box brings the full list back.
    await page.fill('#q', '');
    await expectFullList();
  });

  test('a word only bios hold finds the mentors who wrote it, and only those close to it, from the shard of its first letter', async () => {
    await home();
    // A long word from one or two bios that no profile's front matter contains, even as part of a word.
    const words = (s: string) => new Set(s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 9));
    const holders = new Map<string, string[]>();
    for (const m of mentors) for (const w of words(m.bio)) holders.set(w, [...(holders.get(w) ?? []), m.login]);
    const [word, wrote] = [...holders]
      .filter(([w, ms]) => ms.length <= 2 && mentors.every((m) => !m.text.replace(m.bio, '').includes(w)))
      .sort(([a], [b]) => b.length - a.length || a.localeCompare(b))[0]!;
    const shards: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/search/bio/')) shards.push(new URL(r.url()).pathname.split('/').pop()!);
    };
    page.on('request', onRequest);
    try {
      await page.fill('#q', word);
      await expect.poll(searchResults, POLL).toEqual(expect.arrayContaining(wrote));
    } finally {
      page.off('request', onRequest);
    }
    // Everyone else found wrote a word that starts with it or is within the search's typo tolerance of it (a fifth
    // of its letters), and the count says so.
    const found = await cardLogins(page);
    const near = (w: string) => w.startsWith(word) || distance(w, word) <= Math.round(word.length * 0.2);
    for (const login of found) {
      const m = mentors.find((x) => x.login === login)!;
      expect(wrote.includes(login) || m.text.split(/[^\p{L}\p{N}]+/u).some(near), `${login} should not match "${word}"`).toBe(true);
    }
    expect((await view()).count).toBe(countText(found.length));
    expect(found.length).toBeLessThan(mentors.length);
    // The sample's bios are far below the size at which a letter is split into two-letter shards.
    expect(shards).toEqual([`${encodeURIComponent([...word][0]!)}.json`]);
  });
});

describe('facets', () => {
  test('the first view shows every mentor count', async () => {
    await home();
    await expectFullList();
    for (const f of FACETS) {
      const values = [...new Set(mentors.flatMap((m) => m.values[f]))].sort();
      const boxes = await page.$$eval(`#filters input[name="${f}"]`, (els) => els.map((e) => (e as HTMLInputElement).value).sort());
      expect(boxes, `${f} options`).toEqual(values);
    }
  });

  for (const facet of FACETS) {
    test(`${facet}: ticking a value narrows the list and updates the counts`, async () => {
      await home();
      const value = narrowingValue(facet);
      await tick(page, facet, value);
      await expectFiltered({ [facet]: [value] });
      expect(new URL(page.url()).search).toBe(`?${new URLSearchParams({ [facet]: value })}`);
      for (const login of await cardLogins(page)) {
        expect(mentors.find((m) => m.login === login)!.values[facet]).toContain(value);
      }
      await tick(page, facet, value, false);
      await expectFullList();
    });
  }

  test('values within a facet combine with OR, facets with AND', async () => {
    await home();
    const topics = [...new Set(mentors.flatMap((m) => m.values.topic))];
    // Two overlapping topics, so OR is told apart from AND and from either alone.
    let pair: [string, string] | undefined;
    for (const a of topics)
      for (const b of topics) {
        const na = filtered({ topic: [a] }).length;
        const nb = filtered({ topic: [b] }).length;
        const both = filtered({ topic: [a, b] }).length;
        if (!pair && a < b && both > Math.max(na, nb) && both <= PER_PAGE) pair = [a, b];
      }
    expect(pair, 'sample content needs two topics').toBeDefined();
    const [a, b] = pair!;
    await tick(page, 'topic', a);
    await expectFiltered({ topic: [a] });
    await tick(page, 'topic', b);
    await expectFiltered({ topic: [a, b] });
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([a, b].sort());

    // A stage that keeps some but not all of them.
    const union = filtered({ topic: [a, b] });
    const stage = [...new Set(union.flatMap((m) => m.values.stage))].find((s) => {
      const n = filtered({ topic: [a, b], stage: [s] }).length;
      return n > 0 && n < union.length;
    })!;
    expect(stage).toBeDefined();
    await tick(page, 'stage', stage);
    await expectFiltered({ topic: [a, b], stage: [stage] });
    const shown = await cardLogins(page);
    for (const login of shown) {
      const m = mentors.find((x) => x.login === login)!;
      expect(m.values.stage).toContain(stage);
      expect(m.values.topic.includes(a) || m.values.topic.includes(b)).toBe(true);
    }
    // The topic counts now count within the chosen stage.
    const counts = await shownCounts(page);
    expect(counts[`topic:${a}`]).toBe(filtered({ topic: [a], stage: [stage] }).length);

    // "Clear filters" (the link) restores everything.
    await page.click('#clear-filters');
    await expectFullList();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  });

  test('no match shows the empty state, whose button restores the full list', async () => {
    await home();
    // A topic and a country no mentor has together.
    const topics = [...new Set(mentors.flatMap((m) => m.values.topic))];
    const countries = [...new Set(mentors.flatMap((m) => m.values.country))];
    let combo: Filters | undefined;
    for (const t of topics) for (const c of countries) if (!combo && filtered({ topic: [t], country: [c] }).length === 0) combo = { topic: [t], country: [c] };
    expect(combo).toBeDefined();
    await tick(page, 'topic', combo!.topic![0]!);
    await tick(page, 'country', combo!.country![0]!);
    await expectFiltered(combo!);
    expect(await view()).toEqual({ count: countText(0), cards: 0, empty: true, showMore: false, pagination: false });
    expect(await page.isVisible('#empty-state')).toBe(true);
    expect(await page.textContent('#empty-state')).toContain('No mentor matches');

    await page.click('#empty-clear');
    await expectFullList();
    expect(await page.isVisible('#empty-state')).toBe(false);
    expect(new URL(page.url()).search).toBe('');

    // A search nobody matches does the same.
    await page.fill('#q', 'qqzxqqzx');
    await expect.poll(async () => (await view()).empty, POLL).toBe(true);
    expect((await view()).count).toBe(countText(0));
    await page.click('#empty-clear');
    await expectFullList();
  });

  test('more results than a page: "show more" renders the rest', async () => {
    await home();
    const big = FACETS.flatMap((f) => [...new Set(mentors.flatMap((m) => m.values[f]))].map((v) => ({ f, v, n: filtered({ [f]: [v] }).length }))).find(
      ({ n }) => n > PER_PAGE && n < mentors.length,
    );
    if (!big) return; // sample content too small to need it
    await tick(page, big.f, big.v);
    await expectFiltered({ [big.f]: [big.v] });
    expect(await page.isVisible('#show-more')).toBe(true);
    await page.click('#show-more');
    await expect.poll(() => cardLogins(page), POLL).toEqual(logins(filtered({ [big.f]: [big.v] })));
    expect(await page.isVisible('#show-more')).toBe(false);
  });
});

describe('state in the URL', () => {
  test('loading a URL restores the controls and the results', async () => {
    // Two stages (OR) and a language (AND).
    const stage = narrowingValues('stage').slice(0, 2);
    const language = narrowingValues('language').find((l) => filtered({ stage, language: [l] }).length > 0)!;
    const facetsOnly: Filters = { stage, language: [language] };
    expect(filtered(facetsOnly).length).toBeGreaterThan(0);
    const params = new URLSearchParams();
    for (const [f, vs] of Object.entries(facetsOnly)) for (const v of vs) params.append(f, v);
    await home(`?${params}`);
    await expectFiltered(facetsOnly);

    // With a search too: the box is filled and results are a subset of the facet's mentors.
    const topic = narrowingValue('topic');
    const target = filtered({ topic: [topic] })[0]!;
    const word = target.name.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    await home(`?${new URLSearchParams({ q: word, topic })}`);
    expect(await page.inputValue('#q')).toBe(word);
    expect(await checkedValues(page)).toEqual({ topic: [topic] });
    await expect.poll(searchResults, POLL).toContain(target.login);
    const allowed = logins(filtered({ topic: [topic] }));
    for (const login of await cardLogins(page)) expect(allowed).toContain(login);
    expect((await view()).count).toBe(countText((await cardLogins(page)).length));
  });

  test('changing filters updates the URL; back and forward restore earlier states', async () => {
    await home();
    const startLength = await page.evaluate(() => history.length);
    const topic = narrowingValue('topic');
    const kind = [...new Set(filtered({ topic: [topic] }).flatMap((m) => m.values.kind))].sort()[0]!;

    await tick(page, 'topic', topic);
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual([topic]);
    await tick(page, 'kind', kind);
    expect(new URL(page.url()).search).toBe(`?${new URLSearchParams([['topic', topic], ['kind', kind]])}`);
    await expectFiltered({ topic: [topic], kind: [kind] });

    // One burst of typing is one history entry, however many keystrokes.
    const word = fold(filtered({ topic: [topic], kind: [kind] })[0]!.name.split(/\s+/)[0]!).slice(0, 4);
    await page.focus('#q');
    await page.keyboard.type(word, { delay: 40 });
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), POLL).toBe(word);
    await settled(page);
    const withQuery = await cardLogins(page);
    expect(await page.evaluate(() => history.length)).toBe(startLength + 3);

    await page.goBack();
    await expectFiltered({ topic: [topic], kind: [kind] });
    expect(await page.inputValue('#q')).toBe('');
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();

    await page.goBack();
    await expectFiltered({ topic: [topic] });
    expect(new URL(page.url()).search).toBe(`?topic=${topic}`);

    await page.goBack();
    await expectFullList();
    expect(new URL(page.url()).search).toBe('');

    await page.goForward();
    await expectFiltered({ topic: [topic] });
    await page.goForward();
    await expectFiltered({ topic: [topic], kind: [kind] });
    await page.goForward();
    await expect.poll(() => page.inputValue('#q'), POLL).toBe(word);
    await expect.poll(searchResults, POLL).toEqual(withQuery);
    expect(await checkedValues(page)).toEqual({ topic: [topic], kind: [kind] });
  });

  test('no script errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
