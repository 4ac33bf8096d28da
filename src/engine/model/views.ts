/**
 * What a balancer can read of one hop: the L4 view (addresses, ports, protocol, SNI when the
 * ClientHello is readable) and the L7 view (also method, host, path, headers, cookies). Fields
 * that cannot be read carry the reason, which is the lesson's first question made concrete.
 */
import type { TlsMode } from '../config';

export type Hidden = 'encrypted' | 'not-parsed' | 'absent';
export type Field = { readable: true; value: string } | { readable: false; reason: Hidden };

export const L4_FIELDS = ['srcIp', 'srcPort', 'dstIp', 'dstPort', 'protocol', 'sni', 'alpn'] as const;
export const HTTP_FIELDS = ['method', 'host', 'path', 'headers', 'cookies'] as const;
export type L4FieldName = (typeof L4_FIELDS)[number];
export type HttpFieldName = (typeof HTTP_FIELDS)[number];

export type L4View = Record<L4FieldName, Field>;
export type L7View = L4View & Record<HttpFieldName, Field>;

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
const hidden = (reason: Hidden): Field => ({ readable: false, reason });

function l4View(p: PacketFacts): L4View {
  const tlsField = (value: string): Field => {
    if (p.plaintextProtocol) return hidden('absent');
    // The ClientHello is sent before any keys exist, so SNI and ALPN are readable unless ECH
    // encrypts the inner ClientHello (only its outer public name, ECH_PUBLIC_NAME, is visible).
    return p.ech ? hidden('encrypted') : readable(value);
  };
  return {
    srcIp: readable(p.srcIp),
    srcPort: readable(String(p.srcPort)),
    dstIp: readable(p.dstIp),
    dstPort: readable(String(p.dstPort)),
    protocol: readable('TCP'),
    sni: tlsField(p.sni),
    alpn: tlsField(p.alpn),
  };
}

/** The L4 view of a packet: HTTP fields are never available to it. */
export function viewAtL4(p: PacketFacts): L7View {
  const httpReason: Hidden = p.encrypted ? 'encrypted' : 'not-parsed';
  const http = Object.fromEntries(HTTP_FIELDS.map((f) => [f, hidden(httpReason)])) as Record<HttpFieldName, Field>;
  return { ...l4View(p), ...http };
}

/** The L7 view: HTTP fields are readable when the hop is plaintext or the balancer has the keys. */
export function viewAtL7(p: PacketFacts): L7View {
  const canRead = !p.encrypted || p.balancerHasKeys;
  const field = (value: string) => (canRead ? readable(value) : hidden('encrypted'));
  return {
    ...l4View(p),
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
