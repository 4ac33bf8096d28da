import { useEffect } from 'react';

/** Sets document.title to "Page — Site" (or the site title alone). */
export function useDocumentTitle(page: string | undefined, site: string): void {
  useEffect(() => {
    document.title = page ? `${page} — ${site}` : site;
  }, [page, site]);
}
