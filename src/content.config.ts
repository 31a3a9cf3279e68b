import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { join } from 'node:path';
import { makeProfileSchema } from './core/profile.ts';
import { loadProgram } from './files/content.ts';
import { buildCheck, validatedProfile } from './files/prevalidated.ts';
import { contentRoot } from './files/root.ts';

const root = contentRoot();
const { program } = loadProgram(root);
if (!program) throw new Error('program.yml is invalid; run npm run validate');

const profiles = glob({ pattern: '*.md', base: join(root, 'content/mentors') });
// A build checks every profile in a worker thread (astro.config.mjs): the loader waits for that check, which stops
// the build with `file:line` messages on a problem, before it reads a file, and the collection then uses a light
// schema instead of checking the same data twice. Dev and sync check the profiles here, with the full schema.
const checked = buildCheck(root);
const mentors = defineCollection({
  loader: checked
    ? {
        ...profiles,
        load: async (context) => {
          await checked();
          return profiles.load(context);
        },
      }
    : profiles,
  schema: checked ? validatedProfile : makeProfileSchema(program),
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
