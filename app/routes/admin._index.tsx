import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ProgressBar } from "~/campaigns/components/ProgressBar";
import { DailyGivingChart } from "~/dashboard/components/DailyGivingChart";
import { FigureList } from "~/dashboard/components/FigureList";
import { dashboard } from "~/dashboard/dashboard.data.server";
import { DonorFiguresPanel } from "~/donors/components/DonorFiguresPanel";
import { dashboardDonorFigures } from "~/donors/dashboard-donors.server";
import { useLanguage, useT } from "~/i18n/language-context";
import { requireStaff } from "~/staff/auth.server";
import { staffMeta } from "~/staff/staff-text";
import { z } from "~/utils/zod";

const CHART_RANGES = [30, 90] as const;

const QuerySchema = z.object({
  range: z
    .enum(["30", "90"])
    .catch("30")
    .transform((value) => Number(value) as (typeof CHART_RANGES)[number]),
});

export const meta: MetaFunction = ({ matches }) => staffMeta(matches, (t) => t("staff.dashboard.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { range } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [figures, donors] = await Promise.all([dashboard(range), dashboardDonorFigures(range)]);
  return { range, ...figures, donors };
}

export default function Dashboard() {
  const { range, campaigns, totals, donors } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { locale } = useLanguage();
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-800">{t("staff.dashboard.title")}</h1>
        <nav aria-label={t("staff.dashboard.rangeLabel")} className="flex gap-2 text-sm">
          {CHART_RANGES.map((days) => (
            <Link
              key={days}
              to={`?range=${days}`}
              aria-current={days === range ? "page" : undefined}
              className={`rounded border px-3 py-1 font-semibold no-underline ${days === range ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-brand-800"}`}
            >
              {t("staff.dashboard.lastDays", { days })}
            </Link>
          ))}
        </nav>
      </div>

      {totals.length > 0 ? (
        <section aria-labelledby="all-campaigns" className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="all-campaigns" className="text-lg font-semibold text-brand-800">
            {t("staff.dashboard.allCampaigns")}
          </h2>
          {totals.map((total) => (
            <FigureList key={total.currency} figures={total} currency={total.currency} />
          ))}
        </section>
      ) : null}

      <DonorFiguresPanel {...donors} />

      {campaigns.length === 0 ? <p className="mt-6 text-slate-700">{t("staff.dashboard.noCampaigns")}</p> : null}
      {campaigns.map((c) => (
        <section
          key={c.id}
          aria-labelledby={`campaign-${c.id}`}
          className="mt-6 rounded-lg border border-slate-300 bg-white p-4"
          data-testid="campaign-figures"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`campaign-${c.id}`} className="text-lg font-semibold text-brand-800">
              {c.title}
            </h2>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-800">
              {t(`staff.dashboard.campaignStatus.${c.status}`)}
            </span>
          </div>
          <div className="mt-3">
            <ProgressBar raised={c.figures.raised} goal={c.goalAmount} currency={c.figures.currency} donors={c.figures.donors} />
          </div>
          <FigureList figures={c.figures} currency={c.figures.currency} donors={c.figures.donors} />
          {c.invitation.shown > 0 ? (
            <p className="mt-2 text-sm text-slate-700" data-testid="invitation-rate">
              {t("staff.dashboard.invitationRate", {
                accepted: c.invitation.accepted.toLocaleString(locale),
                shown: c.invitation.shown.toLocaleString(locale),
                percent: percent.format(Math.round((c.invitation.accepted / c.invitation.shown) * 100) / 100),
                declined: c.invitation.declined.toLocaleString(locale),
              })}
            </p>
          ) : null}
          <DailyGivingChart
            days={c.daily}
            currency={c.figures.currency}
            label={t("staff.dashboard.chartLabel", { title: c.title, days: range })}
          />
        </section>
      ))}
    </div>
  );
}
