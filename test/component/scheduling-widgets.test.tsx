import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SchedulingReplayAdapter } from '../../src/content/render/SchedulingAdapters';
import { DIRECTIVE_RENDERERS } from '../../src/content/render/directive-components';
import { RenderContext } from '../../src/content/render/render-context';
import { i18n } from '../../src/i18n';
import BallsWidget from '../../src/widgets/BallsWidget';
import GanttWidget from '../../src/widgets/GanttWidget';
import type { ExperimentId } from '../../src/engine/scheduling';

/** The real widgets (model, renderer, controls, tables) in jsdom, paused as with reduced motion. */
function renderGantt(experimentId: ExperimentId, goalReached = false) {
  const onGoal = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <GanttWidget widgetId="g" experimentId={experimentId} reducedMotion goalReached={goalReached} onGoal={onGoal} />
    </I18nextProvider>,
  );
  return { widget: screen.getByRole('figure'), onGoal };
}

const placed = (widget: HTMLElement) => Number(widget.dataset.placed);
const readout = (widget: HTMLElement, id: string) =>
  widget.querySelector(`[data-readout="${id}"] dd`)?.textContent ?? '';
const param = () => new URLSearchParams(window.location.search).get('w-g');

afterEach(() => window.history.replaceState(null, '', '/'));

describe('GanttWidget', () => {
  it('steps forward and back by keyboard-reachable buttons, and announces each step', async () => {
    const user = userEvent.setup();
    const { widget } = renderGantt('graham-worst-case');
    expect(placed(widget)).toBe(0);
    expect(within(widget).getByRole('button', { name: 'Step back' })).toBeDisabled();
    await user.click(within(widget).getByRole('button', { name: 'Step' }));
    await user.click(within(widget).getByRole('button', { name: 'Step' }));
    expect(placed(widget)).toBe(2);
    expect(widget.querySelector('[data-announce]')).toHaveTextContent(
      'Job 2 of size 1 went to server 2, whose load is now 1. Makespan so far: 1.',
    );
    await user.click(within(widget).getByRole('button', { name: 'Step back' }));
    expect(placed(widget)).toBe(1);
    // Reset returns to the empty chart.
    await user.click(within(widget).getByRole('button', { name: 'Reset' }));
    expect(placed(widget)).toBe(0);
  });

  it('reads Graham’s instance out in numbers and as a table: 7 against a bound of 4 on 4 servers', async () => {
    const user = userEvent.setup();
    const { widget } = renderGantt('graham-worst-case');
    const step = within(widget).getByRole('button', { name: 'Step' });
    for (let i = 0; i < 13; i++) await user.click(step);
    expect(placed(widget)).toBe(13);
    expect(step).toBeDisabled();
    expect(readout(widget, 'makespan')).toBe('7');
    expect(readout(widget, 'lowerBound')).toBe('4');
    expect(readout(widget, 'ratio')).toBe('1.75');
    expect(readout(widget, 'optimum')).toContain('not searched');
    const table = widget.querySelector('[data-loads-table]')!;
    const cells = [...table.querySelectorAll('[data-server="1"] td')].map((td) => td.textContent);
    expect(cells).toEqual(['1 + 1 + 1 + 4', '7']);
  });

  it('applies a knob at once and records it in the link; Reset drops the link', async () => {
    const user = userEvent.setup();
    const { widget } = renderGantt('greedy-jobs');
    await user.selectOptions(within(widget).getByRole('combobox', { name: 'Algorithm' }), 'lpt');
    expect(placed(widget)).toBe(24);
    expect(param()).toBe('alg:lpt,m:4,dist:uniform,n:24,s:4,d:2');
    // Knobs another algorithm uses are disabled, with a note why.
    expect(within(widget).getByRole('slider', { name: /Servers sampled/ })).toBeDisabled();
    await user.click(within(widget).getByRole('button', { name: 'Reset' }));
    expect(param()).toBeNull();
    expect(within(widget).getByRole('combobox', { name: 'Algorithm' })).toHaveValue('list');
  });

  it('opens a shared link with its settings, and ignores what the experiment does not offer', () => {
    window.history.replaceState(null, '', '/?w-g=m:64,n:400,alg:nope,jobs:5');
    const { widget } = renderGantt('greedy-jobs');
    expect(within(widget).getByRole('slider', { name: /Servers \(m\)/ })).toHaveValue('64');
    expect(within(widget).getByRole('combobox', { name: 'Algorithm' })).toHaveValue('list');
    // At the extremes the widget says what the student is looking at.
    expect(widget).toHaveTextContent('64 servers is the most this chart draws.');
    expect(widget).toHaveTextContent('400 jobs is the most this chart draws.');
  });

  it('builder: the student builds Graham’s instance and reaches the goal, stored once', async () => {
    const user = userEvent.setup();
    const { widget, onGoal } = renderGantt('graham-builder');
    const goal = () => widget.querySelector('[data-goal]')!.getAttribute('data-goal');
    expect(goal()).toBe('open');
    const addOne = within(widget).getByRole('button', { name: 'Add a job of size 1' });
    for (let i = 0; i < 6; i++) await user.click(addOne);
    expect(goal()).toBe('open');
    const size = within(widget).getByRole('spinbutton', { name: 'Size of a job to add' });
    await user.clear(size);
    await user.type(size, '3');
    await user.click(within(widget).getByRole('button', { name: 'Add' }));
    expect(widget.querySelector('[data-builder-jobs]')!.getAttribute('data-builder-jobs')).toBe('1 1 1 1 1 1 3');
    await waitFor(() => expect(goal()).toBe('reached'));
    expect(onGoal).toHaveBeenCalledTimes(1);
    expect(widget).toHaveTextContent('Goal reached');
    expect(param()).toBe('alg:list,m:3,jobs:1.1.1.1.1.1.3');
    // Undo takes the big job away: the instance no longer meets the goal (the stored one stays).
    await user.click(within(widget).getByRole('button', { name: 'Undo the last job' }));
    expect(widget.querySelector('[data-builder-jobs]')!.getAttribute('data-builder-jobs')).toBe('1 1 1 1 1 1');
  });

  it('builder: LPT on the same instance does not count', async () => {
    window.history.replaceState(null, '', '/?w-g=alg:lpt,m:3,jobs:1.1.1.1.1.1.3');
    const { widget, onGoal } = renderGantt('graham-builder');
    expect(widget.querySelector('[data-goal]')).toHaveAttribute('data-goal', 'open');
    expect(widget).toHaveTextContent('switch the algorithm back to it');
    expect(onGoal).not.toHaveBeenCalled();
  });
});

