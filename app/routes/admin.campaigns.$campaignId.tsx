import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { campaignToFormValues } from "~/campaigns/campaign-form.server";
import { giftRange, handleCampaignPost } from "~/campaigns/editor.server";
import { CampaignEditorPage } from "~/campaigns/components/CampaignEditorPage";
import { CampaignState } from "~/campaigns/components/CampaignState";
import { Alert } from "~/components/ui/Alert";
import { findCampaignForStaff, updateCampaign } from "~/campaigns/campaign-admin.data.server";
import { campaignIdFromParams, campaignNotFound } from "~/campaigns/staff-campaign-params.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { useT } from "~/i18n/language-context";
import { staffTranslator } from "~/staff/staff-language.server";
import { staffMeta } from "~/staff/staff-text";
import { readForm } from "~/utils/request.server";
import { z } from "~/utils/zod";

const SearchSchema = z.object({ saved: z.enum(["created", "updated", "unchanged"]).optional().catch(undefined) });

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  staffMeta(matches, (t) =>
    page ? t("staff.campaignEditor.editMeta", { title: page.campaign.title }) : t("staff.campaignEditor.metaFallback"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const found = await findCampaignForStaff(campaignIdFromParams(params));
  if (!found) throw campaignNotFound();
  const { campaign, giftsStarted, state } = found;
  const search = SearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    campaign: { id: campaign.id, slug: campaign.slug, title: campaign.title, state, version: campaign.updatedAt.toISOString() },
    values: campaignToFormValues(campaign),
    currencyLockedReason: giftsStarted ? staffTranslator()("staff.campaignEditor.currencyLocked", { currency: campaign.currency }) : null,
    giftRange: giftRange(),
    saved: search.saved ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const id = campaignIdFromParams(params);
  const outcome = await handleCampaignPost(await readForm(request), (input) => updateCampaign(id, input, staffActor(staff, context)));
  if (outcome.kind === "saved")
    return redirect(`/admin/campaigns/${id}?saved=${outcome.changed.length > 0 ? "updated" : "unchanged"}`, { status: 303 });
  if (outcome.kind === "notFound") throw campaignNotFound();
  return data(outcome.reply, { status: outcome.status });
}

export default function EditCampaign() {
  const { campaign, values, currencyLockedReason, giftRange, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  return (
    <CampaignEditorPage
      reply={reply}
      formKey={reply ? "reply" : campaign.version}
      values={values}
      currencyLockedReason={currencyLockedReason}
      giftRange={giftRange}
      action={`/admin/campaigns/${campaign.id}`}
      submitLabel={t("staff.campaignEditor.save")}
    >
      <h1 className="mt-2 text-2xl font-bold text-brand-800">{t("staff.campaignEditor.editTitle", { title: campaign.title })}</h1>
      <p className="mt-1 text-slate-700">
        <CampaignState state={campaign.state} slug={campaign.slug} />
      </p>
      <p className="mt-1">
        <Link to={`/admin/campaigns/${campaign.id}/translations`} className="text-sm text-brand-700 underline">
          {t("staff.campaignEditor.translations")}
        </Link>
      </p>
      {saved && !reply ? (
        <Alert tone="success" className="mt-4">
          {t(`staff.campaignEditor.saved.${saved}`)}
        </Alert>
      ) : null}
    </CampaignEditorPage>
  );
}
