/**
 * Starting points for the Lab, each a complete doc (design, seed and faults) that the lessons'
 * ideas can be tried on. Names and descriptions are i18n keys (`lab.template.<id>.name/desc`).
 */
import { defaultDoc, defaultPool } from './defaults';
import type { LabDoc, LabFault } from './design';

export const LAB_TEMPLATE_IDS = [
  'one-l7',
  'l4-l7',
  'sticky-nat',
  'canary',
  'gray-failure',
  'panic',
  'rolling-deploy',
  'heterogeneous',
] as const;

export type LabTemplateId = (typeof LAB_TEMPLATE_IDS)[number];

export function isLabTemplateId(id: string): id is LabTemplateId {
  return (LAB_TEMPLATE_IDS as readonly string[]).includes(id);
}

/** The defaults with `change` applied: each template says only what differs. */
function doc(change: (d: LabDoc) => void): LabDoc {
  const d = defaultDoc();
  change(d);
  return d;
}

const TEMPLATES: Record<LabTemplateId, () => LabDoc> = {
  // One L7 balancer, four identical servers: the baseline every lesson starts from.
  'one-l7': () => defaultDoc(),

  // An L4 tier (Maglev, DSR) in front of three L7 proxies and six servers (the layered-tiers lesson).
  'l4-l7': () =>
    doc((d) => {
      d.design.clients = { ...d.design.clients, count: 2000, ratePerSecond: 2000 };
      d.design.l4 = { enabled: true, proxies: 3, forwarding: 'dsr', hashing: 'maglev' };
      d.design.pools = [defaultPool('web', 6)];
    }),

  // 60% of 10,000 users behind one NAT address: source-IP stickiness piles them on one server
  // (switch to cookie stickiness to compare); sessions live in server memory.
  'sticky-nat': () =>
    doc((d) => {
      d.design.clients = { ...d.design.clients, count: 10_000, ratePerSecond: 5000, natShare: 0.6 };
      d.design.l7.stickiness = 'source-ip';
      d.design.sessions = 'memory';
      d.design.pools = [{ ...defaultPool('web', 10), concurrency: 64, serviceMs: 5 }];
    }),

  // v1 serves /api and everything else; 10% of /api goes to v2, and beta users (cookie) always do.
  canary: () =>
    doc((d) => {
      d.design.clients = { ...d.design.clients, count: 1000, ratePerSecond: 800, cookieShare: 0.1 };
      d.design.paths = [
        { path: '/api/cart', weight: 6, responseKb: 4 },
        { path: '/static/app.js', weight: 2, responseKb: 120 },
        { path: '/', weight: 2, responseKb: 37.6 },
      ];
      d.design.pools = [defaultPool('v1', 3), defaultPool('v2', 3)];
      d.design.l7.defaultPool = 'v1';
      d.design.l7.rules = [
        { kind: 'cookie', name: 'beta', value: '1', pool: 'v2', canaryPool: null, canaryPercent: 0 },
        { kind: 'path', name: '', value: '/api/', pool: 'v1', canaryPool: 'v2', canaryPercent: 10 },
      ];
    }),

  // web-3 starts answering 5xx at 5 s while /health still passes: passive checks eject it.
  'gray-failure': () =>
    doc((d) => {
      d.design.clients = { ...d.design.clients, count: 500, ratePerSecond: 500 };
      d.design.pools = [defaultPool('web', 5)];
      d.design.l7.passiveHealth = { enabled: true, consecutiveErrors: 5, ejectionMs: 30_000 };
      d.faults = [{ atMs: 5000, kind: 'gray', target: 'web-3' }];
    }),

  // Three of five servers crash: below 50% healthy, Envoy-style panic spreads load over all five.
  panic: () =>
    doc((d) => {
      d.design.clients = { ...d.design.clients, count: 500, ratePerSecond: 600 };
      d.design.pools = [defaultPool('web', 5)];
      d.design.l7.panicThresholdPercent = 50;
      d.faults = [
        { atMs: 4000, kind: 'crash', target: 'web-1' },
        { atMs: 6000, kind: 'crash', target: 'web-2' },
        { atMs: 8000, kind: 'crash', target: 'web-3' },
      ];
    }),

  // Four servers replaced one by one, each new one joining as an old one drains for up to 10 s.
  'rolling-deploy': () =>
    doc((d) => {
      d.design.clients = { ...d.design.clients, count: 400, ratePerSecond: 400 };
      d.design.pools = [{ ...defaultPool('web', 4), concurrency: 32, serviceMs: 100 }];
      d.design.l7.drainMs = 10_000;
      d.faults = [1, 2, 3, 4].flatMap((n): LabFault[] => {
        const atMs = 2000 + (n - 1) * 12_000;
        return [
          { atMs, kind: 'add', target: 'web' },
          { atMs, kind: 'remove', target: `web-${n}` },
        ];
      });
    }),

  // Sixteen servers from 0.4× to 1.6× speed at 75% load: least outstanding requests keeps the slow
  // ones from queueing (round robin would give each the same share).
  heterogeneous: () =>
    doc((d) => {
      d.design.clients = { ...d.design.clients, count: 2000, ratePerSecond: 2400 };
      d.design.pools = [{ ...defaultPool('web', 16), concurrency: 4, heterogeneity: 0.6 }];
      d.design.l7.algorithm = 'least-outstanding';
    }),
};

/** A fresh copy, so the caller may edit it. */
export function labTemplate(id: LabTemplateId): LabDoc {
  return TEMPLATES[id]();
}
