import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { StaffTable } from "~/staff/components/StaffTable";
import type { PublicState } from "~/campaigns/campaign-admin.data.server";
import { listCampaignsForStaff } from "~/campaigns/campaign-admin.data.server";
import { useT } from "~/i18n/language-context";
import { requireAdmin } from "~/staff/auth.server";
import { staffLocale } from "~/staff/staff-language.server";
import { staffMeta } from "~/staff/staff-text";
import { formatUtc } from "~/utils/datetime";
import { formatMoneyShort } from "~/utils/money";

export const meta: MetaFunction = ({ matches }) => staffMeta(matches, (t) => t("staff.campaignList.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const campaigns = await listCampaignsForStaff();
  const locale = staffLocale();
  return {
    campaigns: campaigns.map((c) => ({
      id: c.id,
      slug: c.slug,
      title: c.title,
      state: c.state,
      goal: formatMoneyShort(c.goalAmount, c.currency, locale),
      raised: formatMoneyShort(c.raised, c.currency, locale),
      startsAt: c.startsAt ? formatUtc(c.startsAt) : null,
      endsAt: c.endsAt ? formatUtc(c.endsAt) : null,
    })),
  };
}

/** Each state's colours; its word is staff.campaignList.states in the catalogue. */
const STATE_CLASSES: Record<PublicState, string> = {
  draft: "bg-slate-100 text-slate-800",
  scheduled: "bg-amber-100 text-amber-900",
  live: "bg-green-100 text-green-900",
  ended: "bg-brand-100 text-brand-800",
  archived: "bg-slate-200 text-slate-800",
};

export default function CampaignList() {
  const { campaigns } = useLoaderData<typeof loader>();
  const { t } = useT();
  const text = (key: string, values?: Record<string, unknown>) => t(`staff.campaignList.${key}`, values);
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-800">{text("title")}</h1>
        <Link to="/admin/campaigns/new" className="rounded-md bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800">
          {text("new")}
        </Link>
      </div>
      {campaigns.length === 0 ? (
        <p className="mt-6 text-slate-700">{text("none")}</p>
      ) : (
        <StaffTable
          label={text("tableLabel")}
          caption={text("caption")}
          minWidth="min-w-[36rem]"
          columns={[
            text("columns.campaign"),
            text("columns.status"),
            { label: text("columns.raised"), align: "right" },
            text("columns.dates"),
            text("columns.page"),
          ]}
        >
          {campaigns.map((campaign) => (
            <tr key={campaign.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link to={`/admin/campaigns/${campaign.id}`} className="font-semibold text-brand-700 underline">
                  {campaign.title}
                </Link>
                <span className="block text-slate-700">
                  {"/campaigns/"}
                  {campaign.slug}
                </span>
              </th>
              <td className="py-2 pr-3">
                <span className={`rounded px-2 py-0.5 font-semibold ${STATE_CLASSES[campaign.state]}`}>
                  {text(`states.${campaign.state}`)}
                </span>
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {text("raisedOfGoal", { raised: campaign.raised, goal: campaign.goal })}
              </td>
              <td className="py-2 pr-3">
                {campaign.startsAt ? text("from", { date: campaign.startsAt }) : text("noStart")}
                <br />
                {campaign.endsAt ? text("until", { date: campaign.endsAt }) : text("noEnd")}
              </td>
              <td className="py-2">
                {campaign.state === "live" || campaign.state === "ended" ? (
                  <a href={`/campaigns/${campaign.slug}`} className="text-brand-700 underline">
                    {text("view")}
                    <span className="sr-only">{text("viewHidden", { title: campaign.title })}</span>
                  </a>
                ) : (
                  <span className="text-slate-700">{text("notOnSite")}</span>
                )}
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
    </section>
  );
}
