/**
 * What a balancer can read of one packet on one hop: the L4 view (addresses, ports, TCP flags, and
 * the ClientHello's SNI and ALPN, which travel before any keys exist) and the L7 view (also the
 * HTTP request and response, where the hop is plaintext or the balancer holds its key). Fields
 * that cannot be read carry the reason, which is the lesson's first question made concrete.
 * The facts themselves are built in `packet-facts.ts`; views depend on nothing but them.
 */

/** Why a field cannot be read. */
export type Hidden =
  /** The packet does not carry it (a SYN has no path; a response has no method). */
  | 'absent'
  /** The connection has no TLS, so there is no ClientHello to carry SNI or ALPN. */
  | 'no-tls'
  /** Plaintext on the wire, but an L4 device does not parse HTTP. */
  | 'not-parsed'
  /** TLS records on the wire; this reader does not decrypt them. */
  | 'encrypted'
  /** TLS records whose key only the backend holds (passthrough): no balancer can decrypt them. */
  | 'key-elsewhere'
  /** The packet never passes the balancer (a DSR reply goes straight to the client). */
  | 'not-seen';

/** Why a readable value needs a word of explanation. */
export type FieldNote =
  /** SNI and ALPN on a packet after the handshake: known from the connection's ClientHello. */
  | 'client-hello'
  /** Readable because the balancer holds this hop's TLS key (it terminates or originates it). */
  | 'balancer-key'
  /** Encrypted on the wire, read inside the balancer before it re-encrypted the request. */
  | 'before-reencrypt'
  /** In a QUIC Initial: encrypted, but with keys anyone derives from the packet's own destination
   * connection ID and a published salt (RFC 9001 §5.2), so any balancer can read it. */
  | 'initial-keys';

export type Field =
  { readable: true; value: string; notes?: readonly FieldNote[] } | { readable: false; reason: Hidden };

export const TRANSPORT_FIELDS = ['srcIp', 'srcPort', 'dstIp', 'dstPort', 'protocol', 'flags'] as const;
/** The QUIC header: which packet type, and the connection IDs it carries in the clear. */
export const QUIC_FIELDS = ['quicPacket', 'dcid', 'scid'] as const;
export const TLS_FIELDS = ['sni', 'alpn', 'publicName'] as const;
export const REQUEST_FIELDS = ['method', 'host', 'path', 'headers', 'cookies'] as const;
export const RESPONSE_FIELDS = ['status', 'responseHeaders', 'setCookie', 'size'] as const;
/** The inspector's rows, in groups: TCP/IP (or UDP/IP), the QUIC header (QUIC packets only), the TLS
 * ClientHello, the HTTP request, the HTTP response. */
export const FIELD_GROUPS = {
  transport: TRANSPORT_FIELDS,
  quic: QUIC_FIELDS,
  tls: TLS_FIELDS,
  request: REQUEST_FIELDS,
  response: RESPONSE_FIELDS,
} as const;
export type FieldGroup = keyof typeof FIELD_GROUPS;
/** Everything below HTTP: what an L4 device may read. */
export const L4_FIELDS = [...TRANSPORT_FIELDS, ...QUIC_FIELDS, ...TLS_FIELDS] as const;
export const HTTP_FIELDS = [...REQUEST_FIELDS, ...RESPONSE_FIELDS] as const;
export type L4FieldName = (typeof L4_FIELDS)[number];
export type HttpFieldName = (typeof HTTP_FIELDS)[number];
export type FieldName = L4FieldName | HttpFieldName;

export type PacketView = Record<FieldName, Field>;
/** @deprecated The same type under its older name: both views have every field. */
export type L7View = PacketView;

/** What the packet carries above TCP. */
export type PacketContent = 'tcp-handshake' | 'client-hello' | 'http-request' | 'http-response';

/** Who holds the TLS key of the packet's connection on this hop. */
export type TlsKeyHolder = 'none' | 'balancer' | 'backend';

