import fs from "node:fs";
import path from "node:path";

import { describe, expect, inject, it } from "vitest";

import { pdfText } from "../support/pdf-text";
import { browserForThisFile, newPage } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const browser = browserForThisFile();

/** The newest link to the giving page emailed to `email`, read from the outbox's .eml files (quoted-printable undone). */
async function emailedLink(email: string, prefix = ""): Promise<string> {
  const outbox = path.join(dataDir, "outbox");
  const deadline = Date.now() + 30_000;
  for (;;) {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox) : [];
    for (const file of files) {
      const raw = fs
        .readFileSync(path.join(outbox, file), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=3D/g, "=");
      if (!raw.includes(`To: ${email}`)) continue;
      const link = new RegExp(`http://127\\.0\\.0\\.1:\\d+${prefix}/give/manage/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`).exec(raw)?.[0];
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`no link emailed to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("a monthly donor on their giving page, with JavaScript off", () => {
  it("opens the emailed link, raises the monthly gift and downloads a receipt", async () => {
    const email = "portal-e2e@example.org";
    const page = await newPage(browser(), { javaScriptEnabled: false, acceptDownloads: true });

    await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
    await page.getByRole("radio", { name: "Monthly" }).check();
    await page.getByRole("radio", { name: "$25", exact: true }).check();
    await page.getByRole("textbox", { name: "Your name" }).fill("Pat Portal");
    await page.getByRole("textbox", { name: "Email, for your receipt" }).fill(email);
    await page.getByRole("button", { name: "Give now" }).click();
    await page.waitForURL(/\/sandbox\/checkout\/cs_test_/);
    await page.getByRole("textbox", { name: "Name on card" }).fill("Pat Portal");
    await page.getByRole("textbox", { name: "Card number" }).fill("4242 4242 4242 4242");
    await page.getByRole("textbox", { name: "Expiry (MM / YY)" }).fill("12 / 34");
    await page.getByRole("textbox", { name: "Security code" }).fill("123");
    await page.getByRole("button", { name: /\(sandbox\)/ }).click();
    await page.getByText("Confirmed. Your test receipt is on its way by email").waitFor({ timeout: 15_000 });

    await page.goto(`${baseUrl}/give/manage`);
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.goto(await emailedLink(email));
    await page.getByRole("button", { name: "Open my giving page" }).click();
    await page.waitForURL(`${baseUrl}/give/portal`);
    await page.getByRole("heading", { level: 1, name: "Your giving" }).waitFor();

    const gift = page.getByTestId("recurring-gift");
    expect(await gift.getByRole("heading").innerText()).toMatch(/^\$25\.00 each month to /);
    expect(await gift.innerText()).toMatch(/Next gift: [A-Z][a-z]+ \d{1,2}, \d{4}/);
    await gift.getByRole("textbox", { name: /New amount/ }).fill("40");
    await gift.getByRole("button", { name: "Change amount" }).click();
    await page.getByText("Thank you. From your next gift on you give $40.00 each month.").waitFor();
    expect(await page.getByTestId("recurring-gift").getByRole("heading").innerText()).toMatch(/^\$40\.00 each month to /);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Receipt (PDF)" }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^receipt-TEST-\d{4}-\d{6}\.pdf$/);
    const file = await download.path();
    const pdf = await pdfText(fs.readFileSync(file));
    expect(pdf.text).toContain("Amount: $25.00 (USD)");
    expect(pdf.text).toMatch(/EIN \S+/);
    await page.context().close();
  });

  it("in Spanish: gives on the Spanish pages, opens the Spanish link and changes the gift, every word Spanish", async () => {
    const email = "portal-e2e-es@example.org";
    const page = await newPage(browser(), { javaScriptEnabled: false, acceptDownloads: true });

    await page.goto(`${baseUrl}/es/campaigns/end-sex-trafficking`);
    await page.getByRole("radio", { name: "Cada mes" }).check();
    await page.getByRole("radio", { name: "$25", exact: true }).check();
    await page.getByRole("textbox", { name: "Su nombre" }).fill("Paz Portal");
    await page.getByRole("textbox", { name: "Correo electrónico, para su recibo" }).fill(email);
    await page.getByRole("button", { name: "Donar ahora" }).click();
    await page.waitForURL(/\/es\/sandbox\/checkout\/cs_test_/);
    await page.getByRole("textbox", { name: "Nombre en la tarjeta" }).fill("Paz Portal");
    await page.getByRole("textbox", { name: "Número de tarjeta" }).fill("4000 0000 0000 9995");
    await page.getByRole("textbox", { name: "Vencimiento (MM / AA)" }).fill("12 / 34");
    await page.getByRole("textbox", { name: "Código de seguridad" }).fill("123");
    await page.getByRole("button", { name: /\(sandbox\)/ }).click();
    await page.getByText("Su tarjeta no tiene fondos suficientes.").first().waitFor();
    await page.getByRole("textbox", { name: "Número de tarjeta" }).fill("4242 4242 4242 4242");
    await page.getByRole("textbox", { name: "Código de seguridad" }).fill("123");
    await page.getByRole("button", { name: /\(sandbox\)/ }).click();
    await page.getByText("Confirmado. Su recibo de prueba va en camino").waitFor({ timeout: 15_000 });

    await page.goto(`${baseUrl}/es/give/manage`);
    await page.getByRole("textbox", { name: "Correo electrónico" }).fill(email);
    await page.getByRole("button", { name: "Enviarme un enlace" }).click();
    await page.goto(await emailedLink(email, "/es"));
    await page.getByRole("button", { name: "Abrir mi página de donaciones" }).click();
    await page.waitForURL(`${baseUrl}/es/give/portal`);
    await page.getByRole("heading", { level: 1, name: "Sus donaciones" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("es");

    const gift = page.getByTestId("recurring-gift");
    expect(await gift.getByRole("heading").innerText()).toMatch(/^\$25\.00 cada mes a /);
    expect(await gift.innerText()).toMatch(/Activa · Próxima donación: \d{1,2} de [a-z]+ de \d{4}/);
    await gift.getByRole("textbox", { name: "Nuevo monto (USD)" }).fill("mucho");
    await gift.getByRole("button", { name: "Cambiar el monto" }).click();
    await page.getByText("Escriba un monto como 25 o 25.00.").waitFor();
    await page.getByTestId("recurring-gift").getByRole("textbox", { name: "Nuevo monto (USD)" }).fill("40");
    await page.getByTestId("recurring-gift").getByRole("button", { name: "Cambiar el monto" }).click();
    await page.getByText("Gracias. A partir de su próxima donación, donará $40.00 cada mes.").waitFor();
    expect(await page.getByRole("columnheader").allInnerTexts()).toEqual(["Fecha", "Donación", "Monto", "Recibo", ""]);
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\b(each month|Next gift|Your gifts|Change amount|Receipt)\b/);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Recibo (PDF)" }).first().click()]);
    const pdf = await pdfText(fs.readFileSync(await download.path()));
    expect(pdf.text).toContain("PRUEBA");
    expect(pdf.text).toContain("Monto: $25.00 (USD)");
    await page.context().close();
  });
});
