import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, setupBrowser } from './harness';
import {
  SLOW,
  field,
  labTime,
  openAllPanels,
  openLab,
  pause,
  play,
  showRun,
  waitForLab,
  waitForLink,
  waitForSamples,
  openNumbers,
} from './lab-helpers';

const newPage = setupBrowser();

/** What has the keyboard focus, as a short description for failure messages and checks. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()} ${el.getAttribute('data-field') ?? ''} ${el.textContent ?? ''}` : '';
  });

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { back = false, max = 120 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await focused(page)}`);
}

/** Replaces a text field's content from the keyboard (select all, then type). */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(text);
}

/** The focused element shows a visible focus ring (an outline of some width, not `none`). */
async function focusRingShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
  });
}

const stateCell = (page: Page, backend: string) =>
  page.locator(`[data-lab-run] tr[data-backend="${backend}"] td`).first();

describe('the Lab from the keyboard', () => {
  it('starts from a template, edits, plays, schedules a crash of web-2 and watches it happen', async () => {
    // Reduced motion (the harness default): the run starts paused, so Play is pressed from the keyboard.
    const page = await newPage();
    await openLab(page);
    await tabTo(page, '.lab-toolbar select');
    expect(await focusRingShown(page), 'a visible focus ring on the template list').toBe(true);
    // "L4 in front of L7": the next template in the list, chosen with an arrow key.
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.lab-toolbar select').inputValue()).toBe('l4-l7');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-load-template'))).toBe(true);
    expect(await focusRingShown(page), 'a visible focus ring on a button').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => field(page, 'l4.enabled').isChecked()).toBe(true);
    expect(await field(page, 'pools.0.count').inputValue()).toBe('6');

    await typeInto(page, '[data-field="clients.ratePerSecond"]', '500');
    await waitForLink(
      page,
      (d) => (d.design as { clients?: { ratePerSecond?: number } }).clients?.ratePerSecond === 500,
    );

    // The form ends with "Add a fault"; the run's Play button comes right after it.
    await tabTo(page, '[data-add-fault]');
    await page.keyboard.press('Enter');
    await field(page, 'faults.0.kind').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-lab-play'))).toBe(true);
    await showRun(page);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-lab-play]').textContent()).toMatch(/Pause/);
    await expect.poll(() => labTime(page), SLOW).toBeGreaterThan(0);

    // Back into the fault: its server (web-1 → web-2), what happens (a crash) and when.
    await tabTo(page, '[data-field="faults.0.target"]', { back: true });
    await page.keyboard.press('ArrowDown');
    expect(await field(page, 'faults.0.target').inputValue()).toBe('web-2');
    await tabTo(page, '[data-field="faults.0.kind"]', { back: true });
    expect(await field(page, 'faults.0.kind').inputValue()).toBe('crash');
    await tabTo(page, '[data-field="faults.0.atMs"]', { back: true });
    // Three seconds ahead of the clock (at 1×, twelve seconds of wall time to spare); a fault's
    // time applies on Enter.
    const at = Math.floor((await labTime(page)) / 1000) + 3;
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(at));
    await page.keyboard.press('Enter');
    expect(await focusRingShown(page), 'a visible focus ring on a text field').toBe(true);
    const item = page.locator('.lab-timeline__list li');
    await expect.poll(() => item.textContent(), SLOW).toBe(`${at}.0 s: web-2 crashes (upcoming)`);

    // Then faster: forward past the fault's buttons and Play (Step is disabled while playing) to
    // the speed list, 1× → 2× → 4×.
    await tabTo(page, '[data-lab-run] select');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe('4');

    await expect.poll(() => item.getAttribute('data-fault-status'), SLOW).toBe('done');
    await expect
      .poll(() => page.locator('[data-lab-run] .event-log__changes').textContent(), SLOW)
      .toMatch(/web-2 crashes/);
    await openNumbers(page);
    await expect.poll(() => stateCell(page, 'web-2').textContent(), SLOW).toMatch(/^crashed/);
    expect(await stateCell(page, 'web-1').textContent()).not.toMatch(/crashed/);
    expect(await labTime(page)).toBeGreaterThanOrEqual(at * 1000);
  });
});

