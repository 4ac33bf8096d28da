import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDoc } from '../../src/lab/defaults';
import type { LabDoc } from '../../src/lab/design';
import {
  CHOICES,
  clampTo,
  limitKey,
  limitOf,
  MAX_FAULTS,
  MAX_RUN_MS,
  MAX_SERVERS,
  MODE_CHOICES,
  NUMBER_LIMITS,
  withMode,
} from '../../src/lab/limits';
import { sanitizeDoc } from '../../src/lab/sanitize';
import { validateDoc, validateNumberField } from '../../src/lab/validate';

/** A valid doc that uses every part of the design: two pools, rules, a canary and faults. */
function richDoc(): LabDoc {
  const doc = defaultDoc();
  doc.design.pools = [
    { id: 'v1', count: 3, concurrency: 8, serviceMs: 20, speed: 1, heterogeneity: 0.2 },
    { id: 'v2', count: 2, concurrency: 16, serviceMs: 10, speed: 2, heterogeneity: 0 },
  ];
  doc.design.paths = [
    { path: '/api', weight: 3, responseKb: 2 },
    { path: '/static/app.js', weight: 1, responseKb: 120 },
  ];
  doc.design.l4 = { enabled: true, proxies: 3, forwarding: 'dsr', hashing: '5-tuple' };
  doc.design.l7.defaultPool = 'v1';
  doc.design.l7.rules = [
    { kind: 'cookie', name: 'beta', value: '1', pool: 'v2', canaryPool: null, canaryPercent: 0 },
    { kind: 'path', name: '', value: '/api', pool: 'v1', canaryPool: 'v2', canaryPercent: 10 },
    { kind: 'header', name: 'X-Beta', value: 'yes', pool: 'v2', canaryPool: null, canaryPercent: 0 },
  ];
  doc.faults = [
    { atMs: 4000, kind: 'add', target: 'v2' },
    { atMs: 5000, kind: 'crash', target: 'v2-3' },
    { atMs: 1000, kind: 'gray', target: 'v1-1' },
    { atMs: 6000, kind: 'remove', target: 'v1-2' },
    { atMs: 7000, kind: 'slow', target: 'v1-3' },
    { atMs: 8000, kind: 'revive', target: 'v1-1' },
  ];
  return doc;
}

/** Every numeric leaf of an object, by field path. */
function numericPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => numericPaths(v, path ? `${path}.${k}` : k));
}

const designPath = (path: string) => path.replace(/^design\./, '');

describe('Lab limits', () => {
  it('has exactly one limit for every numeric field of a design', () => {
    const doc = richDoc();
    const fields = numericPaths(doc)
      .map(designPath)
      .filter((p) => p !== 'v');
    const keys = new Set(fields.map(limitKey));
    for (const path of fields) expect(limitOf(path), path).toBeDefined();
    expect([...keys].sort()).toEqual(Object.keys(NUMBER_LIMITS).sort());
  });

  it('maps array indices to the table key', () => {
    expect(limitKey('pools.2.count')).toBe('pools.*.count');
    expect(limitKey('l7.rules.10.canaryPercent')).toBe('l7.rules.*.canaryPercent');
    expect(limitOf('faults.3.atMs')).toEqual({ min: 0, max: MAX_RUN_MS, integer: true, unit: 'ms' });
    expect(limitOf('nope')).toBeUndefined();
  });

  it('clamps and rounds', () => {
    const count = NUMBER_LIMITS['clients.count'];
    expect(clampTo(count, 0)).toBe(1);
    expect(clampTo(count, 1e9)).toBe(10_000);
    expect(clampTo(count, 2.6)).toBe(3);
    expect(clampTo(NUMBER_LIMITS['clients.natShare'], 0.25)).toBe(0.25);
  });

  it('offers TLS passthrough only at L4 and cookie stickiness only at L7', () => {
    expect(MODE_CHOICES.l7['l7.tls']).toEqual(['none', 'terminate', 'reencrypt']);
    expect(MODE_CHOICES.l4['l7.tls']).toEqual(['none', 'terminate', 'passthrough', 'reencrypt']);
    expect(MODE_CHOICES.l7['l7.stickiness']).toEqual(['none', 'cookie', 'source-ip']);
    expect(MODE_CHOICES.l4['l7.stickiness']).toEqual(['none', 'source-ip']);
    // Each mode's lists are drawn from the field's own.
    for (const mode of CHOICES['l7.mode'])
      for (const path of ['l7.tls', 'l7.stickiness'] as const)
        for (const value of MODE_CHOICES[mode][path]) expect(CHOICES[path]).toContain(value);
  });

  it('switches the balancer’s mode in one step, replacing only what the new layer lacks', () => {
    const l7 = { ...defaultDoc().design.l7, tls: 'reencrypt' as const, stickiness: 'cookie' as const };
    const l4 = withMode(l7, 'l4');
    expect(l4).toEqual({ ...l7, mode: 'l4', stickiness: 'none' });
    const passthrough = { ...l4, tls: 'passthrough' as const, stickiness: 'source-ip' as const };
    expect(withMode(passthrough, 'l7')).toEqual({ ...passthrough, mode: 'l7', tls: 'terminate' });
    // A switch to the mode it is already in changes nothing.
    expect(withMode(l7, 'l7')).toEqual(l7);
  });
});

