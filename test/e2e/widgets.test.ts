import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, baseURL, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();

const LESSON = '/en/lessons/l4-vs-l7-balancing';

/**
 * Opens a lesson section, brings widget `id` near the screen (widgets load lazily) and waits for its
 * numbers; then scrolls its picture on screen, since widgets animate only while visible.
 */
async function openWidget(page: Page, url: string, id: string): Promise<Locator> {
  await page.goto(`${baseURL()}${url}`);
  await waitForLesson(page);
  await page.locator(`#widget-${id}`).scrollIntoViewIfNeeded();
  const widget = page.locator(`[data-widget="${id}"]`);
  await widget.locator('[data-headline]').waitFor();
  await showAllNumbers(widget);
  await widget.locator('svg.packet-flow__svg').scrollIntoViewIfNeeded();
  return widget;
}

/** Opens the "All numbers" panel (closed until the student opens it) and waits for its table. */
async function showAllNumbers(widget: Locator): Promise<void> {
  const panel = widget.locator('details.disclosure').filter({ has: widget.page().locator('.packet-flow__metrics') });
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await widget.locator('.packet-flow__metrics').waitFor();
}

/** Plays a paused widget (reduced motion starts widgets paused) at the given speed. */
async function play(widget: Locator, speed = '4'): Promise<void> {
  await widget.getByLabel('Speed').selectOption(speed);
  await widget.getByRole('button', { name: 'Play' }).click();
  await widget.getByRole('button', { name: 'Pause' }).waitFor();
  // Widgets animate only while on screen: keep the picture there, whatever loaded around it.
  await widget.locator('svg.packet-flow__svg').scrollIntoViewIfNeeded();
}

/** A number from the readouts above the metrics table ("Imbalance (max/mean)" → 3.71). */
async function readout(widget: Locator, name: string): Promise<number> {
  const text = await widget.locator('.readouts > div').filter({ hasText: name }).locator('dd').textContent();
  return Number.parseFloat(text ?? '');
}

/** Each backend's share of the last simulated second, from the metrics table, in percent. */
async function backendShares(widget: Locator): Promise<number[]> {
  return widget
    .locator('.metrics-table tbody tr')
    .evaluateAll((rows) => rows.map((row) => Number.parseFloat(row.querySelectorAll('td')[1]?.textContent ?? '')));
}

/** The State cell of a backend's row in the metrics table. */
const stateCell = (widget: Locator, backend: string) => widget.locator(`tr[data-backend="${backend}"] td`).first();

