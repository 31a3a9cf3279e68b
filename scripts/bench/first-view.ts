import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The home page's first view: what a browser downloads before the visitor does
 * anything.
 *
 * Counted:
 * - index.html itself;
 * - <link rel="stylesheet">, rel="modulepreload", rel="preload" (any `as`) and
 *   rel="icon" (browsers request the favicon on load);
 * - <script src> (module or classic; `nomodule` scripts are skipped, as modern
 *   browsers skip them) and the static imports of inline module scripts;
 * - <img src> and url() in <style> blocks and style attributes (lazy images are
 *   counted too: a bound, since the first cards are in the viewport);
 * - inside each CSS file, @import and url() targets (fonts, images; counted
 *   even if a rule ends up unused: again a bound);
 * - inside each JS module, its static imports (`import … from "x"`,
 *   `import "x"`, `export … from "x"`), recursively: the browser fetches those
 *   before the module runs.
 *
 * Not counted: dynamic `import()` chunks (and Vite's __vitePreload dependency
 * lists, which are fetched together with them), fetch() calls the script makes
 * on interaction (search-index.json, cards/*.json), rel="prefetch", canonical,
 * sitemap and other non-fetching links, and cross-origin resources (listed as
 * "external": their size is not ours to measure).
 *
 * Each file is gzipped on its own at level 9, as a server compresses each
 * response, and the sizes are summed.
 */

export interface FirstViewFile {
  path: string;
  via: string;
  raw: number;
  gzip: number;
}

export interface FirstView {
  files: FirstViewFile[];
  raw: number;
  gzip: number;
  external: string[];
  missing: string[];
}

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/** Static import specifiers of an ES module; `import(` (dynamic) and `import.meta` do not match. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"'\n]+)["']/g)) out.push(m[1]!);
  return out;
}

function cssRefs(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) out.push(m[1]!);
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    const u = m[1] ?? m[2] ?? m[3] ?? '';
    if (u && !u.startsWith('data:') && !u.startsWith('#')) out.push(u);
  }
  return out;
}

export function measureFirstView(distDir: string, base: string, site?: string): FirstView {
  const origin = new URL(site ?? 'https://first-view.invalid');
  const pageUrl = new URL(base, origin);
  const files: FirstViewFile[] = [];
  const seen = new Set<string>();
  const external: string[] = [];
  const missing: string[] = [];

  const toFile = (url: URL): string | undefined => {
    if (url.origin !== origin.origin || !url.pathname.startsWith(base)) return undefined;
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    return join(distDir, rel);
  };

  const visit = (ref: string, from: URL, via: string) => {
    let url: URL;
    try {
      url = new URL(ref, from);
    } catch {
      return;
    }
    if (url.protocol === 'data:') return;
    url.hash = '';
    const key = url.href;
    if (seen.has(key)) return;
    seen.add(key);
    const file = toFile(url);
    if (!file) {
      external.push(key);
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      missing.push(key);
      return;
    }
    const buf = readFileSync(file);
    files.push({ path: file.slice(distDir.length + 1), via, raw: buf.length, gzip: gz(buf) });
    if (/\.css$/i.test(url.pathname)) for (const r of cssRefs(buf.toString('utf8'))) visit(r, url, `css ${url.pathname}`);
    if (/\.m?js$/i.test(url.pathname)) for (const r of staticImports(buf.toString('utf8'))) visit(r, url, `import in ${url.pathname}`);
  };

  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`no index.html in ${distDir}`);
  const html = readFileSync(indexFile);
  seen.add(pageUrl.href);
  files.push({ path: 'index.html', via: 'page', raw: html.length, gzip: gz(html) });
  const text = html.toString('utf8');

  for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
    const a = attrs(m[0]);
    const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
    if (!a.href) continue;
    if (rel.includes('stylesheet') || rel.includes('modulepreload') || rel.includes('preload') || rel.includes('icon')) {
      visit(a.href, pageUrl, `link rel=${a.rel}`);
    }
  }
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const a = attrs(m[1]!);
    if ('nomodule' in a) continue;
    if (a.src) visit(a.src, pageUrl, `script${a.type ? ` type=${a.type}` : ''}`);
    else if (a.type === 'module') for (const r of staticImports(m[2]!)) visit(r, pageUrl, 'inline module import');
  }
  for (const m of text.matchAll(/<img\b[^>]*>/gi)) {
    const a = attrs(m[0]);
    if (a.src) visit(a.src, pageUrl, 'img');
  }
  for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) for (const r of cssRefs(m[1]!)) visit(r, pageUrl, 'inline style');
  for (const m of text.matchAll(/\sstyle="([^"]*)"/gi)) for (const r of cssRefs(m[1]!)) visit(r, pageUrl, 'style attribute');

  return {
    files,
    raw: files.reduce((a, f) => a + f.raw, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
    external,
    missing,
  };
}
