/**
 * Vite plugin that compiles `content/` at build time and serves it as virtual modules:
 * `virtual:course` (the small index plus lazy loaders) and chunks per lesson and glossary, so
 * a lesson page downloads only its own compiled tree. A lesson comes in two chunks: its first
 * sections, which the page renders at once, and the rest, fetched at the same time and appended
 * when it arrives, so the first screen never waits for a long lesson's tail. Bad content stops
 * the build.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { isLang, LANGS } from '../../lib/lang.ts';
import { compileCourse, type CompiledCourse } from './compile-course.ts';
import { ContentBuildError } from './diagnostics.ts';
import type { BlockNode, CompiledLesson } from '../tree.ts';

const INDEX_ID = 'virtual:course';
const PREFIX = '\0virtual:course';

export function contentPlugin(options: { contentDir: string }): Plugin {
  const contentDir = resolve(options.contentDir);
  let cached: CompiledCourse | undefined;
  let server: ViteDevServer | undefined;

  const course = (): CompiledCourse => {
    cached ??= compileCourse(contentDir, resolve(contentDir, '..'));
    if (cached.errors.length) {
      const error = new ContentBuildError(cached.errors);
      cached = undefined;
      throw error;
    }
    return cached;
  };

  return {
    name: 'balancer-lab:content',
    configureServer(devServer) {
      server = devServer;
    },
    buildStart() {
      for (const file of course().files) this.addWatchFile(file);
    },
    resolveId(id) {
      if (id === INDEX_ID || id.startsWith(`${INDEX_ID}/`)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const compiled = course();
      const rest = id.slice(PREFIX.length);
      if (rest === '') return indexModule(compiled);
      const [, kind, lang, lessonId] = rest.split('/');
      if (kind === 'glossary' && lang && isLang(lang)) return jsonModule(compiled.glossary[lang]);
      const lesson = lang && isLang(lang) && lessonId ? compiled.lessons[lang][lessonId] : undefined;
      if (kind === 'lesson' && lesson) return jsonModule(splitLesson(lesson).head);
      if (kind === 'lesson-rest' && lesson) return jsonModule(splitLesson(lesson).rest);
      return undefined;
    },
    handleHotUpdate({ file }) {
      if (!file.startsWith(contentDir) || !server) return undefined;
      cached = undefined;
      for (const mod of server.moduleGraph.idToModuleMap.values()) {
        if (mod.id?.startsWith(PREFIX)) server.moduleGraph.invalidateModule(mod);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}

/** Sections (`##`) in a lesson's first chunk: the objectives and the opening, a first screen and more. */
const HEAD_SECTIONS = 2;

/** The lesson with its body cut after its first sections, and the blocks that follow. */
export function splitLesson(lesson: CompiledLesson): { head: CompiledLesson; rest: BlockNode[] } {
  let sections = 0;
  const cut = lesson.body.findIndex(
    (block) => block.t === 'heading' && block.depth === 2 && ++sections > HEAD_SECTIONS,
  );
  if (cut < 0) return { head: lesson, rest: [] };
  return { head: { ...lesson, body: lesson.body.slice(0, cut) }, rest: lesson.body.slice(cut) };
}

function jsonModule(data: unknown): string {
  // JSON.parse of a string literal is faster to start than an equivalent object literal.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
}

function indexModule(course: CompiledCourse): string {
  const lessonLoaders = LANGS.flatMap((lang) =>
    course.index.order.map(
      (id) =>
        `  ${JSON.stringify(`${lang}/${id}`)}: () => import(${JSON.stringify(`${INDEX_ID}/lesson/${lang}/${id}`)}),`,
    ),
  );
  const restLoaders = LANGS.flatMap((lang) =>
    course.index.order.map(
      (id) =>
        `  ${JSON.stringify(`${lang}/${id}`)}: () => import(${JSON.stringify(`${INDEX_ID}/lesson-rest/${lang}/${id}`)}),`,
    ),
  );
  const glossaryLoaders = LANGS.map(
    (lang) => `  ${lang}: () => import(${JSON.stringify(`${INDEX_ID}/glossary/${lang}`)}),`,
  );
  return [
    `export const courseIndex = ${JSON.stringify(course.index)};`,
    `const lessons = {\n${lessonLoaders.join('\n')}\n};`,
    `const rests = {\n${restLoaders.join('\n')}\n};`,
    `const glossaries = {\n${glossaryLoaders.join('\n')}\n};`,
    `export function loadLesson(lang, id) {`,
    `  const load = Object.prototype.hasOwnProperty.call(lessons, lang + '/' + id) ? lessons[lang + '/' + id] : undefined;`,
    `  return load ? load().then((m) => m.default) : Promise.resolve(undefined);`,
    `}`,
    `export function loadLessonRest(lang, id) {`,
    `  const load = Object.prototype.hasOwnProperty.call(rests, lang + '/' + id) ? rests[lang + '/' + id] : undefined;`,
    `  return load ? load().then((m) => m.default) : Promise.resolve([]);`,
    `}`,
    `export function loadGlossary(lang) {`,
    `  return glossaries[lang]().then((m) => m.default);`,
    `}`,
  ].join('\n');
}
