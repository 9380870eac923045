import { siteCookie } from "~/utils/site-cookie.server";

/**
 * Remembers, in the donor's own browser, the pledges started there. The
 * thank-you page shows a gift's details, and the campaign page refills the
 * form after Stripe's "cancel" link, only for the browser that started it;
 * anyone else holding a Checkout Session or pledge id sees a neutral page.
 */
const MAX_REMEMBERED = 5;

function giftCookie() {
  return siteCookie("lantern_gifts", { maxAge: 7 * 24 * 3600 });
}

export async function rememberedPledges(request: Request): Promise<string[]> {
  const value: unknown = await giftCookie().parse(request.headers.get("Cookie"));
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
}

export async function rememberPledge(request: Request, pledgeId: string): Promise<string> {
  const current = await rememberedPledges(request);
  const next = [pledgeId, ...current.filter((id) => id !== pledgeId)].slice(0, MAX_REMEMBERED);
  return giftCookie().serialize(next);
}
