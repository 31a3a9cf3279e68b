/**
 * HTML and unsafe links in a profile's Markdown body. The site sanitises every profile as it renders it
 * (src/site/sanitize.ts), so nothing here is the guard; this check tells the author and the reviewer, before the
 * merge, what the site would remove, instead of letting it vanish silently. docs/security.md, "Injection", lists
 * what is kept, what is removed and why.
 */

/**
 * Tags a profile may write as HTML: they are harmless and the site keeps them (the sanitiser's schema is built from
 * this list). Markdown makes most of them itself; `<br>`, `<sup>`, `<sub>`, `<kbd>` and `<details>` have no
 * Markdown spelling. Their attributes are cut down to the sanitiser's list; `on…=` and unsafe links are reported.
 */
export const PROFILE_HTML_TAGS: readonly string[] = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'ol', 'p', 'pre', 'q', 's', 'samp',
  'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'ul', 'var',
];
const KEPT = new Set(PROFILE_HTML_TAGS);

/** Tags that run code, load or embed something, restyle the page or collect input. */
const SCRIPTISH = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link', 'meta', 'base', 'template',
  'noscript', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'option', 'portal',
]);
/** Tags that load a file from wherever their address points. */
const MEDIA = new Set(['img', 'picture', 'source', 'video', 'audio', 'track', 'image']);
const UNSAFE_SCHEMES = ['javascript', 'vbscript', 'data'] as const;

export type HtmlFindingKind = 'script' | 'event' | 'scheme' | 'image' | 'tag';

export interface HtmlFinding {
  /** 1-based line within the scanned text. */
  line: number;
  kind: HtmlFindingKind;
  /** The tag (`<iframe>`), attribute (`onerror=`) or scheme (`javascript:`) found. */
  what: string;
}

const FIX = 'use Markdown instead of HTML; the site removes HTML';

/** A finding as the message of a diagnostic: what it is, why it matters, how to fix it. */
export function htmlMessage(f: HtmlFinding): string {
  switch (f.kind) {
    case 'script':
      return `raw HTML ${f.what} is not allowed in a profile: it could run code, load another page or restyle the site; ${FIX}`;
    case 'event':
      return `raw HTML with an ${f.what} attribute is not allowed in a profile: it runs code in the visitor's browser; ${FIX}`;
    case 'scheme':
      return `a ${f.what} link is not allowed in a profile: it could run code or hide content; link to an https:// address instead (the site removes such links)`;
    case 'image':
      return `${f.what} is not published: an image in a profile's text would load from another site, which then learns who reads the profile; put your picture in the avatar field, or link to the image instead (the site removes images)`;
    case 'tag':
      return `raw HTML ${f.what} is removed from the published page (its text stays); ${FIX}`;
  }
}

// Only a body with one of these can hold a finding; most profiles have none, and skip the line scan.
const PREFILTER = /<[A-Za-z/]|!\[|&#|&[A-Za-z]+;|(?:script|data)[\t\n\r]*:/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CODE_SPAN = /(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)([^<>]*)(>?)/g;
const EVENT_ATTR = /(?:^|[\s/"'])on([a-z]+)\s*=/gi;
const IMAGE_MD = /!\[[^\]]*\]\s*[([]/;
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", lpar: '(', rpar: ')' };
const SCHEME = new RegExp(
  // Where a link's address starts (an inline link, a definition, an autolink, an attribute value), then the scheme,
  // letters apart by the tabs and line breaks that browsers drop inside an address.
  String.raw`(?:\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|<|=\s*["']?)\s*(` +
    UNSAFE_SCHEMES.map((s) => [...s].join('[\\t\\n\\r]*')).join('|') +
    String.raw`)[\t\n\r]*:`,
  'gi',
);

/** Numeric and the usual named character references, as Markdown and browsers read them in an address. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&#(?:x([0-9a-f]+)|(\d+));?|&([a-z]+);/gi, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? m;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

/**
 * Raw HTML tags, `on…=` attributes, unsafe link schemes and images in a Markdown body, line by line. Text in code
 * spans, fenced code blocks and HTML comments is not HTML (or not published) and is left alone; `<br>`, `<sup>` and
 * the other tags of PROFILE_HTML_TAGS are allowed.
 */
export function findProfileHtml(text: string): HtmlFinding[] {
  if (!PREFILTER.test(text)) return [];
  const findings: HtmlFinding[] = [];
  const seen = new Set<string>();
  const add = (line: number, kind: HtmlFindingKind, what: string) => {
    const key = `${line}\0${kind}\0${what}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ line, kind, what });
  };
  // Comments may span lines: blank them (keeping the line breaks) before the line scan.
  const lines = text.replace(COMMENT, (m) => m.replace(/[^\n]/g, ' ')).split('\n');
  // Whether a tag has opened yet: `on…=` in prose before any tag is not an attribute.
  const sawTag = /<[A-Za-z]/.test(text);
  let fence: string | undefined;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const opening = FENCE.exec(raw);
    if (fence !== undefined) {
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && raw.trim() === opening[1]) fence = undefined;
      return;
    }
    if (opening) {
      fence = opening[1]!;
      return;
    }
    const rest = raw.replace(CODE_SPAN, (m) => ' '.repeat(m.length));
    if (!PREFILTER.test(rest)) return;
    if (IMAGE_MD.test(rest)) add(line, 'image', 'an image');
    const decoded = decodeEntities(rest);
    for (const m of decoded.matchAll(SCHEME)) add(line, 'scheme', `${m[1]!.replace(/[\t\n\r]/g, '').toLowerCase()}:`);
    for (const m of decoded.matchAll(TAG)) {
      const [, close, rawName, , end] = m;
      const name = rawName!.toLowerCase();
      // `<y and more` without a closing `>` is prose, not a tag, unless it names a tag that must never get through.
      if (!end && !SCRIPTISH.has(name) && !MEDIA.has(name)) continue;
      if (SCRIPTISH.has(name)) add(line, 'script', `<${name}>`);
      else if (MEDIA.has(name)) add(line, 'image', `an HTML <${name}>`);
      else if (!KEPT.has(name) && !close) add(line, 'tag', `<${name}>`);
    }
    // Anywhere on the line, not only inside a tag found above: a tag's attributes may run over several lines.
    if (sawTag) for (const a of decoded.matchAll(EVENT_ATTR)) add(line, 'event', `on${a[1]!.toLowerCase()}=`);
  });
  return findings;
}
