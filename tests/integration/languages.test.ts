import { describe, expect, it } from "vitest";

import { db } from "~/db/db.server";
import { refundCharge } from "~/payments/sandbox/dashboard.server";
import { stripe } from "~/payments/stripe.server";
import { action as checkoutAction, loader as checkoutLoader } from "~/routes/_site.sandbox.checkout.$sessionId";
import { action as sandboxPortalAction, loader as sandboxPortalLoader } from "~/routes/_site.sandbox.portal.$sessionId";
import { action as campaignAction, loader as campaignLoader } from "~/routes/_site.campaigns.$slug";
import { loader as rootLoader } from "~/root";

import { createCampaign } from "../support/factories";
import { formRequest, loaderArgs, outcome, pageData, thrownStatus } from "../support/requests";
import { recordStripeRequests } from "../support/stripe-requests";
import { deliver, giveThroughSandbox, startCheckout } from "../support/webhooks";

/**
 * A gift made on the Spanish pages is remembered as Spanish with its pledge
 * and donor, so the emails that webhooks write later, from events that say
 * nothing of any language, are Spanish; the default language is untouched.
 */
describe("the donor's language", () => {
  it("writes a Spanish gift's receipt in Spanish, though the webhook carries no language", async () => {
    const campaign = await createCampaign({
      title: "Safe homes",
      translations: { es: { title: "Hogares seguros", summary: "Un techo seguro.", story: "Historia." } },
    });
    const gift = await giveThroughSandbox(campaign.slug, {
      amount: 5_000,
      coverFee: true,
      name: "Ana Donante",
      email: "ana.es@example.org",
      language: "es",
    });
    expect(gift.pledge.language).toBe("es");
    const event = gift.events[0]!;
    // Nothing in what Stripe sends names the language.
    expect(JSON.stringify(event)).not.toMatch(/"language"|"lang"/);
    expect(await deliver(event)).toMatchObject({ status: 200 });

    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id }, include: { donor: true } });
    expect(donation.donor.language).toBe("es");
    const receipt = await db().emailMessage.findFirstOrThrow({ where: { donationId: donation.id, kind: "receipt" } });
    expect(receipt.subject).toContain(`Su recibo ${donation.receiptNumber}`);
    for (const body of [receipt.textBody, receipt.htmlBody]) {
      expect(body).toContain("Gracias, Ana Donante");
      expect(body).toContain("Número de recibo");
      expect(body).toContain("Donación a Hogares seguros");
      expect(body).toMatch(/de los cuales .*1\.44.* los añadió usted para cubrir las comisiones de procesamiento/);
      expect(body).toContain("No se entregaron bienes ni servicios a cambio de esta contribución.");
      expect(body).not.toContain("No goods or services");
    }
    expect(receipt.htmlBody).toContain('<html lang="es">');
  });

  it("names a Spanish gift in Checkout with the campaign's Spanish title, and an English one with its own", async () => {
    const campaign = await createCampaign({
      title: "Safe homes",
      translations: { es: { title: "Hogares seguros", summary: "Un techo seguro.", story: "Historia." } },
    });
    const recorded = recordStripeRequests();
    try {
      await giveThroughSandbox(campaign.slug, { amount: 2_500, email: "nombre.es@example.org", language: "es" });
      await giveThroughSandbox(campaign.slug, { amount: 2_500, email: "name.en@example.org" });
    } finally {
      recorded.stop();
    }
    const names = recorded.requests
      .filter((request) => request.method === "POST" && request.path === "/v1/checkout/sessions")
      .map(
        (request) =>
          (request.body as { line_items: [{ price_data: { product_data: { name: string } } }] }).line_items[0].price_data.product_data.name,
      );
    expect(names).toEqual(["Donación a Hogares seguros", "Gift to Safe homes"]);
  });

  it("writes the refund notice of a Spanish gift in Spanish", async () => {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { amount: 10_000, email: "reembolso@example.org", language: "es" });
    await deliver(gift.events[0]!);
    const donation = await db().donation.findFirstOrThrow({ where: { pledgeId: gift.pledge.id } });
    for (const event of await refundCharge(donation.stripeChargeId!, 2_500)) await deliver(event);
    const notice = await db().emailMessage.findFirstOrThrow({ where: { kind: "refund_notice", donationId: donation.id } });
    // Marked as a test in the notice's language too (sandbox mode).
    expect(notice.subject).toMatch(/^(\[PRUEBA, no es un recibo fiscal\] )?Reembolso de su donación a /);
    expect(notice.textBody).toMatch(/Le hemos reembolsado .*25\.00 de su donación de .*100\.00/);
    expect(notice.textBody).toMatch(/El monto deducible de impuestos corregido de esta donación es .*75\.00/);
    expect(notice.textBody).not.toContain("We have refunded");
  });

  it("keeps a gift made on the default language's pages in English", async () => {
    const campaign = await createCampaign({ title: "Safe homes" });
    const gift = await giveThroughSandbox(campaign.slug, { amount: 2_000, email: "ada.en@example.org" });
    expect(gift.pledge.language).toBe("en");
    await deliver(gift.events[0]!);
    const receipt = await db().emailMessage.findFirstOrThrow({ where: { kind: "receipt", donation: { pledgeId: gift.pledge.id } } });
    expect(receipt.textBody).toContain("No goods or services were provided in exchange for this contribution.");
  });

  it("opens Checkout in Spanish and brings the donor back to the Spanish pages", async () => {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, { amount: 2_000, email: "vuelta@example.org", language: "es" });
    const session = await db().sandboxObject.findUniqueOrThrow({ where: { id: gift.sessionId } });
    const data = session.data as { locale: string; success_url: string; cancel_url: string; url: string };
    expect(data.locale).toBe("es");
    expect(data.success_url).toMatch(/\/es\/give\/thank-you\?session_id=/);
    expect(data.cancel_url).toContain(`/es/campaigns/${campaign.slug}?pledge=`);
    expect(data.url).toContain(`/es/sandbox/checkout/${gift.sessionId}`);
  });
});