describe('BallsWidget', () => {
  it('throws n balls for 1, 2 and 3 choices and tabulates the counts', async () => {
    render(
      <I18nextProvider i18n={i18n}>
        <BallsWidget widgetId="b" experimentId="balls-widget" reducedMotion />
      </I18nextProvider>,
    );
    const widget = screen.getByRole('figure');
    await waitFor(() => expect(widget).toHaveAttribute('data-done', 'true'), { timeout: 10_000 });
    const table = widget.querySelector('[data-counts-table]')!;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Balls in a bin', '1 choice', '2 choices', '3 choices']);
    const fullest = [...table.querySelectorAll('[data-fullest] td')].map((td) => Number(td.textContent));
    // More choices never make the fullest bin fuller, and two choices beat one clearly.
    expect(fullest[1]).toBeLessThan(fullest[0]!);
    expect(fullest[2]).toBeLessThanOrEqual(fullest[1]!);
    expect(screen.getByRole('slider', { name: /Balls and bins/ })).toHaveAttribute('aria-valuetext', '10,000');
  });
});

describe('a scheduling predict replay', () => {
  it('runs Graham’s instance to the end and shows the quiz’s number in the Result row', async () => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <RenderContext.Provider
          value={{
            lang: 'en',
            lessonId: 'greedy-balancing',
            terms: {},
            misconceptions: {},
            labels: { widgetLoading: 'Loading…' } as never,
            directives: DIRECTIVE_RENDERERS,
          }}
        >
          <SchedulingReplayAdapter
            widgetId="q-run"
            experimentId="graham-worst-case"
            replay={{ measure: 'makespanOverLowerBound', format: { unit: 'number', digits: 2 } }}
          />
        </RenderContext.Provider>
      </I18nextProvider>,
    );
    const run = await screen.findByRole('button', { name: 'Run to the end' }, { timeout: 5000 });
    await user.click(run);
    const value = await waitFor(() => {
      const el = document.querySelector('[data-result] .timeline__result-value');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(value).toHaveTextContent('1.75');
    expect(document.querySelector('[data-timeline]')).toHaveAttribute('data-timeline', 'ended');
  });
});
