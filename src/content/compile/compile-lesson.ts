/** One lesson file → compiled lesson plus the references the course pass must check. */
import type { Lang } from '../../lib/lang.ts';
import type { CompiledLesson } from '../tree.ts';
import type { Diagnostics } from './diagnostics.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { convertBlocks, createContext, type ConvertContext } from './to-tree.ts';

export interface LessonUnit {
  file: string;
  lesson: CompiledLesson;
  refs: ConvertContext;
}

export function compileLesson(params: {
  source: string;
  file: string;
  lang: Lang;
  expectedId: string;
  diag: Diagnostics;
}): LessonUnit | undefined {
  const { source, file, lang, expectedId, diag } = params;
  const tree = parseMarkdown(source);
  const [first, ...rest] = tree.children;
  if (first?.type !== 'yaml') {
    diag.add(
      file,
      { line: 1, column: 1 },
      'missing frontmatter: start the file with a "---" block (see content/README.md)',
    );
    return undefined;
  }
  const meta = parseFrontmatter(first.value, (first.position?.start.line ?? 1) + 1, file, diag);
  const ctx = createContext(file, diag);
  const body = convertBlocks(rest, ctx);
  if (!meta) return undefined;
  if (meta.id !== expectedId) {
    diag.add(file, { line: 2, column: 1 }, `frontmatter id "${meta.id}" must match the file name "${expectedId}"`);
  }
  if (!ctx.sections.some((s) => s.depth === 2)) {
    diag.add(file, { line: 1, column: 1 }, 'a lesson needs at least one "## Section {#id}"');
  }
  return {
    file,
    lesson: { ...meta, lang, sections: ctx.sections, activities: ctx.activities, body, terms: {}, misconceptions: {} },
    refs: ctx,
  };
}
