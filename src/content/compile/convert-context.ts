/**
 * What converting one markdown file collects (references, sections, activities) and the small
 * helpers every converter shares. Its own module, so the tree converter and the activity parsers
 * (quizzes, reflections) both depend on it and not on each other.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { ActivityRef, BlockNode, InlineNode, SectionRef } from '../tree.ts';
import type { Diagnostics, Position } from './diagnostics.ts';

export interface Ref {
  target: string;
  anchor?: string;
  at: Position;
}

export interface BlockDirectiveRef {
  name: string;
  id?: string;
  at: Position;
}

export interface ConvertContext {
  file: string;
  diag: Diagnostics;
  lessonLinks: Ref[];
  anchorLinks: Ref[];
  glossaryLinks: Ref[];
  terms: Ref[];
  sections: SectionRef[];
  /** Where each entry of `sections` starts, for messages about it. */
  sectionAt: Position[];
  blockDirectives: BlockDirectiveRef[];
  /** Quizzes and reflections in order, with the section each sits in. */
  activities: ActivityRef[];
  /** Quiz answer keys, for comparing languages. */
  quizzes: { id: string; kind: string; options: string[]; at: Position }[];
  /** Misconceptions named by quiz options, checked against the misconception lists. */
  misconceptions: Ref[];
  /** The block and inline converters, for structured directives that contain markdown. */
  convert: Converters;
}

export interface Converters {
  blocks(nodes: RootContent[]): BlockNode[];
  inlines(nodes: PhrasingContent[]): InlineNode[];
}

export function emptyContext(file: string, diag: Diagnostics, convert: Converters): ConvertContext {
  return {
    file,
    diag,
    convert,
    lessonLinks: [],
    anchorLinks: [],
    glossaryLinks: [],
    terms: [],
    sections: [],
    sectionAt: [],
    blockDirectives: [],
    activities: [],
    quizzes: [],
    misconceptions: [],
  };
}

const HEADING_ID = /\s*\{#([^}]*)\}\s*$/;
/** A quiz option's trailing marks: `{#id misconception="…" absolute="true"}`, each part optional. */
// `{#id}`, `{#id name="…"}` or `{name="…"}`: an attribute needs whitespace before it only after an id.
const OPTION_MARKS = /\s*\{(#[^\s}]*)?((?:\s*[a-zA-Z-]+="[^"]*")*)\s*\}\s*$/;
const OPTION_ATTRIBUTE = /([a-zA-Z-]+)="([^"]*)"/g;

/** Where a node starts, for `file:line:column` messages. */
export function positionOf(node: { position?: { start: { line: number; column: number } } }): Position {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** Plain text of a node, for headings in the table of contents and glossary titles. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

export function inlineText(nodes: InlineNode[]): string {
  return nodes.map((n) => ('v' in n ? n.v : 'c' in n ? inlineText(n.c) : '')).join('');
}

/**
 * Splits a quiz option's text from its trailing marks: an id and attributes in one `{…}` block,
 * e.g. `The URL path {#path misconception="l4-reads-urls"}`.
 */
export function splitOptionMarks(children: PhrasingContent[]): {
  id: string | undefined;
  attributes: Record<string, string>;
  children: PhrasingContent[];
} {
  const last = children[children.length - 1];
  const none = { id: undefined, attributes: {}, children };
  if (!last || last.type !== 'text') return none;
  const match = OPTION_MARKS.exec(last.value);
  if (!match || (!match[1] && !match[2])) return none;
  const attributes: Record<string, string> = {};
  for (const [, key = '', value = ''] of (match[2] ?? '').matchAll(OPTION_ATTRIBUTE)) attributes[key] = value;
  const rest = last.value.slice(0, match.index);
  const trimmed = rest ? [...children.slice(0, -1), { ...last, value: rest }] : children.slice(0, -1);
  return { id: match[1]?.slice(1) || undefined, attributes, children: trimmed };
}

/**
 * Splits `Title {#id}` into the title nodes and the id. Mutates nothing: returns a trimmed copy
 * of the last text child.
 */
export function splitHeadingId(children: PhrasingContent[]): { id: string | undefined; children: PhrasingContent[] } {
  const last = children[children.length - 1];
  if (!last || last.type !== 'text') return { id: undefined, children };
  const match = HEADING_ID.exec(last.value);
  if (!match) return { id: undefined, children };
  const rest = last.value.slice(0, match.index);
  const trimmed = rest ? [...children.slice(0, -1), { ...last, value: rest }] : children.slice(0, -1);
  return { id: match[1], children: trimmed };
}
