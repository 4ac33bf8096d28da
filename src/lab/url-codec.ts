/**
 * A Lab run in a link: `/:lang/lab?v=1&d=<payload>`. The payload is the doc's difference from
 * `defaultDoc()` (objects compared field by field, arrays replaced whole), as JSON, compressed
 * with lz-string into URL-safe characters. Long keys stay: a diff of a busy design still fits the
 * budget (the tests check every template), and readable JSON keeps links debuggable.
 *
 * The budget: a link's path and query at most MAX_LAB_URL_CHARS (2,000) characters, the length
 * older browsers, proxies and chat apps are known to keep. The path counted is `/ru/lab` (7, the
 * longest language prefix); the origin is not counted, since it differs between deployments.
 * A design over the budget gets no link (`null`): the page offers the JSON file instead.
 *
 * Reading a link never throws and never trusts it:
 * - no `d` → nothing to load, no notices;
 * - a `v` other than 1 (or none) → a 'version' notice, and the payload is still tried: the
 *   sanitiser keeps whatever is understood and lists the rest, which serves a student better than
 *   an empty Lab. A payload whose doc itself has an unknown version loads nothing;
 * - a search or payload over its bound → 'tooLong', before any decompression;
 * - a payload that does not decompress or parse to an object → 'encoding';
 * - the diff is laid over fresh default objects with own-property definitions only (a
 *   `__proto__` key becomes a plain field the sanitiser then drops), then `sanitizeDoc` makes it
 *   valid, and whatever it dropped is reported as 'dropped' with the field paths.
 */
import LZString from 'lz-string';
import { defaultDoc } from './defaults';
import type { LabDoc } from './design';
import { plainDataEqual } from './history';
import { sanitizeDoc } from './sanitize';

export const MAX_LAB_URL_CHARS = 2000;
/** The link format's version (the `v` parameter); the doc inside carries its own. */
export const LAB_LINK_VERSION = 1;
/** The longest Lab path, `/ru/lab`: what the budget assumes besides the search string. */
export const LAB_PATH_CHARS = '/ru/lab'.length;
/** Payloads longer than this are refused unread: four times the longest one we write. */
export const MAX_PAYLOAD_CHARS = 8000;
const MAX_SEARCH_CHARS = 2 * MAX_PAYLOAD_CHARS;
/** A decompressed payload longer than this is no diff of ours (lz-string can expand a lot). */
const MAX_JSON_CHARS = 256 * 1024;

export interface LabLinkNotice {
  code: 'version' | 'encoding' | 'tooLong' | 'dropped';
  /** For 'dropped': the field paths the sanitiser ignored, reset or cut. */
  fields?: string[];
}

export interface DecodedLabLink {
  doc: LabDoc | null;
  notices: LabLinkNotice[];
}

/** The search string (`?v=1&d=…`) for `doc`, or null when the link would exceed the budget. */
export function encodeLabSearch(doc: LabDoc): string | null {
  const diff = diffFrom(defaultDoc(), doc) ?? {};
  const payload = LZString.compressToEncodedURIComponent(JSON.stringify(diff));
  const search = `?v=${LAB_LINK_VERSION}&d=${payload}`;
  return LAB_PATH_CHARS + search.length > MAX_LAB_URL_CHARS ? null : search;
}

export function decodeLabSearch(search: string): DecodedLabLink {
  try {
    return decode(search);
  } catch {
    // Nothing above should throw; a link must never take the page down if something does.
    return { doc: null, notices: [{ code: 'encoding' }] };
  }
}

function decode(search: string): DecodedLabLink {
  if (typeof search !== 'string') return { doc: null, notices: [] };
  if (search.length > MAX_SEARCH_CHARS) return { doc: null, notices: [{ code: 'tooLong' }] };
  // URLSearchParams never throws on broken %-escapes; it also turns '+' into ' ', which
  // lz-string turns back.
  const params = new URLSearchParams(search);
  const payload = params.get('d');
  if (payload === null) return { doc: null, notices: [] };
  const notices: LabLinkNotice[] = [];
  if (params.get('v') !== String(LAB_LINK_VERSION)) notices.push({ code: 'version' });
  if (payload.length > MAX_PAYLOAD_CHARS) return { doc: null, notices: [...notices, { code: 'tooLong' }] };

  const json = payload === '' ? null : LZString.decompressFromEncodedURIComponent(payload);
  if (typeof json !== 'string' || json === '') return { doc: null, notices: [...notices, { code: 'encoding' }] };
  if (json.length > MAX_JSON_CHARS) return { doc: null, notices: [...notices, { code: 'tooLong' }] };
  let diff: unknown;
  try {
    diff = JSON.parse(json);
  } catch {
    return { doc: null, notices: [...notices, { code: 'encoding' }] };
  }
  if (!isPlainObject(diff)) return { doc: null, notices: [...notices, { code: 'encoding' }] };

  const { doc, dropped } = sanitizeDoc(applyDiff(defaultDoc(), diff));
  if (dropped.includes('v')) {
    // The doc inside is of a version this release does not know: load nothing rather than defaults.
    if (!notices.some((n) => n.code === 'version')) notices.push({ code: 'version' });
    return { doc: null, notices };
  }
  if (dropped.length > 0) notices.push({ code: 'dropped', fields: dropped });
  return { doc, notices };
}

/** What `value` changes relative to `base`: undefined when nothing does. Arrays count whole. */
export function diffFrom(base: unknown, value: unknown): unknown {
  if (plainDataEqual(base, value)) return undefined;
  if (!isPlainObject(base) || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const change = diffFrom(ownValue(base, key), value[key]);
    if (change !== undefined) defineOwn(out, key, change);
  }
  return out;
}

/**
 * `diff` laid over `base` into fresh objects. It recurses only where `base` has an object, so the
 * depth is the defaults' depth whatever the input's; every key is defined as an own property,
 * so no key (`__proto__` included) can reach a prototype.
 */
export function applyDiff(base: unknown, diff: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(diff)) return diff;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) defineOwn(out, key, base[key]);
  for (const key of Object.keys(diff)) defineOwn(out, key, applyDiff(ownValue(base, key), diff[key]));
  return out;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
