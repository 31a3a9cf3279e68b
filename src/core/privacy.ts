import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';

/**
 * Everything under content/ (and program.yml) is published. Contact data belongs in a request issue or a private
 * channel, never in the repository, so anything that looks like an e-mail address or a phone number is refused,
 * including the spellings people use to dodge scrapers (`ada [at] example [dot] org`), which people and scrapers
 * read just as well. docs/security.md, "Privacy checks", lists what counts and what is left alone.
 */
export type PrivacyKind = 'email' | 'obfuscated-email' | 'mailto' | 'phone' | 'tel';

export interface PrivacyFinding {
  /** 1-based line within the scanned text. */
  line: number;
  kind: PrivacyKind;
  /** The match, masked: enough to find it on the line, not enough to read it. */
  excerpt: string;
}

/** What each kind is, as the start of a diagnostic's message. */
export const PRIVACY_KIND_TEXT: Record<PrivacyKind, string> = {
  email: 'looks like an e-mail address',
  'obfuscated-email': 'looks like an e-mail address spelled out to dodge scrapers (people and scrapers read it alike)',
  mailto: 'is a mailto: link, an e-mail address',
  phone: 'looks like a phone number',
  tel: 'is a tel: link, a phone number',
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// `name@2x.png` is an image for high-resolution screens, not an address.
const FILE_SUFFIX = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?)$/i;
const LINK = /\b(mailto|tel):[^\s)\]>"'`]*/gi;
// "[at]", "(at)", "{at}", "<at>", "[@]" and the same for "dot": a bracketed word is never prose.
const AT = String.raw`\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*`;
const DOT = String.raw`(?:\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\.)`;
const BRACKETED = new RegExp(String.raw`[A-Za-z0-9._%+-]+(?:${AT}|\s*@\s*)[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)+`, 'gi');
// Bare words: "ada at example dot org". "at" alone is everyday prose ("look at the data", "I work at github.com"),
// so only "at" followed by a name and a spelled-out "dot" counts; the last part must look like a top-level domain.
const WORDS = /\b[A-Za-z0-9._%+-]+\s+at\s+[A-Za-z0-9-]{2,}(?:\s+dot\s+[A-Za-z0-9-]+)*\s+dot\s+[A-Za-z]{2,6}\b/gi;
const MAY_BE_OBFUSCATED = /[\[({<]\s*(?:at|@|dot)\s*[\])}>]|\sdot\s|\s@\s/i;

// Numbers that are not phone numbers, blanked before the phone search. Blanking only removes digits, so it can
// hide a number but never make one.
const NOT_PHONES: readonly RegExp[] = [
  /\b(?:https?|ftp):\/\/\S+/gi, // URLs, GitHub's included
  /\b(?:www\.)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\/\S*/g, // a host and path without the scheme (github.com/x/1234567)
  /\bdoi:\s*\S+|\b10\.\d{4,9}\/\S+/gi, // DOIs
  /\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b/g, // ORCID iDs
  /\bISBN(?:-1[03])?:?\s*[\d-]{9,16}[\dX]\b|\b97[89]-\d{1,5}-\d{1,7}-\d{1,7}-[\dX]\b/gi, // ISBNs
  /\barXiv:\s*\d{4}\.\d{4,5}(?:v\d+)?/gi, // arXiv identifiers
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, // ISO dates and times
  /\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b/g, // 12/03/2024, 12.03.24
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[-–—]\s*\d{1,2}:\d{2}(?::\d{2})?)?\b/g, // times and time ranges
  /\bv\d+(?:\.\d+)+\b|\b\d{1,2}\.\d{1,3}\.\d{1,4}(?:\.\d{1,4})?(?![\d.])/g, // versions (not 555.123.4567: 3-digit first part)
  /#\d+\b/g, // issue and pull request numbers
  // Reference numbers named as such: grant 101057388, patent US 1234567, pp. 1234-1240.
  /\b(?:grants?|awards?|agreements?|projects?|contracts?|patents?|pages?|pp?\.)(?![A-Za-z])[^\d\n]{0,20}\d[\d\s,./-]*\d/gi,
  /\b\d[\d,]*\s*(?:%|percent|people|users|downloads|stars|citations)\b/gi, // counts
];
const DIGIT = /\d/;
const YEAR_RANGE = /\b((?:1[89]|2[01])\d{2})\s*[-–—]\s*((?:1[89]|2[01])\d{2})\b/g;

