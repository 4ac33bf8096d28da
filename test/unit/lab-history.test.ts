import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_UNDO_STEPS, plainDataEqual, UndoHistory } from '../../src/lab/history';

describe('UndoHistory', () => {
  it('undoes and redoes, and a new push drops the redo branch', () => {
    const h = new UndoHistory({ n: 0 });
    expect(h.canUndo).toBe(false);
    expect(h.undo()).toBeNull();
    h.push({ n: 1 });
    h.push({ n: 2 });
    expect(h.undo()).toEqual({ n: 1 });
    expect(h.undo()).toEqual({ n: 0 });
    expect(h.undo()).toBeNull();
    expect(h.redo()).toEqual({ n: 1 });
    expect(h.canRedo).toBe(true);
    h.push({ n: 5 });
    expect(h.canRedo).toBe(false);
    expect(h.redo()).toBeNull();
    expect(h.current).toEqual({ n: 5 });
  });

  it('ignores a push equal to the current value (structurally, or by a caller key)', () => {
    const h = new UndoHistory({ a: [1, 2], b: { c: 'x' } });
    expect(h.push({ a: [1, 2], b: { c: 'x' } })).toBe(false);
    expect(h.canUndo).toBe(false);
    expect(h.push({ a: [1, 2], b: { c: 'y' } })).toBe(true);
    const byId = new UndoHistory({ id: 1, label: 'a' }, 100, (x, y) => x.id === y.id);
    expect(byId.push({ id: 1, label: 'b' })).toBe(false);
  });

  it('keeps at least 50 steps and at most `limit`, so memory stays bounded', () => {
    const h = new UndoHistory(0, 10);
    expect(h.limit).toBe(MIN_UNDO_STEPS);
    const big = new UndoHistory(0);
    for (let i = 1; i <= 1000; i++) big.push(i);
    expect(big.depth).toEqual({ undo: 100, redo: 0 });
    let undone = 0;
    while (big.undo() !== null) undone++;
    expect(undone).toBe(100);
    expect(big.current).toBe(900);
    expect(big.depth).toEqual({ undo: 0, redo: 100 });
  });

  it('reset clears both directions', () => {
    const h = new UndoHistory('a');
    h.push('b');
    h.undo();
    h.reset('z');
    expect([h.current, h.canUndo, h.canRedo]).toEqual(['z', false, false]);
  });
});

describe('plainDataEqual', () => {
  it('compares plain data deeply', () => {
    expect(plainDataEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(plainDataEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(plainDataEqual([1], { 0: 1 })).toBe(false);
    expect(plainDataEqual(NaN, NaN)).toBe(true);
  });
});

type Op = { kind: 'push'; value: number } | { kind: 'undo' } | { kind: 'redo' } | { kind: 'reset'; value: number };

/** The reference model: every value ever current on this branch, and where we are in it. */
class ArrayModel {
  entries: number[];
  index = 0;
  constructor(
    initial: number,
    readonly limit: number,
  ) {
    this.entries = [initial];
  }
  push(value: number) {
    if (this.entries[this.index] === value) return;
    this.entries = [...this.entries.slice(0, this.index + 1), value].slice(-(this.limit + 1));
    this.index = this.entries.length - 1;
  }
  undo() {
    if (this.index === 0) return null;
    return this.entries[--this.index];
  }
  redo() {
    if (this.index === this.entries.length - 1) return null;
    return this.entries[++this.index];
  }
}

describe('UndoHistory against an array model', () => {
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }).map((value) => ({ kind: 'push' as const, value })) },
    { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }).map((value) => ({ kind: 'reset' as const, value })) },
  );

  it('agrees on every step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: MIN_UNDO_STEPS, max: MIN_UNDO_STEPS + 5 }),
        fc.array(op, { maxLength: 300, size: 'max' }),
        (initial, limit, ops) => {
          const h = new UndoHistory(initial, limit);
          let model = new ArrayModel(initial, limit);
          for (const o of ops) {
            if (o.kind === 'push') {
              h.push(o.value);
              model.push(o.value);
            } else if (o.kind === 'undo') {
              expect(h.undo()).toBe(model.undo() ?? null);
            } else if (o.kind === 'redo') {
              expect(h.redo()).toBe(model.redo() ?? null);
            } else {
              h.reset(o.value);
              model = new ArrayModel(o.value, limit);
            }
            expect(h.current).toBe(model.entries[model.index]);
            expect(h.canUndo).toBe(model.index > 0);
            expect(h.canRedo).toBe(model.index < model.entries.length - 1);
            expect(h.depth.undo + h.depth.redo).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
