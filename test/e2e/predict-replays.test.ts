import { describe, expect, it } from 'vitest';
import { baseURL, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();

const LESSONS = ['load-balancing-basics', 'greedy-balancing', 'l4-vs-l7-balancing', 'reverse-proxy'];
const UI = {
  en: { showAnswer: 'I don’t know: show the answer', runToEnd: 'Run to the end' },
  ru: { showAnswer: 'Не знаю — покажите ответ', runToEnd: 'Прокрутить до конца' },
} as const;

/**
 * One truth: every predict quiz states a measured number, and its replay, run to the end, shows
 * the same number in its Result row, formatted the same way, in both languages.
 */
describe('predict replays end where their quiz says', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`every predict quiz in ${lang}: the replay's Result row equals "What the simulation did"`, async () => {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      let checked = 0;
      for (const lesson of LESSONS) {
        await page.goto(`${baseURL()}/${lang}/lessons/${lesson}`);
        await waitForLesson(page);
        const ids = await page
          .locator('[data-quiz][data-kind="predict"]')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-quiz') ?? ''));
        for (const id of ids) {
          const quiz = page.locator(`[data-quiz="${id}"]`);
          await quiz.scrollIntoViewIfNeeded();
          // Revealing shows the measured outcome without guessing (a prediction is single-attempt).
          await quiz.getByRole('button', { name: UI[lang].showAnswer }).click();
          const stated = (await quiz.locator('.quiz__run-result [data-measured]').textContent())?.trim();
          expect(stated, `${lesson} ${id}`).toBeTruthy();
          const widget = quiz.locator(`[data-widget="${id}-run"]`);
          await quiz.locator(`#widget-${id}-run`).scrollIntoViewIfNeeded();
          await widget.locator('.timeline').waitFor();
          await widget.getByRole('button', { name: UI[lang].runToEnd }).click();
          const result = widget.locator('[data-result] .timeline__result-value');
          await result.waitFor();
          expect((await result.textContent())?.trim(), `${lesson} ${id}`).toBe(stated);
          await expect.poll(() => widget.locator('[data-timeline]').getAttribute('data-timeline')).toBe('ended');
          checked++;
        }
      }
      // Eight predict quizzes across the lessons (Basics 2, Greedy 2, L4 vs L7 4).
      expect(checked).toBeGreaterThanOrEqual(8);
    });
  }
});
