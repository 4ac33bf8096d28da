/**
 * The whole course: every lesson and glossary file in every language, compiled and cross-checked
 * (manifest, links, glossary terms, and that the languages mirror each other).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KEBAB_ID } from '../../lib/ids.ts';
import { LANGS, type Lang } from '../../lib/lang.ts';
import type { CompiledLesson, CourseIndex, GlossaryEntry, LessonMeta } from '../tree.ts';
import { compileGlossary, type GlossaryUnit } from './compile-glossary.ts';
import { compileLesson, type LessonUnit } from './compile-lesson.ts';
import { Diagnostics, type ContentError } from './diagnostics.ts';
import { saveEngineRuns } from './engine-runs.ts';
import { checkLanguageParity } from './parity.ts';

export interface CompiledCourse {
  index: CourseIndex;
  lessons: Record<Lang, Record<string, CompiledLesson>>;
  glossary: Record<Lang, GlossaryEntry[]>;
  errors: ContentError[];
  /** Every file read, so the dev server can watch them. */
  files: string[];
}

export function compileCourse(contentDir: string, rootDir = join(contentDir, '..')): CompiledCourse {
  const diag = new Diagnostics();
  const rel = (path: string) => relative(rootDir, path).split('\\').join('/');
  const files: string[] = [];
  const read = (path: string) => {
    files.push(path);
    return readFileSync(path, 'utf8');
  };
  const order = readManifest(join(contentDir, 'course.json'), rel, read, diag);

  const lessonUnits = {} as Record<Lang, Map<string, LessonUnit>>;
  const glossaryUnits = {} as Record<Lang, GlossaryUnit[]>;
  const misconceptionUnits = {} as Record<Lang, GlossaryUnit[]>;
  for (const lang of LANGS) {
    lessonUnits[lang] = new Map();
    const lessonDir = join(contentDir, lang, 'lessons');
    const present = listMarkdown(lessonDir);
    for (const id of order) {
      const path = join(lessonDir, `${id}.md`);
      if (!present.includes(`${id}.md`)) {
        diag.add(
          rel(join(contentDir, 'course.json')),
          undefined,
          `lesson "${id}" is listed but ${rel(path)} does not exist`,
        );
        continue;
      }
      const unit = compileLesson({ source: read(path), file: rel(path), lang, expectedId: id, diag });
      if (unit) lessonUnits[lang].set(id, unit);
    }
    for (const name of present) {
      if (!order.includes(name.replace(/\.md$/, ''))) {
        diag.add(rel(join(lessonDir, name)), undefined, 'lesson is not listed in content/course.json');
      }
    }
    // Glossary entries and misconceptions share one format: `## Title {#id}` and a definition.
    const entriesIn = (folder: string) =>
      listMarkdown(join(contentDir, lang, folder)).map((name) => {
        const path = join(contentDir, lang, folder, name);
        return compileGlossary(read(path), rel(path), diag);
      });
    glossaryUnits[lang] = entriesIn('glossary');
    misconceptionUnits[lang] = entriesIn('misconceptions');
  }

  const glossary = {} as Record<Lang, GlossaryEntry[]>;
  const lessons = {} as Record<Lang, Record<string, CompiledLesson>>;
  const index: CourseIndex = { order, lessons: { en: {}, ru: {} } };
  for (const lang of LANGS) {
    glossary[lang] = mergeGlossary(glossaryUnits[lang], diag);
    lessons[lang] = {};
    const terms = new Map(glossary[lang].map((entry) => [entry.id, entry]));
    const misconceptions = new Map(mergeGlossary(misconceptionUnits[lang], diag).map((entry) => [entry.id, entry]));
    for (const [id, unit] of lessonUnits[lang]) {
      checkReferences(unit, { order, units: lessonUnits[lang], terms, diag });
      for (const ref of unit.refs.terms) {
        const entry = terms.get(ref.target);
        if (entry) unit.lesson.terms[ref.target] = entry;
      }
      for (const ref of unit.refs.misconceptions) {
        const entry = misconceptions.get(ref.target);
        if (entry) unit.lesson.misconceptions[ref.target] = entry;
        else
          diag.add(
            unit.file,
            ref.at,
            `unknown misconception "${ref.target}" (define it in content/${lang}/misconceptions/)`,
          );
      }
      lessons[lang][id] = unit.lesson;
      index.lessons[lang][id] = metaOf(unit.lesson);
    }
    for (const unit of glossaryUnits[lang]) {
      for (const ref of unit.refs.glossaryLinks) {
        if (!terms.has(ref.target)) diag.add(unit.file, ref.at, `glossary link to unknown entry "${ref.target}"`);
      }
    }
  }
  checkLanguageParity({ lessonUnits, glossaryUnits, misconceptionUnits, diag });
  saveEngineRuns();
  return { index, lessons, glossary, errors: diag.errors, files };
}

