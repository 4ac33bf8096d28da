/**
 * The balls-into-bins widget (`::balls{id experiment}`): n balls into n bins with 1, 2 and 3
 * choices, the same seed for each, as three histograms side by side and a table. The balls are
 * thrown in slices (./use-balls-run) so a million keep the page responsive. Inside a predict quiz
 * it replays the quiz's own run (one number of choices) and ends on the number the quiz states.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getExperiment, measureExperiment, type BallsSetup, type ExperimentId } from '../engine/scheduling/index.ts';
import { formatMeasure } from '../lib/format-measure';
import { drawHistogram } from '../viz/histogram-renderer';
import { Disclosure } from './Disclosure';
import type { SchedulingReplaySpec } from './GanttWidget';
import { ReplayBar } from './ReplayBar';
import { readWidgetParam, writeWidgetParam } from './url-param';
import { useBallsRun } from './use-balls-run';
import { useElementWidth } from './use-step-playback';
import './styles/frame.css';
import './styles/headline.css';
import './styles/panels.css';
import './styles/scheduling.css';

/** The sizes the slider offers: 10³ to 10⁶, the experiment's own always among them. */
const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const WIDGET_CHOICES = [1, 2, 3];

export interface BallsWidgetProps {
  widgetId: string;
  experimentId: ExperimentId;
  reducedMotion: boolean;
  replay?: SchedulingReplaySpec;
}

function ballsSetup(id: ExperimentId): BallsSetup {
  const { setup } = getExperiment(id);
  if (setup.model !== 'balls') throw new Error(`"${id}" is not a balls-into-bins experiment`);
  return setup;
}

/** n from a link (`?w-<id>=n:100000`): only one of the offered sizes counts. */
function nFromLink(widgetId: string, fallback: number): number {
  const raw = readWidgetParam(widgetId);
  const n = Number(/(?:^|,)n:(\d+)/.exec(raw ?? '')?.[1]);
  return SIZES.includes(n) ? n : fallback;
}

