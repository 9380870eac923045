import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { browserForThisFile, newPage } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("staffAccounts");
const browser = browserForThisFile();

async function raised(page: Page): Promise<number> {
  await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
  return Number((await page.getByTestId("raised").first().innerText()).replace(/[$,]/g, ""));
}

async function signIn(page: Page) {
  await page.goto(`${baseUrl}/admin`);
  await page.waitForURL(/\/admin\/sign-in/);
  await page.getByRole("textbox", { name: "Email" }).fill(accounts.admin.email);
  await page.getByLabel("Password").fill(accounts.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
}

describe("an admin records a cheque", () => {
  it("and the campaign page's progress moves by exactly its amount", async () => {
    const page = await newPage(browser());
    const before = await raised(page);
    await signIn(page);
    await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Record a gift" }).click();
    await page.getByRole("heading", { level: 1, name: "Record an offline gift" }).waitFor();
    const campaign = page.getByLabel("Campaign");
    const option = await campaign
      .locator("option", { hasText: "(USD)" })
      .evaluateAll((options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "" })));
    const target = option.find((o) => /trafficking/i.test(o.text)) ?? option[0]!;
    await campaign.selectOption(target.value);
    await page.getByLabel("Received by").selectOption("cheque");
    await page.getByLabel("Date received").fill(new Date().toISOString().slice(0, 10));
    await page.getByRole("textbox", { name: "Amount" }).fill("125.00");
    await page.getByRole("textbox", { name: /^Reference/ }).fill("004211");
    await page.getByRole("textbox", { name: /^Name/ }).fill("Cheque Writer");
    await page.getByRole("button", { name: "Record gift" }).click();

    await page.getByText("The offline gift was recorded").waitFor();
    await page.getByText("Cheque", { exact: true }).waitFor();
    expect(await raised(page)).toBe(before + 125);
  });
});
