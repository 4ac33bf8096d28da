/**
 * mdast → compiled tree. Everything an author can get wrong inside a markdown body is caught here
 * and reported with the node's position; references to other files are collected for the course
 * pass, which knows every lesson and glossary entry.
 */
import type { Directives } from 'mdast-util-directive';
import type { PhrasingContent, RootContent } from 'mdast';
import { cellRun, getMeasurement, MEASUREMENTS } from '../../engine/index.ts';
import { KEBAB_ID } from '../../lib/ids.ts';
import { DIRECTIVES, isDirectiveName, type DirectiveSpec } from '../directives.ts';
import type { BlockNode, InlineNode, TableAlign } from '../tree.ts';
import { parseQuiz, parseReflection } from './activities.ts';
import { emptyContext, inlineText, positionOf as at, splitHeadingId, type ConvertContext } from './convert-context.ts';
import type { Diagnostics, Position } from './diagnostics.ts';
import { cachedEvaluate } from './engine-runs.ts';
import { widgetTargetError } from './widget-targets.ts';

export type { ConvertContext } from './convert-context.ts';
export { inlineText, plainText, splitHeadingId } from './convert-context.ts';

/** A context for one file; quizzes and reflections reach the converters through it. */
export function createContext(file: string, diag: Diagnostics): ConvertContext {
  const ctx = emptyContext(file, diag, {
    blocks: (nodes) => convertBlocks(nodes, ctx),
    inlines: (nodes) => convertInlines(nodes, ctx),
  });
  return ctx;
}

const SAFE_EXTERNAL = /^(https?:\/\/|mailto:)/i;
export function convertBlocks(nodes: RootContent[], ctx: ConvertContext): BlockNode[] {
  const out: BlockNode[] = [];
  for (const node of nodes) {
    const block = convertBlock(node, ctx);
    if (block) out.push(block);
  }
  return out;
}

function convertBlock(node: RootContent, ctx: ConvertContext): BlockNode | undefined {
  switch (node.type) {
    case 'paragraph':
      return { t: 'p', c: convertInlines(node.children, ctx) };
    case 'heading':
      return convertHeading(node, ctx);
    case 'thematicBreak':
      return { t: 'hr' };
    case 'blockquote':
      return { t: 'blockquote', c: convertBlocks(node.children, ctx) };
    case 'list':
      return {
        t: 'list',
        ordered: node.ordered === true,
        ...(node.ordered && node.start != null && node.start !== 1 ? { start: node.start } : {}),
        items: node.children.map((item) => {
          if (item.checked != null) {
            ctx.diag.add(ctx.file, at(item), 'task items ("- [x]") are only allowed inside a quiz');
          }
          return convertBlocks(item.children, ctx);
        }),
      };
    case 'code':
      return { t: 'pre', ...(node.lang ? { lang: node.lang } : {}), v: node.value };
    case 'table': {
      const [head, ...rows] = node.children;
      const cells = (row: typeof head) => (row ? row.children.map((cell) => convertInlines(cell.children, ctx)) : []);
      return {
        t: 'table',
        align: (node.align ?? []).map((a): TableAlign => a ?? null),
        head: cells(head),
        rows: rows.map(cells),
      };
    }
    case 'containerDirective':
    case 'leafDirective':
      return convertBlockDirective(node, ctx);
    case 'html':
      ctx.diag.add(ctx.file, at(node), 'raw HTML is not allowed in lessons; use markdown or a directive');
      return undefined;
    case 'yaml':
      ctx.diag.add(ctx.file, at(node), 'frontmatter must be the first thing in the file');
      return undefined;
    case 'definition':
    case 'footnoteDefinition':
      ctx.diag.add(ctx.file, at(node), 'reference-style links and footnotes are not supported; use inline links');
      return undefined;
    default:
      ctx.diag.add(ctx.file, at(node), `unsupported markdown block "${node.type}"`);
      return undefined;
  }
}

