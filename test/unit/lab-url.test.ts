import fc from 'fast-check';
import LZString from 'lz-string';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDoc, defaultPool } from '../../src/lab/defaults';
import type { LabDoc } from '../../src/lab/design';
import { designFileName, designFileText, MAX_DESIGN_FILE_CHARS, parseDesignFile } from '../../src/lab/design-file';
import { CHOICES, MAX_RUN_MS } from '../../src/lab/limits';
import { sanitizeDoc } from '../../src/lab/sanitize';
import { LAB_TEMPLATE_IDS, labTemplate } from '../../src/lab/templates';
import {
  applyDiff,
  decodeLabSearch,
  encodeLabSearch,
  LAB_PATH_CHARS,
  MAX_LAB_URL_CHARS,
  MAX_PAYLOAD_CHARS,
} from '../../src/lab/url-codec';
import { validateDoc } from '../../src/lab/validate';

const pack = (value: unknown) => `?v=1&d=${LZString.compressToEncodedURIComponent(JSON.stringify(value))}`;
const packText = (text: string) => `?v=1&d=${LZString.compressToEncodedURIComponent(text)}`;
const headerRule = (pool: string) => ({
  kind: 'header',
  name: 'x',
  value: '1',
  pool,
  canaryPool: null,
  canaryPercent: 0,
});
const polluted = () => ({}) as Record<string, unknown>;