/** Scrolls through the lesson so every widget loads, then waits for them. */
async function loadAllWidgets(page: Page): Promise<number> {
  // Without a #section in the address the lesson renders a section per task: wait until every
  // section the table of contents lists is in the page.
  await page.waitForFunction(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc__list a[href^="#"]')];
    return links.length > 0 && links.every((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  });
  const slots = page.locator('.packet-flow-slot');
  const count = await slots.count();
  for (let i = 0; i < count; i++) {
    await slots.nth(i).scrollIntoViewIfNeeded();
    await slots.nth(i).locator('figure.packet-flow').waitFor();
  }
  return count;
}

describe('packet-flow widgets', () => {
  for (const lang of ['en', 'ru']) {
    it(`load in every ${lang} lesson with no accessibility violations`, async () => {
      const page = await newPage({ colorScheme: lang === 'ru' ? 'dark' : 'light' });
      for (const lesson of ['load-balancing-basics', 'l4-vs-l7-balancing', 'reverse-proxy']) {
        await page.goto(`${baseURL()}/${lang}/lessons/${lesson}`);
        await waitForLesson(page);
        expect(await loadAllWidgets(page), lesson).toBeGreaterThan(0);
        await page.locator('[data-headline]').first().waitFor();
        // Every panel open, so axe checks the tables, logs and inspectors too.
        const closed = page.locator('details.disclosure:not([open]) > summary');
        while ((await closed.count()) > 0) await closed.first().click();
        await page.locator('.packet-flow__metrics').first().waitFor();
        // Back to the top: at an arbitrary scroll position the sticky header may cover half a button,
        // which axe's target-size rule reports, though the student only has to scroll a little.
        await page.evaluate(() => window.scrollTo(0, 0));
        expect(await axeViolations(page), lesson).toEqual([]);
      }
    });
  }

  it('shows what an L4 and an L7 balancer see, and changes live', async () => {
    const page = await newPage({ reducedMotion: 'no-preference' });
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing#l4-visibility`);
    await waitForLesson(page);
    // Widgets load as they near the screen: bring this one close.
    await page.locator('#widget-what-the-lb-sees').scrollIntoViewIfNeeded();
    const widget = page.locator('[data-widget="what-the-lb-sees"]');
    await widget.waitFor();
    // Widgets animate only while on screen.
    await widget.locator('svg.packet-flow__svg').scrollIntoViewIfNeeded();
    await widget.getByRole('button', { name: 'Pause' }).waitFor();
    await widget.locator('.event-log__item').first().waitFor();
    await widget
      .locator('.event-log__item')
      .filter({ hasText: /request GET .*: clients → balancer/ })
      .first()
      .click();
    const inspector = widget.getByRole('region', { name: 'Packet inspector' });
    const row = (name: string) => inspector.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row('Path').textContent()).resolves.toMatch(/encrypted.*\/api\/v2\/cart/);
    expect(await widget.getByRole('button', { name: 'Play' }).count()).toBe(1);

    await widget.getByLabel('Balancer layer').selectOption('l4');
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await widget.locator('.packet-flow__title').textContent()) !== null).toBe(true);
    // The balancer's label names the layer and the TLS mode (on one line or two).
    await expect
      .poll(() => page.locator('[data-widget="what-the-lb-sees"] svg text').allTextContents())
      .toContainEqual(expect.stringMatching(/^L4\W*TLS passthrough$/));
  });

  it('puts its settings and crashed servers in a shareable link that reproduces them, in either language', async () => {
    const page = await newPage();
    const param = (id: string) =>
      page.evaluate((name) => new URL(window.location.href).searchParams.get(name), `w-${id}`);
    const widget = await openWidget(page, `${LESSON}#l4-visibility`, 'what-the-lb-sees');
    await widget.getByLabel('TLS').selectOption('passthrough');
    await expect.poll(() => param('what-the-lb-sees')).toBe('seed:42,mode:l4,tls:passthrough');

    // A crashed server travels in the link too.
    await page.locator('#widget-crash-memory').scrollIntoViewIfNeeded();
    const crashMemory = page.locator('[data-widget="crash-memory"]');
    await crashMemory.locator('[data-headline]').waitFor();
    await showAllNumbers(crashMemory);
    await crashMemory.getByRole('button', { name: 'Crash web-2' }).click();
    await expect.poll(() => stateCell(crashMemory, 'web-2').textContent()).toMatch(/^crashed/);
    // The student's crash travels with its simulated time (the scenario's own script never does).
    await expect.poll(() => param('crash-memory')).toMatch(/^seed:42,sessions:memory,affinity:cookie,x:web-2@\d+\.\d$/);
    const link = page.url();

    const other = await newPage({ locale: 'ru-RU' });
    await other.goto(link.replace('/en/', '/ru/'));
    await waitForLesson(other);
    const url = new URL(other.url());
    expect(url.searchParams.get('w-what-the-lb-sees')).toMatch(/^seed:42,/);
    expect(url.searchParams.get('w-crash-memory')).toMatch(/^seed:42,.*\bx:web-2@/);
    await other.locator('#widget-what-the-lb-sees').scrollIntoViewIfNeeded();
    const shared = other.locator('[data-widget="what-the-lb-sees"]');
    await shared.locator('[data-headline]').waitFor();
    expect(await shared.getByLabel('Уровень балансировщика').inputValue()).toBe('l4');
    expect(await shared.getByLabel('TLS').inputValue()).toBe('passthrough');

    await other.locator('#widget-crash-memory').scrollIntoViewIfNeeded();
    const sharedCrash = other.locator('[data-widget="crash-memory"]');
    await sharedCrash.locator('[data-headline]').waitFor();
    await showAllNumbers(sharedCrash);
    // The crash replays at the simulated time it happened: play until then.
    await sharedCrash.getByRole('button', { name: 'Запустить' }).click();
    await sharedCrash.locator('svg.packet-flow__svg').scrollIntoViewIfNeeded();
    // "упал" is ru.ts widget.state.crashed; the crashed server offers "Поднять" (revive), not "Уронить".
    await expect.poll(() => stateCell(sharedCrash, 'web-2').textContent()).toMatch(/^упал/);
    expect(await stateCell(sharedCrash, 'web-1').textContent()).toBe('работает');
    expect(await sharedCrash.getByRole('button', { name: 'Поднять web-2' }).count()).toBe(1);
  });

  it('records a reached "Try this" goal as progress', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing#tls-reencryption`);
    await waitForLesson(page);
    const slot = page.locator('#widget-tls-modes');
    await slot.scrollIntoViewIfNeeded();
    const widget = page.locator('[data-widget="tls-modes"]');
    await widget.locator('[data-headline]').waitFor();
    expect(await widget.locator('[data-goal]').getAttribute('data-goal')).toBe('open');
    await widget.getByLabel('TLS').selectOption('passthrough');
    await widget.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => widget.locator('[data-goal]').getAttribute('data-goal')).toBe('reached');
    await page.reload();
    await waitForLesson(page);
    await page.locator('#widget-tls-modes').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.locator('[data-widget="tls-modes"] [data-goal]').getAttribute('data-goal'))
      .toBe('reached');
  });

  it('crashes a backend from the keyboard, and in-memory sessions on it are lost', async () => {
    const page = await newPage();
    const widget = await openWidget(page, `${LESSON}#sticky-failure`, 'crash-memory');
    expect(await widget.getByLabel('Sessions live in').inputValue()).toBe('memory');
    await play(widget);
    // Let sessions build up first: web-2 has answered requests, so users are pinned to it.
    await expect.poll(async () => (await backendShares(widget))[1], { timeout: 15_000 }).toBeGreaterThan(0);
    const crash = widget.getByRole('button', { name: 'Crash web-2' });
    await crash.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stateCell(widget, 'web-2').textContent(), { timeout: 5000 }).toMatch(/^crashed/);
    // Its users' requests now land on servers that never saw their session.
    await expect.poll(() => readout(widget, 'Sessions lost'), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('loses no session in a crash when sessions live in a shared store', async () => {
    const page = await newPage();
    const widget = await openWidget(page, `${LESSON}#stateless`, 'shared-store');
    expect(await widget.getByLabel('Sessions live in').inputValue()).toBe('shared');
    await play(widget);
    await expect.poll(async () => (await backendShares(widget))[1], { timeout: 15_000 }).toBeGreaterThan(0);
    await widget.getByRole('button', { name: 'Crash web-2' }).click();
    await expect
      .poll(() => stateCell(widget, 'web-2').textContent(), { timeout: 15_000 })
      .toBe('crashed · marked down');
    // A full window after it was marked down, web-2 gets nothing: its users were all served elsewhere.
    await expect.poll(async () => (await backendShares(widget))[1], { timeout: 15_000 }).toBe(0);
    expect(await readout(widget, 'Sessions lost')).toBe(0);
    await expect.poll(() => widget.locator('[data-goal]').getAttribute('data-goal')).toBe('reached');
  });

  it('sends the canary the share its slider sets', async () => {
    const page = await newPage();
    const widget = await openWidget(page, `${LESSON}#content-routing`, 'canary');
    const slider = widget.getByRole('slider', { name: /Canary weight/ });
    expect(await slider.inputValue()).toBe('10');
    await slider.focus();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('25%');
    expect(await widget.locator('output').first().textContent()).toBe('25%');
    await play(widget);
    // The readouts give each pool's share of all requests; the canary's share of /api/v2 is
    // canary / (canary + v2). The window is the last simulated second, so it settles as it refills.
    const canaryShareOfV2 = async () => {
      const canary = await readout(widget, 'Share to canary');
      const v2 = await readout(widget, 'Share to v2');
      return canary / (canary + v2);
    };
    await expect
      .poll(canaryShareOfV2, { timeout: 15_000 })
      .toSatisfy((share: number) => Math.abs(share - 0.25) <= 0.03);
    await expect.poll(() => widget.locator('[data-goal]').getAttribute('data-goal')).toBe('reached');
  });

  it('shows one server melting under source-IP affinity behind a NAT, and cookies evening it out', async () => {
    const page = await newPage();
    const widget = await openWidget(page, `${LESSON}#ip-hash-vs-cookie`, 'ip-hash-nat');
    expect(await widget.getByRole('slider', { name: /Users behind one NAT/ }).inputValue()).toBe('30');
    expect(await widget.getByLabel('Affinity').inputValue()).toBe('source-ip');
    await play(widget);
    // 30% of users behind one address hash to one server: about 3.7× its fair share.
    await expect.poll(() => readout(widget, 'Imbalance'), { timeout: 15_000 }).toBeGreaterThan(2.5);
    expect(Math.max(...(await backendShares(widget)))).toBeGreaterThan(25);
    const hot = widget.locator('svg.packet-flow__svg rect.pf-node__load--hot');
    await expect.poll(() => hot.count(), { timeout: 5000 }).toBe(1);

    await widget.getByLabel('Affinity').selectOption('cookie');
    await expect.poll(() => readout(widget, 'Imbalance'), { timeout: 15_000 }).toBeLessThanOrEqual(1.3);
    expect(Math.max(...(await backendShares(widget)))).toBeLessThan(15);
    await expect.poll(() => hot.count(), { timeout: 5000 }).toBe(0);
  });

  it('shows the path and cookies in the inspector only where the balancer can read them', async () => {
    const page = await newPage();
    const widget = await openWidget(page, `${LESSON}#l4-visibility`, 'what-the-lb-sees');
    expect(await widget.getByLabel('Balancer layer').inputValue()).toBe('l7');
    expect(await widget.getByLabel('TLS').inputValue()).toBe('terminate');
    const step = widget.getByRole('button', { name: 'Step' });
    const items = widget.locator('.event-log__item');
    const requests = items.filter({ hasText: /^request GET \/api\/v2\/cart: clients → balancer$/ });
    const inspector = widget.getByRole('region', { name: 'Packet inspector' });
    /** The L4 and L7 cells of an inspector row. */
    const cells = (field: string) => inspector.getByRole('row', { name: new RegExp(`^${field}`) }).locator('td');
    const packetId = async () => Number(await inspector.getAttribute('data-inspecting'));

    // Paused (reduced motion): step until a request reaches the log, then inspect it.
    await expect
      .poll(
        async () => {
          await step.click();
          return requests.count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await requests.first().click();
    expect(await inspector.locator('.inspector__title').textContent()).toMatch(
      /^request: clients → balancer · +encrypted$/,
    );
    // L7 with TLS terminated: the balancer holds the keys and reads the request.
    expect(await cells('Path').nth(1).textContent()).toBe('/api/v2/cart');
    expect(await cells('Cookies').nth(1).textContent()).toMatch(/session=u\d+/);
    expect(await cells('Path').nth(1).getAttribute('data-hidden')).toBeNull();
    // The L4 column never has the HTTP fields; on this hop they are ciphertext.
    expect(await cells('Path').nth(0).getAttribute('data-hidden')).toBe('encrypted');

    // The newest packet so far: anything newer was sent after the switch.
    await items.first().click();
    const before = await packetId();
    await widget.getByLabel('TLS').selectOption('passthrough');
    expect(await widget.getByLabel('Balancer layer').inputValue()).toBe('l4');
    await expect
      .poll(
        async () => {
          await step.click();
          if ((await requests.count()) === 0) return 0;
          await requests.first().click();
          return packetId();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(before);
    // L4 passthrough: the balancer has no keys, so path and cookies are ciphertext in both columns.
    for (const field of ['Path', 'Cookies']) {
      for (const column of [0, 1]) {
        const cell = cells(field).nth(column);
        expect(await cell.getAttribute('data-hidden'), `${field} ${column}`).toBe('encrypted');
        expect(await cell.textContent(), `${field} ${column}`).toMatch(/encrypted/);
        expect(await cell.textContent(), `${field} ${column}`).not.toMatch(/\/api|session=/);
      }
    }
    // What an L4 device reads without keys: addresses, ports and the ClientHello's SNI.
    expect(await cells('SNI').nth(0).getAttribute('data-hidden')).toBeNull();
  });

  it('has no accessibility violations with a widget playing and paused', async () => {
    const page = await newPage();
    const widget = await openWidget(page, `${LESSON}#l4-visibility`, 'what-the-lb-sees');
    await play(widget, '1');
    await widget.locator('.event-log__item').first().waitFor();
    expect(await axeViolations(page), 'playing').toEqual([]);
    await widget.getByRole('button', { name: 'Pause' }).click();
    await widget.getByRole('button', { name: 'Play' }).waitFor();
    // With a packet inspected too.
    await widget.locator('.event-log__item').first().click();
    await widget.locator('.inspector[data-inspecting]').waitFor();
    expect(await axeViolations(page), 'paused').toEqual([]);
  });

  it('runs a predict quiz: the prediction is locked in, compared with the simulation, and kept', async () => {
    const page = await newPage();
    await page.goto(`${baseURL()}${LESSON}#ip-hash-vs-cookie`);
    await waitForLesson(page);
    const quiz = page.locator('[data-quiz="predict-nat-skew"]');
    await quiz.scrollIntoViewIfNeeded();
    const option = (text: string) => quiz.locator('.quiz__option').filter({ hasText: text });
    const status = quiz.locator('.quiz__status');
    expect(await quiz.locator('.packet-flow-slot, [data-widget]').count()).toBe(0);
    await quiz.getByRole('radio', { name: /Its load stays close to its fair share/ }).check();
    await quiz.getByRole('button', { name: 'Lock in my prediction' }).click();

    const outcome = async () => {
      expect(await status.textContent()).toMatch(/The simulation did something else/);
      expect(await option('It melts').locator('.quiz__verdict').textContent()).toMatch(/What the simulation did/);
      expect(await option('Its load stays close').locator('.quiz__verdict').textContent()).toMatch(/Your prediction/);
      expect(await quiz.getByRole('radio', { name: /Its load stays close/ }).isChecked()).toBe(true);
      expect(await quiz.locator('[data-measured]').textContent()).toBe('3.7×');
      expect(await quiz.getByRole('button', { name: 'Lock in my prediction' }).count()).toBe(0);
    };
    await status.filter({ hasText: /\S/ }).waitFor();
    await outcome();
    await quiz.locator('#widget-predict-nat-skew-run').scrollIntoViewIfNeeded();
    await quiz.locator('[data-widget="predict-nat-skew-run"] [data-headline]').waitFor();

    // Stored progress: after a reload the prediction and the outcome are still there.
    await page.reload();
    await waitForLesson(page);
    await quiz.scrollIntoViewIfNeeded();
    await status.filter({ hasText: /\S/ }).waitFor();
    await outcome();

    const crash = page.locator('[data-quiz="predict-crash-sessions"]');
    await crash.scrollIntoViewIfNeeded();
    await crash.getByRole('radio', { name: /Roughly the quarter/ }).check();
    await crash.getByRole('button', { name: 'Lock in my prediction' }).click();
    await expect.poll(() => crash.locator('.quiz__status').textContent()).toMatch(/Your prediction was right/);
    expect(
      await crash
        .locator('.quiz__option')
        .filter({ hasText: 'Roughly the quarter' })
        .locator('.quiz__verdict')
        .textContent(),
    ).toMatch(/Your prediction: right/);
    await crash.locator('#widget-predict-crash-sessions-run').scrollIntoViewIfNeeded();
    await crash.locator('[data-widget="predict-crash-sessions-run"] [data-headline]').waitFor();
  });

  it('contains a failing widget: an error panel with a retry, the lesson keeps working', async () => {
    const page = await newPage({ expectErrors: /injected widget fault|The above error occurred|injected/ });
    await page.addInitScript(() => {
      (window as unknown as { ResizeObserver: unknown }).ResizeObserver = function BrokenResizeObserver() {
        throw new Error('injected widget fault');
      };
    });
    await page.goto(`${baseURL()}/en/lessons/l4-vs-l7-balancing#l4-visibility`);
    await waitForLesson(page);
    await page.locator('#widget-what-the-lb-sees').scrollIntoViewIfNeeded();
    const alert = page.locator('#widget-what-the-lb-sees').getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/injected widget fault/);
    expect(await alert.getByRole('button', { name: 'Restart the simulation' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Load balancing/ }).waitFor();
  });
});
