/** Shared steps for the Lab's end-to-end suites (lab.test.ts, lab-share.test.ts). */
import LZString from 'lz-string';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseURL } from './harness';

/** Simulated time, and so a fault or a chart sample, can take a while on a loaded two-core machine. */
export const SLOW = { timeout: 45_000 };

/** A form control of the design, by its path (`clients.count`, `faults.0.target`, `seed`). */
export const field = (page: Page, path: string): Locator => page.locator(`[data-field="${path}"]`);

/** The simulated time on the run's clock, in ms. */
export async function labTime(page: Page): Promise<number> {
  return Number(await page.locator('[data-lab-time]').getAttribute('data-lab-time'));
}

/** Opens the Lab (a lazy route chunk) and waits until its run has drawn its picture. */
export async function openLab(page: Page, lang: 'en' | 'ru' = 'en', search = ''): Promise<void> {
  await page.goto(`${baseURL()}/${lang}/lab${search}`);
  await waitForLab(page, lang);
}

export async function waitForLab(page: Page, lang: 'en' | 'ru' = 'en'): Promise<void> {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.locator('[data-lab-run] svg.packet-flow__svg g.pf-node').first().waitFor();
}

/** The run animates only while on screen (and, on a wide screen, then stays in view: it is sticky). */
export async function showRun(page: Page): Promise<void> {
  await page.locator('[data-lab-run] svg.packet-flow__svg').scrollIntoViewIfNeeded();
}

const playing = (page: Page) => page.locator('[data-lab-play]').evaluate((b) => b.textContent?.includes('❚❚') ?? false);

/** Plays the run (any language: the button shows ❚❚ while playing) and waits for time to move. */
export async function play(page: Page, speed?: '1' | '2' | '4'): Promise<void> {
  await showRun(page);
  if (speed) await page.locator('[data-lab-run] select').selectOption(speed);
  if (!(await playing(page))) await page.locator('[data-lab-play]').click();
  await expect.poll(() => playing(page)).toBe(true);
  const from = await labTime(page);
  await expect.poll(() => labTime(page), SLOW).toBeGreaterThan(from);
}

export async function pause(page: Page): Promise<void> {
  if (await playing(page)) await page.locator('[data-lab-play]').click();
  await expect.poll(() => playing(page)).toBe(false);
}

/** Waits until the charts hold at least `count` samples (a sample per 250 ms of simulated time). */
export async function waitForSamples(page: Page, count: number): Promise<void> {
  await expect
    .poll(async () => Number(await page.locator('.lab-charts').getAttribute('data-samples')), SLOW)
    .toBeGreaterThanOrEqual(count);
}

/** The design diff a Lab link carries (`?v=1&d=…`), decoded as the page does; null without one. */
export function linkPayload(url: string): Record<string, unknown> | null {
  const d = new URL(url).searchParams.get('d');
  try {
    const json = d === null ? null : LZString.decompressFromEncodedURIComponent(d);
    return json ? (JSON.parse(json) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Waits until the address bar (rewritten ~300 ms after a change) carries a link matching `check`. */
export async function waitForLink(page: Page, check: (payload: Record<string, unknown>) => boolean): Promise<string> {
  await expect
    .poll(() => {
      const payload = page.url().includes('?v=1&d=') ? linkPayload(page.url()) : null;
      return payload !== null && check(payload);
    }, SLOW)
    .toBe(true);
  return page.url();
}

/** Every closed disclosure in the Lab opened (form sections, panels, saved list, chart tables). */
export async function openAllPanels(page: Page): Promise<void> {
  const closed = page.locator('.lab details:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

/** The (kind, target) of every scheduled fault, as the form shows them. */
export async function faultRows(page: Page): Promise<string[]> {
  return page.locator('[data-field$=".kind"][data-field^="faults."]').evaluateAll((kinds) =>
    kinds.map((kind) => {
      const i = kind.getAttribute('data-field')?.split('.')[1];
      const at = document.querySelector<HTMLInputElement>(`[data-field="faults.${i}.atMs"]`)?.value;
      const target = document.querySelector<HTMLSelectElement>(`[data-field="faults.${i}.target"]`)?.value;
      return `${(kind as HTMLSelectElement).value} ${target} @${at}`;
    }),
  );
}

/** Opens the run's "All numbers" table (built only while open) from the keyboard. */
export async function openNumbers(page: Page): Promise<void> {
  const panel = page.locator('[data-lab-run] .lab-numbers');
  if (await panel.evaluate((d) => (d as HTMLDetailsElement).open)) return;
  await panel.locator('summary').focus();
  await page.keyboard.press('Enter');
  await panel.locator('table').waitFor();
}
