import crypto from "node:crypto";

import type Stripe from "stripe";

import { inTransaction } from "~/db/transaction.data.server";
import { findPledgeForUpdate } from "~/donations/ledger.data.server";
import { queueEmail } from "~/email/outbox.data.server";
import { giftChangeEmail, type GiftChange } from "~/email/templates/gift-change.server";
import { coveredFeeFor } from "~/giving/fees";
import { givingSettings } from "~/giving/settings.server";
import { getOrganisation } from "~/organisation/organisation.data.server";
import { syncRecurringGift } from "~/payments/events/recurring-gift.server";
import { SubscriptionSchema } from "~/payments/events/schemas.server";
import { describeStripeError, isMissingCustomer } from "~/payments/stripe-errors";
import { forgetStripeCustomer } from "~/giving/donors.data.server";
import { stripe } from "~/payments/stripe.server";
import { campaignTitleIn } from "~/campaigns/campaign-language";
import type { Language } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";
import { publicUrl, siteLanguage } from "~/i18n/language.server";
import { stripeLocale } from "~/payments/checkout.server";
import { formatPortalDate, type Interval } from "~/portal/messages";
import type { PortalDonor } from "~/portal/portal-session.server";
import { donorProfile, keepCancelReason, recurringGiftOfDonor, setReceiptPreference } from "~/portal/portal.data.server";
import { recordAudit, type DonorAuditAction } from "~/staff/audit.data.server";
import { formatMoney } from "~/utils/money";
import { env } from "~/utils/env.server";

/**
 * What a donor changes on their giving pages, each the same way: the gift
 * is found among the session donor's own (never by id alone), Stripe is
 * asked first (the change is Stripe's to make), and then, in one
 * transaction, the answer is applied to the ledger by the same code that
 * applies Stripe's webhooks, the change is audited as the donor's own and
 * the donor is emailed a confirmation. The webhook that follows applies
 * Stripe's state again; the newer state always wins (stripeStateAt).
 * Answers are in the page's language (`lang`); the confirmation email is in
 * the donor's own (that of their latest gift).
 */
export type ChangeOutcome = { ok: true; message: string } | { ok: false; status: 404 | 409 | 422 | 502; message: string };

type OwnGift = NonNullable<Awaited<ReturnType<typeof recurringGiftOfDonor>>>;

function intervalOf(gift: { frequency: string }): Interval {
  return gift.frequency === "yearly" ? "yearly" : "monthly";
}

/** Stripe's idempotency key of one press of a button: the page's form key, so a double submit is one change. */
function changeKey(action: string, gift: { id: string }, formKey: string): string {
  return `portal-${action}-${gift.id}-${formKey}`;
}

async function ownRunningGift(donor: PortalDonor, giftId: string, lang: Language): Promise<OwnGift | ChangeOutcome> {
  const t = translator(lang);
  const gift = await recurringGiftOfDonor(donor.donorId, giftId);
  if (!gift) return { ok: false, status: 404, message: t("portal.errors.notFound") };
  if (gift.status === "canceled") return { ok: false, status: 409, message: t("portal.errors.notRunning") };
  return gift;
}

function stripeFailed(error: unknown, what: string, target: { id: string }, lang: Language): ChangeOutcome {
  console.error(`Donor portal: ${what} (${target.id}) failed at Stripe; nothing changed: ${describeStripeError(error)}`);
  return { ok: false, status: 502, message: translator(lang)("portal.errors.stripe") };
}

/**
 * Applies Stripe's answer, audits the change and confirms it, in one
 * transaction: none of the three exists without the others.
 */
async function applyChange(
  donor: PortalDonor,
  gift: OwnGift,
  answer: Stripe.Subscription,
  audit: { action: DonorAuditAction; details: Record<string, string | number | null>; ip: string },
  change: GiftChange | null,
  extra?: (tx: Parameters<Parameters<typeof inTransaction>[0]>[0]) => Promise<void>,
): Promise<void> {
  const subscription = SubscriptionSchema.parse(answer);
  const [profile, organisation] = await Promise.all([donorProfile(donor.donorId), getOrganisation()]);
  const changeId = crypto.randomUUID();
  await inTransaction(async (tx) => {
    const pledge = gift.pledgeId ? await findPledgeForUpdate(tx, gift.pledgeId) : null;
    if (pledge) await syncRecurringGift(tx, subscription, pledge, donor.donorId);
    await extra?.(tx);
    await recordAudit(tx, {
      actorId: null,
      donorActorId: donor.donorId,
      ip: audit.ip,
      action: audit.action,
      target: { type: "RecurringGift", id: gift.id },
      details: { ...audit.details, changeId, subscription: gift.stripeSubscriptionId },
    });
    if (change && profile?.email) {
      const lang = siteLanguage(profile.language);
      await queueEmail(
        tx,
        giftChangeEmail({
          lang,
          changeId,
          to: profile.email,
          donorId: profile.id,
          donorName: profile.name,
          interval: intervalOf(gift),
          campaignTitle: campaignTitleIn(gift.campaign, lang, env().DEFAULT_LANGUAGE),
          organisationName: organisation.name,
          change,
        }),
      );
    }
  });
}

