import { describe, expect, test } from 'vitest';
// Astro's own Markdown processor (the default `markdown.processor`), set up as astro.config.mjs sets it up: the
// test renders through the same plugins, in the same order, as a site build does.
import { satteri } from '@astrojs/markdown-satteri';
import { sanitizeMarkdown } from '../../src/site/sanitize.ts';

async function renderer(sanitised = true) {
  const processor = satteri();
  if (sanitised) sanitizeMarkdown(processor as never);
  return processor.createRenderer({} as never);
}
const render = async (md: string, sanitised = true) => (await (await renderer(sanitised)).render(md, {} as never)).code.trim();

const HOSTILE: Record<string, string> = {
  script: '<script>alert(1)</script>\n\nText after.',
  'inline script': 'Hello <script>alert(1)</script> there.',
  'img onerror': 'Look <img src="https://tracker.example/x.png" onerror="alert(1)"> here.',
  'img without quotes': '<img src=x onerror=alert(1)>',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  style: '<style>body { display: none }</style>',
  object: '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
  'markdown javascript link': '[click](javascript:alert(1))',
  'entity-encoded javascript link': '[click](&#106;avascript:alert(1))',
  'html javascript link': '<a href="javascript:alert(1)">click</a>',
  'upper-case javascript link': '<a href="JaVaScRiPt:alert(1)">click</a>',
  'tab in scheme': '<a href="java&#9;script:alert(1)">click</a>',
  'vbscript and data links': '[a](vbscript:msgbox(1)) [b](data:text/html;base64,PHNjcmlwdD4=)',
  'reference link': '[click][x]\n\n[x]: javascript:alert(1)',
  autolink: '<javascript:alert(1)>',
  'event on an allowed tag': '<sup onmouseover="alert(1)">2</sup>',
  'style attribute': '<p style="position:fixed;top:0;left:0;width:100%;height:100%">Pay here</p>',
  'form': '<form action="https://evil.example/"><input name="password"><button>Log in</button></form>',
  'svg': '<svg onload="alert(1)"><circle r="5"/></svg>',
  'markdown image': '![pixel](https://tracker.example/x.png)',
  'mailto link': '[write](mailto:ada@example.org)',
  'id clobbering': '<p id="request-link" name="results">x</p>',
  'html block split over lines': '<div\n  onclick="alert(1)">\n\n**bold**\n\n</div>',
};

