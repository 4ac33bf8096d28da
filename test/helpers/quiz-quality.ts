/**
 * Quizzes that test understanding, not test-taking skill: the checks behind
 * `test/content/quiz-quality.test.ts`, over the compiled course.
 * - Every wrong option of a single- or multiple-choice quiz names the misconception it stands for.
 * - The right option's length gives nothing away: across a language, the right option is the
 *   longest in at most 30% of those quizzes, and in each quiz the right options' mean length is at
 *   most 1.2× the mean of all options (visible text, as the student reads it).
 * - "never", "always", "only" (никогда, всегда, только) appear in a wrong option only when marked
 *   `absolute="true"`: the absolute is the misconception itself.
 * - The first use of a glossary term in a lesson is marked with `:term`.
 */
import type { CompiledLesson, GlossaryEntry, InlineNode, QuizData, BlockNode } from '../../src/content/tree';
import type { Lang } from '../../src/lib/lang';
import { formatMeasure } from '../../src/lib/format-measure';

/** What a student sees of inline content (measured numbers formatted as they render). */
export function visibleText(nodes: readonly InlineNode[], lang: Lang): string {
  return nodes
    .map((n) => {
      if (n.t === 'text' || n.t === 'code') return n.v;
      if (n.t === 'br') return ' ';
      if (n.t === 'inlineDirective' && n.measured) return formatMeasure(n.measured.value, n.measured.format, lang);
      return 'c' in n ? visibleText(n.c, lang) : '';
    })
    .join('');
}

function blocksText(nodes: readonly BlockNode[], lang: Lang): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case 'p':
        case 'heading':
          return visibleText(n.c, lang);
        case 'list':
          return n.items.map((item) => blocksText(item, lang)).join(' ');
        case 'blockquote':
          return blocksText(n.c, lang);
        case 'table':
          return [n.head, ...n.rows]
            .flat()
            .map((cell) => visibleText(cell, lang))
            .join(' ');
        case 'directive':
          return [n.label ? visibleText(n.label, lang) : '', blocksText(n.c, lang)].join(' ');
        default:
          return '';
      }
    })
    .join(' ');
}

/** Every quiz of a lesson, in order. */
export function quizzesOf(lesson: CompiledLesson): QuizData[] {
  const out: QuizData[] = [];
  const visit = (nodes: readonly BlockNode[]) => {
    for (const n of nodes) {
      if (n.t === 'directive' && n.data?.type === 'quiz') out.push(n.data);
      if (n.t === 'directive') visit(n.c);
      if (n.t === 'list') n.items.forEach(visit);
      if (n.t === 'blockquote') visit(n.c);
    }
  };
  visit(lesson.body);
  return out;
}

const choiceQuiz = (q: QuizData) => q.kind === 'single' || q.kind === 'multiple';
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);

export interface LengthReport {
  quiz: string;
  /** Mean length of the right options over the mean of all options. */
  ratio: number;
  /** Whether the single longest option is a right one. */
  rightIsLongest: boolean;
}

export function lengthReports(lessons: readonly CompiledLesson[], lang: Lang): LengthReport[] {
  return lessons.flatMap((lesson) =>
    quizzesOf(lesson)
      .filter(choiceQuiz)
      .map((q) => {
        const lengths = q.options.map((o) => visibleText(o.text, lang).trim().length);
        const right = q.options.flatMap((o, i) => (o.correct ? [lengths[i]!] : []));
        const longest = Math.max(...lengths);
        const longestOptions = q.options.filter((_, i) => lengths[i] === longest);
        return {
          quiz: `${lesson.id}#${q.id}`,
          ratio: mean(right) / mean(lengths),
          rightIsLongest: longestOptions.length === 1 && longestOptions[0]!.correct,
        };
      }),
  );
}

export function missingMisconceptions(lessons: readonly CompiledLesson[]): string[] {
  return lessons.flatMap((lesson) =>
    quizzesOf(lesson)
      .filter(choiceQuiz)
      .flatMap((q) =>
        q.options.filter((o) => !o.correct && !o.misconception).map((o) => `${lesson.id}#${q.id}/${o.id}`),
      ),
  );
}

const ABSOLUTES: Record<Lang, RegExp> = {
  en: /\b(never|always|only)\b/i,
  ru: /(?<![\p{L}])(никогда|всегда|только)(?![\p{L}])/iu,
};

