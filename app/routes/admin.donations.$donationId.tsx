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
import { useT } from "~/i18n/language-context";
import { staffLocale, staffTranslator } from "~/staff/staff-language.server";
import { staffMeta } from "~/staff/staff-text";
import { useIsPending } from "~/utils/use-is-pending";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ donationId: z.uuid() });
const ResentSchema = z.object({ resent: z.uuid().optional().catch(undefined) });
/** The notices after an offline gift was recorded, corrected or voided (staff.donation.done in the catalogue). */
const DONE_KEYS = ["recorded", "corrected", "voided"] as const;
const DoneSchema = z.object({
  recorded: z.literal("1").optional().catch(undefined),
  corrected: z.literal("1").optional().catch(undefined),
  voided: z.literal("1").optional().catch(undefined),
});
const ActionSchema = z.object({ intent: z.literal("resend-receipt") });

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

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  staffMeta(matches, (t) => (page ? t("staff.donation.metaTitle", { title: page.view.title }) : t("staff.donation.metaFallback")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const donationId = donationIdFrom(params);
  const detail = await findDonationDetail(donationId);
  if (!detail) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const { resent } = ResentSchema.parse(Object.fromEntries(url.searchParams));
  const done = DoneSchema.parse(Object.fromEntries(url.searchParams));
  const doneKey = DONE_KEYS.find((key) => done[key]);
  const copy = resent ? await findDonationEmail(donationId, resent) : null;
  const t = staffTranslator();
  return {
    view: donationDetailView(detail, t),
    canResend: canEdit(staff) && detail.donation.donor.email !== null,
    canCorrect: canEdit(staff) && detail.donation.source === "offline" && detail.donation.voidedAt === null,
    done: doneKey ? t(`staff.donation.done.${doneKey}`) : null,
    backHref: backHref(url),
    resent: copy ? { to: copy.toAddress, status: copy.status, at: formatUtc(copy.createdAt, staffLocale()) } : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const donationId = donationIdFrom(params);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: staffTranslator()("staff.donation.unknownAction") }, { status: 400 });

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
    if (error instanceof NoReceiptAddress) return data({ error: staffTranslator()("staff.donation.noAddress") }, { status: 422 });
    throw error;
  }
}

export default function DonationDetailPage() {
  const { view, canResend, canCorrect, done, backHref, resent } = useLoaderData<typeof loader>();
  const location = useLocation();
  const busy = useIsPending();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <p>
        <Link to={backHref} className="text-brand-700 underline">
          {t("staff.donation.back")}
        </Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold tracking-tight text-brand-800">{view.title}</h1>
        {view.receiptNumber ? <p className="mt-1 text-slate-700">{t("staff.donation.receipt", { number: view.receiptNumber })}</p> : null}
      </div>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {view.voided ? <Alert tone="warning">{t("staff.donation.voidedNote")}</Alert> : null}
      {canCorrect ? (
        <p>
          <Link to={`/admin/offline-gifts/${view.id}`} className="font-semibold text-brand-700 underline">
            {t("staff.donation.correct")}
          </Link>
        </p>
      ) : null}
      {resent ? <Alert tone="success">{t("staff.donation.resent", { to: resent.to, at: resent.at, status: resent.status })}</Alert> : null}
      {canResend ? (
        <Form method="post" action={`${location.pathname}${location.search}`} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="resend-receipt" />
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {t("staff.donation.resend")}
          </button>
          <span className="text-sm text-slate-700">{t("staff.donation.resendNote", { email: view.donorEmail })}</span>
        </Form>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {view.sections.map((section) => (
          <Facts key={section.id} id={section.id} title={section.title} facts={section.facts} />
        ))}
      </div>
      <DonationEmails emails={view.emails} />
      <DonationEvents events={view.events} />
    </div>
  );
}
