import { useT } from "~/i18n/language-context";

/** The hotline, on every public page, before anything else a visitor reads. */
export function HotlineNotice({ text }: { text: string }) {
  const { t } = useT();
  return (
    <aside aria-label={t("layout.hotlineLabel")} className="bg-brand-800 text-white">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm">
        <span className="font-semibold">{t("layout.hotlineLead")}</span>
        {text}
      </p>
    </aside>
  );
}
