import { z } from "zod";

import { portalMessages } from "~/portal/messages";
import { multiLineText } from "~/utils/text";

/**
 * What the donor portal's forms post (checked on the server only). Every
 * form names what it does (`intent`) and carries the page's form key, which
 * makes a double submit one change at Stripe.
 */
export const PORTAL_FIELDS = ["intent", "gift", "amount", "months", "reason", "preference", "key"] as const;
export type PortalField = (typeof PORTAL_FIELDS)[number];

const e = portalMessages.errors;
const key = z.uuid();
const gift = z.uuid(e.notFound);

export const PortalIntentSchema = z.object({
  intent: z.enum(["amount", "pause", "resume", "cancel", "card", "preference", "sign-out"], { error: e.choose }),
});

export const PortalSchemas = {
  amount: z.object({ gift, key, amount: z.string().trim().min(1, e.amountFormat).max(20, e.amountFormat) }),
  pause: z.object({ gift, key, months: z.enum(["1", "2", "3"], { error: e.pauseMonths }).transform((v) => Number(v) as 1 | 2 | 3) }),
  resume: z.object({ gift, key }),
  cancel: z.object({ gift, key, reason: multiLineText().trim().max(500, e.reasonTooLong) }),
  preference: z.object({ preference: z.enum(["each", "annual"], { error: e.choose }) }),
} as const;
