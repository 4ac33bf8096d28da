/**
 * Hand-typed figures in lesson text. Every simulated number a student reads is measured by the
 * engine (`:measure{…}`), so a percentage or a ratio typed into prose is either a mistake or a
 * figure from a source, listed in `content/sourced-figures.yaml` with a link that the lesson's
 * `## Sources {#sources}` section carries in every language. The one other exception is a predict
 * quiz's option label, which names its outcome's bounds from `PREDICTIONS`.
 *
 * Figures are read from the markdown the compiler parses (with its positions): every text node
 * except code spans, code blocks and `:measure` nodes, frontmatter included.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown } from '../../src/content/compile/parse-markdown';
import { LANGS } from '../../src/lib/lang';
import { getPrediction, type Prediction } from '../../src/engine';

export const ALLOWLIST_FILE = 'sourced-figures.yaml';

export interface SourcedFigure {
  /** The lesson whose files (both languages, lesson and glossary) may state the figure. */
  lesson: string;
  /** As written, normalised when compared: "50%", "47×", "3,7 ×" and "в 3,7 раза" are all figures. */
  figure: string;
  /** A link that the lesson's `#sources` section carries in every language. */
  source: string;
  why: string;
}

export interface FoundFigure {
  file: string;
  line: number;
  /** As written in the text. */
  raw: string;
  /** Decimal point, no spaces, "×" for "times" and "в … раз". */
  figure: string;
  /** Set when the figure sits in a predict quiz option's label. */
  option?: { prediction: string; id: string };
}

const SPACE = '[ \\u00a0\\u202f]';
const NUM = '\\d+(?:[.,]\\d+)?';
/** "N%", "N %", "N–M%", "N×", "N ×", "N times", and in Russian "в N раз" / "в N раза". */
const FIGURE = new RegExp(
  [
    `(?<![\\p{L}\\p{N}.,])${NUM}(?:${SPACE}?[–-]${SPACE}?${NUM})?${SPACE}?[%×]`,
    `(?<![\\p{L}\\p{N}.,])${NUM}${SPACE}+times(?!\\p{L})`,
    `(?<!\\p{L})[вВ]${SPACE}+${NUM}${SPACE}+раза?(?!\\p{L})`,
  ].join('|'),
  'gu',
);

/** "3,7 ×" → "3.7×", "в 3,7 раза" → "3.7×", "50 %" → "50%", "16.3 – 22.5%" → "16.3–22.5%". */
export function normaliseFigure(raw: string): string {
  return raw
    .replace(/^[вВ][ \u00a0\u202f]+/u, '')
    .replace(/[ \u00a0\u202f]*(times|раза?)$/u, '×')
    .replace(/,/g, '.')
    .replace(/[ \u00a0\u202f]/g, '')
    .replace(/-/g, '–');
}

export function figuresIn(text: string): { raw: string; index: number }[] {
  return [...text.matchAll(FIGURE)].map((m) => ({ raw: m[0], index: m.index }));
}

/** Every figure in one markdown file, with its line. */
export function scanMarkdown(source: string, file: string): FoundFigure[] {
  const found: FoundFigure[] = [];
  const tree: Root = parseMarkdown(source);
  const add = (text: string, line: number, option?: FoundFigure['option']) => {
    for (const { raw, index } of figuresIn(text)) {
      const figureLine = line + (text.slice(0, index).match(/\n/g)?.length ?? 0);
      found.push({ file, line: figureLine, raw, figure: normaliseFigure(raw), ...(option ? { option } : {}) });
    }
  };
  /** `label`: the predict option whose first line (its label) starts at `labelLine`. */
  const walk = (node: Nodes, label?: { option: NonNullable<FoundFigure['option']>; line: number }) => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
        return;
      case 'yaml':
        add(node.value, (node.position?.start.line ?? 1) + 1);
        return;
      case 'textDirective':
        if (node.name === 'measure') return;
        break;
      case 'text': {
        const line = node.position?.start.line ?? 1;
        if (label && line === label.line) {
          // The label is the option's first line; an explanation may follow in the same node.
          const cut = node.value.indexOf('\n');
          const head = cut < 0 ? node.value : node.value.slice(0, cut);
          add(head, line, label.option);
          if (cut >= 0) add(node.value.slice(cut), line);
        } else add(node.value, line);
        return;
      }
      case 'containerDirective': {
        const prediction = node.name === 'quiz' && node.attributes?.kind === 'predict' && node.attributes.prediction;
        if (prediction) {
          for (const child of node.children) {
            if (child.type !== 'list') {
              walk(child);
              continue;
            }
            for (const item of child.children) {
              const line = item.position?.start.line ?? 1;
              const id = /\{#([a-z0-9-]+)[\s}]/.exec(source.split('\n')[line - 1] ?? '')?.[1] ?? '';
              for (const part of item.children) walk(part, { option: { prediction, id }, line });
            }
          }
          return;
        }
        break;
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child, label);
  };
  walk(tree);
  return found;
}

