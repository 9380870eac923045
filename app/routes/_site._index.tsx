import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { ProgressBar } from "~/campaigns/components/ProgressBar";
import { listPublishedCampaigns } from "~/campaigns/campaigns.data.server";
import { campaignIn } from "~/campaigns/campaign-language";
import { useLanguage, useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { localeOf } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { localisedPath } from "~/i18n/paths";
import { publicCampaignProgress } from "~/donations/totals.data.server";
import type { loader as rootLoader } from "~/root";
import { cacheControlFromData, PUBLIC_PAGE } from "~/utils/cache-control";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, defaultLanguage } = requestLanguage(request);
  const campaigns = (await listPublishedCampaigns()).map((c) => ({ ...c, ...campaignIn(c, lang, defaultLanguage) }));
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
      lang: c.lang,
    })),
  };
  return data(page, { headers: { "Cache-Control": PUBLIC_PAGE } });
}

export const headers = cacheControlFromData;

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data;
  const name = root?.organisation.name ?? "Covenant Rescue";
  const language = root?.language;
  const t = translator(language?.lang ?? "en");
  return pageMeta({
    title: name,
    siteName: name,
    description: t("home.description", { name }),
    url: root?.appUrl && language ? `${root.appUrl}${localisedPath("/", language.lang, language.defaultLanguage)}` : undefined,
    locale: language ? localeOf(language.lang) : undefined,
  });
};

export default function Index() {
  const { campaigns } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { href } = useLanguage();
  return (
    <div>
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">{t("home.heading")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("home.intro")}</p>
      </section>

      <section aria-labelledby="campaigns-heading" className="mt-10">
        <h2 id="campaigns-heading" className="text-2xl font-semibold text-brand-800">
          {t("home.campaigns")}
        </h2>
        {campaigns.length === 0 ? (
          <p className="mt-4 text-slate-700">{t("home.noCampaigns")}</p>
        ) : (
          <ul className="mt-4 grid gap-6 md:grid-cols-2">
            {campaigns.map((campaign) => (
              <li key={campaign.slug} className="flex flex-col rounded-lg border border-slate-200 p-5 shadow-sm">
                <h3 className="text-xl font-semibold" lang={campaign.lang}>
                  <Link
                    to={href(`/campaigns/${campaign.slug}`)}
                    hrefLang={campaign.lang}
                    className="text-brand-700 underline-offset-4 hover:underline"
                  >
                    {campaign.title}
                  </Link>
                </h3>
                <p className="mt-2 flex-1 text-slate-700" lang={campaign.lang}>
                  {campaign.summary}
                </p>
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