describe('validateNumberField', () => {
  it.each([
    ['clients.count', '', { code: 'required' }],
    ['clients.count', 'abc', { code: 'number' }],
    ['clients.count', '0x10', { code: 'number' }],
    ['clients.count', '1e3', { code: 'number' }],
    ['clients.count', 'Infinity', { code: 'number' }],
    ['clients.count', 'NaN', { code: 'number' }],
    ['clients.count', '1.5', { code: 'integer' }],
    ['clients.count', '0', { code: 'range', min: 1, max: 10_000 }],
    ['clients.count', '10001', { code: 'range', min: 1, max: 10_000 }],
    ['pools.3.count', '65', { code: 'range', min: 1, max: 64 }],
    ['clients.natShare', '-0.1', { code: 'range', min: 0, max: 1 }],
  ])('%s = %j → %j', (path, raw, error) => {
    expect(validateNumberField(path, raw)).toEqual(error);
  });

  it('accepts values in range', () => {
    expect(validateNumberField('clients.count', ' 42 ')).toBeNull();
    expect(validateNumberField('clients.natShare', '.5')).toBeNull();
    expect(validateNumberField('pools.0.speed', '2.5')).toBeNull();
    expect(validateNumberField('unknown.field', 'x')).toBeNull();
  });
});

describe('validateDoc', () => {
  it('finds nothing wrong with the defaults or a rich doc', () => {
    expect([...validateDoc(defaultDoc())]).toEqual([]);
    expect([...validateDoc(richDoc())]).toEqual([]);
  });

  it('names each field and what is wrong with it', () => {
    const doc = richDoc();
    doc.seed = -1;
    doc.design.clients.count = 2.5;
    doc.design.pools[1]!.id = 'v1';
    doc.design.pools[0]!.speed = Number.NaN;
    doc.design.paths.push({ path: 'no-slash', weight: 1, responseKb: 1 });
    doc.design.paths.push({ path: '/api', weight: 1, responseKb: 1 });
    doc.design.l7.defaultPool = 'missing';
    doc.design.l7.rules[0]!.pool = 'gone';
    doc.design.l7.rules[1]!.canaryPool = 'gone';
    doc.design.l7.rules[2]!.name = '';
    doc.faults.push({ atMs: MAX_RUN_MS + 1, kind: 'crash', target: 'v1-1' });
    const errors = validateDoc(doc);
    expect(Object.fromEntries(errors)).toMatchObject({
      seed: { code: 'range' },
      'clients.count': { code: 'integer' },
      'pools.1.id': { code: 'duplicate' },
      'pools.0.speed': { code: 'number' },
      'paths.2.path': { code: 'pattern' },
      'paths.3.path': { code: 'duplicate' },
      'l7.defaultPool': { code: 'unknownPool' },
      'l7.rules.0.pool': { code: 'unknownPool' },
      'l7.rules.1.canaryPool': { code: 'unknownPool' },
      'l7.rules.2.name': { code: 'required' },
      'faults.6.atMs': { code: 'range', min: 0, max: MAX_RUN_MS },
    });
  });

  it('checks pool ids: kebab-case, at most 24 characters', () => {
    const doc = defaultDoc();
    doc.design.pools[0]!.id = 'Web_1';
    doc.design.l7.defaultPool = 'Web_1';
    expect(validateDoc(doc).get('pools.0.id')?.code).toBe('pattern');
    doc.design.pools[0]!.id = 'a'.repeat(25);
    doc.design.l7.defaultPool = 'a'.repeat(25);
    expect(validateDoc(doc).get('pools.0.id')?.code).toBe('pattern');
  });

  it('follows servers over the timeline: adds name the next number, removed servers are gone', () => {
    const doc = defaultDoc(); // web-1 … web-4
    doc.faults = [
      { atMs: 2000, kind: 'crash', target: 'web-5' }, // not yet added
      { atMs: 1000, kind: 'add', target: 'web' }, // web-5
      { atMs: 3000, kind: 'remove', target: 'web-1' },
      { atMs: 4000, kind: 'add', target: 'web' }, // web-6, not web-4 again
      { atMs: 5000, kind: 'revive', target: 'web-1' }, // removed
      { atMs: 5000, kind: 'gray', target: 'web-6' },
      { atMs: 5000, kind: 'add', target: 'db' },
      { atMs: 5000, kind: 'crash', target: '' },
    ];
    const errors = Object.fromEntries(validateDoc(doc));
    expect(errors).toEqual({
      'faults.4.target': { code: 'unknownServer' },
      'faults.6.target': { code: 'unknownPool' },
      'faults.7.target': { code: 'required' },
    });
  });

  it('keeps the servers at 64 in all, at the start and after adds', () => {
    const doc = defaultDoc();
    doc.design.pools = [
      { ...doc.design.pools[0]!, count: 40 },
      { ...doc.design.pools[0]!, id: 'api', count: 25 },
    ];
    expect(validateDoc(doc).get('pools')).toEqual({ code: 'tooManyServers', max: MAX_SERVERS });
    doc.design.pools[1]!.count = 24;
    doc.faults = [
      { atMs: 0, kind: 'add', target: 'api' },
      { atMs: 10, kind: 'remove', target: 'web-1' },
      { atMs: 20, kind: 'add', target: 'api' },
    ];
    expect(validateDoc(doc).get('faults.0.target')).toEqual({ code: 'tooManyServers', max: MAX_SERVERS });
    expect(validateDoc(doc).has('faults.2.target')).toBe(false);
  });

  it('limits the counts of pools, paths, rules and faults', () => {
    const doc = richDoc();
    doc.design.pools = [];
    doc.design.paths = Array.from({ length: 7 }, (_, i) => ({ path: `/p${i}`, weight: 1, responseKb: 1 }));
    doc.design.l7.rules = Array.from({ length: 9 }, () => ({ ...richDoc().design.l7.rules[1]! }));
    doc.faults = [];
    const errors = validateDoc(doc);
    expect(errors.get('pools')?.code).toBe('required');
    expect(errors.get('paths')).toEqual({ code: 'tooMany', max: 6 });
    expect(errors.get('l7.rules')).toEqual({ code: 'tooMany', max: 8 });
  });
});

