import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { getScenario, type SimConfig, type SimulationHandle } from '../engine';
import { SPEEDS, type Speed } from './clock';
import { KNOBS, type Knob, type RangeKnob, type SelectKnob } from './knobs';

export interface WidgetControlsProps {
  widgetId: string;
  scenarioId: string;
  config: SimConfig;
  /**
   * Bumped on every live change, so the controls re-render and re-read the configuration. Not a
   * key: remounting a control would drop keyboard focus after every arrow press.
   */
  configVersion: number;
  playing: boolean;
  /** A replay that reached its end: only Reset (or a knob) moves it on. */
  ended?: boolean;
  speed: Speed;
  onPlay: () => void;
  onStep: () => void;
  onSpeed: (speed: Speed) => void;
  onReset: () => void;
  onKnob: (apply: (sim: SimulationHandle) => void) => void;
}

/** Play/pause (WCAG 2.2.2), step, speed, reset, and the scenario's own knobs, all native controls. */
export const WidgetControls = memo(function WidgetControls(props: WidgetControlsProps) {
  const { t } = useTranslation();
  const { widgetId, scenarioId, config, playing, speed, ended = false } = props;
  const knobs = getScenario(scenarioId).widget.knobs.map((id) => KNOBS[id]);
  return (
    <div className="packet-flow__controls" role="group" aria-label={t('widget.controls')}>
      <div className="packet-flow__transport">
        <button type="button" className="button" onClick={props.onPlay} disabled={ended}>
          <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
          {playing ? t('widget.pause') : t('widget.play')}
        </button>
        <button type="button" className="button button--quiet" onClick={props.onStep} disabled={playing || ended}>
          {t('widget.step')}
        </button>
        <label className="packet-flow__field">
          <span className="packet-flow__speed-label">{t('widget.speed')}</span>
          <select value={speed} onChange={(e) => props.onSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--quiet" onClick={props.onReset}>
          {t('widget.reset')}
        </button>
      </div>
      {knobs.length > 0 && (
        <div className="packet-flow__knobs">
          {knobs.map((knob) => (
            <KnobControl key={knob.id} widgetId={widgetId} knob={knob} config={config} onKnob={props.onKnob} />
          ))}
        </div>
      )}
    </div>
  );
});

function KnobControl({
  widgetId,
  knob,
  config,
  onKnob,
}: {
  widgetId: string;
  knob: Knob;
  config: SimConfig;
  onKnob: WidgetControlsProps['onKnob'];
}) {
  return knob.type === 'select' ? (
    <SelectControl widgetId={widgetId} knob={knob} config={config} onKnob={onKnob} />
  ) : (
    <RangeControl widgetId={widgetId} knob={knob} config={config} onKnob={onKnob} />
  );
}

function SelectControl({
  widgetId,
  knob,
  config,
  onKnob,
}: {
  widgetId: string;
  knob: SelectKnob;
  config: SimConfig;
  onKnob: WidgetControlsProps['onKnob'];
}) {
  const { t } = useTranslation();
  const id = `${widgetId}-${knob.id}`;
  return (
    <label className="packet-flow__field" htmlFor={id}>
      {t(`widget.knob.${knob.id}`)}
      <select
        id={id}
        value={knob.read(config)}
        onChange={(e) => {
          // Read the value now: the event's target may show another value by the time apply runs.
          const value = e.target.value;
          onKnob((sim) => knob.apply(sim, value));
        }}
      >
        {knob.options.map((option) => (
          <option key={option} value={option}>
            {t(`widget.option.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function RangeControl({
  widgetId,
  knob,
  config,
  onKnob,
}: {
  widgetId: string;
  knob: RangeKnob;
  config: SimConfig;
  onKnob: WidgetControlsProps['onKnob'];
}) {
  const { t } = useTranslation();
  const id = `${widgetId}-${knob.id}`;
  const value = knob.read(config);
  const text = t(`widget.unit.${knob.unit}`, { value });
  return (
    <label className="packet-flow__field packet-flow__field--range" htmlFor={id}>
      <span>
        {t(`widget.knob.${knob.id}`)}: <output htmlFor={id}>{text}</output>
      </span>
      <input
        id={id}
        type="range"
        min={knob.min}
        max={knob.max}
        step={knob.step}
        value={value}
        aria-valuetext={text}
        onChange={(e) => {
          const value = Number(e.target.value);
          onKnob((sim) => knob.apply(sim, value));
        }}
      />
    </label>
  );
}
