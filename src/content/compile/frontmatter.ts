/** Lesson frontmatter: parsed with positions so every complaint points at the offending line. */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { KEBAB_ID } from '../../lib/ids.ts';
import type { LessonMeta } from '../tree.ts';
import type { Diagnostics, Position } from './diagnostics.ts';

const KEYS = [
  'id',
  'title',
  'summary',
  'minutes',
  'prerequisites',
  'related',
] as const satisfies readonly (keyof LessonMeta)[];

/** The lesson metadata an author writes; the compiler adds sections and activities. */
export type Frontmatter = Pick<LessonMeta, (typeof KEYS)[number]>;

/**
 * @param yamlText the text between the `---` fences
 * @param firstLine the file line on which that text starts
 */
export function parseFrontmatter(
  yamlText: string,
  firstLine: number,
  file: string,
  diag: Diagnostics,
): Frontmatter | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false });
  const pos = (offset: number | undefined): Position => {
    const p = lines.linePos(offset ?? 0);
    return { line: firstLine + p.line - 1, column: p.col };
  };
  for (const error of doc.errors) {
    diag.add(file, pos(error.pos[0]), `frontmatter: ${error.message.split('\n')[0]}`);
  }
  if (doc.errors.length) return undefined;
  if (!isMap(doc.contents)) {
    diag.add(file, { line: firstLine, column: 1 }, 'frontmatter must be a YAML mapping (key: value)');
    return undefined;
  }
  const values = new Map<string, { value: unknown; at: Position }>();
  for (const item of doc.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const at = pos(isScalar(item.key) ? item.key.range?.[0] : undefined);
    if (!(KEYS as readonly string[]).includes(key)) {
      diag.add(file, at, `frontmatter: unknown key "${key}" (allowed: ${KEYS.join(', ')})`);
      continue;
    }
    values.set(key, { value: (item.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null, at });
  }
  const start = { line: firstLine, column: 1 };
  let ok = true;
  const fail = (at: Position, message: string) => {
    diag.add(file, at, `frontmatter: ${message}`);
    ok = false;
  };
  const text = (key: 'id' | 'title' | 'summary'): string => {
    const entry = values.get(key);
    if (!entry) fail(start, `missing "${key}"`);
    else if (typeof entry.value !== 'string' || !entry.value.trim()) fail(entry.at, `"${key}" must be non-empty text`);
    else return entry.value.trim();
    return '';
  };
  const ids = (key: 'prerequisites' | 'related'): string[] => {
    const entry = values.get(key);
    if (!entry) {
      fail(start, `missing "${key}" (use [] for none)`);
      return [];
    }
    if (!Array.isArray(entry.value) || !entry.value.every((v) => typeof v === 'string' && KEBAB_ID.test(v))) {
      fail(entry.at, `"${key}" must be a list of lesson ids, e.g. [load-balancing-basics]`);
      return [];
    }
    return entry.value as string[];
  };
  const id = text('id');
  if (id && !KEBAB_ID.test(id)) fail(values.get('id')?.at ?? start, `id "${id}" must be lowercase kebab-case`);
  const title = text('title');
  const summary = text('summary');
  const minutesEntry = values.get('minutes');
  let minutes = 0;
  if (!minutesEntry) fail(start, 'missing "minutes"');
  else if (
    !Number.isInteger(minutesEntry.value) ||
    (minutesEntry.value as number) < 1 ||
    (minutesEntry.value as number) > 240
  )
    fail(minutesEntry.at, '"minutes" must be a whole number from 1 to 240');
  else minutes = minutesEntry.value as number;
  const prerequisites = ids('prerequisites');
  const related = ids('related');
  return ok ? { id, title, summary, minutes, prerequisites, related } : undefined;
}
