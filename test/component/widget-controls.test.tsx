import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ALGORITHMS,
  createSimulation,
  getScenario,
  SCENARIO_IDS,
  type SimConfig,
  type SimulationHandle,
} from '../../src/engine';
import { i18n, resources } from '../../src/i18n';
import { SPEEDS, type Speed } from '../../src/widgets/clock';
import { KNOBS, type KnobId, type RangeKnob } from '../../src/widgets/knobs';
import { WidgetControls, type WidgetControlsProps } from '../../src/widgets/WidgetControls';

type Lang = keyof typeof resources;
const strings = (lang: Lang) => resources[lang].translation.widget;
const knobLabel = (lang: Lang, id: KnobId) => strings(lang).knob[id];
const optionLabel = (lang: Lang, option: string) => (strings(lang).option as Record<string, string>)[option];
const unitText = (lang: Lang, knob: RangeKnob, value: number) =>
  strings(lang).unit[knob.unit].replace('{{value}}', String(value));

const newSim = (scenarioId: string) => createSimulation(getScenario(scenarioId).config, { seed: 1 });

/** A knob's change, as the widget hands it over: a function to run against the simulation. */
type Apply = Parameters<WidgetControlsProps['onKnob']>[0];

function renderControls(scenarioId: string, overrides: Partial<WidgetControlsProps> = {}) {
  const props: WidgetControlsProps = {
    widgetId: 'w1',
    scenarioId,
    config: getScenario(scenarioId).config,
    configVersion: 0,
    playing: false,
    speed: 1,
    onPlay: vi.fn(),
    onStep: vi.fn(),
    onSpeed: vi.fn(),
    onReset: vi.fn(),
    onKnob: vi.fn(),
    ...overrides,
  };
  render(
    <I18nextProvider i18n={i18n}>
      <WidgetControls {...props} />
    </I18nextProvider>,
  );
  return {
    props,
    onPlay: props.onPlay as ReturnType<typeof vi.fn>,
    onStep: props.onStep as ReturnType<typeof vi.fn>,
    onSpeed: props.onSpeed as ReturnType<typeof vi.fn>,
    onReset: props.onReset as ReturnType<typeof vi.fn>,
    onKnob: vi.mocked(props.onKnob),
  };
}

/**
 * The controls wired the way PacketFlowWidget wires them: play state and speed live in React, a
 * knob change runs against a real simulation and bumps `configVersion` so the knobs re-read it.
 */
function LiveControls({
  scenarioId,
  sim,
  spies,
}: {
  scenarioId: string;
  sim: SimulationHandle;
  spies: { onPlay: () => void; onKnob: (apply: Apply) => void };
}) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);
  const [version, setVersion] = useState(0);
  return (
    <WidgetControls
      widgetId="live"
      scenarioId={scenarioId}
      config={sim.config}
      configVersion={version}
      playing={playing}
      speed={speed}
      onPlay={() => {
        spies.onPlay();
        setPlaying((p) => !p);
      }}
      onStep={() => sim.advanceBy(5)}
      onSpeed={setSpeed}
      onReset={() => {}}
      onKnob={(apply) => {
        spies.onKnob(apply);
        apply(sim);
        setVersion((v) => v + 1);
      }}
    />
  );
}

function renderLive(scenarioId: string) {
  const sim = newSim(scenarioId);
  const spies = { onPlay: vi.fn(), onKnob: vi.fn() };
  render(
    <I18nextProvider i18n={i18n}>
      <LiveControls scenarioId={scenarioId} sim={sim} spies={spies} />
    </I18nextProvider>,
  );
  return { sim, ...spies };
}

/**
 * jsdom (and user-event) leave a focused <input type="range"> unchanged on arrow keys, Home and
 * End. Browsers do the default action the HTML spec describes: step up/down, or jump to min/max,
 * then fire `input` and `change`. This emulates exactly that default action and nothing more, so the
 * component's own handlers are what is under test.
 */
const setNativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
function sliderDefaultAction(event: KeyboardEvent) {
  const el = event.target;
  if (!(el instanceof HTMLInputElement) || el.type !== 'range' || event.defaultPrevented) return;
  const before = el.value;
  if (event.key === 'ArrowRight' || event.key === 'ArrowUp') el.stepUp();
  else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') el.stepDown();
  else if (event.key === 'Home') setNativeValue.call(el, el.min);
  else if (event.key === 'End') setNativeValue.call(el, el.max);
  else return;
  // The default action is done here, so user-event must not do its text-caret handling as well.
  event.preventDefault();
  if (el.value === before) return;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => document.addEventListener('keydown', sliderDefaultAction));
afterEach(() => document.removeEventListener('keydown', sliderDefaultAction));

/**
 * An onKnob that does what PacketFlowWidget does, synchronously inside the event handler: it runs
 * the apply function at once, here against a fresh simulation of the scenario per call, so each
 * change can be checked on its own. `sims[n]` is the simulation that call `n` changed.
 */
function knobRecorder(scenarioId: string) {
  const sims: SimulationHandle[] = [];
  const onKnob = vi.fn((apply: Apply) => {
    expect(typeof apply).toBe('function');
    const sim = newSim(scenarioId);
    apply(sim);
    sims.push(sim);
  });
  const changed = (n: number) => {
    expect(sims[n], `onKnob call #${n}`).toBeDefined();
    return sims[n]!;
  };
  return { onKnob, changed };
}

const canaryWeights = (config: SimConfig) => {
  const rule = config.balancer.rules.find((r) => r.id === 'api-v2')!;
  return Object.fromEntries(rule.forward.map((f) => [f.pool, f.weight]));
};

describe('transport controls', () => {
  it('play/pause is a real toggle (WCAG 2.2.2): its label follows onPlay (no aria-pressed as well: the label already says what it does)', async () => {
    const user = userEvent.setup();
    const { onPlay } = renderLive('what-the-lb-sees');
    const group = screen.getByRole('group', { name: 'Simulation controls' });
    const play = within(group).getByRole('button', { name: 'Play' });
    expect(play).not.toHaveAttribute('aria-pressed');
    expect(within(group).getByRole('button', { name: 'Step' })).toBeEnabled();

    await user.click(play);
    expect(onPlay).toHaveBeenCalledTimes(1);
    const pause = within(group).getByRole('button', { name: 'Pause' });
    // The same element: focus stays on the control the user just operated.
    expect(pause).toBe(play);
    expect(pause).not.toHaveAttribute('aria-pressed');
    expect(within(group).queryByRole('button', { name: 'Play' })).toBeNull();
    // Stepping only makes sense while paused.
    expect(within(group).getByRole('button', { name: 'Step' })).toBeDisabled();

    // Keyboard: Space and Enter on the focused button both toggle.
    pause.focus();
    await user.keyboard(' ');
    expect(onPlay).toHaveBeenCalledTimes(2);
    expect(play).toHaveAccessibleName('Play');
    expect(play).not.toHaveAttribute('aria-pressed');
    await user.keyboard('{Enter}');
    expect(onPlay).toHaveBeenCalledTimes(3);
    expect(play).toHaveAccessibleName('Pause');
    expect(play).toHaveFocus();
  });

  it('the icon is hidden from assistive technology; the name is the word', () => {
    renderControls('what-the-lb-sees', { playing: true });
    const button = screen.getByRole('button', { name: 'Pause' });
    expect(button).toHaveTextContent('❚❚ Pause');
    expect(button.querySelector('[aria-hidden="true"]')).toHaveTextContent('❚❚');
  });

  it('Step and Reset call their callbacks; Step is disabled while playing', async () => {
    const user = userEvent.setup();
    const paused = renderControls('what-the-lb-sees');
    await user.click(screen.getByRole('button', { name: 'Step' }));
    await user.click(screen.getByRole('button', { name: 'Step' }));
    expect(paused.onStep).toHaveBeenCalledTimes(2);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(paused.onReset).toHaveBeenCalledTimes(1);
    expect(paused.onPlay).not.toHaveBeenCalled();
  });

  it('Step does nothing while playing, Reset still works', async () => {
    const user = userEvent.setup();
    const playing = renderControls('what-the-lb-sees', { playing: true });
    const step = screen.getByRole('button', { name: 'Step' });
    expect(step).toBeDisabled();
    await user.click(step);
    expect(playing.onStep).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(playing.onReset).toHaveBeenCalledTimes(1);
  });

  it('offers speeds from 0.25× to 4× and reports the chosen one as a number', async () => {
    const user = userEvent.setup();
    const { onSpeed } = renderControls('what-the-lb-sees', { speed: 0.5 });
    const select = screen.getByRole('combobox', { name: 'Speed' });
    const options = within(select).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['0.25×', '0.5×', '1×', '2×', '4×']);
    expect(options.map((o) => Number((o as HTMLOptionElement).value))).toEqual([...SPEEDS]);
    expect(select).toHaveValue('0.5');
    expect(screen.getByRole('option', { name: '0.5×', selected: true })).toBeInTheDocument();

    await user.selectOptions(select, '4×');
    expect(onSpeed).toHaveBeenLastCalledWith(4);
    await user.selectOptions(select, '0.25×');
    expect(onSpeed).toHaveBeenLastCalledWith(0.25);
    expect(onSpeed.mock.calls.every(([s]) => typeof s === 'number')).toBe(true);
  });

  it('keeps the chosen speed when wired to state', async () => {
    const user = userEvent.setup();
    renderLive('what-the-lb-sees');
    const select = screen.getByRole('combobox', { name: 'Speed' });
    await user.selectOptions(select, '2×');
    expect(select).toHaveValue('2');
  });
});

