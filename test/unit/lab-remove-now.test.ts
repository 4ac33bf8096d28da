import { describe, expect, it } from 'vitest';
import { defaultConfig, mergeConfig, startRun } from '../../src/engine';
import { defaultDoc } from '../../src/lab/defaults';
import { docToRunSpec, faultsToScript, serverIdsAt } from '../../src/lab/to-run';
import { validateDoc } from '../../src/lab/validate';

describe('a removal with or without draining, chosen per removal', () => {
  it('the engine drains one removal and cuts another in the same run', () => {
    const config = mergeConfig(defaultConfig(), {
      balancer: { drainMs: 10_000 },
      clients: { protocol: 'websocket' },
    });
    const run = startRun({
      config,
      seed: 3,
      durationMs: 8000,
      script: [
        { atMs: 2000, action: 'remove', backend: 'web-1' },
        { atMs: 2000, action: 'remove', backend: 'web-2', drainMs: 0 },
      ],
    });
    run.advanceTo(3000);
    const drains = run.sim.metrics().drains;
    const web1 = drains.find((d) => d.backend === 'web-1');
    const web2 = drains.find((d) => d.backend === 'web-2');
    // A WebSocket stays until the deadline: web-1 is still draining; web-2 left at 2 s.
    expect(web1?.leftMs ?? null).toBeNull();
    expect(web2?.leftMs).toBe(2000);
  });

  it('refuses a drain time out of range', () => {
    const run = startRun({ config: defaultConfig(), seed: 1, durationMs: 1000, script: [] });
    expect(() => run.sim.removeBackend('web-1', -5)).toThrow(/drainMs/);
  });

  it('the Lab writes remove-now as a removal with draining 0, and the server is gone after it', () => {
    const doc = defaultDoc();
    doc.design.l7.drainMs = 10_000;
    doc.faults = [
      { atMs: 1000, kind: 'remove', target: 'web-1' },
      { atMs: 1000, kind: 'remove-now', target: 'web-2' },
    ];
    expect(validateDoc(doc).size).toBe(0);
    expect(faultsToScript(doc.faults)).toEqual([
      { atMs: 1000, action: 'remove', backend: 'web-1' },
      { atMs: 1000, action: 'remove', backend: 'web-2', drainMs: 0 },
    ]);
    expect(serverIdsAt(doc, 2000)).toEqual(['web-3', 'web-4']);
    // A later fault on the removed server is refused, as for any removal.
    doc.faults.push({ atMs: 3000, kind: 'crash', target: 'web-2' });
    expect(validateDoc(doc).get('faults.2.target')?.code).toBe('unknownServer');
    const run = startRun(docToRunSpec({ ...doc, faults: doc.faults.slice(0, 2) }));
    run.advanceTo(1500);
    expect(run.events.every((e) => e.refused === undefined)).toBe(true);
  });
});
