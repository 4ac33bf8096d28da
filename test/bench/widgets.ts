/**
 * Widget budgets (issue #5), measured in Debian Chromium with playwright-core: frame intervals at
 * 200 and 1,000 packets in flight (normal CPU and 4× throttled), slider-to-metrics latency under
 * 4× throttling, and a soak that plays, changes sliders, resets and navigates for a while, then
 * compares heap (after GC), DOM nodes and listeners with the start.
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the stress page (test/bench/stress) into dist-bench/. */
export async function buildStressPage(root: string): Promise<string> {
  const outDir = resolve(root, 'dist-bench');
  await build({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      manifest: false,
      rolldownOptions: {
        input: {
          stress: resolve(root, 'test/bench/stress/index.html'),
          scheduling: resolve(root, 'test/bench/stress/scheduling.html'),
        },
        // The site's one-chunk grouping of first-page modules (vite.config.ts) is for a single
        // entry; with two it would merge both pages' code into one chunk that runs in each.
        output: { codeSplitting: true },
      },
    },
  });
  return outDir;
}

export interface FrameFigures {
  frames: number;
  p95Ms: number;
  over20Share: number;
  meanInFlight: number;
}

/**
 * In-page code is a string: tsx's transform would otherwise wrap named functions in a helper that
 * does not exist inside the page.
 */
const MEASURE_FRAMES = `async (duration, stopSelector) => {
  const svg = document.querySelector('svg.packet-flow__svg');
  const intervals = [];
  const inFlight = [];
  await new Promise((done) => {
    let last = 0;
    const start = performance.now();
    const onFrame = (now) => {
      if (last) intervals.push(now - last);
      last = now;
      inFlight.push(Number(svg?.dataset.inFlight ?? 0));
      if (now - start < duration * 1000 && !(stopSelector && document.querySelector(stopSelector))) requestAnimationFrame(onFrame);
      else done();
    };
    requestAnimationFrame(onFrame);
  });
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames: intervals.length,
    p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    over20Share: intervals.filter((i) => i > 20).length / Math.max(1, intervals.length),
    meanInFlight: inFlight.reduce((a, b) => a + b, 0) / Math.max(1, inFlight.length),
  };
}`;

/**
 * Records requestAnimationFrame intervals for `seconds` (or until `stopSelector` matches), and the
 * packets drawn meanwhile.
 */
export async function measureFrames(page: Page, seconds: number, stopSelector?: string): Promise<FrameFigures> {
  return page.evaluate(
    `(${MEASURE_FRAMES})(${seconds}, ${JSON.stringify(stopSelector ?? null)})`,
  ) as Promise<FrameFigures>;
}

export async function throttle(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

export async function launch(chromePath: string): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath, args: BROWSER_ARGS });
}

/** Frame intervals on the stress page at a request rate, after the scene reaches steady state. */
export async function stressFrames(
  browser: Browser,
  url: string,
  rate: number,
  cpu: number,
  seconds = 6,
): Promise<FrameFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${url}/test/bench/stress/index.html?rate=${rate}`);
    await page.waitForSelector('svg.packet-flow__svg');
    // Far-away clients take a while to fill the pipes: warm up at 4× speed, then measure at 1×.
    await page.selectOption('.packet-flow select', '4');
    await page.waitForTimeout(5000);
    await page.selectOption('.packet-flow select', '1');
    if (cpu > 1) await throttle(page, cpu);
    await page.waitForTimeout(1000);
    return await measureFrames(page, seconds);
  } finally {
    await page.close();
  }
}

/**
 * The scheduling widgets' frames, measured the same way (requestAnimationFrame intervals): the
 * Gantt chart playing 400 jobs onto 64 servers, and balls into bins throwing a million balls for
 * each of 1, 2 and 3 choices (measured from the slider's move until the last ball lands, at most
 * `seconds`). Returns the frames and, for the balls, how long the million took.
 */
export async function schedulingFrames(
  browser: Browser,
  url: string,
  widget: 'gantt' | 'balls',
  cpu: number,
  seconds = 6,
): Promise<FrameFigures & { busyMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${url}/test/bench/stress/scheduling.html?widget=${widget}`);
    await page.waitForSelector(widget === 'gantt' ? 'svg.gantt__svg' : '[data-done="true"]');
    if (cpu > 1) await throttle(page, cpu);
    await page.waitForTimeout(500);
    if (widget === 'gantt') {
      // Playing from the start: Reset, then Play (it autoplays once; the run may be over by now).
      await page.getByRole('button', { name: 'Reset' }).click();
      const play = page.getByRole('button', { name: 'Play' });
      if ((await play.count()) > 0) await play.click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      const figures = await measureFrames(page, seconds);
      return { ...figures, busyMs: 0 };
    }
    const slider = page.getByRole('slider');
    await slider.focus();
    const start = Date.now();
    await page.keyboard.press('End');
    // Frames while the balls land, until the last one (or `seconds`, whichever comes first).
    const frames = await measureFrames(page, seconds, '[data-done="true"]');
    await page.waitForSelector('[data-done="true"]', { timeout: 120_000 });
    return { ...frames, busyMs: Date.now() - start };
  } finally {
    await page.close();
  }
}

