import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { TextField } from "~/components/ui/Field";
import { getSandboxSession, paySandboxSession, sessionEmail } from "~/payments/sandbox/checkout.server";
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
import { useIsPending } from "~/utils/use-is-pending";
import { SandboxPageTitle } from "~/payments/components/SandboxPageTitle";

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

function submitVerb(submitType: unknown, monthly: boolean): string {
  if (submitType === "donate") return monthly ? "Donate monthly" : "Donate";
  if (submitType === "book") return "Book";
  return monthly || submitType === "subscribe" ? "Subscribe" : "Pay";
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { session, plan } = await sessionFromParams(params);
  const currency = (session.currency ?? "usd").toLowerCase();
  return {
    session: {
      id: session.id,
      description: plan.description,
      amount: formatMoney(session.amount_total ?? 0, currency.toUpperCase()),
      monthly: session.mode === "subscription",
      period: plan.interval === "year" ? "year" : "month",
      // What Stripe's button says for the session's submit_type.
      submitLabel: `${submitVerb(session.submit_type, session.mode === "subscription")} (sandbox)`,
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
                outcome: account.failureCode ? `fails (${account.failureCode.replace(/_/g, " ")})` : "succeeds",
              }))
          : [],
    },
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { session } = await sessionFromParams(params);
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
  if (!parsed.ok) return data({ errors: parsed.errors as Partial<Record<PayField, string>>, values }, { status: parsed.status });
  const result = await paySandboxSession(session.id, parsed.data);
  if (!result.ok) {
    return data({ errors: { [result.field]: result.message } as Partial<Record<PayField, string>>, values }, { status: 402 });
  }
  await deliverEvents(result.events);
  return redirect(result.redirectTo, 303);
}

export const meta: MetaFunction = () => privatePageMeta("Sandbox checkout: no money moves");

export default function SandboxCheckout() {
  const { session } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Partial<Record<PayField, string>> = actionData?.errors ?? {};
  const busy = useIsPending();
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
      <SandboxPageTitle title="Sandbox: no money moves">
        This is a simulated checkout. Use card 4242 4242 4242 4242 to pay, or 4000 0000 0000 0002 to see a decline. Any future expiry date
        and any three-digit code work.
      </SandboxPageTitle>
      <div className="mt-6 rounded-lg border border-slate-200 p-5 shadow-sm">
        <p className="text-slate-700">{session.description}</p>
        <p className="mt-1 text-2xl font-bold text-slate-900" data-testid="checkout-amount">
          {session.amount}
          {session.monthly ? <span className="text-base font-normal"> per {session.period}</span> : null}
        </p>
        {!session.open ? (
          <p className="mt-4 font-semibold text-slate-800">
            {session.expired ? "This checkout has expired. Nothing was charged." : "This checkout is already complete."}
          </p>
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
            {field("email", "Email", { type: "email", autoComplete: "email" })}
            {field("name", "Name on card", { autoComplete: "cc-name" })}
            {field("cardNumber", "Card number", { inputMode: "numeric", autoComplete: "cc-number", placeholder: "4242 4242 4242 4242" })}
            <div className="grid grid-cols-2 gap-3">
              {field("expiry", "Expiry (MM / YY)", { autoComplete: "cc-exp", placeholder: "12 / 34" })}
              {field("cvc", "Security code", { inputMode: "numeric", autoComplete: "cc-csc", placeholder: "123" })}
            </div>
            <button
              type="submit"
              disabled={busy}
              className="w-full rounded-md bg-brand-700 px-4 py-3 font-bold text-white hover:bg-brand-800 disabled:opacity-70"
            >
              {busy ? "Processing…" : session.submitLabel}
            </button>
          </Form>
        )}
        {session.open && session.bankAccounts.length > 0 ? (
          <Form method="post" noValidate className="mt-6 space-y-3 border-t border-slate-200 pt-5" aria-labelledby="bank-heading">
            <h2 id="bank-heading" className="text-lg font-bold text-slate-900">
              Or pay by bank debit
            </h2>
            <p className="text-sm text-slate-700">
              A bank debit takes days: the gift is confirmed when the bank answers (release it from the{" "}
              <a href="/sandbox/dashboard" className="text-brand-700 underline">
                sandbox dashboard
              </a>
              ). Test accounts{session.bankAccounts[0]?.type === "us_bank_account" ? ` (routing number ${TEST_BANK_ROUTING_NUMBER})` : ""}:{" "}
              {session.bankAccounts.map((a) => `${a.number} ${a.outcome}`).join("; ")}.
            </p>
            <input type="hidden" name="method" value="bank" />
            {field("email", "Email", { type: "email", autoComplete: "email" }, "bank")}
            {field("name", "Account holder", { autoComplete: "name" }, "bank")}
            {field("bankAccount", session.bankAccounts[0]?.type === "sepa_debit" ? "IBAN" : "Account number", {}, "bank")}
            <button
              type="submit"
              disabled={busy}
              className="w-full rounded-md border-2 border-brand-700 px-4 py-3 font-bold text-brand-800 disabled:opacity-70"
            >
              Pay by bank debit
            </button>
          </Form>
        ) : null}
        {session.cancelUrl && session.open ? (
          <p className="mt-4 text-center text-sm">
            <a href={session.cancelUrl} className="text-brand-700 underline">
              Back to the campaign
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}
