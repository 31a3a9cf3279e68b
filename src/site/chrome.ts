import type { Program } from '../core/program.ts';
import { reportLink } from '../core/safety.ts';
import { memo } from '../core/memo.ts';
import { html, attr, type Html } from './html.ts';

/**
 * The header and footer every page shares, as HTML text (src/site/html.ts says why). They differ only in which
 * link is marked as the current page, so each variant is made once per build: a mentor page is none of the links,
 * and 10,000 of them share one header and one footer.
 */

export interface ChromeInput {
  program: Program;
  /** Program pages in menu order (the collection's entries: the id is the path). */
  pages: readonly { id: string; data: { title: string } }[];
  /** The site's base path, ending in a slash. */
  base: string;
  /** The path of the page being built. */
  here: string;
}

export interface Chrome {
  header: Html;
  footer: Html;
}

const built = new WeakMap<object, Map<string, Chrome>>();

export function chrome(input: ChromeInput): Chrome {
  const { program, pages, base, here } = input;
  const links = [base, `${base}match/`, ...pages.map((pg) => `${base}${pg.id}/`), `${base}status/`, `${base}stats/`, `${base}report/`];
  // Keyed by the page list too: in dev, pages change while the server runs.
  const variants = memo(built, pages, () => new Map<string, Chrome>());
  return memo(variants, `${program.name}\n${base}\n${links.includes(here) ? here : ''}`, () => make(input));
}

function make({ program: p, pages, base, here }: ChromeInput): Chrome {
  const current = (href: string) => attr('aria-current', here === href ? 'page' : undefined);
  const link = (href: string, text: string) => html`<a href="${href}"${current(href)}>${text}</a>`;
  const header = html`<header class="site-header"><div class="wrap header-inner"><a class="brand" href="${base}">${p.name}</a><nav aria-label="Main"><ul>${[
    html`<li>${link(base, 'Mentors')}</li>`,
    html`<li>${link(`${base}match/`, 'Find mentors for me')}</li>`,
    pages.map((pg) => html`<li>${link(`${base}${pg.id}/`, pg.data.title)}</li>`),
  ]}</ul></nav></div></header>`;
  const footer = html`<footer class="site-footer"><div class="wrap"><p>${p.name} runs on GitHub with <a href="https://github.com/mentorkit/mentorkit">mentorkit</a>. ${link(`${base}status/`, 'Program status')} · ${link(`${base}stats/`, 'Statistics')} · <a href="${`${base}code-of-conduct/`}">Code of Conduct</a> · <a href="${reportLink(p)}" id="report-a-concern">Report a concern</a> (${link(`${base}report/`, 'who reads reports')})</p></div></footer>`;
  return { header, footer };
}
