import { describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { dashboard } from "~/dashboard/dashboard.data.server";
import { suggestedMonthlyAmount } from "~/giving/invitation";
import { paySandboxSession } from "~/payments/sandbox/checkout.server";
import { action as campaignAction } from "~/routes/_site.campaigns.$slug";
import { action as inviteAction, loader as inviteLoader } from "~/routes/_site.give.invite.$pledgeId";

import { createCampaign } from "../support/factories";
import { formRequest, outcome } from "../support/requests";
import { deliver } from "../support/webhooks";

let ipSeed = 0;

/** The donation form posted as a browser without JavaScript posts it; returns where it sent the donor and the gift cookie. */
async function give(slug: string, amount: string, email: string, extra: Record<string, string> = {}, prefix = "") {
  const response = await campaignAction({
    request: formRequest(`${prefix}/campaigns/${slug}`, {
      amount: "other",
      customAmount: amount,
      frequency: "once",
      name: "Ivy Invited",
      email,
      dedicationKind: "",
      dedicationName: "",
      comment: "",
      ...extra,
    }),
    params: { slug },
    context: { clientIp: `192.0.2.${++ipSeed}` },
  });
  const result = outcome(response);
  return {
    status: result.status,
    location: result.headers.get("location") ?? "",
    cookie: (result.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
  };
}

function invitePage(pledgeId: string, cookie: string, prefix = "") {
  return inviteLoader({
    request: new Request(`http://localhost:3000${prefix}/give/invite/${pledgeId}`, { headers: { cookie } }),
    params: { pledgeId },
    context: {},
  });
}

async function answer(pledgeId: string, cookie: string, choice: string, prefix = "") {
  return outcome<{ problem: string }>(
    await inviteAction({
      request: formRequest(`${prefix}/give/invite/${pledgeId}`, { answer: choice }, { cookie }),
      params: { pledgeId },
      context: {},
    }),
  );
}

describe("the invitation to give monthly", () => {
  it("suggests a third of the one-time amount in whole units, never below the minimum", () => {
    expect(suggestedMonthlyAmount(6_000, "USD", 500)).toBe(2_000);
    expect(suggestedMonthlyAmount(5_000, "USD", 500)).toBe(1_700);
    expect(suggestedMonthlyAmount(1_000, "USD", 500)).toBe(500);
    expect(suggestedMonthlyAmount(10_000, "JPY", 500)).toBe(3_333);
  });

  it("accepted with JavaScript off: one step between the form and a monthly Checkout of the suggested amount", async () => {
    const campaign = await createCampaign({ monthlyInvitation: "third" });
    const gave = await give(campaign.slug, "60.00", "invite-yes@example.org");
    expect(gave.status).toBe(303);
    expect(gave.location).toMatch(/^\/give\/invite\/[0-9a-f-]{36}$/);
    const pledgeId = gave.location.split("/").pop()!;

    const { page } = await invitePage(pledgeId, gave.cookie);
    expect(page?.body).toContain("Instead of $60.00 once, would you give $20.00 each month?");
    expect(page?.accept).toBe("Yes, give $20.00 monthly");
    // Another browser (no gift cookie) sees nothing of it.
    expect((await invitePage(pledgeId, "")).page).toBeNull();

    const accepted = await answer(pledgeId, gave.cookie, "accept");
    expect(accepted.status).toBe(303);
    const sessionId = (accepted.headers.get("location") ?? "").split("/").pop()!;
    expect(sessionId).toMatch(/^cs_test_/);
    expect(await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({
      invitation: "accepted",
      frequency: "monthly",
      amount: 2_000,
    });

    const paid = await paySandboxSession(sessionId, {
      email: "invite-yes@example.org",
      name: "Ivy Invited",
      cardNumber: "4242424242424242",
    });
    if (!paid.ok) throw new Error(paid.message);
    for (const event of paid.events) await deliver(event);
    expect(await db().recurringGift.findFirstOrThrow({ where: { pledgeId } })).toMatchObject({
      amount: 2_000,
      frequency: "monthly",
      status: "active",
    });

    // Shown once: answering again changes nothing.
    expect((await answer(pledgeId, gave.cookie, "decline")).status).toBe(409);
    expect((await invitePage(pledgeId, gave.cookie)).page).toBeNull();
  });

  it("declined with JavaScript off: one click straight to the one-time Checkout, and staff see the rate", async () => {
    const campaign = await createCampaign({ monthlyInvitation: "third" });
    const first = await give(campaign.slug, "45.00", "invite-no@example.org");
    const pledgeId = first.location.split("/").pop()!;
    const declined = await answer(pledgeId, first.cookie, "decline");
    expect(declined.status).toBe(303);
    expect(declined.headers.get("location")).toMatch(/\/sandbox\/checkout\/cs_test_/);
    expect(await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({
      invitation: "declined",
      frequency: "once",
      amount: 4_500,
      invitedAmount: 1_500,
      status: "open",
    });

    const second = await give(campaign.slug, "90.00", "invite-yes2@example.org");
    await answer(second.location.split("/").pop()!, second.cookie, "accept");
    await give(campaign.slug, "30.00", "invite-later@example.org");

    const row = (await dashboard(30)).campaigns.find((c) => c.id === campaign.id)!;
    expect(row.invitation).toEqual({ shown: 3, accepted: 1, declined: 1 });
  });

  it("is not shown when the campaign's setting is off, nor for a monthly gift", async () => {
    const off = await createCampaign();
    expect((await give(off.slug, "60.00", "invite-off@example.org")).location).toMatch(/\/sandbox\/checkout\/cs_test_/);
    const on = await createCampaign({ monthlyInvitation: "third" });
    expect((await give(on.slug, "60.00", "invite-monthly@example.org", { frequency: "monthly" })).location).toMatch(
      /\/sandbox\/checkout\/cs_test_/,
    );
  });

  it("in Spanish: the form's language leads to the invitation in it, its refusals too, and to a Spanish Checkout", async () => {
    const campaign = await createCampaign({
      monthlyInvitation: "third",
      translations: { es: { title: "Hogares seguros", summary: "Un techo seguro.", story: "Historia." } },
    });
    const gave = await give(campaign.slug, "60.00", "invita-si@example.org", {}, "/es");
    expect(gave.location).toMatch(/^\/es\/give\/invite\/[0-9a-f-]{36}$/);
    const pledgeId = gave.location.split("/").pop()!;

    const { page } = await invitePage(pledgeId, gave.cookie, "/es");
    expect(page?.title).toBe("¿La convertiría en una donación mensual?");
    expect(page?.body).toMatch(/^Las donaciones mensuales permiten a Hogares seguros planificar su trabajo con las sobrevivientes\./);
    expect(page?.body).toMatch(/En lugar de .*60\.00 una vez, ¿donaría .*20\.00 cada mes\?/);
    expect(page?.accept).toMatch(/^Sí, donar .*20\.00 cada mes$/);
    expect(page?.decline).toMatch(/^No, gracias; donar .*60\.00 una vez$/);

    const nonsense = await answer(pledgeId, gave.cookie, "quizas", "/es");
    expect(nonsense).toMatchObject({ status: 422, data: { problem: "Elija una opción." } });
    expect((await answer(pledgeId, "", "accept", "/es")).data?.problem).toBe(
      "Este paso ya tiene respuesta. Vuelva a empezar su donación desde la página de la campaña.",
    );

    const accepted = await answer(pledgeId, gave.cookie, "accept", "/es");
    expect(accepted.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/es\/sandbox\/checkout\/cs_test_/);
  });
});
