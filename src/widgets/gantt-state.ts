/**
 * The Gantt widget's settings: what its knobs change in the experiment's setup, and how they
 * travel in a link (`?w-<id>=alg:lpt,m:8,dist:bimodal,n:100,s:4,d:2,jobs:1.1.3`). Links are
 * untrusted input: knobs the experiment does not offer and out-of-range values are dropped, and
 * every range comes from the model's LIMITS.
 */
import {
  JOB_SIZE_DISTRIBUTIONS,
  LIMITS,
  SCHEDULING_ALGORITHMS,
  type GanttKnob,
  type JobSizeDistribution,
  type ScheduleSetup,
  type SchedulingAlgorithm,
  type SchedulingWidgetSpec,
} from '../engine/scheduling/index.ts';

export interface GanttSettings {
  algorithm: SchedulingAlgorithm;
  servers: number;
  distribution: JobSizeDistribution;
  jobs: number;
  staleness: number;
  d: number;
  /** Builder mode: the student's job sizes, in arrival order. */
  sizes: number[];
}

export type RangeKnob = Exclude<GanttKnob, 'algorithm' | 'distribution'>;
export const RANGES: Record<RangeKnob, { min: number; max: number }> = {
  servers: { min: 1, max: LIMITS.servers },
  jobs: { min: 1, max: LIMITS.jobs },
  staleness: { min: 1, max: LIMITS.staleness },
  d: { min: 1, max: LIMITS.choices },
};
export const MAX_JOB_SIZE = LIMITS.jobSize;
export const MAX_BUILDER_JOBS = LIMITS.jobs;

export function settingsOf(setup: ScheduleSetup): GanttSettings {
  const spec = setup.jobs;
  return {
    algorithm: setup.algorithm,
    servers: setup.servers,
    distribution: spec.kind === 'drawn' ? spec.distribution : 'uniform',
    jobs: spec.kind === 'drawn' ? spec.count : 0,
    staleness: setup.staleness,
    d: setup.d,
    sizes: spec.kind === 'sizes' ? [...spec.sizes] : [],
  };
}

/** The experiment's setup with the knobs applied (its seeds stay: the same draw, the same picks). */
export function setupOf(base: ScheduleSetup, s: GanttSettings, builder: boolean): ScheduleSetup {
  const jobs: ScheduleSetup['jobs'] = builder
    ? { kind: 'sizes', sizes: s.sizes }
    : base.jobs.kind === 'drawn'
      ? { ...base.jobs, distribution: s.distribution, count: s.jobs }
      : base.jobs;
  return { ...base, jobs, algorithm: s.algorithm, servers: s.servers, staleness: s.staleness, d: s.d };
}

const CODES: Record<GanttKnob, string> = {
  algorithm: 'alg',
  servers: 'm',
  distribution: 'dist',
  jobs: 'n',
  staleness: 's',
  d: 'd',
};

const inRange = (value: string, { min, max }: { min: number; max: number }) => {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** Settings from a link, over the experiment's own; anything unknown or out of range is ignored. */
export function parseGanttState(
  raw: string | null,
  defaults: GanttSettings,
  spec: SchedulingWidgetSpec,
): GanttSettings {
  const s: GanttSettings = { ...defaults, sizes: [...defaults.sizes] };
  if (!raw) return s;
  const offered = new Set<string>(spec.knobs.map((k) => CODES[k]));
  for (const part of raw.split(',')) {
    const [code = '', value = ''] = part.split(':', 2);
    if (code === 'jobs' && spec.builder) {
      const sizes = value.split('.').map((v) => inRange(v, { min: 1, max: MAX_JOB_SIZE }));
      if (sizes.every((x) => x !== undefined)) s.sizes = (sizes as number[]).slice(0, MAX_BUILDER_JOBS);
      continue;
    }
    if (!offered.has(code)) continue;
    if (code === 'alg' && (SCHEDULING_ALGORITHMS as readonly string[]).includes(value))
      s.algorithm = value as SchedulingAlgorithm;
    else if (code === 'dist' && (JOB_SIZE_DISTRIBUTIONS as readonly string[]).includes(value))
      s.distribution = value as JobSizeDistribution;
    else {
      const knob = (Object.keys(CODES) as GanttKnob[]).find((k) => CODES[k] === code) as RangeKnob | undefined;
      const n = knob && knob in RANGES ? inRange(value, RANGES[knob]) : undefined;
      if (knob && n !== undefined) s[knob] = n;
    }
  }
  return s;
}

export function serializeGanttState(s: GanttSettings, spec: SchedulingWidgetSpec): string {
  const parts = spec.knobs.map((k) => `${CODES[k]}:${s[k]}`);
  if (spec.builder && s.sizes.length > 0) parts.push(`jobs:${s.sizes.join('.')}`);
  return parts.join(',');
}