/**
 * A new amount from the next instalment on: the subscription item gets a new
 * inline price (price_data on the same product and interval) with
 * proration_behavior "none", so nothing is charged or credited now. A donor
 * who covered the processing fee keeps covering it, recomputed for the new
 * amount and named in the subscription's metadata (covered_fee), which is
 * where the ledger reads it from.
 */
export async function changeAmount(
  donor: PortalDonor,
  input: { giftId: string; amount: number; formKey: string; ip: string; lang: Language },
): Promise<ChangeOutcome> {
  const found = await ownRunningGift(donor, input.giftId, input.lang);
  if ("ok" in found) return found;
  const gift = found;
  const t = translator(input.lang);
  const locale = t("language.locale");
  const settings = givingSettings(gift.currency);
  if (input.amount < settings.minAmount || input.amount > settings.maxAmount) {
    return {
      ok: false,
      status: 422,
      message: t("portal.errors.amountRange", {
        min: formatMoney(settings.minAmount, gift.currency, locale),
        max: formatMoney(settings.maxAmount, gift.currency, locale),
      }),
    };
  }
  if (input.amount === gift.amount) return { ok: false, status: 422, message: t("portal.errors.sameAmount") };
  const coveredFee = gift.coveredFee > 0 ? coveredFeeFor(input.amount, settings.fee) : 0;
  let answer: Stripe.Subscription;
  try {
    const current = SubscriptionSchema.parse(await stripe().subscriptions.retrieve(gift.stripeSubscriptionId));
    const item = current.items.data[0];
    if (!item?.id || !item.price.product) throw new Error(`subscription ${current.id} has no item with a product`);
    answer = await stripe().subscriptions.update(
      gift.stripeSubscriptionId,
      {
        items: [
          {
            id: item.id,
            price_data: {
              currency: item.price.currency,
              product: item.price.product,
              unit_amount: input.amount + coveredFee,
              recurring: { interval: gift.frequency === "yearly" ? "year" : "month" },
            },
          },
        ],
        proration_behavior: "none",
        metadata: { covered_fee: String(coveredFee) },
      },
      { idempotencyKey: changeKey("amount", gift, input.formKey) },
    );
  } catch (error) {
    return stripeFailed(error, "an amount change of recurring gift", gift, input.lang);
  }
  const before = gift.amount + gift.coveredFee;
  const after = input.amount + coveredFee;
  await applyChange(
    donor,
    gift,
    answer,
    { action: "donor.gift_amount", details: { from: gift.amount, to: input.amount, coveredFee, currency: gift.currency }, ip: input.ip },
    { kind: "amount", before, after, currency: gift.currency },
  );
  return {
    ok: true,
    message: t(intervalOf(gift) === "yearly" ? "portal.done.amountYearly" : "portal.done.amountMonthly", {
      amount: formatMoney(after, gift.currency, locale),
    }),
  };
}

/** The same day `months` calendar months later (the month's last day when it is shorter), in UTC. */
export function monthsLater(from: Date, months: number): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1, from.getUTCHours(), from.getUTCMinutes()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}

/**
 * Pauses collection for one to three months: pause_collection with behavior
 * "void" (Stripe makes each period's invoice and voids it: no charge, no
 * debt) and resumes_at, after which Stripe collects again by itself.
 */
export async function pauseGift(
  donor: PortalDonor,
  input: { giftId: string; months: 1 | 2 | 3; formKey: string; ip: string; lang: Language },
  now = new Date(),
): Promise<ChangeOutcome> {
  const found = await ownRunningGift(donor, input.giftId, input.lang);
  if ("ok" in found) return found;
  const gift = found;
  const t = translator(input.lang);
  if (gift.pausedUntil && gift.pausedUntil > now) return { ok: false, status: 409, message: t("portal.errors.alreadyPaused") };
  const resumesAt = monthsLater(now, input.months);
  let answer: Stripe.Subscription;
  try {
    answer = await stripe().subscriptions.update(
      gift.stripeSubscriptionId,
      { pause_collection: { behavior: "void", resumes_at: Math.floor(resumesAt.getTime() / 1000) } },
      { idempotencyKey: changeKey("pause", gift, input.formKey) },
    );
  } catch (error) {
    return stripeFailed(error, "a pause of recurring gift", gift, input.lang);
  }
  await applyChange(
    donor,
    gift,
    answer,
    { action: "donor.gift_pause", details: { months: input.months, resumesAt: resumesAt.toISOString() }, ip: input.ip },
    { kind: "pause", until: resumesAt },
  );
  return { ok: true, message: t("portal.done.pause", { date: formatPortalDate(resumesAt, input.lang) }) };
}

