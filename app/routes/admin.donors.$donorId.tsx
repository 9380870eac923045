import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { controlProps, Field, TextField } from "~/components/ui/Field";
import { TextArea } from "~/components/ui/Input";
import { STATUS_LABELS, OFFLINE_METHOD_LABELS, formatUtc } from "~/donations/donation-labels";
import { DonorChangeRefused, DonorNotFound, eraseDonor, mergeDonors, updateDonor } from "~/donors/donor-admin.data.server";
import { parseDonorEdit, parseErase, parseMerge } from "~/donors/donor-forms.server";
import { lifetimeText } from "~/donors/donor-view";
import { donorIdByEmail, findDonorDetail } from "~/donors/donors.data.server";
import { StaffTable } from "~/staff/components/StaffTable";
import { canEdit, requireAdmin, requireStaff, staffActor } from "~/staff/auth.server";
import { staffPageMeta } from "~/utils/meta";
import { formatMoney } from "~/utils/money";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ donorId: z.uuid() });
const IntentSchema = z.enum(["update", "merge", "erase"]);
const DONE = {
  updated: "Saved.",
  merged: "The other record was merged into this one.",
  erased: "The donor's personal data was erased.",
} as const;
const DoneSchema = z.object({ done: z.enum(["updated", "merged", "erased"]).optional().catch(undefined) });

function donorIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.donorId.toLowerCase();
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => staffPageMeta(page ? `${page.donor.name} | Donors` : "Donor");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const detail = await findDonorDetail(donorIdFrom(params));
  if (!detail) throw data(null, { status: 404 });
  const { done } = DoneSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { donor } = detail;
  return {
    canEdit: canEdit(staff) && !donor.erasedAt,
    done: done ? DONE[done] : null,
    donor: {
      id: donor.id,
      name: donor.name,
      email: donor.email ?? "",
      address: donor.address ?? "",
      stripeCustomerId: donor.stripeCustomerId,
      erasedAt: donor.erasedAt ? formatUtc(donor.erasedAt) : null,
      since: formatUtc(donor.createdAt),
    },
    lifetime: lifetimeText(detail.lifetime),
    firstGift: detail.firstGiftAt ? formatUtc(detail.firstGiftAt) : "—",
    lastGift: detail.lastGiftAt ? formatUtc(detail.lastGiftAt) : "—",
    gifts: detail.gifts.map((gift) => ({
      id: gift.id,
      paidAt: formatUtc(gift.paidAt),
      campaign: gift.campaign.title,
      amount: formatMoney(gift.grossAmount, gift.currency),
      how:
        gift.source === "offline"
          ? (OFFLINE_METHOD_LABELS[gift.offlineMethod ?? "other"] ?? "Other")
          : gift.frequency === "monthly"
            ? "Monthly (online)"
            : "Online",
      status: gift.voidedAt ? "Voided" : (STATUS_LABELS[gift.status] ?? gift.status),
      receipt: gift.receiptNumber ?? "—",
    })),
    monthly: detail.recurringGifts.map((gift) => ({
      id: gift.id,
      campaign: gift.campaign.title,
      amount: formatMoney(gift.amount, gift.currency),
      status: gift.status.replace("_", " "),
      started: formatUtc(gift.createdAt),
      canceled: gift.canceledAt ? formatUtc(gift.canceledAt) : "—",
    })),
    emails: detail.emails.map((email) => ({
      id: email.id,
      at: formatUtc(email.createdAt),
      kind: email.kind.replace(/_/g, " "),
      to: email.toAddress || "—",
      subject: email.subject,
      status: email.status,
    })),
    audit: detail.audit.map((row) => ({
      id: row.id,
      at: formatUtc(row.createdAt),
      action: row.action,
      by: row.actor?.name ?? "Command line",
    })),
  };
}

