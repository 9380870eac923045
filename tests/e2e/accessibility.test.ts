import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { browserForThisFile, newPage } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("staffAccounts");
const browser = browserForThisFile();
const CAMPAIGN = `${baseUrl}/campaigns/end-sex-trafficking`;

/** WCAG 2.0, 2.1 and 2.2 A and AA rules (colour contrast included); serious and critical findings fail. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

async function startGift(page: Page) {
  await page.goto(CAMPAIGN);
  await page.getByRole("radio", { name: "$50", exact: true }).check();
  await page.getByRole("textbox", { name: "Your name" }).fill("Axe Donor");
  await page.getByRole("textbox", { name: "Email, for your receipt" }).fill("axe@example.org");
  await page.getByRole("button", { name: "Give now" }).click();
  await page.getByRole("heading", { level: 1, name: "Sandbox: no money moves" }).waitFor();
}

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  it("the audit itself catches faint text and an unlabelled field", async () => {
    const page = await newPage(browser());
    await page.setContent(
      `<html lang="en"><title>t</title><main><p style="color:#bbb;background:#fff">Faint words</p><input type="text"></main></html>`,
    );
    expect((await seriousViolations(page)).map((v) => v.rule).sort()).toEqual(["color-contrast", "label"]);
  });

  it("the home page and a campaign page", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(CAMPAIGN);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the donation form with its errors showing", async () => {
    const page = await newPage(browser());
    await page.goto(CAMPAIGN);
    await page.getByRole("radio", { name: "Other amount" }).check();
    await page.getByRole("textbox", { name: /Other amount, between/ }).fill("1");
    await page.getByRole("textbox", { name: "Email, for your receipt" }).fill("not an email");
    await page.getByRole("button", { name: "Give now" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the sandbox checkout and the thank-you page", async () => {
    const page = await newPage(browser());
    await startGift(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Name on card" }).fill("Axe Donor");
    await page.getByRole("textbox", { name: "Card number" }).fill("4242 4242 4242 4242");
    await page.getByRole("textbox", { name: "Expiry (MM / YY)" }).fill("12 / 34");
    await page.getByRole("textbox", { name: "Security code" }).fill("123");
    await page.getByRole("button", { name: /\(sandbox\)/ }).click();
    await page.getByText("Confirmed. Your test receipt is on its way by email").waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the staff sign-in page and the dashboard", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/admin/sign-in`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Email" }).fill(accounts.admin.email);
    await page.getByLabel("Password").fill(accounts.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/** What has the keyboard focus: its name attribute, type and accessible text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      name: el?.getAttribute("name") ?? "",
      type: el?.getAttribute("type") ?? el?.tagName.toLowerCase() ?? "",
      text: el?.textContent?.trim() ?? "",
      value: el?.value ?? "",
    };
  });
}

/** Presses Tab until `wanted` has the focus (at most 40 times). */
async function tabTo(page: Page, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (wanted(await focused(page))) return;
  }
  throw new Error(`could not reach ${what} with the Tab key`);
}

describe("keyboard only", () => {
  it("gives a gift from the campaign page to the confirmation", async () => {
    const page = await newPage(browser());
    await page.goto(CAMPAIGN);

    // The first Tab reaches the skip link, which jumps over the header.
    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Skip to content");

    await tabTo(page, (f) => f.name === "amount", "the amount choices");
    // Arrow keys move within the radio group; pick the second preset.
    await page.keyboard.press("ArrowRight");
    const chosen = (await focused(page)).value;
    expect(chosen).toMatch(/^\d+$/);

    await tabTo(page, (f) => f.name === "name", "the name field");
    await page.keyboard.type("Kay Board");
    await page.keyboard.press("Tab");
    expect((await focused(page)).name).toBe("email");
    await page.keyboard.type("keyboard@example.org");
    await tabTo(page, (f) => f.text === "Give now", "the Give now button");
    await page.keyboard.press("Enter");

    await page.getByRole("heading", { level: 1, name: "Sandbox: no money moves" }).waitFor();
    await tabTo(page, (f) => f.name === "name", "the name on card");
    await page.keyboard.type("Kay Board");
    await tabTo(page, (f) => f.name === "cardNumber", "the card number");
    await page.keyboard.type("4242 4242 4242 4242");
    await tabTo(page, (f) => f.name === "expiry", "the expiry");
    await page.keyboard.type("12 / 34");
    await tabTo(page, (f) => f.name === "cvc", "the security code");
    await page.keyboard.type("123");
    await page.keyboard.press("Enter");

    await page.getByText("Confirmed. Your test receipt is on its way by email").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("gift-amount").innerText()).toBe(`$${Number(chosen) / 100}.00`);
  });
});
