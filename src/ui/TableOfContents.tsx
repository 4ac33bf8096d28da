import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionRef } from '../content/tree';
import { useCurrentSection } from '../lib/use-current-section';

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

/** "On this page", with the section being read marked (aria-current) as the student scrolls. */
export function TableOfContents({ sections, ready }: { sections: SectionRef[]; ready: boolean }) {
  const { t } = useTranslation();
  const current = useCurrentSection(ready);
  // Open beside the text on wide screens; folded above it on phones, where it would push the
  // lesson a screen down.
  const [open] = useState(() => typeof window === 'undefined' || window.matchMedia?.(WIDE).matches !== false);
  const link = (section: SectionRef) => (
    <a href={`#${section.id}`} aria-current={section.id === current ? 'location' : undefined}>
      {section.title}
    </a>
  );
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <details className="toc__details" open={open}>
        <summary className="toc__summary">
          <span id="toc-title">{t('lesson.contents')}</span>
        </summary>
        <ol className="toc__list">
          {nestSections(sections).map(({ section, children }) => (
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
