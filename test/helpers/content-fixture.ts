import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileCourse } from '../../src/content/compile/compile-course';
import { formatError } from '../../src/content/compile/diagnostics';

/** A minimal valid two-language course; tests override single files to break it on purpose. */
export const VALID_FILES: Record<string, string> = {
  'course.json': '{ "lessons": ["alpha", "beta"] }',
  'en/lessons/alpha.md': lesson(
    'alpha',
    'Alpha',
    '[], related: [beta]',
    '## First {#first}\n\nSee :term[SNI]{id="sni"} and [beta](lesson:beta#second).\n',
  ),
  'ru/lessons/alpha.md': lesson(
    'alpha',
    'Альфа',
    '[], related: [beta]',
    '## Первый {#first}\n\nСм. :term[SNI]{id="sni"} и [бета](lesson:beta#second).\n',
  ),
  'en/lessons/beta.md': lesson('beta', 'Beta', '[alpha], related: []', '## Second {#second}\n\n:::note\nHi.\n:::\n'),
  'ru/lessons/beta.md': lesson(
    'beta',
    'Бета',
    '[alpha], related: []',
    '## Второй {#second}\n\n:::note\nПривет.\n:::\n',
  ),
  'en/glossary/terms.md': '## SNI (Server Name Indication) {#sni}\n\nThe host name in the ClientHello.\n',
  'ru/glossary/terms.md': '## SNI (Server Name Indication) {#sni}\n\nИмя хоста в ClientHello.\n',
};

function lesson(id: string, title: string, prereqAndRelated: string, body: string): string {
  return `---\nid: ${id}\ntitle: ${title}\nsummary: About ${title}.\nminutes: 5\nprerequisites: ${prereqAndRelated.replace(', related: ', '\nrelated: ')}\n---\n\n${body}`;
}

/** Writes the fixture (with overrides; `null` deletes a file) and compiles it. */
export function compileFixture(overrides: Record<string, string | null> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'balancer-content-'));
  const files = { ...VALID_FILES, ...overrides };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    const full = join(root, 'content', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  const course = compileCourse(join(root, 'content'), root);
  return { course, messages: course.errors.map(formatError) };
}
