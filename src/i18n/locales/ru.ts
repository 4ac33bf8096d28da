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
    visited: 'Просмотрен',
    notVisited: 'Не начат',
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
