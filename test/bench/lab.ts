/**
 * The Lab's budgets (issue #16), measured in Debian Chromium with playwright-core on the production
 * build: frame intervals on a busy design (an L4 tier, 32 backends, 2,000 requests/s) at normal
 * CPU and 4× throttled, and a soak that builds from templates, plays, changes fields, adds a
 * fault, undoes and reloads, comparing heap (after GC), DOM nodes and listeners with the start.
 * The bundle budget lives in bundle.ts with the others.
 */
import type { Browser, Page } from 'playwright-core';
import { defaultDoc, defaultPool } from '../../src/lab/defaults';
import type { LabDoc } from '../../src/lab/design';
import { decodeLabSearch, encodeLabSearch } from '../../src/lab/url-codec';
import { validateDoc } from '../../src/lab/validate';
import { measureFrames, memoryFigures, throttle, type FrameFigures, type MemoryFigures } from './widgets';

/** No wait in the Lab benches may hang: each gives up after this long, naming what it waited for. */
const WAIT_MS = 30_000;
const RUN_SVG = '[data-lab-run] svg.packet-flow__svg';

/** The busy design: an L4 tier (4 proxies, Maglev), 2 pools of 16 servers, 2,000 req/s. */
export function labStressDoc(): LabDoc {
  const doc = defaultDoc();
  doc.design.clients = { ...doc.design.clients, count: 2000, ratePerSecond: 2000 };
  doc.design.l4 = { enabled: true, proxies: 4, forwarding: 'dsr', hashing: 'maglev' };
  doc.design.paths = [
    { path: '/api/cart', weight: 1, responseKb: 4 },
    { path: '/', weight: 1, responseKb: 37.6 },
  ];
  doc.design.pools = [defaultPool('web', 16), defaultPool('api', 16)];
  doc.design.l7.rules = [{ kind: 'path', name: '', value: '/api/', pool: 'api', canaryPool: null, canaryPercent: 0 }];
  return doc;
}

/** The stress design's link search, checked to be valid and to round-trip without notices. */
export function labStressSearch(): string {
  const doc = labStressDoc();
  const errors = validateDoc(doc);
  if (errors.size > 0) throw new Error(`Lab stress design is invalid: ${[...errors.keys()].join(', ')}`);
  const search = encodeLabSearch(doc);
  if (search === null) throw new Error('Lab stress design does not fit in a link');
  const decoded = decodeLabSearch(search);
  if (decoded.notices.length > 0 || JSON.stringify(decoded.doc) !== JSON.stringify(doc))
    throw new Error(`Lab stress link does not round-trip: ${JSON.stringify(decoded.notices)}`);
  return search;
}

