/**
 * The packet-flow widget: one simulation, its picture, its controls, and text alternatives (a
 * metrics table and an event log). Loaded lazily as its own chunk with the engine and D3.
 * React owns the <svg> and everything around it; the renderer owns what is drawn inside it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getScenario,
  measure,
  type Hop,
  type MeasureId,
  type Metrics,
  type RunEvent,
  type ScenarioId,
  type SimulationHandle,
} from '../engine';
import type { MeasureLabel } from '../i18n/keys';
import { formatMeasure, type MeasureFormat } from '../lib/format-measure';
import { SIM_MS_PER_SECOND, STEP_SIM_MS, type Speed } from './clock';
import { Disclosure } from './Disclosure';
import { GoalBox } from './GoalBox';
import { Headline, type BackendAction } from './Headline';
import { Legend } from './Legend';
import { MetricsPanel } from './MetricsPanel';
import { Timeline } from './Timeline';
import { PacketPanels, PacketStage, selectedHop, usePacketPicture } from './PacketPicture';
import { useSimulationLoop, type SamplePart } from './use-simulation-loop';
import { useVisibility } from './use-visibility';
import { useWidgetRun } from './use-widget-run';
import { OpenInLab } from './OpenInLab';
import { PanicNotice } from './PanicNotice';
import { WidgetControls } from './WidgetControls';
import './styles/index.css';

/** A predict quiz's replay: the measured quantity its Result row shows at the end. */
export interface ReplaySpec {
  measure: MeasureId & MeasureLabel;
  format: MeasureFormat;
}

export interface PacketFlowWidgetProps {
  widgetId: string;
  scenarioId: ScenarioId;
  /** Reduced motion (system or the learner's setting): start paused, move in steps. */
  reducedMotion: boolean;
  /** Whether this widget's "Try this" goal was reached before (stored progress). */
  goalReached: boolean;
  onGoal: () => void;
  /** Inside a predict quiz: play the scenario's script to its duration and show the measured result. */
  replay?: ReplaySpec;
  /** Whether to set the scenario's "Try this" goal (not inside a quiz, where it would distract). */
  withGoal?: boolean;
}