const SLIDER_LATENCY = `async (count) => {
  const widget = document.querySelector('[data-widget="canary"]');
  const slider = widget.querySelector('input[type=range]');
  // The headline: the numbers beside the picture (the full metrics panel is a closed disclosure).
  const panel = widget.querySelector('[data-headline]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const out = [];
  for (let i = 0; i < count; i++) {
    const shown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        // The next animation frame is when the change reaches the screen.
        requestAnimationFrame(() => resolve(performance.now()));
      });
      // A fresh reading changes data-at even when every number rounds to what was shown.
      observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const start = performance.now();
    setValue.call(slider, String(5 + ((i * 7) % 45)));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    out.push((await shown) - start);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  return out;
}`;

/** From moving the canary slider to the metrics on screen, in the lesson, under CPU throttling. */
export async function sliderLatency(browser: Browser, siteUrl: string, cpu: number): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${siteUrl}/en/lessons/l4-vs-l7-balancing#widget-canary`);
    await page.waitForSelector('[data-widget="canary"] [data-headline]');
    await throttle(page, cpu);
    // Let the page settle first (neighbouring widgets load as they near the screen): the budget is
    // about a slider on a page the student is reading, not about page load.
    await page.waitForTimeout(4000);
    return (await page.evaluate(`(${SLIDER_LATENCY})(15)`)) as number[];
  } finally {
    await page.close();
  }
}

export interface MemoryFigures {
  heapMb: number;
  nodes: number;
  listeners: number;
}

export async function memoryFigures(cdp: CDPSession): Promise<MemoryFigures> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  return { heapMb: heap.usedSize / 1024 / 1024, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

export interface SoakFigures {
  minutes: number;
  rounds: number;
  before: MemoryFigures;
  after: MemoryFigures;
}

/**
 * Plays widgets, moves sliders, resets, and navigates away and back, for `minutes`. Memory is
 * compared on the course home page before and after, once a lesson has been visited (so code and
 * caches that load once are in the baseline).
 */
export async function soak(browser: Browser, siteUrl: string, minutes: number): Promise<SoakFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  // Waiting through locators, not page.waitForSelector: an element handle from the latter stays
  // alive in the DevTools session and would count as a leak of the whole page it belongs to.
  const lesson = async () => {
    await page.locator('a[href="/en/lessons/l4-vs-l7-balancing"]').first().click();
    await page.locator('.lesson__body[data-complete]').waitFor();
  };
  const home = async () => {
    await page.locator('header a[href="/en"]').first().click();
    await page.locator('.page--home').waitFor();
  };
  const round = async () => {
    await lesson();
    for (const id of ['canary', 'ip-hash-nat', 'crash-memory']) {
      await page.locator(`#widget-${id}`).scrollIntoViewIfNeeded();
      const widget = page.locator(`[data-widget="${id}"]`);
      await widget.locator('svg.packet-flow__svg').waitFor();
      await page.waitForTimeout(1500);
      const slider = widget.locator('input[type=range]').first();
      if ((await slider.count()) > 0) {
        await slider.focus();
        for (let i = 0; i < 5; i++) await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
      }
      await page.waitForTimeout(1000);
      await widget.getByRole('button', { name: 'Reset' }).click();
      await page.waitForTimeout(500);
    }
    await home();
  };
  try {
    await page.goto(`${siteUrl}/en`);
    // One full round first, so code and data that load once are part of the baseline.
    await round();
    const before = await memoryFigures(cdp);
    const end = Date.now() + minutes * 60_000;
    let rounds = 0;
    while (Date.now() < end) {
      await round();
      rounds++;
    }
    const after = await memoryFigures(cdp);
    return { minutes, rounds, before, after };
  } finally {
    await page.close();
  }
}
