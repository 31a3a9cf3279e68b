import { getCollection } from 'astro:content';
import { loadProgram } from '../files/content.ts';
import { contentRoot } from '../files/root.ts';
import type { Program } from '../core/program.ts';
import { sortMentors } from './model.ts';

/** Build-time access to the program and the collections, for pages. */

let cached: Program | undefined;
export function program(): Program {
  if (!cached) {
    const { program: p } = loadProgram(contentRoot());
    if (!p) throw new Error('program.yml is invalid; run npm run validate');
    cached = p;
  }
  return cached;
}

let sorted: ReturnType<typeof load> | undefined;
const load = async () => sortMentors(await getCollection('mentors'));

/** Mentors in list order. Memoised for a build (hundreds of pages ask); re-read on every request in dev. */
export function sortedMentors() {
  if (!import.meta.env.PROD) return load();
  return (sorted ??= load());
}

let pages: ReturnType<typeof loadPages> | undefined;
const loadPages = async () => (await getCollection('pages')).sort((a, b) => a.data.order - b.data.order);

/** Program pages in menu order; every page's navigation asks, so a build reads them once. */
export function programPages() {
  if (!import.meta.env.PROD) return loadPages();
  return (pages ??= loadPages());
}

export function requestUrl(p: Program, login: string): string {
  return `https://github.com/${p.repository}/issues/new?template=request-a-mentor.yml&mentor=${encodeURIComponent(login)}`;
}
