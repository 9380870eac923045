import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type Stripe from "stripe";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { Input } from "~/components/ui/Input";
import { deliverEvents } from "~/payments/sandbox/events.server";
import { cancelSubscription, changeSubscriptionCard } from "~/payments/sandbox/dashboard.server";
import { PortalActionSchema, PortalParamsSchema } from "~/payments/sandbox/page-inputs.server";
import { getObject, listObjects } from "~/payments/sandbox/store.server";
import { env } from "~/utils/env.server";
import { privatePageMeta } from "~/utils/meta";
import { localeOf } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import type { loader as rootLoader } from "~/root";
import { formatMoney } from "~/utils/money";
import { readForm } from "~/utils/request.server";
import { SandboxPageTitle } from "~/payments/components/SandboxPageTitle";
import { HYDRATE } from "~/utils/page-handle";
import type { TFunction } from "i18next";

/** The sandbox's pages stand in for Stripe's and hydrate (decision 029). */
export const handle = HYDRATE;

/** The sandbox's stand-in for Stripe's billing portal: cancel, or change the card. */
async function portal(params: LoaderFunctionArgs["params"]) {
  if (!env().sandbox) throw data(null, { status: 404 });
  const parsed = PortalParamsSchema.safeParse(params);
  const session = parsed.success ? await getObject<Stripe.BillingPortal.Session>(parsed.data.sessionId) : null;
  if (!session || session.object !== "billing_portal.session") throw data(null, { status: 404 });
  const subscriptions = (await listObjects<Stripe.Subscription>("subscription")).filter((s) => s.customer === session.customer);
  return { session, subscriptions };
}

/** A subscription's status as the portal page words it. */
function statusLabel(t: TFunction, status: Stripe.Subscription.Status): string {
  switch (status) {
    case "active":
    case "trialing":
      return t("sandboxPortal.status.active");
    case "past_due":
      return t("sandboxPortal.status.past_due");
    case "unpaid":
      return t("sandboxPortal.status.unpaid");
    case "incomplete":
    case "incomplete_expired":
      return t("sandboxPortal.status.incomplete");
    case "paused":
      return t("sandboxPortal.status.paused");
    case "canceled":
      return t("sandboxPortal.status.canceled");
    default:
      return status;
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { session, subscriptions } = await portal(params);
  const { lang } = requestLanguage(request);
  const t = translator(lang);
  const locale = localeOf(lang);
  return {
    returnUrl: session.return_url,
    subscriptions: subscriptions.map((s) => {
      const price = s.items.data[0]?.price;
      const amount = price ? formatMoney(price.unit_amount ?? 0, price.currency.toUpperCase(), locale) : "";
      return {
        id: s.id,
        status: s.status,
        statusLabel: statusLabel(t, s.status),
        line: t(price?.recurring?.interval === "year" ? "sandboxPortal.perYear" : "sandboxPortal.perMonth", { amount }),
      };
    }),
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { subscriptions } = await portal(params);
  const t = translator(requestLanguage(request).lang);
  const parsed = PortalActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    const cardOnly = parsed.error.issues.some((issue) => issue.message === "sandboxPortal.cardOnly");
    return data({ message: null, error: t(cardOnly ? "sandboxPortal.cardOnly" : "sandboxPortal.invalid") }, { status: 422 });
  }
  if (!subscriptions.some((s) => s.id === parsed.data.subscription))
    return data({ message: null, error: t("sandboxPortal.noSuchSubscription") }, { status: 404 });
  const events =
    parsed.data.intent === "cancel"
      ? await cancelSubscription(parsed.data.subscription)
      : await changeSubscriptionCard(parsed.data.subscription);
  await deliverEvents(events);
  return { message: t(parsed.data.intent === "cancel" ? "sandboxPortal.cancelled" : "sandboxPortal.cardUpdated"), error: null };
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) =>
  privatePageMeta(translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("sandboxPortal.title"));

export default function SandboxPortal() {
  const { returnUrl, subscriptions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  return (
    <section className="mx-auto max-w-lg">
      <SandboxPageTitle title={t("sandboxPortal.title")} />
      {result?.message ? (
        <Alert tone="success" className="mt-4">
          {result.message}
        </Alert>
      ) : null}
      {result?.error ? (
        <Alert tone="error" className="mt-4">
          {result.error}
        </Alert>
      ) : null}
      <ul className="mt-6 space-y-4">
        {subscriptions.map((s) => (
          <li key={s.id} className="rounded-lg border border-slate-200 p-4">
            <p className="font-semibold">
              {s.line} ·{" "}
              <span data-testid="subscription-status" data-status={s.status}>
                {s.statusLabel}
              </span>
            </p>
            {s.status !== "canceled" ? (
              <div className="mt-3 space-y-3">
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="card" />
                  <input type="hidden" name="subscription" value={s.id} />
                  <label className="text-sm">
                    {t("sandboxPortal.newCard")}
                    <Input name="cardNumber" inputMode="numeric" placeholder="4242 4242 4242 4242" inline className="mt-1 block" />
                  </label>
                  <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-bold text-white">
                    {t("sandboxPortal.updateCard")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel" />
                  <input type="hidden" name="subscription" value={s.id} />
                  <button type="submit" className="rounded-md border border-red-700 px-4 py-2 font-bold text-red-800">
                    {t("sandboxPortal.cancel")}
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {returnUrl ? (
        <p className="mt-6">
          <a href={returnUrl} className="font-semibold text-brand-700 underline">
            {t("sandboxPortal.return")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