function convertHeading(node: Extract<RootContent, { type: 'heading' }>, ctx: ConvertContext): BlockNode | undefined {
  if (node.depth === 1) {
    ctx.diag.add(ctx.file, at(node), 'do not use "#" in a lesson body: the title comes from the frontmatter');
    return undefined;
  }
  if (node.depth > 3) {
    ctx.diag.add(ctx.file, at(node), `"${'#'.repeat(node.depth)}" headings are not allowed; use "##" or "###"`);
    return undefined;
  }
  const { id, children } = splitHeadingId(node.children);
  if (id === undefined) {
    ctx.diag.add(ctx.file, at(node), 'heading needs an explicit id, e.g. "## L4 load balancing {#l4}"');
    return undefined;
  }
  if (!KEBAB_ID.test(id)) {
    ctx.diag.add(ctx.file, at(node), `heading id "${id}" must be lowercase kebab-case ([a-z0-9-])`);
    return undefined;
  }
  if (ctx.sections.some((s) => s.id === id)) {
    ctx.diag.add(ctx.file, at(node), `duplicate heading id "${id}"`);
    return undefined;
  }
  const depth = node.depth as 2 | 3;
  const c = convertInlines(children, ctx);
  ctx.sections.push({ id, depth, title: inlineText(c).trim() });
  ctx.sectionAt.push(at(node));
  return { t: 'heading', depth, id, c };
}

export function convertInlines(nodes: PhrasingContent[], ctx: ConvertContext): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const inline = convertInline(node, ctx);
    if (!inline) continue;
    const prev = out[out.length - 1];
    // Merge adjacent text (e.g. after restoring a bare ":word") to keep the tree small.
    if (inline.t === 'text' && prev?.t === 'text') prev.v += inline.v;
    else out.push(inline);
  }
  return out;
}

function convertInline(node: PhrasingContent, ctx: ConvertContext): InlineNode | undefined {
  switch (node.type) {
    case 'text':
      return { t: 'text', v: node.value };
    case 'emphasis':
      return { t: 'em', c: convertInlines(node.children, ctx) };
    case 'strong':
      return { t: 'strong', c: convertInlines(node.children, ctx) };
    case 'delete':
      return { t: 'del', c: convertInlines(node.children, ctx) };
    case 'inlineCode':
      return { t: 'code', v: node.value };
    case 'break':
      return { t: 'br' };
    case 'link':
      return convertLink(node, ctx);
    case 'textDirective':
      return convertTextDirective(node, ctx);
    case 'html':
      ctx.diag.add(ctx.file, at(node), 'raw HTML is not allowed in lessons');
      return undefined;
    case 'image':
    case 'imageReference':
      ctx.diag.add(ctx.file, at(node), 'images are not supported in lessons; use a widget');
      return undefined;
    default:
      ctx.diag.add(ctx.file, at(node), `unsupported inline markdown "${node.type}"`);
      return undefined;
  }
}

function convertLink(node: Extract<PhrasingContent, { type: 'link' }>, ctx: ConvertContext): InlineNode | undefined {
  const c = convertInlines(node.children, ctx);
  const url = node.url.trim();
  const pos = at(node);
  if (url.startsWith('lesson:')) {
    const [target = '', anchor] = url.slice('lesson:'.length).split('#', 2);
    ctx.lessonLinks.push({ target, ...(anchor ? { anchor } : {}), at: pos });
    return { t: 'lessonLink', lesson: target, ...(anchor ? { anchor } : {}), c };
  }
  if (url.startsWith('glossary:')) {
    const target = url.slice('glossary:'.length);
    ctx.glossaryLinks.push({ target, at: pos });
    return { t: 'glossaryLink', term: target, c };
  }
  if (url.startsWith('#')) {
    ctx.anchorLinks.push({ target: url.slice(1), at: pos });
    return { t: 'anchorLink', anchor: url.slice(1), c };
  }
  if (SAFE_EXTERNAL.test(url)) return { t: 'link', href: url, c };
  ctx.diag.add(
    ctx.file,
    pos,
    `link "${url}" is not allowed: use lesson:<id>, lesson:<id>#<section>, #<section>, glossary:<id>, https:// or mailto:`,
  );
  return { t: 'text', v: inlineText(c) };
}

