import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";

import { DonationEmails } from "~/donations/components/DonationEmails";
import { DonationEvents } from "~/donations/components/DonationEvents";
import { Facts } from "~/donations/components/Facts";
import { Alert } from "~/components/ui/Alert";
import { findDonationDetail, findDonationEmail } from "~/donations/donation-detail.data.server";
import { DonationNotFound, resendReceipt } from "~/donations/receipt-resend.data.server";
import { NoReceiptAddress } from "~/email/receipts.data.server";
import { canEdit, requireAdmin, requireStaff, staffActor } from "~/staff/auth.server";
import { donationDetailView } from "~/donations/donation-detail-view.server";
import { formatUtc } from "~/donations/donation-labels";
import { listQuery, parseListParams } from "~/donations/donation-list-params.server";
import { staffPageMeta } from "~/utils/meta";
import { useIsPending } from "~/utils/use-is-pending";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ donationId: z.uuid() });
const ResentSchema = z.object({ resent: z.uuid().optional().catch(undefined) });
const DONE_MESSAGES = {
  recorded: "The offline gift was recorded; it counts toward the campaign now.",
  corrected: "The offline gift was corrected; the totals follow.",
  voided: "The offline gift was voided: it counts toward nothing now.",
} as const;
const DoneSchema = z.object({
  recorded: z.literal("1").optional().catch(undefined),
  corrected: z.literal("1").optional().catch(undefined),
  voided: z.literal("1").optional().catch(undefined),
});
const ActionSchema = z.object({ intent: z.literal("resend-receipt", "Unknown action.") });

function donationIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.donationId.toLowerCase();
}

/** Back to the list with the filters and page the staff member came from. */
function backHref(url: URL): string {
  const params = parseListParams(url.searchParams);
  const query = params.ok ? listQuery(params.filters, params.page) : "";
  return query ? `/admin/donations?${query}` : "/admin/donations";
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => staffPageMeta(page ? `${page.view.title} | Donations` : "Donation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const donationId = donationIdFrom(params);
  const detail = await findDonationDetail(donationId);
  if (!detail) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const { resent } = ResentSchema.parse(Object.fromEntries(url.searchParams));
  const done = DoneSchema.parse(Object.fromEntries(url.searchParams));
  const doneKey = (Object.keys(DONE_MESSAGES) as Array<keyof typeof DONE_MESSAGES>).find((key) => done[key]);
  const copy = resent ? await findDonationEmail(donationId, resent) : null;
  return {
    view: donationDetailView(detail),
    canResend: canEdit(staff) && detail.donation.donor.email !== null,
    canCorrect: canEdit(staff) && detail.donation.source === "offline" && detail.donation.voidedAt === null,
    done: doneKey ? DONE_MESSAGES[doneKey] : null,
    backHref: backHref(url),
    resent: copy ? { to: copy.toAddress, status: copy.status, at: formatUtc(copy.createdAt) } : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const donationId = donationIdFrom(params);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "Unknown action." }, { status: 400 });

  try {
    const copy = await resendReceipt(donationId, staffActor(staff, context));
    // Back to this page (post/redirect/get), keeping the list's place, with the copy to confirm.
    const url = new URL(request.url);
    url.searchParams.delete("resent");
    url.searchParams.delete("index");
    url.searchParams.set("resent", copy.emailId);
    return redirect(`/admin/donations/${donationId}?${url.searchParams}`, 303);
  } catch (error) {
    if (error instanceof DonationNotFound) throw data(null, { status: 404 });
    if (error instanceof NoReceiptAddress) return data({ error: "The donor has no email to send a receipt to." }, { status: 422 });
    throw error;
  }
}

export default function DonationDetailPage() {
  const { view, canResend, canCorrect, done, backHref, resent } = useLoaderData<typeof loader>();
  const location = useLocation();
  const busy = useIsPending();
  return (
    <div className="space-y-6">
      <p>
        <Link to={backHref} className="text-brand-700 underline">
          ← Back to donations
        </Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold tracking-tight text-brand-800">{view.title}</h1>
        {view.receiptNumber ? <p className="mt-1 text-slate-700">Receipt {view.receiptNumber}</p> : null}
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {view.voided ? <Alert tone="warning">This offline gift was voided: it counts toward no total.</Alert> : null}
      {canCorrect ? (
        <p>
          <Link to={`/admin/offline-gifts/${view.id}`} className="font-semibold text-brand-700 underline">
            Correct or void this offline gift
          </Link>
        </p>
      ) : null}
      {resent ? (
        <Alert tone="success">
          A copy of the receipt was queued to {resent.to} at {resent.at}. Its status is below under Emails ({resent.status} now).
        </Alert>
      ) : null}
      {canResend ? (
        <Form method="post" action={`${location.pathname}${location.search}`} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="resend-receipt" />
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Resend receipt
          </button>
          <span className="text-sm text-slate-700">A fresh copy goes to the donor&apos;s current email, {view.donorEmail}.</span>
        </Form>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {view.sections.map((section) => (
          <Facts key={section.title} title={section.title} facts={section.facts} />
        ))}
      </div>
      <DonationEmails emails={view.emails} />
      <DonationEvents events={view.events} />
    </div>
  );
}
