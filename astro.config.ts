import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { loadContent } from './src/files/content.ts';
import { contentRoot } from './src/files/root.ts';
import { formatDiagnostic } from './src/core/diagnostics.ts';
import { markValidatedForBuild } from './src/files/prevalidated.ts';
import { loadStatus, statusBuildLine } from './src/files/status.ts';

// Validate before Astro starts: a committee member gets `file:line: field: message`
// lines, the same as `npm run validate`, instead of a stack trace from the content layer.
const root = contentRoot();
const content = loadContent(root);
if (content.diagnostics.length > 0 || !content.program) {
  for (const d of content.diagnostics) console.error(formatDiagnostic(d));
  console.error(`\nThe site was not built: ${content.diagnostics.length} problem(s) in program.yml or content/mentors. Fix them, or run npm run validate to check again.`);
  process.exit(1);
}
const program = content.program;
// Slots and response times come from npm run sync's snapshot; without one the directory shows profiles only, and says so.
const status = loadStatus(root);
(status.status ? console.log : console.warn)(statusBuildLine(status));

export default defineConfig({
  site: program.site.url,
  base: program.site.base,
  trailingSlash: 'always',
  outDir: process.env.MENTORKIT_OUT ?? './dist',
  integrations: [
    mdx(),
    sitemap(),
    {
      // Runs before the content layer loads: a build need not check the profiles a second time.
      name: 'mentorkit:validated-content',
      hooks: { 'astro:config:setup': ({ command }) => { if (command === 'build') markValidatedForBuild(root); } },
    },
  ],
  // Render up to four pages at a time. One at a time, the main thread sits idle while each page's
  // folder and file are written (about 70% of the static-generation phase at 10k pages, by CPU profile);
  // with four in flight it renders the next pages meanwhile. The bench's bare Astro baseline reads this
  // number and uses it too, so the comparison stays fair (see docs/performance.md).
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
});
