import { data } from "@remix-run/node";
import { z } from "zod";

import { campaignFormValues, parseCampaignForm, type CampaignInput } from "~/campaigns/campaign-form.server";
import type { CampaignFormErrors, CampaignFormValues } from "~/campaigns/fields";
import { givingSettings } from "~/giving/settings.server";
import type { CampaignRefusal, CampaignSave } from "~/campaigns/campaign-admin.data.server";
import { staffTranslator } from "~/staff/staff-language.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { toDecimalString } from "~/utils/money";

/** What the new and edit campaign pages do with a post: preview the story, or check and save. */
const IntentSchema = z.enum(["save", "preview"]);

export interface EditorReply {
  values: CampaignFormValues;
  errors: CampaignFormErrors;
  previewHtml: string | null;
}

export type EditorOutcome =
  { kind: "reply"; status: 200 | 400 | 422; reply: EditorReply } | { kind: "saved"; id: string; changed: string[] } | { kind: "notFound" };

export async function handleCampaignPost(form: FormData, save: (input: CampaignInput) => Promise<CampaignSave>): Promise<EditorOutcome> {
  const intent = IntentSchema.safeParse(form.get("intent") ?? "save");
  if (!intent.success) throw data({ message: staffTranslator()("staff.campaignEditor.unknownAction") }, { status: 400 });

  if (intent.data === "preview") {
    const values = campaignFormValues(form);
    return { kind: "reply", status: 200, reply: { values, errors: {}, previewHtml: renderMarkdown(values.story) } };
  }

  const parsed = parseCampaignForm(form);
  if (!parsed.ok)
    return { kind: "reply", status: parsed.status, reply: { values: parsed.values, errors: parsed.errors, previewHtml: null } };
  const saved = await save(parsed.value);
  if (saved.ok) return { kind: "saved", id: saved.id, changed: saved.changed };
  if ("notFound" in saved) return { kind: "notFound" };
  return { kind: "reply", status: 422, reply: { values: parsed.values, errors: refusalErrors(saved.refused), previewHtml: null } };
}

/** A refused save, as messages beside the fields it is about. */
function refusalErrors(refused: CampaignRefusal): CampaignFormErrors {
  const t = staffTranslator();
  const errors: CampaignFormErrors = {};
  if (refused.slugTaken) errors.slug = t("staff.campaignErrors.slugTaken");
  if (refused.currencyLocked) errors.currency = t("staff.campaignErrors.currencyLocked", refused.currencyLocked);
  return errors;
}

/** GIFT_MIN and GIFT_MAX as the editor's hint shows them (every allowed currency has cents). */
export function giftRange(): { min: string; max: string } {
  const { minAmount, maxAmount } = givingSettings("USD");
  return { min: toDecimalString(minAmount, "USD"), max: toDecimalString(maxAmount, "USD") };
}
