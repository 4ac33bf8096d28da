/**
 * `npm run bench`: builds the production site and prints the budgets issue by issue. A benchmark,
 * not a test: it reports figures and marks misses, and exits non-zero only if a budget is missed.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { CSP } from '../../vite.config';
import { findChromium } from '../e2e/chromium-path';
import { measureBundle } from './bundle';
import { runLighthouse } from './lighthouse';
import { serveDist } from './static-server';

const KB = 1024;
const BUDGET = {
  lessonPageJs: 140 * KB,
  lessonChunk: 40 * KB,
  performance: 95,
  accessibility: 100,
  lcpMs: 2000,
  tbtMs: 100,
  cls: 0.02,
};
const misses: string[] = [];
const check = (ok: boolean, label: string) => {
  if (!ok) misses.push(label);
  return ok ? 'ok' : 'OVER BUDGET';
};
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist');
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});

const bundle = measureBundle(dist);
console.log('\nBundle (gzip -9)');
console.log(
  `  JS to render a lesson page: ${kb(bundle.lessonPageJsGzip)} (budget ${kb(BUDGET.lessonPageJs)}) ${check(bundle.lessonPageJsGzip <= BUDGET.lessonPageJs, 'lesson page JS')}`,
);
console.log(`  CSS: ${kb(bundle.cssGzip)}`);
for (const chunk of bundle.lessonChunks) {
  console.log(
    `  lesson ${chunk.name}: ${kb(chunk.gzip)} (budget ${kb(BUDGET.lessonChunk)}) ${check(chunk.gzip <= BUDGET.lessonChunk, `lesson chunk ${chunk.name}`)}`,
  );
}
for (const chunk of bundle.glossaryChunks) console.log(`  ${chunk.name}: ${kb(chunk.gzip)}`);
console.log(
  `  packet-flow widget chunk (lazy): ${kb(bundle.widgetGzip)} (budget 75.0 KB) ${check(bundle.widgetGzip > 0 && bundle.widgetGzip <= 75 * KB, 'widget chunk')}`,
);

if (!process.argv.includes('--no-lighthouse')) {
  const { url, server } = await serveDist(dist, `${CSP}; frame-ancestors 'none'`);
  try {
    const chrome = findChromium();
    for (const path of ['/en', '/en/lessons/l4-vs-l7-balancing']) {
      const lh = await runLighthouse(`${url}${path}`, chrome);
      console.log(`\nLighthouse mobile, median of 3: ${path}`);
      console.log(
        `  performance ${lh.performance} (≥ ${BUDGET.performance}) ${check(lh.performance >= BUDGET.performance, `${path} performance`)}`,
      );
      console.log(
        `  accessibility ${lh.accessibility} (= ${BUDGET.accessibility}) ${check(lh.accessibility >= BUDGET.accessibility, `${path} accessibility`)}`,
      );
      console.log(
        `  LCP ${(lh.lcpMs / 1000).toFixed(2)} s (≤ 2.0 s) ${check(lh.lcpMs <= BUDGET.lcpMs, `${path} LCP`)}`,
      );
      console.log(`  TBT ${Math.round(lh.tbtMs)} ms (≤ 100 ms) ${check(lh.tbtMs <= BUDGET.tbtMs, `${path} TBT`)}`);
      console.log(`  CLS ${lh.cls.toFixed(3)} (≤ 0.02) ${check(lh.cls <= BUDGET.cls, `${path} CLS`)}`);
    }
  } finally {
    server.close();
  }
}

console.log(misses.length ? `\n${misses.length} budget(s) missed: ${misses.join(', ')}` : '\nAll budgets met.');
process.exitCode = misses.length ? 1 : 0;
