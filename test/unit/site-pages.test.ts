import { describe, expect, test } from 'vitest';
import { html, attr, trusted } from '../../src/site/html.ts';
import { chrome } from '../../src/site/chrome.ts';
import { profileFacts, profileHeader, requestBox, type RequestBoxInput } from '../../src/site/profile-page.ts';
import { labelsFor } from '../../src/site/model.ts';
import { hue } from '../../src/site/card.ts';
import { makeProfileSchema, type Profile } from '../../src/core/profile.ts';
import type { MentorStatus } from '../../src/core/status.ts';
import { repoProgram, validProfile } from '../support/profiles.ts';

const schema = makeProfileSchema(repoProgram);
const profile = (over: Record<string, unknown> = {}): Profile => schema.parse({ ...validProfile(), ...over });
const HOSTILE = `<script>alert("x")</script> & 'quoted'`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;';

describe('html: page markup as text, escaped as an Astro template escapes it', () => {
  test('escapes strings and numbers, leaves out false, null and undefined, and keeps markup and lists of parts', () => {
    expect(html`<p>${HOSTILE}</p>`.value).toBe(`<p>${ESCAPED}</p>`);
    expect(html`<p>${3}${false}${null}${undefined}</p>`.value).toBe('<p>3</p>');
    expect(html`<ul>${['a<b', html`<li>kept</li>`, [trusted('<br>'), 'c&d']]}</ul>`.value).toBe('<ul>a&lt;b<li>kept</li><br>c&amp;d</ul>');
    expect(html`<a href="${'https://x.org/?a=1&b="2"'}">x</a>`.value).toBe('<a href="https://x.org/?a=1&amp;b=&quot;2&quot;">x</a>');
  });

  test('attr writes an escaped attribute, or nothing for undefined', () => {
    expect(attr('title', 'a"b').value).toBe(' title="a&quot;b"');
    expect(attr('aria-current', undefined).value).toBe('');
    expect(`${html`<a${attr('href', '/x/')}>`}`).toBe('<a href="/x/">');
  });
});

describe('chrome: the header and footer every page shares', () => {
  const pages = [
    { id: 'about', data: { title: 'About <us>' } },
    { id: 'guide', data: { title: 'Guide' } },
  ];
  const at = (here: string) => chrome({ program: repoProgram, pages, base: '/kit/', here });

  test('marks the link to the page being built as current, and only that one', () => {
    for (const here of ['/kit/', '/kit/match/', '/kit/about/', '/kit/status/', '/kit/stats/', '/kit/report/']) {
      const { header, footer } = at(here);
      const marked = `${header}${footer}`.match(/<a href="[^"]*" aria-current="page">/g) ?? [];
      expect(marked, here).toEqual([`<a href="${here}" aria-current="page">`]);
    }
    const { header, footer } = at('/kit/mentors/ada/');
    expect(`${header}${footer}`).not.toContain('aria-current');
  });

  test('lists the program pages in the order given, with their titles escaped', () => {
    const { header } = at('/kit/');
    expect(header.value).toContain('<li><a href="/kit/about/">About &lt;us&gt;</a></li><li><a href="/kit/guide/">Guide</a></li></ul>');
    expect(header.value).toContain(`<a class="brand" href="/kit/">${repoProgram.name}</a>`);
  });

  test('the footer links the Code of Conduct and the way to report a concern', () => {
    const { footer } = at('/kit/');
    expect(footer.value).toContain('<a href="/kit/code-of-conduct/">Code of Conduct</a>');
    expect(footer.value).toMatch(/<a href="[^"]+" id="report-a-concern">Report a concern<\/a>/);
  });

  test('pages that are none of the links share one header and footer; a different page list gets its own', () => {
    expect(at('/kit/mentors/ada/')).toBe(at('/kit/mentors/grace/'));
    expect(at('/kit/about/')).not.toBe(at('/kit/mentors/ada/'));
    const other = chrome({ program: repoProgram, pages: [{ id: 'faq', data: { title: 'FAQ' } }], base: '/kit/', here: '/kit/mentors/ada/' });
    expect(other.header.value).toContain('FAQ');
    expect(other.header.value).not.toContain('Guide');
  });
});