function readManifest(
  path: string,
  rel: (p: string) => string,
  read: (p: string) => string,
  diag: Diagnostics,
): string[] {
  if (!existsSync(path)) {
    diag.add(rel(path), undefined, 'missing course manifest: { "lessons": ["lesson-id", …] }');
    return [];
  }
  let data: unknown;
  try {
    data = JSON.parse(read(path));
  } catch (error) {
    diag.add(rel(path), undefined, `invalid JSON: ${(error as Error).message}`);
    return [];
  }
  const lessons = (data as { lessons?: unknown } | null)?.lessons;
  if (!Array.isArray(lessons) || !lessons.every((id) => typeof id === 'string' && KEBAB_ID.test(id))) {
    diag.add(rel(path), undefined, '"lessons" must be a list of kebab-case lesson ids');
    return [];
  }
  const seen = new Set<string>();
  for (const id of lessons as string[]) {
    if (seen.has(id)) diag.add(rel(path), undefined, `lesson "${id}" is listed twice`);
    seen.add(id);
  }
  return [...seen];
}

function listMarkdown(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
}

function mergeGlossary(units: GlossaryUnit[], diag: Diagnostics): GlossaryEntry[] {
  const byId = new Map<string, { entry: GlossaryEntry; file: string }>();
  for (const unit of units) {
    for (const entry of unit.entries) {
      const previous = byId.get(entry.id);
      if (previous) {
        diag.add(
          unit.file,
          { line: unit.lines.get(entry.id) ?? 1, column: 1 },
          `glossary entry "${entry.id}" is already defined in ${previous.file}`,
        );
      } else byId.set(entry.id, { entry, file: unit.file });
    }
  }
  return [...byId.values()].map((v) => v.entry).sort((a, b) => a.title.localeCompare(b.title));
}

function checkReferences(
  unit: LessonUnit,
  env: { order: string[]; units: Map<string, LessonUnit>; terms: Map<string, GlossaryEntry>; diag: Diagnostics },
): void {
  const { lesson, refs, file } = unit;
  const { diag } = env;
  const position = env.order.indexOf(lesson.id);
  for (const key of ['prerequisites', 'related'] as const) {
    for (const id of lesson[key]) {
      if (id === lesson.id) diag.add(file, { line: 1, column: 1 }, `frontmatter: "${key}" lists the lesson itself`);
      else if (!env.order.includes(id))
        diag.add(file, { line: 1, column: 1 }, `frontmatter: "${key}" names unknown lesson "${id}"`);
      else if (key === 'prerequisites' && env.order.indexOf(id) > position) {
        diag.add(
          file,
          { line: 1, column: 1 },
          `frontmatter: prerequisite "${id}" comes after this lesson in content/course.json`,
        );
      }
    }
  }
  for (const ref of refs.lessonLinks) {
    const target = env.units.get(ref.target);
    if (!env.order.includes(ref.target)) diag.add(file, ref.at, `link to unknown lesson "${ref.target}"`);
    else if (ref.anchor && target && !target.lesson.sections.some((s) => s.id === ref.anchor)) {
      diag.add(file, ref.at, `link to unknown section "#${ref.anchor}" of lesson "${ref.target}"`);
    }
  }
  for (const ref of refs.anchorLinks) {
    if (!lesson.sections.some((s) => s.id === ref.target))
      diag.add(file, ref.at, `link to unknown section "#${ref.target}"`);
  }
  for (const ref of [...refs.terms, ...refs.glossaryLinks]) {
    if (!env.terms.has(ref.target))
      diag.add(file, ref.at, `unknown glossary entry "${ref.target}" (define it in content/${lesson.lang}/glossary/)`);
  }
  const seen = new Map<string, number>();
  for (const directive of refs.blockDirectives) {
    if (!directive.id) continue;
    if (seen.has(directive.id))
      diag.add(file, directive.at, `directive id "${directive.id}" is already used on line ${seen.get(directive.id)}`);
    else seen.set(directive.id, directive.at.line);
  }
}

function metaOf(lesson: CompiledLesson): LessonMeta {
  const { id, title, summary, minutes, prerequisites, related, sections, activities } = lesson;
  return { id, title, summary, minutes, prerequisites, related, sections, activities };
}
