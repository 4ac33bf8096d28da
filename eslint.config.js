import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'test-results', '.vite'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Raw HTML is never rendered: compile content instead.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'No raw HTML injection.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No raw HTML injection.' },
      ],
    },
  },
  {
    // Outside the engine, only its public surface may be imported.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*', '!**/engine/index', '!**/engine/index.ts', '!**/engine/pure', '!**/engine/pure.ts', '!**/engine/scheduling'], message: 'Import the engine through src/engine/index.ts, src/engine/scheduling/index.ts or the dependency-free src/engine/pure.ts.' }, { group: ['**/engine/scheduling/*', '!**/engine/scheduling/index', '!**/engine/scheduling/index.ts'], message: 'Import the scheduling model through src/engine/scheduling/index.ts.' }] }],
    },
  },
  {
    // The engine is a pure, seeded simulation: no UI libraries, no wall clock, no Math.random.
    files: ['src/engine/**/*.ts'],
    rules: {
      // Imports from the rest of src/ are refused by dependency-cruiser (.dependency-cruiser.cjs).
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', 'd3*', 'zustand*', 'i18next*'] }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the injected seeded PRNG.' },
        { object: 'Date', property: 'now', message: 'Use simulated time.' },
      ],
    },
  },
);
