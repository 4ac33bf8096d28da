/**
 * What a balancer can read of one hop: the L4 view (addresses, ports, protocol, SNI when the
 * ClientHello is readable) and the L7 view (also method, host, path, headers, cookies). Fields
 * that cannot be read carry the reason, which is the lesson's first question made concrete.
 */
import type { TlsMode } from '../config.ts';

export type Hidden = 'encrypted' | 'not-parsed' | 'absent';
export type Field = { readable: true; value: string } | { readable: false; reason: Hidden };

export const L4_FIELDS = ['srcIp', 'srcPort', 'dstIp', 'dstPort', 'protocol', 'sni', 'alpn'] as const;
export const HTTP_FIELDS = ['method', 'host', 'path', 'headers', 'cookies'] as const;
export type L4FieldName = (typeof L4_FIELDS)[number];
export type HttpFieldName = (typeof HTTP_FIELDS)[number];

export type L7View = Record<L4FieldName | HttpFieldName, Field>;

export interface PacketFacts {
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  /** The SNI the client asked for, and whether ECH hides it (only the public name shows). */
  sni: string;
  ech: boolean;
  alpn: string;
  method: string;
  host: string;
  path: string;
  headers: string;
  cookies: string;
  /** Whether this hop's bytes are TLS-encrypted on the wire. */
  encrypted: boolean;
  /** Whether the balancer holds the keys for this hop (it terminated or originated the TLS). */
  balancerHasKeys: boolean;
  /** No TLS at all on this connection. */
  plaintextProtocol: boolean;
}

export const ECH_PUBLIC_NAME = 'public.example.com';

const readable = (value: string): Field => ({ readable: true, value });
// Shared, frozen "can't read" markers: views are built for every traced hop.
const HIDDEN: Record<Hidden, Field> = {
  encrypted: Object.freeze({ readable: false, reason: 'encrypted' }),
  'not-parsed': Object.freeze({ readable: false, reason: 'not-parsed' }),
  absent: Object.freeze({ readable: false, reason: 'absent' }),
};

/** SNI and ALPN come from the ClientHello: sent before any keys exist, so readable unless ECH
 * encrypts the inner ClientHello (only its outer public name, ECH_PUBLIC_NAME, is visible). */
function helloField(p: PacketFacts, value: string): Field {
  if (p.plaintextProtocol) return HIDDEN.absent;
  return p.ech ? HIDDEN.encrypted : readable(value);
}

/** Addresses, ports and the ClientHello fields: what any balancer reads from every packet. */
function transportFields(p: PacketFacts): Record<L4FieldName, Field> {
  return {
    srcIp: readable(p.srcIp),
    srcPort: readable(String(p.srcPort)),
    dstIp: readable(p.dstIp),
    dstPort: readable(String(p.dstPort)),
    protocol: readable('TCP'),
    sni: helloField(p, p.sni),
    alpn: helloField(p, p.alpn),
  };
}

/** The L4 view of a packet: HTTP fields are never available to it. */
export function viewAtL4(p: PacketFacts): L7View {
  const http = p.encrypted ? HIDDEN.encrypted : HIDDEN['not-parsed'];
  return { ...transportFields(p), method: http, host: http, path: http, headers: http, cookies: http };
}

/** The L7 view: HTTP fields are readable when the hop is plaintext or the balancer has the keys. */
export function viewAtL7(p: PacketFacts): L7View {
  const canRead = !p.encrypted || p.balancerHasKeys;
  const field = (value: string) => (canRead ? readable(value) : HIDDEN.encrypted);
  return {
    ...transportFields(p),
    method: field(p.method),
    host: field(p.host),
    path: field(p.path),
    headers: field(p.headers),
    cookies: field(p.cookies),
  };
}

/** Which segments carry plaintext, for "where is the plaintext?" readouts. */
export function plaintextAt(tls: TlsMode): { clientHop: boolean; balancer: boolean; backendHop: boolean } {
  switch (tls) {
    case 'none':
      return { clientHop: true, balancer: true, backendHop: true };
    case 'terminate':
      return { clientHop: false, balancer: true, backendHop: true };
    case 'reencrypt':
      return { clientHop: false, balancer: true, backendHop: false };
    case 'passthrough':
      return { clientHop: false, balancer: false, backendHop: false };
  }
}
