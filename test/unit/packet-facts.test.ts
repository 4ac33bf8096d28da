import { describe, expect, it } from 'vitest';
import {
  answeredRequest,
  configWith,
  createSimulation,
  DEFAULT_REQUEST,
  ECH_PUBLIC_NAME,
  FIELD_GROUPS,
  HTTP_FIELDS,
  L4_FIELDS,
  pool,
  viewAtL4,
  viewAtL7,
  wireOf,
  type Field,
  type FieldName,
  type Hop,
  type PacketView,
  type SimConfig,
} from '../../src/engine';

type Mode = SimConfig['balancer']['mode'];
type Tls = SimConfig['balancer']['tls'];
type Forwarding = SimConfig['balancer']['forwarding'];

const VIP = '192.0.2.10';
const BALANCER_IP = '10.0.0.2';
const REQUEST_FIELDS = FIELD_GROUPS.request;
const RESPONSE_FIELDS = FIELD_GROUPS.response;
const TLS_FIELDS = FIELD_GROUPS.tls;
const TRANSPORT_FIELDS = FIELD_GROUPS.transport;
/** Values only a request carries: none may ever be readable in any other packet. */
const REQUEST_VALUES = [DEFAULT_REQUEST.path, DEFAULT_REQUEST.method, 'session=', 'Mozilla'];

/** Where a hop runs, named the way the table does. */
type Leg = 'client-lb' | 'lb-backend' | 'backend-lb' | 'lb-client' | 'dsr' | 'health';
function legOf(hop: Hop): Leg {
  if (hop.kind === 'health') return 'health';
  if (hop.to === 'lb') return hop.from === 'clients' || hop.from === 'nat' ? 'client-lb' : 'backend-lb';
  if (hop.from === 'lb') return hop.to === 'clients' || hop.to === 'nat' ? 'lb-client' : 'lb-backend';
  return 'dsr';
}

interface Design {
  mode: Mode;
  tls: Tls;
  forwarding: Forwarding;
  ech: boolean;
}

/** Every valid design: L7 neither passes TLS through nor uses DSR; ECH needs TLS. */
const DESIGNS: Design[] = (['l4', 'l7'] as const).flatMap((mode) =>
  (['none', 'terminate', 'passthrough', 'reencrypt'] as const).flatMap((tls) =>
    (['nat', 'dsr'] as const).flatMap((forwarding) =>
      [false, true].flatMap((ech) => {
        if (mode === 'l7' && (tls === 'passthrough' || forwarding === 'dsr')) return [];
        if (ech && tls === 'none') return [];
        return [{ mode, tls, forwarding, ech }];
      }),
    ),
  ),
);

const traces = new Map<string, Hop[]>();
/** A small run of a design with tracing on: handshakes, requests, responses and health checks. */
function hopsOf(d: Design, patch: Parameters<typeof configWith>[0] = {}): Hop[] {
  const key = JSON.stringify([d, patch]);
  const cached = traces.get(key);
  if (cached) return cached;
  const config = configWith({
    traceCapacity: 500,
    clients: { count: 8, ratePerSecond: 40, ech: d.ech, requestsPerConnection: 3, cookieShare: 0.5 },
    balancer: { mode: d.mode, tls: d.tls, forwarding: d.forwarding },
    pools: [pool('web', 3)],
    ...patch,
  });
  const sim = createSimulation(config, { seed: 11 });
  sim.advanceTo(2500);
  const hops = sim.traceSince(0);
  traces.set(key, hops);
  return hops;
}

const name = (d: Design) => `${d.mode} ${d.tls} ${d.forwarding}${d.ech ? ' ECH' : ''}`;
const readableValue = (f: Field) => (f.readable ? f.value : null);
const reasonOf = (f: Field) => (f.readable ? 'readable' : f.reason);
const notesOf = (f: Field) => (f.readable ? (f.notes ?? []) : []);
const both = (hop: Hop): [string, PacketView][] => [
  ['L4', hop.l4],
  ['L7', hop.l7],
];

function expectReason(view: PacketView, fields: readonly FieldName[], reason: string, label: string) {
  for (const f of fields) expect(reasonOf(view[f]), `${label}: ${f}`).toBe(reason);
}

function expectReadable(view: PacketView, fields: readonly FieldName[], label: string, notes: string[] = []) {
  for (const f of fields) {
    expect(view[f].readable, `${label}: ${f}`).toBe(true);
    expect(notesOf(view[f]), `${label}: ${f} notes`).toEqual(notes);
  }
}