/** One packet on one hop, as it is on the wire. Built by `packet-facts.ts`. */
export interface PacketFacts {
  content: PacketContent;
  /** False for a packet that goes around the balancer (a DSR reply). */
  seenByBalancer: boolean;
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  /** TCP flags, e.g. "SYN, SYN-ACK, ACK" for a handshake, "PSH, ACK" for data (none over UDP). */
  flags: string;
  /** The transport of this hop: QUIC rides on UDP; an L7 balancer's own hop to a backend is TCP. */
  transport: 'tcp' | 'udp';
  /** The QUIC packet on this hop: an Initial (long header, both connection IDs) or a 1-RTT packet
   * (short header, the destination connection ID only); '' when the hop is not QUIC. */
  quicPacket: '' | 'initial' | '1-rtt';
  /** QUIC connection IDs in hex: destination always, source only in a long header. */
  dcid: string;
  scid: string;
  /** TLS on this hop's connection: none, or who holds the key (the balancer terminates or
   * originates it; the backend, when the balancer passes it through). */
  tls: TlsKeyHolder;
  /** The connection's ClientHello: the server name asked for, the protocols offered, and whether
   * ECH encrypts them (only ECH_PUBLIC_NAME is visible then). Empty without TLS. Only a
   * `client-hello` packet carries them; views mark them so on later packets. */
  sni: string;
  alpn: string;
  ech: boolean;
  /** Whether this packet's payload is TLS records on the wire (a handshake or ClientHello is not). */
  encrypted: boolean;
  /** Balancer → backend under re-encryption: the balancer read the plaintext, then encrypted it. */
  reencrypted: boolean;
  /** HTTP request line. On a request, its own; on a response, the request it answers, kept only
   * as context (the response does not carry it, and the views say "not in this packet"). */
  method: string;
  path: string;
  /** HTTP request fields: only on requests. `headers` has one "Name: value" line per header. */
  host: string;
  headers: string;
  cookies: string;
  /** HTTP response fields: only on responses. */
  status: string;
  responseHeaders: string;
  setCookie: string;
  /** Response size in bytes (its Content-Length). */
  size: number;
}

export const ECH_PUBLIC_NAME = 'public.example.com';

const readable = (value: string, notes?: readonly FieldNote[]): Field =>
  notes && notes.length > 0 ? { readable: true, value, notes } : { readable: true, value };
// Shared, frozen "can't read" markers: views are built for every inspected hop.
const HIDDEN: Record<Hidden, Field> = Object.fromEntries(
  (['absent', 'no-tls', 'not-parsed', 'encrypted', 'key-elsewhere', 'not-seen'] as const).map((reason) => [
    reason,
    Object.freeze({ readable: false, reason }),
  ]),
) as Record<Hidden, Field>;

const ALL_FIELDS: readonly FieldName[] = [...L4_FIELDS, ...HTTP_FIELDS];

function fill(field: Field): PacketView {
  return Object.fromEntries(ALL_FIELDS.map((name) => [name, field])) as PacketView;
}

function transportFields(p: PacketFacts): Record<(typeof TRANSPORT_FIELDS)[number], Field> {
  const udp = p.transport === 'udp';
  return {
    srcIp: readable(p.srcIp),
    srcPort: readable(String(p.srcPort)),
    dstIp: readable(p.dstIp),
    dstPort: readable(String(p.dstPort)),
    protocol: readable(udp ? 'UDP' : 'TCP'),
    // UDP has no flags: no SYN or FIN marks where a flow starts or ends.
    flags: udp ? HIDDEN.absent : readable(p.flags),
  };
}

/** The QUIC header, readable at either layer: that is what QUIC leaves in the clear for routing. */
function quicFields(p: PacketFacts): Record<(typeof QUIC_FIELDS)[number], Field> {
  if (!p.quicPacket) return { quicPacket: HIDDEN.absent, dcid: HIDDEN.absent, scid: HIDDEN.absent };
  return {
    quicPacket: readable(p.quicPacket),
    dcid: readable(p.dcid),
    // A short header carries no source connection ID at all.
    scid: p.quicPacket === 'initial' ? readable(p.scid) : HIDDEN.absent,
  };
}

