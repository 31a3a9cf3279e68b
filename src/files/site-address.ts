import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { SITE_BASE } from '../core/site-address.ts';

/**
 * The site's address from program.yml, read without the program schema: Astro's config needs it when it loads,
 * and loading the schema and its modules on the main thread held up Astro's start by a third of a second. The
 * whole file is checked in the worker thread meanwhile (src/files/content-check.ts), and whatever is wrong here
 * is reported there with its line; until then an address that would not pass is left out rather than guessed.
 * astro.config.mjs compares this with the checked program before anything is built.
 */
export interface SiteAddress {
  url?: string;
  base: string;
}

export function readSiteAddress(root: string): SiteAddress {
  const path = join(root, 'program.yml');
  let site: unknown;
  try {
    site = existsSync(path) ? (load(readFileSync(path, 'utf8')) as { site?: unknown } | null)?.site : undefined;
  } catch {
    // Not YAML: the check reports it.
  }
  const { url, base } = (site && typeof site === 'object' ? site : {}) as Record<string, unknown>;
  return {
    ...(typeof url === 'string' && isHttpUrl(url) ? { url } : {}),
    base: typeof base === 'string' && SITE_BASE.test(base) ? base : '/',
  };
}

function isHttpUrl(s: string): boolean {
  return /^https?:$/.test(URL.parse(s)?.protocol ?? '');
}