afterEach(() => {
  // Every test must leave Object.prototype alone.
  expect(polluted().polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
});

// ───────────────────────── arbitrary valid docs ─────────────────────────
// Shaped like a LabDoc with values in and out of range; the sanitiser makes each one valid.

const number = fc.oneof(
  fc.integer({ min: -5, max: 700_000 }),
  fc.double({ min: -1, max: 10_000, noNaN: true, noDefaultInfinity: true }),
);
const share = fc.double({ min: 0, max: 1, noNaN: true });
const poolId = fc.constantFrom('web', 'api', 'static', 'img-cache', 'a1');
const serverId = fc.tuple(poolId, fc.integer({ min: 1, max: 12 })).map(([p, n]) => `${p}-${n}`);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const rawDoc = fc.record({
  v: fc.constant(1),
  seed: opt(fc.integer({ min: -3, max: 2 ** 31 + 3 })),
  design: opt(
    fc.record(
      {
        clients: fc.record(
          {
            count: number,
            ratePerSecond: number,
            natShare: share,
            usersPerIp: number,
            protocol: fc.constantFrom(...CHOICES['clients.protocol'], 'quic'),
            requestsPerConnection: number,
            cookieShare: share,
          },
          { requiredKeys: [] },
        ),
        paths: fc.array(
          fc.record({
            path: fc.oneof(
              fc.constantFrom('/', '/api', '/img/a.png', 'bad'),
              fc.stringMatching(/^\/[a-z0-9/_-]{0,20}$/),
            ),
            weight: number,
            responseKb: number,
          }),
          { maxLength: 7 },
        ),
        l4: fc.record(
          {
            enabled: fc.boolean(),
            proxies: number,
            forwarding: fc.constantFrom('nat', 'dsr'),
            hashing: fc.constantFrom(...CHOICES['l4.hashing']),
          },
          { requiredKeys: [] },
        ),
        l7: fc.record(
          {
            mode: fc.constantFrom(...CHOICES['l7.mode']),
            forwarding: fc.constantFrom(...CHOICES['l7.forwarding']),
            algorithm: fc.constantFrom(...CHOICES['l7.algorithm']),
            tls: fc.constantFrom(...CHOICES['l7.tls']),
            stickiness: fc.constantFrom(...CHOICES['l7.stickiness']),
            rules: fc.array(
              fc.record({
                kind: fc.constantFrom('path', 'header', 'cookie'),
                name: fc.constantFrom('', 'x-beta', 'beta', 'X-Canary'),
                value: fc.constantFrom('/api', '1', 'on', 'v2'),
                pool: poolId,
                canaryPool: fc.option(poolId, { nil: null }),
                canaryPercent: number,
              }),
              { maxLength: 9 },
            ),
            defaultPool: poolId,
            slowStartMs: number,
            drainMs: number,
            panicThresholdPercent: number,
          },
          { requiredKeys: [] },
        ),
        pools: fc.array(
          fc.record({
            id: poolId,
            count: fc.integer({ min: 0, max: 70 }),
            concurrency: number,
            serviceMs: number,
            speed: fc.double({ min: 0, max: 12, noNaN: true }),
            heterogeneity: share,
          }),
          { maxLength: 5 },
        ),
        sessions: fc.constantFrom(...CHOICES.sessions),
      },
      { requiredKeys: [] },
    ),
  ),
  faults: opt(
    fc.array(
      fc.record({
        atMs: fc.integer({ min: -10, max: MAX_RUN_MS + 10 }),
        kind: fc.constantFrom(...CHOICES['faults.*.kind']),
        target: fc.oneof(fc.constantFrom('web-1', 'web-2', 'web-3', 'web-4'), serverId, poolId),
      }),
      { maxLength: 36 },
    ),
  ),
});
/** Raw input laid over a template or the defaults, then sanitised. */
const validDoc: fc.Arbitrary<LabDoc> = fc
  .tuple(fc.constantFrom(...LAB_TEMPLATE_IDS, null), rawDoc)
  .map(([id, raw]) => sanitizeDoc(applyDiff(id ? labTemplate(id) : defaultDoc(), raw)).doc);

// ───────────────────────── links ─────────────────────────

describe('Lab links', () => {
  it('encode the default doc as an empty diff', () => {
    const search = encodeLabSearch(defaultDoc());
    expect(search).toBe(pack({}));
    expect(decodeLabSearch(search ?? '')).toEqual({ doc: defaultDoc(), notices: [] });
  });

  it('round-trip arbitrary valid docs through a real URL, or refuse them over the budget', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        expect(validateDoc(doc).size).toBe(0);
        const search = encodeLabSearch(doc);
        if (search === null) return; // over the budget: the page offers the file instead
        expect(LAB_PATH_CHARS + search.length).toBeLessThanOrEqual(MAX_LAB_URL_CHARS);
        const url = new URL(`https://lab.example/ru/lab${search}`);
        expect(decodeLabSearch(url.search)).toEqual({ doc, notices: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('carry an L4 balancer, and read links made before it had a mode as L7', () => {
    const doc = labTemplate('sticky-nat');
    doc.design.l7 = { ...doc.design.l7, mode: 'l4', forwarding: 'dsr', tls: 'passthrough' };
    const search = encodeLabSearch(doc) ?? '';
    expect(decodeLabSearch(search)).toEqual({ doc, notices: [] });
    // Links are diffs against the defaults: one without `mode` keeps meaning an L7 proxy.
    const old = decodeLabSearch(pack({ design: { l7: { stickiness: 'cookie', tls: 'reencrypt' } } }));
    expect(old.notices).toEqual([]);
    expect(old.doc?.design.l7).toMatchObject({ mode: 'l7', forwarding: 'nat', stickiness: 'cookie', tls: 'reencrypt' });
    // A link whose L4 balancer asks for a cookie loads with the cookie dropped, and says so.
    const cookie = decodeLabSearch(pack({ design: { l7: { mode: 'l4', stickiness: 'cookie' } } }));
    expect(cookie.doc?.design.l7).toMatchObject({ mode: 'l4', stickiness: 'none' });
    expect(cookie.notices).toEqual([{ code: 'dropped', fields: ['l7.stickiness'] }]);
  });

  it('say null when the link would pass 2,000 characters', () => {
    // Text that never repeats compresses badly: every field at its longest, filled at random.
    let x = 12_345;
    const rnd = (n: number) => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const text = (length: number) =>
      Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~-'[rnd(66)]).join(
        '',
      );
    const pools = ['alpha', 'beta', 'gamma', 'delta'].map((id) => ({
      ...defaultPool(id, 16),
      serviceMs: 1 + rnd(9000),
    }));
    const { doc, dropped } = sanitizeDoc({
      ...defaultDoc(),
      design: {
        ...defaultDoc().design,
        paths: Array.from({ length: 6 }, () => ({
          path: `/${text(63)}`,
          weight: 1 + rnd(999),
          responseKb: 1 + rnd(4999),
        })),
        pools,
        l7: {
          ...defaultDoc().design.l7,
          defaultPool: 'alpha',
          rules: pools.flatMap((p) => [0, 1].map(() => ({ ...headerRule(p.id), name: text(32), value: text(64) }))),
        },
      },
      faults: Array.from({ length: 32 }, () => ({
        atMs: rnd(MAX_RUN_MS),
        kind: 'gray',
        target: `beta-${1 + rnd(16)}`,
      })),
    });
    expect(dropped).toEqual([]);
    expect(encodeLabSearch(doc)).toBeNull();
    // A busy but ordinary design fits: the same pools and faults without the random text.
    const ordinary = {
      ...doc,
      design: { ...doc.design, paths: defaultDoc().design.paths, l7: { ...doc.design.l7, rules: [] } },
    };
    const search = encodeLabSearch(ordinary);
    expect(search).not.toBeNull();
    expect(LAB_PATH_CHARS + (search ?? '').length).toBeLessThanOrEqual(MAX_LAB_URL_CHARS);
  });

  it('fit every template under 2,000 characters', () => {
    for (const id of LAB_TEMPLATE_IDS) {
      const search = encodeLabSearch(labTemplate(id));
      expect(search, id).not.toBeNull();
      expect(decodeLabSearch(search ?? '').doc, id).toEqual(labTemplate(id));
    }
  });

  it('without a payload load nothing and say nothing', () => {
    for (const search of ['', '?', '?v=1', '?foo=bar', 'v=1&x=2']) {
      expect(decodeLabSearch(search)).toEqual({ doc: null, notices: [] });
    }
  });

  it('of another version are still read, with a notice', () => {
    const doc = defaultDoc();
    doc.seed = 7;
    const payload = (encodeLabSearch(doc) ?? '').replace('?v=1&', '');
    for (const search of [`?v=2&${payload}`, `?${payload}`]) {
      expect(decodeLabSearch(search)).toEqual({ doc, notices: [{ code: 'version' }] });
    }
    // A doc of an unknown version inside loads nothing.
    expect(decodeLabSearch(pack({ v: 2 }))).toEqual({ doc: null, notices: [{ code: 'version' }] });
  });

  it('report fields the sanitiser dropped', () => {
    const { doc, notices } = decodeLabSearch(
      pack({
        seed: -5,
        design: { clients: { count: 1e9 }, extra: 1 },
        faults: [{ atMs: 5, kind: 'crash', target: 'nope-1' }],
      }),
    );
    expect(doc?.design.clients.count).toBe(10_000);
    expect(doc?.faults).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.code).toBe('dropped');
    expect(notices[0]?.fields).toEqual(expect.arrayContaining(['seed', 'clients.count', 'design.extra', 'faults.0']));
  });

  it('refuse oversized input before decompressing it', () => {
    expect(decodeLabSearch(`?v=1&d=${'A'.repeat(MAX_PAYLOAD_CHARS + 1)}`).notices).toEqual([{ code: 'tooLong' }]);
    expect(decodeLabSearch(`?v=1&d=${'x'.repeat(1_000_000)}`)).toEqual({ doc: null, notices: [{ code: 'tooLong' }] });
    // A small payload that decompresses into something huge.
    const huge = packText(JSON.stringify({ seed: 1, pad: 'a'.repeat(300_000) }));
    expect(huge.length).toBeLessThan(MAX_PAYLOAD_CHARS);
    expect(decodeLabSearch(huge)).toEqual({ doc: null, notices: [{ code: 'tooLong' }] });
  });

  it('report payloads that are not a compressed JSON object as an encoding problem', () => {
    for (const search of [
      '?v=1&d=',
      '?v=1&d=%E0%A4%A',
      '?v=1&d=%',
      '?v=1&d=not-lz-at-all',
      packText('{"seed": 1'),
      pack([1, 2]),
      pack(5),
      pack('text'),
      pack(null),
    ]) {
      expect(decodeLabSearch(search), search).toEqual({ doc: null, notices: [{ code: 'encoding' }] });
    }
  });

  it('never let hostile keys reach a prototype', () => {
    for (const hostile of [
      '{"__proto__":{"polluted":1}}',
      '{"design":{"__proto__":{"polluted":1}}}',
      '{"design":{"clients":{"__proto__":{"polluted":1}}}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"design":{"constructor":{"prototype":{"polluted":1}}}}',
      '{"design":{"pools":[{"__proto__":{"polluted":1},"id":"web","count":2}]}}',
      '{"faults":{"__proto__":[1]},"seed":"x","design":[]}',
    ]) {
      const { doc, notices } = decodeLabSearch(packText(hostile));
      expect(doc, hostile).not.toBeNull();
      expect(validateDoc(doc as LabDoc).size).toBe(0);
      expect(notices.map((n) => n.code)).toEqual(['dropped']);
      expect(polluted().polluted).toBeUndefined();
    }
  });

  it('survive any string, any base64 and any compressed JSON (fuzz)', () => {
    const check = (search: string) => {
      const { doc, notices } = decodeLabSearch(search);
      if (doc) expect(validateDoc(doc).size).toBe(0);
      for (const n of notices) expect(['version', 'encoding', 'tooLong', 'dropped']).toContain(n.code);
      expect(polluted().polluted).toBeUndefined();
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 300 });
    fc.assert(
      fc.property(fc.base64String({ maxLength: 400 }), fc.constantFrom('1', '2', ''), (b64, v) =>
        check(`?v=${v}&d=${b64}`),
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => check(pack(value))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(rawDoc, fc.anything({ maxDepth: 3, withObjectString: true }), (raw, junk) =>
        check(pack({ ...raw, design: { ...(raw.design ?? {}), junk } })),
      ),
      { numRuns: 200 },
    );
  });
});

// ───────────────────────── design files ─────────────────────────

describe('design files', () => {
  it('name files safely, keeping letters of any script', () => {
    expect(designFileName('My  Design!')).toBe('balancer-lab-my-design.json');
    expect(designFileName('Маглев и NAT')).toBe('balancer-lab-маглев-и-nat.json');
    expect(designFileName('../../etc/passwd')).toBe('balancer-lab-etc-passwd.json');
    expect(designFileName('  ***  ')).toBe('balancer-lab-design.json');
    expect(designFileName('x'.repeat(200))).toBe(`balancer-lab-${'x'.repeat(40)}.json`);
    expect(designFileName('a\u0000b<>:"|?*c')).toBe('balancer-lab-a-b-c.json');
  });

  it('round-trip arbitrary valid docs and their names', () => {
    fc.assert(
      fc.property(validDoc, fc.string({ minLength: 1, maxLength: 60 }), (doc, name) => {
        const text = designFileText(doc, name);
        expect(text).toContain('"format": "balancer-lab-design"');
        const parsed = parseDesignFile(text);
        const expectedName = name.trim() !== '' && !/\p{Cc}/u.test(name) ? name.trim() : null;
        expect(parsed).toEqual({ ok: true, doc, name: expectedName, dropped: [] });
      }),
      { numRuns: 100 },
    );
  });

  it('keep even the largest design far below the size limit', () => {
    const doc = sanitizeDoc({
      ...defaultDoc(),
      faults: Array.from({ length: 40 }, (_, i) => ({ atMs: i * 1000, kind: 'gray', target: 'web-1' })),
    }).doc;
    expect(designFileText(doc, 'n'.repeat(60)).length).toBeLessThan(MAX_DESIGN_FILE_CHARS / 10);
  });

  it('refuse what is too large, not JSON, or another format', () => {
    const good = JSON.parse(designFileText(defaultDoc(), 'x'));
    expect(parseDesignFile(' '.repeat(MAX_DESIGN_FILE_CHARS + 1))).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseDesignFile('{"format":')).toEqual({ ok: false, error: 'json' });
    for (const value of [
      [],
      null,
      5,
      { ...good, format: 'other' },
      { ...good, v: 2 },
      { doc: good.doc },
      { ...good, doc: { ...good.doc, v: 3 } },
    ]) {
      expect(parseDesignFile(JSON.stringify(value))).toEqual({ ok: false, error: 'format' });
    }
  });

  it('sanitise what is inside, and accept a byte-order mark', () => {
    const text = `\uFEFF${JSON.stringify({
      format: 'balancer-lab-design',
      v: 1,
      name: '  Mine  ',
      doc: { v: 1, seed: 3, design: { __proto__: { polluted: 1 }, pools: 'many' }, faults: [] },
    })}`;
    const parsed = parseDesignFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.name).toBe('Mine');
    expect(parsed.doc.seed).toBe(3);
    expect(parsed.doc.design.pools).toEqual(defaultDoc().design.pools);
    expect(parsed.dropped).toContain('pools');
    const hostile = parseDesignFile(
      '{"format":"balancer-lab-design","v":1,"name":7,"doc":{"v":1,"__proto__":{"x":1}}}',
    );
    expect(hostile).toMatchObject({ ok: true, name: null, dropped: ['__proto__'] });
  });
});
