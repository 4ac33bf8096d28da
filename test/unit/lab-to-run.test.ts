import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, defaultConfig, getScenario, SCENARIO_IDS, startRun } from '../../src/engine';
import { validateConfig } from '../../src/engine/validate';
import { defaultDesign, defaultDoc } from '../../src/lab/defaults';
import type { LabDesign, LabDoc } from '../../src/lab/design';
import { docFromWidget } from '../../src/lab/from-widget';
import { CHOICES, dsrConflict, MAX_RUN_MS, withMode } from '../../src/lab/limits';
import { LAB_TEMPLATE_IDS, labTemplate } from '../../src/lab/templates';
import { designToConfig, docToRunSpec, liveChange, serverIdsAt, spreadSpeed } from '../../src/lab/to-run';
import { sanitizeDoc } from '../../src/lab/sanitize';
import { validateDoc } from '../../src/lab/validate';

const errorsOf = (doc: LabDoc) => Object.fromEntries(validateDoc(doc));

describe('docToRunSpec', () => {
  it('turns the default design into the engine defaults, with the Lab window and duration', () => {
    const spec = docToRunSpec(defaultDoc());
    expect(spec.config).toEqual({ ...defaultConfig(), windowMs: 250 });
    expect(spec).toMatchObject({ seed: 42, durationMs: MAX_RUN_MS, script: [] });
  });

  it('maps pools, paths, rules, the L4 tier and health', () => {
    const doc = labTemplate('canary');
    doc.design.l4 = { enabled: true, proxies: 2, forwarding: 'nat', hashing: '5-tuple' };
    doc.design.l7.rules.push(
      { kind: 'header', name: 'user-agent', value: 'Mozilla/5.0', pool: 'v2', canaryPool: null, canaryPercent: 0 },
      { kind: 'header', name: 'Host', value: 'shop.example.com', pool: 'v1', canaryPool: null, canaryPercent: 0 },
    );
    doc.design.l7.activeHealth.enabled = false;
    doc.design.l7.passiveHealth.enabled = true;
    const { config } = docToRunSpec(doc);
    expect(config.pools.map((p) => [p.id, p.backends.map((b) => b.id)])).toEqual([
      ['v1', ['v1-1', 'v1-2', 'v1-3']],
      ['v2', ['v2-1', 'v2-2', 'v2-3']],
    ]);
    expect(config.requests.map((r) => [r.path, r.weight, r.responseBytes, r.requestBytes])).toEqual([
      ['/api/cart', 6, 4000, 800],
      ['/static/app.js', 2, 120_000, 800],
      ['/', 2, 37_600, 800],
    ]);
    expect(config.balancer.rules).toEqual([
      { id: 'rule-1', match: { cookie: { name: 'beta', value: '1' } }, forward: [{ pool: 'v2', weight: 1 }] },
      {
        id: 'rule-2',
        match: { pathPrefix: '/api/' },
        forward: [
          { pool: 'v1', weight: 90 },
          { pool: 'v2', weight: 10 },
        ],
      },
      // Header names are case-insensitive: the request's own spelling is matched.
      {
        id: 'rule-3',
        match: { header: { name: 'User-Agent', value: 'Mozilla/5.0' } },
        forward: [{ pool: 'v2', weight: 1 }],
      },
      { id: 'rule-4', match: { host: 'shop.example.com' }, forward: [{ pool: 'v1', weight: 1 }] },
    ]);
    expect(config.clients).toMatchObject({ cookieShare: 0.1, cookie: { name: 'beta', value: '1' } });
    expect(config.frontTier).toEqual({ proxies: 2, forwarding: 'nat', algorithm: 'flow-hash' });
    expect(config.health).toEqual({ active: null, passive: { consecutiveErrors: 5, ejectionMs: 30_000 } });
    expect(config.balancer).toMatchObject({ mode: 'l7', defaultPool: 'v1', forwarding: 'nat' });
  });

  it('runs an L4 balancer: its return path, no rules and no L4 tier in front', () => {
    const doc = labTemplate('canary');
    doc.design.l4.enabled = true;
    doc.design.l7 = { ...withMode(doc.design.l7, 'l4'), tls: 'passthrough', forwarding: 'dsr' };
    expect(errorsOf(doc)).toEqual({});
    const { config } = docToRunSpec(doc);
    expect(config.balancer).toMatchObject({ mode: 'l4', forwarding: 'dsr', tls: 'passthrough', rules: [] });
    expect(config.balancer.defaultPool).toBe('v1');
    expect(config.frontTier).toBeNull();
    // Back at L7 the rules and the tier apply again; the L4 return path does not (a proxy sees every response).
    const back = docToRunSpec({ ...doc, design: { ...doc.design, l7: withMode(doc.design.l7, 'l7') } }).config;
    expect(back.balancer).toMatchObject({ mode: 'l7', forwarding: 'nat', tls: 'terminate' });
    expect(back.balancer.rules).toHaveLength(2);
    expect(back.frontTier).not.toBeNull();
  });

  // The engine also accepts DSR with TLS terminated at an L4 balancer; the Lab refuses that one
  // more combination, which cannot work (the reply would bypass the balancer's TLS session).
  it('refuses exactly the balancer settings the engine refuses, and DSR with TLS held at the balancer', () => {
    for (const mode of CHOICES['l7.mode'])
      for (const tls of CHOICES['l7.tls'])
        for (const stickiness of CHOICES['l7.stickiness'])
          for (const forwarding of CHOICES['l7.forwarding'])
            for (const tier of [false, true]) {
              const doc = labTemplate('canary');
              doc.design.l4.enabled = tier;
              doc.design.l7 = { ...doc.design.l7, mode, tls, stickiness, forwarding };
              const labOk = validateDoc(doc).size === 0;
              let engineOk = true;
              try {
                validateConfig(designToConfig(doc.design));
              } catch {
                engineOk = false;
              }
              const dsrTls = dsrConflict({ mode, tls, forwarding });
              expect(labOk, JSON.stringify({ mode, tls, stickiness, forwarding, tier })).toBe(engineOk && !dsrTls);
            }
  });

  it.each(['none', 'terminate', 'passthrough', 'reencrypt'] as const)('runs an L4 balancer with TLS %s', (tls) => {
    const doc = defaultDoc();
    const forwarding = tls === 'none' || tls === 'passthrough' ? 'dsr' : 'nat';
    doc.design.l7 = { ...doc.design.l7, mode: 'l4', tls, forwarding, stickiness: 'source-ip' };
    expect(errorsOf(doc)).toEqual({});
    const run = startRun(docToRunSpec(doc));
    run.advanceTo(2000);
    const m = run.sim.metrics();
    expect(m.requests.completed).toBeGreaterThan(0);
    expect(m.requests.failed).toBe(0);
  });

  it('spreads speeds evenly around the pool speed', () => {
    expect([0, 1, 2, 3, 4].map((i) => spreadSpeed(2, 0.5, i, 5))).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(spreadSpeed(2, 0.5, 0, 1)).toBe(2);
    const design = defaultDesign();
    design.pools = [{ id: 'web', count: 16, concurrency: 4, serviceMs: 20, speed: 1, heterogeneity: 0.6 }];
    const speeds = designToConfig(design).pools[0]!.backends.map((b) => b.speed);
    expect(speeds[0]).toBeCloseTo(0.4);
    expect(speeds[15]).toBeCloseTo(1.6);
    expect(speeds.reduce((a, b) => a + b, 0) / 16).toBeCloseTo(1);
  });

  it('turns faults into script steps in time order', () => {
    const doc = defaultDoc();
    doc.faults = [
      { atMs: 5000, kind: 'remove', target: 'web-1' },
      { atMs: 1000, kind: 'add', target: 'web' },
      { atMs: 1000, kind: 'slow', target: 'web-5' },
      { atMs: 3000, kind: 'gray', target: 'web-2' },
    ];
    expect(docToRunSpec(doc).script).toEqual([
      { atMs: 1000, action: 'add', pool: 'web' },
      { atMs: 1000, action: 'slow', backend: 'web-5' },
      { atMs: 3000, action: 'gray', backend: 'web-2' },
      { atMs: 5000, action: 'remove', backend: 'web-1' },
    ]);
    const run = startRun(docToRunSpec(doc));
    run.advanceTo(6000);
    expect(run.events.filter((e) => e.refused)).toEqual([]);
    expect(run.sim.backendIds()).toEqual(['web-2', 'web-3', 'web-4', 'web-5']);
  });
});

