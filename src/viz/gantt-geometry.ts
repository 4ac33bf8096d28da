/**
 * Pure geometry for the Gantt chart: row heights for 1 to 64 servers, the time scale, and which
 * labels fit. No DOM, so it is tested directly.
 */
export interface GanttGeometry {
  width: number;
  height: number;
  left: number;
  top: number;
  rowHeight: number;
  /** Pixels per unit of work. */
  unit: number;
  /** Label every k-th server row (1 when every row has room for its number). */
  labelEvery: number;
}

const AXIS = 26;
const TOP = 8;

/** Rows shrink as servers grow, so 64 still fit in about 380 px; 8 or fewer get roomy rows. */
export function ganttGeometry(width: number, servers: number, horizon: number): GanttGeometry {
  const m = Math.max(1, servers);
  const rowHeight = m <= 8 ? 30 : m <= 16 ? 20 : Math.max(5, Math.floor(360 / m));
  const left = 34;
  const plot = Math.max(40, width - left - 12);
  return {
    width,
    height: TOP + m * rowHeight + AXIS,
    left,
    top: TOP,
    rowHeight,
    unit: plot / Math.max(1, horizon),
    labelEvery: rowHeight >= 14 ? 1 : Math.ceil(14 / rowHeight),
  };
}

/** Round tick values for a time axis up to `horizon`, about one per 70 px. */
export function timeTicks(horizon: number, plotWidth: number): number[] {
  const target = Math.max(2, Math.floor(plotWidth / 70));
  const raw = horizon / target;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = [1, 2, 5, 10].map((k) => k * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let v = 0; v <= horizon + 1e-9; v += Math.max(1, step)) ticks.push(Math.round(v));
  return ticks;
}
