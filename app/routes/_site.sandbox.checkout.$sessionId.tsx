import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { TextField } from "~/components/ui/Field";
import { deliverEvents, getSandboxSession, paySandboxSession, sessionDescription, sessionEmail } from "~/payments/sandbox/checkout.server";
import { CheckoutParamsSchema, SANDBOX_PAY_FIELDS, SandboxPaySchema, type SandboxPayInput } from "~/payments/sandbox/page-inputs.server";
import { env } from "~/utils/env.server";
import { parseForm } from "~/utils/forms.server";
import { privatePageMeta } from "~/utils/meta";
import { formatMoney } from "~/utils/money";
import { readForm } from "~/utils/request.server";
import { useIsPending } from "~/utils/use-is-pending";

/**
 * The sandbox's stand-in for Stripe's hosted checkout page. It exists only in
 * sandbox mode and says plainly that no money moves.
 */
type PayField = keyof SandboxPayInput | "form";

async function sessionFromParams(params: LoaderFunctionArgs["params"]) {
  if (!env().sandbox) throw data(null, { status: 404 });
  const parsed = CheckoutParamsSchema.safeParse(params);
  const session = parsed.success ? await getSandboxSession(parsed.data.sessionId) : null;
  if (!session) throw data(null, { status: 404 });
  return session;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const session = await sessionFromParams(params);
  return {
    session: {
      id: session.id,
      description: sessionDescription(session),
      amount: formatMoney(session.amount_total, session.currency.toUpperCase()),
      monthly: session.mode === "subscription",
      email: await sessionEmail(session),
      open: session.status === "open",
      cancelUrl: session.cancel_url,
    },
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const session = await sessionFromParams(params);
  const parsed = parseForm(await readForm(request), { fields: SANDBOX_PAY_FIELDS, schema: SandboxPaySchema });
  // The card number and its code are never sent back to the page.
  const values = { email: parsed.values.email, name: parsed.values.name, expiry: parsed.values.expiry };
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: parsed.status });
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
  const field = (name: Exclude<PayField, "form">, label: string, props: Record<string, string> = {}) => (
    <TextField
      name={name}
      label={label}
      defaultValue={name === "email" ? (actionData?.values.email ?? session.email) : name === "name" || name === "expiry" ? actionData?.values[name] : undefined}
      error={errors[name]}
      {...props}
    />
  );

  return (
    <section className="mx-auto max-w-md">
      <div className="rounded-md border-2 border-dashed border-amber-500 bg-amber-50 p-4 text-amber-950">
        <h1 className="text-2xl font-bold">Sandbox: no money moves</h1>
        <p className="mt-1 text-sm">
          This is a simulated checkout. Use card 4242 4242 4242 4242 to pay, or 4000 0000 0000 0002 to see a decline. Any
          future expiry date and any three-digit code work.
        </p>
      </div>
      <div className="mt-6 rounded-lg border border-slate-200 p-5 shadow-sm">
        <p className="text-slate-700">{session.description}</p>
        <p className="mt-1 text-2xl font-bold text-slate-900" data-testid="checkout-amount">
          {session.amount}
          {session.monthly ? <span className="text-base font-normal"> per month</span> : null}
        </p>
        {!session.open ? (
          <p className="mt-4 font-semibold text-slate-800">This checkout is already complete.</p>
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
            <button type="submit" disabled={busy} className="w-full rounded-md bg-brand-700 px-4 py-3 font-bold text-white hover:bg-brand-800 disabled:opacity-70">
              {busy ? "Processing…" : session.monthly ? "Subscribe (sandbox)" : "Pay (sandbox)"}
            </button>
          </Form>
        )}
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
