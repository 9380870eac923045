import fs from "node:fs";

import { beforeAll, describe, expect, inject, it } from "vitest";

import { payCheckout, startCheckout } from "../support/http-giving";
import { routeUrl, staffRouteFiles } from "../support/staff-routes";

/**
 * Every staff route, found from the route files, answers the production
 * server's requests with the staff headers: never stored, never indexed.
 * Remix takes a document's headers from the deepest route that exports
 * `headers`, so this is where a page that drops its layout's headers shows.
 */
const baseUrl = inject("baseUrl");
const accounts = inject("staffAccounts");

const PRIVATE = "private, no-store";
const NOINDEX = /(^|,)\s*noindex\b/;
const ROBOTS_META = /<meta name="robots" content="noindex, nofollow"\/?>/;

async function signIn(account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email: account.email, password: account.password, next: "/admin" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 303 || !cookie) throw new Error(`sign-in answered ${response.status}`);
  return cookie;
}

function get(path: string, cookie?: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
}

function expectStaffHeaders(response: Response, what: string, { page = true } = {}) {
  const cacheControl = response.headers.get("cache-control") ?? "";
  // A page says private, no-store; a download (a resource route) may say just no-store, which no cache may store either.
  if (page) expect(cacheControl, `Cache-Control of ${what}`).toBe(PRIVATE);
  else expect(cacheControl, `Cache-Control of ${what}`).toMatch(/(^|,)\s*no-store\b/);
  expect(response.headers.get("x-robots-tag") ?? "", `X-Robots-Tag of ${what}`).toMatch(NOINDEX);
}

/** The CSV export downloads only through the one-time link that starting it (a POST) answers with. */
async function exportDownloadUrl(cookie: string, path = "/admin/donations/export.csv"): Promise<string> {
  const started = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
    body: "",
  });
  expect(started.status, "starting an export").toBe(303);
  return new URL(started.headers.get("location") ?? "", baseUrl).pathname + new URL(started.headers.get("location") ?? "", baseUrl).search;
}

const routes = staffRouteFiles().map(({ route, file }) => {
  const source = fs.readFileSync(file, "utf8");
  return {
    route,
    hasLoader: /export (async )?function loader\b|export const loader\b/.test(source),
    isPage: /export default\b/.test(source),
  };
});

let admin = "";
let viewer = "";
/** Real ids, so that pages with a parameter render (an unknown id is a 404 from the layout's error page). */
const ids: Record<string, string> = {};

beforeAll(async () => {
  [admin, viewer] = await Promise.all([signIn(accounts.admin), signIn(accounts.viewer)]);
  const email = `headers.${Date.now()}@example.org`;
  const paid = await payCheckout(baseUrl, await startCheckout(baseUrl, { amount: 2_500, email }), email);
  expect(paid.status).toBe(303);
  const donations = await (await get(`/admin/donations?q=${encodeURIComponent(email)}`, admin)).text();
  const campaigns = await (await get("/admin/campaigns", admin)).text();
  ids.donationId = /href="\/admin\/donations\/([0-9a-f-]{36})/.exec(donations)?.[1] ?? "";
  ids.campaignId = /href="\/admin\/campaigns\/([0-9a-f-]{36})"/.exec(campaigns)?.[1] ?? "";
  expect(ids.donationId && ids.campaignId).toBeTruthy();
  const detail = await (await get(`/admin/donations/${ids.donationId}`, admin)).text();
  ids.donorId = /href="\/admin\/donors\/([0-9a-f-]{36})"/.exec(detail)?.[1] ?? "";
  const recorded = await fetch(`${baseUrl}/admin/offline-gifts/new`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: admin, origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      campaignId: ids.campaignId,
      method: "cash",
      receivedOn: "2026-11-01",
      amount: "1",
      currency: "USD",
      name: "Headers",
    }),
  });
  ids.offlineGiftId = /\/admin\/donations\/([0-9a-f-]{36})/.exec(recorded.headers.get("location") ?? "")?.[1] ?? "";
  expect(ids.donorId && ids.offlineGiftId).toBeTruthy();
});

describe("every staff route", () => {
  it("is found on disk, pages and resource routes alike", () => {
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining(["admin", "admin._index", "admin.donations._index", "admin_.sign-in"]),
    );
    expect(routes.some((r) => !r.isPage && r.hasLoader)).toBe(true);
  });

  for (const { route, isPage } of routes.filter((r) => r.hasLoader)) {
    it(`${route}: is private and not indexed, as a document${isPage ? ", as data and in its meta" : ""}`, async () => {
      const cookie = route === "admin_.sign-in" ? undefined : admin;
      const exportPath = {
        "admin.donations.export[.]csv": "/admin/donations/export.csv",
        "admin.donors.export[.]csv": "/admin/donors/export.csv",
      }[route];
      const params = route.startsWith("admin.offline-gifts.") ? { ...ids, donationId: ids.offlineGiftId ?? "" } : ids;
      const url = exportPath ? await exportDownloadUrl(cookie ?? "", exportPath) : routeUrl(route, params).url;
      const response = await get(url, cookie);
      if (response.status >= 300 && response.status < 400) {
        // A loader that only sends elsewhere (sign-out's GET): nothing to store or index.
        expect(response.headers.get("location")).toBeTruthy();
        return;
      }
      expect(response.status, `GET ${url}`).toBe(200);
      expectStaffHeaders(response, `GET ${url}`, { page: isPage });
      if (!isPage) return;
      expect(await response.text(), `robots meta of ${url}`).toMatch(ROBOTS_META);
      const data = await get(`${url === "/" ? "/_root" : url}.data`, cookie);
      expect(data.status, `GET ${url}.data`).toBe(200);
      expectStaffHeaders(data, `GET ${url}.data`);
    });
  }

  it("keeps the headers on the page that refuses a viewer (403) and on an unknown id (404)", async () => {
    const refused = await get("/admin/staff", viewer);
    expect(refused.status).toBe(403);
    expectStaffHeaders(refused, "a viewer's 403");
    expect(await refused.text()).toMatch(ROBOTS_META);
    const missing = await get(`/admin/donations/${crypto.randomUUID()}`, admin);
    expect(missing.status).toBe(404);
    expectStaffHeaders(missing, "an unknown donation's 404");
  });
});
