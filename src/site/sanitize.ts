import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Element, Root } from 'hast';
import { satteri } from '@astrojs/markdown-satteri';
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
  replaceNode(node: unknown, replacement: unknown): void;
}
export interface SanitizePlugin {
  name: string;
  element?: { filter: string[]; visit(node: Readonly<Element>, ctx: HastContext): void };
  after?(root: Readonly<Root>, ctx: HastContext): void;
}

/**
 * For a body without a `<`, which can hold no raw HTML (entities such as `&lt;` are text): only links and images
 * are sanitised, element by element, as those are the elements whose addresses the author writes. Handing the whole
 * tree to JavaScript costs 0.2 ms a profile, 2 s of a 10,000-mentor build (docs/performance.md).
 */
export function sanitizeLinksPlugin(): SanitizePlugin {
  return {
    name: 'mentorkit:sanitize-links',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        // Most links are plain http(s) or relative ones with the attributes Markdown gives them: nothing to change,
        // and no sanitiser run (it costs more than the rest of rendering a profile's links).
        if (node.tagName === 'a' && isPlainLink(node)) return;
        ctx.replaceNode(node, sanitizeProfileTree({ type: 'root', children: [node as Element] }).children);
      },
    },
  };
}

/** For a body with a `<`: the whole tree, raw HTML parsed into elements first (Sätteri's `rawHtml`). */
export function sanitizeTreePlugin(): SanitizePlugin {
  return {
    name: 'mentorkit:sanitize-tree',
    after(root, ctx) {
      ctx.replaceNode(root, sanitizeProfileTree(root as Root));
    },
  };
}

type Shared = Parameters<ReturnType<typeof satteri>['createRenderer']>[0];
type Renderer = Awaited<ReturnType<ReturnType<typeof satteri>['createRenderer']>>;

/** A Markdown processor as Astro's config holds it (`markdown.processor`), the part that is changed here. */
interface MarkdownProcessor {
  name: string;
  options: { mdastPlugins?: unknown[]; hastPlugins?: unknown[]; features?: Record<string, unknown> };
  createRenderer(shared: Shared): Promise<Renderer>;
}

/**
 * Make the Markdown processor that renders the profiles (`.md`; the committee's `.mdx` pages have their own, see
 * astro.config.mjs) sanitise what it renders. It becomes two Sätteri renderers with the processor's own plugins and
 * features: one for bodies with a `<`, which parses raw HTML into elements (so `<br>` and `<sup>` survive and the
 * rest is judged tag by tag instead of dropped whole) and sanitises the whole tree; one for the rest, which checks
 * links and images only. Parsing raw HTML and visiting the whole tree cost 0.3 s of a 10,000-profile build without
 * a single `<` in them (docs/performance.md, sixth pass). Throws, and so stops the build, if the processor is not
 * Astro's Sätteri one: a different processor would run none of this, and profiles would be published unsanitised.
 */
export function sanitizeMarkdown(processor: MarkdownProcessor): void {
  const { options } = processor;
  if (processor.name !== 'satteri' || !options.hastPlugins || !options.features) {
    throw new Error(
      `mentorkit sanitises profiles with a Sätteri hast plugin, but markdown.processor is "${processor.name}"; remove markdown.processor from astro.config.mjs, or sanitise profiles in that processor instead (src/site/sanitize.ts)`,
    );
  }
  // Read when the renderer is made, not now: integrations may still add plugins after this one.
  const variant = (plugin: SanitizePlugin, rawHtml: boolean, shared: Shared) =>
    satteri({
      mdastPlugins: [...(options.mdastPlugins ?? [])],
      hastPlugins: [...(options.hastPlugins ?? []), plugin],
      features: { ...options.features, rawHtml },
    } as never).createRenderer(shared);
  processor.createRenderer = async (shared) => {
    const [links, tree] = await Promise.all([variant(sanitizeLinksPlugin(), false, shared), variant(sanitizeTreePlugin(), true, shared)]);
    return { render: (content, opts) => (content.includes('<') ? tree : links).render(content, opts) };
  };
}
