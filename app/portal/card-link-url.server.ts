import type { Language } from "~/i18n/catalogues";
import { publicUrl } from "~/i18n/language.server";
import { sessionSecret } from "~/utils/env.server";
import { createSignedToken } from "~/utils/signed-link.server";

/** The failed-payment notice's link to the card update (see card-link.server.ts), valid for 7 days, in the notice's language. */
export const CARD_LINK_PURPOSE = "portal-card";
export const CARD_LINK_TTL_MS = 7 * 24 * 3_600_000;

export function cardLinkUrl(donorId: string, lang: Language, now = Date.now()): string {
  const { token } = createSignedToken(CARD_LINK_PURPOSE, donorId, CARD_LINK_TTL_MS, sessionSecret(), now);
  return publicUrl(`/give/portal/card/${token}`, lang);
}
