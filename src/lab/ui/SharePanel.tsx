/**
 * A design leaves the page as a link (the address bar already holds it) or as a JSON file; a file
 * comes back through the import button. A design too large for a link says so and offers the file.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabDoc } from '../design';
import { designFileName, designFileText, parseDesignFile } from '../design-file';
import type { Notice } from './LabNotices';
import type { LabUrlState } from './use-lab-url';

/** Files larger than this are refused before they are read. */
const MAX_FILE_BYTES = 512 * 1024;

export function SharePanel({
  doc,
  urlState,
  onLoad,
  onNotice,
}: {
  doc: LabDoc;
  urlState: LabUrlState;
  onLoad: (doc: LabDoc) => void;
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const fileId = useId();
  const linkId = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  const copyLink = async () => {
    if (urlState.kind !== 'link') return;
    const url = `${window.location.origin}${window.location.pathname}${urlState.search}`;
    setShown(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('lab.share.copied'));
    } catch {
      // No clipboard (permissions, an old browser): the link is shown to copy by hand.
      setStatus(t('lab.share.copyByHand'));
    }
  };
  const exportFile = () => {
    const blob = new Blob([designFileText(doc, t('lab.share.defaultName'))], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = designFileName(t('lab.share.defaultName'));
    a.click();
    // Revoked on the next turn: the download has started by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus(t('lab.share.exported'));
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return onNotice({ code: 'fileError', detail: 'tooLarge' });
    const parsed = parseDesignFile(await file.text());
    if (fileInput.current) fileInput.current.value = '';
    if (!parsed.ok) return onNotice({ code: 'fileError', detail: parsed.error });
    onLoad(parsed.doc);
    if (parsed.dropped.length > 0) onNotice({ code: 'fileDropped', fields: parsed.dropped });
    setStatus(t('lab.share.imported'));
  };

  return (
    <div className="lab-toolbar__row lab-share" role="group" aria-label={t('lab.share.title')}>
      {urlState.kind === 'link' ? (
        <button type="button" className="button button--quiet" onClick={() => void copyLink()} data-copy-link>
          {t('lab.share.copyLink')}
        </button>
      ) : (
        <p className="lab__hint" data-too-large>
          {t('lab.share.tooLarge')}
        </p>
      )}
      <button type="button" className="button button--quiet" onClick={exportFile}>
        {t('lab.share.export')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => fileInput.current?.click()}>
        {t('lab.share.import')}
      </button>
      {/* Hidden: the button above opens it, so the keyboard reaches a visible control. */}
      <input
        id={fileId}
        ref={fileInput}
        hidden
        aria-label={t('lab.share.import')}
        data-import-file
        type="file"
        accept="application/json,.json"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      {shown && (
        <div className="lab-field lab-share__link">
          <label htmlFor={linkId}>{t('lab.share.linkLabel')}</label>
          <input id={linkId} type="text" readOnly value={shown} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <p className="lab__status" role="status">
        {status}
      </p>
    </div>
  );
}
