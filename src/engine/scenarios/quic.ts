/**
 * QUIC through an L4 balancer: mobile clients on HTTP/3 whose addresses change mid-connection
 * (connection migration). Under 5-tuple hashing (the default here) each move is a new flow the
 * tracking table does not know, so Maglev picks again and most migrated connections land on a
 * server that does not know them; routing by connection ID (QUIC-LB) keeps every one. The widget's
 * knobs set the migration rate and the routing.
 */
import { pool } from '../config.ts';
import { preset } from './build.ts';

const quicMigration = preset(
  'quic-migration',
  {
    clients: { count: 400, ratePerSecond: 400, protocol: 'quic', migrationPerSecond: 0.2 },
    balancer: { mode: 'l4', tls: 'passthrough', algorithm: 'maglev', forwarding: 'nat', quicRouting: '5-tuple' },
    pools: [pool('web', 5)],
  },
  {
    durationMs: 10_000,
    expect: [
      { measure: 'migrations', min: 300, why: 'each of 400 connections moves about once every 5 s' },
      // Five servers behind one hash: a new pick lands on the same server about 1 time in 5.
      { measure: 'migratedLostShare', min: 0.7, max: 0.9, why: 'a re-hashed flow usually reaches another server' },
    ],
    widget: {
      knobs: ['migration', 'quicRouting'],
      backendButtons: false,
      addRemove: false,
      timeScale: 1000,
      headline: ['migratedLost', 'reconnects'],
      goal: (m, c) =>
        c.balancer.quicRouting === 'connection-id' && c.clients.migrationPerSecond >= 0.5 && m.migration.moves > 0,
    },
  },
);

export const QUIC_SCENARIOS = {
  'quic-migration': quicMigration,
} as const;
