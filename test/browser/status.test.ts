/**
 * Running a program (issue 7), from the data/status.json of the shared build (test/support/status-fixture.ts):
 * slot badges on cards, the "has a free slot" filter, a full mentor's page, response times, the status console
 * and its login filter, the statistics page, and axe on the new pages.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser, newPage } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { serveStatic } from '../support/static-server.ts';
import {
  PER_PAGE,
  ROOT,
  cardLogins,
  checkedValues,
  countText,
  expectedCounts,
  filtered,
  fullMentors,
  logins,
  mentors,
  openMentors,
  pausedMentors,
  program,
  settled,
  shownCounts,
  status,
  tick,
  type ExpectedMentor,
} from './expected.ts';

const POLL = { timeout: 5_000, interval: 50 };
const longDate = (d: string) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
const monthName = (m: string) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

/** What a card should say about availability. */
function badge(m: ExpectedMentor): string | null {
  if (!m.open) return 'Paused: not taking requests';
  if (!m.slots) return null;
  if (m.slots.free === 0) return 'Full';
  return `${m.slots.free} of ${m.slots.capacity} slot${m.slots.capacity === 1 ? '' : 's'} open`;
}

let browser: Browser;
let site: string;
const errors: string[] = [];

beforeAll(async () => {
  site = inject('siteUrl');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function jsPage(options: BrowserContextOptions = {}): Promise<Page> {
  const page = await newPage(browser, options);
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return page;
}

function cardBadges(page: Page): Promise<Record<string, string | null>> {
  return page.$$eval('#results .card', (cards) =>
    Object.fromEntries(
      cards.map((card) => {
        const a = card.querySelector<HTMLAnchorElement>('.card-name a')!;
        const login = decodeURIComponent(a.pathname.replace(/\/$/, '').split('/').pop()!);
        const b = card.querySelector<HTMLElement>('.badge');
        return [login, b ? b.innerText.trim() : null];
      }),
    ),
  );
}

describe('the fixture covers every case', () => {
  test('full, partly taken, all free, paused and missing from the file', () => {
    expect(fullMentors.length).toBeGreaterThan(0);
    expect(openMentors.some((m) => m.slots?.free === 1 && m.slots.capacity === 2)).toBe(true);
    expect(openMentors.some((m) => m.slots && m.slots.free === m.slots.capacity)).toBe(true);
    expect(pausedMentors.length).toBeGreaterThan(0);
    expect(openMentors.some((m) => !m.slots)).toBe(true);
    const free = filtered({ slots: ['free'] }).length;
    expect(free).toBeGreaterThan(0);
    expect(free).toBeLessThanOrEqual(PER_PAGE);
  });
});

describe('slot badges on cards', () => {
  test('server-rendered cards say "1 of 2 slots open", "Full" or "Paused", and nothing without a status', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    const seen: Record<string, string | null> = {};
    for (let n = 1; n <= Math.ceil(mentors.length / PER_PAGE); n++) {
      await page.goto(n === 1 ? site : `${site}page/${n}/`);
      Object.assign(seen, await cardBadges(page));
    }
    expect(Object.keys(seen).sort()).toEqual(logins(mentors).sort());
    for (const m of mentors) expect(seen[m.login], m.login).toBe(badge(m));
    const texts = Object.values(seen);
    expect(texts).toContain('1 of 2 slots open');
    expect(texts).toContain('Full');
    expect(texts).toContain('Paused: not taking requests');
    expect(texts).toContain(null);
    await page.context().close();
  });

  test('cards the script renders from card chunks carry the same badges', async () => {
    const page = await jsPage();
    await page.goto(site);
    await settled(page);
    // Show every mentor through the script: availability "open" or "paused" ticked together.
    await tick(page, 'availability', 'open');
    await tick(page, 'availability', 'paused');
    while (await page.isVisible('#show-more')) {
      await page.click('#show-more');
      await settled(page);
    }
    await expect.poll(async () => (await cardLogins(page)).length, POLL).toBe(mentors.length);
    const seen = await cardBadges(page);
    for (const m of mentors) expect(seen[m.login], m.login).toBe(badge(m));
    await page.context().close();
  });
});

describe('the "has a free slot" filter', () => {
  test('narrows the list, counts and URL; a link restores it; it combines with other facets', async () => {
    const page = await jsPage();
    await page.goto(site);
    await settled(page);
    expect(await page.textContent('[data-count-for="slots:free"]')).toBe(`(${filtered({ slots: ['free'] }).length})`);
    expect((await page.textContent('details[data-facet="slots"] label'))!.trim()).toMatch(/^Has a free slot/);

    await tick(page, 'slots', 'free');
    const want = filtered({ slots: ['free'] });
    await expect.poll(() => cardLogins(page), POLL).toEqual(logins(want.slice(0, PER_PAGE)));
    expect(new URL(page.url()).search).toBe('?slots=free');
    expect((await page.textContent('#result-count'))!.trim()).toBe(countText(want.length));
    expect(await shownCounts(page)).toEqual(expectedCounts({ slots: ['free'] }));
    for (const text of Object.values(await cardBadges(page))) expect(text).toMatch(/^[1-9]\d* of \d+ slots? open$/);
    // Nobody full, paused or missing from the status file.
    for (const m of want) expect(m.open && m.slots!.free > 0).toBe(true);

    // With a topic (AND).
    const topic = [...new Set(want.flatMap((m) => m.values.topic))].find((t) => {
      const n = filtered({ slots: ['free'], topic: [t] }).length;
      return n > 0 && n < want.length;
    })!;
    const url = `?${new URLSearchParams([['topic', topic], ['slots', 'free']])}`;
    await page.goto(`${site}${url}`);
    await settled(page);
    const both = filtered({ slots: ['free'], topic: [topic] });
    await expect.poll(() => cardLogins(page), POLL).toEqual(logins(both));
    expect(await checkedValues(page)).toEqual({ slots: ['free'], topic: [topic] });
    expect(await shownCounts(page)).toEqual(expectedCounts({ slots: ['free'], topic: [topic] }));
    expect(new URL(page.url()).search).toBe(url);

    await page.click('#clear-filters');
    await expect.poll(() => cardLogins(page), POLL).toEqual(logins(mentors.slice(0, PER_PAGE)));
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });

  test('without JavaScript the filter is listed like the others, and the full list stays', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site}?slots=free`);
    expect(await page.locator('#filters input[name="slots"][value="free"]').count()).toBe(1);
    expect(await cardLogins(page)).toEqual(logins(mentors.slice(0, PER_PAGE)));
    expect(await page.isVisible('#filters .note')).toBe(true);
    await page.context().close();
  });
});

describe('mentor pages', () => {
  const profile = (login: string) => matter(readFileSync(join(ROOT, 'content/mentors', `${login}.md`), 'utf8')).data as { last_confirmed: string | Date };
  const confirmed = (login: string) => {
    const d = profile(login).last_confirmed;
    return longDate(d instanceof Date ? d.toISOString().slice(0, 10) : d);
  };

  test('a full mentor has no request button, and a note on when a slot was last free', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    for (const m of fullMentors) {
      await page.goto(`${site}mentors/${encodeURIComponent(m.login)}/`);
      expect(await page.locator('#request-link').count(), m.login).toBe(0);
      expect(await page.locator('a[href*="request-a-mentor"]').count()).toBe(0);
      expect(await page.getByRole('link', { name: /request mentorship/i }).count()).toBe(0);
      expect(await page.innerText('#full-note')).toBe(m.slots!.capacity === 1 ? 'Full: their one slot is taken.' : `Full: all ${m.slots!.capacity} slots are taken.`);
      const last = status.mentors[m.login]!.lastFreeSlot;
      const note = await page.innerText('#last-free');
      if (last) expect(note).toContain(`A slot was last free on ${longDate(last)}.`);
      expect(await page.getAttribute('#last-free a', 'href')).toBe(`${program.site.base}?slots=free`);
    }
    await page.context().close();
  });

  test('a mentor with free slots keeps the button and says how many are open', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    const m = openMentors.find((x) => x.slots?.free === 1 && x.slots.capacity === 2)!;
    await page.goto(`${site}mentors/${encodeURIComponent(m.login)}/`);
    expect(await page.isVisible('#request-link')).toBe(true);
    expect(await page.innerText('#slots-open')).toBe('1 of 2 slots open');
    // Missing from the status file: the button, and no word about slots.
    const missing = openMentors.find((x) => !x.slots)!;
    await page.goto(`${site}mentors/${encodeURIComponent(missing.login)}/`);
    expect(await page.isVisible('#request-link')).toBe(true);
    expect(await page.locator('#slots-open, #full-note, #response-time').count()).toBe(0);
    await page.context().close();
  });

  test('the response time and the date the profile was last confirmed', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    const withTime = mentors.filter((m) => status.mentors[m.login]?.medianResponseDays != null);
    const without = mentors.filter((m) => status.mentors[m.login] && status.mentors[m.login]!.medianResponseDays === null);
    expect(withTime.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    for (const m of [...withTime.slice(0, 6), without[0]!]) {
      await page.goto(`${site}mentors/${encodeURIComponent(m.login)}/`);
      const days = status.mentors[m.login]!.medianResponseDays;
      if (days === null) expect(await page.locator('#response-time').count()).toBe(0);
      else {
        const n = Math.max(1, Math.ceil(days));
        expect(await page.innerText('#response-time')).toBe(n === 1 ? 'Usually answers within a day.' : `Usually answers within ${n} days.`);
      }
      const fresh = await page.innerText('#freshness');
      expect(fresh).toContain(`Profile last confirmed on ${confirmed(m.login)}.`);
      expect(fresh).toContain(`as of ${longDate(status.generated.slice(0, 10))}`);
    }
    await page.context().close();
  });
});

describe('the status console', () => {
  const sections = {
    waiting: status.requests.filter((r) => r.status === 'pending' || r.status === 'saved'),
    active: status.requests.filter((r) => r.status === 'active'),
    finished: status.requests.filter((r) => r.status === 'completed' || r.status === 'ended'),
  };
  const visibleIssues = (page: Page) =>
    page.$$eval('.console-section tr[data-logins]', (rows) =>
      rows
        .filter((r) => (r as HTMLElement).checkVisibility())
        .map((r) => r.querySelector('th[scope="row"]')!.textContent!.trim())
        .sort(),
    );
  const issuesOf = (login: string) => [
    ...status.requests.filter((r) => r.status in { pending: 1, saved: 1, active: 1, completed: 1, ended: 1 } && (r.mentee === login || r.mentor === login)).map((r) => `#${r.issue}`),
    ...(status.mentors[login] ? [`@${login}`] : []),
  ].sort();

  test('every waiting request and partnership is listed, linked to its issue, without JavaScript', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site}status/`);
    expect(await page.isVisible('#login-filter')).toBe(false);
    for (const [id, rows] of Object.entries(sections)) {
      const shown = await page.$$eval(`#table-${id} tbody tr`, (trs) =>
        trs.map((tr) => ({ href: tr.querySelector('a')!.getAttribute('href'), cells: [...tr.children].map((c) => (c as HTMLElement).innerText.trim()) })),
      );
      expect(shown.length, id).toBe(rows.length);
      expect(shown.map((s) => s.href).sort()).toEqual(rows.map((r) => r.url).sort());
      for (const r of rows) {
        const s = shown.find((x) => x.href === r.url)!;
        expect(s.cells.slice(0, 3)).toEqual([`#${r.issue}`, `@${r.mentee}`, `@${r.mentor}`]);
      }
      expect(await page.textContent(`#table-${id} caption`)).toBeTruthy();
      expect(await page.locator(`#table-${id} thead th[scope="col"]`).count()).toBeGreaterThan(3);
    }
    // The program's counts by status, and one row per mentor in the file.
    const byStatus = Object.fromEntries(
      await page.$$eval('#table-program tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()])),
    );
    const LABELS = { pending: 'Pending', saved: 'Saved for later', invalid: 'Needs a fix', active: 'Active', completed: 'Completed', ended: 'Ended early', declined: 'Declined', withdrawn: 'Withdrawn', expired: 'Expired' } as const;
    for (const [s, label] of Object.entries(LABELS)) expect(byStatus[label], s).toBe(String(status.program.byStatus[s as keyof typeof LABELS] ?? 0));
    expect(await page.locator('#table-mentors tbody tr').count()).toBe(Object.keys(status.mentors).length);
    await page.context().close();
  });

  test('typing a login narrows every table to that person’s rows', async () => {
    const page = await jsPage();
    await page.goto(`${site}status/`);
    const all = await visibleIssues(page);
    // A mentee with two rows (a finished partnership and an active one).
    const counts = new Map<string, number>();
    for (const r of status.requests) counts.set(r.mentee, (counts.get(r.mentee) ?? 0) + 1);
    const mentee = [...counts].find(([, n]) => n >= 2)![0];
    await page.fill('#login', mentee);
    await expect.poll(() => visibleIssues(page), POLL).toEqual(issuesOf(mentee));
    expect(issuesOf(mentee).length).toBeGreaterThanOrEqual(2);
    expect(new URL(page.url()).searchParams.get('login')).toBe(mentee);
    expect(await page.innerText('#login-result')).toBe(`${issuesOf(mentee).length} rows for “${mentee}”.`);
    // Tables with nothing for this login are hidden, not left as empty headers.
    expect(await page.isVisible('#table-mentors')).toBe(false);

    // A mentor, typed with an @ and capitals, finds their requests and their own row.
    const mentor = fullMentors[0]!.login;
    await page.fill('#login', `@${mentor.toUpperCase()}`);
    await expect.poll(() => visibleIssues(page), POLL).toEqual(issuesOf(mentor));

    // A link with ?login= opens filtered; "Show everyone" brings every row back.
    await page.goto(`${site}status/?login=${mentee}`);
    await expect.poll(() => visibleIssues(page), POLL).toEqual(issuesOf(mentee));
    await page.click('#login-clear');
    await expect.poll(() => visibleIssues(page), POLL).toEqual(all);
    expect(new URL(page.url()).search).toBe('');

    // Nobody: every table gives way to "No rows for this login".
    await page.fill('#login', 'nobody-at-all-here');
    await expect.poll(() => visibleIssues(page), POLL).toEqual([]);
    expect(await page.locator('.filter-empty:visible').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('statistics', () => {
  test('charts have a text alternative and a table with the numbers; key figures are shown', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site}stats/`);
    expect(await page.locator('script[src], script:not([type="application/ld+json"])').count()).toBe(0);
    const charts = await page.$$eval('svg.chart-svg', (svgs) =>
      svgs.map((svg) => ({
        id: svg.id,
        role: svg.getAttribute('role'),
        label: (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim() ?? ''),
        bars: svg.querySelectorAll('rect').length,
      })),
    );
    expect(charts.map((c) => c.id)).toEqual(['chart-requests', 'chart-finished']);
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.label.length).toBe(2);
      for (const text of c.label) expect(text.length).toBeGreaterThan(10);
      expect(c.bars).toBeGreaterThan(0);
    }
    const months = status.program.byMonth;
    const table = (id: string) =>
      page.$$eval(`#${id}-table tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(await table('chart-requests')).toEqual(months.map((m) => [monthName(m.month), String(m.requests), String(m.accepted)]));
    expect(await table('chart-finished')).toEqual(months.map((m) => [monthName(m.month), String(m.completed), String(m.ended)]));
    expect(await page.locator('#chart-requests-table thead th[scope="col"]').count()).toBe(3);
    expect(await page.textContent('#chart-requests-table caption')).toContain('Requests per month');
    // The description names the busiest month.
    const busiest = months.reduce((a, b) => (b.requests > a.requests ? b : a));
    expect(await page.textContent('#chart-requests-desc')).toContain(`most in ${monthName(busiest.month)} (${busiest.requests})`);

    const p = status.program;
    const pct = (r: number | null) => (r === null ? 'not yet known' : `${Math.round(r * 100)}%`);
    expect(await page.innerText('#figure-acceptance .figure-value')).toBe(pct(p.acceptanceRate));
    expect(await page.innerText('#figure-completion .figure-value')).toBe(pct(p.completionRate));
    expect(await page.innerText('#figure-active .figure-value')).toBe(String(p.activePartnerships));
    expect(await page.innerText('#figure-response .figure-value')).toBe(`${Math.round(p.medianResponseDays! * 10) / 10} days`);
    await page.context().close();
  });

  test('the footer links to the status console and the statistics', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(site);
    expect(await page.getAttribute('.site-footer a:text-is("Program status")', 'href')).toBe(`${program.site.base}status/`);
    expect(await page.getAttribute('.site-footer a:text-is("Statistics")', 'href')).toBe(`${program.site.base}stats/`);
    await page.context().close();
  });
});

