import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Element, Root } from 'hast';
import { PROFILE_HTML_TAGS } from '../core/profile-html.ts';

/**
 * What a profile's Markdown may publish. Profiles are written by applicants and copied unchanged into the
 * onboarding pull request; on `<owner>.github.io` every project site shares one origin, so a script in a profile
 * could read what the other project sites keep in the browser. The site therefore renders every profile through
 * rehype-sanitize with this schema: GitHub's (rehype-sanitize's default), narrowed. docs/security.md, "Injection".
 *
 * Astro 7 renders Markdown with Sätteri, not unified: rehype plugins do not run there (markdown.rehypePlugins needs
 * @astrojs/markdown-remark and a slower pipeline). The sanitiser is a Sätteri hast plugin instead, and Sätteri's
 * `rawHtml` feature parses raw HTML into elements before any hast plugin runs, so the sanitiser sees `<script>`
 * as an element, not as an opaque `raw` string it could only drop whole (test/unit/sanitize.test.ts).
 */
const ALIGN = ['style', 'text-align: left', 'text-align: center', 'text-align: right'] as const;
export const profileSchema: NonNullable<Parameters<typeof rehypeSanitize>[0]> = {
  ...defaultSchema,
  // No images (a tracker reads who opens the page), no div or span (nothing to style them with), no picture/source.
  // `input` and `section` stay for what Markdown makes of task lists (a disabled checkbox) and footnotes.
  tagNames: [...PROFILE_HTML_TAGS, 'input', 'section'],
  // Links go to http(s) or stay on the site (relative URLs carry no protocol): no mailto: (profiles hold no
  // contact data, docs/security.md "Privacy checks"), no javascript:, data: or vbscript:.
  protocols: { href: ['http', 'https'], cite: ['http', 'https'] },
  attributes: {
    ...defaultSchema.attributes,
    // Table column alignment, as Markdown writes it; any other style is dropped.
    td: [...(defaultSchema.attributes?.td ?? []), [...ALIGN]],
    th: [...(defaultSchema.attributes?.th ?? []), [...ALIGN]],
  },
  // Removed with their content, which would otherwise show up as text.
  strip: ['script', 'style', 'iframe', 'noscript', 'template', 'textarea', 'select', 'object', 'svg', 'math', 'title'],
};

const PREFIX = 'user-content-';
const CLOBBERED = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'] as const;
const sanitizeTree = rehypeSanitize(profileSchema) as (tree: Root) => Root;

/**
 * The tree, sanitised. Ids and names get the `user-content-` prefix, so a profile can't reuse an id of the page
 * around it; footnotes come out of Markdown with that prefix already, so a doubled prefix is taken back to one.
 */
export function sanitizeProfileTree(tree: Root): Root {
  const clean = sanitizeTree(tree);
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const props: Record<string, unknown> = child.properties;
      for (const key of CLOBBERED) {
        const value = props[key];
        const fix = (v: unknown) => (typeof v === 'string' && v.startsWith(PREFIX + PREFIX) ? v.slice(PREFIX.length) : v);
        if (Array.isArray(value)) props[key] = value.map(fix);
        else if (value !== undefined) props[key] = fix(value);
      }
      visit(child);
    }
  };
  visit(clean);
  return clean;
}

/** A link the schema keeps as it is: only `href` (and a `title`), and the address http(s), relative or a fragment. */
function isPlainLink(node: Readonly<Element>): boolean {
  const { href, title, ...rest } = node.properties as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || (title !== undefined && typeof title !== 'string') || typeof href !== 'string') return false;
  // The fragment gets the user-content- prefix from the sanitiser; a scheme must be http(s); anything else may
  // hide a scheme behind characters the browser ignores, so it goes through the sanitiser.
  return /^https?:\/\/[^\s]*$/i.test(href) || /^(?:\.{0,2}\/)?[A-Za-z0-9._~!$&'()*+,;=@%/-]*(?:\?[^\s#]*)?$/.test(href);
}

/** The Sätteri hast plugin interface, the part used here (the package is Astro's, not one of ours). */
interface HastContext {
  readonly source: string;
  replaceNode(node: unknown, replacement: unknown): void;
}
export interface SanitizePlugin {
  name: string;
  element: { filter: string[]; visit(node: Readonly<Element>, ctx: HastContext): void };
  after(root: Readonly<Root>, ctx: HastContext): void;
}

/**
 * The sanitiser as a Sätteri hast plugin. Raw HTML can only come from a `<` in the Markdown (entities such as
 * `&lt;` are text), so a body without one is sanitised element by element, links and images only: those are the
 * elements whose addresses the author writes. Handing the whole tree to JavaScript costs 0.2 ms a profile, 2 s
 * of a 10,000-mentor build, and is done only for a body with a `<` (docs/performance.md).
 */
export function sanitizePlugin(): SanitizePlugin {
  return {
    name: 'mentorkit:sanitize',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        if (ctx.source.includes('<')) return; // the whole tree is sanitised after the visitors
        // Most links are plain http(s) or relative ones with the attributes Markdown gives them: nothing to change,
        // and no sanitiser run (it costs more than the rest of rendering a profile's links).
        if (node.tagName === 'a' && isPlainLink(node)) return;
        ctx.replaceNode(node, sanitizeProfileTree({ type: 'root', children: [node as Element] }).children);
      },
    },
    after(root, ctx) {
      if (ctx.source.includes('<')) ctx.replaceNode(root, sanitizeProfileTree(root as Root));
    },
  };
}

/** A Markdown processor as Astro's config holds it (`markdown.processor`), the part that is changed here. */
interface MarkdownProcessor {
  name: string;
  options: { hastPlugins?: unknown[]; features?: Record<string, unknown> };
}

/**
 * Put the sanitiser into the Markdown processor that renders the profiles (`.md`; the committee's `.mdx` pages
 * have their own processor, see astro.config.mjs). Throws, and so stops the build, if the processor is not Astro's
 * Sätteri one: a different processor would run none of this, and profiles would be published unsanitised.
 */
export function sanitizeMarkdown(processor: MarkdownProcessor): void {
  if (processor.name !== 'satteri' || !processor.options.hastPlugins || !processor.options.features) {
    throw new Error(
      `mentorkit sanitises profiles with a Sätteri hast plugin, but markdown.processor is "${processor.name}"; remove markdown.processor from astro.config.mjs, or sanitise profiles in that processor instead (src/site/sanitize.ts)`,
    );
  }
  // Parse raw HTML into elements before the hast plugins run, so <br> and <sup> survive and the rest is judged
  // tag by tag instead of dropped whole.
  processor.options.features.rawHtml = true;
  processor.options.hastPlugins.push(sanitizePlugin());
}
