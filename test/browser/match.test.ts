/**
 * "Find mentors for me" (/match/), from the shared build (sample content + the status fixture): the form's
 * defaults, the ranking against the matching core computed here in Node, the breakdown in plain words, full
 * mentors listed after the others, the hard constraints (a language no mentor taking requests speaks), the
 * keyboard, the live region, axe, Back from a mentor's page, and the page without JavaScript. One page load per
 * scenario (Back aside).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, newPage } from '../support/browser.ts';
import { loadContent } from '../../src/files/content.ts';
import { makeScorer, primaryLanguage, utcOffsetMinutes, type Score } from '../../src/core/matching/score.ts';
import type { Mentor } from '../../src/core/profile.ts';
import { ROOT, status } from './expected.ts';
import { PER_PAGE } from '../../src/site/match.ts';

/** The browser's clock and the instant Node scores at: after some sample mentors' "open until" day. */
// Away from daylight-saving changes and Morocco's Ramadan offsets, where Node's and Chromium's time-zone data
// may disagree by a release.
const NOW = new Date('2027-04-20T10:00:00Z');
const TODAY = NOW.toISOString().slice(0, 10);
const ZONE = 'America/Sao_Paulo';
const POLL = { timeout: 5_000, interval: 50 };

const content = loadContent(ROOT);
const program = content.program!;
const byLogin = new Map(content.mentors.map((m) => [m.github, m]));
const topicLabel = new Map(program.taxonomy.topics.map((t) => [t.id, t.label]));
const languageName = (tag: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(tag)!;

interface Expected {
  login: string;
  free: number;
  score: Score;
}

/**
 * The ranking as the core computes it: mentors taking requests today, scored with the program's matching rules
 * (cohort-only `different` aside), those failing a hard constraint other than "no free slot" left out; best
 * first, equal totals by lower-case login. Free slots come from the status fixture, or the whole capacity for a
 * mentor it does not count.
 */
function expectedRanking(
  choice: { topics: string[]; languages: string[]; timezone?: string; stage?: string; formats?: string[]; kinds?: string[] },
  zones: ZoneFix,
) {
  const scorer = makeScorer(program, NOW, { ...program.matching, different: [] });
  const e = scorer.prepareMentee({ login: '', formats: [], kinds: [], ...choice, ...(choice.timezone ? { timezone: zones(choice.timezone) } : {}) });
  const withSlot: Expected[] = [];
  const full: Expected[] = [];
  let language = 0;
  let considered = 0;
  for (const m of content.mentors) {
    if (m.availability.status !== 'open' || (m.availability.until && m.availability.until < TODAY)) continue;
    considered++;
    const free = status.mentors[m.github]?.slotsFree ?? m.availability.capacity;
    const zone = m.location.timezone;
    const r = scorer.prepareMentor({ profile: zone ? { ...m, location: { ...m.location, timezone: zones(zone) } } : m, free });
    const failed = scorer.violations(e, r);
    if (failed.includes('language')) language++;
    if (failed.some((f) => f !== 'no-free-slot')) continue;
    (free > 0 ? withSlot : full).push({ login: m.github, free, score: scorer.score(e, r) });
  }
  const order = (a: Expected, b: Expected) => b.score.total - a.score.total || (a.login.toLowerCase() < b.login.toLowerCase() ? -1 : 1);
  return { withSlot: withSlot.sort(order), full: full.sort(order), language, considered };
}

type ZoneFix = (zone: string) => string;

/**
 * Node's and Chromium's time-zone data can differ by a release (Node 24 here puts Africa/Casablanca at UTC+0 all
 * year, the bundled Chromium at UTC+1), and the page rightly uses the visitor's browser. So the expectation takes
 * each zone's offset at NOW from the browser: where Node disagrees, it scores the fixed-offset Etc/GMT zone with
 * the browser's offset instead. The score's code is the same either way; only the zone data is the browser's.
 */
async function zoneFix(page: Page): Promise<ZoneFix> {
  const zones = [...new Set([ZONE, 'Europe/London', ...content.mentors.flatMap((m) => (m.location.timezone ? [m.location.timezone] : []))])];
  const browser = await page.evaluate(
    (zs) => Object.fromEntries(zs.map((z) => [z, new Intl.DateTimeFormat('en-US', { timeZone: z, timeZoneName: 'longOffset' }).format(new Date()).split(', ')[1]!])),
    zones,
  );
  const minutes = (name: string) => {
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
    if (!m) throw new Error(`unexpected offset name ${name}`);
    return m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  };
  const swap = new Map<string, string>();
  for (const z of zones) {
    const want = minutes(browser[z]!);
    if (utcOffsetMinutes(z, NOW) === want) continue;
    if (want % 60 !== 0) throw new Error(`${z}: Node and the browser disagree on a fractional offset; pick another NOW`);
    swap.set(z, want === 0 ? 'Etc/GMT' : `Etc/GMT${want > 0 ? '-' : '+'}${Math.abs(want / 60)}`);
  }
  // A handful at most: if most zones disagreed, the clock or the fix would be wrong, not the data.
  expect(swap.size).toBeLessThanOrEqual(2);
  expect(swap.has(ZONE)).toBe(false);
  return (z) => swap.get(z) ?? z;
}

/** Two topics that rank mentors in a telling way: each listed by several mentors, not by all. */
function sampleTopics(): string[] {
  const counts = new Map<string, number>();
  for (const m of content.mentors) for (const t of m.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 3 && n < content.mentors.length / 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([t]) => t);
}

/** A language the program offers that no mentor taking requests speaks (the sample has one: a paused mentor's). */
function unspokenLanguage(): string {
  const spoken = new Set(content.mentors.filter((m) => m.availability.status === 'open').flatMap((m) => m.languages.map(primaryLanguage)));
  const tag = program.taxonomy.languages.find((l) => !spoken.has(primaryLanguage(l)));
  if (!tag) throw new Error('the sample content has no offered language that only paused mentors speak');
  return tag;
}

/** A language the program offers that some mentors taking requests speak, and most do not. */
function someSpeak(): string {
  const open = content.mentors.filter((m) => m.availability.status === 'open');
  const count = (l: string) => open.filter((m) => m.languages.some((x) => primaryLanguage(x) === primaryLanguage(l))).length;
  const tag = program.taxonomy.languages.filter((l) => count(l) >= 2 && count(l) <= open.length / 2).sort((a, b) => count(b) - count(a) || a.localeCompare(b))[0];
  if (!tag) throw new Error('the sample content has no language a few mentors speak');
  return tag;
}

let browser: Browser;
let site: string;
const errors: string[] = [];

beforeAll(async () => {
  site = `${inject('siteUrl')}match/`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(options: BrowserContextOptions = {}, hash = ''): Promise<Page> {
  const page = await newPage(browser, { timezoneId: ZONE, locale: 'en-GB', ...options });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  if (options.javaScriptEnabled !== false) await page.clock.setFixedTime(NOW);
  await page.goto(`${site}${hash}`);
  return page;
}

const listed = (page: Page, list: '#match-list' | '#match-full') => page.$$eval(`${list} > li`, (els) => els.map((e) => (e as HTMLElement).dataset.login!));
const statusText = async (page: Page) => (await page.textContent('#match-status'))!.trim();

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
}

async function showAll(page: Page) {
  while (await page.isVisible('#match-more')) await page.click('#match-more');
}

describe('Find mentors for me', () => {
  test('the header links to it; it presets the visitor’s time zone and language', async () => {
    const page = await open();
    expect(await page.getAttribute('header nav a[aria-current="page"]', 'href')).toMatch(/\/match\/$/);
    expect(await page.textContent('header nav a[aria-current="page"]')).toBe('Find mentors for me');
    expect(await page.inputValue('#match-tz')).toBe(ZONE);
    expect(await page.$$eval('input[name="language"]:checked', (els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['en']);
    expect(await page.$$eval('input[name="topic"]:checked', (els) => els.length)).toBe(0);
    // Every zone the browser knows is offered, with its offset now.
    expect(await page.locator('#match-tz option').count()).toBeGreaterThan(300);
    expect(await page.textContent(`#match-tz option[value="${ZONE}"]`)).toBe('America/Sao Paulo (UTC−03:00)');
    await page.context().close();
  });

  test('ranks mentors as the core does, with each score’s breakdown in plain words; full mentors come after', async () => {
    const topics = sampleTopics();
    expect(topics).toHaveLength(2);
    const stage = program.taxonomy.stages.find((s) => s.id === 'phd') ?? program.taxonomy.stages[0]!;
    const format = program.taxonomy.formats[0]!;
    const page = await open();
    const want = expectedRanking({ topics, languages: ['en'], timezone: ZONE, stage: stage.id, formats: [format.id] }, await zoneFix(page));
    // The sample exercises the cases: more results than a page, some full, one past its "open until" day.
    expect(want.withSlot.length).toBeGreaterThan(PER_PAGE);
    expect(want.full.length).toBeGreaterThan(0);
    const expired = content.mentors.find((m) => m.availability.status === 'open' && m.availability.until && m.availability.until < TODAY)!;
    expect(expired).toBeDefined();

    for (const t of topics) await page.check(`input[name="topic"][value="${t}"]`);
    await page.selectOption('#match-stage', stage.id);
    await page.check(`input[name="format"][value="${format.id}"]`);
    await page.click('#match-submit');
    await expect.poll(() => statusText(page), POLL).toBe(`${want.withSlot.length} mentors match, best first. ${want.full.length} more who fit ${want.full.length === 1 ? 'was' : 'were'} full at the last sync.`);
    expect(await page.getAttribute('#match-status', 'role')).toBe('status');

    // Ten at a time; "Show more" brings the next ten, and focus lands on the first new one.
    expect(await listed(page, '#match-list')).toEqual(want.withSlot.slice(0, PER_PAGE).map((m) => m.login));
    expect((await page.textContent('#match-more'))!.trim()).toBe(`Show ${Math.min(PER_PAGE, want.withSlot.length - PER_PAGE)} more`);
    await page.click('#match-more');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.login)).toBe(want.withSlot[PER_PAGE]!.login);
    await showAll(page);
    expect(await listed(page, '#match-list')).toEqual(want.withSlot.map((m) => m.login));
    expect(await listed(page, '#match-full')).toEqual(want.full.map((m) => m.login));
    expect(await page.isVisible('#match-full-heading')).toBe(true);
    const shown = new Set([...(await listed(page, '#match-list')), ...(await listed(page, '#match-full'))]);
    expect(shown.has(expired.github), 'a mentor open only until a past day is not listed').toBe(false);
    for (const m of content.mentors.filter((x) => x.availability.status === 'paused')) expect(shown.has(m.github)).toBe(false);

    // Scores and every component's points are the core's; the words name the program's labels.
    const cards = await page.$$eval('#match-list > li, #match-full > li', (els) =>
      els.map((li) => ({
        login: (li as HTMLElement).dataset.login!,
        score: Number((li as HTMLElement).dataset.score),
        scoreText: li.querySelector('.match-score')!.textContent!.trim(),
        href: li.querySelector<HTMLAnchorElement>('.match-name a')!.getAttribute('href')!,
        name: li.querySelector('.match-name')!.textContent!.trim(),
        reasons: [...li.querySelectorAll<HTMLElement>('.reasons li')].map((r) => ({
          component: r.dataset.component!,
          points: Number(r.dataset.points),
          text: r.textContent!.replace(/\s+/g, ' ').trim(),
        })),
      })),
    );
    const max = program.matching.weights;
    const maxTotal = max.topics + max.timezone + max.stage + max.format + max.kind + max.slots;
    for (const card of cards) {
      const exp = [...want.withSlot, ...want.full].find((x) => x.login === card.login)!;
      const m: Mentor = byLogin.get(card.login)!;
      expect(card.score, card.login).toBe(exp.score.total);
      expect(card.scoreText).toBe(`${fmt(exp.score.total)} of ${fmt(maxTotal)} points`);
      expect(card.href).toBe(`${new URL(site).pathname.replace(/match\/$/, '')}mentors/${m.github}/`);
      expect(card.name).toBe(m.name);
      expect(card.reasons.map((r) => [r.component, r.points])).toEqual(exp.score.breakdown.map((b) => [b.component, b.contribution]));
      const reason = (c: string) => card.reasons.find((r) => r.component === c)!.text;
      const shared = topics.filter((t) => m.topics.includes(t));
      const topicsPart = exp.score.breakdown.find((b) => b.component === 'topics')!;
      expect(reason('topics')).toBe(
        `${fmt(topicsPart.contribution)} of ${fmt(topicsPart.weight)}: ` +
          (shared.length === 0
            ? `Lists none of your ${topics.length} topics`
            : shared.length === topics.length
              ? `Lists both your topics: ${shared.map((t) => topicLabel.get(t)).join(' and ')}`
              : `Lists ${shared.length} of your ${topics.length} topics: ${topicLabel.get(shared[0]!)}`),
      );
      expect(reason('language')).toBe('required: Speaks English with you');
      expect(reason('stage')).toMatch(m.stages.includes(stage.id) ? `: Mentors: ${stage.label}` : `: Does not list ${stage.label}`);
      expect(reason('kind')).toMatch(/You did not pick a kind of mentoring$/);
      const tz = reason('timezone');
      if (!m.location.timezone) expect(tz).toMatch(/Has not given a time zone$/);
      else expect(tz).toMatch(/: (Same time of day as you|[\d.]+ hours? from your time zone)$/);
      const live = status.mentors[m.github];
      expect(reason('slots')).toMatch(
        !live
          ? `Takes up to ${m.availability.capacity} mentee${m.availability.capacity === 1 ? '' : 's'}; not counted at the last sync`
          : live.slotsFree === 0
            ? 'Full at the last sync'
            : `${live.slotsFree} of ${live.capacity} slot${live.capacity === 1 ? '' : 's'} free at the last sync`,
      );
    }
    // The time-zone words for one mentor whose gap is known by hand: London is UTC+1 and Sao Paulo UTC−3 in April 2027.
    const london = cards.find((c) => byLogin.get(c.login)?.location.timezone === 'Europe/London');
    if (london) expect(london.reasons.find((r) => r.component === 'timezone')!.text).toMatch(/: 4 hours from your time zone$/);

    // The choices are in the fragment (never sent to a server), so Back from a mentor's page shows the list again.
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect(hash.getAll('topic')).toEqual(topics);
    expect(hash.get('tz')).toBe(ZONE);
    await page.click('#match-list > li:first-child .match-name a');
    await page.waitForURL(/\/mentors\//);
    await page.goBack();
    await expect.poll(() => listed(page, '#match-list'), POLL).toEqual(want.withSlot.slice(0, PER_PAGE).map((m) => m.login));

    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a language no mentor taking requests speaks: "no mentor matches", why, and what to change', async () => {
    const tag = unspokenLanguage();
    const topic = sampleTopics()[0]!;
    const page = await open({ colorScheme: 'dark' });
    const zones = await zoneFix(page);
    const want = expectedRanking({ topics: [topic], languages: [tag], timezone: ZONE }, zones);
    expect(want.withSlot).toEqual([]);
    expect(want.full).toEqual([]);

    await page.check(`input[name="topic"][value="${topic}"]`);
    await page.uncheck('input[name="language"][value="en"]');
    await page.check(`input[name="language"][value="${tag}"]`);
    await page.click('#match-submit');
    await expect.poll(() => statusText(page), POLL).toBe('No mentor matches your choices.');
    expect(await page.isVisible('#match-none')).toBe(true);
    expect((await page.textContent('#match-none-why'))!.trim()).toBe(
      `No mentor matches your choices. Of the ${want.considered} mentors taking requests, ${want.language} speak none of your languages (${languageName(tag)}).`,
    );
    expect(await page.$$eval('#match-none-hints li', (els) => els.map((e) => e.textContent))).toEqual(['Add another language you can be mentored in.']);
    expect(await page.getAttribute('#match-none a', 'href')).toBe(new URL(site).pathname.replace(/match\/$/, ''));
    expect(await listed(page, '#match-list')).toEqual([]);
    expect(await page.isVisible('#match-full-section')).toBe(false);
    expect(await page.isVisible('#match-more')).toBe(false);
    expect(await axe(page)).toEqual([]);

    // Adding a language some of them speak brings those, best first, and counts the others under the list.
    const some = someSpeak();
    await page.check(`input[name="language"][value="${some}"]`);
    await page.click('#match-submit');
    const partly = expectedRanking({ topics: [topic], languages: [tag, some], timezone: ZONE }, zones);
    await expect.poll(() => listed(page, '#match-list'), POLL).toEqual(partly.withSlot.slice(0, PER_PAGE).map((m) => m.login));
    expect(await statusText(page)).toMatch(new RegExp(`^${partly.withSlot.length} mentors? match(es)?, best first\\.`));
    expect(await page.isVisible('#match-none')).toBe(false);
    expect((await page.textContent('#match-excluded'))!.trim()).toBe(
      `Not listed, of ${partly.considered} mentors taking requests: ${partly.language} speak none of your languages (${languageName(tag)} and ${languageName(some)}).`,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('works with the keyboard alone; a missing choice is named and focused', async () => {
    // A device set to UTC: Chromium's zone list lacks that name, so the page adds it and selects it.
    const page = await open({ timezoneId: 'UTC' });
    expect(await page.inputValue('#match-tz')).toBe('UTC');
    expect(await page.textContent('#match-tz option:checked')).toBe('UTC');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        const cs = el ? getComputedStyle(el) : null;
        return el ? { id: el.id, name: el.getAttribute('name'), value: el.value, checked: el.checked, outline: cs!.outlineStyle !== 'none' && parseFloat(cs!.outlineWidth) > 0 } : null;
      });
    async function tabTo(test: (f: Awaited<ReturnType<typeof focused>>) => boolean) {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (test(f)) return f!;
      }
      throw new Error('never reached by Tab');
    }

    // Submitting with no topic: the live region and the fieldset say so, and focus goes to the first topic.
    await tabTo((f) => f?.id === 'match-submit');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page), POLL).toBe('Pick at least one topic.');
    expect(await page.isVisible('#topics-error')).toBe(true);
    const first = (await focused())!;
    expect(first).toMatchObject({ name: 'topic', checked: false, outline: true });

    // Space ticks it (the error goes), Tab reaches the time zone, typing picks one, Enter on the button searches.
    await page.keyboard.press('Space');
    expect(await focused()).toMatchObject({ name: 'topic', value: first.value, checked: true });
    expect(await page.isVisible('#topics-error')).toBe(false);
    await tabTo((f) => f?.id === 'match-tz');
    await page.keyboard.type('Europe/London');
    const zone = await page.inputValue('#match-tz');
    expect(zone).toBe('Europe/London');
    await tabTo((f) => f?.id === 'match-submit');
    await page.keyboard.press('Enter');
    const want = expectedRanking({ topics: [first.value], languages: ['en'], timezone: zone }, await zoneFix(page));
    await expect.poll(() => statusText(page), POLL).toMatch(new RegExp(`^${want.withSlot.length} mentors match, best first\\.`));
    expect(await listed(page, '#match-list')).toEqual(want.withSlot.slice(0, PER_PAGE).map((m) => m.login));
    // The next Tab leaves the form for the first result.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('li.match')?.getAttribute('data-login'))).toBe(want.withSlot[0]!.login);
    expect((await focused())!.outline).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('on a phone: axe finds nothing and nothing scrolls sideways', async () => {
    const page = await open({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, `#${new URLSearchParams([['topic', sampleTopics()[0]!], ['language', 'en'], ['tz', ZONE]])}`);
    // A link with the choices in its fragment shows the list at once.
    await expect.poll(() => statusText(page), POLL).toMatch(/mentors match, best first\./);
    // The list starts below the long form on a phone: it is brought into view.
    expect(await page.evaluate(() => document.querySelector('#match-heading')!.getBoundingClientRect().top)).toBeLessThan(740);
    expect(await axe(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  test('when the mentors cannot be loaded, the live region says so, and the next search tries again', async () => {
    const page = await newPage(browser, { timezoneId: ZONE });
    let fail = true;
    await page.route('**/match/mentors.json', (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.continue()));
    await page.goto(site);
    await page.check(`input[name="topic"][value="${sampleTopics()[0]}"]`);
    await page.click('#match-submit');
    await expect.poll(() => statusText(page), POLL).toBe('The list of mentors could not be loaded (HTTP 503). Search again to retry, or browse the directory.');
    expect(await listed(page, '#match-list')).toEqual([]);
    fail = false;
    await page.click('#match-submit');
    await expect.poll(() => statusText(page), POLL).toMatch(/mentors match, best first\./);
    await page.context().close();
  });

  test('its script is small and carries no zod: the score comes from the zod-free scorer.ts', async () => {
    const html = await (await fetch(site)).text();
    const sources = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(1);
    const code = await (await fetch(new URL(sources[0]!, site))).text();
    // Static imports would be fetched before it runs; there are none.
    expect(code).not.toMatch(/(?:^|[;\s])import\s*[{*\w]/);
    expect(code).not.toContain('$Zod');
    expect(code).toContain('longOffset');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(8_000);
  });

  test('without JavaScript: a note, a link to the directory, and no dead form', async () => {
    const page = await open({ javaScriptEnabled: false });
    expect(await page.isVisible('#match-noscript')).toBe(true);
    expect(await page.getAttribute('#match-noscript a', 'href')).toBe(new URL(site).pathname.replace(/match\/$/, ''));
    expect(await page.isVisible('#match-form')).toBe(false);
    expect(await page.isVisible('#match-status')).toBe(false);
    await page.context().close();
  });
});

function fmt(x: number): string {
  return new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(x);
}
