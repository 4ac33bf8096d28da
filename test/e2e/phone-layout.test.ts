import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();

const PHONE = { width: 360, height: 780 };
/** Widgets whose pictures are the most crowded: ten servers, pools, an L4 tier, a session store. */
const WIDGETS = [
  { lesson: 'l4-vs-l7-balancing', id: 'ip-hash-nat' },
  { lesson: 'l4-vs-l7-balancing', id: 'canary' },
  { lesson: 'l4-vs-l7-balancing', id: 'layered-tiers' },
  { lesson: 'l4-vs-l7-balancing', id: 'shared-store' },
  { lesson: 'l4-vs-l7-balancing', id: 'what-the-lb-sees' },
  { lesson: 'load-balancing-basics', id: 'gray-failure' },
  { lesson: 'load-balancing-basics', id: 'rolling-deploy' },
  { lesson: 'l4-vs-l7-balancing', id: 'ecmp-rehash' },
];

/** The greedy lesson's widgets: a 64-row chart, the builder's buttons, three histograms side by side. */
const SCHEDULING_WIDGETS = ['gantt-explore', 'gantt-worst-case', 'gantt-heavy-tail', 'balls-choices'];

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Boxes of every node (its frame and its label) in the widget's picture, in page pixels. */
async function nodeBoxes(page: Page, id: string): Promise<{ node: string; part: string; box: Box }[]> {
  return page.locator(`[data-widget="${id}"] g.pf-node`).evaluateAll((groups) =>
    groups.flatMap((g) =>
      ['rect.pf-node__box', 'text.pf-node__label'].map((selector) => {
        const r = g.querySelector(selector)!.getBoundingClientRect();
        return {
          node: g.getAttribute('data-node') ?? '',
          part: selector,
          box: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
        };
      }),
    ),
  );
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('widgets on a phone (360 × 780)', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`in ${lang}: the picture, the first knob and the headline fit on one screen, and nothing overlaps`, async () => {
      const page = await newPage({ viewport: PHONE });
      for (const { lesson, id } of WIDGETS) {
        await page.goto(`${baseURL()}/${lang}/lessons/${lesson}`);
        await waitForLesson(page);
        const widget = page.locator(`[data-widget="${id}"]`);
        await page.locator(`#widget-${id}`).scrollIntoViewIfNeeded();
        await widget.locator('[data-headline] .servers').waitFor();
        const box = async (selector: string) => {
          const b = await widget.locator(selector).first().boundingBox();
          expect(b, `${id}: ${selector}`).not.toBeNull();
          return b!;
        };
        const picture = await box('svg.packet-flow__svg');
        const knob = await box('.packet-flow__knobs .packet-flow__field, .packet-flow__transport');
        const headline = await box('[data-headline]');
        const top = Math.min(picture.y, knob.y, headline.y);
        const bottom = Math.max(picture.y + picture.height, knob.y + knob.height, headline.y + headline.height);
        expect(bottom - top, `${lang} ${id}: picture, knob and headline span`).toBeLessThanOrEqual(PHONE.height);

        // No two nodes, and no two labels, intersect; labels stay inside the picture.
        const parts = await nodeBoxes(page, id);
        const frames = parts.filter((p) => p.part === 'rect.pf-node__box');
        const labels = parts.filter((p) => p.part === 'text.pf-node__label');
        for (let i = 0; i < frames.length; i++)
          for (let j = i + 1; j < frames.length; j++)
            expect(overlaps(frames[i]!.box, frames[j]!.box), `${id}: ${frames[i]!.node} × ${frames[j]!.node}`).toBe(
              false,
            );
        for (const label of labels) {
          for (const frame of frames)
            if (frame.node !== label.node)
              expect(overlaps(label.box, frame.box), `${id}: label ${label.node} × ${frame.node}`).toBe(false);
          expect(label.box.left, `${id}: ${label.node} label inside`).toBeGreaterThanOrEqual(picture.x - 0.5);
          expect(label.box.right, `${id}: ${label.node} label inside`).toBeLessThanOrEqual(
            picture.x + picture.width + 0.5,
          );
        }
        // Load bars stay inside the picture.
        const bars = await widget
          .locator('rect.pf-node__load')
          .evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().right));
        for (const right of bars) expect(right).toBeLessThanOrEqual(picture.x + picture.width + 0.5);

        // Nothing scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );
      }
    });
  }
});

describe('scheduling widgets on a phone (360 × 780)', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`in ${lang}: every part fits the screen's width and nothing scrolls sideways`, async () => {
      const page = await newPage({ viewport: PHONE });
      await page.goto(`${baseURL()}/${lang}/lessons/greedy-balancing`);
      await waitForLesson(page);
      for (const id of SCHEDULING_WIDGETS) {
        await page.locator(`#widget-${id}`).scrollIntoViewIfNeeded();
        const widget = page.locator(`[data-widget="${id}"]`);
        await widget.locator('svg').first().waitFor();
        // Every control, readout and picture ends inside the widget, and the widget inside the screen.
        const overflow = await widget.evaluate((root) => {
          const edge = root.getBoundingClientRect().right + 0.5;
          return [...root.querySelectorAll('svg, button, input, select, dl, p')]
            .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge)
            .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
        });
        expect(overflow, `${lang} ${id}: parts past the widget's edge`).toEqual([]);
        const right = (await widget.boundingBox())!;
        expect(right.x + right.width, `${lang} ${id}: widget inside the screen`).toBeLessThanOrEqual(PHONE.width + 0.5);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
    });
  }
});
