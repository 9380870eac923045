/**
 * The quick exit's behaviour in the browser, a page module of every public
 * page (built into public/modules/quick-exit.js; decision 029). The link
 * itself ([data-quick-exit]) works without it.
 */

/** Presses of Shift within this many milliseconds of each other count as one gesture. */
export const SHIFT_WINDOW_MS = 1000;
export const SHIFT_PRESSES = 3;

function leave(href: string): void {
  document.body.style.visibility = "hidden";
  document.title = "Loading";
  window.location.replace(href);
}

/** Wires the exit link and the Shift-three-times shortcut on `doc`; returns a function that removes them. */
export function enhanceQuickExit(doc: Document = document): () => void {
  const link = doc.querySelector<HTMLAnchorElement>("a[data-quick-exit]");
  if (!link) return () => {};
  const href = link.href;
  let presses: number[] = [];
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    leave(href);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Shift" || event.repeat) return;
    const now = Date.now();
    presses = [...presses.filter((time) => now - time < SHIFT_WINDOW_MS), now];
    if (presses.length >= SHIFT_PRESSES) leave(href);
  };
  link.addEventListener("click", onClick);
  doc.addEventListener("keydown", onKeyDown);
  return () => {
    link.removeEventListener("click", onClick);
    doc.removeEventListener("keydown", onKeyDown);
  };
}

/** What the built module runs when the page loads. */
export function start(): void {
  enhanceQuickExit();
}
