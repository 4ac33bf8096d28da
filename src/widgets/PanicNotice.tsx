import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Metrics } from '../engine';

/**
 * A pool in panic (below its healthy share, it balances over every server, unhealthy ones too)
 * changes where every request goes, so it is said beside the picture, for any widget whose run
 * can panic.
 */
export const PanicNotice = memo(function PanicNotice({ pools }: { pools: Metrics['pools'] | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {pools
        ?.filter((p) => p.panic)
        .map((p) => (
          <p key={p.id} className="packet-flow__panic" role="status" data-panic={p.id}>
            {t('widget.metric.panic', { pool: p.id, healthy: Math.round(p.healthyPercent) })}
          </p>
        ))}
    </>
  );
});
