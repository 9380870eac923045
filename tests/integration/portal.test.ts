import type Stripe from "stripe";
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";

import { db } from "~/db/db.server";
import { campaignFigures, totalsDisagreeingWithLedger } from "~/donations/totals.data.server";
import { renewSubscription } from "~/payments/sandbox/dashboard.server";
import { getObject } from "~/payments/sandbox/store.server";
import { PORTAL_SESSION_MS } from "~/portal/portal-session.server";
import { coveredFeeFor } from "~/giving/fees";
import { givingSettings } from "~/giving/settings.server";

import { createCampaign } from "../support/factories";
import { deliverSandboxEventsToWebhook, openPortal, portalPage, portalPost } from "../support/portal";
import { thrownStatus } from "../support/requests";
import { deliver, giveThroughSandbox } from "../support/webhooks";

async function monthlyDonor(email: string, amount = 2_500, options: { coverFee?: boolean } = {}) {
  const campaign = await createCampaign();
  const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount, email, coverFee: options.coverFee });
  for (const event of gift.events) await deliver(event);
  const recurring = await db().recurringGift.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
  return { campaign, gift, recurring };
}

const key = () => crypto.randomUUID();

beforeEach(() => deliverSandboxEventsToWebhook());

describe("the donor portal's session", () => {
  it("opens from the emailed link and shows every gift with its receipt, and each recurring gift with its next charge date", async () => {
    const { campaign, recurring } = await monthlyDonor("portal-sees@example.org");
    const once = await giveThroughSandbox(campaign.slug, { amount: 4_000, email: "portal-sees@example.org" });
    for (const event of once.events) await deliver(event);

    const cookie = await openPortal("portal-sees@example.org");
    const page = await portalPage(cookie);
    expect(page.gifts).toHaveLength(2);
    expect(page.gifts.map((g) => g.amount).sort()).toEqual(["$25.00", "$40.00"]);
    expect(page.gifts.every((g) => /^TEST-\d{4}-\d{6}$/.test(g.receiptNumber ?? ""))).toBe(true);
    expect(page.recurringGifts).toHaveLength(1);
    expect(page.recurringGifts[0]).toMatchObject({ id: recurring.id, status: "Active", running: true });
    expect(page.recurringGifts[0]!.line).toBe(`$25.00 each month to ${campaign.title}`);
    expect(page.recurringGifts[0]!.when).toMatch(/^Next gift: [A-Z][a-z]+ \d{1,2}, \d{4}$/);
  });

  it("is refused without a cookie, after it expires, and after signing out", async () => {
    await monthlyDonor("portal-ends@example.org");
    expect(await thrownStatus(() => portalPage(""))).toBe(303);
    expect(await thrownStatus(() => portalPage("lantern_portal=forged"))).toBe(303);

    const cookie = await openPortal("portal-ends@example.org");
    expect((await portalPage(cookie)).gifts).toHaveLength(1);
    const signedOut = await portalPost(cookie, { intent: "sign-out" });
    expect(signedOut.status).toBe(303);
    expect(await thrownStatus(() => portalPage(cookie))).toBe(303);

    const again = await openPortal("portal-ends@example.org", { fresh: true });
    expect((await portalPage(again)).gifts).toHaveLength(1);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + PORTAL_SESSION_MS + 1_000 });
    onTestFinished(() => void vi.useRealTimers());
    expect(await thrownStatus(() => portalPage(again))).toBe(303);
  });

  it("never shows or changes another donor's gifts, whatever ids the request names", async () => {
    const mine = await monthlyDonor("portal-mine@example.org", 2_000);
    const theirs = await monthlyDonor("portal-theirs@example.org", 3_000);
    const cookie = await openPortal("portal-mine@example.org");

    const page = await portalPage(cookie);
    expect(page.recurringGifts.map((g) => g.id)).toEqual([mine.recurring.id]);
    const theirDonations = await db().donation.findMany({ where: { recurringGiftId: theirs.recurring.id } });
    expect(page.gifts.map((g) => g.id)).not.toContain(theirDonations[0]!.id);

    for (const fields of [
      { intent: "amount", gift: theirs.recurring.id, amount: "99.00", key: key() },
      { intent: "pause", gift: theirs.recurring.id, months: "1", key: key() },
      { intent: "cancel", gift: theirs.recurring.id, reason: "", key: key() },
    ] as Array<Record<string, string>>) {
      const refused = await portalPost(cookie, fields);
      expect(refused.status).toBe(404);
    }
    const subscription = await getObject<Stripe.Subscription>(theirs.recurring.stripeSubscriptionId);
    expect(subscription?.status).toBe("active");
    expect(subscription?.pause_collection).toBeNull();
    expect(subscription?.items.data[0]?.price.unit_amount).toBe(3_000);
    expect(await db().recurringGift.findUniqueOrThrow({ where: { id: theirs.recurring.id } })).toMatchObject({
      amount: 3_000,
      status: "active",
    });
  });
});

