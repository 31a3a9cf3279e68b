import { getCollection, type CollectionEntry } from 'astro:content';
import type { Slots } from './card.ts';
import type { StatusFile } from '../core/status.ts';
import { mentorStatuses, slotsFor } from './status-view.ts';
import { sharedProgram, sharedStatus } from '../files/shared-program.ts';
import { contentRoot } from '../files/root.ts';
import type { Program } from '../core/program.ts';
import { sortMentors } from './model.ts';

/** Build-time access to the program and the collections, for pages. */

export function program(): Program {
  // Every page asks; in dev, astro.config.mjs may have shared a newer one since.
  return import.meta.env.PROD ? (built ??= sharedProgram(contentRoot())) : sharedProgram(contentRoot());
}
let built: Program | undefined;

/**
 * Read once per build (thousands of pages ask the same question); re-read on
 * every request in dev, where content changes while the server runs.
 */
function oncePerBuild<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (import.meta.env.PROD ? (result ??= load()) : load());
}

/**
 * data/status.json (written by `npm run sync`), or undefined: without it (or with a broken one, which the build
 * reports; see astro.config.mjs) the site builds from the profiles alone and says nothing about slots.
 */
export const programStatus = oncePerBuild(async (): Promise<StatusFile | undefined> =>
  // A build uses the file its check read; in dev it is read again, so a new sync shows without a restart. The
  // import is in a branch a build drops, so the status schema and its modules stay out of the build's bundle.
  import.meta.env.DEV ? (await import('../files/status.ts')).loadStatus(contentRoot()).status : sharedStatus(contentRoot()),
);

/** Mentors in list order, each with its slots at the last sync when there is a status file. */
export const sortedMentors = oncePerBuild(async () => {
  const statuses = mentorStatuses(await programStatus());
  const mentors: (CollectionEntry<'mentors'> & { slots?: Slots })[] = sortMentors(await getCollection('mentors'));
  if (statuses.size === 0) return mentors;
  return mentors.map((m) => {
    const slots = slotsFor(statuses, m.data.github);
    return slots ? { ...m, slots } : m;
  });
});

/** Program pages in menu order. */
export const programPages = oncePerBuild(async () => (await getCollection('pages')).sort((a, b) => a.data.order - b.data.order));

export function requestUrl(p: Program, login: string): string {
  return `https://github.com/${p.repository}/issues/new?template=request-a-mentor.yml&mentor=${encodeURIComponent(login)}`;
}
