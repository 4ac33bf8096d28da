/**
 * How a measured number reads, in the student's language: a ratio (3.7×), a share (4.1 %), a count
 * or a plain number. Quizzes, replays, prose measurements and widgets all format through here, so
 * the same value always reads the same way. The engine declares the same shape for its registry
 * (engine/measure-format.ts): it cannot import from here, and this file must not pull the engine
 * into the main bundle.
 */
export interface MeasureFormat {
  unit: 'ratio' | 'percent' | 'count' | 'number';
  /** Fraction digits; by default 1 for ratios, 1 below 10% and 0 above for shares, 0 for counts. */
  digits?: number;
}

export function formatMeasure(value: number, format: MeasureFormat, locale: string): string {
  if (!Number.isFinite(value)) return '—';
  const digits = (fallback: number) => format.digits ?? fallback;
  switch (format.unit) {
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: digits(0) }).format(value);
    case 'number':
      // A table of numbers reads best with one precision throughout ("3.0", not "3" beside "10.3").
      return new Intl.NumberFormat(locale, {
        minimumFractionDigits: format.digits ?? 0,
        maximumFractionDigits: digits(1),
      }).format(value);
    case 'ratio':
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits(1), maximumFractionDigits: digits(1) }).format(value)}×`;
    case 'percent': {
      const d = digits(value !== 0 && Math.abs(value) < 0.1 ? 1 : 0);
      return new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: d,
        maximumFractionDigits: d,
      }).format(value);
    }
  }
}
