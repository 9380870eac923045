import { useT } from "~/i18n/language-context";

/** Shown on every page while Stripe's calls are answered locally. */
export function SandboxBanner() {
  const { t } = useT();
  return (
    <div role="note" className="bg-amber-300 text-amber-950">
      <p className="mx-auto max-w-5xl px-4 py-1.5 text-center text-sm font-semibold">{t("layout.sandbox")}</p>
    </div>
  );
}