describe('validateDoc: the balancer’s mode', () => {
  const withBalancer = (l7: Partial<LabDoc['design']['l7']>): LabDoc => {
    const doc = richDoc();
    doc.design.l7 = { ...doc.design.l7, ...l7 };
    return doc;
  };

  it('accepts an L4 balancer with every TLS mode over NAT, its L7 rules left in place', () => {
    for (const tls of ['none', 'terminate', 'passthrough', 'reencrypt'] as const)
      expect([...validateDoc(withBalancer({ mode: 'l4', tls, forwarding: 'nat', stickiness: 'source-ip' }))]).toEqual(
        [],
      );
  });

  it('refuses DSR while the balancer holds the TLS session (terminate, re-encrypt), at the return path', () => {
    for (const tls of ['none', 'passthrough'] as const)
      expect([...validateDoc(withBalancer({ mode: 'l4', tls, forwarding: 'dsr' }))]).toEqual([]);
    for (const tls of ['terminate', 'reencrypt'] as const)
      expect(Object.fromEntries(validateDoc(withBalancer({ mode: 'l4', tls, forwarding: 'dsr' })))).toEqual({
        'l7.forwarding': { code: 'dsrTls' },
      });
  });

  it('refuses passthrough at L7 and cookie stickiness at L4, at the field', () => {
    expect(Object.fromEntries(validateDoc(withBalancer({ mode: 'l7', tls: 'passthrough' })))).toEqual({
      'l7.tls': { code: 'pattern' },
    });
    expect(Object.fromEntries(validateDoc(withBalancer({ mode: 'l4', stickiness: 'cookie' })))).toEqual({
      'l7.stickiness': { code: 'pattern' },
    });
  });

  it('keeps an L4 return path at L7 (not applied there) and refuses unknown modes', () => {
    expect([...validateDoc(withBalancer({ mode: 'l7', forwarding: 'dsr' }))]).toEqual([]);
    const errors = validateDoc(withBalancer({ mode: 'l3' as 'l4', forwarding: 'gre' as 'nat' }));
    expect(Object.fromEntries(errors)).toEqual({
      'l7.mode': { code: 'pattern' },
      'l7.forwarding': { code: 'pattern' },
    });
  });
});

