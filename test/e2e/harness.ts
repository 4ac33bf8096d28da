import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium-path';

export const baseURL = () => inject('baseURL');

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Problems {
  console: string[];
  csp: string[];
}

/**
 * One browser per test file, a fresh context per page. Every page records console errors,
 * uncaught exceptions and CSP violations; a test fails if any appear.
 */
export function setupBrowser() {
  let browser: Browser;
  const contexts: { context: BrowserContext; problems: Problems; page: Page }[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const open = contexts.splice(0);
    for (const { page, problems } of open) {
      if (!page.isClosed()) {
        const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
        problems.csp.push(...csp);
      }
    }
    await Promise.all(open.map(({ context }) => context.close()));
    for (const { problems } of open) {
      expect(problems.console, 'console errors').toEqual([]);
      expect(problems.csp, 'CSP violations').toEqual([]);
    }
  });

  return async function newPage(options: BrowserContextOptions & { expectErrors?: RegExp } = {}): Promise<Page> {
    const { expectErrors, ...contextOptions } = options;
    const context = await browser.newContext({ locale: 'en-US', reducedMotion: 'reduce', ...contextOptions });
    const page = await context.newPage();
    const problems: Problems = { console: [], csp: [] };
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    // A test that injects a fault names the errors it expects; anything else still fails it.
    const unexpected = (text: string) => !expectErrors || !expectErrors.test(text);
    page.on('console', (message) => {
      if (message.type() === 'error' && unexpected(message.text())) problems.console.push(message.text());
    });
    page.on('pageerror', (error) => {
      if (unexpected(error.message)) problems.console.push(`uncaught: ${error.message}`);
    });
    contexts.push({ context, problems, page });
    return page;
  };
}

/** Runs axe-core (WCAG 2.x A/AA, including 2.2) on the page and returns violations as text. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
}

/**
 * Waits until the lesson body for the URL's language has arrived (it loads after the title, and
 * after a language switch the previous page stays up until the new one is ready).
 */
export async function waitForLesson(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const lang = window.location.pathname.split('/')[1];
    return (
      document.documentElement.lang === lang &&
      // data-complete: every section is in the page (a lesson opened at its top renders a section per task).
      document.querySelector(`.lesson__body[data-lang="${lang}"][data-complete]`) !== null
    );
  });
}

export async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const rect = el.getBoundingClientRect();
    return rect.top >= 0 && rect.top < window.innerHeight;
  });
}
