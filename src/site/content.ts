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

/**
 * Read once per build (thousands of pages ask the same question); re-read on
 * every request in dev, where content changes while the server runs.
 */
function oncePerBuild<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (import.meta.env.PROD ? (result ??= load()) : load());
}

/** Mentors in list order. */
export const sortedMentors = oncePerBuild(async () => sortMentors(await getCollection('mentors')));

/** Program pages in menu order. */
export const programPages = oncePerBuild(async () => (await getCollection('pages')).sort((a, b) => a.data.order - b.data.order));

export function requestUrl(p: Program, login: string): string {
  return `https://github.com/${p.repository}/issues/new?template=request-a-mentor.yml&mentor=${encodeURIComponent(login)}`;
}