export default function BallsWidget({ widgetId, experimentId, reducedMotion, replay }: BallsWidgetProps) {
  const { t, i18n } = useTranslation();
  const setup = ballsSetup(experimentId);
  const seed = setup.seeds[0] ?? 1;
  const [n, setN] = useState(() => (replay ? setup.n : nFromLink(widgetId, setup.n)));
  const choices = replay ? [setup.choices] : WIDGET_CHOICES;
  // A replay is watched: it starts paused with reduced motion, and otherwise throws at a pace.
  const [playing, setPlaying] = useState(!replay || !reducedMotion);
  const run = useBallsRun({
    n,
    choices,
    seed,
    running: playing,
    ...(replay ? { pace: setup.n / 5 } : {}),
    showEvery: !reducedMotion,
  });
  // Formatters built once per language: constructing Intl objects on every redraw cost whole frames.
  const { number, list } = useMemo(() => {
    const numberFormat = new Intl.NumberFormat(i18n.language);
    const listFormat = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
    return { number: (v: number) => numberFormat.format(v), list: (items: string[]) => listFormat.format(items) };
  }, [i18n.language]);
  const sizes = SIZES.includes(setup.n) ? SIZES : [...SIZES, setup.n].sort((a, b) => a - b);
  const onSize = (index: number) => {
    const next = sizes[index] ?? setup.n;
    setN(next);
    writeWidgetParam(widgetId, next === setup.n ? null : `n:${next}`);
  };

  const maxLoad = Math.max(1, ...run.results.map((r) => r.maxLoad));
  const maxShare = Math.max(...run.results.flatMap((r) => r.loadCounts.map((c) => c / n)));
  const choicesText = (d: number) => t('scheduling.balls.choices', { count: d });
  const summary = list(
    run.results.map((r, i) =>
      t('scheduling.balls.summaryPart', { choices: choicesText(choices[i]!), max: number(r.maxLoad) }),
    ),
  );
  const resultRow =
    replay && run.done
      ? {
          label: t(`predict.measure.${replay.measure}`),
          // The replay's own run when it is the measured one (one seed), else the model's figure.
          value: formatMeasure(
            replay.measure === 'maxLoad' && setup.seeds.length === 1
              ? (run.results[0]?.maxLoad ?? NaN)
              : measureExperiment(setup, replay.measure),
            replay.format,
            i18n.language,
          ),
        }
      : null;
  const sizeId = `${widgetId}-n`;
  const sizeText = number(n);

  return (
    <figure
      className="packet-flow scheduling-widget"
      aria-labelledby={`${widgetId}-title`}
      data-widget={widgetId}
      data-experiment={experimentId}
      data-done={run.done ? 'true' : 'false'}
    >
      <figcaption className="packet-flow__title" id={`${widgetId}-title`}>
        <span aria-hidden="true">▶ </span>
        {t(`scheduling.experiment.${experimentId}`)}
      </figcaption>
      <div className="packet-flow__controls" role="group" aria-label={t('scheduling.balls.controls')}>
        {replay ? (
          <div className="packet-flow__transport">
            <button type="button" className="button" onClick={() => setPlaying((p) => !p)} disabled={run.done}>
              <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
              {playing ? t('widget.pause') : t('widget.play')}
            </button>
          </div>
        ) : (
          <label className="packet-flow__field packet-flow__field--range" htmlFor={sizeId}>
            <span>
              {t('scheduling.balls.n')}: <output htmlFor={sizeId}>{sizeText}</output>
            </span>
            <input
              id={sizeId}
              type="range"
              min={0}
              max={sizes.length - 1}
              step={1}
              value={Math.max(0, sizes.indexOf(n))}
              aria-valuetext={sizeText}
              onChange={(e) => onSize(Number(e.target.value))}
            />
          </label>
        )}
      </div>
      {replay && (
        <ReplayBar
          done={run.thrown}
          total={run.total}
          progressText={t('scheduling.balls.progress', { thrown: number(run.thrown), total: number(run.total) })}
          running={false}
          onRunToEnd={run.finish}
          result={resultRow}
        />
      )}
      <div className="balls__panels" role="img" aria-label={t('scheduling.balls.pictureLabel')}>
        {run.results.map((r, i) => (
          <Histogram
            key={choices[i]}
            title={choicesText(choices[i]!)}
            fullest={t('scheduling.balls.fullest', { max: run.done || !reducedMotion ? number(r.maxLoad) : '…' })}
            counts={r.loadCounts}
            maxLoad={maxLoad}
            maxShare={maxShare}
            bins={n}
          />
        ))}
      </div>
      <p className="balls__status" data-thrown={run.thrown}>
        {run.done ? t('scheduling.balls.tinyBars') : t('scheduling.balls.computing')}{' '}
        {!replay &&
          !run.done &&
          t('scheduling.balls.progress', { thrown: number(run.thrown), total: number(run.total) })}
      </p>
      <p className="visually-hidden" role="status">
        {run.done ? t('scheduling.balls.done', { summary }) : ''}
      </p>
      {!replay && n >= 1_000_000 && <p className="balls__status">{t('scheduling.balls.note.million')}</p>}
      <Disclosure
        storageKey={`${widgetId}:counts`}
        title={t('scheduling.balls.table.title')}
        className="packet-flow__panel"
      >
        {/* Counts once the last ball has landed: a table redrawn while they fly would cost frames. */}
        {run.done ? (
          <BallsTable
            n={sizeText}
            choices={choices.map(choicesText)}
            results={run.results}
            maxLoad={maxLoad}
            number={number}
          />
        ) : (
          <p className="balls__status">{t('scheduling.balls.computing')}</p>
        )}
      </Disclosure>
    </figure>
  );
}

const Histogram = memo(function Histogram({
  title,
  fullest,
  counts,
  maxLoad,
  maxShare,
  bins,
}: {
  title: string;
  fullest: string;
  counts: readonly number[];
  maxLoad: number;
  maxShare: number;
  bins: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useElementWidth(ref, 220);
  useEffect(() => {
    if (svgRef.current) drawHistogram(svgRef.current, { width, counts, maxLoad, maxShare, bins });
  }, [width, counts, maxLoad, maxShare, bins]);
  return (
    <div className="balls__panel" ref={ref}>
      <p className="balls__panel-title">
        <span>{title}</span>
        <span className="balls__max">{fullest}</span>
      </p>
      <svg ref={svgRef} className="balls__svg" aria-hidden="true" />
    </div>
  );
});

function BallsTable({
  n,
  choices,
  results,
  maxLoad,
  number,
}: {
  n: string;
  choices: string[];
  results: readonly { maxLoad: number; loadCounts: readonly number[] }[];
  maxLoad: number;
  number: (v: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <table className="balls__table" data-counts-table>
      <caption>{t('scheduling.balls.table.caption', { n })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scheduling.balls.table.load')}</th>
          {choices.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: maxLoad + 1 }, (_, load) => (
          <tr key={load}>
            <th scope="row">{load}</th>
            {results.map((r, i) => (
              <td key={i}>{number(r.loadCounts[load] ?? 0)}</td>
            ))}
          </tr>
        ))}
        <tr data-fullest>
          <th scope="row">{t('scheduling.balls.table.fullest')}</th>
          {results.map((r, i) => (
            <td key={i}>{number(r.maxLoad)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
