import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, setupBrowser, waitForLesson } from './harness';

const newPage = setupBrowser();

const URL_L4_VISIBILITY = '/en/lessons/l4-vs-l7-balancing#l4-visibility';
const WIDGET = 'what-the-lb-sees';
/** What only an HTTP request carries: the inspector must never show these for other packets. */
const REQUEST_ONLY = ['/api/v2/cart', 'GET', 'session='];

/** Opens the widget (reduced motion: it starts paused) with its picture on screen. */
async function openWidget(page: Page): Promise<Locator> {
  await page.goto(`${baseURL()}${URL_L4_VISIBILITY}`);
  await waitForLesson(page);
  await page.locator(`#widget-${WIDGET}`).scrollIntoViewIfNeeded();
  const widget = page.locator(`[data-widget="${WIDGET}"]`);
  await widget.locator('svg.packet-flow__svg').waitFor();
  await widget.locator('svg.packet-flow__svg').scrollIntoViewIfNeeded();
  expect(await widget.getByRole('button', { name: 'Play' }).count()).toBe(1);
  return widget;
}

/** Opens a panel that sits behind a closed disclosure, if the widget puts it behind one. */
async function reveal(widget: Locator, selector: string, summary: string): Promise<void> {
  if (await widget.locator(selector).isVisible()) return;
  const toggle = widget.locator('summary').filter({ hasText: summary });
  if ((await toggle.count()) > 0) await toggle.first().click();
}

describe('packet inspector', () => {
  it('shows no method, path or cookie in a TCP handshake, a ClientHello or a passthrough request', async () => {
    const page = await newPage();
    const widget = await openWidget(page);
    await reveal(widget, '.event-log', 'Event log');
    const step = widget.getByRole('button', { name: 'Step' });
    const items = widget.locator('.event-log__item');
    const inspector = widget.getByRole('region', { name: 'Packet inspector' });
    const packetId = async () => Number(await inspector.getAttribute('data-inspecting'));
    /** The L4 and L7 cells of an inspector row. */
    const cells = (field: string) => inspector.getByRole('row', { name: new RegExp(`^${field}`) }).locator('td');

    /** Steps until the log lists a packet matching `text` newer than `after`, then inspects it. */
    const inspect = async (text: RegExp, after = 0) => {
      const matching = items.filter({ hasText: text });
      await expect
        .poll(
          async () => {
            if ((await matching.count()) === 0) {
              await step.click();
              return 0;
            }
            await matching.first().click();
            const id = await packetId();
            if (id <= after) await step.click();
            return id;
          },
          { timeout: 15_000 },
        )
        .toBeGreaterThan(after);
      return (await inspector.textContent()) ?? '';
    };

    // L7, TLS terminated (the widget's start).
    const syn = await inspect(/^TCP handshake: clients → balancer$/);
    for (const text of REQUEST_ONLY) expect(syn, `TCP handshake shows ${text}`).not.toContain(text);
    expect(await cells('TCP flags').nth(0).textContent()).toBe('SYN, SYN-ACK, ACK');
    // The whole TLS and HTTP groups: not in this packet, for either balancer.
    for (const group of ['TLS ClientHello', 'HTTP request', 'HTTP response']) {
      const texts = await cells(group).allTextContents();
      expect(texts, group).toHaveLength(2);
      for (const text of texts) expect(text, group).toMatch(/not in this packet$/);
    }

    const hello = await inspect(/^TLS handshake: clients → balancer$/);
    for (const text of REQUEST_ONLY) expect(hello, `ClientHello shows ${text}`).not.toContain(text);
    // SNI and ALPN are in the clear: both balancers read them.
    for (const column of [0, 1]) {
      expect(await cells('SNI').nth(column).textContent()).toBe('shop.example.com');
      expect(await cells('SNI').nth(column).getAttribute('data-hidden')).toBeNull();
    }
    expect(await cells('HTTP request').nth(1).textContent()).toMatch(/not in this packet/);

    // L4 with TLS passthrough: a request after the switch.
    await inspect(/./);
    const newest = await packetId();
    await widget.getByLabel('Balancer layer').selectOption('l4');
    await widget.getByLabel('TLS').selectOption('passthrough');
    const request = await inspect(/^request GET \/api\/v2\/cart: clients → balancer$/, newest);
    for (const text of REQUEST_ONLY) expect(request, `passthrough request shows ${text}`).not.toContain(text);
    for (const field of ['Method', 'Path', 'Cookies']) {
      expect(await cells(field).nth(0).getAttribute('data-reason'), field).toBe('encrypted');
      expect(await cells(field).nth(1).getAttribute('data-reason'), field).toBe('key-elsewhere');
      expect(await cells(field).nth(1).textContent()).toMatch(/only the backend holds the key/);
    }
    // The SNI is known to the L4 balancer, from the ClientHello, not from this packet.
    const sni = cells('SNI').nth(0);
    expect(await sni.textContent()).toBe('shop.example.com');
    expect(await sni.getAttribute('data-note')).toBe('1');
    expect(await inspector.locator('.inspector__notes li').first().textContent()).toMatch(/^Not in this packet/);
  });

  it('selects packets from the keyboard on the picture', async () => {
    const page = await newPage();
    const widget = await openWidget(page);
    const svg = widget.locator('svg.packet-flow__svg');
    const inspector = widget.getByRole('region', { name: 'Packet inspector' });
    const step = widget.getByRole('button', { name: 'Step' });
    await expect
      .poll(
        async () => {
          const count = Number(await svg.getAttribute('data-in-flight'));
          if (count < 2) await step.click();
          return count;
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(2);
    expect(await svg.getAttribute('tabindex')).toBe('0');
    expect(await svg.getAttribute('aria-label')).toMatch(/Arrow keys select the packets in flight/);
    expect(await inspector.getAttribute('data-inspecting')).toBeNull();

    await svg.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => inspector.getAttribute('data-inspecting')).not.toBeNull();
    const first = await inspector.getAttribute('data-inspecting');
    expect(await inspector.locator('.inspector__title').textContent()).toMatch(/: .+ → .+/);
    // A focus ring shows where the keys go.
    expect(await svg.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle)).toBe('solid');

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => inspector.getAttribute('data-inspecting')).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => inspector.getAttribute('data-inspecting')).toBe(first);

    await page.keyboard.press('Escape');
    await expect.poll(() => inspector.getAttribute('data-inspecting')).toBeNull();
  });
});
