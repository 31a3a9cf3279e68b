import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { serveStatic } from './static-server.ts';
import { loadProgram } from '../../src/files/content.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Build the sample site once and serve it for every browser test. */
export default async function setup(project: TestProject) {
  const out = mkdtempSync(join(tmpdir(), 'mentorkit-site-'));
  const built = buildSite(out);
  if (built.status !== 0) throw new Error(`astro build failed:\n${built.stdout}\n${built.stderr}`);
  const { program } = loadProgram(process.cwd());
  const server = await serveStatic(out, program!.site.base);
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  };
}
