#!/usr/bin/env node
// npm run bundle: build the bot into the committed action bundle (.github/actions/mentor-bot/dist/index.mjs).
import { build, type BuildOptions } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const BUNDLE = resolve(ROOT, '.github/actions/mentor-bot/dist/index.mjs');

export const options: BuildOptions = {
  absWorkingDir: ROOT,
  entryPoints: ['src/bot/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
  // CommonJS dependencies call require() for Node built-ins; give the ESM bundle a real one.
  banner: { js: "import { createRequire as __mkRequire } from 'node:module';\nconst require = __mkRequire(import.meta.url);" },
  write: false,
};

/** The bundle's text, exactly as it would be written. */
export async function bundleText(): Promise<string> {
  const result = await build(options);
  return result.outputFiles![0]!.text;
}

if (import.meta.main) {
  const text = await bundleText();
  mkdirSync(dirname(BUNDLE), { recursive: true });
  writeFileSync(BUNDLE, text);
  console.log(`wrote ${BUNDLE} (${(text.length / 1024).toFixed(0)} KiB)`);
}