/** A predict option may name its own outcome's bounds: "Under 30%", "1.3× to 2×". */
export function isOutcomeBound(found: FoundFigure, prediction: Prediction | undefined): boolean {
  if (!found.option || !prediction) return false;
  const outcome = prediction.outcomes.find((o) => o.id === found.option?.id);
  if (!outcome) return false;
  const bounds = [outcome.min, outcome.max].filter((b): b is number => b !== undefined);
  const unit = found.figure.slice(-1);
  const expected = prediction.format.unit === 'percent' ? '%' : prediction.format.unit === 'ratio' ? '×' : '';
  if (unit !== expected) return false;
  const scale = unit === '%' ? 100 : 1;
  return found.figure
    .slice(0, -1)
    .split('–')
    .every((n) => bounds.some((b) => Math.abs(Number(n) - b * scale) < 1e-9));
}

/** Links in a markdown file's `## … {#sources}` section. */
export function sourceLinks(source: string): Set<string> {
  const links = new Set<string>();
  let inSources = false;
  const collect = (node: Nodes) => {
    if (node.type === 'link') links.add(node.url.trim());
    if ('children' in node) for (const child of node.children as Nodes[]) collect(child);
  };
  for (const node of parseMarkdown(source).children) {
    if (node.type === 'heading' && node.depth === 2) {
      const last = node.children[node.children.length - 1];
      inSources = last?.type === 'text' && /\{#sources\}\s*$/.test(last.value);
      continue;
    }
    if (inSources) collect(node);
  }
  return links;
}

export function readAllowlist(contentDir: string): SourcedFigure[] {
  const path = join(contentDir, ALLOWLIST_FILE);
  if (!existsSync(path)) return [];
  const data: unknown = parseYaml(readFileSync(path, 'utf8'));
  return Array.isArray(data) ? (data as SourcedFigure[]) : [];
}

interface ContentFile {
  path: string;
  lang: string;
  /** The lesson whose allowlist entries apply (a glossary file named after a lesson uses that lesson's). */
  lesson?: string;
  source: string;
}

function contentFiles(contentDir: string, lessons: readonly string[]): ContentFile[] {
  const files: ContentFile[] = [];
  for (const lang of LANGS) {
    for (const kind of ['lessons', 'glossary'] as const) {
      const dir = join(contentDir, lang, kind);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)
        .filter((n) => n.endsWith('.md'))
        .sort()) {
        const id = name.replace(/\.md$/, '');
        files.push({
          path: `content/${lang}/${kind}/${name}`,
          lang,
          ...(lessons.includes(id) ? { lesson: id } : {}),
          source: readFileSync(join(dir, name), 'utf8'),
        });
      }
    }
  }
  return files;
}

/**
 * Every problem with hand-typed figures in a course, one message each: `file:line: …` for a
 * figure nobody measured or sourced, and `content/sourced-figures.yaml: …` for an entry that is
 * malformed, names a source its lesson does not list, or is no longer used.
 */
export function checkFigures(contentDir: string, allowlist = readAllowlist(contentDir)): string[] {
  const manifest = JSON.parse(readFileSync(join(contentDir, 'course.json'), 'utf8')) as { lessons: string[] };
  const files = contentFiles(contentDir, manifest.lessons);
  const problems: string[] = [];
  const used = new Set<SourcedFigure>();
  const where = `content/${ALLOWLIST_FILE}`;

  allowlist.forEach((entry, i) => {
    const name = `${where}: entry ${i + 1} (${entry.lesson ?? '?'} "${entry.figure ?? '?'}")`;
    if (!manifest.lessons.includes(entry.lesson)) problems.push(`${name}: unknown lesson "${entry.lesson}"`);
    if (typeof entry.figure !== 'string' || figuresIn(entry.figure)[0]?.raw !== entry.figure)
      problems.push(`${name}: "figure" must be one figure such as "50%" or "47×"`);
    if (typeof entry.source !== 'string' || !/^https:\/\//.test(entry.source))
      problems.push(`${name}: "source" must be an https:// link`);
    if (typeof entry.why !== 'string' || !entry.why.trim()) problems.push(`${name}: say "why" the figure is typed`);
    for (const lang of LANGS) {
      const lesson = files.find((f) => f.lang === lang && f.lesson === entry.lesson && f.path.includes('/lessons/'));
      if (lesson && !sourceLinks(lesson.source).has(entry.source))
        problems.push(`${name}: ${lesson.path} does not link ${entry.source} in its "## … {#sources}" section`);
    }
  });

  for (const file of files) {
    for (const found of scanMarkdown(file.source, file.path)) {
      if (found.option && isOutcomeBound(found, getPrediction(found.option.prediction))) continue;
      const entry = allowlist.find(
        (e) => e.lesson === file.lesson && normaliseFigure(String(e.figure)) === found.figure,
      );
      if (entry) {
        used.add(entry);
        continue;
      }
      const hint = found.option
        ? `a predict option may name only its outcome's bounds from PREDICTIONS`
        : `use :measure{id="…"} for a simulated number, or list a sourced figure in ${where}`;
      problems.push(`${found.file}:${found.line}: "${found.raw}" is typed by hand; ${hint}`);
    }
  }

  allowlist.forEach((entry, i) => {
    if (!used.has(entry))
      problems.push(`${where}: entry ${i + 1} (${entry.lesson} "${entry.figure}") is no longer used; remove it`);
  });
  return problems;
}