describe('scenario knobs', () => {
  it.each(SCENARIO_IDS)('%s: every knob is a labelled native control', (scenarioId) => {
    const { config } = getScenario(scenarioId);
    renderControls(scenarioId);
    const knobIds = getScenario(scenarioId).widget.knobs;
    // Speed is the only select, and there are no sliders, besides the scenario's own knobs.
    const selects = knobIds.filter((id) => KNOBS[id].type === 'select').length;
    const ranges = knobIds.length - selects;
    expect(screen.getAllByRole('combobox')).toHaveLength(selects + 1);
    expect(screen.queryAllByRole('slider')).toHaveLength(ranges);
    expect(document.querySelector('.packet-flow__knobs') !== null).toBe(knobIds.length > 0);

    for (const id of knobIds) {
      const knob = KNOBS[id];
      const label = knobLabel('en', id);
      expect(label, id).toBeTruthy();
      if (knob.type === 'range') {
        const value = knob.read(config);
        const text = unitText('en', knob, value);
        const slider = screen.getByRole('slider', { name: `${label}: ${text}` });
        expect(slider).toHaveAttribute('id', `w1-${id}`);
        expect(slider).toHaveAttribute('aria-valuetext', text);
        expect(slider).toHaveValue(String(value));
        expect(slider).toHaveAttribute('min', String(knob.min));
        expect(slider).toHaveAttribute('max', String(knob.max));
        expect(slider).toHaveAttribute('step', String(knob.step));
      } else {
        const select = screen.getByRole('combobox', { name: label });
        expect(select).toHaveAttribute('id', `w1-${id}`);
        expect(select).toHaveValue(knob.read(config));
        const options = within(select).getAllByRole('option') as HTMLOptionElement[];
        expect(options.map((o) => o.value)).toEqual([...knob.options]);
        // Every option has a translated, human label, never the raw value or an empty string.
        for (const o of options) expect(o.textContent, `${id}=${o.value}`).toBe(optionLabel('en', o.value));
      }
    }
  });

  it('canary weight: aria-valuetext with units, and arrow/Home/End change the real routing rule', async () => {
    const user = userEvent.setup();
    expect(canaryWeights(newSim('content-routing-canary').config)).toEqual({ v2: 90, canary: 10 });
    const { onKnob, changed } = knobRecorder('content-routing-canary');
    renderControls('content-routing-canary', { onKnob });
    const slider = screen.getByRole('slider', { name: 'Canary weight: 10%' });
    expect(slider).toHaveAttribute('aria-valuetext', '10%');
    expect(screen.getByRole('slider', { name: 'Request rate: 2000 req/s' })).toHaveAttribute(
      'aria-valuetext',
      '2000 req/s',
    );

    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(onKnob).toHaveBeenCalledTimes(1);
    expect(canaryWeights(changed(0).config)).toEqual({ v2: 89, canary: 11 });
    expect(KNOBS.canary.read(changed(0).config)).toBe(11);

    await user.keyboard('{End}');
    expect(canaryWeights(changed(1).config)).toEqual({ v2: 0, canary: 100 });

    await user.keyboard('{Home}');
    const home = changed(2);
    expect(canaryWeights(home.config)).toEqual({ v2: 100, canary: 0 });
    // The other rule (static) is left alone.
    expect(home.config.balancer.rules.find((r) => r.id === 'static')!.forward).toEqual([{ pool: 'static', weight: 1 }]);
    expect(onKnob).toHaveBeenCalledTimes(3);

    // The change is live: the simulation runs on with the new rule, and the canary gets nothing.
    home.advanceTo(2000);
    const byPool = (pool: string) =>
      home
        .metrics()
        .backends.filter((b) => b.pool === pool)
        .reduce((n, b) => n + b.requests, 0);
    expect(byPool('canary')).toBe(0);
    expect(byPool('v2')).toBeGreaterThan(0);
  });

  it('canary weight: the knob re-reads the configuration after a live change', async () => {
    const user = userEvent.setup();
    const { sim, onKnob } = renderLive('content-routing-canary');
    screen.getByRole('slider', { name: /^Canary weight/ }).focus();
    await user.keyboard('{ArrowRight}');
    expect(onKnob).toHaveBeenCalledTimes(1);
    expect(canaryWeights(sim.config)).toEqual({ v2: 89, canary: 11 });
    const slider = screen.getByRole('slider', { name: 'Canary weight: 11%' });
    expect(slider).toHaveAttribute('aria-valuetext', '11%');
    expect(slider).toHaveValue('11');
  });

  it('NAT share: percent valuetext; keys step by 5 and change clients.natShare', async () => {
    const user = userEvent.setup();
    expect(newSim('sticky-ip-hash-nat').config.clients.natShare).toBe(0.3);
    const { sim, onKnob } = renderLive('sticky-ip-hash-nat');
    const slider = screen.getByRole('slider', { name: 'Users behind one NAT: 30%' });
    expect(slider).toHaveAttribute('aria-valuetext', '30%');

    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(sim.config.clients.natShare).toBeCloseTo(0.35, 10);
    await user.keyboard('{ArrowLeft}');
    expect(sim.config.clients.natShare).toBeCloseTo(0.3, 10);
    await user.keyboard('{ArrowLeft}');
    expect(sim.config.clients.natShare).toBeCloseTo(0.25, 10);
    await user.keyboard('{Home}');
    expect(sim.config.clients.natShare).toBe(0);
    await user.keyboard('{End}');
    expect(sim.config.clients.natShare).toBe(1);
    expect(onKnob).toHaveBeenCalledTimes(5);
    expect(KNOBS.natShare.read(sim.config)).toBe(100);
    // The control shows what the engine runs with.
    expect(screen.getByRole('slider', { name: 'Users behind one NAT: 100%' })).toHaveValue('100');
  });

  it('request rate: keys step by 10 req/s and change clients.ratePerSecond', async () => {
    const user = userEvent.setup();
    const { onKnob, changed } = knobRecorder('content-routing-canary');
    renderControls('content-routing-canary', { onKnob });
    screen.getByRole('slider', { name: /^Request rate/ }).focus();
    await user.keyboard('{ArrowRight}');
    expect(changed(0).config.clients.ratePerSecond).toBe(2010);
    await user.keyboard('{Home}');
    expect(changed(1).config.clients.ratePerSecond).toBe(10);
    await user.keyboard('{End}');
    expect(changed(2).config.clients.ratePerSecond).toBe(5000);
  });

  it('keys at the end of the range do not report a change', async () => {
    const user = userEvent.setup();
    const { onKnob } = renderLive('sticky-ip-hash-nat');
    screen.getByRole('slider', { name: /^Users behind one NAT/ }).focus();
    await user.keyboard('{End}');
    expect(onKnob).toHaveBeenCalledTimes(1);
    await user.keyboard('{ArrowRight}{End}');
    expect(onKnob).toHaveBeenCalledTimes(1);
  });

  it('balancer layer (mode): choosing L4 applies a valid L4 configuration', async () => {
    const user = userEvent.setup();
    expect(newSim('what-the-lb-sees').config.balancer).toMatchObject({ mode: 'l7', tls: 'terminate' });
    const { onKnob, changed } = knobRecorder('what-the-lb-sees');
    renderControls('what-the-lb-sees', { onKnob });
    const mode = screen.getByRole('combobox', { name: 'Balancer layer' });
    expect(mode).toHaveValue('l7');
    expect(
      within(mode)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['L4 (per connection)', 'L7 (per request)']);
    await user.selectOptions(mode, 'L4 (per connection)');
    expect(onKnob).toHaveBeenCalledTimes(1);
    // An L4 balancer cannot terminate TLS: the knob switches it to passthrough.
    expect(changed(0).config.balancer).toMatchObject({ mode: 'l4', tls: 'passthrough' });
    expect(changed(0).topology()).toMatchObject({ mode: 'l4', tls: 'passthrough' });
  });

  it('affinity: choosing cookie affinity switches the real simulation to L7 with cookies', async () => {
    const user = userEvent.setup();
    const { onKnob, changed } = knobRecorder('sticky-ip-hash-nat');
    renderControls('sticky-ip-hash-nat', { onKnob });
    const affinity = screen.getByRole('combobox', { name: 'Affinity' });
    expect(affinity).toHaveValue('source-ip');
    expect(
      within(affinity)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['none', 'cookie', 'source IP hash']);
    await user.selectOptions(affinity, 'cookie');
    expect(changed(0).config.balancer).toMatchObject({ stickiness: 'cookie', mode: 'l7', forwarding: 'nat' });
    expect(changed(0).config.balancer.tls).not.toBe('passthrough');
    await user.selectOptions(affinity, 'none');
    expect(changed(1).config.balancer.stickiness).toBe('none');
    expect(onKnob).toHaveBeenCalledTimes(2);
  });

  it('algorithm: lists every engine algorithm and applies the chosen one', async () => {
    const user = userEvent.setup();
    const { onKnob, changed } = knobRecorder('hash-churn');
    renderControls('hash-churn', { onKnob });
    const algorithm = screen.getByRole('combobox', { name: 'Algorithm' });
    expect(algorithm).toHaveValue('maglev');
    expect((within(algorithm).getAllByRole('option') as HTMLOptionElement[]).map((o) => o.value)).toEqual([
      ...ALGORITHMS,
    ]);
    await user.selectOptions(algorithm, 'ring hash');
    const sim = changed(0);
    expect(sim.config.balancer.algorithm).toBe('ring-hash');
    // A live algorithm change keeps the simulation running.
    sim.advanceTo(500);
    expect(sim.metrics().requests.sent).toBeGreaterThan(0);
  });

  it('a select knob re-reads the configuration after a live change', async () => {
    const user = userEvent.setup();
    const { sim } = renderLive('what-the-lb-sees');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Balancer layer' }), 'l4');
    expect(sim.config.balancer.mode).toBe('l4');
    expect(screen.getByRole('combobox', { name: 'Balancer layer' })).toHaveValue('l4');
    // The TLS knob shows the consequence the mode knob applied.
    expect(screen.getByRole('combobox', { name: 'TLS' })).toHaveValue('passthrough');
  });
});