/** Collects again from the next date: pause_collection cleared. */
export async function resumeGift(
  donor: PortalDonor,
  input: { giftId: string; formKey: string; ip: string; lang: Language },
): Promise<ChangeOutcome> {
  const found = await ownRunningGift(donor, input.giftId, input.lang);
  if ("ok" in found) return found;
  const gift = found;
  const t = translator(input.lang);
  if (!gift.pausedUntil) return { ok: false, status: 409, message: t("portal.errors.notPaused") };
  let answer: Stripe.Subscription;
  try {
    answer = await stripe().subscriptions.update(
      gift.stripeSubscriptionId,
      { pause_collection: "" },
      { idempotencyKey: changeKey("resume", gift, input.formKey) },
    );
  } catch (error) {
    return stripeFailed(error, "a resume of recurring gift", gift, input.lang);
  }
  await applyChange(donor, gift, answer, { action: "donor.gift_resume", details: {}, ip: input.ip }, { kind: "resume" });
  return { ok: true, message: t("portal.done.resume") };
}

/** Cancels now; the donor's reason, when given, is kept for staff (and sent to Stripe as the cancellation's comment). */
export async function cancelGift(
  donor: PortalDonor,
  input: { giftId: string; reason: string | null; formKey: string; ip: string; lang: Language },
): Promise<ChangeOutcome> {
  const found = await ownRunningGift(donor, input.giftId, input.lang);
  if ("ok" in found) return found;
  const gift = found;
  let answer: Stripe.Subscription;
  try {
    answer = await stripe().subscriptions.cancel(
      gift.stripeSubscriptionId,
      input.reason ? { cancellation_details: { comment: input.reason } } : {},
      { idempotencyKey: changeKey("cancel", gift, input.formKey) },
    );
  } catch (error) {
    return stripeFailed(error, "a cancellation of recurring gift", gift, input.lang);
  }
  await applyChange(
    donor,
    gift,
    answer,
    { action: "donor.gift_cancel", details: { reason: input.reason }, ip: input.ip },
    { kind: "cancel" },
    (tx) => keepCancelReason(tx, gift.id, input.reason),
  );
  return { ok: true, message: translator(input.lang)("portal.done.cancel") };
}

/**
 * Opens Stripe's billing portal on its card-update flow (payment_method_update)
 * for the donor's customer, speaking the page's language; Stripe sends the
 * donor back to the portal page in that language.
 */
export async function cardUpdateUrl(
  donor: Pick<PortalDonor, "donorId">,
  ip: string,
  lang: Language,
): Promise<{ ok: true; url: string } | ChangeOutcome> {
  const t = translator(lang);
  const profile = await donorProfile(donor.donorId);
  if (!profile?.stripeCustomerId) return { ok: false, status: 404, message: t("portal.errors.notFound") };
  try {
    const session = await stripe().billingPortal.sessions.create({
      customer: profile.stripeCustomerId,
      return_url: publicUrl("/give/portal?card=done", lang),
      flow_data: { type: "payment_method_update" },
      locale: stripeLocale(lang),
    });
    await inTransaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        donorActorId: donor.donorId,
        ip,
        action: "donor.card_update",
        target: { type: "Donor", id: profile.id },
      }),
    );
    return { ok: true, url: session.url };
  } catch (error) {
    if (isMissingCustomer(error)) {
      // Deleted in Stripe's dashboard: its subscriptions and card went with it.
      await forgetStripeCustomer(profile.stripeCustomerId);
      return { ok: false, status: 404, message: t("portal.errors.notFound") };
    }
    return stripeFailed(error, "a card update for donor", { id: profile.id }, lang);
  }
}

/** A receipt for each instalment, or only the annual statement. */
export async function chooseReceipts(
  donor: PortalDonor,
  preference: "each" | "annual",
  ip: string,
  lang: Language,
): Promise<ChangeOutcome> {
  await inTransaction(async (tx) => {
    await setReceiptPreference(tx, donor.donorId, preference);
    await recordAudit(tx, {
      actorId: null,
      donorActorId: donor.donorId,
      ip,
      action: "donor.receipt_preference",
      target: { type: "Donor", id: donor.donorId },
      details: { preference },
    });
  });
  return { ok: true, message: translator(lang)("portal.done.preference") };
}