function expectSafe(html: string) {
  expect(html).not.toMatch(/<script|<iframe|<style|<object|<embed|<form|<svg|<img|<button/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  // Every address is http(s), relative or an anchor.
  for (const m of html.matchAll(/\s(?:href|src|action|data|formaction|xlink:href)=("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
    expect(m[1]!.replace(/^["']|["']$/g, '')).toMatch(/^(?:https?:\/\/|\/|#)/);
  }
  expect(html).not.toMatch(/style="(?!text-align: (?:left|center|right)")/);
  expect(html).not.toMatch(/id="(?!user-content-)/);
}

describe('profile Markdown is sanitised as the site renders it', () => {
  test('without the sanitiser each hostile input would reach the page (so the cases test something)', async () => {
    const r = await renderer(false);
    const unsafe = await Promise.all(Object.entries(HOSTILE).map(async ([name, md]) => [name, (await r.render(md, {} as never)).code] as const));
    expect(unsafe.filter(([, html]) => {
      try {
        expectSafe(html);
        return true;
      } catch {
        return false;
      }
    }).map(([name]) => name)).toEqual([]);
  });

  test.each(Object.entries(HOSTILE))('%s', async (_, md) => {
    expectSafe(await render(md));
  });

  test('raw HTML reaches the sanitiser as elements: <script> goes with its content, harmless text stays', async () => {
    expect(await render('<script>alert(1)</script>\n\nText after.')).toBe('<p>Text after.</p>');
    expect(await render('Hello <script>alert(1)</script> there.')).toBe('<p>Hello  there.</p>');
    expect(await render('<style>body { display: none }</style>')).toBe('');
    expect(await render('<div>Kept as text</div>')).toBe('Kept as text');
  });

  test('links keep http(s) and relative addresses and lose unsafe ones; images are removed', async () => {
    expect(await render('[site](https://example.org/a) [rel](/x/) [anchor](#top) [bad](javascript:alert(1))')).toBe(
      '<p><a href="https://example.org/a">site</a> <a href="/x/">rel</a> <a href="#top">anchor</a> <a>bad</a></p>',
    );
    expect(await render('Before ![pixel](https://tracker.example/x.png) after')).toBe('<p>Before  after</p>');
    expect(await render('[write](mailto:ada@example.org)')).toBe('<p><a>write</a></p>');
  });

  test('what a profile legitimately writes comes through: headings, lists, emphasis, code, quotes, tables, footnotes', async () => {
    const md = [
      '## About me',
      '',
      'I *love* **maths** and ~~old~~ `code`.<br>New line, x<sup>2</sup>, H<sub>2</sub>O, <kbd>Ctrl</kbd>.',
      '',
      '- one',
      '- [x] done',
      '',
      '> a quote',
      '',
      '| a | b |',
      '|:-|-:|',
      '| 1 | 2 |',
      '',
      '```',
      '<script>shown as code</script>',
      '```',
      '',
      'A note[^1].',
      '',
      '[^1]: The note.',
    ].join('\n');
    const html = await render(md);
    expect(html).toContain('<h2 id="about-me">About me</h2>');
    expect(html).toContain('I <em>love</em> <strong>maths</strong> and <del>old</del> <code>code</code>.<br>New line, x<sup>2</sup>, H<sub>2</sub>O, <kbd>Ctrl</kbd>.');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<input type="checkbox" checked disabled> done');
    expect(html).toContain('<blockquote>\n<p>a quote</p>\n</blockquote>');
    expect(html).toContain('<th style="text-align: left">a</th>');
    expect(html).toContain('<td style="text-align: right">2</td>');
    expect(html).toContain('&lt;script&gt;shown as code&lt;/script&gt;');
    // Footnote links and their targets agree (one prefix, not two).
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).not.toMatch(/<script/);
  });

  test('a body without raw HTML is sanitised link by link, with the same outcome', async () => {
    expect(await render('[a](javascript:alert(1)) and [b](https://example.org/)')).toBe('<p><a>a</a> and <a href="https://example.org/">b</a></p>');
    expect(await render('<br>[a](javascript:alert(1)) and [b](https://example.org/)')).toBe('<p><br><a>a</a> and <a href="https://example.org/">b</a></p>');
  });

  test('plugins and features another integration adds later still apply, to bodies with and without raw HTML', async () => {
    const processor = satteri();
    sanitizeMarkdown(processor as never);
    // As an integration's config hook would, after mentorkit's: the renderer is made when the content layer needs it.
    processor.options.hastPlugins.push({ name: 'mark', element: { filter: ['p'], visit: (node: { properties: object }, ctx: { replaceNode(a: unknown, b: unknown): void }) => ctx.replaceNode(node, { ...node, properties: { ...node.properties, id: 'marked' } }) } } as never);
    processor.options.features.smartPunctuation = false;
    const r = await processor.createRenderer({} as never);
    expect((await r.render('"Plain" text', {} as never)).code.trim()).toBe('<p id="marked">"Plain" text</p>');
    // The sanitiser runs last, so what other plugins add is sanitised too: the id gets the user-content- prefix.
    expect((await r.render('"Raw" <b>text</b><script>x</script>', {} as never)).code.trim()).toBe('<p id="user-content-marked">"Raw" <b>text</b></p>');
  });

  test('refuses a processor it cannot put the sanitiser into, so no build publishes unsanitised profiles', () => {
    expect(() => sanitizeMarkdown({ name: 'unified', options: {}, createRenderer: async () => ({ render: async () => ({ code: '' }) }) } as never)).toThrow(/markdown\.processor is "unified"/);
  });
});
