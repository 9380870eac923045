import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { browserForThisFile, newPage } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("staffAccounts");
const browser = browserForThisFile();

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto(`${baseUrl}/admin`);
  await page.waitForURL(/\/admin\/sign-in\?next=%2Fadmin$/);
  await page.getByRole("textbox", { name: "Email" }).fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl}/admin`);
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
}

describe("staff accounts created with npm run staff:create", () => {
  it("an admin signs in, sees every campaign's figures and chart, and signs out", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/admin/sign-in`);
    await page.getByRole("textbox", { name: "Email" }).fill(accounts.admin.email);
    await page.getByLabel("Password").fill("a wrong password entirely");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByRole("alert").innerText()).toBe("That email and password do not match an active staff account.");

    await signIn(page, accounts.admin);
    const nav = page.getByRole("navigation", { name: "Staff" });
    for (const link of ["Dashboard", "Donations", "Campaigns", "Outbox", "Audit log", "Staff"]) {
      await nav.getByRole("link", { name: link }).waitFor();
    }
    await page.getByRole("heading", { level: 2, name: "Prevent sex trafficking by building community" }).waitFor();
    expect(await page.getByRole("img", { name: /raised per day, last 30 days/ }).count()).toBeGreaterThan(0);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "lantern_staff")).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("link", { name: "Last 90 days" }).click();
    await page.waitForURL(`${baseUrl}/admin?range=90`);
    await page
      .getByRole("img", { name: /raised per day, last 90 days/ })
      .first()
      .waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/admin\/sign-in$/);
    await page.goto(`${baseUrl}/admin`);
    await page.waitForURL(/\/admin\/sign-in/);
  });

  it("a viewer signs in and sees figures but no editing pages", async () => {
    const page = await newPage(browser());
    await signIn(page, accounts.viewer);
    const nav = page.getByRole("navigation", { name: "Staff" });
    await nav.getByRole("link", { name: "Donations" }).waitFor();
    expect(await nav.getByRole("link", { name: "Campaigns" }).count()).toBe(0);
    const response = await page.goto(`${baseUrl}/admin/staff`);
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: "Not allowed" }).waitFor();
  });

  it("works without JavaScript", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, accounts.admin);
    await page.getByRole("heading", { level: 2, name: "Prevent sex trafficking by building community" }).waitFor();
    await context.close();
  });
});
