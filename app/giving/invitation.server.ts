import { rememberedPledges } from "~/giving/gift-cookie.server";
import { coveredFeeFor } from "~/giving/fees";
import { checkoutForPledge } from "~/giving/give.server";
import { campaignTitleIn } from "~/campaigns/campaign-language";
import { localeOf } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { requestLanguage } from "~/i18n/language.server";
import { answerInvitation, findPledgeWithCampaign } from "~/giving/pledges.data.server";
import { givingSettings } from "~/giving/settings.server";
import { formatMoney } from "~/utils/money";

/**
 * The invitation to give monthly, between the form and Checkout (a page of
 * two buttons, so it works without JavaScript). Only the browser that
 * started the pledge sees it (the gift cookie), and only once: the answer is
 * recorded on the pledge, which then goes to Checkout as a monthly gift of
 * the suggested amount, or as the one-time gift it was. Its words are the
 * catalogue's `invitation` section, in the page's language.
 */
async function waitingPledge(request: Request, pledgeId: string) {
  if (!(await rememberedPledges(request)).includes(pledgeId)) return null;
  const pledge = await findPledgeWithCampaign(pledgeId);
  if (!pledge || pledge.invitation !== "shown" || pledge.status !== "pending" || pledge.invitedAmount === null) return null;
  return { ...pledge, invitedAmount: pledge.invitedAmount };
}

export async function invitationPage(request: Request, pledgeId: string) {
  const pledge = await waitingPledge(request, pledgeId);
  if (!pledge) return null;
  const { lang, defaultLanguage } = requestLanguage(request);
  const t = translator(lang);
  const once = formatMoney(pledge.amount + pledge.coveredFee, pledge.currency, localeOf(lang));
  const monthly = formatMoney(pledge.invitedAmount + monthlyCoveredFee(pledge), pledge.currency, localeOf(lang));
  return {
    title: t("invitation.title"),
    body: t("invitation.body", { monthly, once, campaign: campaignTitleIn(pledge.campaign, lang, defaultLanguage) }),
    accept: t("invitation.accept", { monthly }),
    decline: t("invitation.decline", { once }),
  };
}

/** A donor who covered the fee of the one-time gift covers it on the monthly one too, by the same gross-up. */
function monthlyCoveredFee(pledge: { coveredFee: number; invitedAmount: number; currency: string }): number {
  return pledge.coveredFee > 0 ? coveredFeeFor(pledge.invitedAmount, givingSettings(pledge.currency).fee) : 0;
}

export type InvitationAnswer = { ok: true; url: string } | { ok: false; status: 404 | 409 | 502; message: string };

export async function answerMonthlyInvitation(request: Request, pledgeId: string, accept: boolean): Promise<InvitationAnswer> {
  const t = translator(requestLanguage(request).lang);
  const pledge = await waitingPledge(request, pledgeId);
  if (!pledge) return { ok: false, status: 409, message: t("invitation.gone") };
  const answered = await answerInvitation(
    pledge.id,
    accept ? { accepted: true, amount: pledge.invitedAmount, coveredFee: monthlyCoveredFee(pledge) } : { accepted: false },
  );
  if (!answered) return { ok: false, status: 409, message: t("invitation.gone") };
  const checkout = await checkoutForPledge(answered, pledge.campaign);
  return checkout.ok ? { ok: true, url: checkout.url } : { ok: false, status: 502, message: t("invitation.unavailable") };
}
