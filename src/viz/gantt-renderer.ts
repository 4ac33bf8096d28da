/**
 * The Gantt chart, drawn with d3-selection into an <svg> React created and owns: one row per
 * server, one bar per placed job, a dashed line at the lower bound and a solid one at the
 * makespan (named in the HTML legend beside it, where text wraps and translates freely).
 * `drawGantt(frame)` on every step; while the instance and width stay the same, a step only adds
 * or removes bars, so a 400-job run onto 64 servers stays cheap per frame. Colours are CSS classes
 * (no inline styles, for the strict CSP); the picture carries only numbers.
 */
import { select, type Selection } from 'd3-selection';
import { ganttGeometry, timeTicks, type GanttGeometry } from './gantt-geometry';

export interface GanttBar {
  /** The job's position in arrival order (stable key). */
  job: number;
  size: number;
  server: number;
  start: number;
}

export interface GanttFrame {
  width: number;
  servers: number;
  /** The time the axis spans: fixed for a whole run, so bars do not rescale as they land. */
  horizon: number;
  bars: readonly GanttBar[];
  /** The bar placed last (highlighted), or -1. */
  latest: number;
  lowerBound: number;
  makespan: number;
  /** The mean job size: a job over twice the mean is drawn apart as big. */
  meanSize: number;
  animate: boolean;
  /**
   * Names the instance (setup) being drawn: one instance always places a job the same way, so
   * while this and the width stay the same, bars already drawn keep their places.
   */
  layoutKey: string;
}

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

export function drawGantt(svgElement: SVGSVGElement, frame: GanttFrame): number {
  // A width measured before layout can be tiny: never draw narrower than a phone column.
  const g = ganttGeometry(Math.max(240, frame.width), frame.servers, frame.horizon);
  const svg = select(svgElement);
  const layoutKey = `${frame.layoutKey}|${g.width}|${frame.servers}|${frame.horizon}`;
  const fresh = svgElement.dataset.layout !== layoutKey;
  if (fresh) {
    svgElement.dataset.layout = layoutKey;
    svg.attr('viewBox', `0 0 ${g.width} ${g.height}`).attr('height', g.height);
    drawRows(svg, g, frame.servers, frame.horizon);
  }
  drawBars(svg, g, frame, fresh);
  drawMarks(svg, g, frame);
  return g.height;
}

/** Server rows, their numbers and the time axis: redrawn only when the layout changes. */
function drawRows(svg: Svg, g: GanttGeometry, servers: number, horizon: number): void {
  const x = (t: number) => g.left + t * g.unit;
  const plotBottom = g.top + servers * g.rowHeight;
  const rows = svg
    .selectAll<SVGGElement, null>('g.gantt__rows')
    .data([null])
    .join((enter) => enter.insert('g', ':first-child').attr('class', 'gantt__rows'));
  const ids = Array.from({ length: servers }, (_, i) => i);
  rows
    .selectAll<SVGRectElement, number>('rect')
    .data(ids)
    .join('rect')
    .attr('class', (i) => `gantt__row${i % 2 ? ' gantt__row--odd' : ''}`)
    .attr('x', g.left)
    .attr('y', (i) => g.top + i * g.rowHeight)
    .attr('width', g.width - g.left - 4)
    .attr('height', g.rowHeight);
  rows
    .selectAll<SVGTextElement, number>('text.gantt__server')
    .data(ids.filter((i) => i % g.labelEvery === 0))
    .join('text')
    .attr('class', 'gantt__server')
    .attr('x', g.left - 6)
    .attr('y', (i) => g.top + i * g.rowHeight + Math.min(g.rowHeight, 14) / 2 + 4)
    .text((i) => String(i + 1));
  rows
    .selectAll<SVGTextElement, number>('text.gantt__tick')
    .data(timeTicks(horizon, g.width - g.left - 12).filter((v) => x(v) < g.width - 10))
    .join('text')
    .attr('class', 'gantt__tick')
    .attr('x', (v) => x(v))
    .attr('y', plotBottom + 11)
    .text((v) => String(v));
}

function drawBars(svg: Svg, g: GanttGeometry, frame: GanttFrame, fresh: boolean): void {
  const x = (t: number) => g.left + t * g.unit;
  const gap = g.rowHeight >= 12 ? 2 : 0.5;
  const jobs = svg
    .selectAll<SVGGElement, null>('g.gantt__jobs')
    .data([null])
    .join((enter) => enter.append('g').attr('class', 'gantt__jobs'));
  const place = (bars: Selection<SVGGElement, GanttBar, SVGGElement, null>) => {
    bars.classed('gantt__job--big', (d) => d.size > 2 * frame.meanSize);
    bars
      .select('rect')
      .attr('x', (d) => x(d.start) + 0.5)
      .attr('y', (d) => g.top + d.server * g.rowHeight + gap)
      .attr('width', (d) => Math.max(1, d.size * g.unit - 1))
      .attr('height', g.rowHeight - 2 * gap);
    bars
      .select('text')
      .attr('x', (d) => x(d.start + d.size / 2))
      .attr('y', (d) => g.top + d.server * g.rowHeight + g.rowHeight / 2 + 4)
      .text((d) => (d.size * g.unit >= 16 && g.rowHeight >= 16 ? String(d.size) : ''));
  };
  const update = jobs.selectAll<SVGGElement, GanttBar>('g.gantt__job').data(frame.bars, (d) => String(d.job));
  update.exit().remove();
  // Alternate shades by arrival, set once per bar: an :nth-child rule would restyle every bar
  // each time one is added.
  const entered = update
    .enter()
    .append('g')
    .attr(
      'class',
      (d) => `gantt__job${d.job % 2 ? ' gantt__job--alt' : ''}${frame.animate ? ' gantt__job--enter' : ''}`,
    );
  entered.append('rect');
  entered.append('text');
  place(fresh ? entered.merge(update) : entered);
  jobs.selectAll('.gantt__job--latest').classed('gantt__job--latest', false);
  entered
    .merge(update)
    .filter((d) => d.job === frame.latest)
    .classed('gantt__job--latest', true);
}

function drawMarks(svg: Svg, g: GanttGeometry, frame: GanttFrame): void {
  const x = (t: number) => g.left + t * g.unit;
  const plotBottom = g.top + frame.servers * g.rowHeight;
  const marks = [
    { key: 'bound', at: frame.lowerBound },
    { key: 'makespan', at: frame.makespan },
  ].filter((m) => m.at > 0);
  svg
    .selectAll<SVGLineElement, (typeof marks)[number]>('line.gantt__mark')
    .data(marks, (d) => d.key)
    .join('line')
    .attr('class', (d) => `gantt__mark gantt__mark--${d.key}`)
    .attr('x1', (d) => x(d.at))
    .attr('x2', (d) => x(d.at))
    .attr('y1', g.top - 4)
    .attr('y2', plotBottom + 4);
}
