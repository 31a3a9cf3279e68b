import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * Chromium comes from the @sparticuz/chromium npm package, so a fresh clone
 * needs no browser download. Its default flags target AWS Lambda; we drop
 * --single-process, which makes multi-page sessions unstable on a desktop.
 */
export async function launchBrowser(): Promise<Browser> {
  const args = chromium.args.filter((a) => a !== '--single-process' && a !== '--no-zygote');
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...args, '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    headless: true,
  });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // The site must work offline: fail loudly if anything tries to leave localhost.
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  return context.newPage();
}
