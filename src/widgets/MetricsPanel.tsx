import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Metrics } from '../engine';
import { READOUT_ORDER, READOUTS } from './readouts';
import { useReadoutText } from './use-readout-text';

/**
 * Every live number as text: the readouts that apply to this run and a table per server. It is
 * the picture's text alternative, and where the full outcome is read.
 */
export const MetricsPanel = memo(function MetricsPanel({ metrics }: { metrics: Metrics | null }) {
  const { t } = useTranslation();
  const text = useReadoutText();
  if (!metrics) return <p className="packet-flow__waiting">{t('widget.waiting')}</p>;
  const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
  const pools = metrics.pools.filter((p) => metrics.backends.some((b) => b.pool === p.id));
  const live = metrics.backends.filter((b) => b.state !== 'crashed');
  // A server is marked hot in the table (as in the picture) when it carries over 1.5× the fair
  // share of its pool: the table is the picture's text alternative.
  const hotness = (b: Metrics['backends'][number]): number | null => {
    const pool = metrics.pools.find((p) => p.id === b.pool);
    const serving = live.filter((x) => x.pool === b.pool && x.healthy).length;
    if (!pool || serving < 2 || pool.windowShare <= 0) return null;
    const ratio = b.window.share / (pool.windowShare / serving);
    return ratio > 1.5 ? ratio : null;
  };
  const readouts = READOUT_ORDER.map((id) => ({ id, value: READOUTS[id](metrics) })).filter(
    (r) => r.value.value !== null,
  );
  return (
    // data-at: the simulated time of this reading, so tests and benchmarks can tell a fresh one.
    <div className="packet-flow__metrics" data-at={metrics.timeMs.toFixed(1)}>
      <dl className="readouts">
        {readouts.map(({ id, value }) => (
          <div key={id}>
            <dt>{t(`widget.metric.${id}`)}</dt>
            <dd>{text(value)}</dd>
          </div>
        ))}
        {pools.length > 1 &&
          pools.map((p) => (
            <div key={p.id}>
              <dt>{t('widget.metric.poolShare', { pool: p.id })}</dt>
              <dd>{pct(p.windowShare)}</dd>
            </div>
          ))}
      </dl>
      <div className="table-scroll">
        <table className="metrics-table">
          <caption className="visually-hidden">{t('widget.metric.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('widget.metric.backend')}</th>
              <th scope="col">{t('widget.metric.state')}</th>
              <th scope="col">{t('widget.metric.share')}</th>
              <th scope="col">{t('widget.metric.p95')}</th>
              <th scope="col">{t('widget.metric.errorsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {metrics.backends.map((b) => {
              const hot = hotness(b);
              return (
                <tr key={b.id} data-backend={b.id}>
                  <th scope="row">{b.id}</th>
                  <td>
                    {t(`widget.state.${b.state}`)}
                    {!b.healthy ? ` · ${t('widget.state.down')}` : ''}
                    {b.slowStartFactor < 1
                      ? ` · ${t('widget.state.warming', { percent: Math.round(b.slowStartFactor * 100) })}`
                      : ''}
                  </td>
                  <td>
                    {pct(b.window.share)}
                    {hot !== null && (
                      <strong className="metrics-table__hot">
                        {' '}
                        · {t('widget.metric.hot', { times: hot.toFixed(1) })}
                      </strong>
                    )}
                  </td>
                  <td>{b.completed > 0 ? t('widget.unit.ms', { value: b.latencyMs.p95.toFixed(1) }) : '—'}</td>
                  <td>{b.errors}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
});
