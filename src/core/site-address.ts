/**
 * program.yml's `site.base`: where the site lives under its origin. One rule for the program schema and for the
 * light reading of program.yml in astro.config.mjs (src/files/site-address.ts).
 */
export const SITE_BASE = /^\/(?:[A-Za-z0-9._-]+\/)*$/;
