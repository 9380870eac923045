import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { TextField } from "~/components/ui/Field";
import { getSandboxSession, paySandboxSession, sessionEmail, type PayProblem } from "~/payments/sandbox/checkout.server";
import { deliverEvents } from "~/payments/sandbox/events.server";
import {
  CheckoutParamsSchema,
  SANDBOX_BANK_PAY_FIELDS,
  SANDBOX_PAY_FIELDS,
  SandboxBankPaySchema,
  SandboxPaySchema,
  type SandboxPayInput,
} from "~/payments/sandbox/page-inputs.server";
import { TEST_BANK_ACCOUNTS, TEST_BANK_ROUTING_NUMBER } from "~/payments/sandbox/test-payment-methods";
import { env } from "~/utils/env.server";
import { parseForm } from "~/utils/forms.server";
import { privatePageMeta } from "~/utils/meta";
import { formatMoney } from "~/utils/money";
import { readForm } from "~/utils/request.server";
import { SINGLE_LINE_MESSAGE } from "~/utils/text";
import { useIsPending } from "~/utils/use-is-pending";
import { SandboxPageTitle } from "~/payments/components/SandboxPageTitle";
import { localeOf } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import type { loader as rootLoader } from "~/root";
import { HYDRATE } from "~/utils/page-handle";
import type { TFunction } from "i18next";

/** The sandbox's pages stand in for Stripe's and hydrate (decision 029). */
export const handle = HYDRATE;

/**
 * The sandbox's stand-in for Stripe's hosted checkout page. It exists only in
 * sandbox mode and says plainly that no money moves.
 */
type PayField = keyof SandboxPayInput | "bankAccount" | "form";

async function sessionFromParams(params: LoaderFunctionArgs["params"]) {
  if (!env().sandbox) throw data(null, { status: 404 });
  const parsed = CheckoutParamsSchema.safeParse(params);
  const checkout = parsed.success ? await getSandboxSession(parsed.data.sessionId) : null;
  if (!checkout) throw data(null, { status: 404 });
  return checkout;
}

/** The catalogue key of what Stripe's button says for a session's submit_type. */
function submitVerb(submitType: unknown, monthly: boolean): string {
  if (submitType === "donate") return monthly ? "sandboxCheckout.donateMonthly" : "sandboxCheckout.donate";
  if (submitType === "book") return "sandboxCheckout.book";
  return monthly || submitType === "subscribe" ? "sandboxCheckout.subscribe" : "sandboxCheckout.pay";
}

/** A pay form message (a catalogue key, or the shared text rule's sentence) in the page's language. */
function fieldMessage(t: TFunction, message: string): string {
  if (message === SINGLE_LINE_MESSAGE) return t("sandboxCheckout.errors.singleLine");
  return message.startsWith("sandboxCheckout.errors.") ? t(message) : message;
}

/** Why the sandbox refused a payment, as Stripe's page would say it to the donor, in the page's language. */
function problemMessage(t: TFunction, problem: PayProblem): string {
  switch (problem.reason) {
    case "session_missing":
      return t("sandboxCheckout.errors.sessionMissing");
    case "session_expired":
      return t("sandboxCheckout.errors.sessionExpired");
    case "session_complete":
      return t("sandboxCheckout.errors.sessionComplete");
    case "bank_unknown":
      return t("sandboxCheckout.errors.bankAccountUnknown");
    case "bank_monthly":
      return t("sandboxCheckout.errors.bankMonthly");
    case "bank_currency":
      return t("sandboxCheckout.errors.bankCurrency", {
        method: problem.method,
        accountCurrency: problem.accountCurrency,
        currency: problem.currency,
      });
    case "card_incorrect":
      return t("sandboxCheckout.errors.cardIncorrect");
    case "declined":
      return t(
        problem.declineCode === "insufficient_funds" ? "sandboxCheckout.errors.insufficientFunds" : "sandboxCheckout.errors.declined",
      );
  }
}

