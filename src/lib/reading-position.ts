/**
 * Which section the reader is in: the last section heading whose top has passed a line a little
 * below the sticky header. Shared by the table of contents and the language switcher, so a
 * language switch lands on the section being read even if the URL has no hash.
 */

/** Distance from the viewport top that counts as "being read", in CSS px. */
export const READING_LINE = 120;

export function currentSectionId(root: ParentNode = document): string | undefined {
  const headings = root.querySelectorAll<HTMLElement>('main .section-heading[id]');
  let current: string | undefined;
  for (const heading of headings) {
    if (heading.getBoundingClientRect().top <= READING_LINE) current = heading.id;
    else break;
  }
  return current;
}