/** Runs `action`, and if it throws, says which step of the Lab bench it was. */
async function step<T>(label: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new Error(`Lab bench: ${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

const simTime = (page: Page) =>
  page.locator('[data-lab-time]').getAttribute('data-lab-time', { timeout: WAIT_MS }).then(Number);

/** Waits until the run's clock passes `ms` beyond where it is now (the run is playing). */
async function clockAdvances(page: Page, ms = 100): Promise<void> {
  // Polled from here: the site's CSP forbids the string evaluation page.waitForFunction would use.
  const from = await simTime(page);
  for (const end = Date.now() + WAIT_MS; Date.now() < end; await page.waitForTimeout(100))
    if ((await simTime(page)) > from + ms) return;
  throw new Error(`the run clock stayed at ${from} ms for ${WAIT_MS / 1000} s`);
}

/** The Lab's run shown and drawn: the picture is on screen (animation pauses off screen). */
async function runShown(page: Page): Promise<void> {
  const svg = page.locator(RUN_SVG);
  await svg.waitFor({ timeout: WAIT_MS });
  await svg.scrollIntoViewIfNeeded({ timeout: WAIT_MS });
}

async function setPlaying(page: Page, playing: boolean): Promise<void> {
  const button = page.locator('[data-lab-play]');
  // The button shows "❚❚ Pause" while playing, "▶ Play" while paused, in any language.
  const isPlaying = ((await button.textContent({ timeout: WAIT_MS })) ?? '').includes('❚❚');
  if (isPlaying !== playing) await button.click({ timeout: WAIT_MS });
}

export interface LabFrameFigures extends FrameFigures {
  /** Simulated seconds that passed while frames were measured (1× is 0.25 s per wall second). */
  simSeconds: number;
  seconds: number;
}

/**
 * Frame intervals in the Lab on the stress design at 1× (the default speed), after a warm-up with
 * the run playing (it starts playing unless the student prefers reduced motion).
 */
export async function labFrames(
  browser: Browser,
  siteUrl: string,
  cpu: number,
  seconds = 6,
  warmUpSeconds = 5,
): Promise<LabFrameFigures> {
  const search = labStressSearch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
  try {
    await step('open /en/lab with the stress design', () => page.goto(`${siteUrl}/en/lab${search}`));
    await step(`wait for ${RUN_SVG}`, () => runShown(page));
    await step('wait for the run clock to advance (is it playing?)', () => clockAdvances(page));
    await page.waitForTimeout(warmUpSeconds * 1000);
    if (cpu > 1) await throttle(page, cpu);
    await page.waitForTimeout(1000);
    const from = await simTime(page);
    const figures = await measureFrames(page, seconds);
    const to = await simTime(page);
    return { ...figures, simSeconds: (to - from) / 1000, seconds };
  } finally {
    await page.close();
  }
}

export interface LabSoakFigures {
  minutes: number;
  rounds: number;
  before: MemoryFigures;
  after: MemoryFigures;
  /** Whether the page measured at the end held the same design as at the start (it should). */
  sameDesign: boolean;
  /** Template starts whose three undos did not bring the template's design back, of all starts. */
  undoMisses: number;
  starts: number;
}

/** Templates each round starts from, in order; the last is the design the page reloads with. */
const SOAK_TEMPLATES = ['l4-l7', 'canary', 'gray-failure', 'heterogeneous'] as const;

/**
 * Rounds of: for each of a few templates, choose it and start from it, play, type a request rate
 * and a pool size, add a fault, play on, and undo those three changes; then reload the page. Memory
 * is compared on the Lab page after one warm-up round and after the last, both times just after a
 * reload with the same design, paused and restarted (clock at 0), so the two points hold the same
 * state. Waits go through locators: element handles would stay alive in the DevTools session.
 */
export async function labSoak(browser: Browser, siteUrl: string, minutes: number): Promise<LabSoakFigures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
  const cdp = await page.context().newCDPSession(page);
  const undo = page.locator('.lab-toolbar').getByRole('button', { name: 'Undo', exact: true });
  const typeInto = async (field: string, text: string) => {
    const input = page.locator(`[data-field="${field}"]`);
    await input.click();
    await page.keyboard.press('ControlOrMeta+A');
    await input.pressSequentially(text, { delay: 40 });
  };
  const search = () => new URL(page.url()).search;
  let undoMisses = 0;
  let starts = 0;
  const round = async () => {
    for (const template of SOAK_TEMPLATES) {
      await step(`choose template ${template}`, async () => {
        await page.locator('.lab-toolbar__row:has([data-load-template]) select').selectOption(template);
        await page.locator('[data-load-template]').click();
      });
      await step(`play ${template}`, async () => {
        await runShown(page);
        await setPlaying(page, true);
        await clockAdvances(page);
      });
      // Played a while; by now the address bar holds the template (it follows within 300 ms).
      await page.waitForTimeout(1500);
      const started = search();
      // Values no template has, so each is a change (and one undo step: keystrokes in a field merge).
      await step('type a request rate', () => typeInto('clients.ratePerSecond', '1234'));
      await page.waitForTimeout(500);
      await step('type a pool size', () => typeInto('pools.0.count', '7'));
      await page.waitForTimeout(500);
      await step('add a fault', () => page.locator('[data-add-fault]').click());
      await step('play on', async () => {
        await runShown(page);
        await clockAdvances(page);
      });
      await page.waitForTimeout(1000);
      for (let i = 0; i < 3; i++) {
        await step(`undo ${i + 1}`, async () => {
          if (!(await undo.isEnabled())) throw new Error('Undo is disabled');
          await undo.click();
        });
        await page.waitForTimeout(300);
      }
      await page.waitForTimeout(400);
      starts++;
      if (search() !== started) undoMisses++;
    }
    // The address bar follows the design within 300 ms; let it settle before reloading.
    await page.waitForTimeout(600);
    await step('reload', async () => {
      await page.reload();
      await runShown(page);
      await clockAdvances(page);
    });
  };
  /** Paused and restarted: clock at 0, no samples, nothing in flight. */
  const settle = async () => {
    await step('pause and restart for a measurement', async () => {
      await setPlaying(page, false);
      await page.locator('[data-lab-run]').getByRole('button', { name: 'Restart', exact: true }).click();
      await page.locator('[data-lab-time="0"]').waitFor();
    });
    await page.waitForTimeout(500);
  };
  try {
    await step('open /en/lab', () => page.goto(`${siteUrl}/en/lab`));
    await step(`wait for ${RUN_SVG}`, () => runShown(page));
    // One full round first, so code and data that load once are part of the baseline.
    await round();
    await settle();
    const design = search();
    [undoMisses, starts] = [0, 0];
    const before = await memoryFigures(cdp);
    const end = Date.now() + minutes * 60_000;
    let rounds = 0;
    while (Date.now() < end) {
      await round();
      rounds++;
    }
    await settle();
    const after = await memoryFigures(cdp);
    return { minutes, rounds, before, after, sameDesign: search() === design, undoMisses, starts };
  } finally {
    await page.close();
  }
}
