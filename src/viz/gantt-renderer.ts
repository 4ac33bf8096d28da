/**
 * The Gantt chart, drawn with d3-selection into an <svg> React created and owns: one row per
 * server, one bar per placed job, a dashed line at the lower bound and a solid one at the
 * makespan (named in the HTML legend beside it, where text wraps and translates freely). `draw(frame)` on every step; keyed joins move only what changed. Colours are CSS
 * classes (no inline styles, for the strict CSP); the picture carries only numbers.
 */
import { select } from 'd3-selection';
import { ganttGeometry, timeTicks } from './gantt-geometry';

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
}

export function drawGantt(svgElement: SVGSVGElement, frame: GanttFrame): number {
  // A width measured before layout can be tiny: never draw narrower than a phone column.
  const g = ganttGeometry(Math.max(240, frame.width), frame.servers, frame.horizon);
  const svg = select(svgElement).attr('viewBox', `0 0 ${g.width} ${g.height}`).attr('height', g.height);
  const x = (t: number) => g.left + t * g.unit;
  const plotBottom = g.top + frame.servers * g.rowHeight;

  const rows = svg
    .selectAll<SVGGElement, null>('g.gantt__rows')
    .data([null])
    .join((enter) => enter.append('g').attr('class', 'gantt__rows'));
  rows
    .selectAll<SVGRectElement, number>('rect')
    .data(Array.from({ length: frame.servers }, (_, i) => i))
    .join('rect')
    .attr('class', (i) => `gantt__row${i % 2 ? ' gantt__row--odd' : ''}`)
    .attr('x', g.left)
    .attr('y', (i) => g.top + i * g.rowHeight)
    .attr('width', g.width - g.left - 4)
    .attr('height', g.rowHeight);
  rows
    .selectAll<SVGTextElement, number>('text')
    .data(Array.from({ length: frame.servers }, (_, i) => i).filter((i) => i % g.labelEvery === 0))
    .join('text')
    .attr('class', 'gantt__server')
    .attr('x', g.left - 6)
    .attr('y', (i) => g.top + i * g.rowHeight + Math.min(g.rowHeight, 14) / 2 + 4)
    .text((i) => String(i + 1));

  const jobs = svg
    .selectAll<SVGGElement, null>('g.gantt__jobs')
    .data([null])
    .join((enter) => enter.append('g').attr('class', 'gantt__jobs'));
  const gap = g.rowHeight >= 12 ? 2 : 0.5;
  const big = (size: number) => size > 2 * frame.meanSize;
  const bars = jobs
    .selectAll<SVGGElement, GanttBar>('g.gantt__job')
    .data(frame.bars, (d) => String(d.job))
    .join((enter) => {
      const bar = enter.append('g').attr('class', `gantt__job${frame.animate ? ' gantt__job--enter' : ''}`);
      bar.append('rect');
      bar.append('text');
      return bar;
    })
    .classed('gantt__job--big', (d) => big(d.size))
    .classed('gantt__job--latest', (d) => d.job === frame.latest);
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

  const marks = [
    { key: 'bound', at: frame.lowerBound, cls: 'gantt__mark gantt__mark--bound' },
    { key: 'makespan', at: frame.makespan, cls: 'gantt__mark gantt__mark--makespan' },
  ].filter((m) => m.at > 0);
  const mark = svg
    .selectAll<SVGGElement, (typeof marks)[number]>('g.gantt__mark')
    .data(marks, (d) => d.key)
    .join((enter) => {
      const m = enter.append('g');
      m.append('line');
      return m;
    })
    .attr('class', (d) => d.cls);
  mark
    .select('line')
    .attr('x1', (d) => x(d.at))
    .attr('x2', (d) => x(d.at))
    .attr('y1', g.top - 4)
    .attr('y2', plotBottom + 4);
  const plotWidth = g.width - g.left - 12;
  svg
    .selectAll<SVGTextElement, number>('text.gantt__tick')
    .data(timeTicks(frame.horizon, plotWidth).filter((v) => x(v) < g.width - 10))
    .join('text')
    .attr('class', 'gantt__tick')
    .attr('x', (v) => x(v))
    .attr('y', plotBottom + 11)
    .text((v) => String(v));
  return g.height;
}
