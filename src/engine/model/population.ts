/**
 * The client population: each user's public address (own, shared through CGNAT, or behind the one
 * corporate NAT), whether they carry the routing cookie, and a stable hash key.
 */
import type { ClientsConfig } from '../config.ts';
import { mix32 } from '../core/hash.ts';

/** 203.0.113.10: the corporate NAT address every NATed user appears to come from. */
export const NAT_IP = (203 << 24) | (0 << 16) | (113 << 8) | 10;
const OWN_BASE = (198 << 24) | (18 << 16); // 198.18.0.0/15, enough for 131k users
const CGNAT_BASE = (100 << 24) | (64 << 16); // 100.64.0.0/10, the shared address space

export interface Population {
  ip: Int32Array;
  ipKey: Uint32Array;
  userKey: Uint32Array;
  hasCookie: Uint8Array;
  natCount: number;
}

export function buildPopulation(clients: ClientsConfig): Population {
  const n = clients.count;
  const natCount = Math.round(clients.natShare * n);
  const ip = new Int32Array(n);
  const ipKey = new Uint32Array(n);
  const userKey = new Uint32Array(n);
  const hasCookie = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    if (c < natCount) ip[c] = NAT_IP;
    else {
      const group = Math.floor((c - natCount) / clients.usersPerIp);
      ip[c] = (clients.usersPerIp > 1 ? CGNAT_BASE : OWN_BASE) + group;
    }
    ipKey[c] = mix32((ip[c] as number) ^ 0x5f3759df);
    userKey[c] = mix32(c + 0x9e3779b9);
    // Independent of the NAT choice: a different hash of the same id.
    hasCookie[c] = mix32(c ^ 0x27d4eb2d) / 4294967296 < clients.cookieShare ? 1 : 0;
  }
  return { ip, ipKey, userKey, hasCookie, natCount };
}

export function formatIp(ip: number): string {
  return [(ip >>> 24) & 255, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}