describe('templates', () => {
  it.each(LAB_TEMPLATE_IDS)('%s is valid and runs', (id) => {
    const doc = labTemplate(id);
    expect(errorsOf(doc)).toEqual({});
    const run = startRun(docToRunSpec(doc));
    run.advanceTo(10_000);
    expect(run.events.filter((e) => e.refused)).toEqual([]);
    expect(run.sim.metrics().requests.completed).toBeGreaterThan(0);
  });

  it('returns a fresh copy each time', () => {
    const a = labTemplate('panic');
    a.faults.length = 0;
    expect(labTemplate('panic').faults).toHaveLength(3);
  });
});

describe('every valid doc runs', () => {
  /** Field paths of every template, where a random value may land. */
  const paths = [
    ...new Map(
      LAB_TEMPLATE_IDS.flatMap((id) => {
        const out: string[][] = [];
        const walk = (v: unknown, p: string[]) => {
          if (p.length > 0) out.push(p);
          if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
        };
        walk(labTemplate(id), []);
        return out;
      }).map((p) => [p.join('.'), p]),
    ).values(),
  ];
  const value = fc.oneof(
    fc.anything(),
    fc.double({ min: -1, max: 1e6, noNaN: true }),
    fc.constantFrom('web', 'web-5', 'v2', 'v2-3', '/api/', 'beta', 'add', 'remove', 'slow', 'cookie', 'header'),
    fc.constantFrom('l4', 'l7', 'dsr', 'nat', 'passthrough', 'reencrypt', 'none', 'source-ip', true),
  );

  it('the engine accepts any sanitised design and refuses none of its faults', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAB_TEMPLATE_IDS),
        fc.array(fc.record({ path: fc.constantFrom(...paths), value }), { maxLength: 8 }),
        (id, changes) => {
          const input = JSON.parse(JSON.stringify(labTemplate(id)));
          for (const { path, value: v } of changes) {
            let at = input;
            for (const key of path.slice(0, -1)) at = typeof at === 'object' && at !== null ? at[key] : undefined;
            if (typeof at === 'object' && at !== null) at[path[path.length - 1]!] = v;
          }
          const { doc } = sanitizeDoc(input);
          // A trickle of traffic, so running up to the last fault stays quick.
          doc.design.clients.ratePerSecond = 5;
          const run = startRun(docToRunSpec(doc));
          run.advanceTo(Math.max(300, ...doc.faults.map((f) => f.atMs + 1)));
          expect(run.events.filter((e) => e.refused)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('liveChange', () => {
  const edit = (change: (d: LabDesign) => void): [LabDesign, LabDesign] => {
    const prev = labTemplate('canary').design;
    const next = structuredClone(prev);
    change(next);
    return [prev, next];
  };

  it('is the same for equal designs, and for settings of an L4 tier that is off', () => {
    expect(liveChange(...edit(() => {}))).toEqual({ kind: 'same' });
    expect(liveChange(...edit((d) => (d.l4.proxies = 7)))).toEqual({ kind: 'same' });
    // An L4 return path is not applied at L7.
    expect(liveChange(...edit((d) => (d.l7.forwarding = 'dsr')))).toEqual({ kind: 'same' });
  });

  it('restarts on any pool change', () => {
    expect(liveChange(...edit((d) => (d.pools[0]!.count = 4)))).toEqual({ kind: 'restart' });
    expect(liveChange(...edit((d) => (d.pools[1]!.heterogeneity = 0.3)))).toEqual({ kind: 'restart' });
    expect(liveChange(...edit((d) => d.pools.pop()))).toEqual({ kind: 'restart' });
  });

  it.each<[string, (d: LabDesign) => void, string[]]>([
    ['rate', (d) => (d.clients.ratePerSecond = 900), ['clients']],
    ['paths', (d) => (d.paths[0]!.responseKb = 100), ['requests']],
    ['algorithm', (d) => (d.l7.algorithm = 'p2c'), ['balancer']],
    ['canary', (d) => (d.l7.rules[1]!.canaryPercent = 50), ['balancer']],
    ['passive checks', (d) => (d.l7.passiveHealth.enabled = true), ['health']],
    ['active checks off', (d) => (d.l7.activeHealth.enabled = false), ['health']],
    ['sessions', (d) => (d.sessions = 'shared'), ['sessions']],
    ['L4 tier on', (d) => (d.l4.enabled = true), ['frontTier']],
    ['to L4', (d) => (d.l7 = withMode(d.l7, 'l4')), ['balancer']],
    [
      'to L4 with DSR and passthrough',
      (d) => (d.l7 = { ...withMode(d.l7, 'l4'), forwarding: 'dsr', tls: 'passthrough' }),
      ['balancer'],
    ],
    ['to L4 behind an L4 tier', (d) => ((d.l4.enabled = true), (d.l7 = withMode(d.l7, 'l4'))), ['balancer']],
    ['cookie stickiness to L4', (d) => ((d.l7.stickiness = 'cookie'), (d.l7 = withMode(d.l7, 'l4'))), ['balancer']],
    [
      'panic and cookies',
      (d) => ((d.l7.panicThresholdPercent = 50), (d.clients.cookieShare = 0.5)),
      ['balancer', 'clients'],
    ],
  ])('updates live: %s', (_name, change, sections) => {
    const [prev, next] = edit(change);
    const result = liveChange(prev, next);
    if (result.kind !== 'update') throw new Error(`expected an update, got ${result.kind}`);
    expect(Object.keys(result.patch).sort()).toEqual([...sections].sort());
    // The engine takes the patch, and ends up where a fresh run of the new design starts.
    const sim = createSimulation(designToConfig(prev), { seed: 1 });
    sim.advanceTo(500);
    sim.update(result.patch);
    sim.advanceTo(1000);
    const { pools: _a, ...now } = sim.config;
    const { pools: _b, ...fresh } = designToConfig(next);
    expect(now).toEqual(fresh);
  });

  it('switches a running simulation to L4 and back, its L4 tier leaving and returning', () => {
    const l7 = labTemplate('l4-l7').design;
    const l4 = { ...l7, l7: { ...withMode(l7.l7, 'l4'), forwarding: 'dsr' as const, tls: 'passthrough' as const } };
    const sim = createSimulation(designToConfig(l7), { seed: 1 });
    sim.advanceTo(1000);
    let completed = sim.metrics().requests.completed;
    for (const [from, to, mode] of [
      [l7, l4, 'l4'],
      [l4, l7, 'l7'],
    ] as const) {
      const change = liveChange(from, to);
      if (change.kind !== 'update') throw new Error(`expected an update, got ${change.kind}`);
      expect(Object.keys(change.patch).sort()).toEqual(['balancer', 'frontTier']);
      sim.update(change.patch);
      sim.advanceBy(1000);
      const { pools: _a, ...now } = sim.config;
      const { pools: _b, ...fresh } = designToConfig(to);
      expect(now).toEqual(fresh);
      expect(sim.config.balancer.mode).toBe(mode);
      expect(sim.metrics().frontTier ? 'l7' : 'l4').toBe(mode);
      const after = sim.metrics().requests.completed;
      expect(after).toBeGreaterThan(completed);
      completed = after;
    }
  });

  it('turns the L4 tier off and on again live', () => {
    const on = labTemplate('l4-l7').design;
    const off = { ...on, l4: { ...on.l4, enabled: false } };
    expect(liveChange(on, off)).toEqual({ kind: 'update', patch: { frontTier: null } });
    const sim = createSimulation(designToConfig(on), { seed: 1 });
    sim.advanceTo(500);
    sim.update({ frontTier: null });
    sim.advanceTo(1000);
    const back = liveChange(off, { ...on, l4: { ...on.l4, proxies: 5 } });
    if (back.kind !== 'update') throw new Error('expected an update');
    sim.update(back.patch);
    sim.advanceTo(2000);
    expect(sim.metrics().frontTier?.proxies).toHaveLength(5);
  });
});

describe('serverIdsAt', () => {
  const doc = defaultDoc();
  doc.faults = [
    { atMs: 1000, kind: 'add', target: 'web' },
    { atMs: 2000, kind: 'remove', target: 'web-1' },
    { atMs: 2000, kind: 'crash', target: 'web-5' },
    { atMs: 3000, kind: 'add', target: 'web' },
  ];

  it('lists the servers present before a time', () => {
    expect(serverIdsAt(doc, 0)).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
    expect(serverIdsAt(doc, 1500)).toEqual(['web-1', 'web-2', 'web-3', 'web-4', 'web-5']);
    expect(serverIdsAt(doc, 2000)).toContain('web-1');
    expect(serverIdsAt(doc, 2500)).toEqual(['web-2', 'web-3', 'web-4', 'web-5']);
    expect(serverIdsAt(doc, 4000)).toEqual(['web-2', 'web-3', 'web-4', 'web-5', 'web-6']);
  });

  it('or those present at a given fault’s turn', () => {
    expect(serverIdsAt(doc, 2000, 1)).toContain('web-1');
    expect(serverIdsAt(doc, 2000, 2)).not.toContain('web-1');
  });
});

describe('docFromWidget', () => {
  it('knows only the scenarios', () => {
    expect(docFromWidget('no-such-scenario', null)).toBeNull();
    expect(docFromWidget('__proto__', null)).toBeNull();
  });

  it.each(SCENARIO_IDS)('%s gives a valid doc that runs', (id) => {
    const result = docFromWidget(id, null)!;
    expect(errorsOf(result.doc)).toEqual({});
    const run = startRun(docToRunSpec(result.doc));
    run.advanceTo(1000);
    expect(run.events.filter((e) => e.refused)).toEqual([]);
  });

  it('starts a gray server as a fault at 0', () => {
    const { doc, notCarried } = docFromWidget('health-passive-ejection', null)!;
    expect(doc.faults).toEqual([{ atMs: 0, kind: 'gray', target: 'web-3' }]);
    expect(doc.design.l7.passiveHealth).toEqual({ enabled: true, consecutiveErrors: 5, ejectionMs: 30_000 });
    expect(doc.design.pools).toEqual([
      { id: 'web', count: 5, concurrency: 8, serviceMs: 20, speed: 1, heterogeneity: 0 },
    ]);
    expect(notCarried).toEqual([]);
  });

  it('carries the seed, the knobs and the student’s own actions', () => {
    const { doc } = docFromWidget(
      'crash-memory-sessions',
      'seed:7,sessions:shared,affinity:none,up:web-2@8.0,x:web-2@5.0',
    )!;
    expect(doc.seed).toBe(7);
    expect(doc.design.sessions).toBe('shared');
    expect(doc.design.l7.stickiness).toBe('none');
    expect(doc.design.clients).toMatchObject({ count: 1000, ratePerSecond: 1000 });
    expect(doc.faults).toEqual([
      { atMs: 5000, kind: 'crash', target: 'web-2' },
      { atMs: 8000, kind: 'revive', target: 'web-2' },
    ]);
  });

  it('carries a canary split, path rules and four pools', () => {
    const { doc, notCarried } = docFromWidget('content-routing-canary', 'canary:25,rate:1500')!;
    expect(doc.design.clients.ratePerSecond).toBe(1500);
    expect(doc.design.pools.map((p) => p.id)).toEqual(['v1', 'v2', 'canary', 'static']);
    expect(doc.design.l7.rules).toEqual([
      { kind: 'path', name: '', value: '/static/', pool: 'static', canaryPool: null, canaryPercent: 0 },
      { kind: 'path', name: '', value: '/api/v2/', pool: 'v2', canaryPool: 'canary', canaryPercent: 25 },
    ]);
    expect(doc.design.paths.map((p) => [p.path, p.weight, p.responseKb])).toEqual([
      ['/api/v2/cart', 6, 37.6],
      ['/api/v1/cart', 2, 37.6],
      ['/static/app.js', 2, 120],
    ]);
    expect(notCarried).toEqual(['cacheable']);
  });

  it('renames servers the scenario named itself and keeps its script as faults', () => {
    const { doc, notCarried } = docFromWidget('rolling-deploy', 'drain:10,protocol:websocket')!;
    expect(doc.design.l7.drainMs).toBe(10_000);
    expect(doc.design.clients.protocol).toBe('websocket');
    expect(doc.faults.slice(0, 4)).toEqual([
      { atMs: 2000, kind: 'add', target: 'web' },
      { atMs: 2000, kind: 'remove', target: 'web-1' },
      { atMs: 5000, kind: 'add', target: 'web' },
      { atMs: 5000, kind: 'remove', target: 'web-2' },
    ]);
    expect(notCarried).toEqual(['serverIds']);
    const renamed = docFromWidget('rolling-deploy', 'x:v2-1@3.0')!.doc.faults;
    expect(renamed).toContainEqual({ atMs: 3000, kind: 'crash', target: 'web-5' });
  });

  it.each<[string, string | null, string[]]>([
    ['ecmp-rehash', null, ['ecmp', 'scriptUpdate']],
    ['quic-migration', null, ['migration', 'quic']],
    ['reverse-proxy', null, ['cache', 'cacheable', 'spoofedXff']],
    ['algorithm-race', null, ['distribution', 'network']],
    ['herding-stale-stats', null, ['network', 'statsRefresh']],
    ['nat-vs-dsr', 'forwarding:nat', []],
    ['http2-pinning', null, []],
    ['hash-churn', null, []],
    ['what-the-lb-sees', 'mode:l7', []],
    ['layered-tiers', null, []],
  ])('lists what the Lab cannot carry: %s', (id, state, codes) => {
    const result = docFromWidget(id, state)!;
    expect(result.notCarried).toEqual(codes);
    expect(errorsOf(result.doc)).toEqual({});
  });

  it.each(['nat-vs-dsr', 'http2-pinning', 'hash-churn', 'hash-churn-replay', 'quic-migration'] as const)(
    '%s carries its L4 balancer over',
    (id) => {
      const { doc } = docFromWidget(id, null)!;
      const scenario = getScenario(id).config.balancer;
      expect(scenario.mode).toBe('l4');
      expect(doc.design.l7).toMatchObject({ mode: 'l4', tls: scenario.tls, forwarding: scenario.forwarding });
      expect(designToConfig(doc.design).balancer).toMatchObject({
        mode: 'l4',
        tls: scenario.tls,
        forwarding: scenario.forwarding,
        algorithm: scenario.algorithm,
      });
    },
  );

  it('carries the widgets’ mode and return path knobs', () => {
    expect(docFromWidget('nat-vs-dsr', null)!.doc.design.l7).toMatchObject({ mode: 'l4', forwarding: 'dsr' });
    expect(docFromWidget('nat-vs-dsr', 'forwarding:nat')!.doc.design.l7).toMatchObject({
      mode: 'l4',
      forwarding: 'nat',
    });
    expect(docFromWidget('what-the-lb-sees', 'mode:l4')!.doc.design.l7).toMatchObject({
      mode: 'l4',
      tls: 'passthrough',
    });
    const pinning = docFromWidget('http2-pinning', 'mode:l7')!;
    expect(pinning.doc.design.l7).toMatchObject({ mode: 'l7', tls: 'terminate', forwarding: 'nat' });
    expect(pinning.notCarried).toEqual([]);
  });

  it('reads an L4 tier back as the form has it', () => {
    const { doc } = docFromWidget('layered-tiers', 'rate:3000')!;
    expect(doc.design.l4).toEqual({ enabled: true, proxies: 3, forwarding: 'dsr', hashing: 'maglev' });
    expect(doc.design.clients.ratePerSecond).toBe(3000);
    expect(doc.design.pools[0]!.count).toBe(6);
  });
});
