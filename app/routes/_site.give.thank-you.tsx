import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { rememberedPledges } from "~/giving/gift-cookie.server";
import { ThankYouSearchSchema } from "~/giving/page-inputs.server";
import { findPledgeByCheckoutSession } from "~/giving/pledges.data.server";
import { campaignTitleIn } from "~/campaigns/campaign-language";
import { localeOf } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { useLanguage, useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { privatePageMeta } from "~/utils/meta";
import type { loader as rootLoader } from "~/root";
import { formatMoney } from "~/utils/money";

/** Seconds between refreshes while the gift is being confirmed. */
const REFRESH_SECONDS = 3;

/**
 * Where Stripe returns the donor. The gift's details are shown only to the
 * browser that started it (see gift-cookie.server.ts); an unknown or foreign
 * session id gets the same neutral thanks.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const search = ThankYouSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const pledge = search.session_id ? await findPledgeByCheckoutSession(search.session_id) : null;
  const mine = pledge ? (await rememberedPledges(request)).includes(pledge.id) : false;
  if (!pledge || !mine) return { gift: null };
  const { lang, defaultLanguage } = requestLanguage(request);
  const locale = localeOf(lang);
  const confirmed = pledge._count.donations > 0 || pledge.status === "completed";
  return {
    gift: {
      total: formatMoney(pledge.amount + pledge.coveredFee, pledge.currency, locale),
      coveredFee: pledge.coveredFee > 0 ? formatMoney(pledge.coveredFee, pledge.currency, locale) : null,
      monthly: pledge.frequency === "monthly",
      yearly: pledge.frequency === "yearly",
      campaign: { slug: pledge.campaign.slug, title: campaignTitleIn(pledge.campaign, lang, defaultLanguage) },
      // An expired (abandoned) Checkout took nothing, like a failed payment: say so instead of waiting.
      status:
        pledge.status === "failed" || (pledge.status === "expired" && !confirmed)
          ? ("failed" as const)
          : confirmed
            ? ("confirmed" as const)
            : ("processing" as const),
    },
  };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data, matches }) => {
  const title = translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("thankYou.title");
  // Refreshes itself while processing, with or without JavaScript.
  return data?.gift?.status === "processing"
    ? privatePageMeta(title, { httpEquiv: "refresh", content: String(REFRESH_SECONDS) })
    : privatePageMeta(title);
};

export default function ThankYou() {
  const { gift } = useLoaderData<typeof loader>();
  // In sandbox mode the receipt is a marked test, and the page says so too.
  const sandbox = useRouteLoaderData<typeof rootLoader>("root")?.sandbox ?? false;
  const { t } = useT();
  const { href } = useLanguage();
  if (!gift) {
    return (
      <section className="mx-auto max-w-xl py-8 text-center">
        <h1 className="text-3xl font-bold text-brand-800">{t("thankYou.title")}</h1>
        <p className="mt-4 text-slate-700">{t("thankYou.neutral")}</p>
        <p className="mt-6">
          <Link to={href("/")} className="font-semibold text-brand-700 underline">
            {t("thankYou.backToCampaigns")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-xl py-8 text-center" aria-live="polite">
      <h1 className="text-3xl font-bold text-brand-800">{t(gift.status === "failed" ? "thankYou.failedHeading" : "thankYou.heading")}</h1>
      <p className="mt-4 text-lg text-slate-800">
        <span className="font-semibold" data-testid="gift-amount">
          {gift.total}
        </span>{" "}
        {t(gift.monthly ? "thankYou.giftMonthly" : gift.yearly ? "thankYou.giftYearly" : "thankYou.giftOnce")}{" "}
        <span className="font-semibold">{gift.campaign.title}</span>
        {gift.coveredFee ? t("thankYou.includingFee", { fee: gift.coveredFee }) : ""}.
      </p>
      {gift.status === "confirmed" ? (
        <Alert tone="success" announce={false} className="mt-4" testId="gift-status">
          {t(sandbox ? "thankYou.confirmedSandbox" : "thankYou.confirmed")}
        </Alert>
      ) : gift.status === "processing" ? (
        <Alert tone="warning" announce={false} className="mt-4" testId="gift-status">
          {t("thankYou.processing")}
        </Alert>
      ) : (
        <Alert tone="error" announce={false} className="mt-4" testId="gift-status">
          {t("thankYou.failed")}
        </Alert>
      )}
      <p className="mt-6">
        <Link to={href(`/campaigns/${gift.campaign.slug}`)} className="font-semibold text-brand-700 underline">
          {t("thankYou.backToCampaign")}
        </Link>
      </p>
    </section>
  );
}
