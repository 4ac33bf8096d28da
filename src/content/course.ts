/** Typed access to the compiled course (the `virtual:course` module made by the content plugin). */
import { courseIndex, loadGlossary, loadLesson, loadLessonRest } from 'virtual:course';
import type { Lang } from '../lib/lang';
import type { LessonMeta } from './tree';

export { courseIndex, loadGlossary, loadLesson, loadLessonRest };

export function lessonsInOrder(lang: Lang): LessonMeta[] {
  return courseIndex.order.flatMap((id) => {
    const meta = courseIndex.lessons[lang][id];
    return meta ? [meta] : [];
  });
}

export function lessonMeta(lang: Lang, id: string): LessonMeta | undefined {
  return Object.prototype.hasOwnProperty.call(courseIndex.lessons[lang], id)
    ? courseIndex.lessons[lang][id]
    : undefined;
}

export function neighbours(lang: Lang, id: string): { previous?: LessonMeta; next?: LessonMeta } {
  const order = courseIndex.order;
  const i = order.indexOf(id);
  const previous = i > 0 ? lessonMeta(lang, order[i - 1] ?? '') : undefined;
  const next = i >= 0 ? lessonMeta(lang, order[i + 1] ?? '') : undefined;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
