import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { Input, Select } from "~/components/ui/Input";
import { DashboardActionSchema, dashboardView, runDashboardAction } from "~/payments/sandbox/dashboard-page.server";
import { requireAdmin } from "~/staff/auth.server";
import { env } from "~/utils/env.server";
import { privatePageMeta } from "~/utils/meta";
import { readForm } from "~/utils/request.server";
import { SandboxPageTitle } from "~/payments/components/SandboxPageTitle";
import { Alert } from "~/components/ui/Alert";
import { HYDRATE } from "~/utils/page-handle";

/** The sandbox's pages stand in for Stripe's and hydrate (decision 029). */
export const handle = HYDRATE;

/**
 * The sandbox's stand-in for Stripe's dashboard (sandbox mode only, admins
 * only): what staff and banks do in Stripe, delivered to this site as
 * Stripe's events. See app/payments/sandbox/dashboard-page.server.ts.
 */
export const meta: MetaFunction = () => privatePageMeta("Sandbox dashboard: no money moves");

async function guard(request: Request) {
  if (!env().sandbox) throw data(null, { status: 404 });
  await requireAdmin(request);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request);
  return dashboardView();
}

export async function action({ request }: ActionFunctionArgs) {
  await guard(request);
  const parsed = DashboardActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success)
    return data({ ok: false, message: parsed.error.issues[0]?.message ?? "That is not an action the sandbox knows." }, { status: 422 });
  const result = await runDashboardAction(parsed.data);
  return data(result, { status: result.ok ? 200 : 409 });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-8" aria-label={title}>
      <h2 className="text-xl font-bold text-slate-900">{title}</h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

function Act({
  intent,
  fields,
  label,
  tone = "plain",
}: {
  intent: string;
  fields: Record<string, string>;
  label: string;
  tone?: "plain" | "danger";
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={`mr-2 mt-1 rounded border px-2 py-1 text-sm font-semibold ${tone === "danger" ? "border-red-700 text-red-800" : "border-brand-700 text-brand-800"}`}
      >
        {label}
      </button>
    </Form>
  );
}

