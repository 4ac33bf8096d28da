import { useCallback, useEffect, useState } from 'react';
import { getScenario, startRun, type ScenarioId, type ScenarioRun } from '../engine';
import { LoopHandles } from './use-simulation-loop';
import { applyKnobs, parseWidgetState, readWidgetParam, serializeWidgetState, writeWidgetParam } from './url-state';

/** Room for every hop of a busy frame (1,000 packets in flight), so none are dropped unseen. */
export const WIDGET_TRACE_CAPACITY = 3000;
/** The address bar is rewritten at most this often while a slider moves. */
const URL_WRITE_EVERY_MS = 250;

/**
 * One widget's run: created from its scenario record (and a shared link, the first time), reset
 * to the record's own settings, and changed live with each change recorded in the URL. A replay
 * (inside a predict quiz) stops at its scenario's duration.
 */
export function useWidgetRun({
  widgetId,
  scenarioId,
  replay,
}: {
  widgetId: string;
  scenarioId: ScenarioId;
  replay: boolean;
}) {
  const makeLoop = useCallback(
    (fromLink: boolean) => {
      const record = getScenario(scenarioId);
      const shared = parseWidgetState(scenarioId, fromLink ? readWidgetParam(widgetId) : null);
      const run = startRun(record, {
        ...(shared.seed === undefined ? {} : { seed: shared.seed }),
        actions: shared.actions,
        traceCapacity: WIDGET_TRACE_CAPACITY,
      });
      applyKnobs(run, shared);
      return new LoopHandles(run, replay ? record.durationMs : Infinity);
    },
    [scenarioId, widgetId, replay],
  );
  const [loop, setLoop] = useState<LoopHandles>(() => makeLoop(true));
  const [configVersion, setConfigVersion] = useState(0);
  const url = useUrlWriter(widgetId);

  /** Back to the scenario as written: its settings, servers and seed; the link forgets the widget. */
  const reset = useCallback(() => {
    url.clear();
    setLoop(makeLoop(false));
    setConfigVersion((v) => v + 1);
  }, [makeLoop, url]);

  /** Runs a live change and records it in the URL (coalesced). */
  const change = useCallback(
    (apply: (run: ScenarioRun) => void): void => {
      apply(loop.run);
      url.write(() => serializeWidgetState(scenarioId, loop.run));
      setConfigVersion((v) => v + 1);
    },
    [loop, scenarioId, url],
  );

  return { loop, reset, change, configVersion };
}

/** Coalesced writes to a widget's URL parameter: at most four a second, and none when unchanged. */
class UrlWriter {
  private pending: (() => string) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastWrite = -Infinity;

  constructor(private readonly widgetId: string) {}

  /** `value` is computed only when the write happens, so a burst of changes serialises once. */
  write(value: () => string): void {
    this.pending = value;
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastWrite + URL_WRITE_EVERY_MS - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Forgets pending writes and removes the parameter. */
  clear(): void {
    this.cancel();
    this.pending = null;
    writeWidgetParam(this.widgetId, null);
  }

  flush(): void {
    this.cancel();
    const value = this.pending;
    this.pending = null;
    if (!value) return;
    this.lastWrite = performance.now();
    writeWidgetParam(this.widgetId, value());
  }

  /** Drops a pending write: on unmount the page may already show another lesson's URL. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function useUrlWriter(widgetId: string): UrlWriter {
  const [writer] = useState(() => new UrlWriter(widgetId));
  useEffect(() => () => writer.cancel(), [writer]);
  return writer;
}