/** What the client's own request looked like, by request id (to compare the balancer's copy). */
const clientRequestOf = (hops: Hop[], hop: Hop) =>
  hops.find((h) => h.kind === 'request' && h.requestId === hop.requestId && legOf(h) === 'client-lb');

describe.each(DESIGNS.map((d) => [name(d), d] as const))('packet facts: %s', (label, d) => {
  const hops = hopsOf(d);
  const of = (kind: Hop['kind'], leg: Leg) => hops.filter((h) => h.kind === kind && legOf(h) === leg);
  const tlsOn = d.tls !== 'none';
  const dsr = d.mode === 'l4' && d.forwarding === 'dsr';

  it('traces every packet kind on every hop this design has', () => {
    expect(of('syn', 'client-lb').length, 'TCP handshakes').toBeGreaterThan(0);
    expect(of('tls', 'client-lb').length, 'ClientHellos').toBe(tlsOn ? of('syn', 'client-lb').length : 0);
    expect(of('request', 'client-lb').length, 'requests in').toBeGreaterThan(3);
    expect(of('request', 'lb-backend').length, 'requests out').toBe(of('request', 'client-lb').length);
    expect(of('response', 'backend-lb').length > 0, 'responses to the balancer').toBe(!dsr);
    expect(of('response', 'lb-client').length > 0, 'responses to the client').toBe(!dsr);
    expect(of('response', 'dsr').length > 0, 'DSR replies').toBe(dsr);
    expect(of('health', 'health').length, 'health checks').toBeGreaterThan(0);
    // Nothing else: every hop is one of the table's rows.
    const known = ['syn', 'tls', 'request', 'response', 'health'];
    for (const hop of hops) expect(known).toContain(hop.kind);
  });

  it('the views are the exported functions of the facts, and the lock matches the facts', () => {
    for (const hop of hops) {
      expect(hop.l4).toEqual(viewAtL4(hop.facts));
      expect(hop.l7).toEqual(viewAtL7(hop.facts));
      expect(hop.encrypted).toBe(hop.facts.encrypted);
      expect(Object.keys(hop.l4).sort()).toEqual([...L4_FIELDS, ...HTTP_FIELDS].sort());
    }
  });

  it('no handshake, ClientHello, response or DSR reply shows a readable method, path, cookie or request header', () => {
    for (const hop of hops.filter((h) => h.kind !== 'request' && h.kind !== 'health')) {
      for (const [layer, view] of both(hop)) {
        for (const f of REQUEST_FIELDS) expect(view[f].readable, `${hop.kind} ${legOf(hop)} ${layer} ${f}`).toBe(false);
        for (const f of [...L4_FIELDS, ...HTTP_FIELDS]) {
          const value = readableValue(view[f]) ?? '';
          for (const text of REQUEST_VALUES)
            expect(value, `${hop.kind} ${legOf(hop)} ${layer} ${f}`).not.toContain(text);
        }
      }
    }
  });

  it('TCP handshake: addresses, ports, protocol and flags; TLS and HTTP are not in the packet', () => {
    for (const hop of of('syn', 'client-lb')) {
      expect(hop.encrypted).toBe(false);
      expect(wireOf(hop.facts)).toBe('no-payload');
      for (const [layer, view] of both(hop)) {
        expectReadable(view, TRANSPORT_FIELDS, `SYN ${layer}`);
        expect(readableValue(view.flags)).toBe('SYN, SYN-ACK, ACK');
        expect(readableValue(view.dstIp)).toBe(VIP);
        expect(readableValue(view.dstPort)).toBe(tlsOn ? '443' : '80');
        expectReason(view, [...TLS_FIELDS, ...HTTP_FIELDS], 'absent', `SYN ${layer}`);
      }
    }
  });

  it('ClientHello: SNI and ALPN readable at L4 and L7 (with ECH only the outer public name); no HTTP', () => {
    for (const hop of of('tls', 'client-lb')) {
      expect(hop.encrypted).toBe(false);
      expect(wireOf(hop.facts)).toBe('clear-handshake');
      for (const [layer, view] of both(hop)) {
        const at = `ClientHello ${layer}`;
        expectReadable(view, TRANSPORT_FIELDS, at);
        if (d.ech) {
          expectReason(view, ['sni', 'alpn'], 'encrypted', at);
          expect(view.publicName).toEqual({ readable: true, value: ECH_PUBLIC_NAME });
        } else {
          expect(view.sni).toEqual({ readable: true, value: DEFAULT_REQUEST.host });
          expect(view.alpn).toEqual({ readable: true, value: 'http/1.1' });
          expectReason(view, ['publicName'], 'absent', at);
        }
        expectReason(view, HTTP_FIELDS, 'absent', at);
      }
    }
  });

  it('request, client → balancer: HTTP by the TLS mode; SNI only as known from the ClientHello', () => {
    for (const hop of of('request', 'client-lb')) {
      const at = `request in`;
      expect(hop.encrypted).toBe(tlsOn);
      expect(readableValue(hop.l4.dstIp)).toBe(VIP);
      for (const [, view] of both(hop)) expectReason(view, RESPONSE_FIELDS, 'absent', at);
      switch (d.tls) {
        case 'none':
          expect(wireOf(hop.facts)).toBe('plaintext');
          expectReason(hop.l4, REQUEST_FIELDS, 'not-parsed', `${at} L4`);
          expectReadable(hop.l7, REQUEST_FIELDS, `${at} L7`);
          for (const [, view] of both(hop)) expectReason(view, TLS_FIELDS, 'no-tls', at);
          break;
        case 'terminate':
        case 'reencrypt':
          expect(wireOf(hop.facts)).toBe('tls-balancer-key');
          expectReason(hop.l4, REQUEST_FIELDS, 'encrypted', `${at} L4`);
          expectReadable(hop.l7, REQUEST_FIELDS, `${at} L7`, ['balancer-key']);
          break;
        case 'passthrough':
          expect(wireOf(hop.facts)).toBe('tls-backend-key');
          expectReason(hop.l4, REQUEST_FIELDS, 'encrypted', `${at} L4`);
          // The reason names the key's holder: no balancer can decrypt this.
          expectReason(hop.l7, REQUEST_FIELDS, 'key-elsewhere', `${at} L7`);
          break;
      }
      if (tlsOn) {
        for (const [layer, view] of both(hop)) {
          if (d.ech) {
            expectReason(view, ['sni', 'alpn'], 'encrypted', `${at} ${layer}`);
            expect(view.publicName).toEqual({ readable: true, value: ECH_PUBLIC_NAME, notes: ['client-hello'] });
          } else {
            expect(view.sni).toEqual({ readable: true, value: DEFAULT_REQUEST.host, notes: ['client-hello'] });
            expect(view.alpn).toEqual({ readable: true, value: 'http/1.1', notes: ['client-hello'] });
          }
        }
      }
      if (hop.l7.path.readable) {
        expect(hop.l7.path.value).toBe(DEFAULT_REQUEST.path);
        expect(readableValue(hop.l7.method)).toBe(DEFAULT_REQUEST.method);
        expect(readableValue(hop.l7.host)).toBe(DEFAULT_REQUEST.host);
        expect(readableValue(hop.l7.cookies)).toMatch(/session=u\d+/);
        // The client sends no X-Forwarded-For of its own here.
        expect(readableValue(hop.l7.headers)).not.toMatch(/X-Forwarded-For/);
      }
    }
  });

  it('request, balancer → backend: its own connection at L7, the client’s addresses at L4, TLS by mode', () => {
    for (const hop of of('request', 'lb-backend')) {
      const client = clientRequestOf(hops, hop)!;
      expect(client).toBeDefined();
      const clientIp = readableValue(client.l4.srcIp)!;
      const at = 'request out';
      if (d.mode === 'l7') {
        expect(readableValue(hop.l4.srcIp)).toBe(BALANCER_IP);
        expect(hop.facts.headers).toMatch(new RegExp(`^X-Forwarded-For: ${clientIp.replace(/\./g, '\\.')}$`, 'm'));
      } else {
        expect(readableValue(hop.l4.srcIp)).toBe(clientIp);
        expect(readableValue(hop.l4.srcPort)).toBe(readableValue(client.l4.srcPort));
        expect(readableValue(hop.l4.dstIp)).toEqual(dsr ? VIP : expect.stringMatching(/^10\.0\.1\.\d+$/));
        expect(hop.facts.headers).not.toMatch(/X-Forwarded-For/);
      }
      for (const [, view] of both(hop)) expectReason(view, RESPONSE_FIELDS, 'absent', at);
      switch (d.tls) {
        case 'none':
        case 'terminate':
          // Plaintext on the wire, and the inspector says so.
          expect(hop.encrypted).toBe(false);
          expect(wireOf(hop.facts)).toBe('plaintext');
          expectReason(hop.l4, REQUEST_FIELDS, 'not-parsed', `${at} L4`);
          expectReadable(hop.l7, REQUEST_FIELDS, `${at} L7`);
          for (const [, view] of both(hop)) expectReason(view, TLS_FIELDS, 'no-tls', at);
          break;
        case 'reencrypt':
          expect(hop.encrypted).toBe(true);
          expect(wireOf(hop.facts)).toBe('tls-balancer-key');
          expectReason(hop.l4, REQUEST_FIELDS, 'encrypted', `${at} L4`);
          expectReadable(hop.l7, REQUEST_FIELDS, `${at} L7`, ['before-reencrypt']);
          // The balancer's own ClientHello to the backend: no ECH on it.
          expect(readableValue(hop.l4.sni)).toBe(DEFAULT_REQUEST.host);
          break;
        case 'passthrough':
          expect(hop.encrypted).toBe(true);
          expect(wireOf(hop.facts)).toBe('tls-backend-key');
          expectReason(hop.l4, REQUEST_FIELDS, 'encrypted', `${at} L4`);
          expectReason(hop.l7, REQUEST_FIELDS, 'key-elsewhere', `${at} L7`);
          // The client's own TLS, ECH included, passes through.
          expect(hop.l4.sni.readable).toBe(!d.ech);
          break;
      }
    }
  });

  it('responses: status, headers and size by the same TLS rules; the request only as context', () => {
    for (const hop of [...of('response', 'backend-lb'), ...of('response', 'lb-client')]) {
      const leg = legOf(hop);
      const at = `response ${leg}`;
      expect(answeredRequest(hop.facts)).toBe(`${DEFAULT_REQUEST.method} ${DEFAULT_REQUEST.path}`);
      for (const [, view] of both(hop)) expectReason(view, REQUEST_FIELDS, 'absent', at);
      if (leg === 'lb-client') {
        expect(readableValue(hop.l4.srcIp)).toBe(VIP);
        expect(readableValue(hop.l4.srcPort)).toBe(tlsOn ? '443' : '80');
      }
      const hopTls = leg === 'lb-client' ? d.tls : d.tls === 'terminate' ? 'none' : d.tls;
      switch (hopTls) {
        case 'none':
          expect(hop.encrypted).toBe(false);
          expectReason(hop.l4, RESPONSE_FIELDS, 'not-parsed', `${at} L4`);
          expectReadable(hop.l7, RESPONSE_FIELDS, `${at} L7`);
          break;
        case 'terminate':
        case 'reencrypt':
          expect(hop.encrypted).toBe(true);
          expectReason(hop.l4, RESPONSE_FIELDS, 'encrypted', `${at} L4`);
          expectReadable(hop.l7, RESPONSE_FIELDS, `${at} L7`, ['balancer-key']);
          break;
        case 'passthrough':
          expect(hop.encrypted).toBe(true);
          expectReason(hop.l4, RESPONSE_FIELDS, 'encrypted', `${at} L4`);
          expectReason(hop.l7, RESPONSE_FIELDS, 'key-elsewhere', `${at} L7`);
          break;
      }
      if (hop.l7.status.readable) {
        expect(hop.l7.status.value).toBe('200 OK');
        expect(readableValue(hop.l7.size)).toBe(String(DEFAULT_REQUEST.responseBytes));
        expect(readableValue(hop.l7.responseHeaders)).toMatch(/^Content-Type: /m);
      }
      // SNI and ALPN are never in a response: at most known from the connection's ClientHello.
      for (const [, view] of both(hop))
        for (const f of TLS_FIELDS) if (view[f].readable) expect(notesOf(view[f])).toEqual(['client-hello']);
    }
  });

  it('DSR replies: not seen by the balancer, in either view', () => {
    for (const hop of of('response', 'dsr')) {
      expect(hop.facts.seenByBalancer).toBe(false);
      expect(hop.facts.srcIp).toBe(VIP);
      expect(hop.to).toMatch(/^(clients|nat)$/);
      for (const [layer, view] of both(hop)) expectReason(view, [...L4_FIELDS, ...HTTP_FIELDS], 'not-seen', layer);
    }
  });

  it('health checks: the balancer’s own plaintext GET /health', () => {
    for (const hop of of('health', 'health')) {
      expect(hop.encrypted).toBe(false);
      expect(readableValue(hop.l4.srcIp)).toBe(BALANCER_IP);
      expect(readableValue(hop.l4.dstIp)).toMatch(/^10\.0\.1\.\d+$/);
      expectReason(hop.l4, REQUEST_FIELDS, 'not-parsed', 'health L4');
      expect(readableValue(hop.l7.method)).toBe('GET');
      expect(readableValue(hop.l7.path)).toBe('/health');
      expect(readableValue(hop.l7.cookies)).toBe('');
      for (const [, view] of both(hop)) {
        expectReason(view, TLS_FIELDS, 'no-tls', 'health');
        expectReason(view, RESPONSE_FIELDS, 'absent', 'health');
      }
    }
  });

  it('what the measures read of request hops keeps its meaning', () => {
    const requests = hops.filter((h) => h.kind === 'request');
    // An L4 device never parses the path; an L7 one reads it unless the key is elsewhere.
    for (const hop of requests) {
      expect(viewAtL4(hop.facts).path.readable).toBe(false);
      expect(viewAtL7(hop.facts).path.readable).toBe(d.tls !== 'passthrough');
    }
    // SNI: known to an L4 balancer for every request that arrives on a TLS connection without ECH.
    for (const hop of of('request', 'client-lb')) expect(viewAtL4(hop.facts).sni.readable).toBe(tlsOn && !d.ech);
  });
});