export default function PacketFlowWidget({
  widgetId,
  scenarioId,
  reducedMotion,
  goalReached,
  onGoal,
  replay,
  withGoal = true,
}: PacketFlowWidgetProps) {
  const { t, i18n } = useTranslation();
  const scenario = getScenario(scenarioId);
  const {
    loop,
    reset: resetRun,
    change,
    configVersion,
  } = useWidgetRun({
    widgetId,
    scenarioId,
    replay: replay !== undefined,
  });
  const [playing, setPlaying] = useState(!reducedMotion);
  const [speed, setSpeed] = useState<Speed>(1);
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [recent, setRecent] = useState<Hop[]>([]);
  const [events, setEvents] = useState<readonly RunEvent[]>([]);
  const [fastForward, setFastForward] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const visible = useVisibility(containerRef);
  const pause = useCallback(() => setPlaying(false), []);
  const { svgRef, packetHostRef, selected, setSelected, selectPacket, clearSelection } = usePacketPicture(loop, pause);

  const [goalJustReached, setGoalJustReached] = useState(false);
  const onSample = useCallback(
    (m: Metrics, hops: Hop[], part: SamplePart) => {
      if (part !== 'log') setMetrics(m);
      if (part !== 'metrics') setRecent(hops.slice(-12));
      if (loop.run.events.length !== events.length) {
        setEvents([...loop.run.events]);
        // A scripted or replayed step may have added or removed a server (the renderer skips an
        // unchanged picture).
        loop.renderer?.setTopology(loop.sim.topology());
      }
      if (withGoal && !goalReached && scenario.widget.goal(m, loop.sim.config)) {
        setGoalJustReached(true);
        onGoal();
      }
    },
    [scenario, goalReached, onGoal, loop, withGoal, events.length],
  );
  const onEnd = useCallback(() => setPlaying(false), []);
  const { drawNow, runToEnd } = useSimulationLoop({
    loop,
    running: playing && visible && !fastForward,
    timeScale: scenario.widget.timeScale ?? SIM_MS_PER_SECOND,
    speed,
    selectedPacket: selected,
    onSample,
    onEnd,
  });

  // A packet chosen in the event log while paused is marked in the picture at once.
  useEffect(() => {
    if (!playing) drawNow('log');
  }, [selected, playing, drawNow]);

  /** A live change: the numbers matter at once; the event log catches up on its next turn. */
  const liveChange = useCallback(
    (apply: () => void) => {
      change(apply);
      loop.renderer?.setTopology(loop.sim.topology());
      drawNow('metrics');
    },
    [change, drawNow, loop],
  );

  // Stable callbacks, so the memoised controls and panels skip the re-render every metrics sample
  // triggers (under 4× CPU throttling those renders were the frames that ran long).
  const step = useCallback(() => {
    loop.stepBy(STEP_SIM_MS);
    drawNow();
  }, [loop, drawNow]);
  const reset = useCallback(() => {
    setSelected(null);
    setMetrics(null);
    setRecent([]);
    setEvents([]);
    resetRun();
  }, [resetRun, setSelected]);
  const togglePlay = useCallback(() => setPlaying((p) => !p), []);
  const onKnob = useCallback(
    (apply: (sim: SimulationHandle) => void) => liveChange(() => apply(loop.sim)),
    [liveChange, loop],
  );
  const onBackend = useCallback(
    (id: string, action: BackendAction) => liveChange(() => loop.run.act({ action, backend: id })),
    [liveChange, loop],
  );
  const onAdd = useCallback(
    (poolId: string) => liveChange(() => loop.run.act({ action: 'add', pool: poolId })),
    [liveChange, loop],
  );
  const onRunToEnd = useCallback(() => {
    setFastForward(true);
    void runToEnd().then(() => {
      setFastForward(false);
      setPlaying(false);
    });
  }, [runToEnd]);

  const sim = loop.sim;
  const timeMs = metrics?.timeMs ?? 0;
  const ended = replay !== undefined && timeMs >= scenario.durationMs;
  const result =
    replay && ended
      ? {
          label: t(`predict.measure.${replay.measure}`),
          value: formatMeasure(measure(replay.measure, loop.run.view()), replay.format, i18n.language),
        }
      : null;

  // The picture first, then the knobs and the numbers they move: on a phone these three fit on one
  // screen. The inspector, the event log and the full table are panels below.
  return (
    <figure
      className="packet-flow"
      aria-labelledby={`${widgetId}-title`}
      data-widget={widgetId}
      data-scenario={scenarioId}
      ref={containerRef}
    >
      <figcaption className="packet-flow__title" id={`${widgetId}-title`}>
        <span aria-hidden="true">▶ </span>
        {t(`widget.scenario.${scenarioId}`)}
      </figcaption>
      {withGoal && (
        <GoalBox scenarioId={scenarioId} reached={goalReached || goalJustReached} announce={goalJustReached} />
      )}
      <PacketStage svgRef={svgRef} packetHostRef={packetHostRef} />
      <Legend />
      <PanicNotice pools={metrics?.pools} />
      <WidgetControls
        widgetId={widgetId}
        scenarioId={scenarioId}
        config={sim.config}
        configVersion={configVersion}
        playing={playing}
        ended={ended}
        speed={speed}
        onPlay={togglePlay}
        onStep={step}
        onSpeed={setSpeed}
        onReset={reset}
        onKnob={onKnob}
      />
      {replay && (
        <Timeline
          timeMs={timeMs}
          endMs={scenario.durationMs}
          script={scenario.script}
          events={events}
          running={fastForward}
          onRunToEnd={onRunToEnd}
          result={result}
        />
      )}
      <Headline
        scenarioId={scenarioId}
        metrics={metrics}
        natAll={sim.config.clients.natShare >= 1 && sim.config.balancer.stickiness === 'source-ip'}
        onBackend={onBackend}
        onAdd={onAdd}
      />
      <PacketPanels
        storagePrefix={widgetId}
        hop={selectedHop(loop, recent, selected)}
        recent={recent}
        events={events}
        selected={selected}
        playing={playing}
        onInspect={selectPacket}
        onClose={clearSelection}
      />
      <Disclosure
        storageKey={`${widgetId}:numbers`}
        title={t('widget.metric.all')}
        openOnWideScreens={false}
        className="packet-flow__panel"
      >
        <MetricsPanel metrics={metrics} />
      </Disclosure>
      <OpenInLab scenarioId={scenarioId} run={loop.run} version={configVersion + events.length} />
    </figure>
  );
}
