import { data, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ProgressBar } from "~/campaigns/components/ProgressBar";
import { listPublishedCampaigns } from "~/campaigns/campaigns.data.server";
import { publicCampaignProgress } from "~/donations/totals.data.server";
import type { loader as rootLoader } from "~/root";
import { cacheControlFromData, PUBLIC_PAGE } from "~/utils/cache-control";
import { pageMeta } from "~/utils/meta";

export async function loader() {
  const campaigns = await listPublishedCampaigns();
  const progress = await publicCampaignProgress(campaigns.map((c) => c.id));
  const page = {
    campaigns: campaigns.map((c) => ({
      slug: c.slug,
      title: c.title,
      summary: c.summary,
      goalAmount: c.goalAmount,
      currency: c.currency,
      raised: progress.get(c.id)?.raised ?? 0,
      donors: progress.get(c.id)?.donors ?? 0,
    })),
  };
  return data(page, { headers: { "Cache-Control": PUBLIC_PAGE } });
}

export const headers = cacheControlFromData;

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data;
  const name = root?.organisation.name ?? "Covenant Rescue";
  return pageMeta({
    title: name,
    siteName: name,
    description: `Give to ${name}: help prevent sex trafficking and stand with survivors. Learn the signs and how your community can help.`,
    url: root?.appUrl ? `${root.appUrl}/` : undefined,
  });
};

export default function Index() {
  const { campaigns } = useLoaderData<typeof loader>();
  return (
    <div>
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">Together we can end sex trafficking</h1>
        <p className="mt-4 text-lg text-slate-700">
          Traffickers depend on isolation and silence. Learn the signs, talk about it, and give so that survivors find safety and a
          community that stands with them.
        </p>
      </section>

      <section aria-labelledby="campaigns-heading" className="mt-10">
        <h2 id="campaigns-heading" className="text-2xl font-semibold text-brand-800">
          Campaigns
        </h2>
        {campaigns.length === 0 ? (
          <p className="mt-4 text-slate-700">There are no open campaigns right now. Please check back soon.</p>
        ) : (
          <ul className="mt-4 grid gap-6 md:grid-cols-2">
            {campaigns.map((campaign) => (
              <li key={campaign.slug} className="flex flex-col rounded-lg border border-slate-200 p-5 shadow-sm">
                <h3 className="text-xl font-semibold">
                  <Link to={`/campaigns/${campaign.slug}`} className="text-brand-700 underline-offset-4 hover:underline">
                    {campaign.title}
                  </Link>
                </h3>
                <p className="mt-2 flex-1 text-slate-700">{campaign.summary}</p>
                <div className="mt-4">
                  <ProgressBar raised={campaign.raised} goal={campaign.goalAmount} currency={campaign.currency} donors={campaign.donors} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
