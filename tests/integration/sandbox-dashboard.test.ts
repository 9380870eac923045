import { http } from "msw";
import type Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { paySandboxSession } from "~/payments/sandbox/checkout.server";
import { sandboxAccount } from "~/payments/sandbox/account.server";
import { action, loader } from "~/routes/_site.sandbox.dashboard";
import { action as webhookAction } from "~/routes/webhooks.stripe";

import { mockServer } from "../mocks/server";
import { createCampaign } from "../support/factories";
import { formRequest, loaderArgs, outcome, thrownStatus } from "../support/requests";
import { staffCookieHeader } from "../support/staff";
import { carried, deliver, startCheckout } from "../support/webhooks";

/** The sandbox's dashboard: admins do there what staff and banks do in Stripe, and the site receives Stripe's events. */
let admin: { Cookie: string };

beforeEach(async () => {
  admin = await staffCookieHeader("admin");
  mockServer.use(http.post("http://127.0.0.1:3000/webhooks/stripe", ({ request }) => webhookAction({ request, params: {}, context: {} })));
});

async function act(fields: Record<string, string>, headers: Record<string, string> = admin, path = "/sandbox/dashboard") {
  return outcome<{ ok: boolean; message: string }>(await action({ request: formRequest(path, fields, headers), params: {}, context: {} }));
}

describe("the sandbox dashboard", () => {
  it("is for admins only", async () => {
    expect(await thrownStatus(() => loader(loaderArgs("/sandbox/dashboard")))).toBe(303);
    const viewer = await staffCookieHeader("viewer");
    expect(await thrownStatus(() => loader(loaderArgs("/sandbox/dashboard", {}, { headers: viewer })))).toBe(403);
    expect(
      await thrownStatus(() =>
        action({ request: formRequest("/sandbox/dashboard", { intent: "clear-faults" }, viewer), params: {}, context: {} }),
      ),
    ).toBe(403);
  });

  it("releases a bank debit, and the site records the gift when the bank's answer arrives", async () => {
    const campaign = await createCampaign();
    const { sessionId, email, name } = await startCheckout(campaign.slug, { amount: 7_500, email: "dashboard.ach@example.org" });
    const paid = await paySandboxSession(sessionId, { email, name, bankAccount: "000123456789" });
    if (!paid.ok) throw new Error(paid.message);
    for (const event of paid.events) await deliver(event);
    const paymentIntent = String(carried<Stripe.Checkout.Session>(paid.events[0]!).payment_intent);

    const page = await loader(loaderArgs("/sandbox/dashboard", {}, { headers: admin }));
    expect(page.bankDebits.map((d) => d.id)).toContain(paymentIntent);

    const released = await act({ intent: "release", paymentIntent });
    expect(released).toMatchObject({ status: 200, data: { ok: true } });
    expect(released.data?.message).toMatch(/1 of 1 events delivered/);
    const pledge = await db().pledge.findUniqueOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(pledge.status).toBe("completed");
    expect(await db().donation.count({ where: { pledgeId: pledge.id } })).toBe(1);
  });

  it("changes the account's settings, and refuses bad input with a message", async () => {
    expect((await act({ intent: "settings", settlementCurrency: "eur", eventsApiVersion: "2025-02-24.acacia" })).status).toBe(200);
    expect(await sandboxAccount()).toEqual({ settlementCurrency: "eur", eventsApiVersion: "2025-02-24.acacia" });
    const bad = await act({ intent: "settings", settlementCurrency: "xyz", eventsApiVersion: "soon" });
    expect(bad.status).toBe(422);
    expect(await act({ intent: "refund", charge: "ch_doesnotexist1" })).toMatchObject({ status: 409, data: { ok: false } });
    expect((await act({ intent: "nonsense" })).status).toBe(422);
  });

  it("speaks the language of its address: English unprefixed, Spanish under /es", async () => {
    expect((await act({ intent: "clear-faults" })).data?.message).toBe("Stripe answers normally again.");
    expect((await act({ intent: "expire", session: "nope" })).data?.message).toBe("Not an id of the right kind.");
    const es = (fields: Record<string, string>) => act(fields, admin, "/es/sandbox/dashboard");
    expect(await es({ intent: "clear-faults" })).toMatchObject({
      status: 200,
      data: { message: "Stripe vuelve a responder con normalidad." },
    });
    expect((await es({ intent: "expire", session: "nope" })).data?.message).toBe("No es un identificador del tipo correcto.");
    expect((await es({ intent: "teleport" })).data?.message).toBe("El entorno de prueba no conoce esa acción.");
    expect((await es({ intent: "fault", method: "POST", path: "/v1/refunds", kind: "api_error", times: "2" })).data?.message).toBe(
      "Las próximas 2 solicitudes POST a /v1/refunds responden api_error.",
    );
    expect((await es({ intent: "expire-due" })).data?.message).toMatch(/^Vencieron 0 sesiones de más de 24 horas\.$/);

    const campaign = await createCampaign();
    const { sessionId, email, name } = await startCheckout(campaign.slug, { amount: 7_500, email: "panel.es@example.org" });
    await es({ intent: "clear-faults" });
    const paid = await paySandboxSession(sessionId, { email, name, bankAccount: "000123456789" });
    if (!paid.ok) throw new Error(paid.message);
    for (const event of paid.events) await deliver(event);
    const paymentIntent = String(carried<Stripe.Checkout.Session>(paid.events[0]!).payment_intent);
    expect((await es({ intent: "release", paymentIntent })).data?.message).toBe(
      `El banco respondió por ${paymentIntent}. Eventos entregados: 1 de 1.`,
    );
  });
});
