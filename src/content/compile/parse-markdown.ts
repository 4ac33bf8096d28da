import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

/** Parses lesson markdown into mdast with positions; nothing is rendered here. */
export function parseMarkdown(source: string): Root {
  return parser.runSync(parser.parse(source)) as Root;
}
