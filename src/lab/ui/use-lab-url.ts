import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
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
 * says so; the page then offers the JSON file instead. A navigation that keeps the Lab mounted
 * (the header's "Lab" link, from the Lab itself) writes the design back: the page shows it, so
 * the address must hold it.
 */
export function useLabUrl(lang: Lang, doc: LabDoc): LabUrlState {
  const search = useMemo(() => encodeLabSearch(doc), [doc]);
  const { key: navigation } = useLocation();
  useEffect(() => {
    const timer = setTimeout(() => {
      const target = labPath(lang, search ?? '');
      const current = `${window.location.pathname}${window.location.search}`;
      if (current !== target) window.history.replaceState(window.history.state, '', target + window.location.hash);
    }, WRITE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [lang, search, navigation]);
  return useMemo(() => (search === null ? { kind: 'tooLarge' } : { kind: 'link', search }), [search]);
}
