/**
 * The Lab's form controls. Every number is typed as text and checked as the student types: a value
 * that would make the design invalid stays in the box with a message beside it and never reaches
 * the design (so the run never sees it). The limits each field states come from `limits.ts`, the
 * same table the validator and the link sanitiser use.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/locales/en';
import { limitOf, type NumberLimit } from '../limits';
import { readNumberField, type FieldError } from '../validate';

/** Why a change was refused; `at` names another field it would have broken (a fault's server, say). */
export type ShownError = FieldError & { at?: string };
/** Tries a change: null when it was applied, or why not. */
export type TryEdit = (path: string, value: unknown) => ShownError | null;

type DisplayUnit = keyof Messages['lab']['unit'];

/**
 * Durations people think of in seconds (health intervals, slow start, draining, fault times) are
 * shown in seconds, service times stay in milliseconds, and 0–1 shares show as percent.
 */
const SECONDS = /(intervalMs|ejectionMs|slowStartMs|drainMs|atMs)$/;
const scaleOf = (limit: NumberLimit, path: string) =>
  limit.unit === 'share' ? 100 : limit.unit === 'ms' && SECONDS.test(path) ? 1 / 1000 : 1;
const displayUnit = (limit: NumberLimit, path: string): DisplayUnit | '' => {
  const units: Record<NumberLimit['unit'], DisplayUnit | ''> = {
    count: '',
    perSecond: 'perSecond',
    share: 'percent',
    percent: 'percent',
    ms: SECONDS.test(path) ? 'seconds' : 'ms',
    kilobytes: 'kilobytes',
    factor: 'factor',
    seed: '',
  };
  return units[limit.unit];
};

const toDisplay = (limit: NumberLimit, path: string, value: number) => round(value * scaleOf(limit, path));
/** Float noise from the unit conversion (0.1 × 100) must not show as 10.000000000000002. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;

export function useErrorText(): (error: ShownError | null) => string {
  const { t, i18n } = useTranslation();
  const name = useFieldName();
  return (error) => {
    if (!error) return '';
    const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
    const format = (v: number | undefined) => (v === undefined ? '' : number.format(v));
    const text = t(`lab.error.${error.code}`, { min: format(error.min), max: format(error.max) });
    return error.at ? t('lab.error.elsewhere', { field: name(error.at), problem: text }) : text;
  };
}

/** `faults.2.target` → "Fault 3": where a refused change would have broken something. */
export function useFieldName(): (path: string) => string {
  const { t } = useTranslation();
  return (path) => {
    const [list, index] = path.split('.');
    const n = Number(index) + 1;
    if (list === 'faults' && Number.isFinite(n)) return t('lab.form.faultN', { n });
    if (list === 'paths' && Number.isFinite(n)) return t('lab.form.pathN', { n });
    if (list === 'pools') return t('lab.form.pools');
    if (path.startsWith('l7.rules.')) return t('lab.form.ruleN', { n: Number(path.split('.')[2]) + 1 });
    if (path === 'l7.defaultPool') return t('lab.form.defaultPool');
    if (path === 'l7.forwarding') return t('lab.form.forwarding');
    return path;
  };
}

function Message({ id, error }: { id: string; error: string }) {
  return error ? (
    <span className="lab-field__error" id={id} role="alert">
      {error}
    </span>
  ) : null;
}

export function NumberField({
  path,
  label,
  value,
  onEdit,
  commitOnBlur = false,
}: {
  path: string;
  label: string;
  value: number;
  onEdit: TryEdit;
  /**
   * Check as typed but apply on Enter or on leaving the field: a fault's time or the seed, where
   * "1" on the way to "12" would otherwise restart the run.
   */
  commitOnBlur?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const limit = limitOf(path);
  const [text, setText] = useState(() => String(limit ? toDisplay(limit, path, value) : value));
  const [error, setError] = useState<ShownError | null>(null);
  const errorText = useErrorText();
  // Undo, redo or a template changed the design: show its value, unless the box already says it
  // (React's "adjust state when a prop changes" pattern, during render rather than in an effect).
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    const shown = limit ? toDisplay(limit, path, value) : value;
    if (Number(text.replace(',', '.')) !== shown) setText(String(shown));
    setError(null);
  }
  if (!limit) return null;
  const unit = displayUnit(limit, path);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const range = t('lab.field.range', {
    min: number.format(toDisplay(limit, path, limit.min)),
    max: number.format(toDisplay(limit, path, limit.max)),
    unit: unit ? t(`lab.unit.${unit}`) : '',
  });
  // The checks' own reader; a decimal comma is how Russian (and most of Europe) types a decimal.
  const read = (raw: string) => readNumberField(path, raw.replace(',', '.'), scaleOf(limit, path));
  const onChange = (raw: string) => {
    setText(raw);
    const typed = read(raw);
    if (typed.error) return setError(typed.error);
    if (commitOnBlur) return setError(null);
    setError(onEdit(path, typed.value));
  };
  const commit = () => {
    if (!commitOnBlur || error) return;
    const typed = read(text);
    if (typed.error === null && typed.value !== value) setError(onEdit(path, typed.value));
  };
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={`${id}-range${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        data-field={path}
      />
      <span className="lab-field__hint" id={`${id}-range`}>
        {range}
      </span>
      <Message id={`${id}-error`} error={errorText(error)} />
    </div>
  );
}

export function TextField({
  path,
  label,
  value,
  hint,
  onEdit,
}: {
  path: string;
  label: string;
  value: string;
  hint?: string;
  onEdit: TryEdit;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<ShownError | null>(null);
  const errorText = useErrorText();
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(value);
    setError(null);
  }
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(onEdit(path, e.target.value));
        }}
        data-field={path}
      />
      {hint && (
        <span className="lab-field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <Message id={`${id}-error`} error={errorText(error)} />
    </div>
  );
}

export function SelectField<V extends string>({
  path,
  label,
  value,
  options,
  optionLabel,
  onEdit,
}: {
  path: string;
  label: string;
  value: V;
  options: readonly V[];
  optionLabel: (option: V) => string;
  onEdit: TryEdit;
}) {
  const id = useId();
  const [error, setError] = useState<ShownError | null>(null);
  const errorText = useErrorText();
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setError(onEdit(path, e.target.value))}
        data-field={path}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
      <Message id={`${id}-error`} error={errorText(error)} />
    </div>
  );
}

export function CheckField({
  path,
  label,
  checked,
  onEdit,
}: {
  path: string;
  label: string;
  checked: boolean;
  onEdit: TryEdit;
}) {
  const [error, setError] = useState<ShownError | null>(null);
  const errorText = useErrorText();
  const id = useId();
  return (
    <div className="lab-field lab-field--check">
      <label>
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => setError(onEdit(path, e.target.checked))}
          aria-describedby={error ? `${id}-error` : undefined}
          data-field={path}
        />{' '}
        {label}
      </label>
      <Message id={`${id}-error`} error={errorText(error)} />
    </div>
  );
}

/** A titled group of fields, open or closed by the student (native, keyboard-ready). */
export function FormSection({ title, open = false, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="lab-section" open={open}>
      <summary className="lab-section__title">{title}</summary>
      <div className="lab-section__body">{children}</div>
    </details>
  );
}