/** A test bank account's failure, in words (Stripe's failure codes are not for donors). */
function bankFailure(t: TFunction, code: string): string {
  switch (code) {
    case "account_closed":
      return t("sandboxCheckout.bankFailures.account_closed");
    case "no_account":
      return t("sandboxCheckout.bankFailures.no_account");
    case "insufficient_funds":
      return t("sandboxCheckout.bankFailures.insufficient_funds");
    case "debit_not_authorized":
      return t("sandboxCheckout.bankFailures.debit_not_authorized");
    default:
      return code.replace(/_/g, " ");
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { session, plan } = await sessionFromParams(params);
  const { lang } = requestLanguage(request);
  const t = translator(lang);
  const currency = (session.currency ?? "usd").toLowerCase();
  return {
    session: {
      id: session.id,
      description: plan.description,
      amount: formatMoney(session.amount_total ?? 0, currency.toUpperCase(), localeOf(lang)),
      monthly: session.mode === "subscription",
      period: plan.interval === "year" ? "year" : "month",
      // What Stripe's button says for the session's submit_type.
      submitLabel: t("sandboxCheckout.sandboxSuffix", { verb: t(submitVerb(session.submit_type, session.mode === "subscription")) }),
      email: await sessionEmail(session),
      open: session.status === "open",
      expired: session.status === "expired",
      cancelUrl: session.cancel_url,
      // Stripe offers ACH for USD and SEPA for EUR one-time payments; the sandbox does the same.
      bankAccounts:
        session.mode === "payment"
          ? Object.entries(TEST_BANK_ACCOUNTS)
              .filter(([, account]) => account.currency === currency)
              .map(([number, account]) => ({
                number,
                type: account.type,
                outcome: account.failureCode
                  ? t("sandboxCheckout.fails", { code: bankFailure(t, account.failureCode) })
                  : t("sandboxCheckout.succeeds"),
              }))
          : [],
    },
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { session } = await sessionFromParams(params);
  const t = translator(requestLanguage(request).lang);
  const form = await readForm(request);
  const method = form.get("method") === "bank" ? "bank" : "card";
  const parsed =
    method === "bank"
      ? parseForm(form, { fields: SANDBOX_BANK_PAY_FIELDS, schema: SandboxBankPaySchema })
      : parseForm(form, { fields: SANDBOX_PAY_FIELDS, schema: SandboxPaySchema });
  // The card number, its code and the bank account are never sent back to the page.
  const values = {
    email: parsed.values.email,
    name: parsed.values.name,
    expiry: "expiry" in parsed.values ? parsed.values.expiry : "",
    method,
  };
  if (!parsed.ok) {
    const errors = Object.fromEntries(
      Object.entries(parsed.errors as Partial<Record<PayField, string>>).map(([name, message]) => [name, fieldMessage(t, message ?? "")]),
    ) as Partial<Record<PayField, string>>;
    return data({ errors, values }, { status: parsed.status });
  }
  const result = await paySandboxSession(session.id, parsed.data);
  if (!result.ok) {
    return data({ errors: { [result.field]: problemMessage(t, result) } as Partial<Record<PayField, string>>, values }, { status: 402 });
  }
  await deliverEvents(result.events);
  return redirect(result.redirectTo, 303);
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) =>
  privatePageMeta(translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("sandboxCheckout.metaTitle"));

export default function SandboxCheckout() {
  const { session } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Partial<Record<PayField, string>> = actionData?.errors ?? {};
  const busy = useIsPending();
  const { t } = useT();
  // Each form shows the problems of its own submission only (the card form, or the bank debit one).
  const byBank = actionData?.values.method === "bank";
  const field = (name: Exclude<PayField, "form">, label: string, props: Record<string, string> = {}, form: "card" | "bank" = "card") => (
    <TextField
      name={name}
      id={form === "bank" && name !== "bankAccount" ? `bank-${name}` : name}
      label={label}
      defaultValue={
        name === "email"
          ? (actionData?.values.email ?? session.email)
          : name === "name" || name === "expiry"
            ? actionData?.values[name]
            : undefined
      }
      error={(form === "bank") === byBank ? errors[name] : undefined}
      {...props}
    />
  );

  return (
    <section className="mx-auto max-w-md">
      <SandboxPageTitle title={t("sandboxCheckout.title")}>{t("sandboxCheckout.intro")}</SandboxPageTitle>
      <div className="mt-6 rounded-lg border border-slate-200 p-5 shadow-sm">
        <p className="text-slate-700">{session.description}</p>
        <p className="mt-1 text-2xl font-bold text-slate-900" data-testid="checkout-amount">
          {session.amount}
          {session.monthly ? (
            <span className="text-base font-normal">
              {t(session.period === "year" ? "sandboxCheckout.perYear" : "sandboxCheckout.perMonth")}
            </span>
          ) : null}
        </p>
        {!session.open ? (
          <p className="mt-4 font-semibold text-slate-800">{t(session.expired ? "sandboxCheckout.expired" : "sandboxCheckout.complete")}</p>
        ) : (
          <Form method="post" noValidate className="mt-5 space-y-4">
            {errors.form ? (
              <Alert tone="error" className="text-sm">
                {errors.form}
              </Alert>
            ) : null}
            {errors.cardNumber ? (
              <p role="alert" className="sr-only">
                {errors.cardNumber}
              </p>
            ) : null}
            {field("email", t("sandboxCheckout.email"), { type: "email", autoComplete: "email" })}
            {field("name", t("sandboxCheckout.nameOnCard"), { autoComplete: "cc-name" })}
            {field("cardNumber", t("sandboxCheckout.cardNumber"), {
              inputMode: "numeric",
              autoComplete: "cc-number",
              placeholder: "4242 4242 4242 4242",
            })}
            <div className="grid grid-cols-2 gap-3">
              {field("expiry", t("sandboxCheckout.expiry"), { autoComplete: "cc-exp", placeholder: "12 / 34" })}
              {field("cvc", t("sandboxCheckout.cvc"), { inputMode: "numeric", autoComplete: "cc-csc", placeholder: "123" })}
            </div>
            <button
              type="submit"
              disabled={busy}
              className="w-full rounded-md bg-brand-700 px-4 py-3 font-bold text-white hover:bg-brand-800 disabled:opacity-70"
            >
              {busy ? t("sandboxCheckout.processing") : session.submitLabel}
            </button>
          </Form>
        )}
        {session.open && session.bankAccounts.length > 0 ? (
          <Form method="post" noValidate className="mt-6 space-y-3 border-t border-slate-200 pt-5" aria-labelledby="bank-heading">
            <h2 id="bank-heading" className="text-lg font-bold text-slate-900">
              {t("sandboxCheckout.bankHeading")}
            </h2>
            <p className="text-sm text-slate-700">
              {t("sandboxCheckout.bankIntro")}{" "}
              <a href="/sandbox/dashboard" className="text-brand-700 underline">
                {t("sandboxCheckout.bankDashboard")}
              </a>
              {t("sandboxCheckout.bankAccounts", {
                routing:
                  session.bankAccounts[0]?.type === "us_bank_account"
                    ? t("sandboxCheckout.routing", { number: TEST_BANK_ROUTING_NUMBER })
                    : "",
                accounts: session.bankAccounts.map((a) => `${a.number} ${a.outcome}`).join("; "),
              })}
            </p>
            <input type="hidden" name="method" value="bank" />
            {field("email", t("sandboxCheckout.email"), { type: "email", autoComplete: "email" }, "bank")}
            {field("name", t("sandboxCheckout.accountHolder"), { autoComplete: "name" }, "bank")}
            {field(
              "bankAccount",
              t(session.bankAccounts[0]?.type === "sepa_debit" ? "sandboxCheckout.iban" : "sandboxCheckout.accountNumber"),
              {},
              "bank",
            )}
            <button
              type="submit"
              disabled={busy}
              className="w-full rounded-md border-2 border-brand-700 px-4 py-3 font-bold text-brand-800 disabled:opacity-70"
            >
              {t("sandboxCheckout.payByBank")}
            </button>
          </Form>
        ) : null}
        {session.cancelUrl && session.open ? (
          <p className="mt-4 text-center text-sm">
            <a href={session.cancelUrl} className="text-brand-700 underline">
              {t("sandboxCheckout.back")}
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}
