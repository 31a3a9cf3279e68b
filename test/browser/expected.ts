/**
 * Expected values for the browser tests, computed straight from the sample
 * content (content/mentors/*.md, program.yml) and not from the site's own code,
 * so a bug in the site's model cannot hide itself by changing the expectation.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import matter from 'gray-matter';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { sampleStatus } from '../support/status-fixture.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export const FACETS = ['topic', 'stage', 'language', 'country', 'format', 'kind', 'availability', 'slots'] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Partial<Record<Facet, string[]>>;

export interface ExpectedMentor {
  login: string;
  name: string;
  headline: string;
  affiliation?: string;
  open: boolean;
  /** Slots at the (fixture's) last sync; undefined for a mentor missing from data/status.json. */
  slots?: { free: number; capacity: number };
  values: Record<Facet, string[]>;
  /** Everything a visitor could search for (front matter and bio), case and accents folded. */
  text: string;
  /** The profile's Markdown body alone, case and accents folded. */
  bio: string;
}

interface RawProfile {
  github: string;
  name: string;
  headline: string;
  affiliation?: string;
  location: { country: string };
  languages: string[];
  topics: string[];
  stages: string[];
  formats: string[];
  kinds: string[];
  availability: { status: 'open' | 'paused' };
}

export interface ProgramFile {
  name: string;
  repository: string;
  site: { url: string; base: string };
  taxonomy: { topics: { id: string; label: string; synonyms?: string[] }[] };
}

/** The data/status.json the shared build uses (test/support/site-setup.ts writes the same). */
export const status = sampleStatus(ROOT);

export const program = parse(readFileSync(join(ROOT, 'program.yml'), 'utf8')) as ProgramFile;

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function load(): ExpectedMentor[] {
  const dir = join(ROOT, 'content/mentors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const file = matter(readFileSync(join(dir, f), 'utf8'));
      const d = file.data as RawProfile;
      const live = status.mentors[d.github];
      const slots = live ? { free: live.slotsFree, capacity: live.capacity } : undefined;
      const open = d.availability.status === 'open';
      return {
        login: d.github,
        name: d.name,
        headline: d.headline,
        ...(d.affiliation ? { affiliation: d.affiliation } : {}),
        open,
        ...(slots ? { slots } : {}),
        values: {
          topic: d.topics,
          stage: d.stages,
          language: d.languages,
          country: [d.location.country],
          format: d.formats,
          kind: d.kinds,
          availability: [d.availability.status],
          slots: open && slots && slots.free > 0 ? ['free'] : [],
        },
        text: fold(`${JSON.stringify(d)} ${file.content}`),
        bio: fold(file.content),
      };
    });
}

/** In list order: mentors taking requests first, then by name (the order the site promises). */
export const mentors: ExpectedMentor[] = load().sort(
  (a, b) => Number(b.open) - Number(a.open) || a.name.localeCompare(b.name, 'en') || a.login.localeCompare(b.login),
);
export const openMentors = mentors.filter((m) => m.open);
export const pausedMentors = mentors.filter((m) => !m.open);
/** Taking requests but every slot taken at the last sync: no request button. */
export const fullMentors = openMentors.filter((m) => m.slots && m.slots.free === 0);
/** Mentors whose page offers the request button. */
export const requestableMentors = openMentors.filter((m) => !fullMentors.includes(m));

/** Cards on the server-rendered pages (the no-JS list and the first view). */
export const PER_PAGE = 24;

export function matches(m: ExpectedMentor, filters: Filters, except?: Facet): boolean {
  return FACETS.every((f) => f === except || !filters[f]?.length || filters[f]!.some((v) => m.values[f].includes(v)));
}

export function filtered(filters: Filters, pool: readonly ExpectedMentor[] = mentors): ExpectedMentor[] {
  return pool.filter((m) => matches(m, filters));
}

/**
 * Every facet value's count as the page should show it: how many mentors of
 * `pool` match the other facets' filters and have that value (so ticking a
 * value leaves its siblings' counts meaningful).
 */
export function expectedCounts(filters: Filters, pool: readonly ExpectedMentor[] = mentors): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of FACETS) {
    for (const value of new Set(mentors.flatMap((m) => m.values[f]))) {
      out[`${f}:${value}`] = pool.filter((m) => matches(m, filters, f) && m.values[f].includes(value)).length;
    }
  }
  return out;
}

export function countText(n: number): string {
  return `${n} mentor${n === 1 ? '' : 's'} match${n === 1 ? 'es' : ''}`;
}

export const logins = (list: readonly ExpectedMentor[]) => list.map((m) => m.login);

/* ----------------------------- reading the page ----------------------------- */

/** Logins of the cards in #results, in order, read from each card's link. */
export function cardLogins(page: Page): Promise<string[]> {
  return page.$$eval('#results .card .card-name a', (links) =>
    links.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname.replace(/\/$/, '').split('/').pop() ?? '')),
  );
}

/** The numbers shown in every facet count, keyed "facet:value". */
export function shownCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-count-for]', (els) =>
    Object.fromEntries(els.map((el) => [(el as HTMLElement).dataset.countFor!, Number(/\d+/.exec(el.textContent ?? '')?.[0] ?? NaN)])),
  );
}

export async function checkedValues(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('#filters input[type="checkbox"]:checked', (els) => {
    const out: Record<string, string[]> = {};
    for (const el of els as HTMLInputElement[]) (out[el.name] ??= []).push(el.value);
    for (const v of Object.values(out)) v.sort();
    return out;
  });
}

/** Resolves when the directory has finished applying the current state. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.directory')?.getAttribute('aria-busy') !== 'true');
}

export function checkbox(page: Page, facet: Facet, value: string) {
  return page.locator(`#filters input[name="${facet}"][value="${value}"]`);
}

/** Ticks a box even when its facet is collapsed, as a person would: open the facet, then click. */
export async function tick(page: Page, facet: Facet, value: string, on = true): Promise<void> {
  const details = page.locator(`details.facet[data-facet="${facet}"]`);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  const box = checkbox(page, facet, value);
  if (on) await box.check();
  else await box.uncheck();
  await settled(page);
}