function convertTextDirective(
  node: Extract<PhrasingContent, { type: 'textDirective' }>,
  ctx: ConvertContext,
): InlineNode | undefined {
  const hasSyntax = node.children.length > 0 || Object.keys(node.attributes ?? {}).length > 0;
  // Prose such as "IP:port" parses as a bare text directive; give it back its colon.
  if (!hasSyntax && !isDirectiveName(node.name)) return { t: 'text', v: `:${node.name}` };
  const spec = checkDirective(node, ctx);
  if (!spec) return undefined;
  const attrs = attributesOf(node);
  if (node.name === 'term' && attrs.id) ctx.terms.push({ target: attrs.id, at: at(node) });
  if (node.name === 'measure') return convertMeasure(attrs, at(node), ctx);
  return { t: 'inlineDirective', name: node.name, attrs, c: convertInlines(node.children, ctx) };
}

/** `:measure{id row? col?}`: the engine runs the measurement now (or reads it from the cache). */
function convertMeasure(attrs: Record<string, string>, pos: Position, ctx: ConvertContext): InlineNode | undefined {
  const { id = '', row, col } = attrs;
  const measurement = getMeasurement(id);
  if (!measurement) {
    ctx.diag.add(ctx.file, pos, `unknown measurement "${id}" (known: ${MEASUREMENTS.map((m) => m.id).join(', ')})`);
    return undefined;
  }
  const run = cellRun(measurement, row, col);
  if (!run) {
    const rows = Object.keys(measurement.rows ?? {});
    const cols = Object.keys(measurement.cols ?? {});
    const need = rows.length
      ? `row="${rows.join('|')}"${cols.length ? ` and col="${cols.join('|')}"` : ''}`
      : 'no row or col';
    ctx.diag.add(ctx.file, pos, `measurement "${id}" needs ${need}`);
    return undefined;
  }
  const value = cachedEvaluate(run);
  if (!Number.isFinite(value)) {
    ctx.diag.add(ctx.file, pos, `measurement "${id}" gave no number (${value}): check its scenario and measure`);
    return undefined;
  }
  return { t: 'inlineDirective', name: 'measure', attrs, c: [], measured: { value, format: measurement.format } };
}

function convertBlockDirective(
  node: Extract<RootContent, { type: 'containerDirective' | 'leafDirective' }>,
  ctx: ConvertContext,
): BlockNode | undefined {
  const spec = checkDirective(node, ctx);
  if (!spec) return undefined;
  const attrs = attributesOf(node);
  ctx.blockDirectives.push({ name: node.name, ...(attrs.id ? { id: attrs.id } : {}), at: at(node) });
  if (node.type === 'leafDirective') {
    const targetError = widgetTargetError(node.name, attrs);
    if (targetError) {
      ctx.diag.add(ctx.file, at(node), targetError);
      return undefined;
    }
    return { t: 'directive', name: node.name, attrs, c: [] };
  }
  if (node.name === 'quiz' || node.name === 'reflection') return convertActivity(node, attrs, ctx);
  const [first, ...rest] = node.children;
  const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
  const label = hasLabel ? convertInlines(first.children, ctx) : undefined;
  const body = convertBlocks(hasLabel ? rest : node.children, ctx);
  return { t: 'directive', name: node.name, attrs, ...(label ? { label } : {}), c: body };
}

