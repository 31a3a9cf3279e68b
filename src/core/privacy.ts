import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';

/**
 * Profiles are public. Contact data belongs in the request issue, never in the
 * repository, so anything that looks like an e-mail address or phone number is refused.
 */
export interface PrivacyFinding {
  /** 1-based line within the scanned text. */
  line: number;
  kind: 'email' | 'phone';
  excerpt: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A mailto: link is an e-mail address even when obfuscated by the URL.
const MAILTO = /mailto:/gi;

function mask(s: string): string {
  return s.length <= 4 ? '…' : `${s.slice(0, 2)}…${s.slice(-2)}`;
}

export function findContactData(text: string, country?: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const lines = text.split(/\r?\n/);
  const defaultCountry = (country && /^[A-Z]{2}$/.test(country) ? country : 'US') as CountryCode;
  // Most profiles have no "@", no "mailto:" and few lines with seven digits: cheap checks skip the
  // regular expressions (at 10,000 profiles they were a third of the build's validation time).
  const mayHaveEmail = text.includes('@');
  const mayHaveMailto = /mailto:/i.test(text);
  lines.forEach((lineText, i) => {
    if (mayHaveEmail && lineText.includes('@')) {
      for (const m of lineText.matchAll(EMAIL)) findings.push({ line: i + 1, kind: 'email', excerpt: mask(m[0]) });
    }
    if (mayHaveMailto && MAILTO.test(lineText) && !findings.some((f) => f.line === i + 1)) findings.push({ line: i + 1, kind: 'email', excerpt: 'mailto:' });
    MAILTO.lastIndex = 0;
    // Blanking URLs and dates only removes digits, so a line with fewer than seven holds no phone number.
    if (!hasSevenDigits(lineText)) return;
    // Dates (2026-10-01) and URLs are not phone numbers; blank them before the phone search.
    const cleaned = lineText.replace(/https?:\/\/\S+/g, ' ').replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ');
    // Seven digits or more, however separated, before asking the (slower) phone number parser.
    if (!/\d(?:[\s().\-+/]*\d){6}/.test(cleaned)) return;
    for (const p of findPhoneNumbersInText(cleaned, { defaultCountry })) {
      findings.push({ line: i + 1, kind: 'phone', excerpt: mask(cleaned.slice(p.startsAt, p.endsAt)) });
    }
  });
  return findings;
}

function hasSevenDigits(s: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++n === 7) return true;
  }
  return false;
}
