/**
 * The Lab's live side: the same picture, packet animation, inspector, event log and metrics table
 * as a lesson widget, plus the fault timeline and the time-series charts. It runs whatever design
 * the Lab hands it; the run itself lives in `useLabRun` (owned by the page, so design changes can
 * reach it from the form).
 */
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hop, Metrics, RunEvent } from '../../engine';
import { SPEEDS, STEP_SIM_MS, type Speed } from '../../widgets/clock';
import { Disclosure } from '../../widgets/Disclosure';
import { Legend } from '../../widgets/Legend';
import { MetricsPanel } from '../../widgets/MetricsPanel';
import { PanicNotice } from '../../widgets/PanicNotice';
import { PacketPanels, PacketStage, selectedHop, usePacketPicture } from '../../widgets/PacketPicture';
import { useSimulationLoop, type SamplePart } from '../../widgets/use-simulation-loop';
import { useVisibility } from '../../widgets/use-visibility';
import type { LabFault } from '../design';
import type { LabLoop } from './lab-loop';
import { LabCharts } from './LabCharts';
import { FaultTimeline } from './FaultTimeline';
import '../../widgets/styles/index.css';

/** Simulated ms per wall second at 1×: a chart sample every wall second; 4× is real time. */
export const LAB_TIME_SCALE = 250;

export function LabRun({
  loop,
  version,
  faults,
  reducedMotion,
  onRestart,
}: {
  loop: LabLoop;
  /** Bumped by every live change or restart, so the readouts refresh at once. */
  version: number;
  faults: readonly LabFault[];
  reducedMotion: boolean;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(!reducedMotion);
  const [speed, setSpeed] = useState<Speed>(1);
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const [recent, setRecent] = useState<Hop[]>([]);
  const [events, setEvents] = useState<readonly RunEvent[]>([]);
  const [samples, setSamples] = useState(0);
  const containerRef = useRef<HTMLDivElement>(null);
  const visible = useVisibility(containerRef);
  const pause = useCallback(() => setPlaying(false), []);
  const { svgRef, packetHostRef, selected, setSelected, selectPacket, clearSelection } = usePacketPicture(loop, pause);

  const eventCount = useRef(0);
  const onSample = useCallback(
    (m: Metrics, hops: Hop[], part: SamplePart) => {
      if (part !== 'log') {
        setMetrics(m);
        setSamples(loop.sampler.version);
      }
      if (part !== 'metrics') setRecent(hops.slice(-12));
      if (loop.run.events.length !== eventCount.current) {
        eventCount.current = loop.run.events.length;
        setEvents([...loop.run.events]);
        // A fault may have added or removed a server.
        loop.renderer?.setTopology(loop.sim.topology());
      }
    },
    [loop],
  );
  const onEnd = useCallback(() => setPlaying(false), []);
  const { drawNow } = useSimulationLoop({
    loop,
    running: playing && visible,
    timeScale: LAB_TIME_SCALE,
    speed,
    selectedPacket: selected,
    onSample,
    onEnd,
  });

  // A new run (restart) or a live change: the picture and every readout catch up at once.
  useEffect(() => {
    eventCount.current = -1;
    loop.renderer?.setTopology(loop.sim.topology());
    drawNow('all');
  }, [loop, version, drawNow]);

  useEffect(() => {
    if (!playing) drawNow('log');
  }, [selected, playing, drawNow]);

  const step = useCallback(() => {
    loop.stepBy(LAB_STEP_MS);
    drawNow();
  }, [loop, drawNow]);
  const restart = useCallback(() => {
    setSelected(null);
    setRecent([]);
    setEvents([]);
    onRestart();
  }, [onRestart, setSelected]);

  const timeMs = metrics?.timeMs ?? 0;

  return (
    <section className="lab-run packet-flow" aria-labelledby="lab-run-title" ref={containerRef} data-lab-run>
      <h2 id="lab-run-title" className="lab__section-title">
        {t('lab.run.title')}
      </h2>
      <Transport
        playing={playing}
        speed={speed}
        timeMs={timeMs}
        onPlay={() => setPlaying((p) => !p)}
        onStep={step}
        onSpeed={setSpeed}
        onRestart={restart}
      />
      <PacketStage svgRef={svgRef} packetHostRef={packetHostRef} />
      <Legend />
      <PanicNotice pools={metrics?.pools} />
      <FaultTimeline faults={faults} events={events} timeMs={timeMs} />
      <LabCharts sampler={loop.sampler} version={samples} />
      <PacketPanels
        storagePrefix="lab"
        hop={selectedHop(loop, recent, selected)}
        recent={recent}
        events={events}
        selected={selected}
        playing={playing}
        onInspect={selectPacket}
        onClose={clearSelection}
      />
      {/* Every number as a table, built only while open: with 64 servers it is the largest thing on
          the page, and re-rendering it every second while nobody reads it would cost frames. */}
      <Disclosure
        storageKey="lab:numbers"
        title={t('widget.metric.all')}
        openOnWideScreens={false}
        buildWhileClosed={false}
        className="packet-flow__panel lab-numbers"
      >
        <MetricsPanel metrics={metrics} />
      </Disclosure>
    </section>
  );
}

/** A Step moves a quarter of a second: one chart sample. */
const LAB_STEP_MS = Math.max(STEP_SIM_MS, 250);

const Transport = memo(function Transport(props: {
  playing: boolean;
  speed: Speed;
  timeMs: number;
  onPlay: () => void;
  onStep: () => void;
  onSpeed: (speed: Speed) => void;
  onRestart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const seconds = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    props.timeMs / 1000,
  );
  return (
    <div className="packet-flow__controls" role="group" aria-label={t('widget.controls')}>
      <div className="packet-flow__transport">
        <button type="button" className="button" onClick={props.onPlay} data-lab-play>
          <span aria-hidden="true">{props.playing ? '❚❚ ' : '▶ '}</span>
          {props.playing ? t('widget.pause') : t('widget.play')}
        </button>
        <button type="button" className="button button--quiet" onClick={props.onStep} disabled={props.playing}>
          {t('lab.run.step')}
        </button>
        <label className="packet-flow__field">
          <span className="packet-flow__speed-label">{t('widget.speed')}</span>
          <select value={props.speed} onChange={(e) => props.onSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {t('lab.run.speedOption', { speed: s })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--quiet" onClick={props.onRestart}>
          {t('lab.run.restart')}
        </button>
        <span className="lab-run__clock" data-lab-time={props.timeMs.toFixed(0)}>
          {t('lab.run.clock', { seconds })}
        </span>
      </div>
    </div>
  );
});
