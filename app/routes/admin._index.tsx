import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ProgressBar } from "~/campaigns/components/ProgressBar";
import { DailyGivingChart } from "~/dashboard/components/DailyGivingChart";
import { FigureList } from "~/dashboard/components/FigureList";
import { dashboard } from "~/dashboard/dashboard.data.server";
import { DonorFiguresPanel } from "~/donors/components/DonorFiguresPanel";
import { dashboardDonorFigures } from "~/donors/dashboard-donors.server";
import { requireStaff } from "~/staff/auth.server";
import { z } from "~/utils/zod";
import { staffPageMeta } from "~/utils/meta";

const CHART_RANGES = [30, 90] as const;

const QuerySchema = z.object({
  range: z
    .enum(["30", "90"])
    .catch("30")
    .transform((value) => Number(value) as (typeof CHART_RANGES)[number]),
});

export const meta: MetaFunction = () => staffPageMeta("Dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { range } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [figures, donors] = await Promise.all([dashboard(range), dashboardDonorFigures(range)]);
  return { range, ...figures, donors };
}

export default function Dashboard() {
  const { range, campaigns, totals, donors } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-800">Dashboard</h1>
        <nav aria-label="Chart range" className="flex gap-2 text-sm">
          {CHART_RANGES.map((days) => (
            <Link
              key={days}
              to={`?range=${days}`}
              aria-current={days === range ? "page" : undefined}
              className={`rounded border px-3 py-1 font-semibold no-underline ${days === range ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-brand-800"}`}
            >
              Last {days} days
            </Link>
          ))}
        </nav>
      </div>

      {totals.length > 0 ? (
        <section aria-labelledby="all-campaigns" className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="all-campaigns" className="text-lg font-semibold text-brand-800">
            All campaigns
          </h2>
          {totals.map((t) => (
            <FigureList key={t.currency} figures={t} currency={t.currency} />
          ))}
        </section>
      ) : null}

      <DonorFiguresPanel {...donors} />

      {campaigns.length === 0 ? <p className="mt-6 text-slate-700">No campaigns yet.</p> : null}
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
              {c.status}
            </span>
          </div>
          <div className="mt-3">
            <ProgressBar raised={c.figures.raised} goal={c.goalAmount} currency={c.figures.currency} donors={c.figures.donors} />
          </div>
          <FigureList figures={c.figures} currency={c.figures.currency} donors={c.figures.donors} />
          {c.invitation.shown > 0 ? (
            <p className="mt-2 text-sm text-slate-700" data-testid="invitation-rate">
              Invitation to give monthly: {c.invitation.accepted} of {c.invitation.shown} accepted (
              {Math.round((c.invitation.accepted / c.invitation.shown) * 100)}%), {c.invitation.declined} declined
            </p>
          ) : null}
          <DailyGivingChart days={c.daily} currency={c.figures.currency} label={`${c.title}: raised per day, last ${range} days`} />
        </section>
      ))}
    </div>
  );
}
