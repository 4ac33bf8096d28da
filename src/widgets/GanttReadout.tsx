import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMeasure } from '../lib/format-measure';

export interface GanttNumbers {
  placed: number;
  total: number;
  servers: number;
  makespan: number;
  lowerBound: number;
  /** Exact optimum of the placed jobs; undefined when the instance is too big to search. */
  optimum: number | undefined;
}

/** Largest instance the widget searches exactly for its optimum on every step (instant up to here). */
export const OPTIMUM_MAX_JOBS = 12;

/** The numbers that answer the chart: makespan against the lower bound (and the optimum when small). */
export const GanttReadout = memo(function GanttReadout({ numbers }: { numbers: GanttNumbers }) {
  const { t, i18n } = useTranslation();
  const formats = useMemo(
    () => [0, 1, 2].map((digits) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits })),
    [i18n.language],
  );
  const n = (value: number, digits = 0) => formats[digits]!.format(value);
  const ratio = (a: number, b: number) =>
    b > 0 ? formatMeasure(a / b, { unit: 'number', digits: 2 }, i18n.language) : '—';
  const { placed, total, servers, makespan, lowerBound, optimum } = numbers;
  const rows: [string, string, ReactNode][] = [
    ['placed', t('scheduling.gantt.readout.placed'), t('scheduling.gantt.readout.placedValue', { placed, total })],
    ['makespan', t('scheduling.gantt.readout.makespan'), n(makespan)],
    ['lowerBound', t('scheduling.gantt.readout.lowerBound'), n(lowerBound, 2)],
    ['ratio', t('scheduling.gantt.readout.ratio'), ratio(makespan, lowerBound)],
  ];
  if (placed > 0) {
    rows.push([
      'optimum',
      t('scheduling.gantt.readout.optimum'),
      optimum === undefined ? (
        <span className="gantt__skipped">
          {t('scheduling.gantt.readout.optimumSkipped', { max: OPTIMUM_MAX_JOBS })}
        </span>
      ) : (
        `${n(optimum)} (${t('scheduling.gantt.readout.optimumRatio')}: ${ratio(makespan, optimum)})`
      ),
    ]);
  }
  return (
    <div className="gantt__readout">
      <dl className="headline__readouts">
        {rows.map(([id, label, value]) => (
          <div key={id} data-readout={id}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {servers > 1 && (
        <p className="gantt__bound">
          {t('scheduling.gantt.readout.bound', {
            bound: formatMeasure(2 - 1 / servers, { unit: 'number', digits: 2 }, i18n.language),
          })}
        </p>
      )}
    </div>
  );
});

/** Loads as text: one row per server, its jobs in the order they landed, and its load. */
export const GanttTable = memo(
  function GanttTable({
    servers,
    bars,
    placed,
    total,
  }: {
    servers: number;
    bars: readonly { server: number; size: number }[];
    placed: number;
    total: number;
    /** False while playing: the table then updates in tenths (its caption says after how many jobs). */
    live: boolean;
  }) {
    const { t } = useTranslation();
    const perServer = Array.from({ length: servers }, () => [] as number[]);
    for (const bar of bars) perServer[bar.server]?.push(bar.size);
    return (
      <table className="gantt__table" data-loads-table>
        <caption>{t('scheduling.gantt.table.caption', { placed, total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scheduling.gantt.table.server')}</th>
            <th scope="col">{t('scheduling.gantt.table.jobs')}</th>
            <th scope="col">{t('scheduling.gantt.table.load')}</th>
          </tr>
        </thead>
        <tbody>
          {perServer.map((sizes, i) => (
            <tr key={i} data-server={i + 1}>
              <th scope="row">{i + 1}</th>
              <td>{sizes.length ? sizes.join(' + ') : t('scheduling.gantt.table.none')}</td>
              <td>{sizes.reduce((a, b) => a + b, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  },
  // Sixty-four rows rebuilt on every step of a playing run cost frames, so while playing the table
  // catches up every tenth of the jobs (and at the end), never lagging far behind the chart.
  (prev, next) =>
    !prev.live &&
    !next.live &&
    next.placed !== next.total &&
    Math.abs(next.placed - prev.placed) < Math.max(1, Math.ceil(next.total / 10)),
);