describe('without data/status.json', () => {
  // A second, small build (three sample profiles, no status file): the site is the profiles-only site of before.
  let small: { url: string; close: () => Promise<void> } | undefined;
  const dirs: string[] = [];
  const chosen = [openMentors[0]!, openMentors[1]!, pausedMentors[0]!];
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'mentorkit-nostatus-'));
    const out = mkdtempSync(join(tmpdir(), 'mentorkit-nostatus-site-'));
    dirs.push(root, out);
    cpSync(join(ROOT, 'program.yml'), join(root, 'program.yml'));
    cpSync(join(ROOT, 'content/pages'), join(root, 'content/pages'), { recursive: true });
    mkdirSync(join(root, 'content/mentors'));
    for (const m of chosen) cpSync(join(ROOT, 'content/mentors', `${m.login}.md`), join(root, 'content/mentors', `${m.login}.md`));
    const built = buildSite(out, root);
    if (built.status !== 0) throw new Error(`astro build failed:\n${built.stdout}\n${built.stderr}`);
    small = await serveStatic(out, program.site.base);
  });
  afterAll(async () => {
    await small?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test('no slot badges, no free-slot filter, the request button; the status pages say there is no snapshot', async () => {
    const page = await jsPage();
    await page.goto(small!.url);
    await settled(page);
    const badges = await cardBadges(page);
    for (const m of chosen) expect(badges[m.login], m.login).toBe(m.open ? null : 'Paused: not taking requests');
    expect(await page.locator('details[data-facet="slots"]').count()).toBe(0);
    await tick(page, 'availability', 'open');
    expect(Object.values(await cardBadges(page))).toEqual([null, null]);
    await page.goto(`${small!.url}mentors/${chosen[0]!.login}/`);
    expect(await page.isVisible('#request-link')).toBe(true);
    expect(await page.locator('#slots-open, #full-note, #response-time').count()).toBe(0);
    expect(await page.innerText('#freshness')).toMatch(/^Profile last confirmed on [A-Z][a-z]+ \d+, \d{4}\.$/);
    for (const path of ['status/', 'stats/']) {
      await page.goto(`${small!.url}${path}`);
      expect(await page.innerText('#no-status')).toContain('npm run sync');
      expect(await page.locator('table, svg.chart-svg, #login-filter').count()).toBe(0);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path}: ${v.id}`)).toEqual([]);
    }
    await page.context().close();
  });
});

describe('accessibility', () => {
  const modes: { name: string; options: BrowserContextOptions; width?: number }[] = [
    { name: 'light', options: { colorScheme: 'light' } },
    { name: 'dark', options: { colorScheme: 'dark' } },
    { name: '360 px', options: { colorScheme: 'light', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, width: 360 },
  ];
  const targets = () => [
    { name: 'status console', path: 'status/' },
    { name: 'status console, filtered', path: `status/?login=${fullMentors[0]!.login}` },
    { name: 'statistics', path: 'stats/' },
    { name: 'full mentor page', path: `mentors/${fullMentors[0]!.login}/` },
    { name: 'home, free slots', path: '?slots=free' },
  ];
  for (const { name, options, width } of modes) {
    test(`axe finds nothing on the new pages, ${name}`, async () => {
      const page = await jsPage(options);
      for (const t of targets()) {
        await page.goto(`${site}${t.path}`);
        if (t.path.startsWith('?')) await settled(page);
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${t.name}: ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
        expect(summary).toEqual([]);
        if (width) {
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scroll, `${t.name}: no horizontal scroll`).toBeLessThanOrEqual(width);
        }
      }
      await page.context().close();
    });
  }

  test('no script errors along the way', () => {
    expect(errors).toEqual([]);
  });
});
