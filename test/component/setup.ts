import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';
import { i18n } from '../../src/i18n';
import { useLearnerStore, useStorageNotice } from '../../src/progress/learner-store';

// jsdom has no layout: scrolling is a no-op there.
Element.prototype.scrollIntoView = function scrollIntoView() {};

let consoleError: MockInstance;

beforeEach(async () => {
  // React reports invalid nesting, missing keys and act() problems here: treat them as failures.
  consoleError = vi.spyOn(console, 'error');
  window.localStorage.clear();
  useLearnerStore.setState({
    settings: { language: null, theme: 'system', motion: 'system', updatedAt: 0 },
    lessons: {},
  });
  useStorageNotice.setState({ problem: null, dismissed: false });
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});
