import { describe, expect, inject, it } from "vitest";

import { newPage, browserForThisFile } from "./browser";

const baseUrl = inject("baseUrl");
const browser = browserForThisFile();

describe("a visitor", () => {
  it("goes from the home page to the campaign and sees the hotline on both", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/`);
    expect(await page.locator("aside[aria-label='Help is available']").innerText()).toContain("1-888-373-7888");
    await page.getByRole("link", { name: "Prevent sex trafficking by building community" }).click();
    await page.waitForURL(`${baseUrl}/campaigns/end-sex-trafficking`);
    await page.getByRole("heading", { level: 1, name: "Prevent sex trafficking by building community" }).waitFor();
    await page.waitForFunction(() => document.title.startsWith("Prevent sex trafficking"));
    expect(await page.title()).toContain("Prevent sex trafficking by building community");
    await page.getByRole("heading", { level: 2, name: "Know the indicators" }).waitFor();
    expect(await page.locator("aside[aria-label='Help is available']").innerText()).toContain("233733");
    // Other browser tests give to this campaign on the same server: the bar shows a whole percentage, whatever they gave.
    const percent = Number(await page.getByRole("progressbar").getAttribute("aria-valuenow"));
    expect(Number.isInteger(percent) && percent >= 0 && percent <= 100).toBe(true);
    await page.context().close();
  });

  it("leaves with the quick exit, and Back does not return to the site", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/`);
    await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
    await page.getByRole("link", { name: "Exit this page" }).click();
    await page.waitForURL((url) => !url.href.startsWith(baseUrl));
    await page.goBack();
    // The campaign page was replaced in history: Back lands on the page before it.
    expect(page.url()).toBe(`${baseUrl}/`);
    await page.context().close();
  });

  it("leaves when Shift is pressed three times", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
    await page.waitForFunction(() => document.querySelector("[data-quick-exit]") !== null);
    // The listener is attached by the quick-exit page module, which runs before the load event.
    await page.waitForLoadState("networkidle");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL((url) => !url.href.startsWith(baseUrl));
    await page.context().close();
  });

  it("quick exit is a plain link that works with JavaScript off", async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/campaigns/end-sex-trafficking`);
    await page.getByRole("link", { name: "Exit this page" }).click();
    await page.waitForURL((url) => !url.href.startsWith(baseUrl));
    await page.context().close();
  });

  it("gets a real 404 page for a draft campaign", async () => {
    const page = await newPage(browser());
    const response = await page.goto(`${baseUrl}/campaigns/survivor-housing`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Page not found");
    expect(await page.locator("aside[aria-label='Help is available']").innerText()).toContain("1-888-373-7888");
    await page.context().close();
  });
});
