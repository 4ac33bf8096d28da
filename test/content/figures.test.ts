import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/content/compile/compile-course';
import { formatError } from '../../src/content/compile/diagnostics';
import { VALID_FILES } from '../helpers/content-fixture';
import { checkFigures, normaliseFigure, readAllowlist, scanMarkdown } from '../helpers/figures';

const root = resolve(__dirname, '../..');

/** Writes a fixture course (the valid one with overrides) and returns its content directory. */
function fixture(overrides: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'balancer-figures-')), 'content');
  for (const [path, text] of Object.entries({ ...VALID_FILES, ...overrides })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const withBody = (lang: 'en' | 'ru', body: string) =>
  VALID_FILES[`${lang}/lessons/alpha.md`]!.replace(/\n## .*$/s, `\n${body}`);

describe('hand-typed figures in the real course', () => {
  it('compiles, and every percentage or ratio a student reads is measured or sourced', () => {
    const course = compileCourse(join(root, 'content'), root);
    expect(course.errors.map(formatError)).toEqual([]);
    expect(checkFigures(join(root, 'content'))).toEqual([]);
  });

  it('has an allowlist whose every entry names its lesson, figure, source and reason', () => {
    const entries = readAllowlist(join(root, 'content'));
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(['figure', 'lesson', 'source', 'why']);
  });
});

describe('the figure checker', () => {
  it('reads figures as a student would, in both languages', () => {
    expect(normaliseFigure('3,7\u00a0×')).toBe('3.7×');
    expect(normaliseFigure('50 %')).toBe('50%');
    expect(normaliseFigure('в 3,7 раза')).toBe('3.7×');
    expect(normaliseFigure('47 times')).toBe('47×');
    const found = scanMarkdown(
      '## A {#a}\n\nOne is 42%, one\nis 4,1\u00a0%, one is `7%` and one :measure{id="nat-skew"}.\n\nВ 3 раза больше, в 2,5 раза.\n\n```\n9%\n```\n',
      'x.md',
    );
    expect(found.map((f) => [f.line, f.figure])).toEqual([
      [3, '42%'],
      [4, '4.1%'],
      [6, '3×'],
      [6, '2.5×'],
    ]);
  });

  it('fails on a deliberately unmeasured "42%" in a fixture lesson, naming file, line and figure', () => {
    const text = withBody('en', '## First {#first}\n\nThe busiest server got 42%.\n');
    const line = text.split('\n').findIndex((l) => l.includes('42%')) + 1;
    expect(checkFigures(fixture({ 'en/lessons/alpha.md': text }), [])).toEqual([
      `content/en/lessons/alpha.md:${line}: "42%" is typed by hand; use :measure{id="…"} for a simulated number, or list a sourced figure in content/sourced-figures.yaml`,
    ]);
  });

  it('accepts measured numbers, code and sourced figures, and flags stale or unsourced entries', () => {
    const sources = '## Sources {#sources}\n\n- [Envoy](https://example.org/envoy)\n';
    const dir = fixture({
      'en/lessons/alpha.md': withBody(
        'en',
        `## First {#first}\n\nSkew: :measure{id="nat-skew"}; \`ratio: 50%\`; Envoy's threshold is 50%.\n\n${sources}`,
      ),
      'ru/lessons/alpha.md': withBody('ru', `## Первый {#first}\n\nПорог Envoy — 50\u00a0%.\n\n${sources}`),
    });
    const entry = { lesson: 'alpha', figure: '50%', source: 'https://example.org/envoy', why: 'Envoy default' };
    expect(checkFigures(dir, [entry])).toEqual([]);
    const problems = checkFigures(dir, [entry, { ...entry, figure: '60%', source: 'https://example.org/other' }]);
    expect(problems).toEqual([
      expect.stringMatching(/entry 2 .*alpha\.md does not link https:\/\/example\.org\/other/),
      expect.stringMatching(/entry 2 .*alpha\.md does not link https:\/\/example\.org\/other/),
      expect.stringMatching(/entry 2 \(alpha "60%"\) is no longer used/),
    ]);
  });

  it('lets a predict option name its own outcome bounds, and nothing else', () => {
    const quiz = (label: string) =>
      `## First {#first}\n\n::::quiz{id="p" kind="predict" prediction="dsr-balancer-bytes"}\nHow much?\n\n- [ ] ${label} {#few}\n  Because.\n- [ ] Between 10% and 75% {#half}\n  Because.\n- [ ] 75% or more {#all}\n  Because.\n::::\n`;
    const ok = fixture({ 'en/lessons/alpha.md': withBody('en', quiz('Under 10%')) });
    expect(checkFigures(ok, [])).toEqual([]);
    const wrong = fixture({ 'en/lessons/alpha.md': withBody('en', quiz('Under 20%')) });
    expect(checkFigures(wrong, [])).toEqual([
      expect.stringMatching(/alpha\.md:\d+: "20%" is typed by hand; a predict option may name only/),
    ]);
  });
});
