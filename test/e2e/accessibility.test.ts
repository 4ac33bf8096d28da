import { describe, expect, it } from 'vitest';
import { axeViolations, baseURL, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();

const ROUTES = [
  '',
  '/lessons/load-balancing-basics',
  '/lessons/greedy-balancing',
  '/lessons/l4-vs-l7-balancing',
  '/lessons/reverse-proxy',
  '/glossary',
  '/no-such-page',
];

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'ru']) {
      it(`has no violations on any ${lang} route in ${scheme} mode`, async () => {
        const page = await newPage({ colorScheme: scheme });
        for (const route of ROUTES) {
          await page.goto(`${baseURL()}/${lang}${route}`);
          await page.locator('main h1').waitFor();
          if (route.startsWith('/lessons/')) await waitForLesson(page);
          if (route === '/glossary') await page.locator('dl.glossary').waitFor();
          expect(await axeViolations(page), `/${lang}${route}`).toEqual([]);
        }
      });
    }
  }

  it('has no violations with a term popover open', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing`);
    await waitForLesson(page);
    await page
      .getByRole('button', { name: /Definition of/ })
      .first()
      .click();
    expect(await axeViolations(page)).toEqual([]);
  });
});
