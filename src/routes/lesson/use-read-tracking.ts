import { useEffect } from 'react';
import { useLearnerStore } from '../../progress/learner-store';

/** Marks a section read when the marker at its end comes into view (the student got there). */
export function useReadTracking(lessonId: string, ready: boolean): void {
  const markSectionRead = useLearnerStore((state) => state.markSectionRead);
  useEffect(() => {
    if (!ready || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const id = (entry.target as HTMLElement).dataset.sectionEnd;
        if (id) markSectionRead(lessonId, id);
        observer.unobserve(entry.target);
      }
    });
    for (const marker of document.querySelectorAll<HTMLElement>('[data-section-end]')) observer.observe(marker);
    return () => observer.disconnect();
  }, [lessonId, ready, markSectionRead]);
}
