import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, baseURL, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();
const LESSON = 'l4-vs-l7-balancing';

async function revealAll(page: Page): Promise<string[]> {
  const quizzes = page.locator('[data-quiz]');
  const ids: string[] = [];
  for (let i = 0; i < (await quizzes.count()); i++) {
    const quiz = quizzes.nth(i);
    ids.push((await quiz.getAttribute('data-quiz')) ?? '');
    await quiz.getByRole('button', { name: /show the answer|покажите ответ/ }).click();
  }
  return ids;
}

async function quizStates(page: Page): Promise<string[]> {
  return page
    .locator('[data-quiz]')
    .evaluateAll((els) =>
      els.map(
        (el) =>
          `${el.getAttribute('data-quiz')}:${el.className.includes('quiz--revealed') ? 'revealed' : el.className.includes('quiz--solved') ? 'solved' : 'open'}`,
      ),
    );
}

describe('quizzes and progress', () => {
  it('keeps every answered quiz across a reload and a language switch', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(page);
    const ids = await revealAll(page);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const reflection = page.locator('[data-reflection]').first();
    await reflection.getByRole('textbox').fill('Because one TCP connection stays on one backend.');
    await page.waitForTimeout(600);
    await page.reload();
    await waitForLesson(page);
    expect(await quizStates(page)).toEqual(ids.map((id) => `${id}:revealed`));
    expect(await page.locator('[data-reflection]').first().getByRole('textbox').inputValue()).toContain(
      'one TCP connection',
    );

    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL(/\/ru\/lessons\//);
    await waitForLesson(page);
    expect(await quizStates(page)).toEqual(ids.map((id) => `${id}:revealed`));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is fully usable from the keyboard: answer a quiz and check it', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(page);
    const quiz = page.locator('[data-quiz="ip-hash-imbalance"]');
    const first = quiz.getByRole('radio').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
    await page.keyboard.press('Enter');
    await expect(quiz.getByRole('status').textContent()).resolves.toMatch(/Right!|Not quite/);
    expect(await axeViolations(page)).toEqual([]);
    // Whatever the answer, "show the answer" finishes it from the keyboard too.
    const reveal = quiz.getByRole('button', { name: /show the answer/ });
    if (await reveal.count()) {
      await reveal.focus();
      await page.keyboard.press('Enter');
      await expect(quiz.getByRole('status').textContent()).resolves.toMatch(/Here is the answer/);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows progress in the table of contents, the lesson summary and on the course home', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/reverse-proxy`);
    await waitForLesson(page);
    await revealAll(page);
    await expect
      .poll(() => page.locator('.lesson-summary').textContent())
      .toMatch(/Quizzes: 0 solved, \d+ answer shown/);
    // A section counts as read when its end comes into view, as a reader scrolling down sees it.
    // (The page's bottom lies more than a screen below the last section's end, past the summary
    // and the related lessons, so a jump to the bottom reads nothing.)
    const ends = page.locator('[data-section-end]');
    await ends.nth((await ends.count()) - 1).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.toc a[data-read="true"]').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    await expect(page.locator('[data-lesson="reverse-proxy"]').textContent()).resolves.toMatch(/\d+% done|Complete/);
  });

  it('syncs two tabs: what one tab answers, types or resets shows in the other tab’s open lesson', async () => {
    const first = await newPage();
    await first.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(first);
    const second = await first.context().newPage();
    await second.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(second);
    const quizId = await first.locator('[data-quiz]:not([data-kind="predict"])').first().getAttribute('data-quiz');
    const inFirst = first.locator(`[data-quiz="${quizId}"]`);
    const inSecond = second.locator(`[data-quiz="${quizId}"]`);
    // 1. An answer shown in one tab appears in the other, with no reload (within a second).
    await inFirst.getByRole('button', { name: /show the answer/ }).click();
    await expect
      .poll(() => inSecond.locator('.quiz__status').textContent(), { timeout: 1000 })
      .toMatch(/Here is the answer/);
    expect(await inSecond.getByRole('button', { name: /show the answer/ }).count()).toBe(0);

    // 2. A reflection typed in one tab appears in the other…
    const reflectionId = await first.locator('[data-reflection]').first().getAttribute('data-reflection');
    const box = (page: typeof first) => page.locator(`[data-reflection="${reflectionId}"] textarea`);
    await box(first).fill('Written in the first tab');
    await expect.poll(() => box(second).inputValue(), { timeout: 2000 }).toBe('Written in the first tab');
    // …but never overwrites what the student is typing there.
    await box(second).fill('Typed in the second tab');
    await box(first).fill('A later edit in the first tab');
    await expect.poll(() => box(second).inputValue()).toBe('Typed in the second tab');

    // 3. A selection not yet checked survives an update from the other tab.
    const otherId = await first.locator('[data-quiz][data-kind="single"]').nth(1).getAttribute('data-quiz');
    const otherSecond = second.locator(`[data-quiz="${otherId}"]`);
    await otherSecond.getByRole('radio').first().check();
    await first
      .locator(`[data-quiz="${otherId}"]`)
      .getByRole('button', { name: /show the answer/ })
      .click();
    await expect
      .poll(() => first.evaluate(() => localStorage.getItem('balancer-lab:learner') ?? ''))
      .toContain(otherId ?? '');
    expect(await otherSecond.getByRole('radio').first().isChecked()).toBe(true);
    expect(await otherSecond.getByRole('button', { name: 'Check' }).isEnabled()).toBe(true);

    // 4. A lesson reset in one tab clears the other tab's open quiz.
    await first.getByRole('link', { name: 'Your progress' }).click();
    await first.getByRole('button', { name: /^Reset.*L4 vs L7 Balancing$/ }).click();
    await first.getByRole('button', { name: 'Yes, reset' }).click();
    await expect
      .poll(() => inSecond.getByRole('button', { name: /show the answer/ }).count(), { timeout: 1000 })
      .toBe(1);
    expect(await inSecond.locator('.quiz__status').textContent()).not.toMatch(/Here is the answer/);
  });

  it('exports, resets with undo, and imports everything back', async () => {
    const page = await newPage({ acceptDownloads: true });
    await page.goto(`${baseURL()}/en/lessons/${LESSON}`);
    await waitForLesson(page);
    const ids = await revealAll(page);
    await page.getByRole('link', { name: 'Your progress' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    const file = await download.path();
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('balancer-lab-progress');

    await page.getByRole('button', { name: 'Reset all progress' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.getByRole('button', { name: 'Yes, reset' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Reset all progress' }).click();
    await page.getByRole('button', { name: 'Yes, reset' }).click();
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('Import this file?').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('link', { name: 'L4 vs L7 Balancing' }).click();
    await waitForLesson(page);
    expect(await quizStates(page)).toEqual(ids.map((id) => `${id}:revealed`));
  });

  const CORRUPT = [
    ['unreadable JSON', '{"state":{"lessons":'],
    ['the wrong shape', '[1,2,3]'],
    [
      'hostile keys',
      '{"state":{"settings":{"language":"ru"},"lessons":{"__proto__":{"x":1},"l4-vs-l7-balancing":{"resetAt":"x"}}},"version":2}',
    ],
    ['a newer version', '{"state":{"lessons":{}},"version":99}'],
    [
      'a wrong type inside',
      '{"state":{"lessons":{"reverse-proxy":{"resetAt":0,"visitedAt":0,"sections":{"intro":"yesterday"},"quizzes":{},"reflections":{}}},"settings":{},"shuffleSeed":5},"version":2}',
    ],
  ] as const;

  for (const [name, raw] of CORRUPT) {
    it(`survives ${name} in storage: renders, keeps a backup, no page error`, async () => {
      const page = await newPage();
      await page.addInitScript((value) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('balancer-lab:learner', value);
          sessionStorage.setItem('seeded', '1');
        }
      }, raw);
      await page.goto(`${baseURL()}/en/lessons/${LESSON}`);
      await waitForLesson(page);
      await page.getByRole('status').filter({ hasText: 'could not be read' }).waitFor();
      const backups = await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('balancer-lab:learner:backup:'))
          .map((k) => localStorage.getItem(k)),
      );
      expect(backups).toEqual([raw]);
      await page
        .locator('[data-quiz]')
        .first()
        .getByRole('button', { name: /show the answer/ })
        .click();
    });
  }
});
