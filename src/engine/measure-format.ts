/**
 * How a measured number should read. The same shape as `MeasureFormat` in `src/lib/format-measure.ts`,
 * which does the formatting: the engine names formats but never formats (a test checks the two
 * declarations stay interchangeable).
 */
export interface MeasureFormat {
  unit: 'ratio' | 'percent' | 'count' | 'number';
  /** Fraction digits; by default 1 for ratios, 1 below 10% and 0 above for shares, 0 for counts. */
  digits?: number;
}