/** A section listing objects, one line each with its actions, or what it means that there are none. */
function Listing<T extends { id: string }>({
  title,
  items,
  empty,
  intro,
  line,
}: {
  title: string;
  items: T[];
  empty: string;
  intro?: ReactNode;
  line: (item: T) => ReactNode;
}) {
  return (
    <Section title={title}>
      {intro}
      {items.length ? (
        <ul>
          {items.map((item) => (
            <li key={item.id} className="text-sm">
              <code>{item.id}</code> {line(item)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{empty}</p>
      )}
    </Section>
  );
}

export default function SandboxDashboard() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-4xl">
      <SandboxPageTitle title="Sandbox dashboard: no money moves">
        What staff and banks do in Stripe. Each action sends this site the events Stripe would send.
      </SandboxPageTitle>
      {result ? (
        <Alert tone={result.ok ? "success" : "error"} className="mt-4">
          {result.message}
        </Alert>
      ) : null}

      <Section title="Account">
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="settings" />
          <label className="text-sm">
            Settlement currency
            <Select inline className="mt-1 block" name="settlementCurrency" defaultValue={view.account.settlementCurrency}>
              {view.settlementCurrencies.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </Select>
          </label>
          <label className="text-sm">
            API version of events
            <Select inline className="mt-1 block" name="eventsApiVersion" defaultValue={view.account.eventsApiVersion}>
              {[...new Set([view.account.eventsApiVersion, ...view.apiVersions])].map((v) => (
                <option key={v} value={v}>
                  {v < view.basil ? `${v} (before 2025-03-31)` : v}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            Save
          </button>
        </Form>
      </Section>

      <Section title="Stripe's bad moments">
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="fault" />
          <label className="text-sm">
            Method
            <Select inline className="mt-1 block" name="method">
              <option>POST</option>
              <option>GET</option>
            </Select>
          </label>
          <label className="text-sm">
            Path
            <Input inline className="mt-1 block" name="path" defaultValue="/v1/checkout/sessions" />
          </label>
          <label className="text-sm">
            Answer
            <Select inline className="mt-1 block" name="kind">
              {view.faultKinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </Select>
          </label>
          <label className="text-sm">
            Times
            <Input inline className="mt-1 block w-16" name="times" defaultValue="1" inputMode="numeric" />
          </label>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            Fail next requests
          </button>
        </Form>
        {view.faults.length ? (
          <div className="mt-2 text-sm">
            Set: {view.faults.map((f) => `${f.method} ${f.path} → ${f.kind} ×${f.remaining}`).join("; ")}{" "}
            <Act intent="clear-faults" fields={{}} label="Clear" />
          </div>
        ) : null}
      </Section>

      <Listing
        title="Open Checkout Sessions"
        items={view.sessions}
        empty="None."
        intro={
          <div className="text-sm text-slate-700">
            Stripe expires a session 24 hours after it was made; so does the sandbox, whenever a new one is made.{" "}
            <Act intent="expire-due" fields={{}} label="Expire those past 24 hours now" />
          </div>
        }
        line={(s) => (
          <>
            {s.amount} ({s.mode}) <Act intent="expire" fields={{ session: s.id }} label="Expire" />
          </>
        )}
      />

      <Listing
        title="Bank debits waiting for the bank"
        items={view.bankDebits}
        empty="None: a bank debit paid on the sandbox checkout appears here until the bank answers."
        line={(d) => (
          <>
            {d.amount} ({d.method}) <Act intent="release" fields={{ paymentIntent: d.id }} label="The bank answers" />
          </>
        )}
      />

      <Listing
        title="Payments"
        items={view.charges}
        empty="None yet."
        line={(c) => (
          <>
            {c.amount}, refunded {c.refunded}
            {c.card ? ` (card …${c.card})` : ""}{" "}
            {!c.fullyRefunded ? <Act intent="refund" fields={{ charge: c.id, amount: "" }} label="Refund" /> : null}
            <Act intent="dispute" fields={{ charge: c.id, kind: "inquiry" }} label="Inquiry" />
            <Act intent="dispute" fields={{ charge: c.id, kind: "dispute" }} label="Dispute" tone="danger" />
          </>
        )}
      />

      <Listing
        title="Refunds"
        items={view.refunds}
        empty="None."
        line={(r) => (
          <>
            {r.amount} of <code>{r.charge}</code>: {r.status}{" "}
            {r.status === "succeeded" || r.status === "pending" ? (
              <>
                <Act intent="fail-refund" fields={{ refund: r.id, outcome: "failed" }} label="Fails" tone="danger" />
                <Act intent="fail-refund" fields={{ refund: r.id, outcome: "canceled" }} label="Cancelled" />
              </>
            ) : null}
          </>
        )}
      />

      <Listing
        title="Disputes and inquiries"
        items={view.disputes}
        empty="None."
        line={(d) => (
          <>
            {d.amount} on <code>{d.charge}</code>: {d.status.replace(/_/g, " ")}{" "}
            {d.status.startsWith("warning_") && d.status !== "warning_closed" ? (
              <>
                <Act intent="dispute-status" fields={{ dispute: d.id, status: "warning_closed" }} label="Inquiry closes" />
                <Act intent="dispute-status" fields={{ dispute: d.id, status: "needs_response" }} label="Escalates" tone="danger" />
              </>
            ) : null}
            {d.status === "needs_response" || d.status === "under_review" ? (
              <>
                <Act intent="dispute-status" fields={{ dispute: d.id, status: "won" }} label="Won" />
                <Act intent="dispute-status" fields={{ dispute: d.id, status: "lost" }} label="Lost" tone="danger" />
              </>
            ) : null}
          </>
        )}
      />

      <Listing
        title="Monthly gifts"
        items={view.subscriptions}
        empty="None."
        line={(s) => (
          <>
            {s.amount} a month: {s.status.replace(/_/g, " ")}{" "}
            {s.status !== "canceled" ? (
              <>
                <Act intent="renew" fields={{ subscription: s.id, outcome: "paid" }} label="Next month paid" />
                <Act intent="renew" fields={{ subscription: s.id, outcome: "failed" }} label="Next month fails" tone="danger" />
                <Act intent="cancel" fields={{ subscription: s.id }} label="Cancel" tone="danger" />
              </>
            ) : null}
          </>
        )}
      />

      <Listing
        title="Customers"
        items={view.customers}
        empty="None: one-time gifts make no customer."
        line={(c) => (
          <>
            {c.email} <Act intent="delete-customer" fields={{ customer: c.id }} label="Delete" tone="danger" />
          </>
        )}
      />
    </div>
  );
}
