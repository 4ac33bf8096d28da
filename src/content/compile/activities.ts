/**
 * Quizzes and reflections: container directives whose content has structure. A quiz is a
 * question followed by a task list (`- [x]` marks a right answer) with an explanation nested under
 * every option; a reflection is a question, a `---` line and a model answer. Mistakes are
 * reported with the position of the option or directive at fault.
 */
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { getPrediction, PREDICTIONS, resolvePrediction } from '../../engine/index.ts';
import { cachedEvaluate } from './engine-runs.ts';
import type { PredictData, QuizData, QuizKind, QuizOption, ReflectionData } from '../tree.ts';
import { isMeasureLabel } from '../../i18n/keys.ts';
import { KEBAB_ID } from '../../lib/ids.ts';
import { positionOf as at, splitOptionMarks, type ConvertContext } from './convert-context.ts';
import type { Position } from './diagnostics.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function parseQuiz(
  node: ContainerDirective,
  ctx: ConvertContext,
  id: string,
  attrs: Record<string, string>,
): QuizData | undefined {
  const fail = (where: Position, message: string) => {
    ctx.diag.add(ctx.file, where, `quiz "${id}": ${message}`);
    return undefined;
  };
  const kind = (attrs.kind ?? '') as QuizKind;
  if (kind !== 'predict' && attrs.prediction)
    return fail(at(node), 'only kind="predict" takes a prediction="…" attribute');
  const listIndex = node.children.findIndex(
    (child) => child.type === 'list' && child.children.some((item) => item.checked != null),
  );
  if (listIndex < 0)
    return fail(at(node), 'no options: add a task list ("- [x] right", "- [ ] wrong") after the question');
  const list = node.children[listIndex] as Extract<RootContent, { type: 'list' }>;
  const questionNodes = node.children.slice(0, listIndex);
  const after = node.children.slice(listIndex + 1);
  if (questionNodes.length === 0) return fail(at(node), 'the question must come before the options');
  if (after.length > 0)
    return fail(at(after[0]!), 'nothing may follow the options; put explanations under each option');

  const options: QuizOption[] = [];
  let ok = true;
  list.children.forEach((item, index) => {
    const option = parseOption(item, index, ctx, id);
    if (option) options.push(option);
    else ok = false;
  });
  if (!ok) return undefined;
  const seen = new Set<string>();
  for (const [i, option] of options.entries()) {
    if (seen.has(option.id)) return fail(at(list.children[i]!), `duplicate option id "${option.id}"`);
    seen.add(option.id);
  }
  if (kind === 'predict') {
    const predict = settlePrediction(attrs.prediction, options, (where, message) => fail(where ?? at(list), message));
    if (!predict) return undefined;
    return { type: 'quiz', id, kind, question: ctx.convert.blocks(questionNodes), options, predict };
  }
  const correct = options.filter((o) => o.correct).length;
  if (kind === 'single' && correct !== 1)
    return fail(at(list), `a single-choice quiz needs exactly one "- [x]" option, found ${correct}`);
  if (kind === 'multiple' && correct === 0)
    return fail(at(list), 'no correct answer: mark at least one option with "- [x]"');
  if (kind !== 'truefalse' && options.length < 2) return fail(at(list), 'a quiz needs at least two options');
  return { type: 'quiz', id, kind, question: ctx.convert.blocks(questionNodes), options };
}

/**
 * A predict quiz's answer is not written down: its prediction runs headless with its seed, and
 * the option whose id names the measured outcome becomes the right one (marked in `options`).
 */
