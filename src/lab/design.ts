/**
 * A Lab design: what a student builds with the Lab's forms. It is plain JSON, so undo history,
 * saved designs, files and links all carry the same thing, and a run is fully described by
 * (design, seed, faults): `designToRunSpec` turns the three into the engine's scenario record.
 * The design speaks the form's language (a pool is a count and a speed spread, not a list of
 * servers); the engine's config is derived from it, never edited directly.
 */
import type { Algorithm, Forwarding, Mode, SessionStore, Stickiness, TlsMode } from '../engine';

export const LAB_VERSION = 1;

/** Connection reuse the clients offer. */
export type LabProtocol = 'http1' | 'http2' | 'websocket';
/** How the optional L4 tier picks an L7 proxy for a new flow. */
export type L4Hashing = '5-tuple' | 'ring-hash' | 'maglev';

export interface LabPathShare {
  /** A URL path such as `/api/cart` (starts with `/`). */
  path: string;
  /** Relative frequency among the paths. */
  weight: number;
  /** Response size in KB. */
  responseKb: number;
}

export type LabRuleKind = 'path' | 'header' | 'cookie';

/**
 * One L7 listener rule: first match wins; a canary sends `canaryPercent` of matches elsewhere. An
 * L4 balancer never reads a request, so in L4 mode the rules stay in the design but are not applied.
 */
export interface LabRule {
  kind: LabRuleKind;
  /** Header or cookie name ('' for a path rule). */
  name: string;
  /** Path prefix, or the header or cookie value to match. */
  value: string;
  pool: string;
  /** Another pool that takes `canaryPercent` of the matched requests (null: no split). */
  canaryPool: string | null;
  canaryPercent: number;
}

export interface LabPool {
  /** Pool id; its servers are `<id>-1`, `<id>-2`, … */
  id: string;
  count: number;
  /** Requests a server serves at once; the rest queue. */
  concurrency: number;
  /** Mean service time at speed 1 (ms). */
  serviceMs: number;
  /** Relative speed (2 = twice as fast). */
  speed: number;
  /** 0 = identical servers; h spreads speeds evenly over speed × (1 − h … 1 + h). */
  heterogeneity: number;
}

export interface LabDesign {
  clients: {
    count: number;
    ratePerSecond: number;
    /** Share of users behind one corporate NAT address (0–1). */
    natShare: number;
    /** The others share public addresses in groups of this size (1 = own address; > 1 = CGNAT). */
    usersPerIp: number;
    protocol: LabProtocol;
    /** HTTP/1.1 keep-alive: requests per connection. */
    requestsPerConnection: number;
    /** Share of users carrying the rule cookie (`beta=1`). */
    cookieShare: number;
  };
  /** The request mix by path (1–6 entries). */
  paths: LabPathShare[];
  /**
   * The optional L4 tier in front of the L7 proxies. It fronts proxies, so it takes part only when
   * the balancer works at L7; in L4 mode its settings stay in the design but are not applied.
   */
  l4: { enabled: boolean; proxies: number; forwarding: 'nat' | 'dsr'; hashing: L4Hashing };
  /**
   * The balancer. The section keeps the name `l7` (field paths, links and saved designs use it);
   * `mode` says which layer it works at: 'l7', a proxy that decides per request (so it can route
   * by rules and stick by cookie), or 'l4', which decides once per connection and never reads HTTP.
   * What each mode may use is `MODE_CHOICES` in `limits.ts`, the engine's own rules.
   */
  l7: {
    mode: Mode;
    /**
     * L4 mode's return path: 'nat' back through the balancer, 'dsr' straight from the server to
     * the client. Not applied at L7 (a proxy always sees the response).
     */
    forwarding: Forwarding;
    algorithm: Algorithm;
    /** 'passthrough' only in L4 mode. */
    tls: TlsMode;
    /** 'cookie' only in L7 mode. */
    stickiness: Stickiness;
    /** Applied only in L7 mode. */
    rules: LabRule[];
    /** Where unmatched requests go; in L4 mode the one pool the balancer sends connections to. */
    defaultPool: string;
    activeHealth: { enabled: boolean; intervalMs: number; healthyThreshold: number; unhealthyThreshold: number };
    passiveHealth: { enabled: boolean; consecutiveErrors: number; ejectionMs: number };
    /** Below this share of healthy servers a pool ignores health (Envoy's panic mode); 0 = off. */
    panicThresholdPercent: number;
    /** A new or recovered server's weight ramps up over this long (0 = off). */
    slowStartMs: number;
    /** Connection draining on removal (0 = cut at once). */
    drainMs: number;
  };
  /** 1–4 pools, up to 64 servers in all. */
  pools: LabPool[];
  sessions: SessionStore;
}

/**
 * `remove` drains as the balancer is set to (`l7.drainMs`); `remove-now` takes the server out at
 * once whatever that setting, so one run can compare a drained removal with an abrupt one.
 */
export type LabFaultKind = 'crash' | 'gray' | 'slow' | 'revive' | 'remove' | 'remove-now' | 'add';

/** A fault scheduled on the timeline: at `atMs` of simulated time, to a server (or a pool, for add). */
export interface LabFault {
  atMs: number;
  kind: LabFaultKind;
  /** A server id (`web-2`), or a pool id for `add`. */
  target: string;
}

/** Everything a run needs: a link, a file and a saved design each hold one. */
export interface LabDoc {
  v: typeof LAB_VERSION;
  seed: number;
  design: LabDesign;
  faults: LabFault[];
}
