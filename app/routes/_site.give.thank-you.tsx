import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { rememberedPledges } from "~/giving/gift-cookie.server";
import { ThankYouSearchSchema } from "~/giving/page-inputs.server";
import { findPledgeByCheckoutSession } from "~/giving/pledges.data.server";
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
  const confirmed = pledge._count.donations > 0 || pledge.status === "completed";
  return {
    gift: {
      total: formatMoney(pledge.amount + pledge.coveredFee, pledge.currency),
      coveredFee: pledge.coveredFee > 0 ? formatMoney(pledge.coveredFee, pledge.currency) : null,
      monthly: pledge.frequency === "monthly",
      yearly: pledge.frequency === "yearly",
      campaign: pledge.campaign,
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

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  // Refreshes itself while processing, with or without JavaScript.
  return data?.gift?.status === "processing"
    ? privatePageMeta("Thank you", { httpEquiv: "refresh", content: String(REFRESH_SECONDS) })
    : privatePageMeta("Thank you");
};

export default function ThankYou() {
  const { gift } = useLoaderData<typeof loader>();
  // In sandbox mode the receipt is a marked test, and the page says so too.
  const sandbox = useRouteLoaderData<typeof rootLoader>("root")?.sandbox ?? false;
  if (!gift) {
    return (
      <section className="mx-auto max-w-xl py-8 text-center">
        <h1 className="text-3xl font-bold text-brand-800">Thank you</h1>
        <p className="mt-4 text-slate-700">If you just gave, your receipt will arrive by email once the payment is confirmed.</p>
        <p className="mt-6">
          <Link to="/" className="font-semibold text-brand-700 underline">
            Back to our campaigns
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-xl py-8 text-center" aria-live="polite">
      <h1 className="text-3xl font-bold text-brand-800">
        {gift.status === "failed" ? "Your payment did not go through" : "Thank you for your gift"}
      </h1>
      <p className="mt-4 text-lg text-slate-800">
        <span className="font-semibold" data-testid="gift-amount">
          {gift.total}
        </span>{" "}
        {gift.monthly ? "every month" : gift.yearly ? "every year" : "once"} to <span className="font-semibold">{gift.campaign.title}</span>
        {gift.coveredFee ? `, including ${gift.coveredFee} to cover processing fees` : ""}.
      </p>
      {gift.status === "confirmed" ? (
        <Alert tone="success" announce={false} className="mt-4" testId="gift-status">
          {sandbox
            ? "Confirmed. Your test receipt is on its way by email: no money moved, so it is not a tax receipt."
            : "Confirmed. Your tax receipt is on its way by email."}
        </Alert>
      ) : gift.status === "processing" ? (
        <Alert tone="warning" announce={false} className="mt-4" testId="gift-status">
          Processing: we are waiting for the payment to be confirmed. This page refreshes itself.
        </Alert>
      ) : (
        <Alert tone="error" announce={false} className="mt-4" testId="gift-status">
          The payment failed and nothing was taken. You can try again from the campaign page.
        </Alert>
      )}
      <p className="mt-6">
        <Link to={`/campaigns/${gift.campaign.slug}`} className="font-semibold text-brand-700 underline">
          Back to the campaign
        </Link>
      </p>
    </section>
  );
}
