import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Metrics } from '../engine';

/**
 * How each removed server left: still draining (and for how long), gone with nothing cut, or gone
 * with requests and connections cut. Shown once a server has been removed; it is the text that
 * says what the dashed boxes in the picture are doing.
 */
export function DrainList({ metrics }: { metrics: Metrics }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  if (metrics.drains.length === 0) return null;
  const seconds = (ms: number) =>
    new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000);
  return (
    <div className="drain-list">
      <p className="drain-list__title" id={titleId}>
        {t('widget.drain.title')}
      </p>
      <ul aria-labelledby={titleId}>
        {metrics.drains.map((d) => {
          const base = { backend: d.backend };
          let text: string;
          if (d.leftMs === null)
            text = t('widget.drain.draining', { ...base, seconds: seconds(metrics.timeMs - d.startedMs) });
          else if (d.cutRequests === 0 && d.cutConnections === 0)
            text = t('widget.drain.left', { ...base, seconds: seconds(d.leftMs - d.startedMs) });
          else
            text = t('widget.drain.cut', {
              ...base,
              seconds: seconds(d.leftMs - d.startedMs),
              count: d.cutRequests,
              connections: d.cutConnections,
            });
          return (
            <li key={d.backend} data-drain={d.backend} data-left={d.leftMs === null ? undefined : ''}>
              {text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
