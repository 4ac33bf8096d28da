import type { Messages } from './en';

/** Russian UI strings. Plural keys need _one, _few, _many and _other (checked by tests). */
const ru = {
  app: {
    name: 'Balancer Lab',
    skipToContent: 'Перейти к содержанию',
    mainNavigation: 'Основная навигация',
    footer: 'Balancer Lab — интерактивный курс о балансировке нагрузки. Ваш прогресс хранится только в этом браузере.',
  },
  nav: {
    lessons: 'Уроки',
    glossary: 'Глоссарий',
    progress: 'Ваш прогресс',
  },
  language: {
    label: 'Язык',
    en: 'English',
    ru: 'Русский',
  },
  home: {
    documentTitle: 'Balancer Lab — интерактивный курс о балансировке нагрузки',
    heading: 'Балансировка нагрузки: от пакетов до запросов',
    pitch:
      'Разберитесь, как трафик распределяется между серверами: что видит и чего не видит L4-балансировщик, что L7-балансировщик делает с каждым запросом и что меняют TLS и липкие сессии. Читайте, отвечайте на вопросы и смотрите, как движется трафик.',
    lessonsHeading: 'Уроки',
    lessonCount_one: '{{count}} урок',
    lessonCount_few: '{{count}} урока',
    lessonCount_many: '{{count}} уроков',
    lessonCount_other: '{{count}} урока',
    prerequisites: 'Сначала пройдите:',
    noPrerequisites: 'Предварительных знаний не нужно — начните отсюда.',
  },
  lesson: {
    minutes_one: '{{count}} минута чтения',
    minutes_few: '{{count}} минуты чтения',
    minutes_many: '{{count}} минут чтения',
    minutes_other: '{{count}} минуты чтения',
    contents: 'Содержание',
    prerequisites: 'Предварительные знания:',
    related: 'Связанные уроки',
    navigation: 'Навигация по урокам',
    previous: 'Предыдущий урок',
    next: 'Следующий урок',
    loading: 'Загружаем урок…',
    loadFailed: 'Не удалось загрузить урок. Проверьте подключение и попробуйте ещё раз.',
    retry: 'Попробовать ещё раз',
    visitedMark: '(просмотрен)',
    sectionLink: 'Ссылка на этот раздел',
  },
  glossary: {
    documentTitle: 'Глоссарий',
    heading: 'Глоссарий',
    intro: 'Все термины, которые вводятся в уроках, в алфавитном порядке.',
    loading: 'Загружаем глоссарий…',
    loadFailed: 'Не удалось загрузить глоссарий. Проверьте подключение и попробуйте ещё раз.',
    showDefinition: 'Определение термина «{{term}}»',
    openInGlossary: 'Открыть в глоссарии',
    close: 'Закрыть',
  },
  quiz: {
    kind: {
      single: 'Вопрос: выберите один ответ',
      multiple: 'Вопрос: выберите все подходящие ответы',
      truefalse: 'Вопрос: верно или нет?',
    },
    selectAll: 'Отметьте все верные варианты.',
    true: 'Верно',
    false: 'Неверно',
    check: 'Проверить',
    tryAgain: 'Попробовать ещё раз',
    showAnswer: 'Не знаю — покажите ответ',
    right: 'Верно! Прочитайте пояснения, чтобы понять почему.',
    notYet: 'Пока не совсем. Прочитайте пояснения и попробуйте ещё раз.',
    revealed: 'Вот ответ с пояснением к каждому варианту.',
    announceRight: 'Ответ верный.',
    announceWrong: 'Ответ пока неверный. Пояснения — под выбранными вариантами.',
    announceRevealed: 'Показан ответ с пояснениями.',
    correctOption: 'Верный ответ',
    incorrectOption: 'Неверный ответ',
    statementTrue: 'Это утверждение верно',
    statementFalse: 'Это утверждение неверно',
    verdict: {
      right: 'Верно',
      wrong: 'Неверно',
      missed: 'Этот вариант вы пропустили',
    },
  },
  reflection: {
    kicker: 'Подумайте',
    yourAnswer: 'Ваш ответ (сохраняется в этом браузере по мере ввода)',
    saving: 'Сохраняем…',
    saved: 'Сохранено',
    showModel: 'Сравнить с образцом ответа',
    hideModel: 'Скрыть образец ответа',
    modelTitle: 'Образец ответа',
  },
  progress: {
    complete: 'Пройден',
    inProgress: 'Пройдено {{percent}}%',
    notStarted: 'Не начат',
    continue: 'Продолжить с того места, где вы остановились',
    continueLesson: '{{lesson}}',
    sectionRead: '(прочитан)',
    quizSolved: '(вопрос решён)',
    summaryTitle: 'Ваш прогресс в этом уроке',
    summarySections: 'Прочитано разделов: {{read}} из {{total}}',
    summaryQuizzes: 'Вопросы: решено {{solved}}, ответ показан — {{revealed}}, всего {{total}}',
    summaryReflections: 'Ответов на вопросы для размышления: {{written}} из {{total}}',
    summaryComplete: 'Урок пройден. Отличная работа!',
    summaryReview: 'Что стоит повторить',
    reviewSection: 'Прочитать: {{title}}',
    reviewQuiz: 'Вопрос в разделе «{{title}}»',
    nothingToReview: 'Повторять нечего.',
  },
  progressPage: {
    documentTitle: 'Ваш прогресс',
    heading: 'Ваш прогресс',
    intro:
      'Прогресс хранится только в этом браузере. Экспортируйте его, чтобы сохранить копию или перенести на другое устройство.',
    lessonsHeading: 'Уроки',
    reset: 'Сбросить',
    resetAll: 'Сбросить весь прогресс',
    confirmReset:
      'Сбросить прогресс в уроке «{{lesson}}»? Отметки о прочитанных разделах, ответы на вопросы и ваши размышления будут удалены.',
    confirmResetAll:
      'Сбросить прогресс во всех уроках? Отметки о прочитанных разделах, ответы на вопросы и ваши размышления будут удалены.',
    confirmYes: 'Да, сбросить',
    cancel: 'Отмена',
    resetDone: 'Прогресс в уроке «{{lesson}}» сброшен.',
    resetAllDone: 'Весь прогресс сброшен.',
    undo: 'Отменить',
    backupHeading: 'Экспорт и импорт',
    backupIntro:
      'В файле — прочитанные разделы, ответы на вопросы, размышления и настройки. Импорт добавляет его к тому, что уже есть: ничего не перезаписывается.',
    export: 'Экспортировать прогресс',
    import: 'Импортировать файл прогресса…',
    exported: 'Файл с прогрессом скачан.',
    imported: 'Файл с прогрессом импортирован.',
    previewTitle: 'Импортировать этот файл?',
    previewFile:
      'В файле: начато уроков — {{lessons}}, прочитано разделов — {{sections}}, решено вопросов — {{quizzes}}, размышлений — {{reflections}}.',
    previewAfter:
      'После импорта будет: начато уроков — {{lessons}}, прочитано разделов — {{sections}}, решено вопросов — {{quizzes}}, размышлений — {{reflections}}.',
    previewLossy: 'Часть записей в файле повреждена, они будут пропущены.',
    confirmImport: 'Импортировать',
    importError: {
      'not-json': 'Не удалось прочитать файл: это не файл прогресса (некорректный JSON).',
      'not-progress': 'Это не файл прогресса Balancer Lab.',
      'newer-version': 'Файл создан более новой версией курса. Обновите страницу и попробуйте ещё раз.',
    },
    settingsHeading: 'Настройки',
    theme: 'Цветовая тема',
    themes: { system: 'Как на устройстве', light: 'Светлая', dark: 'Тёмная' },
    motion: 'Анимация',
    motions: { system: 'Как на устройстве', reduce: 'Меньше движения', full: 'Полная анимация' },
  },
  callout: {
    note: 'Примечание',
    warning: 'Внимание',
    production: 'В продакшене',
  },
  notFound: {
    documentTitle: 'Страница не найдена',
    heading: 'Страница не найдена',
    body: 'По адресу {{path}} ничего нет. Возможно, страница переехала или в ссылке опечатка.',
    lessonBody: 'Урока «{{slug}}» нет. Выберите урок из списка курса.',
    backHome: 'Вернуться к курсу',
  },
  storage: {
    recovered:
      'Не удалось прочитать сохранённый прогресс, поэтому курс начался заново. Старые данные остались в браузере — их можно скачать.',
    unavailable:
      'Браузер не позволяет курсу сохранять прогресс (включён приватный режим или хранилище переполнено). Всё работает, но после закрытия вкладки прогресс пропадёт.',
    download: 'Скачать старые данные',
    dismiss: 'Скрыть',
  },
  error: {
    heading: 'Что-то пошло не так',
    body: 'На странице произошла непредвиденная ошибка. Ваш прогресс сохранён, а перезагрузка страницы обычно помогает.',
    reload: 'Перезагрузить страницу',
  },
} satisfies PluralAware<Messages>;

/** Russian may add _few/_many plural forms next to the English _one/_other keys. */
type PluralAware<T> = {
  [K in keyof T]: T[K] extends string ? string : PluralAware<T[K]>;
} & Record<string, unknown>;

export default ru;