export function unmarkedAbsolutes(lessons: readonly CompiledLesson[], lang: Lang): string[] {
  return lessons.flatMap((lesson) =>
    quizzesOf(lesson)
      .filter(choiceQuiz)
      .flatMap((q) =>
        q.options
          .filter((o) => !o.correct && !o.absolute && ABSOLUTES[lang].test(visibleText(o.text, lang)))
          .map((o) => `${lesson.id}#${q.id}/${o.id}: "${visibleText(o.text, lang)}"`),
      ),
  );
}

/**
 * The words a glossary entry goes by: its title before any parenthesis ("SNI (Server Name
 * Indication)" → "SNI"), and every label a lesson marks it with.
 */
function namesOf(entry: GlossaryEntry, labels: ReadonlySet<string>): string[] {
  const short = entry.title.replace(/\s*\(.*\)\s*$/, '').trim();
  return [...new Set([short, ...labels])].filter((n) => n.length >= 2);
}

/** Text of a lesson in reading order, with the places where each term is marked. */
function readingOrder(lesson: CompiledLesson, lang: Lang): { text: string; marks: Map<string, number> } {
  let text = '';
  const marks = new Map<string, number>();
  const inline = (nodes: readonly InlineNode[]) => {
    for (const n of nodes) {
      if (n.t === 'inlineDirective' && n.name === 'term') {
        const id = n.attrs.id ?? '';
        if (!marks.has(id)) marks.set(id, text.length);
        text += visibleText(n.c, lang);
      } else if (n.t === 'text') text += n.v;
      else if (n.t === 'code') text += ' '.repeat(n.v.length);
      else if (n.t === 'inlineDirective' && n.measured) text += '0';
      else if ('c' in n) inline(n.c);
    }
  };
  const blocks = (nodes: readonly BlockNode[]) => {
    for (const n of nodes) {
      text += '\n';
      switch (n.t) {
        case 'p':
          inline(n.c);
          break;
        case 'list':
          n.items.forEach(blocks);
          break;
        case 'blockquote':
          blocks(n.c);
          break;
        case 'table':
          [n.head, ...n.rows].flat().forEach(inline);
          break;
        case 'directive':
          if (n.label) inline(n.label);
          if (n.data?.type === 'quiz') {
            blocks(n.data.question);
            for (const o of n.data.options) {
              inline(o.text);
              blocks(o.explanation);
            }
          } else if (n.data?.type === 'reflection') {
            blocks(n.data.question);
            blocks(n.data.answer);
          } else blocks(n.c);
          break;
        default:
        // Headings and code blocks: a term is marked in running text, not in a title or code.
      }
    }
  };
  blocks(lesson.body);
  return { text, marks };
}

/**
 * Terms used before (or without) being marked: for each glossary entry a lesson marks or
 * mentions, its first plain mention must not come before its first `:term`.
 */
export function unmarkedFirstUses(
  lessons: readonly CompiledLesson[],
  glossary: readonly GlossaryEntry[],
  lang: Lang,
  /** Entries whose short names are everyday words that need no mark (see the test). */
  ignore: ReadonlySet<string>,
): string[] {
  const labels = new Map<string, Set<string>>();
  const collect = (nodes: readonly (BlockNode | InlineNode)[]) => {
    for (const n of nodes) {
      if (n.t === 'inlineDirective' && n.name === 'term') {
        const set = labels.get(n.attrs.id ?? '') ?? new Set();
        set.add(visibleText(n.c, lang));
        labels.set(n.attrs.id ?? '', set);
      }
      if ('c' in n) collect(n.c as (BlockNode | InlineNode)[]);
    }
  };
  const problems: string[] = [];
  for (const lesson of lessons) {
    collect(lesson.body);
    const { text, marks } = readingOrder(lesson, lang);
    for (const entry of glossary) {
      if (ignore.has(entry.id)) continue;
      for (const name of namesOf(entry, labels.get(entry.id) ?? new Set())) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const found = new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text);
        if (!found) continue;
        const marked = marks.get(entry.id);
        if (marked === undefined || found.index < marked) {
          const line = text.slice(Math.max(0, found.index - 30), found.index + name.length + 30).replace(/\s+/g, ' ');
          problems.push(`${lang} ${lesson.id}: "${name}" (${entry.id}) first used unmarked: …${line}…`);
          break;
        }
      }
    }
  }
  return problems;
}

export { blocksText };
