/**
 * One balls-into-bins histogram, drawn with d3-selection into an <svg> React owns: a bar per load
 * (0, 1, 2… balls in a bin), its height the share of bins with that load. Every panel shares the
 * same load axis and height scale, so the three side by side compare at a glance. A bar with any
 * bins in it is at least MIN_BAR px tall, so a single overfull bin among a million still shows.
 */
import { select } from 'd3-selection';

export const HISTOGRAM_HEIGHT = 150;
export const MIN_BAR = 2;

export interface HistogramFrame {
  width: number;
  /** counts[k] = bins holding exactly k balls. */
  counts: readonly number[];
  /** Bars drawn for loads 0 … maxLoad (shared by every panel). */
  maxLoad: number;
  /** The largest share of bins any bar in any panel has: the shared height scale. */
  maxShare: number;
  bins: number;
}

const TOP = 14;
const BOTTOM = 16;

export function drawHistogram(svgElement: SVGSVGElement, frame: HistogramFrame): void {
  const plot = HISTOGRAM_HEIGHT - TOP - BOTTOM;
  const slots = frame.maxLoad + 1;
  const slot = (frame.width - 4) / slots;
  const data = Array.from({ length: slots }, (_, load) => ({ load, count: frame.counts[load] ?? 0 }));
  const height = (count: number) =>
    count === 0 ? 0 : Math.max(MIN_BAR, (count / frame.bins / Math.max(frame.maxShare, 1e-9)) * plot);
  const fullest = frame.counts.length - 1;
  const svg = select(svgElement).attr('viewBox', `0 0 ${frame.width} ${HISTOGRAM_HEIGHT}`);
  svg
    .selectAll<SVGRectElement, (typeof data)[number]>('rect.balls__bar')
    .data(data, (d) => String(d.load))
    .join('rect')
    .attr('class', (d) => `balls__bar${d.load === fullest && d.count > 0 ? ' balls__bar--max' : ''}`)
    .attr('x', (d) => 2 + d.load * slot + slot * 0.12)
    .attr('width', Math.max(1, slot * 0.76))
    .attr('y', (d) => TOP + plot - height(d.count))
    .attr('height', (d) => height(d.count));
  // Load labels under the bars; when bars are narrow, every other one.
  const every = slot >= 14 ? 1 : 2;
  svg
    .selectAll<SVGTextElement, (typeof data)[number]>('text.balls__label')
    .data(
      data.filter((d) => d.load % every === 0),
      (d) => String(d.load),
    )
    .join('text')
    .attr('class', 'balls__label')
    .attr('x', (d) => 2 + d.load * slot + slot / 2)
    .attr('y', HISTOGRAM_HEIGHT - 3)
    .text((d) => String(d.load));
}
