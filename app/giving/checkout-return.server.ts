import type { DonationField } from "~/giving/donation-fields";
import { rememberedPledges } from "~/giving/gift-cookie.server";
import type { Pledge } from "~/generated/prisma/client";
import { findPledge } from "~/giving/pledges.data.server";

/**
 * Stripe's "cancel" link brings the donor back to the campaign page with
 * `?pledge=<id>`, and the form is filled in again from that pledge. The pledge
 * holds a name, an email, a dedication and a comment, and the link can travel
 * (browser history, a shared screen, a forwarded URL), so it refills only:
 * - in the browser that started the pledge (its id is in the signed gift cookie);
 * - while the pledge is open: its Checkout Session exists and nothing was paid.
 * The page that carries these values is never stored (the route sends
 * `private, no-store` whenever `?pledge=` is present, refilled or not).
 */

/** A Checkout Session expires 24 hours after it is created unless `expires_at` says otherwise; ours never do. */
const CHECKOUT_SESSION_LIFETIME_MS = 24 * 3_600_000;

export type RefillValues = Partial<Record<DonationField, string>>;

/** Whether a pledge may still refill the form: open, on this campaign, its Checkout Session not yet expired. */
export function canRefillFrom(pledge: Pick<Pledge, "status" | "campaignId" | "createdAt">, campaignId: string, now = new Date()): boolean {
  return (
    pledge.status === "open" &&
    pledge.campaignId === campaignId &&
    now.getTime() - pledge.createdAt.getTime() < CHECKOUT_SESSION_LIFETIME_MS
  );
}

export async function refillAfterCancel(
  request: Request,
  campaign: { id: string; presetAmounts: number[] },
  pledgeId: string | undefined,
): Promise<RefillValues> {
  if (!pledgeId || !(await rememberedPledges(request)).includes(pledgeId)) return {};
  const pledge = await findPledge(pledgeId);
  if (!pledge || !canRefillFrom(pledge, campaign.id)) return {};
  const preset = campaign.presetAmounts.includes(pledge.amount);
  return {
    amount: preset ? String(pledge.amount) : "other",
    customAmount: preset ? "" : (pledge.amount / 100).toFixed(2),
    frequency: pledge.frequency,
    coverFee: pledge.coveredFee > 0 ? "on" : "",
    name: pledge.name,
    email: pledge.email,
    anonymous: pledge.anonymous ? "on" : "",
    dedicationKind: pledge.dedicationKind ?? "",
    dedicationName: pledge.dedicationName ?? "",
    comment: pledge.comment ?? "",
  };
}
