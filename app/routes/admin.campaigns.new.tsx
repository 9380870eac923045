import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { giftRange, handleCampaignPost } from "~/campaigns/editor.server";
import { EMPTY_CAMPAIGN_VALUES } from "~/campaigns/fields";
import { CampaignEditorPage } from "~/campaigns/components/CampaignEditorPage";
import { createCampaign } from "~/campaigns/campaign-admin.data.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { useT } from "~/i18n/language-context";
import { staffMeta } from "~/staff/staff-text";
import { readForm } from "~/utils/request.server";

export const meta: MetaFunction = ({ matches }) => staffMeta(matches, (t) => t("staff.campaignEditor.newTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { values: EMPTY_CAMPAIGN_VALUES, giftRange: giftRange() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const outcome = await handleCampaignPost(await readForm(request), (input) => createCampaign(input, staffActor(staff, context)));
  if (outcome.kind === "saved") return redirect(`/admin/campaigns/${outcome.id}?saved=created`, { status: 303 });
  if (outcome.kind === "notFound") throw data(null, { status: 404 });
  return data(outcome.reply, { status: outcome.status });
}

export default function NewCampaign() {
  const { values, giftRange } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  return (
    <CampaignEditorPage
      reply={reply}
      values={values}
      currencyLockedReason={null}
      giftRange={giftRange}
      action="/admin/campaigns/new"
      submitLabel={t("staff.campaignEditor.create")}
    >
      <h1 className="mt-2 text-2xl font-bold text-brand-800">{t("staff.campaignEditor.newTitle")}</h1>
      <p className="mt-1 text-slate-700">{t("staff.campaignEditor.newNote")}</p>
    </CampaignEditorPage>
  );
}
