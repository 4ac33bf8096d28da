import { describe, expect, it } from 'vitest';
import { compileFixture } from '../helpers/content-fixture';

function frontmatter(extra = ''): string {
  return `---\nid: alpha\ntitle: Alpha\nsummary: About.\nminutes: 5\nprerequisites: []\nrelated: [beta]\n${extra}---\n\n`;
}

describe('content compiler', () => {
  it('compiles a valid two-language course', () => {
    const { course, messages } = compileFixture();
    expect(messages).toEqual([]);
    expect(course.index.order).toEqual(['alpha', 'beta']);
    expect(course.lessons.ru.alpha?.title).toBe('Альфа');
    expect(course.lessons.en.alpha?.sections).toEqual([{ id: 'first', depth: 2, title: 'First' }]);
    // Term definitions travel with the lesson so popovers need no extra request.
    expect(course.lessons.en.alpha?.terms.sni?.title).toBe('SNI (Server Name Indication)');
  });

  it('keeps prose like "IP:port" as text instead of treating it as a directive', () => {
    const { course, messages } = compileFixture({
      'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\nThe IP:port pair, :term[SNI]{id="sni"} [b](lesson:beta#second).\n`,
    });
    expect(messages).toEqual([]);
    const paragraph = course.lessons.en.alpha?.body[1];
    expect(JSON.stringify(paragraph)).toContain('The IP:port pair');
  });

  const cases: [string, Record<string, string | null>, RegExp][] = [
    [
      'an unknown directive',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n::::bogus\nx\n::::\n` },
      /^content\/en\/lessons\/alpha\.md:12:1: unknown directive "bogus"/,
    ],
    [
      'a widget with an unknown scenario',
      {
        'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n::packet-flow{id="a" scenario="no-such-scenario"}\n`,
      },
      /alpha\.md:12:1: unknown scenario "no-such-scenario"/,
    ],
    [
      'a missing required attribute',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\nSee :term[SNI] here.\n` },
      /alpha\.md:12:5: "term" needs id="…"/,
    ],
    [
      'an unknown attribute',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n:::note{tone="loud"}\nx\n:::\n` },
      /alpha\.md:12:1: "note" has no attribute "tone"/,
    ],
    [
      'a bad attribute value',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\nSee :term[SNI]{id="Not An Id"}.\n` },
      /alpha\.md:12:5: "term" id="Not An Id" is not a valid glossary entry id/,
    ],
    ['missing frontmatter', { 'en/lessons/alpha.md': '## First {#first}\n' }, /alpha\.md:1:1: missing frontmatter/],
    [
      'a missing frontmatter field',
      {
        'en/lessons/alpha.md':
          '---\nid: alpha\ntitle: Alpha\nminutes: 5\nprerequisites: []\nrelated: []\n---\n\n## First {#first}\n',
      },
      /alpha\.md:2:1: frontmatter: missing "summary"/,
    ],
    [
      'a bad frontmatter value, pointing at its line',
      { 'en/lessons/alpha.md': frontmatter().replace('minutes: 5', 'minutes: soon') + '## First {#first}\n' },
      /alpha\.md:5:1: frontmatter: "minutes" must be a whole number/,
    ],
    [
      'a lesson that exists in one language only',
      { 'ru/lessons/beta.md': null },
      /content\/course\.json:1:1: lesson "beta" is listed but content\/ru\/lessons\/beta\.md does not exist/,
    ],
    [
      'a lesson file missing from the manifest',
      { 'en/lessons/gamma.md': frontmatter().replace('alpha', 'gamma') + '## G {#g}\n', 'ru/lessons/gamma.md': null },
      /content\/en\/lessons\/gamma\.md:1:1: lesson is not listed in content\/course\.json/,
    ],
    [
      'heading ids that differ between languages',
      {
        'ru/lessons/beta.md':
          '---\nid: beta\ntitle: Бета\nsummary: О.\nminutes: 5\nprerequisites: [alpha]\nrelated: []\n---\n\n## Второй {#vtoroi}\n\n:::note\nПривет.\n:::\n',
      },
      /content\/ru\/lessons\/beta\.md:10:1: section #1 differs from content\/en\/lessons\/beta\.md: expected ## \{#second\}, found ## \{#vtoroi\}/,
    ],
    [
      'directive sequences that differ between languages',
      {
        'ru/lessons/beta.md':
          '---\nid: beta\ntitle: Бета\nsummary: О.\nminutes: 5\nprerequisites: [alpha]\nrelated: []\n---\n\n## Второй {#second}\n\n:::warning\nПривет.\n:::\n',
      },
      /ru\/lessons\/beta\.md:12:1: directive #1 differs .*expected note, found warning/,
    ],
    [
      'a link to a lesson that does not exist',
      {
        'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n[x](lesson:nowhere) :term[SNI]{id="sni"} [b](lesson:beta#second)\n`,
      },
      /alpha\.md:12:1: link to unknown lesson "nowhere"/,
    ],
    [
      'a link to a section that does not exist',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n:term[SNI]{id="sni"} [b](lesson:beta#missing)\n` },
      /alpha\.md:12:22: link to unknown section "#missing" of lesson "beta"/,
    ],
    [
      'a javascript: link',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n[x](javascript:alert(1))\n` },
      /alpha\.md:12:1: link "javascript:alert\(1\)" is not allowed/,
    ],
    [
      'a data: link',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n[x](data:text/html,hi)\n` },
      /alpha\.md:12:1: link "data:text\/html,hi" is not allowed/,
    ],
    [
      'raw HTML',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n<script>alert(1)</script>\n` },
      /alpha\.md:12:1: raw HTML is not allowed/,
    ],
    [
      'a heading without an id',
      { 'en/lessons/alpha.md': `${frontmatter()}## First\n` },
      /alpha\.md:10:1: heading needs an explicit id/,
    ],
    [
      'an unknown glossary term',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n:term[X]{id="nope"}\n` },
      /alpha\.md:12:1: unknown glossary entry "nope"/,
    ],
    [
      'a duplicate heading id',
      { 'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n## Again {#first}\n` },
      /alpha\.md:12:1: duplicate heading id "first"/,
    ],
    [
      'a prerequisite that comes later in the course',
      {
        'en/lessons/alpha.md':
          frontmatter().replace('prerequisites: []', 'prerequisites: [beta]') + '## First {#first}\n',
      },
      /alpha\.md:1:1: frontmatter: prerequisite "beta" comes after this lesson/,
    ],
  ];

  it.each(cases)('fails with file:line:column on %s', (_name, overrides, expected) => {
    const { messages } = compileFixture(overrides);
    expect(
      messages.some((m) => expected.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('reports a glossary entry that exists in one language only', () => {
    const { messages } = compileFixture({
      'ru/glossary/terms.md': '## SNI {#sni}\n\nИмя.\n\n## Лишний {#extra}\n\nТекст.\n',
    });
    expect(messages).toContain('content/ru/glossary/terms.md:5:1: glossary entry "extra" has no English counterpart');
  });
});

describe('quizzes and reflections', () => {
  const lessonWith = (body: string) => ({
    'en/lessons/alpha.md': `${frontmatter()}## First {#first}\n\n:term[SNI]{id="sni"} [b](lesson:beta#second)\n\n${body}`,
  });
  const quizBody = (items: string, kind = 'single', id = 'q1', extra = '') =>
    `::::quiz{id="${id}" kind="${kind}"${extra}}\nWhat?\n\n${items}\n::::\n`;
  const predictItems = (mark = ' ') =>
    `- [${mark}] Even {#even}\n  a\n- [ ] Mild {#mild}\n  b\n- [ ] Melts {#melts}\n  c`;

  it('compiles a quiz with its options and explanations', () => {
    const { course, messages } = compileFixture({
      ...lessonWith(quizBody('- [ ] Wrong\n  Because.\n- [x] Right {#right}\n  Indeed.')),
      'ru/lessons/alpha.md': VALID_RU_ALPHA(quizBody('- [ ] Неверно\n  Потому что.\n- [x] Верно {#right}\n  Да.')),
    });
    expect(messages).toEqual([]);
    const quiz = course.lessons.en.alpha?.body.find((b) => b.t === 'directive' && b.name === 'quiz');
    expect(quiz && quiz.t === 'directive' ? quiz.data : undefined).toMatchObject({
      type: 'quiz',
      id: 'q1',
      kind: 'single',
      options: [
        { id: 'a', correct: false },
        { id: 'right', correct: true },
      ],
    });
    expect(course.lessons.en.alpha?.activities).toEqual([{ id: 'q1', type: 'quiz', section: 'first' }]);
  });

  it.each([
    [
      'no correct answer',
      quizBody('- [ ] A\n  x\n- [ ] B\n  y', 'multiple'),
      /alpha\.md:\d+:1: quiz "q1": no correct answer/,
    ],
    [
      'a missing explanation',
      quizBody('- [x] A\n- [ ] B\n  y'),
      /alpha\.md:\d+:1: quiz "q1": option 1 has no explanation/,
    ],
    [
      'two correct options in single choice',
      quizBody('- [x] A\n  x\n- [x] B\n  y'),
      /exactly one "- \[x\]" option, found 2/,
    ],
    ['duplicate option ids', quizBody('- [x] A {#same}\n  x\n- [ ] B {#same}\n  y'), /duplicate option id "same"/],
    ['a predict quiz without a prediction', quizBody(predictItems(), 'predict'), /needs prediction="…"/],
    [
      'an unknown prediction',
      quizBody(predictItems(), 'predict', 'q1', ' prediction="nope"'),
      /alpha\.md:\d+:1: quiz "q1": unknown prediction "nope" \(known: nat-ip-hash-skew/,
    ],
    [
      'a predict quiz with a hand-marked answer',
      quizBody(predictItems('x'), 'predict', 'q1', ' prediction="nat-ip-hash-skew"'),
      /gets its answer from the engine: mark every option "- \[ \]"/,
    ],
    [
      'predict options that are not the outcomes',
      quizBody('- [ ] A\n  x\n- [ ] B\n  y', 'predict', 'q1', ' prediction="nat-ip-hash-skew"'),
      /options must be the outcomes of prediction "nat-ip-hash-skew" in order, as explicit ids: \{#even\} \{#mild\} \{#melts\}/,
    ],
    [
      'a prediction on a quiz of another kind',
      quizBody('- [x] A\n  x\n- [ ] B\n  y', 'single', 'q1', ' prediction="nat-ip-hash-skew"'),
      /only kind="predict" takes a prediction/,
    ],
    [
      'a reflection without a model answer',
      ':::reflection{id="r1"}\nWhy?\n:::\n',
      /reflection "r1": separate the question from the model answer/,
    ],
  ])('fails with file:line on %s', (_name, body, expected) => {
    const { messages } = compileFixture(lessonWith(body));
    expect(
      messages.some((m) => expected.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('reads option marks with or without an id, and rejects an unknown misconception', () => {
    const misconceptions = {
      'en/misconceptions/core.md': '## L4 reads URLs {#l4-reads-urls}\n\nIt reads headers, not payload.\n',
      'ru/misconceptions/core.md': '## L4 читает URL {#l4-reads-urls}\n\nОн читает заголовки, а не данные.\n',
    };
    const en = quizBody(
      '- [ ] Path {misconception="l4-reads-urls"}\n  x\n- [ ] Port {#port misconception="l4-reads-urls" absolute="true"}\n  y\n- [x] Right\n  z',
    );
    const ru = quizBody(
      '- [ ] Путь {misconception="l4-reads-urls"}\n  x\n- [ ] Порт {#port misconception="l4-reads-urls" absolute="true"}\n  y\n- [x] Верно\n  z',
    );
    const { course, messages } = compileFixture({
      ...misconceptions,
      ...lessonWith(en),
      'ru/lessons/alpha.md': VALID_RU_ALPHA(ru),
    });
    expect(messages).toEqual([]);
    const quiz = course.lessons.en.alpha?.body.find((b) => b.t === 'directive' && b.name === 'quiz');
    expect(quiz && quiz.t === 'directive' ? quiz.data : undefined).toMatchObject({
      options: [
        { id: 'a', misconception: 'l4-reads-urls' },
        { id: 'port', misconception: 'l4-reads-urls', absolute: true },
        { id: 'c', correct: true },
      ],
    });
    const unknown = compileFixture({
      ...misconceptions,
      ...lessonWith(en.replace('{misconception="l4-reads-urls"}', '{misconception="nope"}')),
    });
    expect(
      unknown.messages.some((m) => /alpha\.md:\d+:\d+: .*unknown misconception "nope"/.test(m)),
      unknown.messages.join('\n'),
    ).toBe(true);
  });

  it('settles a predict quiz by running the engine, not by hand', () => {
    const body = quizBody(predictItems(), 'predict', 'q1', ' prediction="nat-ip-hash-skew"');
    const { course, messages } = compileFixture({ ...lessonWith(body), 'ru/lessons/alpha.md': VALID_RU_ALPHA(body) });
    expect(messages).toEqual([]);
    const quiz = course.lessons.en.alpha?.body.find((b) => b.t === 'directive' && b.name === 'quiz');
    const data = quiz && quiz.t === 'directive' && quiz.data?.type === 'quiz' ? quiz.data : undefined;
    // 30% of users behind one NAT, hashed by source IP: one server gets about 3.7× its share.
    expect(data?.options.map((o) => [o.id, o.correct])).toEqual([
      ['even', false],
      ['mild', false],
      ['melts', true],
    ]);
    expect(data?.predict).toMatchObject({ scenario: 'sticky-ip-hash-nat', measure: 'imbalance', seed: 42 });
    expect(data?.predict?.value).toBeGreaterThan(3.3);
  });

  it('fails when languages ask different predictions', () => {
    const { messages } = compileFixture({
      ...lessonWith(quizBody(predictItems(), 'predict', 'q1', ' prediction="nat-ip-hash-skew"')),
      'ru/lessons/alpha.md': VALID_RU_ALPHA(quizBody('- [x] А\n  x\n- [ ] Б\n  y')),
    });
    expect(
      messages.some((m) => /quiz "q1" is kind="single" here but kind="predict\(nat-ip-hash-skew\)"/.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('fails when languages differ in correct answers', () => {
    const { messages } = compileFixture({
      ...lessonWith(quizBody('- [ ] A\n  x\n- [x] B\n  y')),
      'ru/lessons/alpha.md': VALID_RU_ALPHA(quizBody('- [x] А\n  x\n- [ ] Б\n  y')),
    });
    expect(
      messages.some((m) => /ru\/lessons\/alpha\.md:\d+:1: quiz "q1" options \[a:x b: \] differ/.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });
});

function VALID_RU_ALPHA(body: string): string {
  return `---\nid: alpha\ntitle: Альфа\nsummary: О.\nminutes: 5\nprerequisites: []\nrelated: [beta]\n---\n\n## Первый {#first}\n\n:term[SNI]{id="sni"} [b](lesson:beta#second)\n\n${body}`;
}