function convertActivity(
  node: Extract<RootContent, { type: 'containerDirective' }>,
  attrs: Record<string, string>,
  ctx: ConvertContext,
): BlockNode | undefined {
  const id = attrs.id ?? '';
  const section = ctx.sections[ctx.sections.length - 1]?.id;
  if (!section) {
    ctx.diag.add(ctx.file, at(node), `"${node.name}" must sit inside a "## Section {#id}"`);
    return undefined;
  }
  const data = node.name === 'quiz' ? parseQuiz(node, ctx, id, attrs) : parseReflection(node, ctx, id);
  if (!data) return undefined;
  ctx.activities.push({ id, type: data.type, section });
  if (data.type === 'quiz') {
    data.section = { id: section, title: ctx.sections[ctx.sections.length - 1]?.title ?? section };
    ctx.quizzes.push({
      id,
      // A predict quiz must ask the same prediction in every language.
      kind: data.predict ? `${data.kind}(${data.predict.prediction})` : data.kind,
      // …and the same misconception behind each wrong option.
      options: data.options.map(
        (o) => `${o.id}:${o.correct ? 'x' : ' '}${o.misconception ? `:${o.misconception}` : ''}`,
      ),
      at: at(node),
    });
  }
  return { t: 'directive', name: node.name, attrs, c: [], data };
}

const FORM_OF = { textDirective: 'text', leafDirective: 'leaf', containerDirective: 'container' } as const;
const SYNTAX_OF = { text: ':name[…]', leaf: '::name{…}', container: ':::name … :::' } as const;

/** Validates a directive against the registry; returns its spec, or undefined after reporting. */
function checkDirective(node: Directives, ctx: ConvertContext): DirectiveSpec | undefined {
  const pos = at(node);
  const form = FORM_OF[node.type];
  if (!isDirectiveName(node.name)) {
    const known = Object.keys(DIRECTIVES).join(', ');
    ctx.diag.add(ctx.file, pos, `unknown directive "${node.name}" (known: ${known})`);
    return undefined;
  }
  const spec: DirectiveSpec = DIRECTIVES[node.name];
  if (!spec.available) {
    ctx.diag.add(ctx.file, pos, `directive "${node.name}" is not available yet (see content/README.md)`);
    return undefined;
  }
  if (spec.form !== form) {
    ctx.diag.add(
      ctx.file,
      pos,
      `"${node.name}" is a ${spec.form} directive: write it as ${SYNTAX_OF[spec.form].replace('name', node.name)}`,
    );
    return undefined;
  }
  let ok = true;
  const attrs = node.attributes ?? {};
  for (const [key, value] of Object.entries(attrs)) {
    const attr = spec.attributes[key];
    if (!attr) {
      ctx.diag.add(ctx.file, pos, `"${node.name}" has no attribute "${key}"`);
      ok = false;
    } else if (!isValid(value ?? '', attr)) {
      const allowed = attr.values ? ` (one of: ${attr.values.join(', ')})` : '';
      ctx.diag.add(ctx.file, pos, `"${node.name}" ${key}="${value ?? ''}" is not a valid ${attr.describe}${allowed}`);
      ok = false;
    }
  }
  for (const [key, attr] of Object.entries(spec.attributes)) {
    if (attr.required && attrs[key] == null) {
      ctx.diag.add(ctx.file, pos, `"${node.name}" needs ${key}="…" (${attr.describe})`);
      ok = false;
    }
  }
  const hasLabel =
    node.type === 'textDirective'
      ? node.children.length > 0
      : node.children[0]?.type === 'paragraph' && node.children[0].data?.directiveLabel === true;
  if (spec.label === 'required' && !hasLabel) {
    ctx.diag.add(ctx.file, pos, `"${node.name}" needs text in brackets, e.g. :${node.name}[SNI]{…}`);
    ok = false;
  }
  if (spec.label === 'none' && hasLabel) {
    ctx.diag.add(ctx.file, pos, `"${node.name}" takes no [label]`);
    ok = false;
  }
  return ok ? spec : undefined;
}

function isValid(value: string, attr: { values?: readonly string[]; pattern?: RegExp }): boolean {
  if (attr.values) return attr.values.includes(value);
  if (attr.pattern) return attr.pattern.test(value);
  return value.trim().length > 0;
}

function attributesOf(node: Directives): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (value != null) out[key] = value;
  }
  return out;
}
