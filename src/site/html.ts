import { escapeHtml } from './card.ts';

/**
 * HTML built as text, for the parts of a page that repeat on every one of 10,000 mentor pages. Astro renders each
 * expression and element of a template through its own async machinery, which made a mentor page cost about twice
 * what a bare one does (docs/performance.md, sixth pass); one string per part is far cheaper. Escaping is the
 * default, as in an Astro template: a value is escaped unless it is already `Html`.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = Html | string | number | false | null | undefined | readonly HtmlPart[];

function part(v: HtmlPart): string {
  if (v === false || v === null || v === undefined) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  return escapeHtml(String(v));
}

/** A template of trusted markup whose values are escaped (strings, numbers), left out (false, null, undefined) or kept (Html, arrays of parts). */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Markup that is already safe HTML, such as a profile body rendered and sanitised by the content layer. */
export const trusted = (markup: string): Html => new Html(markup);

/** ` name="value"`, or nothing when the value is undefined: as Astro writes an attribute. */
export function attr(name: string, value: string | undefined): Html {
  return new Html(value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`);
}