describe('saved designs and undo', () => {
  it('saves a design by name, restores it after a reload, deletes it with undo, and undoes edits', async () => {
    const page = await newPage();
    await openLab(page);
    await field(page, 'clients.count').fill('321');
    await page.locator('[data-save-name]').fill('Evening test');
    await page.locator('[data-save]').click();
    await page.getByText('Saved as “Evening test”.').waitFor();

    // Another design in the address bar, then a reload: the page opens what the bar holds.
    await field(page, 'clients.count').fill('654');
    await waitForLink(page, (d) => (d.design as { clients?: { count?: number } }).clients?.count === 654);
    await page.reload();
    await waitForLab(page);
    expect(await field(page, 'clients.count').inputValue()).toBe('654');

    const saved = page.locator('[data-saved-design="Evening test"]');
    await page.locator('.lab-saved__list > summary').click();
    await saved.getByRole('button', { name: 'Open “Evening test”' }).click();
    await expect.poll(() => field(page, 'clients.count').inputValue()).toBe('321');
    await waitForLink(page, (d) => (d.design as { clients?: { count?: number } }).clients?.count === 321);

    // Undo and redo move a field's value back and forth (and the run with it).
    const history = page.getByRole('group', { name: 'Undo and redo' });
    await field(page, 'clients.count').fill('777');
    await history.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => field(page, 'clients.count').inputValue()).toBe('321');
    await history.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => field(page, 'clients.count').inputValue()).toBe('777');
    await history.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => field(page, 'clients.count').inputValue()).toBe('321');

    // Delete, then undo the delete.
    const stored = () => page.evaluate(() => localStorage.getItem('balancer-lab:lab-designs') ?? '');
    await saved.getByRole('button', { name: 'Delete “Evening test”' }).click();
    await expect.poll(() => saved.count()).toBe(0);
    await page.getByText('Deleted “Evening test”.').waitFor();
    await page.locator('.lab-saved [role="status"]').getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Restored “Evening test”.').waitFor();
    expect(await saved.count()).toBe(1);
    await expect.poll(stored).toContain('"name":"Evening test"');
    const data = JSON.parse(await stored()) as { state: { designs: { name: string; doc: unknown }[] } };
    const design = data.state.designs.find((d) => d.name === 'Evening test');
    expect((design?.doc as { design: { clients: { count: number } } }).design.clients.count).toBe(321);

    // Still there after another reload.
    await page.reload();
    await waitForLab(page);
    expect(await page.locator('[data-saved-design="Evening test"]').count()).toBe(1);
  });
});

describe('accessibility of the Lab (axe-core, WCAG 2.2 AA)', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`has no violations in ${lang}, running and paused, with every panel open`, async () => {
      // Tall enough that the run (sticky beside the form) is on screen, and so plays, at the top of
      // the page, where the sticky header covers nothing (axe's target-size rule would see it do so).
      const page = await newPage({
        reducedMotion: 'no-preference',
        colorScheme: lang === 'ru' ? 'dark' : 'light',
        viewport: { width: 1280, height: 1400 },
      });
      await openLab(page, lang);
      await page.locator('[data-add-fault]').click();
      await page.locator('[data-save-name]').fill('axe');
      await page.locator('[data-save]').click();
      await play(page, '4');
      await waitForSamples(page, 2);
      await openAllPanels(page);
      await page.locator('[data-chart] table').first().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      const time = await labTime(page);
      await expect.poll(() => labTime(page), SLOW).toBeGreaterThan(time);
      expect(await axeViolations(page), `${lang}: running`).toEqual([]);
      await pause(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await axeViolations(page), `${lang}: paused`).toEqual([]);
    });
  }
});

describe('the Lab on a phone (360 × 740)', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`in ${lang}: nothing scrolls sideways, and form, picture and charts stack in one column`, async () => {
      const page = await newPage({ viewport: { width: 360, height: 740 } });
      await openLab(page, lang);
      await play(page);
      await waitForSamples(page, 2);
      await pause(page);
      await openAllPanels(page);
      await page.locator('[data-chart]').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const box = async (selector: string) => {
        const b = await page.locator(selector).first().boundingBox();
        expect(b, selector).not.toBeNull();
        expect(b!.x, `${selector} left`).toBeGreaterThanOrEqual(-0.5);
        expect(b!.x + b!.width, `${selector} right`).toBeLessThanOrEqual(360.5);
        return b!;
      };
      const form = await box('.lab__design');
      const picture = await box('[data-lab-run] svg.packet-flow__svg');
      const charts = await box('.lab-charts');
      for (const chart of await page.locator('[data-chart]').all()) {
        const b = (await chart.boundingBox())!;
        expect(b.x + b.width, 'a chart inside the screen').toBeLessThanOrEqual(360.5);
      }
      // One column: each starts below the end of the one before (never beside it).
      expect(picture.y, 'picture below the form').toBeGreaterThanOrEqual(form.y + form.height - 0.5);
      expect(charts.y, 'charts below the picture').toBeGreaterThanOrEqual(picture.y + picture.height - 0.5);
    });
  }
});

describe('the Lab with reduced motion', () => {
  it('starts paused at 0 s until Step or Play', async () => {
    const page = await newPage({ reducedMotion: 'reduce' });
    await openLab(page);
    await showRun(page);
    const button = page.locator('[data-lab-play]');
    expect(await button.textContent()).toMatch(/Play$/);
    // Frames keep coming while the picture is on screen; none of them moves the clock.
    await page.evaluate(
      () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
    );
    expect(await labTime(page)).toBe(0);
    expect(await page.locator('.lab-charts').getAttribute('data-samples')).toBe('0');

    await page.getByRole('button', { name: 'Step ¼ s' }).click();
    await expect.poll(() => labTime(page)).toBe(250);
    expect(await button.textContent()).toMatch(/Play$/);
    await play(page);
    expect(await button.textContent()).toMatch(/Pause$/);
  });
});
