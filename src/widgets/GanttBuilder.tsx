import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BUILDER_JOBS, MAX_JOB_SIZE } from './gantt-state';

const QUICK_SIZES = [1, 2, 3, 4, 5, 8];

/**
 * Builder mode: the student makes the instance, one job at a time, in arrival order. Quick buttons
 * for common sizes, a number field for any size up to the model's limit, undo and clear.
 */
export const GanttBuilder = memo(function GanttBuilder({
  widgetId,
  sizes,
  onChange,
}: {
  widgetId: string;
  sizes: readonly number[];
  onChange: (sizes: number[]) => void;
}) {
  const { t } = useTranslation();
  const [custom, setCustom] = useState('6');
  const full = sizes.length >= MAX_BUILDER_JOBS;
  const customSize = Number(custom);
  const customOk = Number.isInteger(customSize) && customSize >= 1 && customSize <= MAX_JOB_SIZE;
  const add = (size: number) => {
    if (!full) onChange([...sizes, size]);
  };
  const inputId = `${widgetId}-job-size`;
  const hintId = `${widgetId}-job-size-hint`;
  return (
    <div className="gantt-builder" role="group" aria-labelledby={`${widgetId}-builder-title`}>
      <p className="gantt-builder__title" id={`${widgetId}-builder-title`}>
        {t('scheduling.gantt.builder.title')}
      </p>
      <div className="gantt-builder__row">
        <span className="gantt-builder__label" aria-hidden="true">
          {t('scheduling.gantt.builder.quick')}:
        </span>
        {QUICK_SIZES.map((size) => (
          <button
            key={size}
            type="button"
            className="button button--quiet button--small"
            disabled={full}
            aria-label={t('scheduling.gantt.builder.addSize', { size })}
            onClick={() => add(size)}
          >
            +{size}
          </button>
        ))}
      </div>
      <form
        className="gantt-builder__row"
        onSubmit={(e) => {
          e.preventDefault();
          if (customOk) add(customSize);
        }}
      >
        <label className="packet-flow__field" htmlFor={inputId}>
          {t('scheduling.gantt.builder.custom')}
          <input
            id={inputId}
            className="gantt-builder__size"
            type="number"
            min={1}
            max={MAX_JOB_SIZE}
            step={1}
            value={custom}
            aria-describedby={hintId}
            aria-invalid={!customOk}
            onChange={(e) => setCustom(e.target.value)}
          />
        </label>
        <button type="submit" className="button button--small" disabled={full || !customOk}>
          {t('scheduling.gantt.builder.add')}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={sizes.length === 0}
          onClick={() => onChange(sizes.slice(0, -1))}
        >
          {t('scheduling.gantt.builder.undo')}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={sizes.length === 0}
          onClick={() => onChange([])}
        >
          {t('scheduling.gantt.builder.clear')}
        </button>
      </form>
      <p className="gantt-builder__hint" id={hintId}>
        {t('scheduling.gantt.builder.sizeRange', { max: MAX_JOB_SIZE })}
      </p>
      <p className="gantt-builder__jobs" data-builder-jobs={sizes.join(' ')}>
        {sizes.length === 0
          ? t('scheduling.gantt.builder.empty')
          : t('scheduling.gantt.builder.list', { sizes: sizes.join(', ') })}
      </p>
      {full && <p className="gantt__note">{t('scheduling.gantt.builder.full', { max: MAX_BUILDER_JOBS })}</p>}
    </div>
  );
});
