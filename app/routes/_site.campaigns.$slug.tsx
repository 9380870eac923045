import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { DonationForm } from "~/giving/components/DonationForm";
import { DonorWall } from "~/giving/components/DonorWall";
import { ProgressBar } from "~/campaigns/components/ProgressBar";
import { COMMENT_MAX } from "~/giving/donation-fields";
import { refillAfterCancel } from "~/giving/checkout-return.server";
import { rememberPledge } from "~/giving/gift-cookie.server";
import { startGift } from "~/giving/give.server";
import { CampaignParamsSchema, CampaignSearchSchema } from "~/giving/page-inputs.server";
import { givingSettings } from "~/giving/settings.server";
import { findPublishedCampaign, hasEnded } from "~/campaigns/campaigns.data.server";
import { recentPublicGifts } from "~/giving/donor-wall.data.server";
import { campaignProgress } from "~/donations/totals.data.server";
import type { loader as rootLoader } from "~/root";
import { cacheControlFromData, PRIVATE_PAGE, PUBLIC_PAGE } from "~/utils/cache-control";
import { renderMarkdown } from "~/utils/markdown.server";
import { pageMeta } from "~/utils/meta";
import { clientIp, readForm } from "~/utils/request.server";

async function campaignFromParams(params: LoaderFunctionArgs["params"]) {
  const parsed = CampaignParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  const campaign = await findPublishedCampaign(parsed.data.slug);
  if (!campaign) throw data(null, { status: 404 });
  return campaign;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const campaign = await campaignFromParams(params);
  const [progressById, wall] = await Promise.all([campaignProgress([campaign.id]), recentPublicGifts(campaign.id)]);
  const progress = progressById.get(campaign.id);
  const settings = givingSettings(campaign.currency);

  // Back from Stripe's "cancel" link: the form filled in again, for the donor's own browser only.
  const search = CampaignSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const prefill = await refillAfterCancel(request, campaign, search.pledge);

  const page = {
    campaign: {
      slug: campaign.slug,
      title: campaign.title,
      summary: campaign.summary,
      storyHtml: renderMarkdown(campaign.story),
      goalAmount: campaign.goalAmount,
      currency: campaign.currency,
      presetAmounts: campaign.presetAmounts,
      ended: hasEnded(campaign),
    },
    progress: { raised: progress?.raised ?? 0, donors: progress?.donors ?? 0 },
    giving: { fee: settings.fee, minAmount: settings.minAmount, maxAmount: settings.maxAmount, commentMax: COMMENT_MAX },
    prefill,
    wall,
  };
  // A page asked for with a pledge depends on the visitor's cookie and may hold their details: never stored.
  return data(page, { headers: { "Cache-Control": search.pledge ? PRIVATE_PAGE : PUBLIC_PAGE } });
}

export const headers = cacheControlFromData;

export async function action({ params, request, context }: ActionFunctionArgs) {
  const campaign = await campaignFromParams(params);
  if (hasEnded(campaign)) {
    return data(
      { errors: { form: "This campaign has ended and no longer takes gifts." }, values: {} },
      { status: 410, headers: { "Cache-Control": PRIVATE_PAGE } },
    );
  }
  const outcome = await startGift(campaign, await readForm(request), clientIp(context));
  if (outcome.kind === "checkout" || outcome.kind === "invite") {
    return redirect(outcome.url, { status: 303, headers: { "Set-Cookie": await rememberPledge(request, outcome.pledgeId) } });
  }
  return data({ errors: outcome.errors, values: outcome.values }, { status: outcome.status, headers: { "Cache-Control": PRIVATE_PAGE } });
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
  const { campaign, progress, giving, prefill, wall } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div>
        <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">{campaign.title}</h1>
        <p className="mt-3 text-lg text-slate-700">{campaign.summary}</p>
        <div className="mt-6">
          <ProgressBar raised={progress.raised} goal={campaign.goalAmount} currency={campaign.currency} donors={progress.donors} />
        </div>
        {campaign.ended ? null : (
          <a href="#give" className="mt-4 inline-block rounded-md bg-accent-600 px-5 py-2 font-bold text-white lg:hidden">
            Give now
          </a>
        )}
        <div className="prose-story mt-6" dangerouslySetInnerHTML={{ __html: campaign.storyHtml }} />
        <DonorWall entries={wall} />
      </div>
      {/* On wide screens the form stays in view too, below the site's sticky header (4rem). */}
      <aside id="give" aria-labelledby="give-heading" className="lg:sticky lg:top-20 lg:self-start">
        <div className="rounded-lg border border-slate-200 p-5 shadow-sm">
          <h2 id="give-heading" className="text-xl font-semibold text-brand-800">
            Give to this campaign
          </h2>
          {campaign.ended ? (
            <p className="mt-4 text-slate-700">This campaign has ended. Thank you to everyone who gave.</p>
          ) : (
            <div className="mt-4">
              <DonationForm
                currency={campaign.currency}
                presetAmounts={campaign.presetAmounts}
                fee={giving.fee}
                minAmount={giving.minAmount}
                maxAmount={giving.maxAmount}
                commentMax={giving.commentMax}
                values={actionData?.values ?? prefill}
                errors={actionData?.errors ?? {}}
              />
            </div>
          )}
        </div>
      </aside>
    </article>
  );
}
