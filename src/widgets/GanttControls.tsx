import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_SIZE_DISTRIBUTIONS, SCHEDULING_ALGORITHMS, type GanttKnob } from '../engine/scheduling/index.ts';
import { RANGES, type GanttSettings, type RangeKnob } from './gantt-state';

export interface TransportProps {
  playing: boolean;
  atStart: boolean;
  atEnd: boolean;
  onPlay: () => void;
  onStep: () => void;
  onStepBack: () => void;
  onReset: () => void;
}

/** Play/pause, step, step back and reset: native buttons, each named in words. */
export const Transport = memo(function Transport(props: TransportProps) {
  const { t } = useTranslation();
  const { playing, atStart, atEnd } = props;
  return (
    <div className="packet-flow__transport">
      <button type="button" className="button" onClick={props.onPlay} disabled={atEnd && atStart}>
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
        {playing ? t('widget.pause') : t('widget.play')}
      </button>
      <button type="button" className="button button--quiet" onClick={props.onStepBack} disabled={playing || atStart}>
        {t('scheduling.gantt.stepBack')}
      </button>
      <button type="button" className="button button--quiet" onClick={props.onStep} disabled={playing || atEnd}>
        {t('widget.step')}
      </button>
      <button type="button" className="button button--quiet" onClick={props.onReset}>
        {t('widget.reset')}
      </button>
    </div>
  );
});

/** Which knob a setting needs to matter: the others are shown, disabled, with a note why. */
const USED_BY: Partial<Record<GanttKnob, GanttSettings['algorithm']>> = {
  staleness: 'stale-least-loaded',
  d: 'power-of-d',
};

/** The experiment's knobs, in its order; each change applies at once. */
export const GanttKnobs = memo(function GanttKnobs({
  widgetId,
  knobs,
  settings,
  onChange,
}: {
  widgetId: string;
  knobs: readonly GanttKnob[];
  settings: GanttSettings;
  onChange: (patch: Partial<GanttSettings>) => void;
}) {
  const { t } = useTranslation();
  if (knobs.length === 0) return null;
  return (
    <div className="packet-flow__knobs">
      {knobs.map((knob) => {
        const id = `${widgetId}-${knob}`;
        const label = t(`scheduling.gantt.knob.${knob}`);
        if (knob === 'algorithm' || knob === 'distribution') {
          const options = knob === 'algorithm' ? SCHEDULING_ALGORITHMS : JOB_SIZE_DISTRIBUTIONS;
          return (
            <label key={knob} className="packet-flow__field" htmlFor={id}>
              {label}
              <select
                id={id}
                value={settings[knob]}
                onChange={(e) => onChange({ [knob]: e.target.value } as Partial<GanttSettings>)}
              >
                {options.map((option) => (
                  <option key={option} value={option}>
                    {knob === 'algorithm'
                      ? t(`scheduling.gantt.algorithm.${option as GanttSettings['algorithm']}`)
                      : t(`scheduling.gantt.distribution.${option as GanttSettings['distribution']}`)}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        return <RangeField key={knob} id={id} knob={knob} label={label} settings={settings} onChange={onChange} />;
      })}
    </div>
  );
});

function RangeField({
  id,
  knob,
  label,
  settings,
  onChange,
}: {
  id: string;
  knob: RangeKnob;
  label: string;
  settings: GanttSettings;
  onChange: (patch: Partial<GanttSettings>) => void;
}) {
  const { t } = useTranslation();
  const value = settings[knob];
  const text = t(`scheduling.gantt.unit.${knob}`, { count: value });
  const usedBy = USED_BY[knob];
  const unused = usedBy !== undefined && settings.algorithm !== usedBy;
  const noteId = `${id}-note`;
  return (
    <label className="packet-flow__field packet-flow__field--range" htmlFor={id}>
      <span>
        {label}: <output htmlFor={id}>{text}</output>
      </span>
      <input
        id={id}
        type="range"
        min={RANGES[knob].min}
        max={RANGES[knob].max}
        step={1}
        value={value}
        disabled={unused}
        aria-valuetext={text}
        {...(unused ? { 'aria-describedby': noteId } : {})}
        onChange={(e) => onChange({ [knob]: Number(e.target.value) })}
      />
      {unused && (
        <span id={noteId} className="gantt__unused">
          {t(`scheduling.gantt.knobUnused.${knob as 'staleness' | 'd'}`)}
        </span>
      )}
    </label>
  );
}
