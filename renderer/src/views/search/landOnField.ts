import { useEffect } from 'react';

const FOCUSABLE = 'input, textarea, select, button, a[href], [tabindex]';

/** The first element in `root` whose value or own text holds `word` (case folded). */
function findField(root: HTMLElement, word: string): HTMLElement | null {
  const needle = word.toLocaleLowerCase('da');
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
    if (el.value.toLocaleLowerCase('da').includes(needle)) return el;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if ((node.textContent ?? '').toLocaleLowerCase('da').includes(needle)) return node.parentElement;
  return null;
}

/**
 * After a search result opened a project tab: scrolls to the field holding the found word and
 * focuses it (or the control it belongs to), marked until the user moves on. The tab loads its
 * data after it mounts, so this watches the panel until the word appears (at most a few seconds).
 */
export function useLandOnField(find: string | undefined, key: string) {
  useEffect(() => {
    if (!find) return;
    let done = false;
    const attempt = () => {
      if (done) return;
      // The tab on screen (inactive panels are empty), else the whole view.
      const panels = [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((p) => p.childElementCount > 0);
      const main = document.querySelector<HTMLElement>('main');
      const found = [...panels, ...(main ? [main] : [])].map((root) => findField(root, find)).find((el) => el !== null);
      if (!found) return;
      done = true;
      const target = found.closest<HTMLElement>(FOCUSABLE) ?? found;
      if (!target.matches(FOCUSABLE)) target.tabIndex = -1;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
      target.dataset.searchHit = 'true';
      target.addEventListener('blur', () => delete target.dataset.searchHit, { once: true });
      observer.disconnect();
    };
    const observer = new MutationObserver(attempt);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const stop = setTimeout(() => observer.disconnect(), 5000);
    attempt();
    return () => {
      done = true;
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [find, key]);
}
