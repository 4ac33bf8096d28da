import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createSimulation, getScenario, type ScenarioId } from '../../src/engine';
import { i18n } from '../../src/i18n';
import { Headline } from '../../src/widgets/Headline';
import { MetricsPanel } from '../../src/widgets/MetricsPanel';

/** The headline (with its notes) and the full panel, as the widget shows them. */
function renderPanel(scenarioId: ScenarioId, prepare: (sim: ReturnType<typeof createSimulation>) => void) {
  const sim = createSimulation(getScenario(scenarioId).config, { seed: 1 });
  prepare(sim);
  sim.advanceTo(3000);
  const { config } = sim;
  render(
    <I18nextProvider i18n={i18n}>
      <Headline
        scenarioId={scenarioId}
        metrics={sim.metrics()}
        natAll={config.clients.natShare >= 1 && config.balancer.stickiness === 'source-ip'}
        onBackend={() => undefined}
        onAdd={() => undefined}
      />
      <MetricsPanel metrics={sim.metrics()} />
    </I18nextProvider>,
  );
}

describe('metrics at the extremes', () => {
  it('explains a cluster with every server down instead of showing bare zeros', () => {
    renderPanel('crash-memory-sessions', (sim) => {
      for (const id of ['web-1', 'web-2', 'web-3', 'web-4']) sim.setBackendState(id, 'crashed');
    });
    const notes = screen.getByRole('list', { name: 'What you are looking at' });
    expect(notes).toHaveTextContent('Every server is down');
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('explains one server left, and every user behind one NAT with IP hashing', () => {
    renderPanel('sticky-ip-hash-nat', (sim) => {
      sim.update({ clients: { natShare: 1 } });
      for (let i = 2; i <= 10; i++) sim.setBackendState(`web-${i}`, 'crashed');
    });
    const notes = screen.getByRole('list', { name: 'What you are looking at' });
    expect(notes).toHaveTextContent('One server is left');
    expect(notes).toHaveTextContent('Every user shares one NAT address');
  });

  it('shows the headline readouts the goal watches, and every server with its share', () => {
    renderPanel('crash-memory-sessions', () => undefined);
    const headline = document.querySelector('[data-headline]')!;
    expect(headline.querySelector('[data-readout="sessionsLost"] dt')).toHaveTextContent('Sessions lost');
    expect(screen.getByRole('list', { name: 'Servers: share of the last second' }).children).toHaveLength(4);
    expect(screen.getAllByRole('button', { name: /^Crash web-\d+$/ })).toHaveLength(4);
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('says nothing extra in an ordinary run', () => {
    renderPanel('what-the-lb-sees', () => undefined);
    expect(screen.queryByRole('list', { name: 'What you are looking at' })).toBeNull();
  });
});