// Shapes that are phone numbers in any country, for where the parser (which needs a country) is unsure.
const PHONE_SHAPES: readonly RegExp[] = [
  /\+\s?\d[\d\s().\-/]{5,}\d/g, // +44 20 7946 0958: the international prefix
  /\(\d{3}\)\s*\d{3}[\s.-]\d{4}\b/g, // (555) 123-4567
  /\b\d{3}[.-]\d{3}[.-]\d{4}\b/g, // 555.123.4567, 555-123-4567
  /\b(?:phone|telephone|tel|mobile|cell|fax|call me|text me|whats ?app|signal|sms)\b\.?:?\s*(?:(?:on|at)\s+)?\+?\(?\d[\d\s().\-/]{5,}\d/gi,
];

function mask(s: string): string {
  const t = s.trim();
  return t.length <= 6 ? '…' : `${t.slice(0, 2)}…${t.slice(-2)}`;
}

function blank(s: string, re: RegExp): string {
  return s.replace(re, (m) => ' '.repeat(m.length));
}

/**
 * Every e-mail address, mailto: or tel: link and phone number in `text`, line by line. `country` (ISO 3166-1
 * alpha-2, the author's) helps read numbers written without the international prefix.
 */
export function findContactData(text: string, country?: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const defaultCountry = (country && /^[A-Z]{2}$/.test(country) ? country : 'US') as CountryCode;
  // Most profiles have no "@", no link scheme, no bracketed "at" and few lines with seven digits: cheap checks skip
  // the regular expressions (at 10,000 profiles they were a third of the build's validation time).
  const mayHaveEmail = text.includes('@');
  const mayHaveLink = /mailto:|tel:/i.test(text);
  const mayBeObfuscated = MAY_BE_OBFUSCATED.test(text);
  const onlyPhones = !mayHaveEmail && !mayHaveLink && !mayBeObfuscated;
  const lines = text.split(/\r?\n/);
  lines.forEach((original, i) => {
    // Then only a line with seven digits can hold anything, and most lines have none: skip the rest at once.
    if (onlyPhones && !hasSevenDigits(original)) return;
    const line = i + 1;
    const seen: [number, number][] = [];
    const add = (kind: PrivacyKind, at: number, match: string) => {
      const end = at + match.length;
      if (seen.some(([a, b]) => at < b && end > a)) return;
      seen.push([at, end]);
      findings.push({ line, kind, excerpt: mask(match) });
    };
    let rest = original;
    if (mayHaveLink) {
      for (const m of rest.matchAll(LINK)) add(m[1]!.toLowerCase() === 'tel' ? 'tel' : 'mailto', m.index, m[0]);
      rest = blank(rest, LINK);
    }
    if (mayHaveEmail && rest.includes('@')) {
      for (const m of rest.matchAll(EMAIL)) {
        // `@someone@mastodon.social` is a fediverse handle, public by design; `git@github.com` is SSH, not a person.
        if (rest[m.index - 1] === '@' || /^git@/i.test(m[0]) || FILE_SUFFIX.test(m[0])) continue;
        add('email', m.index, m[0]);
      }
    }
    if (mayBeObfuscated) {
      for (const re of [BRACKETED, WORDS]) {
        for (const m of rest.matchAll(re)) {
          // A plain address is found above; this is for the spelled-out ones.
          if (/^[^\s[\](){}<>]+$/.test(m[0])) continue;
          add('obfuscated-email', m.index, m[0]);
        }
      }
    }
    // Blanking only removes digits, so a line with fewer than seven holds no phone number.
    if (!hasSevenDigits(rest)) return;
    let cleaned = rest;
    for (const re of NOT_PHONES) cleaned = blank(cleaned, re);
    cleaned = cleaned.replace(YEAR_RANGE, (m, a: string, b: string) => (Number(b) >= Number(a) ? ' '.repeat(m.length) : m));
    // Seven digits or more, however separated, before asking the (slower) phone number parser.
    if (!/\d(?:[\s().\-+/]*\d){6}/.test(cleaned)) return;
    for (const p of findPhoneNumbersInText(cleaned, { defaultCountry })) add('phone', p.startsAt, cleaned.slice(p.startsAt, p.endsAt));
    for (const re of PHONE_SHAPES) {
      for (const m of cleaned.matchAll(re)) if (countDigits(m[0]) >= 7 && countDigits(m[0]) <= 15) add('phone', m.index, m[0]);
    }
  });
  return findings.sort((a, b) => a.line - b.line);
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function hasSevenDigits(s: string): boolean {
  // Most lines have no digit at all: the regular expression engine finds that faster than a loop in JavaScript.
  const first = s.search(DIGIT);
  if (first < 0) return false;
  let n = 0;
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++n === 7) return true;
  }
  return false;
}