describe("changing a recurring gift", () => {
  it("raises the amount from the next invoice, without proration, and totals count each instalment at its own amount", async () => {
    const { campaign, recurring } = await monthlyDonor("portal-raise@example.org", 2_500);
    const cookie = await openPortal("portal-raise@example.org");

    const changed = await portalPost(cookie, { intent: "amount", gift: recurring.id, amount: "40", key: key() });
    expect(changed).toMatchObject({ status: 200, data: { ok: true } });
    expect(changed.data?.message).toMatch(/\$40\.00 each month/);

    // Stripe's side: a new inline price on the same product, nothing invoiced now.
    const subscription = (await getObject<Stripe.Subscription>(recurring.stripeSubscriptionId))!;
    const item = subscription.items.data[0]!;
    expect(item.price.unit_amount).toBe(4_000);
    expect(item.price.recurring?.interval).toBe("month");
    expect(await db().donation.count({ where: { recurringGiftId: recurring.id } })).toBe(1);
    expect(await db().recurringGift.findUniqueOrThrow({ where: { id: recurring.id } })).toMatchObject({ amount: 4_000 });

    for (const event of await renewSubscription(recurring.stripeSubscriptionId)) await deliver(event);
    const instalments = await db().donation.findMany({ where: { recurringGiftId: recurring.id }, orderBy: { paidAt: "asc" } });
    expect(instalments.map((d) => d.grossAmount)).toEqual([2_500, 4_000]);
    const figures = (await campaignFigures([campaign.id])).get(campaign.id)!;
    expect(figures.monthly).toEqual({ donations: 2, raised: 6_500 });
    expect(figures.activeMonthly).toEqual({ gifts: 1, monthlyAmount: 4_000 });
    expect(await totalsDisagreeingWithLedger()).toEqual([]);

    // Confirmed by email, and audited as the donor's own change.
    const confirmation = await db().emailMessage.findFirstOrThrow({
      where: { kind: "gift_amount", toAddress: "portal-raise@example.org" },
    });
    expect(confirmation.textBody).toContain("from $25.00 to $40.00, from your next gift on");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "donor.gift_amount", targetId: recurring.id } });
    expect(audit).toMatchObject({ actorId: null, donorActorId: recurring.donorId });
  });

  it("keeps covering the fee, recomputed for the new amount", async () => {
    const { recurring } = await monthlyDonor("portal-fee@example.org", 2_000, { coverFee: true });
    expect(recurring.coveredFee).toBeGreaterThan(0);
    const cookie = await openPortal("portal-fee@example.org");
    expect((await portalPost(cookie, { intent: "amount", gift: recurring.id, amount: "50.00", key: key() })).status).toBe(200);
    const after = await db().recurringGift.findUniqueOrThrow({ where: { id: recurring.id } });
    expect(after.amount).toBe(5_000);
    // The same gross-up as the donation form's, for the new amount.
    expect(after.coveredFee).toBe(coveredFeeFor(5_000, givingSettings("USD").fee));
    expect(after.coveredFee).toBeGreaterThan(recurring.coveredFee);
    for (const event of await renewSubscription(recurring.stripeSubscriptionId)) await deliver(event);
    // Stripe's times are whole seconds: the renewal may be paid in the same second as the first gift.
    const newest = await db().donation.findFirstOrThrow({
      where: { recurringGiftId: recurring.id },
      orderBy: [{ paidAt: "desc" }, { createdAt: "desc" }],
    });
    expect(newest).toMatchObject({ grossAmount: 5_000 + after.coveredFee, coveredFee: after.coveredFee });
  });

  it("refuses an amount outside the limits, or that is not an amount, with a message", async () => {
    const { recurring } = await monthlyDonor("portal-limits@example.org");
    const cookie = await openPortal("portal-limits@example.org");
    const low = await portalPost(cookie, { intent: "amount", gift: recurring.id, amount: "1", key: key() });
    expect(low.status).toBe(422);
    expect(low.data?.message).toMatch(/between \$5\.00 and \$25,000\.00/);
    expect((await portalPost(cookie, { intent: "amount", gift: recurring.id, amount: "lots", key: key() })).status).toBe(422);
    expect((await portalPost(cookie, { intent: "amount", gift: "not-a-gift", amount: "30", key: key() })).status).toBe(422);
    expect((await portalPost(cookie, { intent: "teleport" })).status).toBe(422);
  });

  it("an older event delivered late never undoes a newer change", async () => {
    const { recurring, gift } = await monthlyDonor("portal-late@example.org", 2_500);
    const created = gift.events.find((event) => event.type === "customer.subscription.created")!;
    const cookie = await openPortal("portal-late@example.org");
    await portalPost(cookie, { intent: "amount", gift: recurring.id, amount: "30", key: key() });
    // The subscription's first event, at its old amount, arrives again after the change.
    await deliver({ ...created, id: `evt_late_${crypto.randomUUID().slice(0, 8)}` });
    expect(await db().recurringGift.findUniqueOrThrow({ where: { id: recurring.id } })).toMatchObject({ amount: 3_000 });
  });

  it("pauses for one to three months (nothing is collected), then resumes", async () => {
    const { recurring } = await monthlyDonor("portal-pause@example.org", 2_500);
    const cookie = await openPortal("portal-pause@example.org");
    expect((await portalPost(cookie, { intent: "pause", gift: recurring.id, months: "4", key: key() })).status).toBe(422);

    const paused = await portalPost(cookie, { intent: "pause", gift: recurring.id, months: "2", key: key() });
    expect(paused).toMatchObject({ status: 200, data: { ok: true } });
    const subscription = (await getObject<Stripe.Subscription>(recurring.stripeSubscriptionId))!;
    expect(subscription.pause_collection?.behavior).toBe("void");
    const resumesAt = subscription.pause_collection!.resumes_at! * 1000;
    expect(resumesAt - Date.now()).toBeGreaterThan(58 * 86_400_000);
    expect(resumesAt - Date.now()).toBeLessThan(63 * 86_400_000);
    const gift = await db().recurringGift.findUniqueOrThrow({ where: { id: recurring.id } });
    expect(gift.pausedUntil?.getTime()).toBe(resumesAt);
    expect((await portalPage(cookie)).recurringGifts[0]).toMatchObject({ status: "Paused", paused: true });

    // A period passes while paused: Stripe voids the invoice and takes nothing.
    const voided = await renewSubscription(recurring.stripeSubscriptionId);
    expect(voided.map((e) => e.type)).toEqual(["invoice.voided"]);
    for (const event of voided) await deliver(event);
    expect(await db().donation.count({ where: { recurringGiftId: recurring.id } })).toBe(1);

    expect((await portalPost(cookie, { intent: "resume", gift: recurring.id, key: key() })).status).toBe(200);
    expect((await getObject<Stripe.Subscription>(recurring.stripeSubscriptionId))!.pause_collection).toBeNull();
    expect((await db().recurringGift.findUniqueOrThrow({ where: { id: recurring.id } })).pausedUntil).toBeNull();
    for (const event of await renewSubscription(recurring.stripeSubscriptionId)) await deliver(event);
    expect(await db().donation.count({ where: { recurringGiftId: recurring.id } })).toBe(2);
    expect(
      await db().auditLog.count({ where: { targetId: recurring.id, action: { in: ["donor.gift_pause", "donor.gift_resume"] } } }),
    ).toBe(2);
  });

  it("cancels, keeping the donor's reason for staff and telling Stripe", async () => {
    const { recurring } = await monthlyDonor("portal-cancel@example.org");
    const cookie = await openPortal("portal-cancel@example.org");
    const cancelled = await portalPost(cookie, { intent: "cancel", gift: recurring.id, reason: "Moving abroad", key: key() });
    expect(cancelled).toMatchObject({ status: 200, data: { ok: true } });
    const subscription = (await getObject<Stripe.Subscription>(recurring.stripeSubscriptionId))!;
    expect(subscription.status).toBe("canceled");
    expect(subscription.cancellation_details?.comment).toBe("Moving abroad");
    expect(await db().recurringGift.findUniqueOrThrow({ where: { id: recurring.id } })).toMatchObject({
      status: "canceled",
      cancelReason: "Moving abroad",
    });
    expect((await portalPost(cookie, { intent: "pause", gift: recurring.id, months: "1", key: key() })).status).toBe(409);
  });

  it("sends the donor to Stripe's card update, and can stop receipts for each instalment", async () => {
    const { recurring } = await monthlyDonor("portal-card@example.org");
    const cookie = await openPortal("portal-card@example.org");
    const card = await portalPost(cookie, { intent: "card" });
    expect(card.status).toBe(303);
    const portalSessionId = (card.headers.get("location") ?? "").split("/").pop() ?? "";
    const session = await getObject<Stripe.BillingPortal.Session>(portalSessionId);
    expect(session?.flow?.type).toBe("payment_method_update");
    expect(session?.return_url).toBe("http://localhost:3000/give/portal?card=done");

    expect((await portalPost(cookie, { intent: "preference", preference: "annual" })).status).toBe(200);
    for (const event of await renewSubscription(recurring.stripeSubscriptionId)) await deliver(event);
    const instalments = await db().donation.findMany({ where: { recurringGiftId: recurring.id }, orderBy: { paidAt: "asc" } });
    expect(instalments).toHaveLength(2);
    expect(instalments[1]!.receiptNumber).toMatch(/^TEST-/);
    expect(await db().emailMessage.count({ where: { kind: "receipt", donationId: instalments[1]!.id } })).toBe(0);
    expect(await db().emailMessage.count({ where: { kind: "receipt", donationId: instalments[0]!.id } })).toBe(1);
  });
});