/**
 * SNI and ALPN: sent in the ClientHello before any keys exist, so any balancer reads them there
 * (HAProxy `req.ssl_sni`, nginx `ssl_preread`), at L4 as at L7. ECH encrypts the real ones inside
 * an inner ClientHello and leaves only the outer one's public name. Later packets of the
 * connection do not carry them: the balancer knows them from the ClientHello, and the note says so.
 */
function helloFields(p: PacketFacts): Record<(typeof TLS_FIELDS)[number], Field> {
  if (p.content === 'tcp-handshake') return { sni: HIDDEN.absent, alpn: HIDDEN.absent, publicName: HIDDEN.absent };
  if (p.tls === 'none') return { sni: HIDDEN['no-tls'], alpn: HIDDEN['no-tls'], publicName: HIDDEN['no-tls'] };
  // A QUIC Initial carries the ClientHello encrypted, under keys anyone can derive (RFC 9001 §5.2).
  const notes: FieldNote[] =
    p.content !== 'client-hello' ? ['client-hello'] : p.quicPacket === 'initial' ? ['initial-keys'] : [];
  if (p.ech) return { sni: HIDDEN.encrypted, alpn: HIDDEN.encrypted, publicName: readable(ECH_PUBLIC_NAME, notes) };
  return { sni: readable(p.sni, notes), alpn: readable(p.alpn, notes), publicName: HIDDEN.absent };
}

/** How a reader at `layer` can read this packet's HTTP, if the packet has any. */
function httpAccess(p: PacketFacts, layer: 'l4' | 'l7'): { field: (value: string) => Field } {
  if (!p.encrypted) {
    return { field: layer === 'l4' ? () => HIDDEN['not-parsed'] : (value) => readable(value) };
  }
  if (layer === 'l4') return { field: () => HIDDEN.encrypted };
  if (p.tls !== 'balancer') return { field: () => HIDDEN['key-elsewhere'] };
  const note: FieldNote = p.reencrypted ? 'before-reencrypt' : 'balancer-key';
  return { field: (value) => readable(value, [note]) };
}

function view(p: PacketFacts, layer: 'l4' | 'l7'): PacketView {
  if (!p.seenByBalancer) return fill(HIDDEN['not-seen']);
  const { field } = httpAccess(p, layer);
  const request = p.content === 'http-request';
  const response = p.content === 'http-response';
  const req = (value: string) => (request ? field(value) : HIDDEN.absent);
  const res = (value: string) => (response ? field(value) : HIDDEN.absent);
  return {
    ...transportFields(p),
    ...quicFields(p),
    ...helloFields(p),
    method: req(p.method),
    host: req(p.host),
    path: req(p.path),
    headers: req(p.headers),
    cookies: req(p.cookies),
    status: res(p.status),
    responseHeaders: res(p.responseHeaders),
    setCookie: res(p.setCookie),
    size: res(String(p.size)),
  };
}

/** The L4 view of a packet: transport fields and the ClientHello, never HTTP. */
export function viewAtL4(p: PacketFacts): PacketView {
  return view(p, 'l4');
}

/** The L7 view: HTTP fields too, where the hop is plaintext or the balancer holds its key. */
export function viewAtL7(p: PacketFacts): PacketView {
  return view(p, 'l7');
}

/** The context a response keeps of its request ("GET /api/v2/cart"), which it does not carry. */
export function answeredRequest(p: PacketFacts): string | null {
  return p.content === 'http-response' && p.method ? `${p.method} ${p.path}` : null;
}

/** What the wire shows of the payload: nothing yet, a clear handshake, plaintext, or TLS records
 * (and who can decrypt them). */
export type Wire =
  'no-payload' | 'clear-handshake' | 'plaintext' | 'tls-balancer-key' | 'tls-backend-key' | 'quic-initial';

export function wireOf(p: PacketFacts): Wire {
  if (p.content === 'tcp-handshake') return 'no-payload';
  if (p.quicPacket === 'initial') return 'quic-initial';
  if (p.content === 'client-hello') return 'clear-handshake';
  if (!p.encrypted) return 'plaintext';
  return p.tls === 'balancer' ? 'tls-balancer-key' : 'tls-backend-key';
}
