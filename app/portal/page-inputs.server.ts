import { z } from "zod";

import { multiLineText } from "~/utils/text";

/**
 * What the donor portal's forms post (checked on the server only). Every
 * form names what it does (`intent`) and carries the page's form key, which
 * makes a double submit one change at Stripe. The messages are catalogue
 * keys (`portal.errors.*`), written in the page's language by the action.
 */
export const PORTAL_FIELDS = ["intent", "gift", "amount", "months", "reason", "preference", "key"] as const;
export type PortalField = (typeof PORTAL_FIELDS)[number];

const e = {
  notFound: "portal.errors.notFound",
  choose: "portal.errors.choose",
  amountFormat: "portal.errors.amountFormat",
  pauseMonths: "portal.errors.pauseMonths",
  reasonTooLong: "portal.errors.reasonTooLong",
} as const;
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
