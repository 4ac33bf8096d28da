import { useTranslation } from 'react-i18next';
import { canaryShare, getScenario, type Metrics, type SimConfig } from '../engine';

type BackendAction = 'crash' | 'revive' | 'gray' | 'remove';

/** Live numbers as a table: the text alternative to the picture, and where the outcome is read. */
export function MetricsPanel({
  scenarioId,
  metrics,
  config,
  onBackend,
  onAdd,
}: {
  scenarioId: string;
  metrics: Metrics | null;
  config: SimConfig;
  onBackend: (backendId: string, action: BackendAction) => void;
  onAdd: (poolId: string) => void;
}) {
  const { t } = useTranslation();
  const controls = getScenario(scenarioId).widget;
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
  // The canary's share of the traffic its rule splits (/api/v2), which is what its weight sets.
  const canaryOfV2 = canaryShare(metrics, 'window');
  return (
    // data-at: the simulated time of this reading, so tests and benchmarks can tell a fresh one.
    <div className="packet-flow__metrics" data-at={metrics.timeMs.toFixed(1)}>
      <dl className="readouts">
        <div>
          <dt>{t('widget.metric.imbalance')}</dt>
          <dd>{metrics.windowImbalance.toFixed(2)}×</dd>
        </div>
        <div>
          <dt>{t('widget.metric.latency')}</dt>
          <dd>
            {metrics.requests.completed > 0
              ? t('widget.unit.ms', { value: metrics.window.latencyMs.p95.toFixed(1) })
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('widget.metric.balancerBytes')}</dt>
          <dd>{pct(metrics.balancer.bytesShare)}</dd>
        </div>
        <div>
          <dt>{t('widget.metric.errors')}</dt>
          <dd>{metrics.requests.failed}</dd>
        </div>
        <div>
          <dt>{t('widget.metric.sessionsLost')}</dt>
          <dd>{metrics.sessionsLost}</dd>
        </div>
        {metrics.remap && (
          <div>
            <dt>{t('widget.metric.remapped')}</dt>
            <dd>{pct(metrics.remap.fraction)}</dd>
          </div>
        )}
        {Number.isFinite(canaryOfV2) && (
          <div>
            <dt>{t('widget.metric.canaryOfV2')}</dt>
            <dd>{pct(canaryOfV2)}</dd>
          </div>
        )}
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
              {controls.backendButtons || controls.addRemove ? <th scope="col">{t('widget.metric.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {metrics.backends.map((b) => (
              <tr key={b.id} data-backend={b.id}>
                <th scope="row">{b.id}</th>
                <td>
                  {t(`widget.state.${b.state}`)}
                  {!b.healthy ? ` · ${t('widget.state.down')}` : ''}
                </td>
                <td>
                  <span className="share-bar" aria-hidden="true">
                    <span
                      className={`share-bar__fill badge__fill--${Math.min(100, Math.round((b.window.share * 10) / 1) * 10)}`}
                    />
                  </span>{' '}
                  {pct(b.window.share)}
                  {hotness(b) !== null && (
                    <strong className="metrics-table__hot">
                      {' '}
                      · {t('widget.metric.hot', { times: hotness(b)?.toFixed(1) })}
                    </strong>
                  )}
                </td>
                <td>{b.completed > 0 ? t('widget.unit.ms', { value: b.latencyMs.p95.toFixed(1) }) : '—'}</td>
                <td>{b.errors}</td>
                {controls.backendButtons || controls.addRemove ? (
                  <td className="metrics-table__actions">
                    {controls.backendButtons && (
                      <BackendButton
                        backend={b.id}
                        action={b.state === 'up' ? 'crash' : 'revive'}
                        onBackend={onBackend}
                      />
                    )}
                    {controls.addRemove && live.length > 1 && (
                      <BackendButton backend={b.id} action="remove" onBackend={onBackend} />
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {controls.addRemove && metrics.backends[0] && (
        <button type="button" className="button button--quiet" onClick={() => onAdd(metrics.backends[0]!.pool)}>
          {t('widget.action.add')}
        </button>
      )}
      {metrics.backends.length === 0 && <p>{t('widget.noBackends')}</p>}
      <ExtremeNotes metrics={metrics} config={config} />
    </div>
  );
}

/**
 * At a slider's extremes the numbers can look broken (everything on one server, every request
 * failing). Say in words what the student is looking at, so an extreme reads as a lesson, not a bug.
 */
function ExtremeNotes({ metrics, config }: { metrics: Metrics; config: SimConfig }) {
  const { t } = useTranslation();
  const serving = metrics.backends.filter((b) => b.state !== 'crashed' && b.healthy);
  const notes: string[] = [];
  if (metrics.backends.length > 0 && serving.length === 0) notes.push(t('widget.note.allDown'));
  else if (serving.length === 1) notes.push(t('widget.note.single'));
  if (config.clients.natShare >= 1 && config.balancer.stickiness === 'source-ip') notes.push(t('widget.note.allNat'));
  if (serving.length > 0 && serving.every((b) => b.window.utilisation >= 0.95)) notes.push(t('widget.note.saturated'));
  if (notes.length === 0) return null;
  return (
    <ul className="packet-flow__notes" aria-label={t('widget.note.title')}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

/** One action on one server; its accessible name says which ("Crash web-2"). */
function BackendButton({
  backend,
  action,
  onBackend,
}: {
  backend: string;
  action: 'crash' | 'revive' | 'remove';
  onBackend: (backendId: string, action: BackendAction) => void;
}) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--quiet button--small" onClick={() => onBackend(backend, action)}>
      {t(`widget.action.${action}`)}
      <span className="visually-hidden"> {backend}</span>
    </button>
  );
}
