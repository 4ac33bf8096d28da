/**
 * Time series of the run, one small chart each: every server's share of the requests, p95
 * latency, failed requests and sessions lost, per 250 ms sample. Paths come from d3-shape over
 * d3-scale; React owns the SVG. Each chart has a data table beside it (its text alternative).
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabSampler } from '../series';

/**
 * The charts show the last 30 s of simulated time (120 samples): with 32 servers that is already
 * 3,840 points to redraw each second, and more would cost frames on a slow phone.
 */
const WINDOW_SAMPLES = 120;
/** Rows in each data table: the last five seconds. */
const TABLE_ROWS = 20;
const W = 320;
const H = 120;
const PAD = { left: 34, right: 6, top: 8, bottom: 18 };
const PALETTE = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#dc2626'];

type Series = { id: string; values: readonly number[] };
type ChartId = 'share' | 'p95' | 'errors' | 'sessions';

export const LabCharts = memo(function LabCharts({ sampler, version }: { sampler: LabSampler; version: number }) {
  const { t } = useTranslation();
  const times = sampler.times;
  const from = Math.max(0, times.length - WINDOW_SAMPLES);
  const slice = (values: readonly number[]) => values.slice(from);
  const shown = times.slice(from);
  const servers = sampler.serverIds.filter((id) => (sampler.share.get(id) ?? []).slice(from).some((v) => v > 0));
  const charts: { id: ChartId; series: Series[]; max?: number; percent?: boolean; fair?: number }[] = [
    {
      id: 'share',
      series: servers.map((id) => ({ id, values: slice(sampler.share.get(id) ?? []) })),
      max: 1,
      percent: true,
      fair: servers.length > 0 ? 1 / servers.length : undefined,
    },
    { id: 'p95', series: [{ id: 'p95', values: slice(sampler.p95Ms) }] },
    { id: 'errors', series: [{ id: 'errors', values: slice(sampler.errors) }] },
    { id: 'sessions', series: [{ id: 'sessions', values: slice(sampler.sessionsLost) }] },
  ];
  return (
    <div className="lab-charts" data-samples={version}>
      <h3 className="lab__subtitle">{t('lab.charts.title')}</h3>
      {shown.length === 0 ? (
        <p className="lab__hint">{t('lab.charts.waiting')}</p>
      ) : (
        <div className="lab-charts__grid">
          {charts.map((chart) => (
            <Chart key={chart.id} {...chart} times={shown} />
          ))}
        </div>
      )}
    </div>
  );
});

function Chart({
  id,
  series,
  times,
  max,
  percent = false,
  fair,
}: {
  id: ChartId;
  series: Series[];
  times: readonly number[];
  max?: number;
  percent?: boolean;
  fair?: number;
}) {
  const { t, i18n } = useTranslation();
  const tableId = useId();
  // The table is built only while open: 64 columns re-rendered every sample would cost frames.
  const [tableOpen, setTableOpen] = useState(false);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: percent ? 0 : 1 });
  const secondsFormat = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const seconds = (ms: number) => secondsFormat.format(ms / 1000);
  const format = (v: number) =>
    Number.isFinite(v) ? (percent ? `${number.format(v * 100)}%` : number.format(v)) : '—';
  const first = times[0] ?? 0;
  const last = times[times.length - 1] ?? 1;
  const x = scaleLinear()
    .domain([first, Math.max(last, first + 1)])
    .range([PAD.left, W - PAD.right]);
  const top = max ?? Math.max(1, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const y = scaleLinear()
    .domain([0, top])
    .nice(4)
    .range([H - PAD.bottom, PAD.top]);
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => x(times[i] as number))
    .y((v) => y(v));
  const ticks = y.ticks(4);
  const latest = series.map((s) => ({ id: s.id, value: s.values[s.values.length - 1] ?? NaN }));
  const summary = t(`lab.charts.summary.${id}`, {
    from: seconds(first),
    to: seconds(last),
    value: id === 'share' ? '' : format(latest[0]?.value ?? NaN),
    count: series.length,
  });
  const rows = times.slice(-TABLE_ROWS).map((time, k) => {
    const i = times.length - Math.min(TABLE_ROWS, times.length) + k;
    return { time, values: series.map((s) => s.values[i] ?? NaN) };
  });
  return (
    <figure className="lab-chart" data-chart={id}>
      <figcaption className="lab-chart__title">{t(`lab.charts.${id}`)}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="lab-chart__svg" role="img" aria-label={summary}>
        {ticks.map((tick) => (
          <g key={tick} className="lab-chart__tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 4} y={y(tick)} dy="0.32em" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        <text className="lab-chart__axis" x={PAD.left} y={H - 4}>
          {t('widget.unit.seconds', { value: seconds(first) })}
        </text>
        <text className="lab-chart__axis" x={W - PAD.right} y={H - 4} textAnchor="end">
          {t('widget.unit.seconds', { value: seconds(last) })}
        </text>
        {fair !== undefined && (
          <line className="lab-chart__fair" x1={PAD.left} x2={W - PAD.right} y1={y(fair)} y2={y(fair)} />
        )}
        {series.map((s, i) => (
          <path
            key={s.id}
            className="lab-chart__line"
            d={path(s.values as number[]) ?? ''}
            stroke={PALETTE[i % PALETTE.length]}
          />
        ))}
      </svg>
      <details className="lab-chart__table" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary aria-controls={tableId}>{t('lab.charts.showTable')}</summary>
        <div className="table-scroll" id={tableId}>
          {tableOpen && (
            <table className="metrics-table">
              <caption className="visually-hidden">{t(`lab.charts.${id}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('lab.charts.time')}</th>
                  {series.map((s) => (
                    <th key={s.id} scope="col">
                      {id === 'share' ? s.id : t(`lab.charts.${id}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.time}>
                    <th scope="row">{seconds(row.time)}</th>
                    {row.values.map((v, i) => (
                      <td key={series[i]?.id}>{format(v)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </details>
    </figure>
  );
}
