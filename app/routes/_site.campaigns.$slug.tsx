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
import { campaignIn } from "~/campaigns/campaign-language";
import { storyHtml } from "~/campaigns/story.server";
import { languageInfo, localeOf } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { requestLanguage } from "~/i18n/language.server";
import { localisedPath } from "~/i18n/paths";
import { Alert } from "~/components/ui/Alert";
import { publicCampaignFigures } from "~/giving/donor-wall.data.server";
import type { loader as rootLoader } from "~/root";
import { cacheControlFromData, PRIVATE_PAGE, PUBLIC_PAGE } from "~/utils/cache-control";
import { pageMeta } from "~/utils/meta";
import type { PageHandle } from "~/utils/page-handle";
import { clientIp, readForm } from "~/utils/request.server";
import { useT } from "~/i18n/language-context";

async function campaignFromParams(params: LoaderFunctionArgs["params"]) {
  const parsed = CampaignParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  const campaign = await findPublishedCampaign(parsed.data.slug);
  if (!campaign) throw data(null, { status: 404 });
  return campaign;
}

/** The donation form's live total and busy button, without React (decision 029). */
export const handle: PageHandle = { modules: ["donation-form"] };

export async function loader({ params, request }: LoaderFunctionArgs) {
  const campaign = await campaignFromParams(params);
  const { lang, defaultLanguage } = requestLanguage(request);
  const text = campaignIn(campaign, lang, defaultLanguage);
  // The campaign row and the organisation come from memory; the totals and the wall are one statement (decision 030).
  const figures = await publicCampaignFigures(campaign.id);
  const settings = givingSettings(campaign.currency);

  // Back from Stripe's "cancel" link: the form filled in again, for the donor's own browser only.
  const search = CampaignSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const prefill = await refillAfterCancel(request, campaign, search.pledge);
  const wallIn = figures.wall.map((entry) => (entry.anonymous ? { ...entry, name: translator(lang)("campaign.anonymous") } : entry));

  const page = {
    campaign: {
      slug: campaign.slug,
      title: text.title,
      summary: text.summary,
      storyHtml: storyHtml(campaign, text),
      // The language the words are in: the page's, or the default one when there is no translation yet.
      lang: text.lang,
      translated: text.translated,
      goalAmount: campaign.goalAmount,
      currency: campaign.currency,
      presetAmounts: campaign.presetAmounts,
      ended: hasEnded(campaign),
    },
    progress: { raised: figures.raised, donors: figures.donors },
    giving: { fee: settings.fee, minAmount: settings.minAmount, maxAmount: settings.maxAmount, commentMax: COMMENT_MAX },
    prefill,
    wall: wallIn,
  };
  // A page asked for with a pledge depends on the visitor's cookie and may hold their details: never stored.
  return data(page, { headers: { "Cache-Control": search.pledge ? PRIVATE_PAGE : PUBLIC_PAGE } });
}

export const headers = cacheControlFromData;

export async function action({ params, request, context }: ActionFunctionArgs) {
  const campaign = await campaignFromParams(params);
  const { lang } = requestLanguage(request);
  if (hasEnded(campaign)) {
    return data(
      { errors: { form: translator(lang)("campaign.endedRefusal") }, values: {} },
      { status: 410, headers: { "Cache-Control": PRIVATE_PAGE } },
    );
  }
  const outcome = await startGift(campaign, await readForm(request), clientIp(context), lang);
  if (outcome.kind === "checkout" || outcome.kind === "invite") {
    return redirect(outcome.url, { status: 303, headers: { "Set-Cookie": await rememberPledge(request, outcome.pledgeId) } });
  }
  return data({ errors: outcome.errors, values: outcome.values }, { status: outcome.status, headers: { "Cache-Control": PRIVATE_PAGE } });
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data;
  const siteName = root?.organisation.name ?? "Covenant Rescue";
  const language = root?.language;
  if (!page) return [{ title: `${translator(language?.lang ?? "en")("errors.notFoundTitle")} | ${siteName}` }];
  const path = `/campaigns/${page.campaign.slug}`;
  return pageMeta({
    title: page.campaign.title,
    description: page.campaign.summary,
    siteName,
    type: "article",
    url: root?.appUrl && language ? `${root.appUrl}${localisedPath(path, language.lang, language.defaultLanguage)}` : undefined,
    locale: language ? localeOf(language.lang) : undefined,
  });
};

export default function CampaignPage() {
  const { campaign, progress, giving, prefill, wall } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <article className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div>
        {campaign.translated ? null : (
          <Alert tone="info" announce={false} className="mb-4" testId="not-translated">
            {t("campaign.notTranslated", { language: languageInfo(campaign.lang).name })}
          </Alert>
        )}
        <h1 lang={campaign.lang} className="text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">
          {campaign.title}
        </h1>
        <p lang={campaign.lang} className="mt-3 text-lg text-slate-700">
          {campaign.summary}
        </p>
        <div className="mt-6">
          <ProgressBar raised={progress.raised} goal={campaign.goalAmount} currency={campaign.currency} donors={progress.donors} />
        </div>
        {campaign.ended ? null : (
          <a href="#give" className="mt-4 inline-block rounded-md bg-accent-600 px-5 py-2 font-bold text-white lg:hidden">
            {t("campaign.giveNow")}
          </a>
        )}
        <div lang={campaign.lang} className="prose-story mt-6" dangerouslySetInnerHTML={{ __html: campaign.storyHtml }} />
        <DonorWall entries={wall} />
      </div>
      {/* On wide screens the form stays in view too, below the site's sticky header (4rem). */}
      <aside id="give" aria-labelledby="give-heading" className="lg:sticky lg:top-20 lg:self-start">
        <div className="rounded-lg border border-slate-200 p-5 shadow-sm">
          <h2 id="give-heading" className="text-xl font-semibold text-brand-800">
            {t("campaign.giveHeading")}
          </h2>
          {campaign.ended ? (
            <p className="mt-4 text-slate-700">{t("campaign.ended")}</p>
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
