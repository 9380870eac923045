import { useId } from "react";

import { ColumnHeaders } from "~/components/ui/ColumnHeaders";
import { useLanguage, useT } from "~/i18n/language-context";
import { formatMoneyShort } from "~/utils/money";

export interface ChartDay {
  day: string;
  amount: number;
  donations: number;
}

const WIDTH = 640;
const HEIGHT = 160;
const PAD = { top: 10, right: 8, bottom: 22, left: 8 };

/** "2026-03-01" as the page's locale writes a day ("Mar 1, 2026"), or its month and day only ("3/1"). */
function dayFormat(locale: string, style: "short" | "medium"): (day: string) => string {
  const format = new Intl.DateTimeFormat(
    locale,
    style === "short" ? { month: "numeric", day: "numeric", timeZone: "UTC" } : { dateStyle: "medium", timeZone: "UTC" },
  );
  return (day) => format.format(new Date(`${day}T00:00:00Z`));
}

/**
 * Amount raised per day as bars, drawn on the server as SVG (no JavaScript).
 * The picture has a title and a summary for screen readers, and the exact
 * figures are in a table under a disclosure.
 */
export function DailyGivingChart({ days, currency, label }: { days: ChartDay[]; currency: string; label: string }) {
  const id = useId();
  const { t } = useT();
  const { locale } = useLanguage();
  const money = (amount: number) => formatMoneyShort(amount, currency, locale);
  const shortDate = dayFormat(locale, "short");
  const longDate = dayFormat(locale, "medium");
  const max = Math.max(0, ...days.map((d) => d.amount));
  const total = days.reduce((sum, d) => sum + d.amount, 0);
  const best = days.reduce<ChartDay | undefined>((top, d) => (d.amount > (top?.amount ?? 0) ? d : top), undefined);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.75);
  const summary =
    total === 0 || !best
      ? t("staff.chart.none", { days: days.length })
      : t("staff.chart.summary", { total: money(total), days: days.length, day: longDate(best.day), amount: money(best.amount) });

  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full"
        preserveAspectRatio="none"
      >
        <title id={`${id}-title`}>{label}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="#64748b" strokeWidth="1" />
        {days.map((d, i) => {
          const h = max > 0 ? Math.round((d.amount / max) * plotHeight * 100) / 100 : 0;
          return (
            <rect
              key={d.day}
              x={PAD.left + i * slot + (slot - barWidth) / 2}
              y={HEIGHT - PAD.bottom - h}
              width={barWidth}
              height={h}
              fill="#1d4f86"
            >
              <title>{t("staff.chart.bar", { day: longDate(d.day), amount: money(d.amount), count: d.donations })}</title>
            </rect>
          );
        })}
        <text x={PAD.left} y={HEIGHT - 6} fontSize="11" fill="#334155">
          {days[0] ? shortDate(days[0].day) : ""}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} fontSize="11" fill="#334155" textAnchor="end">
          {days.at(-1) ? shortDate(days.at(-1)!.day) : ""}
        </text>
        <text x={PAD.left} y={PAD.top + 2} fontSize="11" fill="#334155" dominantBaseline="hanging">
          {max > 0 ? t("staff.chart.peak", { amount: money(max) }) : ""}
        </text>
      </svg>
      <figcaption className="mt-1 text-sm text-slate-700">{summary}</figcaption>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{t("staff.chart.byDay")}</summary>
        <table className="mt-2 w-full max-w-sm text-left">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              <ColumnHeaders
                columns={[
                  t("staff.chart.day"),
                  { label: t("staff.chart.raised"), align: "right" },
                  { label: t("staff.chart.gifts"), align: "right" },
                ]}
                cell="py-1"
                gap="pr-4"
              />
            </tr>
          </thead>
          <tbody>
            {days
              .filter((d) => d.donations > 0)
              .map((d) => (
                <tr key={d.day} className="border-t border-slate-200">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {longDate(d.day)}
                  </th>
                  <td className="py-1 pr-4 text-right">{money(d.amount)}</td>
                  <td className="py-1 text-right">{d.donations.toLocaleString(locale)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
