/**
 * The directive registry: every markdown directive the course knows, its form and its attribute
 * schema. The compiler validates against it; `render/directive-components.tsx` maps each available
 * name to a component, and TypeScript makes that map exhaustive.
 */
import { KEBAB_ID as ID_PATTERN } from '../lib/ids.ts';

export type DirectiveForm = 'text' | 'leaf' | 'container';

export interface AttributeSpec {
  required: boolean;
  /** Allowed values; when absent, any value matching `pattern` (or any non-empty string). */
  values?: readonly string[];
  pattern?: RegExp;
  describe: string;
}

export interface DirectiveSpec {
  form: DirectiveForm;
  /** False while a later issue has not built it yet: using it fails the build. */
  available: boolean;
  attributes: Record<string, AttributeSpec>;
  /** Whether a `[label]` is allowed (callout title, term text). */
  label: 'none' | 'optional' | 'required';
}

const idAttribute = (describe: string): AttributeSpec => ({
  required: true,
  pattern: ID_PATTERN,
  describe,
});

export const DIRECTIVES = {
  term: {
    form: 'text',
    available: true,
    label: 'required',
    attributes: { id: idAttribute('glossary entry id, e.g. id="sni"') },
  },
  measure: {
    form: 'text',
    available: true,
    label: 'none',
    attributes: {
      id: idAttribute('measurement id from src/engine/measurements.ts, e.g. id="nat-skew"'),
      row: { required: false, pattern: ID_PATTERN, describe: 'row of a table measurement' },
      col: { required: false, pattern: ID_PATTERN, describe: 'column of a table measurement' },
    },
  },
  note: { form: 'container', available: true, label: 'optional', attributes: {} },
  warning: { form: 'container', available: true, label: 'optional', attributes: {} },
  production: { form: 'container', available: true, label: 'optional', attributes: {} },
  'packet-flow': {
    form: 'leaf',
    available: true,
    label: 'none',
    attributes: {
      id: idAttribute('widget id, unique in the lesson'),
      scenario: { required: true, pattern: ID_PATTERN, describe: 'engine scenario preset' },
    },
  },
  gantt: {
    form: 'leaf',
    available: true,
    label: 'none',
    attributes: {
      id: idAttribute('widget id, unique in the lesson'),
      experiment: { required: true, pattern: ID_PATTERN, describe: 'scheduling experiment (a schedule)' },
    },
  },
  balls: {
    form: 'leaf',
    available: true,
    label: 'none',
    attributes: {
      id: idAttribute('widget id, unique in the lesson'),
      experiment: { required: true, pattern: ID_PATTERN, describe: 'scheduling experiment (balls into bins)' },
    },
  },
  quiz: {
    form: 'container',
    available: true,
    label: 'none',
    attributes: {
      id: idAttribute('quiz id, unique in the lesson'),
      kind: {
        required: true,
        values: ['single', 'multiple', 'truefalse', 'predict'],
        describe: 'quiz kind',
      },
      prediction: { required: false, pattern: ID_PATTERN, describe: 'engine prediction for kind="predict"' },
    },
  },
  reflection: {
    form: 'container',
    available: true,
    label: 'none',
    attributes: { id: idAttribute('reflection id, unique in the lesson') },
  },
} as const satisfies Record<string, DirectiveSpec>;

export type DirectiveName = keyof typeof DIRECTIVES;
export type AvailableDirectiveName = {
  [K in DirectiveName]: (typeof DIRECTIVES)[K]['available'] extends true ? K : never;
}[DirectiveName];

export function isDirectiveName(name: string): name is DirectiveName {
  return Object.prototype.hasOwnProperty.call(DIRECTIVES, name);
}

export { ID_PATTERN };
