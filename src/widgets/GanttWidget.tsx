/**
 * The Gantt widget (`::gantt{id experiment}`): jobs land on servers one by one, as the chosen
 * greedy algorithm places them. The whole schedule comes from the scheduling model at once (it is
 * pure and fast); playback only reveals its placements in order, so stepping back is free and every
 * number shown is the model's. Loaded lazily as its own chunk, without the packet engine.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getExperiment,
  goalReached as goalMet,
  jobsOf,
  lowerBound,
  measureExperiment,
  optimalMakespan,
  runSchedule,
  type ExperimentId,
  type ScheduleSetup,
  type SchedulingMeasureId,
  type SchedulingWidgetSpec,
} from '../engine/scheduling/index.ts';
import type { SchedulingMeasureLabel } from '../i18n/keys';
import { formatMeasure, type MeasureFormat } from '../lib/format-measure';
import { drawGantt } from '../viz/gantt-renderer';
import { Disclosure } from './Disclosure';
import { GanttBuilder } from './GanttBuilder';
import { GanttKnobs, Transport } from './GanttControls';
import { GanttNotes } from './GanttNotes';
import { GanttReadout, GanttTable, OPTIMUM_MAX_JOBS } from './GanttReadout';
import { parseGanttState, serializeGanttState, settingsOf, setupOf, type GanttSettings } from './gantt-state';
import { GoalPanel } from './GoalBox';
import { ReplayBar } from './ReplayBar';
import { readWidgetParam, writeWidgetParam } from './url-param';
import { useElementWidth, useStepPlayback } from './use-step-playback';
import { useVisibility } from './use-visibility';
import './styles/frame.css';
import './styles/headline.css';
import './styles/panels.css';
import './styles/scheduling.css';

/** A predict quiz's replay: the measured quantity its Result row shows at the end. */
export interface SchedulingReplaySpec {
  measure: SchedulingMeasureId & SchedulingMeasureLabel;
  format: MeasureFormat;
}

export interface GanttWidgetProps {
  widgetId: string;
  experimentId: ExperimentId;
  reducedMotion: boolean;
  goalReached: boolean;
  onGoal: () => void;
  replay?: SchedulingReplaySpec;
  withGoal?: boolean;
}

const NO_KNOBS: SchedulingWidgetSpec = { knobs: [] };

function scheduleSetup(id: ExperimentId): ScheduleSetup {
  const { setup } = getExperiment(id);
  if (setup.model !== 'schedule') throw new Error(`"${id}" is not a schedule experiment`);
  return setup;
}

