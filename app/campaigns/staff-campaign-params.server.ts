import { data, type LoaderFunctionArgs } from "@remix-run/node";

import { staffTranslator } from "~/staff/staff-language.server";
import { z } from "~/utils/zod";

const ParamsSchema = z.object({ campaignId: z.uuid() });

/** The staff pages' answer for a campaign that is not there (or an id that cannot be one). */
export function campaignNotFound() {
  return data({ message: staffTranslator()("staff.campaignEditor.noSuchCampaign") }, { status: 404 });
}

/** The campaign id of a staff campaign page's address; anything else is a 404. */
export function campaignIdFromParams(params: LoaderFunctionArgs["params"]): string {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw campaignNotFound();
  return parsed.data.campaignId;
}
