import { describe, expect, it } from 'vitest';
import type { Hop } from '../../src/engine';
import { hitPacket, packetClass, type PlacedPacket } from '../../src/viz/packet-layers';

const hop = (packetId: number, extra: Partial<Hop> = {}) =>
  ({ packetId, kind: 'request', encrypted: false, ...extra }) as Hop;

describe('canvas packet hit testing', () => {
  const packets: PlacedPacket[] = [
    { hop: hop(1), x: 100, y: 100 },
    { hop: hop(2), x: 108, y: 100 },
    { hop: hop(3), x: 300, y: 50 },
  ];

  it('picks the nearest packet within reach of a tap', () => {
    expect(hitPacket(packets, 101, 101)?.hop.packetId).toBe(1);
    expect(hitPacket(packets, 107, 99)?.hop.packetId).toBe(2);
    expect(hitPacket(packets, 310, 55)?.hop.packetId).toBe(3);
  });

  it('selects nothing on empty space', () => {
    expect(hitPacket(packets, 200, 200)).toBeNull();
    expect(hitPacket([], 0, 0)).toBeNull();
  });
});

describe('packet classes', () => {
  it('name the kind, encryption, selection and failed health checks', () => {
    expect(packetClass(hop(1), null)).toBe('pf-packet pf-packet--request');
    expect(packetClass(hop(1, { encrypted: true }), 1)).toBe(
      'pf-packet pf-packet--request pf-packet--encrypted pf-packet--selected',
    );
    expect(packetClass(hop(2, { kind: 'health', ok: false }), 1)).toBe('pf-packet pf-packet--health pf-packet--failed');
  });
});