type Reply = { intent: "update" | "merge" | "erase"; values: Partial<Record<string, string>>; errors: Partial<Record<string, string>> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const donorId = donorIdFrom(params);
  const form = await readForm(request);
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return data({ intent: "update", values: {}, errors: { form: "Unknown action." } } satisfies Reply, { status: 400 });
  const actor = staffActor(staff, context);
  const refused = (values: Partial<Record<string, string>>, errors: Partial<Record<string, string>>, status: number) =>
    data({ intent: intent.data, values, errors } satisfies Reply, { status });
  try {
    if (intent.data === "update") {
      const parsed = parseDonorEdit(form);
      if (!parsed.ok) return refused(parsed.values, parsed.errors, parsed.status);
      await updateDonor(donorId, parsed.data, actor);
      return redirect(`/admin/donors/${donorId}?done=updated`, 303);
    }
    if (intent.data === "merge") {
      const parsed = parseMerge(form);
      if (!parsed.ok) return refused(parsed.values, parsed.errors, parsed.status);
      const otherId = await donorIdByEmail(parsed.data.otherEmail);
      if (!otherId) return refused(parsed.values, { otherEmail: "No donor has this email." }, 422);
      await mergeDonors(donorId, otherId, actor);
      return redirect(`/admin/donors/${donorId}?done=merged`, 303);
    }
    const parsed = parseErase(form);
    if (!parsed.ok) return refused(parsed.values, parsed.errors, parsed.status);
    await eraseDonor(donorId, actor);
    return redirect(`/admin/donors/${donorId}?done=erased`, 303);
  } catch (error) {
    if (error instanceof DonorNotFound) throw data(null, { status: 404 });
    if (error instanceof DonorChangeRefused) return refused({}, error.problems, 422);
    throw error;
  }
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 className="text-lg font-semibold text-brand-800">{title}</h2>
      {children}
    </section>
  );
}

