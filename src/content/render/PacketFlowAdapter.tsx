/**
 * `::packet-flow{id scenario}`: reserves the widget's space at once, and loads the widget chunk
 * (engine, D3, widget code) only when it nears the viewport. A widget that throws shows a contained
 * error panel with a retry; the lesson around it keeps working.
 */
import { Component, lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { useLearnerStore } from '../../progress/learner-store';
import type { ScenarioId } from '../../engine';
import type { ReplaySpec } from '../../widgets/PacketFlowWidget';
import type { BlockDirectiveNode } from '../tree';
import { useRenderContext } from './render-context';

const PacketFlowWidget = lazy(() => import('../../widgets/PacketFlowWidget'));

export function PacketFlowAdapter({
  node,
  replay,
  withGoal = true,
}: {
  node: BlockDirectiveNode;
  /** A predict quiz replays its scenario to the end and shows the quantity it measured. */
  replay?: ReplaySpec;
  withGoal?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const motion = useLearnerStore((state) => state.settings.motion);
  const { lessonId, labels } = useRenderContext();
  const widgetKey = node.attrs.id ?? 'widget';
  const goalReached = useLearnerStore((state) => (state.lessons[lessonId ?? '']?.goals[widgetKey] ?? 0) > 0);
  const reachGoal = useLearnerStore((state) => state.reachGoal);
  const onGoal = useCallback(() => {
    if (lessonId) reachGoal(lessonId, widgetKey);
  }, [lessonId, reachGoal, widgetKey]);
  const reducedMotion =
    motion === 'reduce' ||
    (motion === 'system' &&
      typeof window !== 'undefined' &&
      window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true);

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const widgetId = node.attrs.id ?? 'widget';
  // Checked against the engine's scenarios at build time; an unknown id fails inside the boundary.
  const scenarioId = (node.attrs.scenario ?? '') as ScenarioId;
  const placeholder = <p className="packet-flow__loading">{labels.widgetLoading}</p>;
  return (
    <div className="packet-flow-slot" ref={ref} id={`widget-${widgetId}`}>
      {near ? (
        <WidgetBoundary key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
          <Suspense fallback={placeholder}>
            <PacketFlowWidget
              widgetId={widgetId}
              scenarioId={scenarioId}
              reducedMotion={reducedMotion}
              goalReached={goalReached}
              onGoal={onGoal}
              {...(replay === undefined ? {} : { replay })}
              withGoal={withGoal}
            />
          </Suspense>
        </WidgetBoundary>
      ) : (
        placeholder
      )}
    </div>
  );
}

class WidgetBoundary extends Component<{ children: ReactNode; onRetry: () => void }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="packet-flow__error" role="alert">
            <p>{t('widget.failed', { message: this.state.error?.message ?? '' })}</p>
            <button type="button" className="button" onClick={this.props.onRetry}>
              {t('widget.retry')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