describe('sanitizeDoc', () => {
  it('returns a valid doc unchanged', () => {
    for (const doc of [defaultDoc(), richDoc()]) {
      const { doc: out, dropped } = sanitizeDoc(JSON.parse(JSON.stringify(doc)));
      expect(dropped).toEqual([]);
      expect(out).toEqual(doc);
    }
  });

  it('treats a wrong or missing version as unknown', () => {
    for (const input of [{ ...richDoc(), v: 2 }, { ...richDoc(), v: '1' }, { seed: 1 }, null, 'x', [], 7]) {
      expect(sanitizeDoc(input)).toEqual({ doc: defaultDoc(), dropped: ['v'] });
    }
  });

  it('never lets __proto__, constructor or prototype reach an object', () => {
    const input = JSON.parse(
      '{"v":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},' +
        '"design":{"clients":{"__proto__":{"count":9999}},"pools":[{"id":"web","count":2,"__proto__":{"x":1},"prototype":1}]}}',
    );
    const { doc, dropped } = sanitizeDoc(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(doc.design.clients)).toBe(Object.prototype);
    expect(doc.design.clients.count).toBe(200);
    expect(JSON.stringify(doc)).not.toMatch(/__proto__|constructor|prototype|polluted/);
    expect(dropped).toEqual(
      expect.arrayContaining([
        '__proto__',
        'constructor',
        'clients.__proto__',
        'pools.0.__proto__',
        'pools.0.prototype',
      ]),
    );
    expect(validateDoc(doc).size).toBe(0);
  });

  it('clamps finite numbers, defaults everything else, and lists both', () => {
    const input = JSON.parse(JSON.stringify(richDoc()));
    input.design.clients.count = 1e12;
    input.design.clients.ratePerSecond = 'NaN';
    input.design.clients.natShare = 'Infinity';
    input.design.clients.usersPerIp = '5';
    input.design.pools[0].count = 2.4;
    input.design.l4.enabled = 'yes';
    input.design.l7.tls = 'passthrough';
    input.seed = -5;
    const { doc: out, dropped } = sanitizeDoc(input);
    expect(out.seed).toBe(0);
    expect(out.design.clients).toMatchObject({ count: 10_000, ratePerSecond: 400, natShare: 0, usersPerIp: 1 });
    expect([out.design.pools[0]!.count, out.design.l4.enabled, out.design.l7.tls]).toEqual([2, false, 'terminate']);
    // …and the slow fault at 7 s, whose server v1-3 no longer exists.
    const expected = ['clients.count', 'clients.ratePerSecond', 'clients.natShare', 'clients.usersPerIp', 'faults.4'];
    expect(dropped.sort()).toEqual([...expected, 'pools.0.count', 'l4.enabled', 'l7.tls', 'seed'].sort());
  });

  it('keeps the balancer’s mode and repairs what that mode cannot use', () => {
    const read = (l7: Record<string, unknown>) => {
      const input = JSON.parse(JSON.stringify(richDoc()));
      Object.assign(input.design.l7, l7);
      const { doc, dropped } = sanitizeDoc(input);
      const { mode, tls, stickiness, forwarding } = doc.design.l7;
      return { l7: { mode, tls, stickiness, forwarding }, dropped, rules: doc.design.l7.rules.length };
    };
    // An L4 balancer with passthrough and DSR reads back as it is, its L7 rules kept.
    expect(read({ mode: 'l4', tls: 'passthrough', forwarding: 'dsr', stickiness: 'source-ip' })).toEqual({
      l7: { mode: 'l4', tls: 'passthrough', stickiness: 'source-ip', forwarding: 'dsr' },
      dropped: [],
      rules: 3,
    });
    // Cookies need L7: at L4 the stickiness falls back to none.
    expect(read({ mode: 'l4', stickiness: 'cookie', tls: 'terminate' })).toMatchObject({
      l7: { mode: 'l4', tls: 'terminate', stickiness: 'none' },
      dropped: ['l7.stickiness'],
    });
    // Passthrough is L4 only: an unknown mode reads as L7 and the TLS falls back to termination.
    expect(read({ mode: 'L4', tls: 'passthrough', stickiness: 'cookie' })).toMatchObject({
      l7: { mode: 'l7', tls: 'terminate', stickiness: 'cookie' },
      dropped: ['l7.mode', 'l7.tls'],
    });
    expect(read({ forwarding: 'gre' })).toMatchObject({ l7: { forwarding: 'nat' }, dropped: ['l7.forwarding'] });
  });

  it('reads a doc saved before the balancer had a mode as an L7 proxy', () => {
    const input = JSON.parse(JSON.stringify(richDoc()));
    delete input.design.l7.mode;
    delete input.design.l7.forwarding;
    const { doc, dropped } = sanitizeDoc(input);
    expect(dropped).toEqual([]);
    expect(doc).toEqual(richDoc());
  });

  it('cuts huge arrays and drops faults whose target is missing at their time', () => {
    const input = JSON.parse(JSON.stringify(richDoc()));
    input.faults = Array.from({ length: 100_000 }, (_, i) => ({ atMs: i, kind: 'crash', target: 'v1-1' }));
    input.faults.unshift({ atMs: 0, kind: 'crash', target: 'nope-1' });
    const { doc, dropped } = sanitizeDoc(input);
    expect(doc.faults).toHaveLength(MAX_FAULTS - 1);
    expect(dropped).toEqual(['faults', 'faults.0']);
  });

  it('survives 1 MB strings, deep nesting and 200,000 unknown keys', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 100_000; i++) at = (at.x = {}) as Record<string, unknown>;
    const wide = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
    const big = 'a'.repeat(1 << 20);
    const input = {
      v: 1,
      ...wide,
      design: { clients: deep, pools: [{ id: big, count: 1 }], paths: [{ path: `/${big}` }] },
      faults: [{ atMs: 0, kind: 'crash', target: big }],
    };
    const { doc, dropped } = sanitizeDoc(input);
    expect(validateDoc(doc).size).toBe(0);
    expect(doc.design.pools).toEqual(defaultDoc().design.pools);
    expect(dropped.length).toBeLessThanOrEqual(64);
  });

  it('never throws on exotic objects', () => {
    const fail = () => {
      throw new Error('trap');
    };
    const trap = new Proxy({}, { ownKeys: fail });
    expect(sanitizeDoc({ v: 1, design: trap })).toEqual({ doc: defaultDoc(), dropped: ['v'] });
    const getter = Object.defineProperty({ v: 1 }, 'seed', { get: fail, enumerable: true });
    expect(sanitizeDoc(getter).dropped).toEqual(['v']);
  });
});

