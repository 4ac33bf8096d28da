/**
 * The inspector's QUIC rows: what each QUIC packet carries on each hop. The Initial has a long
 * header (both connection IDs) and a ClientHello whose SNI and ALPN any balancer can read, because
 * its keys derive from public values; 1-RTT packets have a short header (the destination
 * connection ID only) and everything else encrypted. QUIC rides on UDP: no TCP handshake, no flags.
 */
import { describe, expect, it } from 'vitest';
import {
  configWith,
  createSimulation,
  pool,
  viewAtL4,
  viewAtL7,
  wireOf,
  type Hop,
  type SimConfig,
} from '../../src/engine';

function hopsOf(
  balancer: Parameters<typeof configWith>[0]['balancer'],
  protocol: SimConfig['clients']['protocol'] = 'quic',
) {
  const sim = createSimulation(
    configWith({
      traceCapacity: 500,
      clients: { count: 8, ratePerSecond: 40, protocol },
      balancer,
      pools: [pool('web', 3)],
    }),
    { seed: 11 },
  );
  sim.advanceTo(2500);
  return sim.traceSince(0);
}

const fromClient = (h: Hop) => h.from === 'clients' && h.to === 'lb';
const HEX16 = /^[0-9a-f]{16}$/;

describe('QUIC packets in the inspector', () => {
  const l4 = hopsOf({ mode: 'l4', tls: 'passthrough', algorithm: 'maglev', quicRouting: '5-tuple' });

  it('has no TCP handshake: the Initial is the first packet, over UDP, without TCP flags', () => {
    expect(l4.some((h) => h.kind === 'syn')).toBe(false);
    const initials = l4.filter((h) => h.kind === 'tls');
    expect(initials.length).toBeGreaterThan(0);
    for (const hop of initials) {
      for (const view of [viewAtL4(hop.facts), viewAtL7(hop.facts)]) {
        expect(view.protocol).toEqual({ readable: true, value: 'UDP' });
        expect(view.flags).toEqual({ readable: false, reason: 'absent' });
      }
    }
  });

  it('reads both connection IDs and the SNI and ALPN in the Initial, noting keys derived from public values', () => {
    const hop = l4.find((h) => h.kind === 'tls')!;
    const view = viewAtL4(hop.facts);
    expect(view.quicPacket).toEqual({ readable: true, value: 'initial' });
    expect(view.dcid.readable && HEX16.test(view.dcid.value)).toBe(true);
    expect(view.scid.readable && HEX16.test(view.scid.value)).toBe(true);
    // Independent random-looking IDs: not even a shared prefix gives the connection away.
    expect(hop.facts.dcid.slice(0, 8)).not.toBe(hop.facts.scid.slice(0, 8));
    expect(view.sni).toEqual({ readable: true, value: hop.facts.sni, notes: ['initial-keys'] });
    expect(view.alpn).toMatchObject({ readable: true, value: 'h3' });
    expect(view.path.readable).toBe(false);
    expect(wireOf(hop.facts)).toBe('quic-initial');
  });

  it('shows only the destination connection ID of a 1-RTT packet; the request inside stays encrypted', () => {
    const requests = l4.filter((h) => h.kind === 'request' && fromClient(h));
    expect(requests.length).toBeGreaterThan(0);
    for (const hop of requests) {
      const view = viewAtL4(hop.facts);
      expect(view.quicPacket).toEqual({ readable: true, value: '1-rtt' });
      expect(view.dcid.readable).toBe(true);
      expect(view.scid).toEqual({ readable: false, reason: 'absent' });
      expect(view.path).toEqual({ readable: false, reason: 'encrypted' });
      // Passthrough: not even an L7 reader holds the key.
      expect(viewAtL7(hop.facts).path).toEqual({ readable: false, reason: 'key-elsewhere' });
      expect(hop.encrypted).toBe(true);
    }
  });

  it('under QUIC-LB routing every connection ID the server issued names the server that got the packet', () => {
    const hops = hopsOf({ mode: 'l4', tls: 'passthrough', algorithm: 'maglev', quicRouting: 'connection-id' });
    const forwarded = hops.filter((h) => h.kind === 'request' && h.from === 'lb');
    expect(forwarded.length).toBeGreaterThan(0);
    for (const hop of forwarded) {
      const server = Number(hop.to.replace('web-', ''));
      expect(hop.facts.dcid.slice(0, 4)).toBe(`01${server.toString(16).padStart(2, '0')}`);
    }
  });

  it('an L7 balancer terminates QUIC: its own hop to the backend is TCP, with no QUIC header', () => {
    const hops = hopsOf({ mode: 'l7', tls: 'terminate' });
    const toBackend = hops.filter((h) => h.kind === 'request' && h.from === 'lb');
    const fromClients = hops.filter((h) => h.kind === 'request' && fromClient(h));
    expect(toBackend.length).toBeGreaterThan(0);
    for (const hop of toBackend) {
      expect(viewAtL7(hop.facts).protocol).toEqual({ readable: true, value: 'TCP' });
      expect(viewAtL7(hop.facts).quicPacket).toEqual({ readable: false, reason: 'absent' });
    }
    for (const hop of fromClients) expect(viewAtL7(hop.facts).path).toMatchObject({ readable: true });
  });

  it('leaves TCP packets as they were: TCP, flags, no QUIC header', () => {
    for (const hop of hopsOf({ mode: 'l4', tls: 'passthrough' }, 'http2')) {
      if (hop.kind === 'health') continue;
      expect(hop.facts.transport).toBe('tcp');
      expect(viewAtL4(hop.facts).protocol).toEqual({ readable: true, value: 'TCP' });
      expect(viewAtL4(hop.facts).quicPacket).toEqual({ readable: false, reason: 'absent' });
    }
  });
});
