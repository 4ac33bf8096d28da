/**
 * The house rules for imports, checked by `npm run lint` (dependency-cruiser). Type-only imports
 * count too: a cycle through types is still a cycle a reader has to untangle.
 *
 * Layers, low to high (a layer imports only from layers below it, never sideways or up):
 *   engine, lib → viz, i18n, ui → widgets, quiz, progress → lab, content → routes → app
 * The features (widgets, quiz, progress) never import each other: they meet in content's adapters
 * and in the Lab, which builds on the widgets' parts and the progress store's safe storage.
 */
const layer = (name) => `^src/(${name})/`;
const higherThan = {
  lib: 'engine|viz|i18n|ui|widgets|quiz|progress|lab|content|routes|app',
  'viz|i18n|ui': 'widgets|quiz|progress|lab|content|routes|app',
  'widgets|quiz|progress': 'lab|content|routes|app',
  lab: 'content|routes|app',
  content: 'lab|routes|app',
  routes: 'app',
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles (type-only imports included) make modules impossible to read in order.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'engine-stays-pure',
      severity: 'error',
      comment: 'The engine is plain TypeScript on its own: it imports nothing from the rest of src/.',
      from: { path: '^src/engine/' },
      to: { path: '^src/', pathNot: '^src/engine/' },
    },
    {
      name: 'engine-through-its-doors',
      severity: 'error',
      comment:
        'Outside the engine, import a model through its door: src/engine/index.ts, src/engine/scheduling/index.ts, or the dependency-free src/engine/pure.ts.',
      from: { path: '^src/', pathNot: '^src/engine/' },
      to: { path: '^src/engine/', pathNot: '^src/engine/(index|pure|scheduling/index)\\.ts$' },
    },
    ...Object.entries(higherThan).map(([lower, higher]) => ({
      name: `layers-${lower.split('|')[0]}`,
      severity: 'error',
      comment: `${lower} sits below ${higher}: a lower layer never imports a higher one (see README, Architecture).`,
      from: { path: layer(lower) },
      to: { path: layer(higher) },
    })),
    {
      name: 'features-apart',
      severity: 'error',
      comment: 'widgets, quiz and progress do not import each other; content adapters connect them.',
      from: { path: '^src/(widgets|quiz|progress)/' },
      to: { path: '^src/(widgets|quiz|progress)/', pathNot: '^src/$1/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
