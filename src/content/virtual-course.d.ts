declare module 'virtual:course' {
  import type { BlockNode, CompiledLesson, CourseIndex, GlossaryEntry } from '~/content/tree';
  import type { Lang } from '~/lib/lang';
  export const courseIndex: CourseIndex;
  /** Resolves to undefined for an unknown lesson id. */
  export function loadLesson(lang: Lang, id: string): Promise<CompiledLesson | undefined>;
  /** The blocks after the lesson's first chunk (empty for an unknown lesson or a short one). */
  export function loadLessonRest(lang: Lang, id: string): Promise<BlockNode[]>;
  export function loadGlossary(lang: Lang): Promise<GlossaryEntry[]>;
}
