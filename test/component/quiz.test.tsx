import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { QuizData } from '../../src/content/tree';
import { i18n } from '../../src/i18n';
import { Quiz } from '../../src/quiz/Quiz';
import { Reflection } from '../../src/quiz/Reflection';
import { useLearnerStore } from '../../src/progress/learner-store';
import { renderApp } from './render-app';

const text = (v: string) => [{ t: 'text' as const, v }];
const para = (v: string) => [{ t: 'p' as const, c: text(v) }];
const makeQuiz = (kind: QuizData['kind']): QuizData => ({
  type: 'quiz',
  id: 'q',
  kind,
  question: para('Which?'),
  options: [
    { id: 'a', correct: kind !== 'single', text: text('Alpha'), explanation: para('Alpha because') },
    { id: 'b', correct: true, text: text('Beta'), explanation: para('Beta because') },
    { id: 'c', correct: false, text: text('Gamma'), explanation: para('Gamma because') },
  ],
});

function renderQuiz(quiz: QuizData, saved: Parameters<typeof Quiz>[0]['saved'] = null) {
  const onCheck = vi.fn();
  const onReveal = vi.fn();
  const renderRun = vi.fn(() => <div data-testid="run">scenario running</div>);
  render(
    <I18nextProvider i18n={i18n}>
      <Quiz
        quiz={quiz}
        order={quiz.options}
        saved={saved}
        onCheck={onCheck}
        onReveal={onReveal}
        renderBlocks={(nodes) =>
          nodes.map((n, i) => <p key={i}>{n.t === 'p' ? n.c.map((c) => ('v' in c ? c.v : '')).join('') : ''}</p>)
        }
        renderInlines={(nodes) => nodes.map((n) => ('v' in n ? n.v : '')).join('')}
        renderRun={renderRun}
      />
    </I18nextProvider>,
  );
  return { onCheck, onReveal, renderRun };
}

const predictQuiz = (): QuizData => ({
  ...makeQuiz('predict'),
  options: [
    { id: 'even', correct: false, text: text('Even'), explanation: para('Even because') },
    { id: 'melts', correct: true, text: text('Melts'), explanation: para('Melts because') },
  ],
  predict: {
    prediction: 'nat-ip-hash-skew',
    scenario: 'sticky-ip-hash-nat',
    measure: 'imbalance',
    format: { unit: 'ratio' },
    seed: 42,
    durationMs: 20_000,
    value: 3.735,
  },
});

describe('predict-then-run quiz', () => {
  it('runs the scenario only after the prediction is locked in, and shows the measured outcome', async () => {
    const user = userEvent.setup();
    const { onCheck, onReveal, renderRun } = renderQuiz(predictQuiz());
    expect(screen.queryByTestId('run')).toBeNull();
    expect(screen.getByRole('button', { name: 'Lock in my prediction' })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: 'Even' }));
    await user.click(screen.getByRole('button', { name: 'Lock in my prediction' }));
    expect(onCheck).toHaveBeenCalledWith(['even'], false);
    // No second try at a prediction: a wrong one counts as the answer being shown.
    expect(onReveal).toHaveBeenCalledWith(['even']);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByTestId('run')).toBeInTheDocument();
    expect(renderRun).toHaveBeenCalled();
    expect(screen.getByText('3.7×')).toBeInTheDocument();
    expect(screen.getByText(/The simulation did something else/)).toBeInTheDocument();
    expect(screen.getByText('Even because')).toBeInTheDocument();
    expect(screen.getByText('What the simulation did')).toBeInTheDocument();
    expect(screen.getByText('Melts because')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Even' })).toBeChecked();
  });

  it('records a right prediction as solved', async () => {
    const user = userEvent.setup();
    const { onCheck, onReveal } = renderQuiz(predictQuiz());
    await user.click(screen.getByRole('radio', { name: 'Melts' }));
    await user.click(screen.getByRole('button', { name: 'Lock in my prediction' }));
    expect(onCheck).toHaveBeenCalledWith(['melts'], true);
    expect(onReveal).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('✓ Your prediction was right.');
  });

  it('shows a stored wrong prediction next to the outcome', () => {
    renderQuiz(predictQuiz(), { answer: ['even'], state: 'revealed', updatedAt: 1 });
    expect(screen.getByRole('radio', { name: 'Even' })).toBeChecked();
    expect(screen.getByText('What the simulation did')).toBeInTheDocument();
    expect(screen.getByTestId('run')).toBeInTheDocument();
  });
});

