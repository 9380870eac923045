import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { campaignToFormValues } from "~/campaigns/campaign-form.server";
import { giftRange, handleCampaignPost } from "~/campaigns/editor.server";
import { CampaignEditorPage } from "~/campaigns/components/CampaignEditorPage";
import { CampaignState } from "~/campaigns/components/CampaignState";
import { Alert } from "~/components/ui/Alert";
import { findCampaignForStaff, updateCampaign } from "~/campaigns/campaign-admin.data.server";
import { requireAdmin, staffActor } from "~/staff/auth.server";
import { readForm } from "~/utils/request.server";
import { staffPageMeta } from "~/utils/meta";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ campaignId: z.uuid() });
const SearchSchema = z.object({ saved: z.enum(["created", "updated", "unchanged"]).optional().catch(undefined) });

function campaignIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data({ message: "There is no such campaign." }, { status: 404 });
  return parsed.data.campaignId;
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => staffPageMeta(page ? `Edit ${page.campaign.title}` : "Campaign");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const found = await findCampaignForStaff(campaignIdFrom(params));
  if (!found) throw data({ message: "There is no such campaign." }, { status: 404 });
  const { campaign, giftsStarted, state } = found;
  const search = SearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return {
    campaign: { id: campaign.id, slug: campaign.slug, title: campaign.title, state, version: campaign.updatedAt.toISOString() },
    values: campaignToFormValues(campaign),
    currencyLockedReason: giftsStarted
      ? `Donors have given (or started to give) in ${campaign.currency}, so the currency can no longer change.`
      : null,
    giftRange: giftRange(),
    saved: search.saved ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireAdmin(request);
  const id = campaignIdFrom(params);
  const outcome = await handleCampaignPost(await readForm(request), (input) => updateCampaign(id, input, staffActor(staff, context)));
  if (outcome.kind === "saved")
    return redirect(`/admin/campaigns/${id}?saved=${outcome.changed.length > 0 ? "updated" : "unchanged"}`, { status: 303 });
  if (outcome.kind === "notFound") throw data({ message: "There is no such campaign." }, { status: 404 });
  return data(outcome.reply, { status: outcome.status });
}

const SAVED_MESSAGES = {
  created: "Campaign created.",
  updated: "Changes saved. The public pages show them now.",
  unchanged: "Nothing had changed, so nothing was saved.",
};

export default function EditCampaign() {
  const { campaign, values, currencyLockedReason, giftRange, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <CampaignEditorPage
      reply={reply}
      formKey={reply ? "reply" : campaign.version}
      values={values}
      currencyLockedReason={currencyLockedReason}
      giftRange={giftRange}
      action={`/admin/campaigns/${campaign.id}`}
      submitLabel="Save changes"
    >
      <h1 className="mt-2 text-2xl font-bold text-brand-800">Edit “{campaign.title}”</h1>
      <p className="mt-1 text-slate-700">
        <CampaignState state={campaign.state} slug={campaign.slug} />
      </p>
      <p className="mt-1">
        <Link to={`/admin/campaigns/${campaign.id}/translations`} className="text-sm text-brand-700 underline">
          Translations (the campaign in the site&apos;s other languages)
        </Link>
      </p>
      {saved && !reply ? (
        <Alert tone="success" className="mt-4">
          {SAVED_MESSAGES[saved]}
        </Alert>
      ) : null}
    </CampaignEditorPage>
  );
}
