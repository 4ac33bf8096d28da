/** English UI strings. The key structure here is the reference: every locale must match it. */
const en = {
  app: {
    name: 'Balancer Lab',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main',
    footer: 'Balancer Lab — an interactive course on load balancing. Your progress stays in this browser.',
  },
  nav: {
    lessons: 'Lessons',
    glossary: 'Glossary',
  },
  language: {
    label: 'Language',
    en: 'English',
    ru: 'Русский',
  },
  home: {
    documentTitle: 'Balancer Lab — an interactive course on load balancing',
    heading: 'Load balancing, from packets to requests',
    pitch:
      'Learn how traffic is spread across servers: what an L4 balancer can and cannot see, what an L7 balancer does with every request, and what TLS and sticky sessions change. Read, answer, and watch the traffic move.',
    lessonsHeading: 'Lessons',
    lessonCount_one: '{{count}} lesson',
    lessonCount_other: '{{count}} lessons',
    prerequisites: 'Before this:',
    noPrerequisites: 'No prerequisites: start here.',
    visited: 'Visited',
    notVisited: 'Not started',
  },
  lesson: {
    minutes_one: '{{count}} min read',
    minutes_other: '{{count}} min read',
    contents: 'On this page',
    prerequisites: 'Prerequisites:',
    related: 'Related lessons',
    navigation: 'Lesson navigation',
    previous: 'Previous lesson',
    next: 'Next lesson',
    loading: 'Loading the lesson…',
    loadFailed: 'The lesson could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    visitedMark: '(visited)',
    sectionLink: 'Link to this section',
  },
  glossary: {
    documentTitle: 'Glossary',
    heading: 'Glossary',
    intro: 'Every term the lessons define, in alphabetical order.',
    loading: 'Loading the glossary…',
    loadFailed: 'The glossary could not be loaded. Check your connection and try again.',
    showDefinition: 'Definition of “{{term}}”',
    openInGlossary: 'Open in the glossary',
    close: 'Close',
  },
  callout: {
    note: 'Note',
    warning: 'Warning',
    production: 'In production',
  },
  notFound: {
    documentTitle: 'Page not found',
    heading: 'Page not found',
    body: 'There is no page at {{path}}. It may have moved, or the link may be mistyped.',
    lessonBody: 'There is no lesson called “{{slug}}”. Pick one from the course instead.',
    backHome: 'Back to the course',
  },
  storage: {
    recovered:
      'Your saved progress could not be read, so the course started fresh. The old data is kept in this browser; you can download it.',
    unavailable:
      'This browser is not letting the course save progress (private mode or storage is full). Everything still works, but progress will be lost when you close the tab.',
    download: 'Download the old data',
    dismiss: 'Dismiss',
  },
  error: {
    heading: 'Something went wrong',
    body: 'This page hit an unexpected error. Your progress is safe. Reloading usually helps.',
    reload: 'Reload the page',
  },
};

export default en;
export type Messages = typeof en;
