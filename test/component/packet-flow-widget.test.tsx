import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacketFlowAdapter } from '../../src/content/render/PacketFlowAdapter';
import { DIRECTIVE_RENDERERS } from '../../src/content/render/directive-components';
import { RenderContext } from '../../src/content/render/render-context';
import { i18n } from '../../src/i18n';
import PacketFlowWidget from '../../src/widgets/PacketFlowWidget';

/** The real widget (engine, renderer, controls, panels) in jsdom, paused as with reduced motion. */
function renderWidget(scenarioId: 'sticky-ip-hash-nat' | 'crash-memory-sessions' = 'sticky-ip-hash-nat') {
  const onGoal = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      {/* A widget lives on a lesson page, inside the router (its "Open in the Lab" link needs it). */}
      <MemoryRouter>
        <PacketFlowWidget widgetId="w" scenarioId={scenarioId} reducedMotion goalReached={false} onGoal={onGoal} />
      </MemoryRouter>
    </I18nextProvider>,
  );
  const widget = screen.getByRole('figure');
  return { widget, onGoal };
}

const param = () => new URLSearchParams(window.location.search).get('w-w');
const affinity = (widget: HTMLElement) => within(widget).getByRole('combobox', { name: 'Affinity' });
const sessions = (widget: HTMLElement) => within(widget).getByRole('combobox', { name: 'Sessions live in' });
const serverRow = (widget: HTMLElement, id: string) =>
  widget.querySelector<HTMLElement>(`[data-headline] [data-backend="${id}"]`);

afterEach(() => window.history.replaceState(null, '', '/'));

describe('PacketFlowWidget', () => {
  it('applies a knob live and records it in the URL', async () => {
    const user = userEvent.setup();
    const { widget } = renderWidget();
    await waitFor(() => expect(widget.querySelector('[data-headline]')).not.toBeNull());
    expect(affinity(widget)).toHaveDisplayValue('source IP hash');
    await user.selectOptions(affinity(widget), 'cookie');
    expect(affinity(widget)).toHaveDisplayValue('cookie');
    // URL writes are coalesced (at most four a second), so the link catches up shortly after.
    await waitFor(() => expect(param()).toBe('seed:42,affinity:cookie,natShare:30'));
  });

  it('links to the Lab with its scenario, its settings and the student’s own actions', async () => {
    const user = userEvent.setup();
    const { widget } = renderWidget('crash-memory-sessions');
    await waitFor(() => expect(widget.querySelector('[data-headline]')).not.toBeNull());
    await user.selectOptions(sessions(widget), 'shared');
    await user.click(within(widget).getByRole('button', { name: 'Crash web-2' }));
    const link = within(widget).getByRole('link', { name: 'Open in the Lab' });
    await waitFor(() => {
      const url = new URL(link.getAttribute('href') ?? '', 'http://x');
      expect(url.pathname).toBe('/en/lab');
      expect(url.searchParams.get('from')).toBe('crash-memory-sessions');
      expect(url.searchParams.get('w')).toMatch(/^seed:42,.*sessions:shared.*,x:web-2@0\.0$/);
    });
  });

  it('opens a shared link with its settings and the student’s timed actions', async () => {
    window.history.replaceState(null, '', '/?w-w=seed:7,sessions:shared,x:web-2@0.0');
    const { widget } = renderWidget('crash-memory-sessions');
    await waitFor(() => expect(widget.querySelector('[data-headline]')).not.toBeNull());
    expect(sessions(widget)).toHaveDisplayValue('a shared store');
    // The crash at 0.0 s is the student's, replayed at its time: web-2 reads as crashed.
    expect(serverRow(widget, 'web-2')).toHaveTextContent('crashed');
    expect(within(widget).getByRole('button', { name: 'Revive web-2' })).toBeInTheDocument();
  });

  it('Reset restores the scenario’s own settings, servers and seed, and drops the widget’s link', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?w-w=seed:7,sessions:shared');
    const { widget } = renderWidget('crash-memory-sessions');
    await waitFor(() => expect(widget.querySelector('[data-headline]')).not.toBeNull());
    await user.click(within(widget).getByRole('button', { name: 'Crash web-3' }));
    await waitFor(() => expect(serverRow(widget, 'web-3')).toHaveTextContent('crashed'));
    await user.click(within(widget).getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(sessions(widget)).toHaveDisplayValue('server memory'));
    await waitFor(() => expect(serverRow(widget, 'web-3')).not.toHaveTextContent('crashed'));
    expect(within(widget).getByRole('button', { name: 'Crash web-3' })).toBeInTheDocument();
    expect(param()).toBeNull();
  });

  it('steps while paused and shows the numbers of the run', async () => {
    const user = userEvent.setup();
    const { widget } = renderWidget('crash-memory-sessions');
    const headline = await waitFor(() => {
      const found = widget.querySelector<HTMLElement>('[data-headline]');
      expect(found).not.toBeNull();
      return found!;
    });
    const before = Number(headline.dataset.at);
    await user.click(within(widget).getByRole('button', { name: 'Step' }));
    await waitFor(() =>
      expect(Number(widget.querySelector<HTMLElement>('[data-headline]')!.dataset.at)).toBe(before + 5),
    );
  });
});

describe('a widget that fails', () => {
  it('shows a contained error with a retry, and the lesson around it keeps working', async () => {
    // React reports the error the boundary caught; that report is expected here, not a failure.
    const consoleError = vi.mocked(console.error).mockImplementation(() => undefined);
    render(
      <I18nextProvider i18n={i18n}>
        <RenderContext.Provider
          value={{
            lang: 'en',
            lessonId: 'l4-vs-l7-balancing',
            terms: {},
            misconceptions: {},
            labels: { widgetLoading: 'Loading…' } as never,
            directives: DIRECTIVE_RENDERERS,
          }}
        >
          <p>Text before</p>
          <PacketFlowAdapter
            node={{ t: 'directive', name: 'packet-flow', attrs: { id: 'x', scenario: 'nope' }, c: [] }}
          />
          <p>Text after</p>
        </RenderContext.Provider>
      </I18nextProvider>,
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('This simulation stopped because of an error');
    expect(within(alert).getByRole('button', { name: 'Restart the simulation' })).toBeInTheDocument();
    expect(screen.getByText('Text after')).toBeInTheDocument();
    await act(async () => {});
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockClear();
  });
});
