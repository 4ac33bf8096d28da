/**
 * A Lab design as a JSON file a student downloads, keeps, mails and loads again: the way to share
 * a design too large for a link. The envelope names its format and version so a file from
 * elsewhere is recognised before anything in it is used; the doc inside goes through the same
 * sanitiser as links and storage.
 */
import type { LabDoc } from './design';
import { sanitizeDoc } from './sanitize';

export const DESIGN_FILE_FORMAT = 'balancer-lab-design';
export const DESIGN_FILE_VERSION = 1;
/**
 * Files larger than this are refused unread (measured in UTF-16 units, which for this ASCII JSON
 * are bytes). The largest valid design, pretty-printed, is under 20 KB.
 */
export const MAX_DESIGN_FILE_CHARS = 512 * 1024;
/** Saved names and file names share this limit. */
export const MAX_DESIGN_NAME_LENGTH = 60;
const MAX_SLUG_LENGTH = 40;

export interface DesignFile {
  format: typeof DESIGN_FILE_FORMAT;
  v: typeof DESIGN_FILE_VERSION;
  name: string;
  doc: LabDoc;
}

export type ParsedDesignFile =
  | { ok: true; doc: LabDoc; name: string | null; dropped: string[] }
  | { ok: false; error: 'tooLarge' | 'json' | 'format' };

/**
 * `balancer-lab-<slug>.json`: letters and digits of any script kept (a Russian name stays
 * readable), everything else one hyphen, so the name is safe on every file system.
 */
export function designFileName(name: string): string {
  const slug = Array.from(
    name
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  )
    .slice(0, MAX_SLUG_LENGTH)
    .join('')
    .replace(/-+$/, '');
  return slug === '' ? 'balancer-lab-design.json' : `balancer-lab-${slug}.json`;
}

export function designFileText(doc: LabDoc, name: string): string {
  const file: DesignFile = { format: DESIGN_FILE_FORMAT, v: DESIGN_FILE_VERSION, name, doc };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a file's text. Any other format or version is 'format' (a newer file's meaning may have
 * changed); within the format, the doc is sanitised and `dropped` lists what was ignored. A
 * missing or unusable name is null: the page then asks for one.
 */
export function parseDesignFile(text: string): ParsedDesignFile {
  if (typeof text !== 'string') return { ok: false, error: 'json' };
  if (text.length > MAX_DESIGN_FILE_CHARS) return { ok: false, error: 'tooLarge' };
  let value: unknown;
  try {
    // Editors on Windows may add a byte-order mark.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'format' };
  const file = value as Record<string, unknown>;
  if (own(file, 'format') !== DESIGN_FILE_FORMAT || own(file, 'v') !== DESIGN_FILE_VERSION) {
    return { ok: false, error: 'format' };
  }
  const { doc, dropped } = sanitizeDoc(own(file, 'doc'));
  // The doc itself is of an unknown version: nothing in it can be trusted to mean the same.
  if (dropped.includes('v')) return { ok: false, error: 'format' };
  return { ok: true, doc, name: designName(own(file, 'name')), dropped };
}

/** A usable design name (trimmed, 1–60 characters, no control characters), or null. */
export function designName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim();
  const length = Array.from(name).length;
  if (length === 0 || length > MAX_DESIGN_NAME_LENGTH || /\p{Cc}/u.test(name)) return null;
  return name;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
