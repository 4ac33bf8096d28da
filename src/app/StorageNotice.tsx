import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStorageNotice } from '../progress/learner-store';

/** A calm banner when saved progress could not be read or cannot be saved. */
export function StorageNotice() {
  const { t } = useTranslation();
  const problem = useStorageNotice((state) => state.problem);
  const dismissed = useStorageNotice((state) => state.dismissed);
  const dismiss = useStorageNotice((state) => state.dismiss);
  const backupKey = problem?.kind === 'recovered' ? problem.backupKey : null;
  const downloadUrl = useMemo(() => {
    if (!backupKey) return null;
    let raw: string | null = null;
    try {
      raw = window.localStorage.getItem(backupKey);
    } catch {
      return null;
    }
    return raw === null ? null : URL.createObjectURL(new Blob([raw], { type: 'application/json' }));
  }, [backupKey]);
  useEffect(
    () => () => {
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    },
    [downloadUrl],
  );

  if (!problem || dismissed) return null;
  return (
    <div className="storage-notice" role="status">
      <p>{t(problem.kind === 'recovered' ? 'storage.recovered' : 'storage.unavailable')}</p>
      <div className="storage-notice__actions">
        {downloadUrl && (
          <a className="button" href={downloadUrl} download="balancer-lab-progress-backup.json">
            {t('storage.download')}
          </a>
        )}
        <button type="button" className="button button--quiet" onClick={dismiss}>
          {t('storage.dismiss')}
        </button>
      </div>
    </div>
  );
}
