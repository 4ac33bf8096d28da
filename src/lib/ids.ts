/**
 * Language-neutral ids (lessons, sections, quizzes, options, widgets, servers): lowercase
 * kebab-case. One pattern for the content compiler, the learner store and widget links.
 */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isKebabId(value: unknown): value is string {
  return typeof value === 'string' && KEBAB_ID.test(value);
}
