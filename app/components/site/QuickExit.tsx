import { useT } from "~/i18n/language-context";

/**
 * "Exit this page", after the GOV.UK pattern: a plain link that works with
 * JavaScript off. The page module quick-exit (quick-exit.module.ts, loaded by
 * every public page) makes it replace the history entry (so Back does not
 * return here) and blank the page at once, and makes pressing Shift three
 * times in a row do the same from anywhere on the page. It sits in the site's
 * sticky header (SiteLayout), so it stays on screen while the page scrolls.
 */
export function QuickExit({ href }: { href: string }) {
  const { t } = useT();

  return (
    <div className="shrink-0">
      <a
        href={href}
        rel="nofollow noreferrer"
        className="inline-flex items-center gap-2 rounded-md bg-red-700 px-4 py-2 text-sm font-bold text-white shadow hover:bg-red-800 focus-visible:bg-red-800"
        data-quick-exit
      >
        {t("layout.quickExit")}
      </a>
      <p className="sr-only">{t("layout.quickExitHint")}</p>
    </div>
  );
}
