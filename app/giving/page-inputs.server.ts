import { z } from "zod";

import { isCampaignSlug } from "~/campaigns/slug";
import { singleLineText } from "~/utils/text";

/**
 * What the public giving pages read from their URL and forms (checked on
 * the server only, so the browser never downloads Zod for these pages).
 */

/** A campaign page: its slug, and the pledge a donor comes back to from Stripe's "cancel" link. */
export const CampaignParamsSchema = z.object({
  slug: z.string().refine(isCampaignSlug),
});
export const CampaignSearchSchema = z.object({ pledge: z.uuid().optional().catch(undefined) });

/** The thank-you page: the Checkout Session Stripe returns the donor from. */
export const ThankYouSearchSchema = z.object({
  session_id: z
    .string()
    .regex(/^cs_[A-Za-z0-9_]{8,255}$/)
    .optional()
    .catch(undefined),
});

/** The form that asks for a link to manage a monthly gift. */
export const ManageEmailSchema = z.object({
  email: singleLineText().max(254).pipe(z.email("Enter an email address like name@example.org.")),
});
