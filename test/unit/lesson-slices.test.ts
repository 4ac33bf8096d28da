import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupSections, takeBudget } from '../../src/content/render/sections';
import type { BlockNode } from '../../src/content/tree';

const p = (v: string): BlockNode => ({ t: 'p', c: [{ t: 'text', v }] });
const h2 = (id: string): BlockNode => ({ t: 'heading', depth: 2, id, c: [{ t: 'text', v: id }] });
const quiz = (id: string): BlockNode => ({ t: 'directive', name: 'quiz', attrs: { id }, c: [] });

describe('rendering a lesson in slices', () => {
  const body = [p('lead'), h2('a'), p('a1'), quiz('qa'), p('a2'), h2('b'), p('b1'), quiz('qb'), p('b2')];
  const groups = groupSections(body);

  it('takes whole blocks in order, and says when everything is in', () => {
    const first = takeBudget(groups, 3);
    expect(first.complete).toBe(false);
    expect(first.groups.flatMap((g) => g.blocks)).toEqual(body.slice(0, 3));
    expect(takeBudget(groups, Infinity)).toEqual({ groups, complete: true });
  });

  it('grows monotonically to the whole lesson, never an empty section, whatever the budget steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), (start, step) => {
        let shown = 0;
        for (let budget = start; ; budget += step) {
          const slice = takeBudget(groups, budget);
          const blocks = slice.groups.flatMap((g) => g.blocks);
          expect(blocks).toEqual(body.slice(0, blocks.length));
          expect(blocks.length).toBeGreaterThanOrEqual(Math.max(1, shown));
          expect(slice.groups.every((g) => g.blocks.length > 0)).toBe(true);
          shown = blocks.length;
          if (slice.complete) break;
        }
        expect(shown).toBe(body.length);
      }),
    );
  });
});
