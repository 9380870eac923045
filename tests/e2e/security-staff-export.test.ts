import fs from "node:fs";

import { describe, expect, inject, it } from "vitest";

import { browserForThisFile, newPage } from "./browser";

/**
 * The CSV export over HTTP and in Chromium: another site can neither start
 * one (a link or image is a GET, a form is a cross-site POST) nor reuse a
 * download link; the staff member's own button still downloads, with
 * JavaScript on and off.
 */
const baseUrl = inject("baseUrl");
const accounts = inject("staffAccounts");
const browser = browserForThisFile();
const EXPORT = `${baseUrl}/admin/donations/export.csv`;

async function adminCookie(): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email: accounts.admin.email, password: accounts.admin.password, next: "/admin" }),
  });
  expect(response.status).toBe(303);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const post = (cookie: string, headers: Record<string, string>) =>
  fetch(EXPORT, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body: "status=succeeded",
  });

describe("the CSV export over HTTP", () => {
  it("cannot be started from another site, and its download link works once", async () => {
    const cookie = await adminCookie();
    // What a link or an <img> on another page would send: a GET.
    const linked = await fetch(`${EXPORT}?status=succeeded`, { headers: { cookie, "sec-fetch-site": "cross-site" } });
    expect(linked.status).toBe(400);
    expect(linked.headers.get("content-type")).toMatch(/^text\/plain/);
    // A form on another site.
    expect((await post(cookie, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(cookie, { "sec-fetch-site": "cross-site" })).status).toBe(403);

    const started = await post(cookie, { origin: baseUrl });
    expect(started.status).toBe(303);
    const link = new URL(started.headers.get("location") ?? "", baseUrl).href;
    const first = await fetch(link, { headers: { cookie } });
    expect(first.status).toBe(200);
    expect((await first.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^paid_at,receipt_number,/);
    expect((await fetch(link, { headers: { cookie } })).status).toBe(410);
    // Someone who learns the link and has no session is sent to sign in.
    expect((await fetch(link, { redirect: "manual" })).status).toBe(303);
  });
});

describe("the export button in Chromium", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`downloads the CSV with JavaScript ${javaScriptEnabled ? "on" : "off"} and leaves the admin on the donations page`, async () => {
      const page = await newPage(browser(), { acceptDownloads: true, javaScriptEnabled });
      await page.goto(`${baseUrl}/admin/sign-in`);
      await page.getByRole("textbox", { name: "Email" }).fill(accounts.admin.email);
      await page.getByLabel("Password").fill(accounts.admin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${baseUrl}/admin`);
      await page.goto(`${baseUrl}/admin/donations?status=succeeded`);
      if (javaScriptEnabled) await page.waitForLoadState("networkidle");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Export these as CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^donations-\d{4}-\d{2}-\d{2}\.csv$/);
      const file = await download.path();
      expect(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "")).toMatch(/^paid_at,receipt_number,/);
      expect(page.url()).toBe(`${baseUrl}/admin/donations?status=succeeded`);
      await page.context().close();
    });
  }
});
