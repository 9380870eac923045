import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { rememberedPledges } from "~/giving/gift-cookie.server";
import { ThankYouSearchSchema } from "~/giving/page-inputs.server";
import { findPledgeByCheckoutSession } from "~/models/pledges.server";
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
      campaign: pledge.campaign,
      // An expired (abandoned) Checkout took nothing, like a failed payment: say so instead of waiting.
      status: pledge.status === "failed" || (pledge.status === "expired" && !confirmed) ? ("failed" as const) : confirmed ? ("confirmed" as const) : ("processing" as const),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const tags = [{ title: "Thank you" }, { name: "robots", content: "noindex" }];
  // Refreshes itself while processing, with or without JavaScript.
  return data?.gift?.status === "processing" ? [...tags, { httpEquiv: "refresh", content: String(REFRESH_SECONDS) }] : tags;
};

export default function ThankYou() {
  const { gift } = useLoaderData<typeof loader>();
  if (!gift) {
    return (
      <section className="mx-auto max-w-xl py-8 text-center">
        <h1 className="text-3xl font-bold text-brand-800">Thank you</h1>
        <p className="mt-4 text-slate-700">
          If you just gave, your receipt will arrive by email once the payment is confirmed.
        </p>
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
        {gift.monthly ? "every month" : "once"} to <span className="font-semibold">{gift.campaign.title}</span>
        {gift.coveredFee ? `, including ${gift.coveredFee} to cover processing fees` : ""}.
      </p>
      {gift.status === "confirmed" ? (
        <p className="mt-4 rounded-md bg-green-50 p-3 text-green-900" data-testid="gift-status">
          Confirmed. Your tax receipt is on its way by email.
        </p>
      ) : gift.status === "processing" ? (
        <p className="mt-4 rounded-md bg-amber-50 p-3 text-amber-900" data-testid="gift-status">
          Processing: we are waiting for the payment to be confirmed. This page refreshes itself.
        </p>
      ) : (
        <p className="mt-4 rounded-md bg-red-50 p-3 text-red-900" data-testid="gift-status">
          The payment failed and nothing was taken. You can try again from the campaign page.
        </p>
      )}
      <p className="mt-6">
        <Link to={`/campaigns/${gift.campaign.slug}`} className="font-semibold text-brand-700 underline">
          Back to the campaign
        </Link>
      </p>
    </section>
  );
}
