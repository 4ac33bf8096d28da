/**
 * What the Lab opens with: a lesson widget's state (`?from=<scenario>&w=<widget state>`, from an
 * "Open in the Lab" link), a shared design (`?v=1&d=…`), or the default design. Links are
 * untrusted: whatever could not be used is named in a notice, and the page never fails on them.
 */
import type { LabDoc } from '../design';
import { defaultDoc } from '../defaults';
import { docFromWidget } from '../from-widget';
import { decodeLabSearch } from '../url-codec';
import type { Notice } from './LabNotices';

/** A widget's state is short; anything longer than this is not one of ours. */
const MAX_WIDGET_STATE = 4000;

export function readStartingDoc(search: string): { doc: LabDoc; notices: Notice[] } {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  if (from !== null) {
    const state = params.get('w');
    const imported =
      from.length <= 64 && (state === null || state.length <= MAX_WIDGET_STATE) ? docFromWidget(from, state) : null;
    if (!imported) return { doc: defaultDoc(), notices: [{ code: 'unknownWidget' }] };
    return {
      doc: imported.doc,
      notices: [
        { code: 'fromWidget', scenario: from },
        ...(imported.notCarried.length > 0 ? [{ code: 'notCarried' as const, fields: imported.notCarried }] : []),
      ],
    };
  }
  const decoded = decodeLabSearch(search);
  // "Another version" reads differently when nothing of the link could be used at all.
  const notices = decoded.notices.map((n): Notice => ({
    ...n,
    code: n.code === 'version' && decoded.doc === null ? 'versionUnreadable' : n.code,
  }));
  return { doc: decoded.doc ?? defaultDoc(), notices };
}
