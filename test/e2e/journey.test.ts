import { describe, expect, it } from 'vitest';
import { baseURL, inViewport, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();

describe('a student journey', () => {
  it('home → lesson → section → switch language → reload → not found, in English then Russian', async () => {
    const page = await newPage({ locale: 'en-GB' });
    await page.goto(`${baseURL()}/`);
    await page.waitForURL(/\/en$/);
    await expect(page.title()).resolves.toMatch(/Balancer Lab/);

    await page.getByRole('link', { name: 'L4 vs L7 Balancing' }).first().click();
    await page.waitForURL(/\/en\/lessons\/l4-vs-l7-balancing$/);
    await waitForLesson(page);
    expect(await page.title()).toBe('L4 vs L7 Balancing — Balancer Lab');

    const toc = page.getByRole('navigation', { name: 'On this page' });
    await toc.locator('a[href="#tls"]').click();
    await page.waitForURL(/#tls$/);
    expect(await inViewport(page, '#tls')).toBe(true);
    await expect.poll(() => toc.locator('a[aria-current="location"]').getAttribute('href')).toBe('#tls');

    // Scroll on to a later section without touching the URL: the switch must follow the reader.
    await page.evaluate(() => document.getElementById('sticky')?.scrollIntoView({ block: 'start' }));
    // A real mouse click: Playwright's click() would first scroll the sticky header's link "into view".
    const box = await page.getByRole('link', { name: 'Русский' }).boundingBox();
    await page.mouse.click((box?.x ?? 0) + 5, (box?.y ?? 0) + 5);
    await page.waitForURL(/\/ru\/lessons\/l4-vs-l7-balancing#sticky$/);
    await waitForLesson(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await page.title()).toMatch(/L4 и L7 — Balancer Lab$/);
    expect(await inViewport(page, '#sticky')).toBe(true);

    await page.reload();
    await waitForLesson(page);
    expect(page.url()).toMatch(/\/ru\/lessons\/l4-vs-l7-balancing#sticky$/);
    expect(await inViewport(page, '#sticky')).toBe(true);

    // The saved preference beats the browser's English.
    await page.goto(`${baseURL()}/`);
    await page.waitForURL(/\/ru$/);

    await page.goto(`${baseURL()}/ru/lessons/does-not-exist`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Страница не найдена');
    expect(await page.title()).toMatch(/^Страница не найдена/);
    await page.getByRole('link', { name: 'Вернуться к курсу' }).click();
    await page.waitForURL(/\/ru$/);
  });

  it('starts in Russian for a Russian browser, and in English for anything unsupported', async () => {
    const ru = await newPage({ locale: 'ru-RU' });
    await ru.goto(`${baseURL()}/`);
    await ru.waitForURL(/\/ru$/);
    const de = await newPage({ locale: 'de-DE' });
    await de.goto(`${baseURL()}/`);
    await de.waitForURL(/\/en$/);
  });

  it('sends an unknown language to the same page in English', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/fr/lessons/reverse-proxy#x-forwarded-for`);
    await page.waitForURL(/\/en\/lessons\/reverse-proxy#x-forwarded-for$/);
    await waitForLesson(page);
    expect(await inViewport(page, '#x-forwarded-for')).toBe(true);
  });

  it('shows a not-found page for an unknown path, never a blank screen', async () => {
    const page = await newPage();
    for (const path of ['/en/nope', '/lessons/whatever', '/en/lessons/']) {
      await page.goto(`${baseURL()}${path}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
        /Page not found|Load balancing/,
      );
    }
  });

  it('opens the glossary at a term', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/glossary#sni`);
    await page.locator('dt#sni').waitFor();
    expect(await inViewport(page, 'dt#sni')).toBe(true);
    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL(/\/ru\/glossary#sni$/);
  });
});

describe('keyboard and screens', () => {
  it('offers a skip link and operates term popovers from the keyboard', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing`);
    await waitForLesson(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const term = page.getByRole('button', { name: /Definition of “SNI”/ }).first();
    await term.focus();
    await page.keyboard.press('Enter');
    expect(await term.getAttribute('aria-expanded')).toBe('true');
    const popover = page.locator(`[id="${await term.getAttribute('aria-controls')}"]`);
    expect(await popover.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await popover.isVisible()).toBe(false);
    expect(await term.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  for (const width of [360, 768, 1440]) {
    it(`has no horizontal overflow at ${width}px`, async () => {
      const page = await newPage({ viewport: { width, height: 800 } });
      for (const path of ['/en', '/ru/lessons/l4-vs-l7-balancing', '/ru/lessons/reverse-proxy', '/en/glossary']) {
        await page.goto(`${baseURL()}${path}`);
        await page.locator('main h1').waitFor();
        if (path.includes('/lessons/')) await waitForLesson(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });
  }
});

describe('reading a lesson from the top', () => {
  it('loads every widget as the student scrolls down to it, after arriving from the course home', async () => {
    // Arriving without a #section renders the lesson a section per task; widgets in sections
    // added later must still wake up when they come near the screen.
    const page = await newPage();
    await page.goto(`${baseURL()}/en`);
    await page.locator('a[href="/en/lessons/l4-vs-l7-balancing"]').first().click();
    await waitForLesson(page);
    const slots = page.locator('.packet-flow-slot');
    await expect.poll(() => slots.count()).toBeGreaterThanOrEqual(7);
    for (const id of ['what-the-lb-sees', 'canary', 'layered-tiers']) {
      await page.locator(`#widget-${id}`).scrollIntoViewIfNeeded();
      await page.locator(`[data-widget="${id}"] [data-headline]`).waitFor({ timeout: 15_000 });
    }
    // The lesson ends with its summary and footer once every section is in.
    await page.locator('.lesson-summary, [data-lesson-summary]').first().waitFor();
  });
});

describe('saved progress', () => {
  it('marks visited lessons on the course home', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/reverse-proxy`);
    await waitForLesson(page);
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    const card = page.locator('[data-lesson="reverse-proxy"]');
    await expect(card.textContent()).resolves.toMatch(/\d+% done/);
    await expect(page.locator('[data-lesson="l4-vs-l7-balancing"]').textContent()).resolves.toContain('Not started');
    await expect(page.locator('[data-continue]').getAttribute('href')).resolves.toMatch(
      /^\/en\/lessons\/reverse-proxy/,
    );
  });

  it('survives corrupt storage: keeps a backup and says so calmly', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('balancer-lab:learner', '{"state":{"visited":');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(`${baseURL()}/en`);
    const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
    await notice.waitFor();
    expect(await page.getByRole('link', { name: 'Download the old data' }).getAttribute('href')).toMatch(/^blob:/);
    const backups = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('balancer-lab:learner:backup:'))
        .map((k) => localStorage.getItem(k)),
    );
    expect(backups).toEqual(['{"state":{"visited":']);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
  });
});