describe('packet facts in special cases', () => {
  it('an L7 balancer with cookie affinity sets its cookie in the response to the client, and only there', () => {
    const hops = hopsOf(
      { mode: 'l7', tls: 'terminate', forwarding: 'nat', ech: false },
      { balancer: { mode: 'l7', tls: 'terminate', stickiness: 'cookie' } },
    );
    const toClient = hops.filter((h) => h.kind === 'response' && legOf(h) === 'lb-client');
    const fromBackend = hops.filter((h) => h.kind === 'response' && legOf(h) === 'backend-lb');
    expect(toClient.length).toBeGreaterThan(0);
    for (const hop of toClient) {
      expect(readableValue(hop.l7.setCookie)).toMatch(/^AWSALB=web-\d; Path=\/$/);
      expect(hop.l4.setCookie).toEqual({ readable: false, reason: 'encrypted' });
    }
    for (const hop of fromBackend) expect(readableValue(hop.l7.setCookie)).toBe('');
  });

  it('a client-sent X-Forwarded-For stays in front of the one the balancer appends', () => {
    const hops = hopsOf(
      { mode: 'l7', tls: 'none', forwarding: 'nat', ech: false },
      { clients: { count: 8, ratePerSecond: 40, spoofedXff: '1.2.3.4' } },
    );
    const out = hops.filter((h) => h.kind === 'request' && legOf(h) === 'lb-backend');
    expect(out.length).toBeGreaterThan(0);
    for (const hop of out) expect(hop.facts.headers).toMatch(/^X-Forwarded-For: 1\.2\.3\.4, \d+\.\d+\.\d+\.\d+$/m);
  });

  it('a connection keeps the SNI of its ClientHello for every later request', () => {
    const other = { ...DEFAULT_REQUEST, host: 'api.example.com', path: '/v1/items' };
    const hops = hopsOf(
      { mode: 'l4', tls: 'passthrough', forwarding: 'nat', ech: false },
      { requests: [DEFAULT_REQUEST, other] },
    );
    const hellos = new Map(
      hops.filter((h) => h.kind === 'tls').map((h) => [h.connectionId, readableValue(h.l4.sni)] as const),
    );
    let checked = 0;
    let otherHost = 0;
    for (const hop of hops.filter((h) => h.kind === 'request' && legOf(h) === 'client-lb')) {
      const sni = hellos.get(hop.connectionId);
      if (sni === undefined) continue;
      expect(readableValue(hop.l4.sni)).toBe(sni);
      checked++;
      if (hop.facts.host !== sni) otherHost++;
    }
    expect(checked).toBeGreaterThan(3);
    // Some requests name another host than their connection's ClientHello did.
    expect(otherHost).toBeGreaterThan(0);
  });
});