export default function GanttWidget({
  widgetId,
  experimentId,
  reducedMotion,
  goalReached,
  onGoal,
  replay,
  withGoal = true,
}: GanttWidgetProps) {
  const { t, i18n } = useTranslation();
  const base = scheduleSetup(experimentId);
  const spec = useMemo(
    () => (replay ? NO_KNOBS : (getExperiment(experimentId).widget ?? NO_KNOBS)),
    [replay, experimentId],
  );
  const builder = spec.builder === true;
  const defaults = useMemo(() => settingsOf(base), [base]);
  const [settings, setSettings] = useState<GanttSettings>(() =>
    replay ? defaults : parseGanttState(readWidgetParam(widgetId), defaults, spec),
  );
  const setup = useMemo(() => setupOf(base, settings, builder), [base, settings, builder]);
  const result = useMemo(() => runSchedule(setup), [setup]);
  const total = result.placements.length;
  // How many placements are shown; Infinity means "all of them", whatever the instance becomes.
  const [placedRaw, setPlaced] = useState(builder ? Infinity : 0);
  const placed = Math.min(placedRaw, total);
  // Plays from the start unless the learner asked for reduced motion (then it waits for Play).
  const [playRequested, setPlaying] = useState(!reducedMotion && !builder);
  // Reaching the last job ends playback by itself: no effect has to notice and switch it off.
  const playing = playRequested && placed < total;
  const containerRef = useRef<HTMLElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const visible = useVisibility(containerRef);
  const width = useElementWidth(stageRef, 640);
  const touched = useRef(false);

  const stepsPerSecond = Math.min(40, Math.max(3, total / 6));
  useStepPlayback(playing && visible, stepsPerSecond, (k) => setPlaced((p) => Math.min(total, p + k)));

  // The link follows the student's changes (never the experiment's defaults, never a replay's).
  useEffect(() => {
    if (!replay && touched.current) writeWidgetParam(widgetId, serializeGanttState(settings, spec));
  }, [replay, settings, spec, widgetId]);

  const bars = useMemo(() => result.placements.slice(0, placed), [result, placed]);
  const numbers = useMemo(() => {
    const sizes = bars.map((b) => b.size);
    const loads = new Array<number>(setup.servers).fill(0);
    for (const b of bars) loads[b.server] = b.end;
    return {
      placed,
      total,
      servers: setup.servers,
      makespan: bars.length ? Math.max(...loads) : 0,
      lowerBound: bars.length ? lowerBound(sizes, setup.servers) : 0,
      optimum: bars.length > 0 && bars.length <= OPTIMUM_MAX_JOBS ? optimalMakespan(sizes, setup.servers) : undefined,
    };
  }, [bars, placed, total, setup.servers]);

  const layoutKey = useMemo(() => JSON.stringify(setup), [setup]);
  const meanSize = useMemo(() => {
    const sizes = jobsOf(setup);
    return sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0;
  }, [setup]);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    drawGantt(svg, {
      width,
      servers: setup.servers,
      horizon: Math.max(1, result.makespan, result.lowerBound) * 1.04,
      bars: bars.map((p) => ({ job: p.job, size: p.size, server: p.server, start: p.start })),
      latest: bars.length ? bars[bars.length - 1]!.job : -1,
      lowerBound: numbers.lowerBound,
      makespan: numbers.makespan,
      meanSize,
      animate: !reducedMotion,
      layoutKey,
    });
  }, [bars, numbers, width, setup.servers, result, meanSize, reducedMotion, layoutKey]);

  // The goal is about the whole instance the student built, checked with the model's numbers.
  const reachedNow =
    withGoal && spec.goal !== undefined && total > 0
      ? goalMet(spec.goal, { algorithm: setup.algorithm, servers: setup.servers, schedule: result })
      : false;
  // Announced only when reached here and now, not for a goal stored from an earlier visit.
  const [reachedBefore] = useState(goalReached);
  const justReached = reachedNow && !reachedBefore;
  useEffect(() => {
    if (reachedNow && !goalReached) onGoal();
  }, [reachedNow, goalReached, onGoal]);

  const change = useCallback(
    (patch: Partial<GanttSettings>) => {
      touched.current = true;
      setSettings((s) => ({ ...s, ...patch }));
      // A new instance: while playing it replays from the start; paused, it shows the whole result.
      setPlaced(playing ? 0 : Infinity);
    },
    [playing],
  );
  const onSizes = useCallback((sizes: number[]) => change({ sizes }), [change]);
  const onPlay = useCallback(() => {
    if (!playing && placed >= total) setPlaced(0);
    setPlaying(!playing);
  }, [playing, placed, total]);
  const onStep = useCallback(() => setPlaced((p) => Math.min(total, Math.min(p, total) + 1)), [total]);
  const onStepBack = useCallback(() => setPlaced((p) => Math.max(0, Math.min(p, total) - 1)), [total]);
  const onReset = useCallback(() => {
    touched.current = false;
    setSettings(defaults);
    setPlaced(builder ? Infinity : 0);
    if (!replay) writeWidgetParam(widgetId, null);
  }, [defaults, builder, replay, widgetId]);
  const onRunToEnd = useCallback(() => {
    setPlaying(false);
    setPlaced(Infinity);
  }, []);

  const last = bars[bars.length - 1];
  const announcement =
    last === undefined
      ? t('scheduling.gantt.announce.start', { total, servers: setup.servers })
      : t('scheduling.gantt.announce.step', {
          job: last.job + 1,
          size: last.size,
          server: last.server + 1,
          load: last.end,
          makespan: numbers.makespan,
        });
  const resultRow =
    replay && placed >= total
      ? {
          label: t(`predict.measure.${replay.measure}`),
          value: formatMeasure(measureExperiment(setup, replay.measure), replay.format, i18n.language),
        }
      : null;
  const m = setup.servers;
  const bound = formatMeasure(2 - 1 / m, { unit: 'number', digits: 2 }, i18n.language);

  return (
    <figure
      className="packet-flow scheduling-widget"
      aria-labelledby={`${widgetId}-title`}
      data-widget={widgetId}
      data-experiment={experimentId}
      data-placed={placed}
      data-total={total}
      ref={containerRef}
    >
      <figcaption className="packet-flow__title" id={`${widgetId}-title`}>
        <span aria-hidden="true">▶ </span>
        {t(`scheduling.experiment.${experimentId}`)}
      </figcaption>
      {withGoal && spec.goal !== undefined && (
        <GoalPanel
          goal={t(`scheduling.gantt.goal.${spec.goal}`, { bound, servers: m })}
          reached={goalReached || reachedNow}
          announce={justReached}
        >
          <p className="goal__progress">
            {setup.algorithm !== 'list'
              ? t('scheduling.gantt.goal.needsList')
              : total > 0 &&
                t('scheduling.gantt.goal.progress', {
                  ratio: formatMeasure(
                    result.makespan / result.lowerBound,
                    { unit: 'number', digits: 2 },
                    i18n.language,
                  ),
                })}
          </p>
        </GoalPanel>
      )}
      <div className="packet-flow__stage gantt__stage" ref={stageRef}>
        <svg
          ref={svgRef}
          className="gantt__svg"
          width="100%"
          role="img"
          aria-label={t('scheduling.gantt.pictureLabel')}
        />
      </div>
      <ul className="gantt__legend" aria-hidden="true">
        <li>
          <span className="gantt__key gantt__key--bound" /> {t('scheduling.gantt.lowerBoundMark')}
        </li>
        <li>
          <span className="gantt__key gantt__key--makespan" /> {t('scheduling.gantt.makespanMark')}
        </li>
        <li>{t('scheduling.gantt.time')}</li>
      </ul>
      {/* Each step is spoken when the student steps; while playing, only where playback stops
          (forty announcements a second would drown a screen reader). */}
      <p className="visually-hidden" role="status" data-announce>
        {playing ? '' : announcement}
      </p>
      <div className="packet-flow__controls" role="group" aria-label={t('scheduling.gantt.controls')}>
        <Transport
          playing={playing}
          atStart={placed === 0}
          atEnd={placed >= total}
          onPlay={onPlay}
          onStep={onStep}
          onStepBack={onStepBack}
          onReset={onReset}
        />
        <GanttKnobs widgetId={widgetId} knobs={spec.knobs} settings={settings} onChange={change} />
      </div>
      {builder && <GanttBuilder widgetId={widgetId} sizes={settings.sizes} onChange={onSizes} />}
      {replay && (
        <ReplayBar
          done={placed}
          total={total}
          progressText={t('scheduling.gantt.progress', { placed, total })}
          running={false}
          onRunToEnd={onRunToEnd}
          result={resultRow}
        />
      )}
      <GanttReadout numbers={numbers} />
      <GanttNotes settings={settings} knobs={spec.knobs} total={total} />
      <Disclosure
        storageKey={`${widgetId}:loads`}
        title={t('scheduling.gantt.table.title')}
        className="packet-flow__panel"
      >
        <GanttTable servers={m} bars={bars} placed={placed} total={total} live={!playing} />
      </Disclosure>
    </figure>
  );
}
