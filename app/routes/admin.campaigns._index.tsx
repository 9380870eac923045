import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { StaffTable } from "~/staff/components/StaffTable";
import type { PublicState } from "~/campaigns/campaign-admin.data.server";
import { listCampaignsForStaff } from "~/campaigns/campaign-admin.data.server";
import { requireAdmin } from "~/staff/auth.server";
import { formatUtc } from "~/utils/datetime";
import { formatMoneyShort } from "~/utils/money";
import { staffPageMeta } from "~/utils/meta";

export const meta: MetaFunction = () => staffPageMeta("Campaigns");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const campaigns = await listCampaignsForStaff();
  return {
    campaigns: campaigns.map((c) => ({
      id: c.id,
      slug: c.slug,
      title: c.title,
      state: c.state,
      goal: formatMoneyShort(c.goalAmount, c.currency),
      raised: formatMoneyShort(c.raised, c.currency),
      startsAt: c.startsAt ? formatUtc(c.startsAt) : null,
      endsAt: c.endsAt ? formatUtc(c.endsAt) : null,
    })),
  };
}

const STATE_LABELS: Record<PublicState, { text: string; className: string }> = {
  draft: { text: "Draft", className: "bg-slate-100 text-slate-800" },
  scheduled: { text: "Scheduled", className: "bg-amber-100 text-amber-900" },
  live: { text: "Live", className: "bg-green-100 text-green-900" },
  ended: { text: "Ended", className: "bg-brand-100 text-brand-800" },
  archived: { text: "Archived", className: "bg-slate-200 text-slate-800" },
};

export default function CampaignList() {
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-800">Campaigns</h1>
        <Link to="/admin/campaigns/new" className="rounded-md bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800">
          New campaign
        </Link>
      </div>
      {campaigns.length === 0 ? (
        <p className="mt-6 text-slate-700">No campaigns yet.</p>
      ) : (
        <StaffTable
          label="Campaigns table"
          caption="Every campaign, most recently changed first"
          minWidth="min-w-[36rem]"
          columns={["Campaign", "Status", { label: "Raised / goal", align: "right" }, "Dates (UTC)", "Public page"]}
        >
          {campaigns.map((campaign) => (
            <tr key={campaign.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link to={`/admin/campaigns/${campaign.id}`} className="font-semibold text-brand-700 underline">
                  {campaign.title}
                </Link>
                <span className="block text-slate-700">/campaigns/{campaign.slug}</span>
              </th>
              <td className="py-2 pr-3">
                <span className={`rounded px-2 py-0.5 font-semibold ${STATE_LABELS[campaign.state].className}`}>
                  {STATE_LABELS[campaign.state].text}
                </span>
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {campaign.raised} / {campaign.goal}
              </td>
              <td className="py-2 pr-3">
                {campaign.startsAt ? `from ${campaign.startsAt}` : "no start date"}
                <br />
                {campaign.endsAt ? `until ${campaign.endsAt}` : "no end date"}
              </td>
              <td className="py-2">
                {campaign.state === "live" || campaign.state === "ended" ? (
                  <a href={`/campaigns/${campaign.slug}`} className="text-brand-700 underline">
                    View<span className="sr-only"> {campaign.title} on the site</span>
                  </a>
                ) : (
                  <span className="text-slate-700">Not on the site</span>
                )}
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
    </section>
  );
}
