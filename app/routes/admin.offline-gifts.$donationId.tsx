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
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { metaTranslator } from "~/staff/staff-text";
import { translateTexts } from "~/i18n/text-key";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { staffPageMeta } from "~/utils/meta";
import { toDecimalString } from "~/utils/money";
import { readForm } from "~/utils/request.server";
import { useIsPending } from "~/utils/use-is-pending";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ donationId: z.uuid() });
const IntentSchema = z.enum(["correct", "void"]);

function donationIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.donationId.toLowerCase();
}

export const meta: MetaFunction = ({ matches }) => staffPageMeta(metaTranslator(matches)("staff.offlineGifts.edit.title"));

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
  const t = translator(requestLanguage(request).lang);
  const donationId = donationIdFrom(params);
  const form = await readForm(request);
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success)
    return data({ intent: null, values: {}, errors: { form: t("staff.offlineGifts.errors.unknownAction") } }, { status: 400 });
  try {
    if (intent.data === "correct") {
      const parsed = parseCorrectForm(form, t);
      if (!parsed.ok) return data({ intent: "correct" as const, values: parsed.values, errors: parsed.errors }, { status: parsed.status });
      await correctOfflineGift(donationId, parsed.correction, staffActor(staff, context));
      return redirect(`/admin/donations/${donationId}?corrected=1`, 303);
    }
    const parsed = parseVoidForm(form, t);
    if (!parsed.ok) return data({ intent: "void" as const, values: parsed.values, errors: parsed.errors }, { status: parsed.status });
    await voidOfflineGift(donationId, parsed.data, staffActor(staff, context));
    return redirect(`/admin/donations/${donationId}?voided=1`, 303);
  } catch (error) {
    if (error instanceof OfflineGiftNotFound) throw data(null, { status: 404 });
    if (error instanceof OfflineGiftRefused)
      return data({ intent: intent.data, values: {}, errors: translateTexts(error.problems, t) }, { status: 422 });
    throw error;
  }
}

export default function CorrectOfflineGift() {
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useIsPending();
  const { t } = useT();
  const correctReply = reply?.intent === "correct" ? reply : null;
  const voidReply = reply?.intent === "void" || reply?.intent === null ? reply : null;
  const voidValues: Partial<Record<string, string>> = voidReply?.values ?? {};
  const voidErrors: Partial<Record<string, string>> = voidReply?.errors ?? {};
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/admin/donations/${page.id}`} className="text-brand-700 underline">
          {t("staff.offlineGifts.edit.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-800">{t("staff.offlineGifts.edit.heading", { name: page.donor.name })}</h1>
      {page.voided ? (
        <Alert tone="warning">{t("staff.offlineGifts.edit.voided", { date: page.voided.at, reason: page.voided.reason })}</Alert>
      ) : (
        <>
          <section aria-labelledby="correct" className="space-y-3">
            <h2 id="correct" className="text-lg font-semibold text-brand-800">
              {t("staff.offlineGifts.edit.correct")}
            </h2>
            <OfflineGiftForm
              action={`/admin/offline-gifts/${page.id}`}
              values={{ ...page.values, ...(correctReply?.values ?? {}) }}
              errors={correctReply?.errors ?? {}}
              campaigns={page.campaigns}
              withDonor={false}
              receiptLabel={
                page.receiptNumber
                  ? t("staff.offlineGifts.edit.receiptCopy", { number: page.receiptNumber })
                  : t("staff.offlineGifts.edit.receipt")
              }
              submitLabel={t("staff.offlineGifts.edit.save")}
            >
              <input type="hidden" name="intent" value="correct" />
            </OfflineGiftForm>
          </section>
          <section aria-labelledby="void" className="max-w-2xl space-y-3">
            <h2 id="void" className="text-lg font-semibold text-brand-800">
              {t("staff.offlineGifts.edit.void")}
            </h2>
            <p className="text-sm text-slate-700">{t("staff.offlineGifts.edit.voidExplained")}</p>
            <Form method="post" action={`/admin/offline-gifts/${page.id}`} noValidate className="space-y-4">
              <ErrorSummary errors={voidErrors} title={t("staff.offlineGifts.edit.notVoided")} />
              <input type="hidden" name="intent" value="void" />
              <TextField
                name="reason"
                label={t("staff.offlineGifts.edit.reason")}
                defaultValue={voidValues.reason ?? ""}
                error={voidErrors.reason}
              />
              {page.donor.hasEmail ? (
                <label className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                  <input type="checkbox" name="tellDonor" id="tellDonor" />
                  {t("staff.offlineGifts.edit.tellDonor")}
                </label>
              ) : null}
              <button
                type="submit"
                disabled={busy}
                className="rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
              >
                {t("staff.offlineGifts.edit.voidSubmit")}
              </button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
