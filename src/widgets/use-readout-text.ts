import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadoutValue } from './readouts';

/** A readout in words and the student's number format ("3.72×", "12.5 %", "4.1 ms", "—"). */
export function useReadoutText(): (readout: ReadoutValue) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    ({ value, unit }: ReadoutValue) => {
      if (value === null || !Number.isFinite(value)) return '—';
      const number = (digits: number) =>
        new Intl.NumberFormat(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
          value,
        );
      switch (unit) {
        case 'ratio':
          return `${number(2)}×`;
        case 'ms':
          return t('widget.unit.ms', { value: number(1) });
        case 'seconds':
          return t('widget.unit.seconds', { value: number(1) });
        case 'count':
          return new Intl.NumberFormat(i18n.language).format(value);
        case 'percent':
          return new Intl.NumberFormat(i18n.language, {
            style: 'percent',
            maximumFractionDigits: value !== 0 && value < 0.1 ? 1 : 0,
          }).format(value);
      }
    },
    [t, i18n.language],
  );
}
