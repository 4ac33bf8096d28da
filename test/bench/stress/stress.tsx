/**
 * Benchmark-only page: the real packet-flow widget on a busy scenario, so the frame budget can be
 * measured at 200 and 1,000 packets in flight. Far-away clients (200 ms RTT) keep each request's
 * packets on screen for long, and `?rate=` sets how many requests start per simulated second.
 * Not part of the course: `npm run bench` builds it into dist-bench/.
 */
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import {
  pool,
  scenarioConfig,
  SCENARIOS,
  type DeepPartial,
  type ScenarioId,
  type ScenarioRecord,
  type SimConfig,
} from '../../../src/engine';
import { i18n } from '../../../src/i18n';
import PacketFlowWidget from '../../../src/widgets/PacketFlowWidget';
import '../../../src/styles/index.css';

const params = new URLSearchParams(window.location.search);
const rate = Number(params.get('rate') ?? '1000');
const patch: DeepPartial<SimConfig> = {
  clients: { count: 20_000, ratePerSecond: rate },
  network: { clientRttMs: 200 },
  // Draw every request (lessons draw a sample of 200 per second to stay readable).
  traceRequestsPerSecond: rate,
  pools: [pool('web', 8, { concurrency: 256 })],
};
// A bench-only record, added at runtime to this page's copy of the catalogue (never the course's).
(SCENARIOS as unknown as Record<string, ScenarioRecord>)['bench-stress'] = {
  id: 'bench-stress',
  patch,
  config: scenarioConfig(patch),
  durationMs: 0,
  seed: 1,
  script: [],
  expect: [],
  widget: { knobs: [], backendButtons: false, addRemove: false, headline: ['latency'], goal: () => false },
};

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <I18nextProvider i18n={i18n}>
    {/* The widget links to the Lab ("Open in the Lab"), so it needs a router, as in the course. */}
    <MemoryRouter>
      <PacketFlowWidget
        widgetId="stress"
        scenarioId={'bench-stress' as ScenarioId}
        reducedMotion={false}
        goalReached={false}
        onGoal={() => undefined}
        withGoal={false}
      />
    </MemoryRouter>
  </I18nextProvider>,
);
