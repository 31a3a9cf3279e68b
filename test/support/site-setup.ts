import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site.ts';
import { serveStatic } from './static-server.ts';
import { loadProgram } from '../../src/files/content.ts';
import { sampleStatus } from './status-fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/**
 * Build the sample site once and serve it for every browser test: the repository's program.yml and content, plus
 * a data/status.json made up for those profiles (status-fixture.ts), so slots, the status console and the
 * statistics are built too.
 */
export default async function setup(project: TestProject) {
  const out = mkdtempSync(join(tmpdir(), 'mentorkit-site-'));
  const root = mkdtempSync(join(tmpdir(), 'mentorkit-root-'));
  cpSync(join(process.cwd(), 'program.yml'), join(root, 'program.yml'));
  cpSync(join(process.cwd(), 'content'), join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data/status.json'), `${JSON.stringify(sampleStatus(process.cwd()), null, 2)}\n`);
  const built = buildSite(out, root, { silent: false });
  if (built.status !== 0) throw new Error(`astro build failed:\n${built.stdout}\n${built.stderr}`);
  // What a committee member sees on every build: a warning there is a defect even when the site comes out right.
  const warnings = `${built.stdout}\n${built.stderr}`.split('\n').filter((line) => /\[WARN\]/.test(line));
  if (warnings.length) throw new Error(`astro build of the sample site printed warnings:\n${warnings.join('\n')}`);
  const { program } = loadProgram(process.cwd());
  const server = await serveStatic(out, program!.site.base);
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
    rmSync(out, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  };
}
