import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { join } from 'node:path';
import { buildCheck, validatedProfile } from './files/prevalidated.ts';
import { contentRoot } from './files/root.ts';
import { sharedProgram } from './files/shared-program.ts';

const root = contentRoot();

const profiles = glob({ pattern: '*.md', base: join(root, 'content/mentors') });
// A build checks every profile in a worker thread (astro.config.mjs): the loader waits for that check, which stops
// the build with `file:line` messages on a problem, before it returns, and the collection then uses a light
// schema instead of checking the same data twice. Dev and sync check the profiles here, with the full schema.
const checked = buildCheck(root);
// Only dev and sync need the full schema: imported then, so a build does not evaluate it a second time in Vite's
// module runner. Its program is the one astro.config.mjs loaded and checked.
const fullSchema = async () => (await import('./core/profile.ts')).makeProfileSchema(sharedProgram(root));
const mentors = defineCollection({
  loader: checked
    ? {
        ...profiles,
        // The glob loader reads and renders the profiles while the worker checks them (two cores, not one after
        // the other); the check's verdict still comes first: on a problem it stops the build with its messages,
        // even when the loader has already failed on the same file with a stack trace of its own.
        load: async (context) => {
          try {
            await profiles.load(context);
          } catch (e) {
            await checked();
            throw e;
          }
          await checked();
        },
      }
    : profiles,
  schema: checked ? validatedProfile : await fullSchema(),
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: join(root, 'content/pages') }),
  schema: z.object({
    title: z.string(),
    description: z.string().max(160),
    order: z.number().int(),
  }),
});

export const collections = { mentors, pages };
