import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { ProgressBar } from "~/components/ProgressBar";
import { findPublishedCampaign, hasEnded } from "~/models/campaigns.server";
import { campaignProgress } from "~/models/totals.server";
import type { loader as rootLoader } from "~/root";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";

const ParamsSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100),
});

export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  const campaign = await findPublishedCampaign(parsed.data.slug);
  if (!campaign) throw data(null, { status: 404 });
  const progress = (await campaignProgress([campaign.id])).get(campaign.id);
  return {
    campaign: {
      slug: campaign.slug,
      title: campaign.title,
      summary: campaign.summary,
      storyHtml: renderMarkdown(campaign.story),
      goalAmount: campaign.goalAmount,
      currency: campaign.currency,
      ended: hasEnded(campaign),
    },
    progress: { raised: progress?.raised ?? 0, donors: progress?.donors ?? 0 },
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data;
  const siteName = root?.organisation.name ?? "Covenant Rescue";
  if (!page) return [{ title: `Page not found | ${siteName}` }];
  return pageMeta({
    title: page.campaign.title,
    description: page.campaign.summary,
    siteName,
    type: "article",
    url: root?.appUrl ? `${root.appUrl}/campaigns/${page.campaign.slug}` : undefined,
  });
};

export default function CampaignPage() {
  const { campaign, progress } = useLoaderData<typeof loader>();
  return (
    <article className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div>
        <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">{campaign.title}</h1>
        <p className="mt-3 text-lg text-slate-700">{campaign.summary}</p>
        <div className="prose-story mt-6" dangerouslySetInnerHTML={{ __html: campaign.storyHtml }} />
      </div>
      <aside aria-labelledby="progress-heading" className="lg:sticky lg:top-6 lg:self-start">
        <div className="rounded-lg border border-slate-200 p-5 shadow-sm">
          <h2 id="progress-heading" className="text-lg font-semibold text-brand-800">
            Progress
          </h2>
          <div className="mt-3">
            <ProgressBar
              raised={progress.raised}
              goal={campaign.goalAmount}
              currency={campaign.currency}
              donors={progress.donors}
            />
          </div>
          {campaign.ended ? <p className="mt-4 text-slate-700">This campaign has ended. Thank you to everyone who gave.</p> : null}
        </div>
      </aside>
    </article>
  );
}
