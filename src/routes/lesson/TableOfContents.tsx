import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonMeta, SectionRef } from '../../content/tree';
import { useCurrentSection } from '../../lib/use-current-section';
import { useLearnerStore } from '../../progress/learner-store';
import { lessonStatus } from '../../progress/selectors';

const WIDE = '(min-width: 56rem)';

interface TocNode {
  section: SectionRef;
  children: SectionRef[];
}

export function nestSections(sections: SectionRef[]): TocNode[] {
  const nodes: TocNode[] = [];
  for (const section of sections) {
    const parent = nodes[nodes.length - 1];
    if (section.depth === 3 && parent) parent.children.push(section);
    else nodes.push({ section, children: [] });
  }
  return nodes;
}

/**
 * "On this page": the section being read is marked (aria-current) as the student scrolls, and each
 * section shows whether it has been read and whether its quizzes are solved.
 */
export function TableOfContents({ meta, ready }: { meta: LessonMeta; ready: boolean }) {
  const { t } = useTranslation();
  const current = useCurrentSection(ready);
  const progress = useLearnerStore((state) => state.lessons[meta.id]);
  const status = lessonStatus(meta, progress);
  // Open beside the text on wide screens; folded above it on phones, where it would push the
  // lesson a screen down.
  const [open] = useState(() => typeof window === 'undefined' || window.matchMedia?.(WIDE).matches !== false);
  const link = (section: SectionRef) => {
    const read = status.isRead(section.id);
    const quizzes = meta.activities.filter((a) => a.type === 'quiz' && a.section === section.id);
    const solved =
      quizzes.length > 0 &&
      quizzes.every((q) => status.quizState(q.id) === 'solved' || status.quizState(q.id) === 'revealed');
    return (
      <a
        href={`#${section.id}`}
        aria-current={section.id === current ? 'location' : undefined}
        data-read={read || undefined}
      >
        <span className="toc__mark" aria-hidden="true">
          {read ? '✓' : '○'}
        </span>
        <span className="toc__title">
          {section.title}
          {read && <span className="visually-hidden"> {t('progress.sectionRead')}</span>}
        </span>
        {quizzes.length > 0 && (
          <span
            className={`toc__quiz${solved ? ' toc__quiz--done' : ''}`}
            title={solved ? t('progress.quizSolved') : undefined}
          >
            <span aria-hidden="true">{solved ? '★' : '☆'}</span>
            {solved && <span className="visually-hidden">{t('progress.quizSolved')}</span>}
          </span>
        )}
      </a>
    );
  };
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <details className="toc__details" open={open}>
        <summary className="toc__summary">
          <span id="toc-title">{t('lesson.contents')}</span>
        </summary>
        <ol className="toc__list">
          {nestSections(meta.sections).map(({ section, children }) => (
            <li key={section.id}>
              {link(section)}
              {children.length > 0 && (
                <ol>
                  {children.map((child) => (
                    <li key={child.id}>{link(child)}</li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
