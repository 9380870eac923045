import { useLanguage, useT } from "~/i18n/language-context";
import { formatMoneyShort } from "~/utils/money";

/** Raised against goal, as a bar with its figures in words for screen readers. */
export function ProgressBar({ raised, goal, currency, donors }: { raised: number; goal: number; currency: string; donors: number }) {
  const { t } = useT();
  const { locale } = useLanguage();
  const percent = goal > 0 ? Math.min(100, Math.floor((raised * 100) / goal)) : 0;
  const raisedText = formatMoneyShort(raised, currency, locale);
  const goalText = formatMoneyShort(goal, currency, locale);
  return (
    <div>
      <div
        role="progressbar"
        aria-label={t("campaign.progressLabel", { raised: raisedText, goal: goalText })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t("campaign.progressValue", { percent })}
        className="h-3 w-full overflow-hidden rounded-full bg-brand-100"
      >
        <div className="h-full rounded-full bg-accent-600" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-sm text-slate-700">
        <span className="text-base font-semibold text-slate-900" data-testid="raised">
          {raisedText}
        </span>{" "}
        {t("campaign.raisedOf", { goal: goalText })} · {t("campaign.donors", { count: donors })}
      </p>
    </div>
  );
}
