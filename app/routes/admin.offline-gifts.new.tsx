import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { OfflineGiftForm } from "~/offline-gifts/components/OfflineGiftForm";
import { parseRecordForm } from "~/offline-gifts/offline-gift-form.server";
import { campaignChoices, OfflineGiftRefused, recordOfflineGift } from "~/offline-gifts/offline-gifts.data.server";
import { translator } from "~/i18n/i18n";
import { useT } from "~/i18n/language-context";
import { requestLanguage } from "~/i18n/language.server";
import { metaTranslator } from "~/staff/staff-text";
import { translateTexts } from "~/i18n/text-key";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { staffPageMeta } from "~/utils/meta";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const QuerySchema = z.object({ donor: z.uuid().optional().catch(undefined) });

export const meta: MetaFunction = ({ matches }) => staffPageMeta(metaTranslator(matches)("staff.offlineGifts.new.title"));

function donorIdFrom(request: Request): string | null {
  return QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)).donor?.toLowerCase() ?? null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const campaigns = await campaignChoices();
  return { campaigns, donorId: donorIdFrom(request), today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const t = translator(requestLanguage(request).lang);
  const donorId = donorIdFrom(request);
  const parsed = parseRecordForm(await readForm(request), t, { donorId });
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors }, { status: parsed.status });
  try {
    const written = await recordOfflineGift(parsed.gift, staffActor(staff, context));
    return redirect(`/admin/donations/${written.donationId}?recorded=1`, 303);
  } catch (error) {
    if (error instanceof OfflineGiftRefused)
      return data({ values: parsed.values, errors: translateTexts(error.problems, t) }, { status: 422 });
    throw error;
  }
}

export default function RecordOfflineGift() {
  const { campaigns, donorId, today } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t("staff.offlineGifts.new.title")}</h1>
      <p className="max-w-prose text-slate-700">
        {t("staff.offlineGifts.new.intro")}{" "}
        <Link to="/admin/offline-gifts/import" className="font-semibold text-brand-700 underline">
          {t("staff.offlineGifts.new.importLink")}
        </Link>
        .
      </p>
      <OfflineGiftForm
        action={donorId ? `/admin/offline-gifts/new?donor=${donorId}` : "/admin/offline-gifts/new"}
        values={reply?.values ?? { receivedOn: today, currency: campaigns[0]?.currency ?? "USD" }}
        errors={reply?.errors ?? {}}
        campaigns={campaigns}
        withDonor={!donorId}
        receiptLabel={t("staff.offlineGifts.new.receipt")}
        submitLabel={t("staff.offlineGifts.new.submit")}
      />
    </div>
  );
}
