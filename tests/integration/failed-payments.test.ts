import { describe, expect, it } from "vitest";

import type Stripe from "stripe";

import { db } from "~/db/db.server";
import { getObject } from "~/payments/sandbox/store.server";
import { CARD_LINK_PURPOSE, CARD_LINK_TTL_MS } from "~/portal/card-link-url.server";
import { endAfterFailedPayments, renewSubscription } from "~/payments/sandbox/dashboard.server";
import { action as cardAction, loader as cardLoader } from "~/routes/_site.give.portal_.card.$token";
import { createSignedToken } from "~/utils/signed-link.server";

import { createCampaign } from "../support/factories";
import { portalPage } from "../support/portal";
import { formRequest, loaderArgs, outcome } from "../support/requests";
import { deliver, giveThroughSandbox } from "../support/webhooks";

async function monthlyGift(email: string, language?: string) {
  const campaign = await createCampaign({
    translations: { es: { title: "Hogares seguros", summary: "Un techo seguro.", story: "Historia." } },
  });
  const gift = await giveThroughSandbox(campaign.slug, { frequency: "monthly", amount: 2_500, email, language });
  for (const event of gift.events) await deliver(event);
  return db().recurringGift.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
}

function useLink(token: string, prefix = "") {
  return cardAction({
    request: formRequest(`${prefix}/give/portal/card/${token}`, {}),
    params: { token },
    context: { clientIp: "198.18.2.1" },
  });
}

describe("failed payments that recover", () => {
  it("the notice carries a signed link, valid 7 days, that opens the portal on Stripe's card update", async () => {
    const gift = await monthlyGift("recover@example.org");
    for (const event of await renewSubscription(gift.stripeSubscriptionId, "failed")) await deliver(event);
    const notice = await db().emailMessage.findFirstOrThrow({ where: { kind: "payment_failed", toAddress: "recover@example.org" } });
    const token = /\/give\/portal\/card\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(notice.textBody)?.[1] ?? "";
    expect(token).not.toBe("");

    // Opening the link only shows a button (mail scanners open nothing).
    expect((await cardLoader(loaderArgs(`/give/portal/card/${token}`, { token }))).problem).toBeNull();
    expect(await db().donorSession.count({ where: { donorId: gift.donorId } })).toBe(0);

    const used = outcome(await useLink(token));
    expect(used.status).toBe(303);
    expect(used.headers.get("location")).toMatch(/\/sandbox\/portal\/bps_/);
    const cookie = (used.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect((await portalPage(cookie)).recurringGifts.map((g) => g.id)).toEqual([gift.id]);
    // Within its 7 days it works again (a second failed attempt, another visit).
    expect(outcome(await useLink(token)).status).toBe(303);
  });

  it("refuses the link after 7 days, and a link signed for another purpose", async () => {
    const gift = await monthlyGift("recover-late@example.org");
    const secret = process.env.SESSION_SECRET ?? "";
    const old = createSignedToken(CARD_LINK_PURPOSE, gift.donorId, CARD_LINK_TTL_MS, secret, Date.now() - CARD_LINK_TTL_MS - 1_000).token;
    expect(outcome(await useLink(old)).status).toBe(410);
    const other = createSignedToken("manage-gifts", gift.donorId, CARD_LINK_TTL_MS, secret).token;
    expect(outcome(await useLink(other)).status).toBe(400);
  });

  it("a second notice when the last retry fails and the gift ends, once", async () => {
    const gift = await monthlyGift("recover-ended@example.org");
    for (const event of await renewSubscription(gift.stripeSubscriptionId, "failed")) await deliver(event);
    const ended = await endAfterFailedPayments(gift.stripeSubscriptionId);
    for (const event of ended) await deliver(event);
    for (const event of ended) await deliver({ ...event, id: `${event.id}x` });
    expect((await db().recurringGift.findUniqueOrThrow({ where: { id: gift.id } })).status).toBe("canceled");
    const notices = await db().emailMessage.findMany({ where: { kind: "gift_ended", toAddress: "recover-ended@example.org" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.textBody).toContain("the payments did not go through, so the gift has ended");
  });

  it("a Spanish donor's notices are Spanish, and their link keeps to the Spanish pages, Stripe's included", async () => {
    const gift = await monthlyGift("recupera@example.org", "es");
    for (const event of await renewSubscription(gift.stripeSubscriptionId, "failed")) await deliver(event);
    const notice = await db().emailMessage.findFirstOrThrow({ where: { kind: "payment_failed", toAddress: "recupera@example.org" } });
    expect(notice.subject).toMatch(/^\[PRUEBA, no es un recibo fiscal\] Su donación mensual a .+ no se completó$/);
    const token = /http:\/\/localhost:3000\/es\/give\/portal\/card\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(notice.textBody)?.[1] ?? "";
    expect(token).not.toBe("");

    const card = cardLoader(loaderArgs(`/es/give/portal/card/${token}`, { token }));
    expect((await card).problem).toBeNull();
    const used = outcome(await useLink(token, "/es"));
    expect(used.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/es\/sandbox\/portal\/bps_/);
    const session = await getObject<Stripe.BillingPortal.Session>((used.headers.get("location") ?? "").split("/").pop() ?? "");
    expect(session).toMatchObject({ locale: "es", return_url: "http://localhost:3000/es/give/portal?card=done" });

    // A link that has run out says so in Spanish.
    const secret = process.env.SESSION_SECRET ?? "";
    const old = createSignedToken(CARD_LINK_PURPOSE, gift.donorId, CARD_LINK_TTL_MS, secret, Date.now() - CARD_LINK_TTL_MS - 1_000).token;
    expect((await cardLoader(loaderArgs(`/es/give/portal/card/${old}`, { token: old }))).problem).toBe(
      "Este enlace venció (funciona durante 7 días). Pida abajo un enlace nuevo a su página de donaciones.",
    );

    const ended = await endAfterFailedPayments(gift.stripeSubscriptionId);
    for (const event of ended) await deliver(event);
    const last = await db().emailMessage.findFirstOrThrow({ where: { kind: "gift_ended", toAddress: "recupera@example.org" } });
    expect(last.subject).toMatch(/^\[PRUEBA, no es un recibo fiscal\] Su donación a .+ terminó$/);
    expect(last.textBody).toMatch(/Intentamos varias veces cobrar su donación de .*25\.00 a “Hogares seguros”/);
    expect(last.textBody).toMatch(/puede empezar una donación nueva aquí: http:\/\/localhost:3000\/es\/campaigns\//);
    expect(last.textBody).not.toContain("the gift has ended");
  });
});