describe("in Spanish", () => {
  async function spanishDonor(email: string) {
    const campaign = await createCampaign({
      title: "Safe homes",
      translations: { es: { title: "Hogares seguros", summary: "Un techo seguro.", story: "Historia." } },
    });
    const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 2_500, email, language: "es" });
    for (const event of gift.events) await deliver(event);
    const recurring = await db().recurringGift.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    return { campaign, recurring };
  }

  it("a Spanish donor's emailed link opens /es/give/portal, which speaks Spanish throughout", async () => {
    const { recurring } = await spanishDonor("portal-es@example.org");
    const cookie = await openPortal("portal-es@example.org", { language: "es" });
    const link = await db().emailMessage.findFirstOrThrow({ where: { kind: "manage_link", toAddress: "portal-es@example.org" } });
    expect(link.subject).toMatch(/Sus donaciones a /);
    expect(link.textBody).toContain("http://localhost:3000/es/give/manage/");

    const page = await portalPage(cookie, "/es/give/portal");
    expect(page.sessionNote).toMatch(/^Por su seguridad, esta página sigue abierta hasta las .+ UTC; después, pida un enlace nuevo\.$/);
    expect(page.recurringGifts[0]).toMatchObject({ id: recurring.id, status: "Activa" });
    expect(page.recurringGifts[0]!.line).toMatch(/25\.00 cada mes a Hogares seguros$/);
    expect(page.recurringGifts[0]!.when).toMatch(/^Próxima donación: \d{1,2} de [a-z]+ de \d{4}$/);
    expect(page.gifts[0]!.gift).toBe("Donación mensual a Hogares seguros");
    expect(JSON.stringify(page)).not.toMatch(/each month|Next gift|Active|Gift to/);

    // The same session on the default language's address speaks English.
    expect((await portalPage(cookie)).recurringGifts[0]!.line).toMatch(/^\$25\.00 each month to Safe homes$/);
  });

  it("answers the forms' problems in Spanish", async () => {
    const { recurring } = await spanishDonor("portal-es-errors@example.org");
    const cookie = await openPortal("portal-es-errors@example.org", { language: "es" });
    const post = (fields: Record<string, string>) => portalPost(cookie, fields, "/es/give/portal");

    const refusals = [
      [{ intent: "amount", gift: recurring.id, amount: "mucho", key: key() }, 422, "Escriba un monto como 25 o 25.00."],
      [{ intent: "amount", gift: recurring.id, amount: "1", key: key() }, 422, /^Done entre .*5\.00 y .*25,000\.00\.$/],
      [{ intent: "amount", gift: recurring.id, amount: "25", key: key() }, 422, "Ese ya es el monto de su donación."],
      [{ intent: "amount", gift: "no-es-una-donacion", amount: "30", key: key() }, 422, "No encontramos esa donación."],
      [{ intent: "pause", gift: recurring.id, months: "7", key: key() }, 422, "Elija 1, 2 o 3 meses."],
      [{ intent: "cancel", gift: recurring.id, reason: "x".repeat(501), key: key() }, 422, "Su motivo debe tener 500 caracteres o menos."],
      [
        { intent: "cancel", gift: recurring.id, reason: "a\u0007b", key: key() },
        400,
        "Quite los caracteres de control invisibles de este texto.",
      ],
      [{ intent: "teletransportar" }, 422, "Elija una opción."],
      [{ intent: "resume", gift: recurring.id, key: key() }, 409, "Esta donación no está en pausa."],
    ] as const;
    for (const [fields, status, message] of refusals) {
      const refused = await post(fields);
      expect({ fields, status: refused.status }).toEqual({ fields, status });
      if (typeof message === "string") expect(refused.data?.message).toBe(message);
      else expect(refused.data?.message).toMatch(message);
    }
    expect((await getObject<Stripe.Subscription>(recurring.stripeSubscriptionId))?.items.data[0]?.price.unit_amount).toBe(2_500);
  });

  it("confirms a change on the Spanish page in Spanish, and emails a Spanish donor in Spanish whatever the page's language", async () => {
    const { recurring } = await spanishDonor("portal-es-change@example.org");
    const cookie = await openPortal("portal-es-change@example.org", { language: "es" });

    const changed = await portalPost(cookie, { intent: "amount", gift: recurring.id, amount: "40", key: key() }, "/es/give/portal");
    expect(changed).toMatchObject({ status: 200, data: { ok: true } });
    expect(changed.data?.message).toMatch(/^Gracias\. A partir de su próxima donación, donará .*40\.00 cada mes\.$/);
    const amount = await db().emailMessage.findFirstOrThrow({ where: { kind: "gift_amount", toAddress: "portal-es-change@example.org" } });
    expect(amount.subject).toMatch(/^\[PRUEBA, no es un recibo fiscal\] Su donación a .+ cambió$/);
    expect(amount.textBody).toMatch(
      /Su donación mensual a “Hogares seguros” pasa de .*25\.00 a .*40\.00, a partir de su próxima donación\./,
    );
    expect(amount.htmlBody).toContain('<html lang="es">');

    // Pressed on the English page: the page answers in English, the email stays in the donor's Spanish.
    const paused = await portalPost(cookie, { intent: "pause", gift: recurring.id, months: "1", key: key() });
    expect(paused.data?.message).toMatch(/^Your gift is paused until [A-Z][a-z]+ \d{1,2}, \d{4}\.$/);
    const pause = await db().emailMessage.findFirstOrThrow({ where: { kind: "gift_pause", toAddress: "portal-es-change@example.org" } });
    expect(pause.textBody).toMatch(/está en pausa: no se cobra nada hasta el \d{1,2} de [a-z]+ de \d{4}\./);
    expect(pause.textBody).not.toContain("is paused");
    expect((await portalPage(cookie, "/es/give/portal")).recurringGifts[0]).toMatchObject({ status: "En pausa", paused: true });
  });

  it("keeps the Spanish pages on the way out: Stripe's card update and back, signing out, a closed session", async () => {
    await spanishDonor("portal-es-card@example.org");
    const cookie = await openPortal("portal-es-card@example.org", { language: "es" });
    const card = await portalPost(cookie, { intent: "card" }, "/es/give/portal");
    expect(card.status).toBe(303);
    expect(card.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/es\/sandbox\/portal\/bps_/);
    const session = await getObject<Stripe.BillingPortal.Session>((card.headers.get("location") ?? "").split("/").pop() ?? "");
    expect(session).toMatchObject({ locale: "es", return_url: "http://localhost:3000/es/give/portal?card=done" });
    expect((await portalPage(cookie, "/es/give/portal?card=done")).notice).toBe("Gracias: su tarjeta quedó actualizada.");

    const signedOut = await portalPost(cookie, { intent: "sign-out" }, "/es/give/portal");
    expect(signedOut.headers.get("location")).toBe("/es/give/manage?signed-out=1");
    const closed = await portalPage(cookie, "/es/give/portal").catch((thrown: unknown) => thrown);
    expect(closed instanceof Response && closed.headers.get("location")).toBe("/es/give/manage?ended=1");
  });
});
