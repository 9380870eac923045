import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { Alert } from "~/components/ui/Alert";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { TextField } from "~/components/ui/Field";
import { formatUtc } from "~/donations/donation-labels";
import { OfflineGiftForm } from "~/offline-gifts/components/OfflineGiftForm";
import { parseCorrectForm, parseVoidForm } from "~/offline-gifts/offline-gift-form.server";
import {
  campaignChoices,
  correctOfflineGift,
  OfflineGiftNotFound,
  OfflineGiftRefused,
  offlineGiftForEdit,
  voidOfflineGift,
} from "~/offline-gifts/offline-gifts.data.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { staffPageMeta } from "~/utils/meta";
import { toDecimalString } from "~/utils/money";
import { readForm } from "~/utils/request.server";
import { useIsPending } from "~/utils/use-is-pending";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ donationId: z.uuid() });
const IntentSchema = z.enum(["correct", "void"], { error: "Unknown action." });

function donationIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.donationId.toLowerCase();
}

export const meta: MetaFunction = () => staffPageMeta("Correct or void an offline gift");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const gift = await offlineGiftForEdit(donationIdFrom(params));
  if (!gift) throw data(null, { status: 404 });
  return {
    id: gift.id,
    donor: { id: gift.donor.id, name: gift.donor.name, hasEmail: gift.donor.email !== null },
    voided: gift.voidedAt ? { at: formatUtc(gift.voidedAt), reason: gift.voidReason ?? "" } : null,
    receiptNumber: gift.receiptNumber,
    values: {
      campaignId: gift.campaignId,
      method: gift.offlineMethod ?? "other",
      receivedOn: gift.paidAt.toISOString().slice(0, 10),
      amount: toDecimalString(gift.grossAmount, gift.currency),
      currency: gift.currency,
      reference: gift.reference ?? "",
      note: gift.note ?? "",
    },
    campaigns: await campaignChoices(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const donationId = donationIdFrom(params);
  const form = await readForm(request);
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return data({ intent: null, values: {}, errors: { form: "Unknown action." } }, { status: 400 });
  try {
    if (intent.data === "correct") {
      const parsed = parseCorrectForm(form);
      if (!parsed.ok) return data({ intent: "correct" as const, values: parsed.values, errors: parsed.errors }, { status: parsed.status });
      await correctOfflineGift(donationId, parsed.correction, staffActor(staff, context));
      return redirect(`/admin/donations/${donationId}?corrected=1`, 303);
    }
    const parsed = parseVoidForm(form);
    if (!parsed.ok) return data({ intent: "void" as const, values: parsed.values, errors: parsed.errors }, { status: parsed.status });
    await voidOfflineGift(donationId, parsed.data, staffActor(staff, context));
    return redirect(`/admin/donations/${donationId}?voided=1`, 303);
  } catch (error) {
    if (error instanceof OfflineGiftNotFound) throw data(null, { status: 404 });
    if (error instanceof OfflineGiftRefused) return data({ intent: intent.data, values: {}, errors: error.problems }, { status: 422 });
    throw error;
  }
}

export default function CorrectOfflineGift() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useIsPending();
  const correctReply = reply?.intent === "correct" ? reply : null;
  const voidReply = reply?.intent === "void" || reply?.intent === null ? reply : null;
  const voidValues: Partial<Record<string, string>> = voidReply?.values ?? {};
  const voidErrors: Partial<Record<string, string>> = voidReply?.errors ?? {};
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/admin/donations/${page.id}`} className="text-brand-700 underline">
          ← Back to the gift
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-800">Offline gift from {page.donor.name}</h1>
      {page.voided ? (
        <Alert tone="warning">
          Voided {page.voided.at}: {page.voided.reason}. It counts toward nothing and can no longer be changed.
        </Alert>
      ) : (
        <>
          <section aria-labelledby="correct" className="space-y-3">
            <h2 id="correct" className="text-lg font-semibold text-brand-800">
              Correct
            </h2>
            <OfflineGiftForm
              action={`/admin/offline-gifts/${page.id}`}
              values={{ ...page.values, ...(correctReply?.values ?? {}) }}
              errors={correctReply?.errors ?? {}}
              campaigns={page.campaigns}
              withDonor={false}
              receiptLabel={
                page.receiptNumber ? `Email the donor a corrected copy of receipt ${page.receiptNumber}` : "Email the donor a receipt"
              }
              submitLabel="Save correction"
            >
              <input type="hidden" name="intent" value="correct" />
            </OfflineGiftForm>
          </section>
          <section aria-labelledby="void" className="max-w-2xl space-y-3">
            <h2 id="void" className="text-lg font-semibold text-brand-800">
              Void
            </h2>
            <p className="text-sm text-slate-700">
              A voided gift counts toward nothing; its record and receipt number stay. The donor is told only if you tick the box.
            </p>
            <Form method="post" action={`/admin/offline-gifts/${page.id}`} noValidate className="space-y-4">
              <ErrorSummary errors={voidErrors} title="The gift was not voided:" />
              <input type="hidden" name="intent" value="void" />
              <TextField name="reason" label="Reason" defaultValue={voidValues.reason ?? ""} error={voidErrors.reason} />
              {page.donor.hasEmail ? (
                <label className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                  <input type="checkbox" name="tellDonor" id="tellDonor" />
                  Email the donor that the gift was cancelled
                </label>
              ) : null}
              <button
                type="submit"
                disabled={busy}
                className="rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
              >
                Void gift
              </button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