it("writes a Spanish donor's annual statement in Spanish", async () => {
  const { queueAnnualStatements } = await import("~/email/statements.data.server");
  const campaign = await createCampaign({
    title: "Year campaign",
    translations: { es: { title: "Campaña del año", summary: "Resumen.", story: "Historia." } },
  });
  const gift = await giveThroughSandbox(campaign.slug, { amount: 3_000, email: "anual.es@example.org", language: "es" });
  await deliver(gift.events[0]!);
  await queueAnnualStatements(new Date().getUTCFullYear());
  const statement = await db().emailMessage.findFirstOrThrow({
    where: { kind: "annual_statement", donor: { email: "anual.es@example.org" } },
  });
  expect(statement.subject).toContain("Su resumen de donaciones de");
  expect(statement.textBody).toContain("Campaña del año");
  expect(statement.textBody).toContain("No se entregaron bienes ni servicios a cambio de estas contribuciones.");
  expect(statement.htmlBody).toContain('<html lang="es">');
});

describe("Spanish pages", () => {
  it("answers the donation form's problems in Spanish", async () => {
    const campaign = await createCampaign();
    const result = outcome<{ errors: Record<string, string> }>(
      await campaignAction({
        request: formRequest(`/es/campaigns/${campaign.slug}`, {
          amount: "other",
          customAmount: "2",
          frequency: "once",
          name: "",
          email: "x",
        }),
        params: { slug: campaign.slug, lang: "es" },
        context: { clientIp: "192.0.2.200" },
      }),
    );
    expect(result.status).toBe(422);
    expect(result.data?.errors).toMatchObject({
      customAmount: expect.stringMatching(/^Done entre .*5\.00 y .*25[,.]000\.00\.$/),
      name: "Escriba su nombre, tal como debe aparecer en su recibo.",
      email: "Escriba un correo electrónico como nombre@ejemplo.org.",
    });
  });

  it("shows a campaign's Spanish words, or the default language's with a note when it has none", async () => {
    const translated = await createCampaign({
      title: "Safe homes",
      translations: { es: { title: "Hogares seguros", summary: "Resumen.", story: "Una **historia**." } },
    });
    const page = pageData(await campaignLoader(loaderArgs(`/es/campaigns/${translated.slug}`, { slug: translated.slug, lang: "es" })));
    expect(page.campaign).toMatchObject({ title: "Hogares seguros", lang: "es", translated: true });
    expect(page.campaign.storyHtml).toContain("<strong>historia</strong>");

    const untranslated = await createCampaign({ title: "Only English" });
    const fallback = pageData(
      await campaignLoader(loaderArgs(`/es/campaigns/${untranslated.slug}`, { slug: untranslated.slug, lang: "es" })),
    );
    expect(fallback.campaign).toMatchObject({ title: "Only English", lang: "en", translated: false });
  });

  it("gives the root the address's language, and refuses a prefix that is no other language of the site", async () => {
    const root = pageData(await rootLoader(loaderArgs("/es/campaigns/x", { lang: "es", slug: "x" })));
    expect(root.language).toEqual({ lang: "es", defaultLanguage: "en", languages: ["en", "es"] });
    expect(root.organisation.hotlineText).toContain("Línea Directa Nacional contra la Trata de Personas");
    expect(await thrownStatus(() => rootLoader(loaderArgs("/xx", { lang: "xx" })))).toBe(404);
    expect(await thrownStatus(() => rootLoader(loaderArgs("/en/give/manage", { lang: "en" })))).toBe(301);
  });

  it("the sandbox's checkout page answers the pay form's, the card's and the bank's problems in Spanish", async () => {
    const campaign = await createCampaign();
    const { sessionId } = await startCheckout(campaign.slug, { amount: 2_000, email: "tarjeta@example.org", language: "es" });
    const pay = async (fields: Record<string, string>, prefix = "/es") =>
      outcome<{ errors: Record<string, string> }>(
        await checkoutAction({
          request: formRequest(`${prefix}/sandbox/checkout/${sessionId}`, fields),
          params: { sessionId },
          context: {},
        }),
      );
    const card = { email: "tarjeta@example.org", name: "Ana", expiry: "12 / 34", cvc: "123" };

    const incomplete = await pay({ email: "x", name: "", cardNumber: "42", expiry: "13/99", cvc: "1" });
    expect(incomplete.data?.errors).toEqual({
      email: "Escriba un correo electrónico como nombre@ejemplo.org.",
      name: "Escriba el nombre que figura en la tarjeta.",
      cardNumber: "El número de su tarjeta está incompleto.",
      expiry: "Escriba la fecha de vencimiento como MM / AA.",
      cvc: "El código de seguridad de su tarjeta está incompleto.",
    });
    expect((await pay({ ...card, cardNumber: "4000 0000 0000 0002" })).data?.errors).toEqual({ cardNumber: "Su tarjeta fue rechazada." });
    expect((await pay({ ...card, cardNumber: "4000 0000 0000 9995" })).data?.errors).toEqual({
      cardNumber: "Su tarjeta no tiene fondos suficientes.",
    });
    // The same card on the default language's page: as Stripe's page words it in English.
    expect((await pay({ ...card, cardNumber: "4000 0000 0000 9995" }, "")).data?.errors).toEqual({
      cardNumber: "Your card has insufficient funds.",
    });
    expect((await pay({ ...card, cardNumber: "4111 1111 1111 1111" })).data?.errors.cardNumber).toMatch(
      /^El número de su tarjeta no es correcto\. En el entorno de prueba, use 4242/,
    );
    expect((await pay({ method: "bank", email: card.email, name: "Ana", bankAccount: "12345" })).data?.errors).toEqual({
      bankAccount: "Use una de las cuentas bancarias de prueba que aparecen arriba.",
    });
    expect((await pay({ method: "bank", email: card.email, name: "Ana", bankAccount: "DE89370400440532013000" })).data?.errors).toEqual({
      bankAccount: "Los débitos SEPA son en EUR; esta donación es en USD.",
    });

    const page = await checkoutLoader(loaderArgs(`/es/sandbox/checkout/${sessionId}`, { sessionId }));
    expect(page.session.bankAccounts.map((account) => account.outcome)).toEqual(
      expect.arrayContaining(["funciona", "falla (fondos insuficientes)", "falla (cuenta cerrada)", "falla (débito no autorizado)"]),
    );
  });

  it("the sandbox's billing portal names a gift's amount, period and status in Spanish", async () => {
    const campaign = await createCampaign();
    const gift = await giveThroughSandbox(campaign.slug, {
      frequency: "yearly",
      amount: 12_000,
      email: "portal.es@example.org",
      language: "es",
    });
    for (const event of gift.events) await deliver(event);
    const donor = await db().donor.findUniqueOrThrow({ where: { email: "portal.es@example.org" } });
    const portal = await stripe().billingPortal.sessions.create({
      customer: donor.stripeCustomerId!,
      return_url: "http://localhost:3000/es/give/portal",
      locale: "es",
    });
    expect(portal.url).toContain("/es/sandbox/portal/");
    const args = loaderArgs(`/es/sandbox/portal/${portal.id}`, { sessionId: portal.id });
    const page = await sandboxPortalLoader(args);
    expect(page.subscriptions).toHaveLength(1);
    expect(page.subscriptions[0]).toMatchObject({ status: "active", statusLabel: "activa" });
    expect(page.subscriptions[0]!.line).toMatch(/^.*120\.00 al año$/);

    const wrongCard = outcome<{ error: string }>(
      await sandboxPortalAction({
        request: formRequest(`/es/sandbox/portal/${portal.id}`, {
          intent: "card",
          subscription: page.subscriptions[0]!.id,
          cardNumber: "4000 0000 0000 0002",
        }),
        params: { sessionId: portal.id },
        context: {},
      }),
    );
    expect(wrongCard).toMatchObject({ status: 422, data: { error: "En el entorno de prueba, use 4242 4242 4242 4242." } });
  });
});
