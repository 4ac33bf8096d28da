/**
 * The languages must mirror each other: only prose is translated. English is the reference; every
 * other language is compared with it and problems are reported in the translated file.
 */
import type { Lang } from '../../lib/lang.ts';
import type { GlossaryUnit } from './compile-glossary.ts';
import type { LessonUnit } from './compile-lesson.ts';
import type { Diagnostics } from './diagnostics.ts';

const REFERENCE: Lang = 'en';

export function checkLanguageParity(params: {
  lessonUnits: Record<Lang, Map<string, LessonUnit>>;
  glossaryUnits: Record<Lang, GlossaryUnit[]>;
  misconceptionUnits: Record<Lang, GlossaryUnit[]>;
  diag: Diagnostics;
}): void {
  const { lessonUnits, glossaryUnits, misconceptionUnits, diag } = params;
  const reference = lessonUnits[REFERENCE];
  for (const lang of Object.keys(lessonUnits) as Lang[]) {
    if (lang === REFERENCE) continue;
    for (const [id, unit] of lessonUnits[lang]) {
      const ref = reference.get(id);
      if (ref) compareLessons(ref, unit, diag);
    }
    compareGlossaries(glossaryUnits[REFERENCE], glossaryUnits[lang], lang, diag);
    compareGlossaries(misconceptionUnits[REFERENCE], misconceptionUnits[lang], lang, diag);
  }
}

function compareLessons(ref: LessonUnit, unit: LessonUnit, diag: Diagnostics): void {
  const top = { line: 1, column: 1 };
  for (const key of ['prerequisites', 'related'] as const) {
    if (ref.lesson[key].join() !== unit.lesson[key].join()) {
      diag.add(
        unit.file,
        top,
        `frontmatter "${key}" [${unit.lesson[key].join(', ')}] differs from ${ref.file} [${ref.lesson[key].join(', ')}]`,
      );
    }
  }
  compareSequence({
    what: 'section',
    ref: ref.lesson.sections.map((s) => `${'#'.repeat(s.depth)} {#${s.id}}`),
    got: unit.lesson.sections.map((s) => `${'#'.repeat(s.depth)} {#${s.id}}`),
    positions: unit.refs.sectionAt,
    ref_file: ref.file,
    file: unit.file,
    diag,
  });
  const directiveKey = (d: { name: string; id?: string }) => (d.id ? `${d.name}{id="${d.id}"}` : d.name);
  compareSequence({
    what: 'directive',
    ref: ref.refs.blockDirectives.map(directiveKey),
    got: unit.refs.blockDirectives.map(directiveKey),
    positions: unit.refs.blockDirectives.map((d) => d.at),
    ref_file: ref.file,
    file: unit.file,
    diag,
  });
  for (const quiz of unit.refs.quizzes) {
    const original = ref.refs.quizzes.find((q) => q.id === quiz.id);
    if (!original) continue; // the directive sequence check above already reported it
    if (original.kind !== quiz.kind)
      diag.add(
        unit.file,
        quiz.at,
        `quiz "${quiz.id}" is kind="${quiz.kind}" here but kind="${original.kind}" in ${ref.file}`,
      );
    else if (original.options.join() !== quiz.options.join()) {
      diag.add(
        unit.file,
        quiz.at,
        `quiz "${quiz.id}" options [${quiz.options.join(' ')}] differ from ${ref.file} [${original.options.join(' ')}] (count, ids or which are correct)`,
      );
    }
  }
  const refTerms = new Set(ref.refs.terms.map((t) => t.target));
  const gotTerms = new Set(unit.refs.terms.map((t) => t.target));
  for (const term of refTerms) {
    if (!gotTerms.has(term))
      diag.add(unit.file, top, `term "${term}" is marked with :term in ${ref.file} but not here`);
  }
  for (const t of unit.refs.terms) {
    if (!refTerms.has(t.target)) diag.add(unit.file, t.at, `term "${t.target}" is not marked in ${ref.file}`);
  }
  const linkKey = (r: { target: string; anchor?: string }) => (r.anchor ? `${r.target}#${r.anchor}` : r.target);
  const refLinks = new Set(ref.refs.lessonLinks.map(linkKey));
  const gotLinks = new Set(unit.refs.lessonLinks.map(linkKey));
  for (const link of refLinks) {
    if (!gotLinks.has(link)) diag.add(unit.file, top, `link to lesson:${link} in ${ref.file} is missing here`);
  }
  for (const r of unit.refs.lessonLinks) {
    if (!refLinks.has(linkKey(r)))
      diag.add(unit.file, r.at, `link to lesson:${linkKey(r)} has no counterpart in ${ref.file}`);
  }
}

/** Reports the first point where two sequences diverge, with the position in the translation. */
function compareSequence(params: {
  what: string;
  ref: string[];
  got: string[];
  positions: { line: number; column: number }[];
  ref_file: string;
  file: string;
  diag: Diagnostics;
}): void {
  const { what, ref, got, positions, file, diag } = params;
  const length = Math.max(ref.length, got.length);
  for (let i = 0; i < length; i++) {
    if (ref[i] === got[i]) continue;
    const at = positions[Math.min(i, positions.length - 1)] ?? { line: 1, column: 1 };
    const expected = ref[i] ?? `no more ${what}s`;
    const found = got[i] ?? `no more ${what}s`;
    diag.add(file, at, `${what} #${i + 1} differs from ${params.ref_file}: expected ${expected}, found ${found}`);
    return;
  }
}

function compareGlossaries(ref: GlossaryUnit[], units: GlossaryUnit[], lang: Lang, diag: Diagnostics): void {
  const refIds = new Map(ref.flatMap((u) => u.entries.map((e) => [e.id, u.file] as const)));
  const got = new Map(
    units.flatMap((u) => u.entries.map((e) => [e.id, { file: u.file, line: u.lines.get(e.id) ?? 1 }] as const)),
  );
  for (const [id, file] of refIds) {
    if (!got.has(id))
      diag.add(
        file.replace(`/${REFERENCE}/`, `/${lang}/`),
        undefined,
        `glossary entry "${id}" (defined in ${file}) is missing in this language`,
      );
  }
  for (const [id, where] of got) {
    if (!refIds.has(id))
      diag.add(where.file, { line: where.line, column: 1 }, `glossary entry "${id}" has no English counterpart`);
  }
}
