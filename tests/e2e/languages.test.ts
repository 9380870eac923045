import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { browserForThisFile, newPage } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();
const CAMPAIGN = `${baseUrl}/campaigns/end-sex-trafficking`;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

describe("a visitor who reads Spanish, with JavaScript off", () => {
  it("switches to Spanish with a plain link, gives, and lands on the Spanish thank-you page; the choice is remembered", async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(CAMPAIGN);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("link", { name: "Español" }).click();

    await page.waitForURL(`${baseUrl}/es/campaigns/end-sex-trafficking`);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await page.getByRole("heading", { level: 1, name: "Prevenir la trata de personas construyendo comunidad" }).waitFor();
    expect(await page.getByRole("link", { name: "Salir de esta página" }).count()).toBe(1);
    expect(await page.getByText("Línea Directa Nacional contra la Trata de Personas").count()).toBe(1);
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute("href")).toBe(CAMPAIGN);

    await page.getByRole("radio", { name: "$50", exact: true }).check();
    await page.getByRole("textbox", { name: "Su nombre" }).fill("Lucía Donante");
    await page.getByRole("textbox", { name: "Correo electrónico, para su recibo" }).fill("lucia-nojs@example.org");
    await page.getByRole("button", { name: "Donar ahora" }).click();

    // The sandbox's Checkout speaks the locale the session was opened with, as Stripe's does.
    await page.waitForURL(/\/es\/sandbox\/checkout\/cs_test_/);
    await page.getByRole("heading", { level: 1, name: "Entorno de prueba: no se mueve dinero" }).waitFor();
    await page.getByRole("textbox", { name: "Nombre en la tarjeta" }).fill("Lucía Donante");
    await page.getByRole("textbox", { name: "Número de tarjeta" }).fill("4242 4242 4242 4242");
    await page.getByRole("textbox", { name: "Vencimiento (MM / AA)" }).fill("12 / 34");
    await page.getByRole("textbox", { name: "Código de seguridad" }).fill("123");
    await page.getByRole("button", { name: "Donar (sandbox)" }).click();

    await page.waitForURL(/\/es\/give\/thank-you\?session_id=cs_test_/);
    // Without JavaScript the page refreshes itself until the gift is confirmed.
    await page.getByText("Confirmado. Su recibo de prueba va en camino por correo electrónico").waitFor({ timeout: 20_000 });
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await page.getByRole("heading", { level: 1, name: "Gracias por su donación" }).waitFor();
    expect(await page.getByTestId("gift-amount").innerText()).toBe("$50.00");

    // The cookie remembers the choice: the plain address answers with the Spanish page.
    await page.goto(`${baseUrl}/`);
    expect(page.url()).toBe(`${baseUrl}/es`);
    await page.getByRole("heading", { level: 1, name: "Juntos podemos acabar con la trata de personas" }).waitFor();
    // And back to English with the other link.
    await page.getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.context().close();
  });

  it("shows the donation form's problems in Spanish", async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/es/campaigns/end-sex-trafficking`);
    await page.getByRole("radio", { name: "Otro monto" }).check();
    await page.getByRole("textbox", { name: /Otro monto, entre/ }).fill("2");
    await page.getByRole("button", { name: "Donar ahora" }).click();
    await page.locator("#customAmount-error").waitFor();
    expect(await page.locator("#customAmount-error").innerText()).toBe("Done entre $5.00 y $25,000.00.");
    expect(await page.locator("#email-error").innerText()).toMatch(/^Escriba su correo electrónico/);
    expect(await page.getByText("Hay problemas con su donación:").count()).toBe(1);
    await page.context().close();
  });

  it("is sent to the Spanish pages when the browser asks for Spanish first", async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false, locale: "es-MX" });
    await page.goto(CAMPAIGN);
    expect(page.url()).toBe(`${baseUrl}/es/campaigns/end-sex-trafficking`);
    await page.context().close();
  });
});

describe("accessibility in Spanish (axe-core, WCAG 2.2 AA)", () => {
  it("the home page, a campaign page and the form with its errors", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/es`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/es/campaigns/end-sex-trafficking`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("radio", { name: "Otro monto" }).check();
    await page.getByRole("textbox", { name: /Otro monto, entre/ }).fill("1");
    await page.getByRole("button", { name: "Donar ahora" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/es/campaigns/end-sex-trafficking`);
    await page.getByRole("radio", { name: "$25", exact: true }).check();
    await page.getByRole("textbox", { name: "Su nombre" }).fill("Axe Donante");
    await page.getByRole("textbox", { name: "Correo electrónico, para su recibo" }).fill("axe-es@example.org");
    await page.getByRole("button", { name: "Donar ahora" }).click();
    await page.getByRole("heading", { level: 1, name: "Entorno de prueba: no se mueve dinero" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/es/give/manage`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/es/no-such-page`);
    await page.getByRole("heading", { level: 1, name: "Página no encontrada" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