function settlePrediction(
  predictionId: string | undefined,
  options: QuizOption[],
  fail: (where: Position | undefined, message: string) => undefined,
): PredictData | undefined {
  const known = PREDICTIONS.map((p) => p.id).join(', ');
  if (!predictionId) return fail(undefined, `kind="predict" needs prediction="…" (known: ${known})`);
  const prediction = getPrediction(predictionId);
  if (!prediction) return fail(undefined, `unknown prediction "${predictionId}" (known: ${known})`);
  if (options.some((o) => o.correct))
    return fail(undefined, 'a predict quiz gets its answer from the engine: mark every option "- [ ]", not "- [x]"');
  const outcomeIds = prediction.outcomes.map((o) => o.id);
  const optionIds = options.map((o) => o.id);
  if (outcomeIds.join() !== optionIds.join())
    return fail(
      undefined,
      `options must be the outcomes of prediction "${predictionId}" in order, as explicit ids: ${outcomeIds.map((o) => `{#${o}}`).join(' ')} (found ${optionIds.map((o) => `{#${o}}`).join(' ')})`,
    );
  // The replay names what it runs, and what it measures has a label in both dictionaries.
  const target =
    'experiment' in prediction
      ? isMeasureLabel(prediction.measure) && { experiment: prediction.experiment, measure: prediction.measure }
      : isMeasureLabel(prediction.measure) && { scenario: prediction.scenario, measure: prediction.measure };
  if (!target)
    return fail(
      undefined,
      `prediction "${predictionId}" measures "${prediction.measure}", which has no label in predict.measure (src/i18n/locales)`,
    );
  // Engine runs are deterministic and cached on disk by engine source hash.
  const result = resolvePrediction(prediction, undefined, cachedEvaluate);
  if (!result.outcome)
    return fail(
      undefined,
      `the engine measured ${prediction.measure} = ${result.value}, which no outcome of "${predictionId}" covers`,
    );
  for (const option of options) option.correct = option.id === result.outcome;
  return {
    prediction: predictionId,
    format: prediction.format,
    seed: result.seed,
    durationMs: result.durationMs,
    value: result.value,
    ...target,
  };
}

function parseOption(item: ListItem, index: number, ctx: ConvertContext, quizId: string): QuizOption | undefined {
  const where = at(item);
  if (item.checked == null) {
    ctx.diag.add(ctx.file, where, `quiz "${quizId}": option ${index + 1} must be a task item, "- [ ]" or "- [x]"`);
    return undefined;
  }
  const [first, ...rest] = item.children;
  if (!first || first.type !== 'paragraph') {
    ctx.diag.add(ctx.file, where, `quiz "${quizId}": option ${index + 1} needs its text on the "- [ ]" line`);
    return undefined;
  }
  // The option text is the first line; an indented explanation may follow in the same paragraph
  // (a soft line break) or as its own paragraphs.
  const { textNodes, explanationNodes } = splitFirstLine(first.children);
  const { id: explicitId, attributes, children: text } = splitOptionMarks(textNodes);
  const id = explicitId ?? LETTERS[index] ?? `o${index + 1}`;
  if (!KEBAB_ID.test(id)) {
    ctx.diag.add(ctx.file, where, `quiz "${quizId}": option id "${id}" must be lowercase kebab-case`);
    return undefined;
  }
  const marks = optionMarks(attributes, item.checked, (message) =>
    ctx.diag.add(ctx.file, where, `quiz "${quizId}": option ${index + 1}: ${message}`),
  );
  if (!marks) return undefined;
  if (marks.misconception) ctx.misconceptions.push({ target: marks.misconception, at: where });
  const explanation = [
    ...(explanationNodes.length ? [{ t: 'p' as const, c: ctx.convert.inlines(explanationNodes) }] : []),
    ...ctx.convert.blocks(rest),
  ];
  if (explanation.length === 0) {
    ctx.diag.add(ctx.file, where, `quiz "${quizId}": option ${index + 1} has no explanation; indent one under it`);
    return undefined;
  }
  return { id, correct: item.checked, text: ctx.convert.inlines(text), explanation, ...marks };
}

/** `misconception="id"` names what a wrong option stands for; `absolute="true"` marks its wording. */
function optionMarks(
  attributes: Record<string, string>,
  correct: boolean,
  fail: (message: string) => void,
): { misconception?: string; absolute?: true } | undefined {
  const out: { misconception?: string; absolute?: true } = {};
  for (const [key, value] of Object.entries(attributes)) {
    const problem =
      key === 'misconception'
        ? correct
          ? 'a right option stands for no misconception'
          : !KEBAB_ID.test(value)
            ? `misconception="${value}" must be a kebab-case id`
            : null
        : key === 'absolute'
          ? value !== 'true'
            ? 'absolute takes only "true"'
            : null
          : `unknown option attribute "${key}" (known: misconception, absolute)`;
    if (problem) {
      fail(problem);
      return undefined;
    }
    if (key === 'misconception') out.misconception = value;
    else out.absolute = true;
  }
  return out;
}

/** Splits a paragraph's inline nodes at the first line break. */
function splitFirstLine(nodes: PhrasingContent[]): {
  textNodes: PhrasingContent[];
  explanationNodes: PhrasingContent[];
} {
  const textNodes: PhrasingContent[] = [];
  const explanationNodes: PhrasingContent[] = [];
  let inText = true;
  for (const node of nodes) {
    if (!inText) {
      explanationNodes.push(node);
      continue;
    }
    if (node.type === 'text' && node.value.includes('\n')) {
      const [head = '', ...tail] = node.value.split('\n');
      if (head) textNodes.push({ ...node, value: head.trimEnd() });
      const rest = tail.join('\n').trimStart();
      if (rest) explanationNodes.push({ ...node, value: rest });
      inText = false;
    } else if (node.type === 'break') {
      inText = false;
    } else textNodes.push(node);
  }
  return { textNodes, explanationNodes };
}

export function parseReflection(node: ContainerDirective, ctx: ConvertContext, id: string): ReflectionData | undefined {
  const split = node.children.findIndex((child) => child.type === 'thematicBreak');
  const fail = (message: string) => {
    ctx.diag.add(ctx.file, at(node), `reflection "${id}": ${message}`);
    return undefined;
  };
  if (split < 0) return fail('separate the question from the model answer with a "---" line');
  const question = node.children.slice(0, split);
  const answer = node.children.slice(split + 1);
  if (question.length === 0) return fail('the question is missing (it comes before "---")');
  if (answer.length === 0) return fail('the model answer is missing (it comes after "---")');
  return { type: 'reflection', id, question: ctx.convert.blocks(question), answer: ctx.convert.blocks(answer) };
}
