import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { Input, Select } from "~/components/ui/Input";
import { DashboardActionSchema, dashboardRefusal, dashboardView, runDashboardAction } from "~/payments/sandbox/dashboard-page.server";
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import type { loader as rootLoader } from "~/root";
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
 * Its address carries no language (a staff tool); under a prefix it speaks that language.
 */
export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) =>
  privatePageMeta(translator(matches.find((m) => m.id === "root")?.data?.language.lang ?? "en")("sandboxDashboard.title"));

async function guard(request: Request) {
  if (!env().sandbox) throw data(null, { status: 404 });
  await requireAdmin(request);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request);
  return dashboardView(requestLanguage(request).lang);
}

export async function action({ request }: ActionFunctionArgs) {
  await guard(request);
  const { lang } = requestLanguage(request);
  const parsed = DashboardActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ ok: false, message: dashboardRefusal(parsed.error.issues[0]?.message, lang) }, { status: 422 });
  const result = await runDashboardAction(parsed.data, lang);
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
  const { t } = useT();
  return (
    <div className="mx-auto max-w-4xl">
      <SandboxPageTitle title={t("sandboxDashboard.title")}>{t("sandboxDashboard.intro")}</SandboxPageTitle>
      {result ? (
        <Alert tone={result.ok ? "success" : "error"} className="mt-4">
          {result.message}
        </Alert>
      ) : null}

      <Section title={t("sandboxDashboard.account")}>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="settings" />
          <label className="text-sm">
            {t("sandboxDashboard.settlementCurrency")}
            <Select inline className="mt-1 block" name="settlementCurrency" defaultValue={view.account.settlementCurrency}>
              {view.settlementCurrencies.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </Select>
          </label>
          <label className="text-sm">
            {t("sandboxDashboard.apiVersion")}
            <Select inline className="mt-1 block" name="eventsApiVersion" defaultValue={view.account.eventsApiVersion}>
              {[...new Set([view.account.eventsApiVersion, ...view.apiVersions])].map((v) => (
                <option key={v} value={v}>
                  {v < view.basil ? t("sandboxDashboard.beforeBasil", { version: v }) : v}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            {t("sandboxDashboard.save")}
          </button>
        </Form>
      </Section>

      <Section title={t("sandboxDashboard.faults")}>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="fault" />
          <label className="text-sm">
            {t("sandboxDashboard.method")}
            <Select inline className="mt-1 block" name="method">
              {/* HTTP methods, named as the API names them. */}
              {["POST", "GET"].map((method) => (
                <option key={method}>{method}</option>
              ))}
            </Select>
          </label>
          <label className="text-sm">
            {t("sandboxDashboard.path")}
            <Input inline className="mt-1 block" name="path" defaultValue="/v1/checkout/sessions" />
          </label>
          <label className="text-sm">
            {t("sandboxDashboard.answer")}
            <Select inline className="mt-1 block" name="kind">
              {view.faultKinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </Select>
          </label>
          <label className="text-sm">
            {t("sandboxDashboard.times")}
            <Input inline className="mt-1 block w-16" name="times" defaultValue="1" inputMode="numeric" />
          </label>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            {t("sandboxDashboard.failNext")}
          </button>
        </Form>
        {view.faults.length ? (
          <div className="mt-2 text-sm">
            {t("sandboxDashboard.faultsSet", {
              faults: view.faults.map((f) => `${f.method} ${f.path} → ${f.kind} ×${f.remaining}`).join("; "),
            })}{" "}
            <Act intent="clear-faults" fields={{}} label={t("sandboxDashboard.clear")} />
          </div>
        ) : null}
      </Section>

      <Listing
        title={t("sandboxDashboard.sessions")}
        items={view.sessions}
        empty={t("sandboxDashboard.none")}
        intro={
          <div className="text-sm text-slate-700">
            {t("sandboxDashboard.sessionsIntro")} <Act intent="expire-due" fields={{}} label={t("sandboxDashboard.expireDue")} />
          </div>
        }
        line={(s) => (
          <>
            {s.amount} ({s.mode}) <Act intent="expire" fields={{ session: s.id }} label={t("sandboxDashboard.expire")} />
          </>
        )}
      />

      <Listing
        title={t("sandboxDashboard.bankDebits")}
        items={view.bankDebits}
        empty={t("sandboxDashboard.bankDebitsEmpty")}
        line={(d) => (
          <>
            {d.amount} ({d.method}) <Act intent="release" fields={{ paymentIntent: d.id }} label={t("sandboxDashboard.bankAnswers")} />
          </>
        )}
      />

      <Listing
        title={t("sandboxDashboard.payments")}
        items={view.charges}
        empty={t("sandboxDashboard.noneYet")}
        line={(c) => (
          <>
            {t("sandboxDashboard.chargeLine", { amount: c.amount, refunded: c.refunded })}
            {c.card ? t("sandboxDashboard.card", { last4: c.card }) : ""}{" "}
            {!c.fullyRefunded ? <Act intent="refund" fields={{ charge: c.id, amount: "" }} label={t("sandboxDashboard.refund")} /> : null}
            <Act intent="dispute" fields={{ charge: c.id, kind: "inquiry" }} label={t("sandboxDashboard.inquiry")} />
            <Act intent="dispute" fields={{ charge: c.id, kind: "dispute" }} label={t("sandboxDashboard.dispute")} tone="danger" />
          </>
        )}
      />

      <Listing
        title={t("sandboxDashboard.refunds")}
        items={view.refunds}
        empty={t("sandboxDashboard.none")}
        line={(r) => (
          <>
            {t("sandboxDashboard.refundOf", { amount: r.amount })} <code>{r.charge}</code>: {r.status}{" "}
            {r.status === "succeeded" || r.status === "pending" ? (
              <>
                <Act intent="fail-refund" fields={{ refund: r.id, outcome: "failed" }} label={t("sandboxDashboard.fails")} tone="danger" />
                <Act intent="fail-refund" fields={{ refund: r.id, outcome: "canceled" }} label={t("sandboxDashboard.cancelled")} />
              </>
            ) : null}
          </>
        )}
      />

      <Listing
        title={t("sandboxDashboard.disputes")}
        items={view.disputes}
        empty={t("sandboxDashboard.none")}
        line={(d) => (
          <>
            {t("sandboxDashboard.disputeOn", { amount: d.amount })} <code>{d.charge}</code>: {d.status.replace(/_/g, " ")}{" "}
            {d.status.startsWith("warning_") && d.status !== "warning_closed" ? (
              <>
                <Act
                  intent="dispute-status"
                  fields={{ dispute: d.id, status: "warning_closed" }}
                  label={t("sandboxDashboard.inquiryCloses")}
                />
                <Act
                  intent="dispute-status"
                  fields={{ dispute: d.id, status: "needs_response" }}
                  label={t("sandboxDashboard.escalates")}
                  tone="danger"
                />
              </>
            ) : null}
            {d.status === "needs_response" || d.status === "under_review" ? (
              <>
                <Act intent="dispute-status" fields={{ dispute: d.id, status: "won" }} label={t("sandboxDashboard.won")} />
                <Act intent="dispute-status" fields={{ dispute: d.id, status: "lost" }} label={t("sandboxDashboard.lost")} tone="danger" />
              </>
            ) : null}
          </>
        )}
      />

      <Listing
        title={t("sandboxDashboard.subscriptions")}
        items={view.subscriptions}
        empty={t("sandboxDashboard.none")}
        line={(s) => (
          <>
            {t(s.yearly ? "sandboxDashboard.perYear" : "sandboxDashboard.perMonth", { amount: s.amount })}: {s.status.replace(/_/g, " ")}{" "}
            {s.status !== "canceled" ? (
              <>
                <Act intent="renew" fields={{ subscription: s.id, outcome: "paid" }} label={t("sandboxDashboard.nextPaid")} />
                <Act
                  intent="renew"
                  fields={{ subscription: s.id, outcome: "failed" }}
                  label={t("sandboxDashboard.nextFails")}
                  tone="danger"
                />
                <Act intent="cancel" fields={{ subscription: s.id }} label={t("sandboxDashboard.cancel")} tone="danger" />
              </>
            ) : null}
          </>
        )}
      />

      <Listing
        title={t("sandboxDashboard.customers")}
        items={view.customers}
        empty={t("sandboxDashboard.customersEmpty")}
        line={(c) => (
          <>
            {c.email} <Act intent="delete-customer" fields={{ customer: c.id }} label={t("sandboxDashboard.delete")} tone="danger" />
          </>
        )}
      />
    </div>
  );
}
