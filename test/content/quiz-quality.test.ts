import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/content/compile/compile-course';
import { LANGS } from '../../src/lib/lang';
import { lengthReports, missingMisconceptions, unmarkedAbsolutes, unmarkedFirstUses } from '../helpers/quiz-quality';

const root = resolve(__dirname, '../..');
const course = compileCourse(join(root, 'content'), root);
const lessonsIn = (lang: (typeof LANGS)[number]) => course.index.order.map((id) => course.lessons[lang][id]!);

/**
 * Glossary entries whose names are everyday words in running text ("backend", "server"): marking
 * their first use would mark half of every introduction. Each is still defined in the glossary.
 */
const EVERYDAY = new Set(['backend', 'load-balancer']);

describe('quizzes test understanding, not the shape of the options', () => {
  it('every wrong option of a single- or multiple-choice quiz names its misconception', () => {
    expect(missingMisconceptions(lessonsIn('en'))).toEqual([]);
  });

  for (const lang of LANGS) {
    it(`${lang}: the right option is the longest in at most 30% of the quizzes`, () => {
      const reports = lengthReports(lessonsIn(lang), lang);
      const longest = reports.filter((r) => r.rightIsLongest).map((r) => r.quiz);
      expect(longest.length / reports.length, `right option longest in: ${longest.join(', ')}`).toBeLessThanOrEqual(
        0.3,
      );
    });

    it(`${lang}: in every quiz the right options are at most 1.2× the mean option length`, () => {
      const over = lengthReports(lessonsIn(lang), lang).filter((r) => r.ratio > 1.2);
      expect(over.map((r) => `${r.quiz}: ${r.ratio.toFixed(2)}×`)).toEqual([]);
    });

    it(`${lang}: "never", "always" and "only" in a wrong option are the marked misconception itself`, () => {
      expect(unmarkedAbsolutes(lessonsIn(lang), lang)).toEqual([]);
    });

    it(`${lang}: the first use of every glossary term in a lesson is marked`, () => {
      expect(unmarkedFirstUses(lessonsIn(lang), course.glossary[lang], lang, EVERYDAY)).toEqual([]);
    });
  }
});
