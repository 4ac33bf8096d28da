declare module 'virtual:course' {
  import type { CompiledLesson, CourseIndex, GlossaryEntry } from '~/content/tree';
  import type { Lang } from '~/lib/lang';
  export const courseIndex: CourseIndex;
  /** Resolves to undefined for an unknown lesson id. */
  export function loadLesson(lang: Lang, id: string): Promise<CompiledLesson | undefined>;
  export function loadGlossary(lang: Lang): Promise<GlossaryEntry[]>;
}
