import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, baseURL, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();

const LESSON = 'greedy-balancing';
const GANTTS = ['gantt-worst-case', 'gantt-explore', 'gantt-stale', 'gantt-heavy-tail'];

async function widget(page: Page, id: string): Promise<Locator> {
  await page.locator(`#widget-${id}`).scrollIntoViewIfNeeded();
  const figure = page.locator(`[data-widget="${id}"]`);
  await figure.waitFor();
  return figure;
}

const placed = async (figure: Locator) => Number(await figure.getAttribute('data-placed'));

describe('the greedy lesson’s scheduling widgets', () => {
  it('every Gantt chart renders and steps, steps back and resets from the keyboard', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(page);
    for (const id of GANTTS) {
      const figure = await widget(page, id);
      await figure.locator('svg.gantt__svg').waitFor();
      expect(await figure.getAttribute('data-experiment'), id).toBeTruthy();
    }
    const figure = await widget(page, 'gantt-explore');
    expect(await placed(figure)).toBe(0);
    await figure.getByRole('button', { name: 'Step', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await expect.poll(() => placed(figure)).toBe(3);
    await expect.poll(() => figure.locator('svg .gantt__job').count()).toBe(3);
    await expect
      .poll(() => figure.locator('[data-announce]').textContent())
      .toMatch(/^Job 3 of size \d+ went to server/);
    // Tab order: Step back sits just before Step.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => placed(figure)).toBe(2);
    await figure.getByRole('button', { name: 'Reset' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => placed(figure)).toBe(0);
  });

  it('the builder reaches Graham’s worst case, and the goal stays reached after a reload', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(page);
    let figure = await widget(page, 'gantt-worst-case');
    const goal = () => figure.locator('[data-goal]').getAttribute('data-goal');
    expect(await goal()).toBe('open');
    const servers = Number(await figure.getByRole('slider', { name: /Servers/ }).inputValue());
    const addOne = figure.getByRole('button', { name: 'Add a job of size 1' });
    for (let i = 0; i < servers * (servers - 1); i++) await addOne.click();
    expect(await goal()).toBe('open');
    const size = figure.getByRole('spinbutton', { name: 'Size of a job to add' });
    await size.fill(String(servers));
    await size.press('Enter');
    await expect.poll(goal).toBe('reached');
    await expect.poll(() => figure.locator('[role="status"]').first().textContent()).toContain('Goal reached');
    expect(page.url()).toContain(`w-gantt-worst-case=`);
    await page.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(page);
    figure = await widget(page, 'gantt-worst-case');
    await expect.poll(goal).toBe('reached');
  });

  it('balls into bins: three histograms, the fullest bin shrinking with choices, and a table', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(page);
    const figure = await widget(page, 'balls-choices');
    const slider = figure.getByRole('slider', { name: /Balls and bins/ });
    await slider.focus();
    // To a million: the page keeps answering while the balls land in slices.
    await page.keyboard.press('End');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('1,000,000');
    await expect.poll(() => figure.getAttribute('data-done'), { timeout: 30_000 }).toBe('true');
    expect(await figure.locator('.balls__panel svg rect.balls__bar').count()).toBeGreaterThan(10);
    const fullest = (
      await figure
        .locator('[data-counts-table] [data-fullest] td')
        .evaluateAll((tds) => tds.map((td) => td.textContent))
    ).map(Number);
    expect(fullest).toHaveLength(3);
    // The known answers at n = 10⁶: one choice 8–11, two 4–5, three 3–4.
    expect(fullest[0]).toBeGreaterThanOrEqual(8);
    expect(fullest[0]).toBeLessThanOrEqual(11);
    expect([4, 5]).toContain(fullest[1]);
    expect([3, 4]).toContain(fullest[2]);
  });

  for (const lang of ['en', 'ru'] as const) {
    it(`has no accessibility violations with every scheduling widget and panel open (${lang})`, async () => {
      const page = await newPage({
        viewport: { width: 1280, height: 900 },
        colorScheme: lang === 'ru' ? 'dark' : 'light',
      });
      await page.goto(`${baseURL()}/${lang}/lessons/${LESSON}`);
      await waitForLesson(page);
      for (const id of [...GANTTS, 'balls-choices']) await widget(page, id);
      await page.locator('[data-widget="balls-choices"][data-done="true"]').waitFor();
      const closed = page.locator('.scheduling-widget details.disclosure:not([open]) > summary');
      while ((await closed.count()) > 0) await closed.first().click();
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
