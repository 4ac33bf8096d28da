import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { getScenario, type Metrics, type ScenarioId } from '../engine';
import { DrainList } from './DrainList';
import { ExtremeNotes } from './ExtremeNotes';
import { READOUTS } from './readouts';
import { useReadoutText } from './use-readout-text';

export type BackendAction = 'crash' | 'revive' | 'gray' | 'remove';

/**
 * The numbers that answer the widget's question, beside the picture: the readouts its goal
 * watches, each server's share of the last second as a bar, and the server buttons. On a phone
 * this is what fits on one screen with the picture and the knobs; everything else sits in panels.
 */
export const Headline = memo(function Headline({
  scenarioId,
  metrics,
  natAll,
  onBackend,
  onAdd,
}: {
  scenarioId: ScenarioId;
  metrics: Metrics | null;
  /** Every user behind one NAT with source-IP hashing: worth a note, the numbers look broken. */
  natAll: boolean;
  onBackend: (backendId: string, action: BackendAction) => void;
  onAdd: (poolId: string) => void;
}) {
  const { t } = useTranslation();
  const text = useReadoutText();
  const spec = getScenario(scenarioId).widget;
  if (!metrics) return <p className="packet-flow__waiting">{t('widget.waiting')}</p>;
  const live = metrics.backends.filter((b) => b.state !== 'crashed');
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <div className="headline" data-headline data-at={metrics.timeMs.toFixed(1)}>
      {spec.headline.length > 0 && (
        <dl className="headline__readouts">
          {spec.headline.map((id) => (
            <div key={id} data-readout={id}>
              <dt>{t(`widget.metric.${id}`)}</dt>
              <dd>{text(READOUTS[id](metrics))}</dd>
            </div>
          ))}
        </dl>
      )}
      <ul className="servers" aria-label={t('widget.servers')}>
        {metrics.backends.map((b) => (
          <li key={b.id} className="servers__item" data-backend={b.id}>
            <span className="servers__name">{b.id}</span>
            <span className="share-bar" aria-hidden="true">
              <span className={`share-bar__fill badge__fill--${Math.min(100, Math.round(b.window.share * 10) * 10)}`} />
            </span>
            <span className="servers__share">
              {pct(b.window.share)}
              {b.state !== 'up' || !b.healthy || b.draining ? (
                <span className="servers__state">
                  {' · '}
                  {b.state !== 'up'
                    ? t(`widget.state.${b.state}`)
                    : b.draining
                      ? t('widget.state.draining')
                      : t('widget.state.down')}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {(spec.backendButtons || spec.addRemove) && (
        <div className="server-actions" role="group" aria-label={t('widget.serverActions')}>
          {spec.backendButtons &&
            metrics.backends.map((b) => (
              <BackendButton
                key={`state-${b.id}`}
                backend={b.id}
                action={b.state === 'up' ? 'crash' : 'revive'}
                onBackend={onBackend}
              />
            ))}
          {spec.addRemove &&
            live.length > 1 &&
            metrics.backends.map((b) => (
              <BackendButton key={`remove-${b.id}`} backend={b.id} action="remove" onBackend={onBackend} />
            ))}
          {spec.addRemove && metrics.backends[0] && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => onAdd(metrics.backends[0]!.pool)}
            >
              {t('widget.action.add')}
            </button>
          )}
        </div>
      )}
      {metrics.backends.length === 0 && <p>{t('widget.noBackends')}</p>}
      <DrainList metrics={metrics} />
      <ExtremeNotes metrics={metrics} natAll={natAll} />
    </div>
  );
});

/** One action on one server, named in full ("Crash web-2"). */
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
      {t(`widget.action.${action}`)} {backend}
    </button>
  );
}