describe("a mentor's page around the profile body", () => {
  const box = (over: Partial<RequestBoxInput> & { mentor?: Profile } = {}) =>
    requestBox({ mentor: profile(), slots: undefined, live: undefined, synced: undefined, requestUrl: 'https://github.com/o/r/issues/new?a=1&mentor=ada', base: '/kit/', ...over }).value;
  const live = (over: Partial<MentorStatus> = {}) => ({ lastFreeSlot: null, medianResponseDays: null, ...over }) as MentorStatus;

  test('the header escapes what the applicant wrote and shows initials without an avatar', () => {
    const h = profileHeader(profile({ name: `Ada ${HOSTILE}`, headline: HOSTILE, pronouns: 'she/<her>', avatar: undefined, affiliation: undefined })).value;
    expect(h).toContain(`<h1>Ada ${ESCAPED} <span class="pronouns">(she/&lt;her&gt;)</span></h1><p class="lede">${ESCAPED}</p>`);
    expect(h).toContain(`<span class="avatar avatar-lg avatar-initials" style="--hue:${hue('ada-example')}" aria-hidden="true">A&#39;</span>`);
    expect(h).not.toContain('<script');
    expect(h).not.toContain('affiliation');
    const withAvatar = profileHeader(profile()).value;
    expect(withAvatar).toContain('<img class="avatar avatar-lg" src="https://avatars.example.org/ada.png" alt="" width="96" height="96">');
    expect(withAvatar).toContain('<p class="affiliation">Example Institute</p>');
  });

  test('an open mentor: capacity, end date, request link and how fresh the profile is', () => {
    const b = box();
    expect(b).toContain('<p>Taking up to 2 mentees at a time, until June 30, 2027.</p>');
    expect(b).toContain('<a class="button" id="request-link" href="https://github.com/o/r/issues/new?a=1&amp;mentor=ada">Request mentorship</a>');
    expect(b).toContain('already addressed to Ada Example.');
    expect(b).toContain('<p class="small" id="freshness">Profile last confirmed on October 1, 2026.</p>');
    expect(b).not.toContain('slots-open');
    expect(box({ mentor: profile({ availability: { status: 'open', capacity: 1 } }) })).toContain('<p>Taking up to 1 mentee at a time.</p>');
  });

  test('slots and answer times from the last sync, and the date of that sync', () => {
    const b = box({ slots: { free: 1, capacity: 2 }, live: live({ medianResponseDays: 2.5 }), synced: '2026-11-20' });
    expect(b).toContain('at a time, until June 30, 2027. <span class="badge badge-slots" id="slots-open">1 of 2 slots open</span></p>');
    expect(b).toContain('<p id="response-time">Usually answers within 3 days.</p>');
    expect(b).toContain('Profile last confirmed on October 1, 2026. Slots and answer times as of November 20, 2026.</p>');
  });

  test('a full mentor: no request link, when a slot was last free, and where to look instead', () => {
    const one = box({ mentor: profile({ availability: { status: 'open', capacity: 1 } }), slots: { free: 0, capacity: 1 }, live: live({ lastFreeSlot: '2026-09-01' }) });
    expect(one).toContain('<p class="badge badge-full" id="full-note">Full: their one slot is taken.</p>');
    expect(one).toContain('<p id="last-free">A slot was last free on September 1, 2026. Requests open again when a partnership ends. Meanwhile, <a href="/kit/?slots=free">mentors with a free slot</a>.</p>');
    expect(one).not.toContain('request-link');
    const many = box({ slots: { free: 0, capacity: 3 }, live: live() });
    expect(many).toContain('Full: all 3 slots are taken.');
    expect(many).toContain('<p id="last-free">Requests open again');
  });

  test('a paused mentor takes no requests, whatever the slots say', () => {
    const b = box({ mentor: profile({ availability: { status: 'paused', capacity: 2 } }), slots: { free: 2, capacity: 2 } });
    expect(b).toContain('<p class="badge badge-paused" id="not-taking">Not taking requests right now.</p>');
    expect(b).not.toContain('request-link');
    expect(b).not.toContain('slots-open');
  });

  test('the facts list: labels from program.yml, time zone, terms, links and GitHub', () => {
    const f = profileFacts(profile({ links: [{ label: 'Blog <b>', url: 'https://example.org/?a=1&b=2' }] }), labelsFor(repoProgram)).value;
    const label = (kind: 'language' | 'topic', id: string) => labelsFor(repoProgram)[kind](id);
    expect(f).toContain(`<dt>Location</dt><dd>Berlin, Germany (Europe/Berlin)</dd>`);
    expect(f).toContain(`<dt>Languages</dt><dd>${label('language', 'en')}, ${label('language', 'de')}</dd>`);
    expect(f).toContain(`<ul class="tags"><li>${label('topic', 'research-software')}</li>`);
    expect(f).toContain('<dt>Terms offered</dt><dd id="terms">3 months, 6 months</dd>');
    expect(f).toContain('<li><a href="https://example.org/?a=1&amp;b=2" rel="nofollow noopener">Blog &lt;b&gt;</a></li>');
    expect(f).toContain('<dt>GitHub</dt><dd><a href="https://github.com/ada-example">@ada-example</a></dd>');
    const plain = profileFacts(profile({ links: undefined, location: { country: 'US', timezone: 'America/New_York' } }), labelsFor(repoProgram)).value;
    expect(plain).not.toContain('<dt>Links</dt>');
    expect(plain).toContain('(America/New York)');
  });
});
