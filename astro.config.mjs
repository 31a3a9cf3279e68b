// @ts-check
// A .mjs file, not .ts: Astro imports a JavaScript config with Node directly, while a TypeScript one goes through a
// Vite dev server created for the purpose, whose module hooks slowed every import the config makes (1.5 s of a
// 1,000-mentor build, docs/performance.md). Node runs the .ts modules imported here itself (type stripping), and
// tsc checks this file (@ts-check, tsconfig.json).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProfilesInWorker, stopOnProblems } from './src/files/content-check.ts';
import { contentRoot } from './src/files/root.ts';
import { shareProgram } from './src/files/shared-program.ts';
import { markCheckedForBuild } from './src/files/prevalidated.ts';
import { sanitizeMarkdown } from './src/site/sanitize.ts';
import { sitemapFiles } from './src/site/sitemap.ts';
import { readSiteAddress } from './src/files/site-address.ts';

// Bad content stops the build before Astro reads it: a committee member gets `file:line: field: message` lines,
// the same as `npm run validate`, instead of a stack trace from the content layer. program.yml and the profiles
// are checked in a worker thread while Astro starts up (src/files/content-check.ts), and every command waits for
// that check before anything reads a profile or the program (the hooks below). Only the site's address is needed
// now, and it is read without the schema.
const root = contentRoot();
// Astro's content cache (data-store.json) reuses an entry whose id and text come back unchanged together with the
// file it was first read from, and imports an .mdx page from there, even when that was another folder. Content
// outside the repository (MENTORKIT_ROOT, as the tests use it) therefore gets a cache of its own, kept with it:
// otherwise a build could import the pages of a folder deleted since.
/** @param {string} a @param {string} b */
const sameFolder = (a, b) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
};
const ownCache = sameFolder(root, fileURLToPath(new URL('.', import.meta.url))) ? undefined : join(root, '.astro-cache/');
const site = readSiteAddress(root);
const check = checkProfilesInWorker(root);
// One promise for every caller (the loader, build:start, config:setup): the program is shared and the status line
// printed once, and no caller goes on before that is done.
let ready;
const profilesChecked = () =>
  (ready ??= (async () => {
    const { program, status } = await stopOnProblems(check);
    if (program.site.url !== site.url || program.site.base !== site.base) {
      console.error(`program.yml: site: the checked address (${program.site.url ?? 'no url'}, base ${program.site.base}) is not the one the site was set up with (${site.url ?? 'no url'}, base ${site.base}); please report this as a mentorkit bug.`);
      process.exit(1);
    }
    // Slots and response times come from npm run sync's snapshot; without one the directory shows profiles only, and says so.
    shareProgram(root, program, status.file);
    (status.file ? console.log : console.warn)(status.line);
  })());

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  outDir: process.env.MENTORKIT_OUT ?? './dist',
  ...(ownCache ? { cacheDir: ownCache } : {}),
  integrations: [
    // The committee's .mdx pages use components and HTML and are not sanitised: they get Astro's default processor
    // rather than the Markdown one below, which sanitises the profiles.
    mdx({ extendMarkdownConfig: false }),
    {
      // Every page but the 404, for search engines (src/site/sitemap.ts says why not @astrojs/sitemap). Without
      // site.url in program.yml there is no address to list, and no sitemap.
      name: 'mentorkit:sitemap',
      hooks: {
        'astro:build:done': ({ dir, pages }) => {
          if (!site.url) return;
          const siteRoot = new URL(site.base, site.url).href;
          for (const f of sitemapFiles(pages.map((pg) => pg.pathname), siteRoot)) writeFileSync(fileURLToPath(new URL(f.name, dir)), f.xml);
        },
      },
    },
    {
      // Every profile body is sanitised as it is rendered: applicants write it, and on <owner>.github.io a script
      // in it would run on the origin all the owner's project sites share (src/site/sanitize.ts, docs/security.md).
      name: 'mentorkit:sanitize-profiles',
      hooks: { 'astro:config:setup': ({ config }) => sanitizeMarkdown(config.markdown.processor) },
    },
    {
      name: 'mentorkit:checked-content',
      hooks: {
        // A build waits in the mentors collection's loader, the last moment before a profile is read, so the
        // check overlaps Vite's start and the loading of the content config; and once more before pages are
        // built, in case the content layer had nothing to load. Other commands (dev, sync, preview) wait here,
        // before anything else.
        'astro:config:setup': async ({ command }) => {
          if (command === 'build') markCheckedForBuild(root, profilesChecked);
          else await profilesChecked();
        },
        'astro:build:start': profilesChecked,
      },
    },
  ],
  // Render up to four pages at a time. One at a time, the main thread sits idle while each page's
  // folder and file are written (about 70% of the static-generation phase at 10k pages, by CPU profile);
  // with four in flight it renders the next pages meanwhile. The bench's bare Astro baseline reads this
  // number and uses it too, so the comparison stays fair (see docs/performance.md).
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Every build warned four times that the "use astro:head-inject" directive Astro adds to .mdx pages "may not
        // be preserved when bundling". Astro reads that directive before bundling, so it is harmless, and Astro
        // means to drop the warning (withastro/astro#18087); a committee member should not see it on every build.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
});