describe('single-choice quiz', () => {
  it('is a radio group operated by keyboard, with feedback and retry', async () => {
    const user = userEvent.setup();
    const { onCheck } = renderQuiz(makeQuiz('single'));
    const group = screen.getByRole('group', { name: 'Which?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Check' })).toBeDisabled();
    await user.tab();
    expect(radios[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(radios[2]).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(onCheck).toHaveBeenCalledWith(['c'], false);
    expect(screen.getByRole('status')).toHaveTextContent(/Not quite/);
    // A wrong attempt marks the wrong choice but explains nothing yet: that would give it away.
    expect(screen.getByText('Not right')).toBeVisible();
    expect(screen.queryByText('Gamma because')).toBeNull();
    expect(screen.queryByText('Beta because')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await user.click(screen.getByLabelText('Beta'));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(onCheck).toHaveBeenLastCalledWith(['b'], true);
    expect(screen.getByRole('status')).toHaveTextContent(/Right!/);
    expect(screen.getByText('Beta because')).toBeVisible();
    expect(screen.queryByRole('button', { name: /show the answer/ })).toBeNull();
  });

  it('reveals every option with its explanation on "show the answer"', async () => {
    const user = userEvent.setup();
    const { onReveal } = renderQuiz(makeQuiz('single'));
    await user.click(screen.getByRole('button', { name: /show the answer/ }));
    expect(onReveal).toHaveBeenCalled();
    for (const why of ['Alpha because', 'Beta because', 'Gamma because']) expect(screen.getByText(why)).toBeVisible();
    expect(screen.getByLabelText('Beta')).toBeChecked();
    expect(screen.getByText('Right answer')).toBeVisible();
  });
});

describe('multiple-choice quiz', () => {
  it('uses checkboxes, and keeps missed right answers to itself until the answer is shown', async () => {
    const user = userEvent.setup();
    const { onCheck } = renderQuiz(makeQuiz('multiple'));
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    await user.click(screen.getByLabelText('Alpha'));
    await user.click(screen.getByLabelText('Gamma'));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(onCheck).toHaveBeenCalledWith(['a', 'c'], false);
    // Gamma is wrong and says so; that Beta was missed stays hidden, and so does every explanation.
    expect(screen.getAllByText('Not right')).toHaveLength(1);
    expect(screen.queryByText('You missed this one')).toBeNull();
    expect(screen.queryByText(/because/)).toBeNull();
    await user.click(screen.getByRole('button', { name: /show the answer/ }));
    expect(screen.getByText('Beta because')).toBeVisible();
  });

  it('says an answer with no wrong choice is incomplete, instead of pointing at marks that are not there', async () => {
    const user = userEvent.setup();
    renderQuiz(makeQuiz('multiple'));
    await user.click(screen.getByLabelText('Alpha'));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByRole('status')).toHaveTextContent(/what you chose is right, but not all of it/);
    expect(screen.queryByText('Not right')).toBeNull();
  });

  it('names the misconception behind a wrong choice and points back to the section', async () => {
    const user = userEvent.setup();
    const quiz = makeQuiz('single');
    quiz.options[2]!.misconception = 'gamma-rays';
    render(
      <I18nextProvider i18n={i18n}>
        <Quiz
          quiz={quiz}
          order={quiz.options}
          saved={null}
          onCheck={vi.fn()}
          onReveal={vi.fn()}
          renderBlocks={(nodes) =>
            nodes.map((n, i) => <p key={i}>{n.t === 'p' ? n.c.map((c) => ('v' in c ? c.v : '')).join('') : ''}</p>)
          }
          renderInlines={(nodes) => nodes.map((n) => ('v' in n ? n.v : '')).join('')}
          misconceptionTitle={(id) => (id === 'gamma-rays' ? 'Gamma always wins' : undefined)}
          reread={<a href="#greek">Reread “Greek letters”</a>}
        />
      </I18nextProvider>,
    );
    await user.click(screen.getByLabelText('Gamma'));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText(/the misconception: Gamma always wins/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Reread “Greek letters”' })).toHaveAttribute('href', '#greek');
  });

  it('retries a true/false quiz on the statements still wrong only', async () => {
    const user = userEvent.setup();
    const { onCheck } = renderQuiz(makeQuiz('truefalse'));
    const statements = () => screen.getAllByRole('group');
    await user.click(within(statements()[0]!).getByLabelText('True'));
    await user.click(within(statements()[1]!).getByLabelText('False'));
    await user.click(within(statements()[2]!).getByLabelText('False'));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(onCheck).toHaveBeenCalledWith(['a=true', 'b=false', 'c=false'], false);
    expect(screen.getAllByText('Right')).toHaveLength(2);
    expect(screen.getAllByText('Not right')).toHaveLength(1);
    expect(screen.queryByText(/because/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    // The two right statements keep their answers and are locked; only the wrong one is asked again.
    expect(within(statements()[0]!).getByLabelText('True')).toBeDisabled();
    expect(within(statements()[0]!).getByLabelText('True')).toBeChecked();
    expect(within(statements()[1]!).getByLabelText('True')).toBeEnabled();
    expect(within(statements()[1]!).getByLabelText('False')).not.toBeChecked();
    await user.click(within(statements()[1]!).getByLabelText('True'));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(onCheck).toHaveBeenLastCalledWith(['a=true', 'c=false', 'b=true'], true);
    expect(screen.getByText('Beta because')).toBeVisible();
  });

  it('restores a saved, solved answer', () => {
    renderQuiz(makeQuiz('multiple'), { answer: ['a', 'b'], state: 'solved', updatedAt: 1 });
    expect(screen.getByLabelText('Alpha')).toBeChecked();
    expect(screen.getByLabelText('Beta')).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(/Right!/);
  });
});

describe('true/false quiz', () => {
  it('asks every statement and grades each', async () => {
    const user = userEvent.setup();
    const { onCheck } = renderQuiz(makeQuiz('truefalse'));
    const statements = screen.getAllByRole('group');
    expect(statements).toHaveLength(3);
    await user.click(within(statements[0]!).getByLabelText('True'));
    expect(screen.getByRole('button', { name: 'Check' })).toBeDisabled();
    await user.click(within(statements[1]!).getByLabelText('True'));
    await user.click(within(statements[2]!).getByLabelText('False'));
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(onCheck).toHaveBeenCalledWith(['a=true', 'b=true', 'c=false'], true);
  });
});

describe('reflection', () => {
  it('saves as the student types and reveals the model answer on request', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(
      <I18nextProvider i18n={i18n}>
        <Reflection
          reflection={{ type: 'reflection', id: 'r', question: para('Why?'), answer: para('Because.') }}
          savedText=""
          onSave={onSave}
          renderBlocks={(nodes) =>
            nodes.map((n, i) => <p key={i}>{n.t === 'p' ? n.c.map((c) => ('v' in c ? c.v : '')).join('') : ''}</p>)
          }
        />
      </I18nextProvider>,
    );
    await user.type(screen.getByRole('textbox', { name: /Your answer/ }), 'NAT');
    await vi.waitFor(() => expect(onSave).toHaveBeenLastCalledWith('NAT'), { timeout: 2000 });
    expect(screen.getByText('Because.')).not.toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Compare with a model answer' }));
    expect(screen.getByText('Because.')).toBeVisible();
  });
});

describe('quiz in a lesson', () => {
  it('records the answer in the learner store by language-neutral ids', async () => {
    const user = userEvent.setup();
    renderApp('/en/lessons/l4-vs-l7-balancing');
    const quiz = (await screen.findAllByRole('button', { name: /show the answer/ }, { timeout: 10_000 }))[0]!.closest(
      'section',
    )!;
    const id = quiz.getAttribute('data-quiz')!;
    await user.click(within(quiz).getByRole('button', { name: /show the answer/ }));
    expect(useLearnerStore.getState().lessons['l4-vs-l7-balancing']?.quizzes[id]?.revealedAt).toBeGreaterThan(0);
  });
});

describe('an open quiz follows the store (another tab)', () => {
  const renderBlocks = (nodes: QuizData['question']) =>
    nodes.map((n, i) => <p key={i}>{n.t === 'p' ? n.c.map((c) => ('v' in c ? c.v : '')).join('') : ''}</p>);
  const renderInlines = (nodes: QuizData['options'][number]['text']) =>
    nodes.map((n) => ('v' in n ? n.v : '')).join('');
  const view = (quiz: QuizData, saved: Parameters<typeof Quiz>[0]['saved']) => (
    <I18nextProvider i18n={i18n}>
      <Quiz
        quiz={quiz}
        order={quiz.options}
        saved={saved}
        onCheck={vi.fn()}
        onReveal={vi.fn()}
        renderBlocks={renderBlocks}
        renderInlines={renderInlines}
      />
    </I18nextProvider>
  );

  it('shows an answer solved elsewhere, and goes back to unanswered after a lesson reset', () => {
    const quiz = makeQuiz('multiple');
    const { rerender } = render(view(quiz, null));
    expect(screen.getByRole('button', { name: 'Check' })).toBeInTheDocument();
    rerender(view(quiz, { answer: ['a', 'b'], state: 'solved', updatedAt: 10 }));
    expect(screen.getByLabelText('Alpha')).toBeChecked();
    expect(screen.getByLabelText('Beta')).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Right!');
    rerender(view(quiz, null));
    expect(screen.getByLabelText('Alpha')).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Check' })).toBeInTheDocument();
  });

  it('keeps a selection the student has not checked yet', async () => {
    const user = userEvent.setup();
    const quiz = makeQuiz('single');
    const { rerender } = render(view(quiz, null));
    await user.click(screen.getByLabelText('Beta'));
    rerender(view(quiz, { answer: ['a'], state: 'solved', updatedAt: 10 }));
    expect(screen.getByLabelText('Beta')).toBeChecked();
    expect(screen.getByRole('button', { name: 'Check' })).toBeInTheDocument();
  });
});

describe('an open reflection follows the store (another tab)', () => {
  const view = (savedText: string, onSave = vi.fn()) => (
    <I18nextProvider i18n={i18n}>
      <Reflection
        reflection={{ type: 'reflection', id: 'r', question: para('Why?'), answer: para('Because.') }}
        savedText={savedText}
        onSave={onSave}
        renderBlocks={() => null}
      />
    </I18nextProvider>
  );

  it('shows text saved elsewhere, but never overwrites text the student is typing', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    const { rerender } = render(view('', onSave));
    const box = screen.getByRole('textbox', { name: /Your answer/ });
    rerender(view('From the other tab', onSave));
    expect(box).toHaveValue('From the other tab');
    await user.clear(box);
    await user.type(box, 'Mine');
    rerender(view('Another update', onSave));
    expect(box).toHaveValue('Mine');
    await vi.waitFor(() => expect(onSave).toHaveBeenLastCalledWith('Mine'), { timeout: 2000 });
    // Saved: the store's merge result (here, the student's newer text) is what shows.
    rerender(view('Mine', onSave));
    expect(box).toHaveValue('Mine');
  });
});
