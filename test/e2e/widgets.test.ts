import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, baseURL, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();

/** Scrolls through the lesson so every widget loads, then waits for them. */
async function loadAllWidgets(page: Page): Promise<number> {
  const slots = page.locator('.packet-flow-slot');
  const count = await slots.count();
  for (let i = 0; i < count; i++) {
    await slots.nth(i).scrollIntoViewIfNeeded();
    await slots.nth(i).locator('figure.packet-flow').waitFor();
  }
  return count;
}

describe('packet-flow widgets', () => {
  for (const lang of ['en', 'ru']) {
    it(`load in every ${lang} lesson with no accessibility violations`, async () => {
      const page = await newPage({ colorScheme: lang === 'ru' ? 'dark' : 'light' });
      for (const lesson of ['load-balancing-basics', 'l4-vs-l7-balancing', 'reverse-proxy']) {
        await page.goto(`${baseURL()}/${lang}/lessons/${lesson}`);
        await waitForLesson(page);
        expect(await loadAllWidgets(page), lesson).toBeGreaterThan(0);
        await page.locator('.packet-flow__metrics').first().waitFor();
        expect(await axeViolations(page), lesson).toEqual([]);
      }
    });
  }

  it('shows what an L4 and an L7 balancer see, and changes live', async () => {
    const page = await newPage({ reducedMotion: 'no-preference' });
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing#l4-visibility`);
    await waitForLesson(page);
    // Widgets load as they near the screen: bring this one close.
    await page.locator('#widget-what-the-lb-sees').scrollIntoViewIfNeeded();
    const widget = page.locator('[data-widget="what-the-lb-sees"]');
    await widget.waitFor();
    // Widgets animate only while on screen.
    await widget.locator('svg.packet-flow__svg').scrollIntoViewIfNeeded();
    await widget.getByRole('button', { name: 'Pause' }).waitFor();
    await widget.locator('.event-log__item').first().waitFor();
    await widget
      .locator('.event-log__item')
      .filter({ hasText: /request GET .*: clients → lb/ })
      .first()
      .click();
    const inspector = widget.getByRole('region', { name: 'Packet inspector' });
    const row = (name: string) => inspector.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row('Path').textContent()).resolves.toMatch(/encrypted.*\/api\/v2\/cart/);
    expect(await widget.getByRole('button', { name: 'Play' }).count()).toBe(1);

    await widget.getByLabel('Balancer layer').selectOption('l4');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await widget.locator('.packet-flow__title').textContent()) !== null).toBe(true);
    await expect
      .poll(() => page.locator('[data-widget="what-the-lb-sees"] svg text').allTextContents())
      .toContain('L4 · TLS passthrough');
  });

  it('puts its settings in a shareable link that reproduces them, in either language', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing#l4-visibility`);
    await waitForLesson(page);
    await page.locator('#widget-what-the-lb-sees').scrollIntoViewIfNeeded();
    const widget = page.locator('[data-widget="what-the-lb-sees"]');
    await widget.locator('.packet-flow__metrics').waitFor();
    await widget.getByLabel('TLS').selectOption('passthrough');
    await expect
      .poll(() => page.evaluate(() => new URL(window.location.href).searchParams.get('w-what-the-lb-sees')))
      .toBe('mode:l4,tls:passthrough');
    const link = page.url();

    const other = await newPage({ locale: 'ru-RU' });
    await other.goto(link.replace('/en/', '/ru/'));
    await waitForLesson(other);
    await other.locator('#widget-what-the-lb-sees').scrollIntoViewIfNeeded();
    const shared = other.locator('[data-widget="what-the-lb-sees"]');
    await shared.locator('.packet-flow__metrics').waitFor();
    expect(await shared.getByLabel('Уровень балансировщика').inputValue()).toBe('l4');
    expect(await shared.getByLabel('TLS').inputValue()).toBe('passthrough');
  });

  it('records a reached "Try this" goal as progress', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing#tls-reencryption`);
    await waitForLesson(page);
    const slot = page.locator('#widget-tls-modes');
    await slot.scrollIntoViewIfNeeded();
    const widget = page.locator('[data-widget="tls-modes"]');
    await widget.locator('.packet-flow__metrics').waitFor();
    expect(await widget.locator('[data-goal]').getAttribute('data-goal')).toBe('open');
    await widget.getByLabel('TLS').selectOption('passthrough');
    await widget.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => widget.locator('[data-goal]').getAttribute('data-goal')).toBe('reached');
    await page.reload();
    await waitForLesson(page);
    await page.locator('#widget-tls-modes').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.locator('[data-widget="tls-modes"] [data-goal]').getAttribute('data-goal'))
      .toBe('reached');
  });

  it('crashes a backend from the keyboard and shows the outcome in the table', async () => {
    const page = await newPage({ reducedMotion: 'no-preference' });
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing#sticky-failure`);
    await waitForLesson(page);
    const slot = page.locator('#widget-crash-memory');
    await slot.scrollIntoViewIfNeeded();
    const widget = page.locator('[data-widget="crash-memory"]');
    await widget.locator('.packet-flow__metrics').waitFor();
    await widget.locator('svg.packet-flow__svg').scrollIntoViewIfNeeded();
    // Let sessions build up first (this scenario runs a simulated second per wall second).
    await page.waitForTimeout(1500);
    const crash = widget.getByRole('button', { name: 'Crash web-2' });
    await crash.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => widget.locator('tr[data-backend="web-2"]').textContent(), { timeout: 5000 })
      .toMatch(/crashed/);
    await expect
      .poll(
        async () =>
          Number(
            await widget.locator('.readouts div').filter({ hasText: 'Sessions lost' }).locator('dd').textContent(),
          ),
        { timeout: 5000 },
      )
      .toBeGreaterThan(0);
  });

  it('contains a failing widget: an error panel with a retry, the lesson keeps working', async () => {
    const page = await newPage({ expectErrors: /injected widget fault|The above error occurred|injected/ });
    await page.addInitScript(() => {
      (window as unknown as { ResizeObserver: unknown }).ResizeObserver = function BrokenResizeObserver() {
        throw new Error('injected widget fault');
      };
    });
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing#l4-visibility`);
    await waitForLesson(page);
    await page.locator('#widget-what-the-lb-sees').scrollIntoViewIfNeeded();
    const alert = page.locator('#widget-what-the-lb-sees').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/injected widget fault/);
    expect(await alert.getByRole('button', { name: 'Restart the simulation' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Load balancing/ }).waitFor();
  });
});
