/**
 * What the Lab could not use, said plainly: a link from another version, a broken or oversized
 * link, fields a link or file carried that were dropped, what a lesson widget had that the Lab
 * cannot express yet, or a list change that would have broken a reference.
 */
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/locales/en';
import type { NotCarried } from '../from-widget';

type ScenarioName = keyof Messages['widget']['scenario'];

export type NoticeCode =
  | 'version'
  | 'versionUnreadable'
  | 'encoding'
  | 'tooLong'
  | 'dropped'
  | 'fromWidget'
  | 'notCarried'
  | 'unknownWidget'
  | 'listRefused'
  | 'fileError'
  | 'fileDropped';

export interface Notice {
  code: NoticeCode;
  fields?: string[];
  scenario?: string;
  /** For file errors: which. */
  detail?: string;
}

/** A long list of dropped fields is summarised: the first few, then a count. */
const SHOW_FIELDS = 6;

export function LabNotices({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (code: NoticeCode) => void;
}) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="lab-notices" role="status">
      {notices.map((notice) => {
        // What a widget had that the Lab cannot say is worded; field paths from links stay as they are.
        const fields =
          notice.code === 'notCarried'
            ? (notice.fields ?? []).map((code) => t(`lab.notCarried.${code as NotCarried}`))
            : (notice.fields ?? []);
        const list =
          fields.length > SHOW_FIELDS
            ? t('lab.notice.andMore', {
                list: fields.slice(0, SHOW_FIELDS).join(', '),
                count: fields.length - SHOW_FIELDS,
              })
            : fields.join(', ');
        const scenario = notice.scenario ? t(`widget.scenario.${notice.scenario as ScenarioName}`) : '';
        return (
          <div
            key={notice.code}
            className={`lab-notice lab-notice--${notice.code === 'fromWidget' ? 'info' : 'warning'}`}
            data-notice={notice.code}
          >
            <p>
              {t(`lab.notice.${notice.code}`, {
                fields: list,
                scenario: scenario || notice.scenario,
                detail: notice.detail ? t(`lab.file.${notice.detail}` as 'lab.file.json') : '',
              })}
            </p>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onDismiss(notice.code)}
              aria-label={t('lab.notice.dismissLabel')}
            >
              {t('lab.notice.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
