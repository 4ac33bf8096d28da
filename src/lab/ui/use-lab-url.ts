import { useEffect, useMemo } from 'react';
import type { Lang } from '../../lib/lang';
import { labPath } from '../../lib/paths';
import type { LabDoc } from '../design';
import { encodeLabSearch } from '../url-codec';

/** The address bar is rewritten at most this often while a field is being typed into. */
const WRITE_AFTER_MS = 300;

export type LabUrlState = { kind: 'link'; search: string } | { kind: 'tooLarge' };

/**
 * Keeps the design, faults and seed in the address bar (`?v=1&d=…`), so reloading or sharing the
 * page reproduces the run. A design too large for a 2,000-character link leaves the bar bare and
 * says so; the page then offers the JSON file instead.
 */
export function useLabUrl(lang: Lang, doc: LabDoc): LabUrlState {
  const search = useMemo(() => encodeLabSearch(doc), [doc]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const target = labPath(lang, search ?? '');
      const current = `${window.location.pathname}${window.location.search}`;
      if (current !== target) window.history.replaceState(window.history.state, '', target + window.location.hash);
    }, WRITE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [lang, search]);
  return useMemo(() => (search === null ? { kind: 'tooLarge' } : { kind: 'link', search }), [search]);
}
