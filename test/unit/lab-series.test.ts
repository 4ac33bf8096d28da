import { describe, expect, it } from 'vitest';
import { configWith, startRun, type RunSpec, type ScriptStep } from '../../src/engine';
import { defaultDoc } from '../../src/lab/defaults';
import { LabSampler, toTable } from '../../src/lab/series';
import { docToRunSpec } from '../../src/lab/to-run';

/** Four identical servers behind round robin, with the Lab's 250 ms metrics window. */
function spec(script: ScriptStep[] = []): RunSpec {
  return { config: configWith({ windowMs: 250 }), script, seed: 7, durationMs: 20_000 };
}

const ids = ['web-1', 'web-2', 'web-3', 'web-4'];

describe('LabSampler', () => {
  it('samples every 250 ms with per-interval counts and even round-robin shares', () => {
    const run = startRun(spec());
    const sampler = new LabSampler();
    sampler.advance(run, 2_100);
    const s = sampler;
    expect(s.times).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
    expect(run.timeMs).toBe(2_100);
    expect(s.serverIds).toEqual(ids);
    // 400 req/s → about 100 per interval; the deltas add up to the run's totals.
    for (const n of s.requests.slice(1)) expect(n).toBeGreaterThan(60);
    const metrics = run.sim.metrics();
    expect(s.errors.every((n) => n === 0)).toBe(true);
    for (const id of ids) {
      for (const share of s.share.get(id)?.slice(1) ?? []) expect(share).toBeCloseTo(0.25, 1);
    }
    expect(s.p95Ms.slice(1).every((p) => p > 0 && Number.isFinite(p))).toBe(true);
    expect(sampler.version).toBe(8);
    const sumToLast = s.requests.reduce((a, b) => a + b, 0);
    expect(sumToLast).toBeLessThanOrEqual(metrics.requests.completed);
  });

  it('reads the Lab default design (four servers, round robin) with a crash fault at 1.0 s', () => {
    const doc = { ...defaultDoc(), faults: [{ atMs: 1_000, kind: 'crash' as const, target: 'web-2' }] };
    const sampler = new LabSampler();
    sampler.advance(startRun(docToRunSpec(doc)), 1_250);
    expect(sampler.times).toEqual([250, 500, 750, 1000, 1250]);
    for (const id of ids) expect(sampler.share.get(id)?.[2]).toBeCloseTo(0.25, 1);
    expect(sampler.errors.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(sampler.errors[4]).toBeGreaterThan(0);
  });

  it('is deterministic however the caller steps the clock', () => {
    const a = new LabSampler();
    const b = new LabSampler();
    const runA = startRun(spec([{ atMs: 1_300, action: 'crash', backend: 'web-3' }]));
    const runB = startRun(spec([{ atMs: 1_300, action: 'crash', backend: 'web-3' }]));
    a.advance(runA, 3_000);
    for (let t = 17; t < 3_000; t += 33) b.advance(runB, t);
    b.advance(runB, 3_000);
    expect(b.samples).toEqual(a.samples);
    expect(b.version).toBe(a.version);
  });

  it('ends an interval at a scripted fault, so the next sample shows it', () => {
    const sampler = new LabSampler();
    const run = startRun(spec([{ atMs: 1_100, action: 'crash', backend: 'web-2' }]));
    sampler.advance(run, 1_500);
    const s = sampler;
    expect(s.times).toEqual([250, 500, 750, 1000, 1100, 1250, 1500]);
    expect(s.errors.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(s.errors[5]).toBeGreaterThan(0);
  });

  it('cut: a live crash shows in the first sample after it, then health checks take the server out', () => {
    const sampler = new LabSampler();
    const run = startRun(spec());
    sampler.advance(run, 1_000);
    sampler.cut(run); // at a boundary already sampled: nothing to close
    expect(sampler.version).toBe(4);
    sampler.advance(run, 1_100);
    run.act({ action: 'crash', backend: 'web-2' });
    sampler.cut(run);
    const s = sampler;
    expect(s.times.slice(-2)).toEqual([1000, 1100]);
    expect(s.errors[4]).toBe(0); // 1.0–1.1 s: before the crash
    sampler.advance(run, 1_250);
    expect(s.times.at(-1)).toBe(1250);
    expect(s.errors.at(-1)).toBeGreaterThan(0); // 1.1–1.25 s: only after it
    // The balancer still routes to the crashed server until three failed checks (2 s apart).
    expect(s.share.get('web-2')?.at(-1)).toBeGreaterThan(0.1);
    sampler.advance(run, 9_000);
    expect(s.share.get('web-2')?.at(-1)).toBe(0);
    expect(s.errors.at(-1)).toBe(0);
    for (const id of ['web-1', 'web-3', 'web-4']) expect(s.share.get(id)?.at(-1)).toBeCloseTo(1 / 3, 1);
  });

  it('gives a server added later NaN before it existed, and a removed one NaN after', () => {
    const sampler = new LabSampler();
    const run = startRun(spec());
    sampler.advance(run, 500);
    run.act({ action: 'add', pool: 'web' });
    sampler.cut(run);
    run.act({ action: 'remove', backend: 'web-1' });
    sampler.advance(run, 1_000);
    const s = sampler;
    const added = s.serverIds[4] as string;
    expect(s.serverIds).toHaveLength(5);
    expect(s.share.get(added)?.slice(0, 2).every(Number.isNaN)).toBe(true);
    expect(s.share.get(added)?.at(-1)).toBeCloseTo(0.25, 1);
    expect(s.share.get('web-1')?.at(1)).toBeCloseTo(0.25, 1);
    expect(s.share.get('web-1')?.at(-1)).toBeNaN();
    const row = toTable(sampler, 1)[0];
    expect(row?.shares.map((x) => x.id)).toEqual(['web-2', 'web-3', 'web-4', added]);
  });

  it('keeps memory flat: the oldest samples and the columns of long-gone servers are dropped', () => {
    const sampler = new LabSampler(250, 8);
    const run = startRun(spec());
    sampler.advance(run, 1_000);
    run.act({ action: 'remove', backend: 'web-4' });
    sampler.advance(run, 5_000);
    const s = sampler;
    expect(s.times).toHaveLength(8);
    expect(s.times[0]).toBe(3_250);
    for (const column of [s.p95Ms, s.errors, s.sessionsLost, s.requests, ...s.share.values()]) {
      expect(column).toHaveLength(8);
    }
    expect(s.serverIds).toEqual(['web-1', 'web-2', 'web-3']);
    expect(sampler.version).toBe(20);
  });

  it('toTable returns the last rows, oldest first; reset empties everything', () => {
    const sampler = new LabSampler();
    const run = startRun(spec());
    sampler.advance(run, 1_000);
    const rows = toTable(sampler, 2);
    expect(rows.map((r) => r.timeMs)).toEqual([750, 1000]);
    expect(rows[1]?.shares).toHaveLength(4);
    expect(toTable(sampler, 0)).toEqual([]);
    sampler.reset();
    expect(sampler.samples.times).toEqual([]);
    expect(sampler.samples.share.size).toBe(0);
    sampler.advance(run, 1_500);
    expect(sampler.samples.times).toEqual([1250, 1500]);
  });
});
