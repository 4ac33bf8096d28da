import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/content/compile/compile-course';
import { formatError } from '../../src/content/compile/diagnostics';
import { type BlockNode, type InlineNode, type QuizData } from '../../src/content/tree';
import { LANGS } from '../../src/lib/lang';
import { getPrediction, resolvePrediction } from '../../src/engine';

const root = resolve(__dirname, '../..');
const course = compileCourse(join(root, 'content'), root);

function walk(nodes: (BlockNode | InlineNode)[], visit: (node: BlockNode | InlineNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if ('c' in node) walk(node.c, visit);
    if ('label' in node && node.label) walk(node.label, visit);
    if (node.t === 'list') for (const item of node.items) walk(item, visit);
    if (node.t === 'table') for (const row of [node.head, ...node.rows]) for (const cell of row) walk(cell, visit);
  }
}

describe('the course content', () => {
  it('compiles without a single problem', () => {
    expect(course.errors.map(formatError)).toEqual([]);
  });

  it('has the four lessons in order, in both languages', () => {
    expect(course.index.order).toEqual([
      'load-balancing-basics',
      'greedy-balancing',
      'l4-vs-l7-balancing',
      'reverse-proxy',
    ]);
    for (const lang of LANGS) expect(Object.keys(course.lessons[lang]).sort()).toEqual([...course.index.order].sort());
  });

  it('mirrors section ids between languages', () => {
    for (const id of course.index.order) {
      const ids = (lang: 'en' | 'ru') => course.lessons[lang][id]?.sections.map((s) => s.id);
      expect(ids('ru'), id).toEqual(ids('en'));
    }
  });

  it('covers every section of the original L4 vs L7 lesson', () => {
    const sections = course.lessons.en['l4-vs-l7-balancing']?.sections.map((s) => s.id) ?? [];
    for (const id of [
      'l4',
      'dsr',
      'l7',
      'content-routing',
      'tls',
      'tls-termination',
      'tls-passthrough',
      'tls-reencryption',
      'sticky',
      'key-ideas',
      'reflect',
      'related',
    ]) {
      expect(sections).toContain(id);
    }
  });

  it('links only to lessons of this course, and its related lessons are real', () => {
    const l4l7 = course.index.lessons.en['l4-vs-l7-balancing'];
    expect(l4l7?.prerequisites).toEqual(['load-balancing-basics']);
    expect(l4l7?.related).toEqual(['reverse-proxy', 'greedy-balancing']);
    for (const lang of LANGS) {
      for (const lesson of Object.values(course.lessons[lang])) {
        walk(lesson.body, (node) => {
          if (node.t === 'lessonLink') expect(course.index.order).toContain(node.lesson);
        });
      }
    }
  });

  it('carries none of the seed scraping leftovers', () => {
    for (const lang of LANGS) {
      for (const file of readdirSync(join(root, 'content', lang, 'lessons'))) {
        const text = readFileSync(join(root, 'content', lang, 'lessons', file), 'utf8');
        expect(text).not.toMatch(/Sign In|alg-20-greedy|Computer Networks/);
        if (lang === 'en') expect(text, file).not.toMatch(/[А-Яа-яЁё]/);
      }
    }
  });

  it('keeps every lesson compiled chunk small (the per-lesson budget is 40 KB gzip; raw JSON is a proxy here)', () => {
    for (const lang of LANGS) {
      for (const lesson of Object.values(course.lessons[lang])) {
        expect(JSON.stringify(lesson).length, `${lang}/${lesson.id}`).toBeLessThan(250_000);
      }
    }
  });

  it('takes every predict-then-run answer from an engine run, in both languages', () => {
    let count = 0;
    for (const lang of LANGS)
      for (const lesson of Object.values(course.lessons[lang])) {
        walk(lesson.body, (node) => {
          if (node.t !== 'directive' || node.data?.type !== 'quiz' || node.data.kind !== 'predict') return;
          const quiz: QuizData = node.data;
          const prediction = getPrediction(quiz.predict?.prediction ?? '');
          expect(prediction, `${lesson.id}/${quiz.id}`).toBeDefined();
          const result = resolvePrediction(prediction!);
          expect(quiz.options.filter((o) => o.correct).map((o) => o.id)).toEqual([result.outcome]);
          expect(quiz.predict?.value).toBe(result.value);
          count++;
        });
      }
    expect(count).toBeGreaterThanOrEqual(4);
  });
});
