import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { join } from 'node:path';
import { makeProfileSchema } from './core/profile.ts';
import { loadProgram } from './files/content.ts';
import { isValidatedForBuild, validatedProfile } from './files/prevalidated.ts';
import { contentRoot } from './files/root.ts';

const root = contentRoot();
const { program } = loadProgram(root);
if (!program) throw new Error('program.yml is invalid; run npm run validate');

const mentors = defineCollection({
  loader: glob({ pattern: '*.md', base: join(root, 'content/mentors') }),
  // A build has already validated every profile (astro.config.ts); dev and sync check them here.
  schema: isValidatedForBuild(root) ? validatedProfile : makeProfileSchema(program),
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
