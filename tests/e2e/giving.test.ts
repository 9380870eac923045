import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { newPage, browserForThisFile } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

async function raised(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
  return page.getByTestId("raised").first().innerText();
}

function dollars(text: string): number {
  return Number(text.replace(/[$,]/g, ""));
}

async function giveThroughSandbox(page: Page, options: { monthly: boolean; amount: "$25" | "$50"; email: string; coverFee?: boolean }) {
  await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
  if (options.monthly) await page.getByRole("radio", { name: "Monthly" }).check();
  await page.getByRole("radio", { name: options.amount, exact: true }).check();
  if (options.coverFee) await page.getByRole("checkbox", { name: /Cover the processing fee/ }).check();
  await page.getByRole("textbox", { name: "Your name" }).fill("Sam Donor");
  await page.getByRole("textbox", { name: "Email, for your receipt" }).fill(options.email);
  await page.getByRole("button", { name: "Give now" }).click();

  await page.waitForURL(/\/sandbox\/checkout\/cs_test_/);
  await page.getByRole("heading", { level: 1, name: "Sandbox: no money moves" }).waitFor();
  await page.getByRole("textbox", { name: "Name on card" }).fill("Sam Donor");
  await page.getByRole("textbox", { name: "Card number" }).fill("4242 4242 4242 4242");
  await page.getByRole("textbox", { name: "Expiry (MM / YY)" }).fill("12 / 34");
  await page.getByRole("textbox", { name: "Security code" }).fill("123");
  await page.getByRole("button", { name: /\(sandbox\)/ }).click();

  await page.waitForURL(/\/give\/thank-you\?session_id=cs_test_/);
  await page.getByText("Confirmed. Your test receipt is on its way by email").waitFor({ timeout: 15_000 });
  return page.getByTestId("gift-amount").innerText();
}

describe("a donor in sandbox mode", () => {
  it("gives 50 USD once with JavaScript, and the campaign moves by exactly the gift", async () => {
    const page = await newPage(browser());
    const before = dollars(await raised(page));
    // With JavaScript the total updates as the donor chooses.
    await page.getByRole("radio", { name: "$50", exact: true }).check();
    await page.getByRole("checkbox", { name: /Cover the processing fee/ }).check();
    expect(await page.getByTestId("live-total").innerText()).toBe("Total $51.44 (includes $1.44 for fees)");

    expect(await giveThroughSandbox(page, { monthly: false, amount: "$50", email: "once-js@example.org", coverFee: true })).toBe("$51.44");
    expect(dollars(await raised(page))).toBe(before + 50);
    expect(await page.content()).not.toContain("once-js@example.org");
    await page.context().close();
  });

  it("gives 25 USD monthly with JavaScript", async () => {
    const page = await newPage(browser());
    const before = dollars(await raised(page));
    expect(await giveThroughSandbox(page, { monthly: true, amount: "$25", email: "monthly-js@example.org" })).toBe("$25.00");
    expect(await page.locator("main").innerText()).toContain("every month");
    expect(dollars(await raised(page))).toBe(before + 25);
    await page.context().close();
  });

  it("gives once and monthly with JavaScript disabled", async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    const before = dollars(await raised(page));
    expect(await giveThroughSandbox(page, { monthly: false, amount: "$50", email: "once-nojs@example.org" })).toBe("$50.00");
    expect(await giveThroughSandbox(page, { monthly: true, amount: "$25", email: "monthly-nojs@example.org" })).toBe("$25.00");
    expect(dollars(await raised(page))).toBe(before + 75);
    await page.context().close();
  });

  it("sees errors next to their fields, with values kept, when JavaScript is off", async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
    await page.getByRole("radio", { name: "Other amount" }).check();
    await page.getByRole("textbox", { name: /Other amount, between/ }).fill("2");
    await page.getByRole("textbox", { name: "Your name" }).fill("Kept Name");
    await page.getByRole("button", { name: "Give now" }).click();
    await page.locator("#customAmount-error").waitFor();
    expect(await page.locator("#customAmount-error").innerText()).toBe("Give between $5.00 and $25,000.00.");
    expect(await page.locator("#email-error").innerText()).toMatch(/Enter your email/);
    expect(await page.getByRole("textbox", { name: "Your name" }).inputValue()).toBe("Kept Name");
    expect(await page.getByRole("textbox", { name: "Email, for your receipt" }).getAttribute("aria-invalid")).toBe("true");
    await page.context().close();
  });

  it("sees a decline the way Stripe shows it, and can pay after", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
    await page.getByRole("radio", { name: "$25", exact: true }).check();
    await page.getByRole("textbox", { name: "Your name" }).fill("Dee Clined");
    await page.getByRole("textbox", { name: "Email, for your receipt" }).fill("declined@example.org");
    await page.getByRole("button", { name: "Give now" }).click();
    await page.getByRole("heading", { level: 1, name: "Sandbox: no money moves" }).waitFor();
    await page.getByRole("textbox", { name: "Name on card" }).fill("Dee Clined");
    await page.getByRole("textbox", { name: "Card number" }).fill("4000 0000 0000 0002");
    await page.getByRole("textbox", { name: "Expiry (MM / YY)" }).fill("12 / 34");
    await page.getByRole("textbox", { name: "Security code" }).fill("123");
    await page.getByRole("button", { name: /\(sandbox\)/ }).click();
    await page.locator("#cardNumber-error").waitFor();
    expect(await page.locator("#cardNumber-error").innerText()).toBe("Your card was declined.");
    await page.context().close();
  });
});

describe("a donor paying by bank debit in sandbox mode", () => {
  const accounts = inject("staffAccounts");

  it("waits for the bank, which answers from the sandbox dashboard, and then the gift is confirmed", async () => {
    const page = await newPage(browser());
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // A page whose server HTML and browser rendering disagree says so here (React's hydration errors).
    page.on("console", (message) => void (message.type() === "error" && /React/.test(message.text()) && errors.push(message.text())));
    await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
    await page.getByRole("radio", { name: "$25", exact: true }).check();
    await page.getByRole("textbox", { name: "Your name" }).fill("Ada Bank");
    await page.getByRole("textbox", { name: "Email, for your receipt" }).fill("ach-e2e@example.org");
    await page.getByRole("button", { name: "Give now" }).click();
    await page.waitForURL(/\/sandbox\/checkout\/cs_test_/);
    await page.getByRole("textbox", { name: "Account holder" }).fill("Ada Bank");
    await page.getByRole("textbox", { name: "Account number" }).fill("000123456789");
    await page.getByRole("button", { name: "Pay by bank debit" }).click();
    await page.waitForURL(/\/give\/thank-you\?session_id=cs_test_/);
    await page.getByText("Processing: we are waiting for the payment to be confirmed.").waitFor();
    const thankYou = page.url();

    await page.goto(`${baseUrl}/admin/sign-in?next=%2Fadmin`);
    await page.getByRole("textbox", { name: "Email" }).fill(accounts.admin.email);
    await page.getByLabel("Password").fill(accounts.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    await page.goto(`${baseUrl}/sandbox/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Sandbox dashboard: no money moves" }).waitFor();
    await page.getByRole("button", { name: "The bank answers" }).first().click();
    await page.getByRole("status").filter({ hasText: "1 of 1 events delivered" }).waitFor();

    await page.goto(thankYou);
    await page
      .getByText("Confirmed. Your test receipt is on its way by email: no money moved, so it is not a tax receipt.")
      .waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
  });
});
