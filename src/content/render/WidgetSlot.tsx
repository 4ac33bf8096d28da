/**
 * What every lazy widget slot shares: its space reserved at once, its chunk loaded only when it
 * nears the viewport, a contained error panel with a retry (the lesson around it keeps working),
 * the learner's motion setting, and the widget's "Try this" goal in the learner store.
 */
import { Component, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { useLearnerStore } from '../../progress/learner-store';
import { useRenderContext } from './render-context';

/** Reduced motion: the learner's setting, or the system's when they left it to the device. */
export function useReducedMotion(): boolean {
  const motion = useLearnerStore((state) => state.settings.motion);
  return (
    motion === 'reduce' ||
    (motion === 'system' &&
      typeof window !== 'undefined' &&
      window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true)
  );
}

/** Whether this widget's goal was reached (stored progress), and how to record reaching it. */
export function useWidgetGoal(widgetKey: string): { goalReached: boolean; onGoal: () => void } {
  const { lessonId } = useRenderContext();
  const goalReached = useLearnerStore((state) => (state.lessons[lessonId ?? '']?.goals[widgetKey] ?? 0) > 0);
  const reachGoal = useLearnerStore((state) => state.reachGoal);
  const onGoal = useCallback(() => {
    if (lessonId) reachGoal(lessonId, widgetKey);
  }, [lessonId, reachGoal, widgetKey]);
  return { goalReached, onGoal };
}

/** The slot: `children` mount (inside Suspense and an error boundary) once the slot nears the screen. */
export function WidgetSlot({ widgetId, children }: { widgetId: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { labels } = useRenderContext();

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

  const placeholder = <p className="packet-flow__loading">{labels.widgetLoading}</p>;
  return (
    <div className="packet-flow-slot" ref={ref} id={`widget-${widgetId}`}>
      {near ? (
        <WidgetBoundary key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
          <Suspense fallback={placeholder}>{children}</Suspense>
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