describe('in Russian', () => {
  afterEach(async () => {
    await act(() => i18n.changeLanguage('en'));
  });

  /** Every knob of the scenario is labelled in Russian, with no English label text left. */
  function expectRussianKnobs(scenarioId: string) {
    const { config } = getScenario(scenarioId);
    for (const id of getScenario(scenarioId).widget.knobs) {
      const knob = KNOBS[id];
      const ru = knobLabel('ru', id);
      const en = knobLabel('en', id);
      expect(ru, id).not.toBe(en);
      const control =
        knob.type === 'range'
          ? screen.getByRole('slider', { name: `${ru}: ${unitText('ru', knob, knob.read(config))}` })
          : screen.getByRole('combobox', { name: ru });
      const field = control.closest('label')!;
      expect(field.textContent).not.toContain(en);
      if (knob.type === 'range') {
        expect(control).toHaveAttribute('aria-valuetext', unitText('ru', knob, knob.read(config)));
      } else {
        for (const option of within(control).getAllByRole('option')) {
          const value = (option as HTMLOptionElement).value;
          expect(option.textContent, `${id}=${value}`).toBe(optionLabel('ru', value));
          // Some names are the same in both languages (cookie, Maglev); the rest must not be English.
          if (optionLabel('ru', value) !== optionLabel('en', value))
            expect(option.textContent).not.toBe(optionLabel('en', value));
        }
      }
    }
  }

  it('renders the transport and knobs in Russian', async () => {
    await act(() => i18n.changeLanguage('ru'));
    renderControls('sticky-ip-hash-nat');
    const group = screen.getByRole('group', { name: 'Управление симуляцией' });
    expect(within(group).getByRole('button', { name: 'Запустить' })).toBeInTheDocument();
    expect(within(group).getByRole('button', { name: 'Шаг' })).toBeInTheDocument();
    expect(within(group).getByRole('button', { name: 'Сначала' })).toBeInTheDocument();
    expect(within(group).getByRole('combobox', { name: 'Скорость' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Пользователи за одним NAT: 30%' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Привязка' })).toHaveDisplayValue('хеш IP-адреса источника');
    expectRussianKnobs('sticky-ip-hash-nat');
    for (const english of ['Play', 'Step', 'Reset', 'Speed', 'Affinity', 'Users behind one NAT', 'source IP hash'])
      expect(group).not.toHaveTextContent(english);
  });

  it('switches language live, including units in aria-valuetext', async () => {
    renderControls('content-routing-canary');
    expect(screen.getByRole('slider', { name: 'Request rate: 2000 req/s' })).toBeInTheDocument();
    await act(() => i18n.changeLanguage('ru'));
    expectRussianKnobs('content-routing-canary');
    const rate = screen.getByRole('slider', { name: 'Поток запросов: 2000 запр./с' });
    expect(rate).toHaveAttribute('aria-valuetext', '2000 запр./с');
    expect(screen.getByRole('slider', { name: 'Вес канарейки: 10%' })).toBeInTheDocument();
    expect(screen.queryByText(/Canary weight|Request rate|req\/s/)).toBeNull();
  });

  it.each(['what-the-lb-sees', 'hash-churn', 'nat-vs-dsr', 'crash-shared-store'])(
    '%s: select knobs are fully translated',
    async (scenarioId) => {
      await act(() => i18n.changeLanguage('ru'));
      renderControls(scenarioId);
      const { config } = getScenario(scenarioId);
      for (const id of getScenario(scenarioId).widget.knobs) {
        const knob = KNOBS[id];
        const label = knobLabel('ru', id);
        const control =
          knob.type === 'range'
            ? screen.getByRole('slider', { name: `${label}: ${unitText('ru', knob, knob.read(config))}` })
            : screen.getByRole('combobox', { name: label });
        if (knob.type === 'select')
          for (const option of within(control).getAllByRole('option'))
            expect(option.textContent).toBe(optionLabel('ru', (option as HTMLOptionElement).value));
      }
      // TLS is "TLS" in both languages; every other knob label changes.
      for (const id of getScenario(scenarioId).widget.knobs.filter((k) => k !== 'tls'))
        expect(screen.queryByText(knobLabel('en', id), { exact: false })).toBeNull();
    },
  );
});
