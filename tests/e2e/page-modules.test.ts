import zlib from "node:zlib";

import { describe, expect, inject, it } from "vitest";

import { newPage, browserForThisFile } from "./browser";

/**
 * Public pages are sent without React (decision 029): no Remix scripts, no
 * modulepreload links, only the plain modules in /modules/, at most 10 KiB
 * gzip in all; and what those modules do works in Chromium.
 */
const baseUrl = inject("baseUrl");
const browser = browserForThisFile();
const CAMPAIGN = "/campaigns/end-sex-trafficking";
const PUBLIC_PAGES = ["/", CAMPAIGN, "/give/thank-you", "/give/manage", "/give/manage/not-a-real-token"];
const JS_BUDGET_GZIP = 10 * 1024;

describe("public pages without the React runtime", () => {
  for (const path of PUBLIC_PAGES) {
    it(`${path} loads only plain modules, within ${JS_BUDGET_GZIP / 1024} KiB gzip, and no React`, async () => {
      const page = await newPage(browser());
      const scripts: { url: string; gzip: number }[] = [];
      page.on("response", async (response) => {
        if (response.request().resourceType() !== "script") return;
        const body = await response.body().catch(() => Buffer.alloc(0));
        scripts.push({ url: new URL(response.url()).pathname, gzip: zlib.gzipSync(body).length });
      });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("networkidle");

      const html = await page.content();
      expect(html).not.toContain('rel="modulepreload"');
      expect(html).not.toContain("__remixContext");
      expect(await page.evaluate(() => "__remixContext" in window || "__reactRouterVersion" in window)).toBe(false);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script.url).toMatch(/^\/modules\/[a-z-]+\.js$/);
      expect(scripts.reduce((sum, script) => sum + script.gzip, 0)).toBeLessThanOrEqual(JS_BUDGET_GZIP);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it("staff pages still hydrate: the sign-in page loads Remix's scripts", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/admin/sign-in`);
    expect(await page.evaluate(() => "__remixContext" in window)).toBe(true);
    await page.context().close();
  });
});

describe("the public pages' modules at work", () => {
  it("the live total follows the donor's choices, and the sent form says it is on its way", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}${CAMPAIGN}`);
    expect(await page.getByTestId("live-total").innerText()).toBe("");
    await page.getByRole("radio", { name: "Monthly" }).check();
    await page.getByRole("radio", { name: "Other amount" }).check();
    await page.getByRole("textbox", { name: /Other amount, between/ }).fill("50");
    await page.getByRole("checkbox", { name: /Cover the processing fee/ }).check();
    expect(await page.getByTestId("live-total").innerText()).toBe("Total $51.44 each month (includes $1.44 for fees)");

    // A refused gift (no email) comes back from the server as a new page, the choices kept and its modules running again.
    await page.getByRole("button", { name: "Give now" }).click();
    await page.locator("#email-error").waitFor();
    await page.getByRole("radio", { name: "$100", exact: true }).check();
    expect(await page.getByTestId("live-total").innerText()).toBe("Total $102.56 each month (includes $2.56 for fees)");
    await page.context().close();
  });

  it("the exit control replaces the page in history, and Shift three times leaves from the home page", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/`);
    await page.goto(`${baseUrl}/give/manage`);
    await page.getByRole("link", { name: "Exit this page" }).click();
    await page.waitForURL((url) => !url.href.startsWith(baseUrl));
    await page.goBack();
    expect(page.url()).toBe(`${baseUrl}/`);
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL((url) => !url.href.startsWith(baseUrl));
    await page.context().close();
  });

  it("with JavaScript off the donation form still posts to the server, which answers with the problems", async () => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${baseUrl}${CAMPAIGN}`);
    await page.getByRole("radio", { name: "$50", exact: true }).check();
    await page.getByRole("button", { name: "Give now" }).click();
    await page.locator("#email-error").waitFor();
    expect(await page.getByTestId("live-total").innerText()).toBe("");
    await page.context().close();
  });
});
