import {
  cancelGift,
  cardUpdateUrl,
  changeAmount,
  chooseReceipts,
  pauseGift,
  resumeGift,
  type ChangeOutcome,
} from "~/portal/gift-changes.server";
import type { TFunction } from "i18next";

import type { Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { localisedPath } from "~/i18n/paths";
import { PORTAL_FIELDS, PortalIntentSchema, PortalSchemas } from "~/portal/page-inputs.server";
import { endPortalSession, type PortalDonor } from "~/portal/portal-session.server";
import { recurringGiftOfDonor } from "~/portal/portal.data.server";
import { parseForm } from "~/utils/forms.server";
import { env } from "~/utils/env.server";
import { readMoneyInput } from "~/utils/money";
import { MULTI_LINE_MESSAGE } from "~/utils/text";

/**
 * One posted form of the portal page, read with parseForm and handed to the
 * change it names. Answers what the route sends: a redirect (the card
 * update on Stripe's page, signing out) or a message about one gift, in the
 * page's language (the confirmation email is in the donor's).
 */
export type PortalActionOutcome =
  | { kind: "redirect"; to: string; headers?: Record<string, string> }
  | { kind: "message"; ok: true; message: string; giftId: string | null }
  | { kind: "message"; ok: false; status: 400 | 404 | 409 | 422 | 502; message: string; giftId: string | null };

function answer(outcome: ChangeOutcome, giftId: string | null): PortalActionOutcome {
  return outcome.ok ? { kind: "message", ok: true, message: outcome.message, giftId } : { kind: "message", ...outcome, giftId };
}

/** The schemas' messages are catalogue keys; the shared text rule's is its own sentence. */
function refusal(t: TFunction, errors: Partial<Record<string, string>>): string {
  const first = Object.values(errors).find(Boolean);
  if (first === MULTI_LINE_MESSAGE) return t("formErrors.multiLine");
  return first?.startsWith("portal.errors.") ? t(first) : t("portal.errors.choose");
}

export async function runPortalAction(donor: PortalDonor, form: FormData, ip: string, lang: Language): Promise<PortalActionOutcome> {
  const t = translator(lang);
  const refused = (status: 400 | 422, errors: Partial<Record<string, string>>, giftId: string | null): PortalActionOutcome => ({
    kind: "message",
    ok: false,
    status,
    message: refusal(t, errors),
    giftId,
  });
  const which = parseForm(form, { fields: PORTAL_FIELDS, schema: PortalIntentSchema });
  if (!which.ok) return refused(which.status, which.errors, null);
  const intent = which.data.intent;

  if (intent === "sign-out") {
    const to = localisedPath("/give/manage?signed-out=1", lang, env().DEFAULT_LANGUAGE);
    return { kind: "redirect", to, headers: { "Set-Cookie": await endPortalSession(donor) } };
  }
  if (intent === "card") {
    const card = await cardUpdateUrl(donor, ip, lang);
    return "url" in card ? { kind: "redirect", to: card.url } : answer(card, null);
  }
  if (intent === "preference") {
    const parsed = parseForm(form, { fields: PORTAL_FIELDS, schema: PortalSchemas.preference });
    if (!parsed.ok) return refused(parsed.status, parsed.errors, null);
    return answer(await chooseReceipts(donor, parsed.data.preference, ip, lang), null);
  }
  if (intent === "amount") {
    const parsed = parseForm(form, { fields: PORTAL_FIELDS, schema: PortalSchemas.amount });
    if (!parsed.ok) return refused(parsed.status, parsed.errors, parsed.values.gift || null);
    const gift = await recurringGiftOfDonor(donor.donorId, parsed.data.gift);
    if (!gift) return { kind: "message", ok: false, status: 404, message: t("portal.errors.notFound"), giftId: null };
    const typed = readMoneyInput(parsed.data.amount, gift.currency);
    if (!typed.ok) return { kind: "message", ok: false, status: 422, message: t("portal.errors.amountFormat"), giftId: gift.id };
    return answer(await changeAmount(donor, { giftId: gift.id, amount: typed.amount, formKey: parsed.data.key, ip, lang }), gift.id);
  }
  if (intent === "pause") {
    const parsed = parseForm(form, { fields: PORTAL_FIELDS, schema: PortalSchemas.pause });
    if (!parsed.ok) return refused(parsed.status, parsed.errors, parsed.values.gift || null);
    return answer(
      await pauseGift(donor, { giftId: parsed.data.gift, months: parsed.data.months, formKey: parsed.data.key, ip, lang }),
      parsed.data.gift,
    );
  }
  if (intent === "resume") {
    const parsed = parseForm(form, { fields: PORTAL_FIELDS, schema: PortalSchemas.resume });
    if (!parsed.ok) return refused(parsed.status, parsed.errors, parsed.values.gift || null);
    return answer(await resumeGift(donor, { giftId: parsed.data.gift, formKey: parsed.data.key, ip, lang }), parsed.data.gift);
  }
  const parsed = parseForm(form, { fields: PORTAL_FIELDS, schema: PortalSchemas.cancel });
  if (!parsed.ok) return refused(parsed.status, parsed.errors, parsed.values.gift || null);
  return answer(
    await cancelGift(donor, { giftId: parsed.data.gift, reason: parsed.data.reason || null, formKey: parsed.data.key, ip, lang }),
    parsed.data.gift,
  );
}