export default function DonorPage() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const errorsOf = (intent: Reply["intent"]) => (reply?.intent === intent ? reply.errors : {});
  const valuesOf = (intent: Reply["intent"]) => (reply?.intent === intent ? reply.values : {});
  const edit = { values: { ...page.donor, ...valuesOf("update") }, errors: errorsOf("update") };
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/donors" className="text-brand-700 underline">
          ← Back to donors
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight text-brand-800">{page.donor.name}</h1>
      {page.done ? <Alert tone="success">{page.done}</Alert> : null}
      {page.donor.erasedAt ? (
        <Alert tone="info">Personal data erased {page.donor.erasedAt}. The gifts and receipt numbers stay for the accounts.</Alert>
      ) : null}
      <Section title="Giving">
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-700">Lifetime giving</dt>
            <dd className="font-semibold" data-figure="lifetime">
              {page.lifetime}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">First gift</dt>
            <dd className="font-semibold">{page.firstGift}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Last gift</dt>
            <dd className="font-semibold">{page.lastGift}</dd>
          </div>
        </dl>
        {page.canEdit ? (
          <p className="mt-3">
            <Link to={`/admin/offline-gifts/new?donor=${page.donor.id}`} className="font-semibold text-brand-700 underline">
              Record an offline gift from this donor
            </Link>
          </p>
        ) : null}
      </Section>
      <Section title="Contact details">
        {page.canEdit ? (
          <Form method="post" noValidate className="mt-3 max-w-xl space-y-4">
            <ErrorSummary errors={edit.errors} title="Not saved:" />
            <input type="hidden" name="intent" value="update" />
            <TextField name="name" label="Name" defaultValue={edit.values.name} error={edit.errors.name} />
            <TextField
              name="email"
              label="Email"
              hint="If you change it, the old address is told."
              type="email"
              defaultValue={edit.values.email}
              error={edit.errors.email}
            />
            <Field name="address" label="Postal address" error={edit.errors.address}>
              <TextArea
                {...controlProps("address", { error: edit.errors.address })}
                defaultValue={edit.values.address}
                rows={3}
                className="mt-1"
              />
            </Field>
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              Save contact details
            </button>
          </Form>
        ) : (
          <dl className="mt-2 space-y-1 text-sm">
            <div>
              <dt className="inline text-slate-700">Email: </dt>
              <dd className="inline">{page.donor.email || "—"}</dd>
            </div>
            <div>
              <dt className="inline text-slate-700">Postal address: </dt>
              <dd className="inline whitespace-pre-line">{page.donor.address || "—"}</dd>
            </div>
          </dl>
        )}
        <p className="mt-2 text-sm text-slate-700">
          Donor since {page.donor.since}. Stripe customer: {page.donor.stripeCustomerId ?? "none"}.
        </p>
      </Section>
      <Section title="Gifts">
        <StaffTable
          label="Gifts"
          caption="Every gift"
          minWidth="min-w-[44rem]"
          columns={["Date", "Campaign", "Amount", "How", "Status", "Receipt"]}
        >
          {page.gifts.map((gift) => (
            <tr key={gift.id} className="border-b border-slate-200">
              <td className="py-2 pr-3">
                <Link to={`/admin/donations/${gift.id}`} className="text-brand-700 underline">
                  {gift.paidAt}
                </Link>
              </td>
              <td className="py-2 pr-3">{gift.campaign}</td>
              <td className="py-2 pr-3 tabular-nums">{gift.amount}</td>
              <td className="py-2 pr-3">{gift.how}</td>
              <td className="py-2 pr-3">{gift.status}</td>
              <td className="py-2">{gift.receipt}</td>
            </tr>
          ))}
        </StaffTable>
      </Section>
      <Section title="Monthly gifts">
        {page.monthly.length === 0 ? <p className="mt-2 text-sm text-slate-700">None.</p> : null}
        <ul className="mt-2 space-y-1 text-sm">
          {page.monthly.map((gift) => (
            <li key={gift.id}>
              {gift.amount} a month to {gift.campaign}: {gift.status} (since {gift.started}; cancelled {gift.canceled})
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Emails">
        <ul className="mt-2 space-y-1 text-sm">
          {page.emails.map((email) => (
            <li key={email.id}>
              {email.at} · {email.kind} to {email.to}: {email.subject} ({email.status})
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Audit trail">
        <ul className="mt-2 space-y-1 text-sm">
          {page.audit.map((row) => (
            <li key={row.id}>
              {row.at} · {row.action} by {row.by}
            </li>
          ))}
        </ul>
      </Section>
      {page.canEdit ? (
        <>
          <Section title="Merge another record into this one">
            <Form method="post" noValidate className="mt-3 max-w-xl space-y-3">
              <ErrorSummary errors={errorsOf("merge")} title="Not merged:" />
              <input type="hidden" name="intent" value="merge" />
              <TextField
                name="otherEmail"
                label="Email of the other record"
                hint="Its gifts, monthly gifts, receipts and emails move here; the other record is removed."
                defaultValue={valuesOf("merge").otherEmail ?? ""}
                error={errorsOf("merge").otherEmail}
              />
              <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                Merge into this donor
              </button>
            </Form>
          </Section>
          <Section title="Erase on request">
            <Form method="post" noValidate className="mt-3 max-w-xl space-y-3">
              <ErrorSummary errors={errorsOf("erase")} title="Not erased:" />
              <input type="hidden" name="intent" value="erase" />
              <p className="text-sm text-slate-700">
                Replaces the name, email, address, comments and dedications everywhere with a marker; gifts and receipt numbers stay. It
                cannot be undone. The Stripe customer is not deleted in Stripe.
              </p>
              <TextField name="confirm" label="Type ERASE to confirm" defaultValue="" error={errorsOf("erase").confirm} />
              <button type="submit" className="rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800">
                Erase personal data
              </button>
            </Form>
          </Section>
        </>
      ) : null}
    </div>
  );
}
