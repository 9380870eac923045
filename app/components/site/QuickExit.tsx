import { useEffect, useRef } from "react";
import { useT } from "~/i18n/language-context";

/**
 * "Exit this page", after the GOV.UK pattern: a plain link that works with
 * JavaScript off; with JavaScript it replaces the history entry (so Back does
 * not return here), blanks the page at once, and pressing Shift three times
 * in a row does the same from anywhere on the page. It sits in the site's
 * sticky header (SiteLayout), so it stays on screen while the page scrolls.
 */
export function QuickExit({ href }: { href: string }) {
  const shiftPresses = useRef<number[]>([]);
  const { t } = useT();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Shift" || event.repeat) return;
      const now = Date.now();
      shiftPresses.current = [...shiftPresses.current.filter((t) => now - t < 1000), now];
      if (shiftPresses.current.length >= 3) leave(href);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [href]);

  return (
    <div className="shrink-0">
      <a
        href={href}
        rel="nofollow noreferrer"
        className="inline-flex items-center gap-2 rounded-md bg-red-700 px-4 py-2 text-sm font-bold text-white shadow hover:bg-red-800 focus-visible:bg-red-800"
        data-quick-exit
        onClick={(event) => {
          event.preventDefault();
          leave(href);
        }}
      >
        {t("layout.quickExit")}
      </a>
      <p className="sr-only">{t("layout.quickExitHint")}</p>
    </div>
  );
}

function leave(href: string) {
  document.body.style.visibility = "hidden";
  document.title = "Loading";
  window.location.replace(href);
}