// ───────────────────────────── properties ─────────────────────────────

const hostile = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '__proto__', 'constructor', '1e309', '', ' '),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MIN_VALUE, 2 ** 53),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'x'), fc.anything()),
);

/** Paths into a rich doc where a mutation may land (objects, arrays and leaves). */
const MUTATION_PATHS = (() => {
  const out: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    out.push(path);
    if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(richDoc(), []);
  return out.filter((p) => p.length > 0);
})();

interface Mutation {
  path: readonly string[];
  value: unknown;
  extraKey: string | null;
}

/** A JSON copy of a rich doc with each mutation applied in place (one that lands inside a replaced value is skipped). */
function mutated(mutations: readonly Mutation[]): unknown {
  const copy = JSON.parse(JSON.stringify(richDoc())) as Record<string, unknown>;
  for (const { path, value, extraKey } of mutations) {
    let at: unknown = copy;
    for (const key of path.slice(0, -1))
      at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
    if (typeof at !== 'object' || at === null) continue;
    const key = extraKey ?? (path[path.length - 1] as string);
    Object.defineProperty(at, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

const mutation = fc.record({
  path: fc.constantFrom(...MUTATION_PATHS),
  value: hostile,
  extraKey: fc.option(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'), { nil: null }),
});

function expectValid(input: unknown): void {
  const { doc, dropped } = sanitizeDoc(input);
  expect([...validateDoc(doc)]).toEqual([]);
  expect(dropped.length).toBeLessThanOrEqual(64);
  // Sanitising is idempotent: the output reads back as itself with nothing dropped.
  const again = sanitizeDoc(JSON.parse(JSON.stringify(doc)));
  expect(again.dropped).toEqual([]);
  expect(again.doc).toEqual(doc);
}

describe('sanitizeDoc properties', () => {
  it('any value at all gives a valid doc', () => {
    fc.assert(fc.property(fc.anything(), (input) => expectValid(input)));
  });

  it('any value under a v1 header gives a valid doc', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (seed, design, faults) => expectValid({ v: 1, seed, design, faults })),
    );
  });

  it('a valid doc with hostile mutations gives a valid doc', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        expectValid(mutated(mutations));
      }),
      { numRuns: 500 },
    );
  });

  it('any mix of the balancer’s choices, valid or not, gives a valid doc', () => {
    const pick = <T>(values: readonly T[]) => fc.constantFrom<unknown>(...values, 'x', 4, null);
    fc.assert(
      fc.property(
        fc.record({
          mode: pick(CHOICES['l7.mode']),
          forwarding: pick(CHOICES['l7.forwarding']),
          tls: pick(CHOICES['l7.tls']),
          stickiness: pick(CHOICES['l7.stickiness']),
        }),
        (l7) => {
          const input = JSON.parse(JSON.stringify(richDoc()));
          Object.assign(input.design.l7, l7);
          expectValid(input);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random numbers in every numeric field are clamped into range', () => {
    const paths = numericPaths(richDoc()).map((p) => p.split('.'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), fc.double()), { minLength: 1, maxLength: 10 }),
        (changes) => {
          expectValid(mutated(changes.map(([path, value]) => ({ path, value, extraKey: null }))));
        },
      ),
      { numRuns: 300 },
    );
  });
});
