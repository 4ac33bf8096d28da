/** Glossary files: `## Term {#id}` followed by its definition, merged across files per language. */
import type { RootContent } from 'mdast';
import { KEBAB_ID } from '../../lib/ids.ts';
import type { GlossaryEntry } from '../tree.ts';
import type { Diagnostics } from './diagnostics.ts';
import { parseMarkdown } from './parse-markdown.ts';
import {
  convertBlocks,
  convertInlines,
  createContext,
  inlineText,
  splitHeadingId,
  type ConvertContext,
} from './to-tree.ts';

export interface GlossaryUnit {
  file: string;
  entries: GlossaryEntry[];
  refs: ConvertContext;
  lines: Map<string, number>;
}

export function compileGlossary(source: string, file: string, diag: Diagnostics): GlossaryUnit {
  const ctx = createContext(file, diag);
  const entries: GlossaryEntry[] = [];
  const lines = new Map<string, number>();
  let current: { entry: GlossaryEntry; blocks: RootContent[] } | undefined;
  const flush = () => {
    if (!current) return;
    current.entry.definition = convertBlocks(current.blocks, ctx);
    if (!current.entry.definition.length) {
      diag.add(
        file,
        { line: lines.get(current.entry.id) ?? 1, column: 1 },
        `glossary entry "${current.entry.id}" has no definition`,
      );
    }
    entries.push(current.entry);
  };
  for (const node of parseMarkdown(source).children) {
    if (node.type === 'heading' && node.depth === 2) {
      flush();
      const { id, children } = splitHeadingId(node.children);
      const line = node.position?.start.line ?? 1;
      if (!id || !KEBAB_ID.test(id)) {
        diag.add(
          file,
          { line, column: 1 },
          'glossary entry needs a kebab-case id, e.g. "## SNI (Server Name Indication) {#sni}"',
        );
        current = undefined;
        continue;
      }
      lines.set(id, line);
      current = { entry: { id, title: inlineText(convertInlines(children, ctx)).trim(), definition: [] }, blocks: [] };
    } else if (node.type === 'heading') {
      diag.add(
        file,
        { line: node.position?.start.line ?? 1, column: 1 },
        'glossary files use only "##" headings, one per entry',
      );
    } else if (current) {
      current.blocks.push(node);
    } else {
      diag.add(
        file,
        { line: node.position?.start.line ?? 1, column: 1 },
        'text before the first "## Term {#id}" heading',
      );
    }
  }
  flush();
  if (ctx.terms.length) {
    const first = ctx.terms[0];
    diag.add(file, first?.at, 'use glossary: links, not :term, inside the glossary');
  }
  return { file, entries, refs: ctx, lines };
}
